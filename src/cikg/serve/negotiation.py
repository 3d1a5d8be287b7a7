"""Content negotiation for SPARQL results (SPARQL 1.1 Protocol, section 2.1;
RFC 9110 section 12.5.1 for ``Accept`` with q-values).

Results of SELECT, ASK and CONSTRUCT/DESCRIBE queries have their own
formats; ``?format=`` names one directly and overrides ``Accept``. ASK has
no CSV or TSV form: SPARQL 1.1 Query Results CSV and TSV Formats define
them for SELECT results only, so an ASK asked for in them gets 406.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "BOOLEAN_FORMATS",
    "GRAPH_FORMATS",
    "SOLUTION_FORMATS",
    "Format",
    "NotAcceptable",
    "choose",
    "parse_accept",
]


@dataclass(frozen=True, slots=True)
class Format:
    """A result format: its ``?format=`` name and media type."""

    name: str
    media_type: str


SOLUTION_FORMATS = (
    Format("json", "application/sparql-results+json"),
    Format("xml", "application/sparql-results+xml"),
    Format("csv", "text/csv"),
    Format("tsv", "text/tab-separated-values"),
)
#: ASK results: SPARQL JSON and XML define a boolean form, CSV and TSV none.
BOOLEAN_FORMATS = SOLUTION_FORMATS[:2]
GRAPH_FORMATS = (
    Format("turtle", "text/turtle"),
    Format("ntriples", "application/n-triples"),
    Format("jsonld", "application/ld+json"),
    Format("rdfxml", "application/rdf+xml"),
    Format("trig", "application/trig"),
    Format("nquads", "application/n-quads"),
)
#: Other names clients use in ``?format=``.
_FORMAT_ALIASES = {
    "json-ld": "jsonld", "application/x-json+ld": "jsonld", "ttl": "turtle",
    "n-triples": "ntriples", "nt": "ntriples", "rdf": "rdfxml", "rdf+xml": "rdfxml",
    "rdf/xml": "rdfxml", "n-quads": "nquads", "nq": "nquads", "srj": "json", "srx": "xml",
    "application/json": "json", "application/xml": "xml", "text/xml": "xml",
}  # fmt: skip
_ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
}


class NotAcceptable(ValueError):
    """No format of the result's kind fits the request (HTTP 406)."""


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges with their q-values, best first (stable for ties).

    >>> parse_accept("text/html, application/json;q=0.9, */*;q=0.8")
    [('text/html', 1.0), ('application/json', 0.9), ('*/*', 0.8)]
    """
    ranges = []
    for position, part in enumerate((header or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q, position))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(media, q) for media, q, _ in ranges]


def choose(
    formats: tuple[Format, ...], accept: str | None, override: str | Sequence[str] | None
) -> Format:
    """The format to answer in.

    :param formats: the formats of the result's kind, the default first.
    :param accept: the ``Accept`` header (absent means anything).
    :param override: ``?format=`` values (a name, media type or common
        alias such as ``json-ld`` or ``ttl``); the first that fits wins over
        ``Accept`` (SPARQLWrapper sends two).
    :raises NotAcceptable: if nothing fits.

    >>> choose(SOLUTION_FORMATS, "text/csv;q=0.5, application/sparql-results+xml", None).name
    'xml'
    >>> choose(GRAPH_FORMATS, "application/ld+json", None).name
    'jsonld'
    >>> choose(SOLUTION_FORMATS, "text/turtle", None)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cikg.serve.negotiation.NotAcceptable: none of text/turtle can hold this result; ...
    """
    if override:
        wanted = [override] if isinstance(override, str) else list(override)
        for name in wanted:
            key = _FORMAT_ALIASES.get(name.strip().lower(), name.strip().lower())
            for fmt in formats:
                if key in {fmt.name, fmt.media_type}:
                    return fmt
        raise NotAcceptable(
            f"format {', '.join(wanted)} cannot hold this result; use one of "
            + ", ".join(f.name for f in formats)
        )
    for media, q in parse_accept(accept):
        if q <= 0:
            continue
        if not any(f.media_type == media for f in formats):  # its own name first
            media = _ALIASES.get(media, media)
        if media in {"*/*", "text/*", "application/*", "text/html"}:
            prefix = media.split("/")[0]
            fits = [
                f
                for f in formats
                if media in {"*/*", "text/html"} or f.media_type.startswith(prefix)
            ]
            if fits:
                return fits[0]
            continue
        for fmt in formats:
            if fmt.media_type == media:
                return fmt
    raise NotAcceptable(
        f"none of {accept} can hold this result; it comes as "
        + ", ".join(f.media_type for f in formats)
    )
