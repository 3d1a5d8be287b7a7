"""Golden sentences: prose drawn at random from development documents, each
with the clauses, lead reading or figures a careful reader takes from it.

The rows live in ``tests/data/golden/`` (see its README for how they were
drawn and reviewed). A row the code still gets wrong carries
``known_wrong`` with the reason; it is an expected failure that must keep
failing (``strict``), so a fix shows up as an unexpected pass and the row's
mark is removed with it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from cikg.evaluation import label_matches
from cikg.extract.clauses import text_to_sentences
from cikg.extract.figures import ProseContext, paragraph_to_facts
from cikg.extract.periods import Period, find_periods, month_of_day
from cikg.extract.quantities import UnitTable
from cikg.extract.subjects import SubjectContext, default_context, read_lead
from cikg.records import ObservationFact
from cikg.reference import Reference

GOLDEN = Path(__file__).parent / "data" / "golden"


def _rows(name: str) -> list:
    """The rows of one golden file as pytest params, known failures marked."""
    params = []
    lines = (GOLDEN / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        row = json.loads(line)
        reason = row.get("known_wrong")
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(row, id=f"{name}:{number}", marks=marks))
    return params


def _period(key: str | None) -> Period | None:
    """A period from its IRI key (``year/2021``, ``month/2024-12``,
    ``day/2020-06-30``); a day as its month, as ``reference_date`` gives it."""
    if key is None:
        return None
    parts = [int(p) for p in key.partition("/")[2].split("-")]
    (period,) = find_periods(
        "".join(f"{n}{unit}" for n, unit in zip(parts, "年月日", strict=False))
    )
    assert period.iri.endswith(key), key
    return month_of_day(period)


def _fact_key(fact: dict) -> tuple:
    return (
        Decimal(str(fact["value"])).normalize(),
        fact["unit"],
        fact["period"],
        fact["area"],
        fact["qualifier"],
        fact["status"],
    )


@pytest.fixture(scope="module")
def subjects(reference: Reference, segmenter) -> SubjectContext:
    return default_context(reference, segmenter)


@pytest.fixture(scope="module")
def units(reference: Reference) -> UnitTable:
    return UnitTable.from_quads(reference.reference_quads)


def read_figures(
    row: dict, reference: Reference, subjects: SubjectContext, units: UnitTable
) -> list[dict]:
    """The figures the code reads in a golden row, in the row's own shape."""
    default = _period(row["default_period"])
    ctx = ProseContext(
        units=units,
        subjects=subjects,
        derivation_in=reference.derivation_in,
        is_policy_title=lambda title: bool((kind := reference.title_kind(title)) and kind[1]),
        default_period=default,
        default_year=default.end.year if default else None,
        scope=row["scope"],
    )
    unit_keys = {u.iri: u.key for u in units.units}

    def unit(fact: ObservationFact) -> str | None:
        """The stated unit, else the curated indicator's or, for a change, its
        base's (as ``cikg.mapping.cube`` gives it)."""
        if fact.unit:
            return fact.unit
        for label in (fact.indicator, fact.base_indicator or ""):
            known = reference.indicator(label)
            concept = (
                reference.concept(known) if known and fact.derivation in {None, "change"} else None
            )
            if concept and concept.unit:
                return unit_keys.get(concept.unit)
        return None

    return [
        {
            "indicator": f.indicator,
            "value": f.value,
            "unit": unit(f),
            "period": f.period.iri.rsplit("/id/", 1)[-1],
            "area": f.area,
            "qualifier": f.qualifier,
            "status": f.status,
        }
        for f in paragraph_to_facts(row["text"], 0, ctx).facts
    ]


def compare_figures(
    want: list[dict], got: list[dict], reference: Reference
) -> tuple[list[dict], list[dict]]:
    """(wanted figures not read, figures read not wanted), order aside; a
    label matches as ``cikg.evaluation.label_matches`` judges it, an area by
    the region it names (山西省 is 山西)."""

    def region(fact: dict) -> dict:
        found = reference.region(fact["area"]) if fact["area"] else None
        return {**fact, "area": found.value if found else fact["area"]}

    want, got = [region(f) for f in want], [region(f) for f in got]
    missing = list(want)
    extra = []
    for fact in got:
        match = next(
            (
                w
                for w in missing
                if _fact_key(w) == _fact_key(fact)
                and label_matches(w["indicator"], {fact["indicator"]}, set())
            ),
            None,
        )
        if match is None:
            extra.append(fact)
        else:
            missing.remove(match)
    return missing, extra


@pytest.mark.parametrize("row", _rows("clauses"))
def test_clauses(row: dict) -> None:
    text = row["text"]
    got = [[text[c.start : c.end].strip() for c in s.clauses] for s in text_to_sentences(text)]
    assert got == row["sentences"]


@pytest.mark.parametrize("row", _rows("leads"))
def test_leads(row: dict, subjects: SubjectContext) -> None:
    lead = read_lead(row["lead"], subjects)
    got = {
        key: getattr(lead, key)
        for key in ("kind", "subject", "area", "comparison", "down", "whole")
    }
    assert got == {key: row[key] for key in got}


@pytest.mark.parametrize("row", _rows("figures"))
def test_figures(
    row: dict, reference: Reference, subjects: SubjectContext, units: UnitTable
) -> None:
    got = read_figures(row, reference, subjects, units)
    assert compare_figures(row["facts"], got, reference) == ([], [])
