"""Precision of organisations, policies and works, by hand: sample, then score.

    python benchmarks/entity_audit.py sample --store DIR --kind org --n 50 --seed 17 \
        --out benchmarks/audit/orgs-before.jsonl
    python benchmarks/entity_audit.py sample --store DIR --kind policy --n 50 --seed 17 \
        --out benchmarks/audit/policies-before.jsonl
    python benchmarks/entity_audit.py sample --store DIR --kind work --n 40 --seed 1 \
        --out benchmarks/audit/works-a.jsonl
    python benchmarks/entity_audit.py score benchmarks/audit/orgs-before.jsonl

``sample`` draws organisations (``org:Organization``), policies
(``cikg:Policy``) or works (``schema:CreativeWork``: 《》 titles that are no
policy) at random (``random.Random(seed)`` over their IRIs, sorted)
among those a report's graph refers to, each with its labels, types,
issuers and dates, and up to three passages of evidence (the passages that
mention it, or the citations naming it), verdicts empty.

A person reads each record against its evidence and fills ``checks``:

- organisations: ``is_org`` (it is an organisation, not an event, a
  speech, a method, a list of several bodies or a fragment), ``label``
  (its label is its name, whole, with balanced brackets);
- policies: ``is_policy`` (a law, regulation, plan, opinion, notice or
  other policy document, not a report, standard, treaty, catalogue or
  book), ``issuer`` (the issuers the graph gives are those the text names,
  or none when the text names none; true when the text names none and the
  graph gives none), ``date`` (likewise for the issue date);
- works: ``kind`` (it is a work, and of the kind its ``dcterms:type`` says:
  a report, a technical standard, a self-regulatory code, a treaty, a
  catalogue, a medium …; not a policy), ``publisher`` and ``date`` (as a
  policy's issuer and date, from ``dcterms:publisher`` and ``dcterms:issued``).

A record is right when all its checks are. ``score`` prints precision.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from cikg.store import open_store, query

_ORGS = """
SELECT DISTINCT ?e WHERE { GRAPH ?g { ?r a cikg:Report . ?s ?p ?e } ?e a org:Organization }
"""
_POLICIES = "SELECT DISTINCT ?e WHERE { ?e a cikg:Policy ; cikg:mentionedIn ?m }"
_WORKS = "SELECT DISTINCT ?e WHERE { ?e a schema:CreativeWork ; cikg:mentionedIn ?m }"
_DESCRIBE = """
SELECT ?p ?o WHERE { <E> ?p ?o FILTER(?p IN (skos:prefLabel, skos:altLabel, rdf:type,
  dcterms:title, eli:passed_by, eli:date_document, eli:first_date_entry_in_force,
  eli:type_document, cikg:issuerCount, dcterms:type, dcterms:publisher, dcterms:issued)) }
"""
_EVIDENCE = """
SELECT DISTINCT ?text ?file ?line ?page WHERE {
  { ?x schema:mentions <E> } UNION { <E> cikg:mentionedIn ?x }
  UNION { ?x dcterms:publisher <E> ; a cikg:Citation } UNION { ?c eli:passed_by <E> ; cikg:mentionedIn ?x }
  UNION { ?o sdmx-attribute:compilingOrg <E> ; prov:wasDerivedFrom ?x }
  UNION { ?r dcterms:publisher <E> ; a cikg:Report . ?x prov:wasQuotedFrom ?r ; schema:position 1 }
  ?x cikg:text ?text ; prov:wasQuotedFrom ?report . ?report cikg:sourceFile ?file .
  OPTIONAL { ?x cikg:line ?line } OPTIONAL { ?x cikg:page ?page }
} LIMIT 3
"""
_ISSUERS = """SELECT ?l WHERE { <E> eli:passed_by|dcterms:publisher ?o .
  ?o skos:prefLabel ?l FILTER(LANG(?l) = 'zh') }"""
CHECKS = {
    "org": ("is_org", "label"),
    "policy": ("is_policy", "issuer", "date"),
    "work": ("kind", "publisher", "date"),
}
_DRAWN = {"org": _ORGS, "policy": _POLICIES, "work": _WORKS}


def _short(term) -> str:  # type: ignore[no-untyped-def]
    value = term.value
    if getattr(term, "language", None):
        return f"{value}@{term.language}"
    return value.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if value.startswith("http") else value


def sample(store_dir: Path, kind: str, n: int, seed: int) -> list[dict]:
    """``n`` organisations, policies or works at random with what the graph
    says of them."""
    store = open_store(store_dir, read_only=True)
    iris = sorted({row["e"].value for row in query(store, _DRAWN[kind])})  # type: ignore[union-attr]
    out = []
    for iri in random.Random(seed).sample(iris, min(n, len(iris))):
        described: dict[str, list[str]] = {}
        for row in query(store, _DESCRIBE.replace("<E>", f"<{iri}>")):  # type: ignore[union-attr]
            key = "kind" if row["p"].value.endswith("/terms/type") else _short(row["p"])
            described.setdefault(key, []).append(_short(row["o"]))
        if "passed_by" in described or "publisher" in described:
            labels = query(store, _ISSUERS.replace("<E>", f"<{iri}>"))
            described["issuer_labels"] = sorted({r["l"].value for r in labels})  # type: ignore[union-attr]
        evidence = [
            {
                "file": r["file"].value,
                "line": r["line"].value if r["line"] else None,
                "page": r["page"].value if r["page"] else None,
                "text": r["text"].value[:600],
            }
            for r in query(store, _EVIDENCE.replace("<E>", f"<{iri}>"))  # type: ignore[union-attr]
        ]
        out.append(
            {
                "iri": iri,
                "graph_says": described,
                "evidence": evidence,
                "checks": dict.fromkeys(CHECKS[kind]),
                "note": "",
            }
        )
    return out


def score(records: list[dict]) -> str:
    """Precision overall and per check."""
    judged = [r for r in records if all(v is not None for v in r["checks"].values())]
    right = [r for r in judged if all(r["checks"].values())]
    lines = [f"judged {len(judged)} of {len(records)}; right {len(right)} "
             f"({100 * len(right) / max(1, len(judged)):.1f} %)"]  # fmt: skip
    for check in records[0]["checks"] if records else ():
        wrong = sum(1 for r in judged if r["checks"][check] is False)
        lines.append(f"  {check}: {wrong} wrong")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--store", type=Path, required=True)
    s.add_argument("--kind", choices=sorted(CHECKS), required=True)
    s.add_argument("--n", type=int, default=50)
    s.add_argument("--seed", type=int, default=17)
    s.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("score")
    c.add_argument("sample", type=Path)
    args = parser.parse_args(argv)
    if args.command == "sample":
        records = sample(args.store, args.kind, args.n, args.seed)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{len(records)} {args.kind}s -> {args.out}")
        return 0
    records = [json.loads(line) for line in args.sample.read_text(encoding="utf-8").splitlines()]
    print(score(records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
