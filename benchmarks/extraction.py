"""Recall and label agreement of extraction on every hand-checked set, in one table.

    python benchmarks/extraction.py [--out benchmarks/extraction-after.md]
    python benchmarks/extraction.py --store seeds=DIR --store news=DIR --store pdf=DIR

The second form measures stores built elsewhere (by older code, say, for a
before/after table with today's evaluator) instead of building them.

Builds three stores in a temporary folder (the seeds; the 24 news articles
of ``shared/corpus/news``; the three PDFs of ``shared/corpus/pdf``) and
measures each against its hand-checked facts with :mod:`cikg.evaluation`
(``cikg evaluate``): the shared facts of the 55th (sample) and 46th CNNIC
reports, the news articles (development half: even numbers; held-out
half: odd numbers) and 20 pages of CAICT's 中国数字经济发展报告（2022年）
(held out). Needs the shared folder beside the checkout (or ``CIKG_SHARED``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

from cikg.evaluation import evaluate, read_facts
from cikg.pipeline import build
from cikg.reference import load_reference
from cikg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CIKG_SHARED") or ROOT.parent / "shared")
EVAL = ROOT / "tests" / "data" / "eval"

KEYS = (
    ("text", "observation:text"),
    ("tables", "observation:table"),
    ("policies", "policy"),
    ("issuers", "issuer"),
    ("citations", "citation"),
    ("organisations", "organisation"),
)


def _news(odd: bool) -> list[Path]:
    return [
        p
        for p in sorted((EVAL / "news").glob("news-*.jsonl"))
        if (int(p.name[5:7]) % 2 == 1) == odd
    ]


def sets() -> list[tuple[str, str, list[Path]]]:
    """(name, store key, fact files) of every hand-checked set."""
    return [
        ("55th CNNIC (shared sample)", "seeds", sorted((SHARED / "eval").glob("dev-001_*.jsonl"))),
        ("46th CNNIC (shared, all)", "seeds", sorted((SHARED / "eval").glob("dev-004_*.jsonl"))),
        ("news, development half (even)", "news", _news(odd=False)),
        ("news, held out (odd)", "news", _news(odd=True)),
        ("CAICT 数字经济 2022 pp. 7–26, held out", "pdf", sorted((EVAL / "pdf").glob("*.jsonl"))),
    ]


def _cell(hit: int, total: int) -> str:
    return f"{hit}/{total} ({100 * hit / total:.0f} %)" if total else "–"


def run(out: Path | None, given: dict[str, Path] | None = None) -> str:
    inputs = {
        "seeds": [ROOT / "seeds"],
        "news": sorted((SHARED / "corpus" / "news").glob("news-*.txt")),
        "pdf": [SHARED / "corpus" / "pdf"],
    }
    ref = load_reference()
    lines = [
        "| set | " + " | ".join(name for name, _ in KEYS) + " | text, loose | label agreement |",
        "|---|" + "---|" * (len(KEYS) + 2),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        stores = {}
        for key, paths in inputs.items():
            if given:
                stores[key] = open_store(given[key], read_only=True)
                continue
            build(paths, Path(tmp) / key, reference=ref)
            stores[key] = open_store(Path(tmp) / key, read_only=True)
        for name, key, files in sets():
            if not files:
                continue
            total: Counter[str] = Counter()
            found: Counter[str] = Counter()
            loose: Counter[str] = Counter()
            for score in evaluate(stores[key], read_facts(files), ref):
                total.update(score.total)
                found.update(score.found)
                loose.update(score.loose)
            obs = ("observation:text", "observation:table")
            strict, relaxed = sum(found[k] for k in obs), sum(loose[k] for k in obs)
            lines.append(
                f"| {name} | "
                + " | ".join(_cell(found[k], total[k]) for _, k in KEYS)
                + f" | {_cell(loose['observation:text'], total['observation:text'])}"
                + (f" | {100 * strict / relaxed:.0f} % |" if relaxed else " | – |")
            )
        del stores
    table = "\n".join(lines)
    if out is not None:
        out.write_text(
            "# Extraction measured on the hand-checked facts\n\n"
            "`python benchmarks/extraction.py`; found / gold, strict (value, period, area, "
            "status and label) unless said; label agreement is strict over loose.\n\n"
            + table
            + "\n",
            encoding="utf-8",
        )
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="also write the table to this Markdown file")
    parser.add_argument(
        "--store",
        action="append",
        default=[],
        help="KEY=DIR of a built store (keys: seeds, news, pdf); all three or none",
    )
    args = parser.parse_args(argv)
    given = {k: Path(v) for k, v in (s.split("=", 1) for s in args.store)}
    if given and set(given) != {"seeds", "news", "pdf"}:
        print("--store needs seeds=, news= and pdf=", file=sys.stderr)
        return 2
    if not SHARED.is_dir():
        print(f"no shared folder at {SHARED} (set CIKG_SHARED)", file=sys.stderr)
        return 1
    print(run(args.out, given or None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
