"""The indicator catalogue as built graphs use it, side by side.

    python benchmarks/catalogue.py seeds=/tmp/seeds-store pdf=/tmp/pdf-store \
        [before-seeds=/tmp/old-seeds ...] [--out benchmarks/catalogue-after.md]

    python benchmarks/catalogue.py --build [--out …]   # builds seeds and corpus PDFs first

For each store: indicators that carry observations, curated and candidate;
the share with a real English label (not "(untranslated)", no Chinese);
duplicate groups by catalogue key and near-duplicates (one fact — value of
four or more significant digits, unit, period, area — under two concepts:
:func:`cikg.curation.same_fact_groups`); the share observed at two or more
periods and the share of observations whose indicator is (a series); and,
per pair of documents in one store, how many indicators both
state (a series joined across reports). Then the top 20 candidates and
untranslated terms of the last store. A store built by older code (no
``cikg:curationStatus``) counts every concept not in the catalogue as minted.
"""

from __future__ import annotations

import argparse
import itertools
import os
import tempfile
from pathlib import Path

from cikg.curation import (
    candidates,
    duplicate_groups,
    indicator_uses,
    is_translated,
    same_fact_groups,
    untranslated_terms,
)
from cikg.pipeline import build
from cikg.reference import load_reference
from cikg.segment import Segmenter
from cikg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CIKG_SHARED") or ROOT.parent / "shared")


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f} %)" if whole else "–"


def measure(stores: dict[str, Path]) -> str:
    ref = load_reference()
    lines = [
        "| store | indicators | curated | derived | candidates | real English | duplicate groups (key) "
        "| same-fact groups | at ≥ 2 periods | observations in a series |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    pairs: list[str] = []
    last = None
    for name, path in stores.items():
        store = open_store(path, read_only=True)
        uses = indicator_uses(store)
        curated = sum(u.iri in ref.concepts for u in uses)
        # a store built before curation statuses counts every minted concept as a candidate
        marked = any(u.candidate for u in uses)
        minted = sum(u.candidate for u in uses) if marked else len(uses) - curated
        english = sum(is_translated(u.en) for u in uses)
        keys = duplicate_groups(uses, ref)
        same = same_fact_groups(store, uses)
        series = sum(len(u.periods) > 1 for u in uses)
        observations = sum(u.observations for u in uses)
        in_series = sum(u.observations for u in uses if len(u.periods) > 1)
        lines.append(
            f"| {name} | {len(uses)} | {curated} | {len(uses) - curated - minted} | {minted} | "
            f"{_pct(english, len(uses))} | {len(keys)} ({sum(len(g.members) for g in keys)} "
            f"concepts) | {len(same)} | {_pct(series, len(uses))} | "
            f"{_pct(in_series, observations)} |"
        )
        documents = sorted({d for u in uses for d in u.documents})
        for a, b in itertools.combinations(documents, 2):
            in_a = {u.iri for u in uses if a in u.documents}
            in_b = {u.iri for u in uses if b in u.documents}
            both = in_a & in_b
            if both:
                pairs.append(
                    f"| {name} | {a.rsplit('/', 1)[-1]} | {b.rsplit('/', 1)[-1]} | "
                    f"{len(in_a)} | {len(in_b)} | {len(both)} |"
                )
        last = (store, uses)
    out = ["## Catalogue use", "", *lines, ""]
    if pairs:
        out += [
            "## Series joined across reports (indicators both documents state)",
            "",
            "| store | document | other document | indicators | indicators | both |",
            "|---|---|---|---|---|---|",
            *pairs,
            "",
        ]
    if last is not None:
        store, uses = last
        top = candidates(store)[:20]
        out += [
            f"## Top 20 candidates ({list(stores)[-1]})",
            "",
            "| label | English | observations | documents |",
            "|---|---|---|---|",
            *(f"| {c.label} | {c.english} | {c.observations} | {c.documents} |" for c in top),
            "",
        ]
        terms = untranslated_terms(uses, ref, Segmenter.from_reference(ref)).most_common(20)
        out += [
            "## Top 20 terms the glossary lacks",
            "",
            ", ".join(f"{t} ({n})" for t, n in terms) or "none",
            "",
        ]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="*", help="name=path of a built store")
    parser.add_argument("--build", action="store_true", help="build seeds and corpus PDFs first")
    parser.add_argument("--out", type=Path, help="also write the report here")
    args = parser.parse_args()
    stores = dict(s.split("=", 1) for s in args.stores)
    with tempfile.TemporaryDirectory() as tmp:
        if args.build:
            ref = load_reference()
            for name, paths in (
                ("seeds", [ROOT / "seeds"]),
                ("corpus PDFs", [SHARED / "corpus" / "pdf"]),
            ):
                build(paths, Path(tmp) / name, reference=ref)
                stores[name] = str(Path(tmp) / name)
        report = measure({name: Path(path) for name, path in stores.items()})
    print(report)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
