"""Precision of the prose half of the graph, by hand: sample, then score.

    python benchmarks/precision_audit.py sample --store DIR --n 100 --seed 15 \
        --out benchmarks/audit/seeds-before.jsonl [--files 000_… 001_…]
    python benchmarks/precision_audit.py score benchmarks/audit/seeds-before.jsonl
    python benchmarks/precision_audit.py score benchmarks/audit/news-d-before.jsonl \
        --store DIR

``score --store`` scores a checked sample against a graph built later: only
the records whose observation (same IRI, same value) that graph still holds
count, and those it no longer holds are listed with their verdicts. A change
that only removes observations is measured exactly so, on the same records;
one that relabels them mints new IRIs and needs a new sample.

``sample`` draws observations at random (``random.Random(seed)``, over the
observations sorted by IRI) among those the graph derives from a passage
(``prov:wasDerivedFrom`` a ``cikg:Passage``: figures read from prose, not
table cells), from the reports built from ``--files`` (all reports when
omitted). Each record holds what the graph states (indicator label, value,
unit, value as written, period, area, qualifier, status) and the evidence
(the passages' text, file and line or page), with empty verdicts.

A person then reads each record against its evidence and fills in
``checks`` (``value``, ``unit``, ``label``, ``period``, ``area``: true or
false) and ``note``. The protocol:

- **value**: the number and its normalisation (万 = 1e4, 亿 = 1e8, sign) are
  what the text states, and it is a measurement: not a category's bound
  (月收入 5000 元以上的网民), not a threshold (10 亿元以上的企业), not a
  currency conversion in brackets, not a lower bound stated next to the
  exact value for the same thing (突破 11 亿人，达 11.08 亿人), not a year
  or decade. A forecast or a target stored as an actual value is wrong
  here too.
- **unit**: the unit is what the number counts (persons, percent,
  percentage points, yuan, items …).
- **label**: the indicator's label names what is measured, with the
  subject, the qualifiers and the base population needed to understand
  it, and no debris (cut words, brackets, 如图 3, a verb); it need not be
  the document's wording.
- **period**: the period that governs the figure (截至 … for a stock;
  the span for a flow: 全年, 上半年, 比上年增长), not a date borrowed
  from another clause, a comparison base or a law's date.
- **area**: the region the figure is about (CN only for a national
  figure; a province, city or country otherwise).

A record is right only when all five are. ``score`` prints precision
overall and per document, and per check.

    python benchmarks/precision_audit.py census --store DIR \
        benchmarks/audit/news-*.jsonl

``census`` pools every judged sample given (files in the order given, the
last verdict of an observation winning) and keeps the records the graph at
``--store`` still holds exactly as judged (the same document and the same
:data:`JUDGED_FIELDS`: label, value, unit, wording of the value, period,
area, qualifier and status; the IRI may differ, as when a sibling of the
same period and area leaves): the judged part of today's graph, far larger
than one sample (the same records come back in sample after sample of a
small corpus). It prints right / held, how much of the graph's prose figures
that covers, and the wrong records with their notes. It measures a change on the records it
leaves as they were; a relabelled record drops out until it is judged again.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

from cikg.store import open_store, query

_OBSERVATIONS = """
SELECT ?obs ?file ?label ?value ?unit ?valueText ?period ?start ?end ?area ?qualifier ?status
WHERE {
  ?obs a qb:Observation ; qb:dataSet/dcterms:source ?report ;
       cikg:indicator ?ind ; sdmx-measure:obsValue ?value ; cikg:valueText ?valueText ;
       sdmx-dimension:refPeriod ?period ; cikg:periodStart ?start ; cikg:periodEnd ?end ;
       sdmx-dimension:refArea ?region .
  ?report cikg:sourceFile ?file .
  FILTER EXISTS { ?obs prov:wasDerivedFrom/a cikg:Passage }
  OPTIONAL { ?ind skos:prefLabel ?label FILTER(LANG(?label) = "zh") }
  OPTIONAL { ?obs sdmx-attribute:unitMeasure/skos:notation ?unit }
  OPTIONAL { ?region skos:prefLabel ?area FILTER(LANG(?area) = "zh") }
  OPTIONAL { ?obs cikg:valueQualifier/skos:notation ?qualifier }
  OPTIONAL { ?obs sdmx-attribute:obsStatus ?status }
}
"""
_EVIDENCE = """
SELECT ?text ?line ?page WHERE {
  <OBS> prov:wasDerivedFrom ?p . ?p a cikg:Passage ; cikg:text ?text .
  OPTIONAL { ?p cikg:line ?line } OPTIONAL { ?p cikg:page ?page }
} ORDER BY ?line ?page
"""
CHECKS = ("value", "unit", "label", "period", "area")


def _value(term) -> str | None:
    return None if term is None else term.value


#: The fields of a record a verdict is about: a change to any of them makes
#: it another record, to be judged again.
JUDGED_FIELDS = (
    "indicator",
    "value",
    "unit",
    "value_text",
    "period",
    "area",
    "qualifier",
    "status",
)


def _record(row) -> dict:  # type: ignore[no-untyped-def]
    """A sample record (verdict not yet filled) from a row of :data:`_OBSERVATIONS`."""
    return {
        "obs": row["obs"].value,
        "doc": row["file"].value,
        "indicator": _value(row["label"]),
        "value": row["value"].value,
        "unit": _value(row["unit"]),
        "value_text": row["valueText"].value,
        "period": row["period"].value.rsplit("/id/", 1)[-1],
        "period_start": row["start"].value,
        "period_end": row["end"].value,
        "area": _value(row["area"]),
        "qualifier": _value(row["qualifier"]),
        "status": _value(row["status"]),
    }


def sample(store_dir: Path, n: int, seed: int, files: list[str] | None) -> list[dict]:
    """``n`` prose observations at random, with their evidence, verdicts empty."""
    store = open_store(store_dir, read_only=True)
    rows: dict[str, dict] = {}
    for row in query(store, _OBSERVATIONS):  # type: ignore[union-attr]
        if files and row["file"].value not in files:
            continue
        rows.setdefault(row["obs"].value, _record(row))
    chosen = random.Random(seed).sample(sorted(rows), min(n, len(rows)))
    out = []
    for iri in chosen:
        record = rows[iri]
        record["evidence"] = [
            {"line": _value(e["line"]), "page": _value(e["page"]), "text": e["text"].value}
            for e in query(store, _EVIDENCE.replace("<OBS>", f"<{iri}>"))  # type: ignore[union-attr]
        ]
        record["checks"] = dict.fromkeys(CHECKS)
        record["note"] = ""
        out.append(record)
    return out


def score(records: list[dict]) -> str:
    """Precision overall, per document and per check, as Markdown."""
    judged = [r for r in records if all(v is not None for v in r["checks"].values())]
    right = [r for r in judged if all(r["checks"].values())]
    lines = [f"judged {len(judged)} of {len(records)}; right {len(right)} "
             f"({100 * len(right) / max(1, len(judged)):.1f} %)", "",
             "| document | judged | right | precision |", "|---|---|---|---|"]  # fmt: skip
    per_doc: Counter[str] = Counter(r["doc"] for r in judged)
    ok_doc: Counter[str] = Counter(r["doc"] for r in right)
    for doc, total in sorted(per_doc.items()):
        lines.append(f"| {doc} | {total} | {ok_doc[doc]} | {100 * ok_doc[doc] / total:.0f} % |")
    lines += ["", "| check | wrong |", "|---|---|"]
    for check in CHECKS:
        lines.append(f"| {check} | {sum(1 for r in judged if r['checks'][check] is False)} |")
    return "\n".join(lines)


def held(records: list[dict], store_dir: Path) -> tuple[list[dict], list[dict]]:
    """The records whose observation the store at ``store_dir`` still holds
    with the same value, and the others."""
    store = open_store(store_dir, read_only=True)
    kept, gone = [], []
    for r in records:
        ask = f"ASK {{ <{r['obs']}> sdmx-measure:obsValue ?v FILTER(STR(?v) = {json.dumps(r['value'])}) }}"
        (kept if query(store, ask) else gone).append(r)
    return kept, gone


def census(store_dir: Path, samples: list[Path]) -> tuple[str, list[dict]]:
    """The judged records of ``samples`` the graph still holds as judged:
    a summary line and the wrong ones (see the module's docstring)."""
    last: dict[str, dict] = {}
    for path in samples:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            checks = record.get("checks") or {}
            if checks and all(v is not None for v in checks.values()):
                last[record["obs"]] = record
    store = open_store(store_dir, read_only=True)
    now: dict[str, tuple] = {}
    for row in query(store, _OBSERVATIONS):  # type: ignore[union-attr]
        record = _record(row)
        now.setdefault(record["obs"], (record["doc"], *(record[f] for f in JUDGED_FIELDS)))
    # a record is held under its IRI, or under another with the same content (an
    # observation's IRI may change when a sibling of the same period and area goes)
    contents = set(now.values())
    held_now = [
        r for r in last.values() if (r["doc"], *(r.get(f) for f in JUDGED_FIELDS)) in contents
    ]
    wrong = [r for r in held_now if not all(r["checks"].values())]
    right = len(held_now) - len(wrong)
    summary = (
        f"right {right} of {len(held_now)} held as judged "
        f"({100 * right / max(1, len(held_now)):.1f} %); the graph has {len(now)} prose "
        f"figures, {100 * len(held_now) / max(1, len(now)):.0f} % of them judged"
    )
    return summary, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample", help="draw a sample to check by hand")
    s.add_argument("--store", type=Path, required=True)
    s.add_argument("--n", type=int, default=100)
    s.add_argument("--seed", type=int, default=15)
    s.add_argument("--files", nargs="*", help="source file names (default: all reports)")
    s.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("score", help="precision of a checked sample")
    c.add_argument("sample", type=Path)
    c.add_argument("--store", type=Path, help="score only what this graph still holds")
    n = sub.add_parser("census", help="precision of every judged record the graph still holds")
    n.add_argument("samples", type=Path, nargs="+")
    n.add_argument("--store", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "census":
        summary, wrong = census(args.store, args.samples)
        print(summary)
        for r in wrong:
            failed = ",".join(k for k, v in r["checks"].items() if not v)
            print(f"- {r['indicator']} {r['value_text']} ({r['doc']}; {failed}): {r['note'][:160]}")
        return 0
    if args.command == "sample":
        records = sample(args.store, args.n, args.seed, args.files)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{len(records)} observations -> {args.out}")
        return 0
    records = [json.loads(line) for line in args.sample.read_text(encoding="utf-8").splitlines()]
    if args.store is not None:
        records, gone = held(records, args.store)
        print(f"{len(gone)} no longer in {args.store}:")
        for r in gone:
            verdict = "right" if all(r["checks"].values()) else "wrong"
            print(f"- {verdict}: {r['indicator']} {r['value_text']} ({r['doc']})")
        print()
    print(score(records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
