"""Serialising query results, with a cap on their size.

pyoxigraph serialises a whole result; to stop at a cap the solutions are
written here, per the W3C result formats: SPARQL 1.1 Query Results JSON,
XML, and CSV/TSV. Graph results are capped and handed to pyoxigraph's
serialisers.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    Triple,
    serialize,
)

from cikg.serve.negotiation import NotAcceptable

__all__ = [
    "RDF_FORMATS",
    "Serialised",
    "serialise_boolean",
    "serialise_solutions",
    "serialise_triples",
    "xml_text",
]

#: What XML 1.0 cannot hold, not even as a character reference (XML 1.0
#: §2.2, production [2] ``Char``): the C0 controls but tab, LF and CR, and
#: U+FFFE and U+FFFF (a ``str`` from pyoxigraph holds no surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: The same characters in UTF-8, and CR, in an RDF/XML document.
_NOT_XML_BYTES = re.compile(b"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]|\r")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
    "trig": RdfFormat.TRIG,
    "nquads": RdfFormat.N_QUADS,
}


@dataclass(frozen=True, slots=True)
class Serialised:
    """A serialised result.

    :param body: the bytes to send.
    :param rows: solutions or triples written.
    :param truncated: whether the cap cut the result.
    """

    body: bytes
    rows: int
    truncated: bool


def _take(items: Iterable, cap: int) -> tuple[list, bool]:
    """At most ``cap`` items, and whether there were more."""
    iterator = iter(items)
    kept = list(islice(iterator, cap))
    return kept, next(iterator, None) is not None


def _json_term(term) -> dict[str, str]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def _text_term(term, tsv: bool) -> str:
    """One cell of a CSV or TSV result (SPARQL 1.1 Query Results CSV and TSV
    Formats, "Serializing RDF Terms" of CSV and of TSV, ``#csv-terms`` and
    ``#tsv-terms``).

    CSV writes an IRI or a literal as its bare string (the format is lossy)
    but a blank node as ``_:label``, so that it cannot be taken for a string;
    TSV writes every term in its Turtle form (``<iri>``, ``"literal"@zh``,
    ``_:b``). An unbound variable is an empty cell.
    """
    if term is None:
        return ""
    if isinstance(term, Triple):  # an RDF 1.2 triple term, as SPARQL 1.2 writes it
        return f"<<( {term} )>>"
    if tsv or isinstance(term, BlankNode):
        return str(term)
    return term.value


def xml_text(text: str) -> str:
    r"""``text`` as XML 1.0 character data: markup escaped, CR as ``&#13;``
    (a parser reads a bare CR as LF, XML 1.0 §2.11), and each character XML
    1.0 cannot hold even escaped (§2.2: U+0000–U+0008, U+000B, U+000C,
    U+000E–U+001F, U+FFFE, U+FFFF) replaced by U+FFFD, the Unicode
    replacement character, so the document stays well-formed.

    A literal with such a character therefore comes back changed in the
    SPARQL XML results format; the JSON, TSV and CSV formats carry it
    unchanged.

    :param text: any string.
    :return: the text to write between tags.

    >>> xml_text("a<b & \x01c\r") == "a&lt;b &amp; \ufffdc&#13;"
    True
    """
    return _NOT_XML.sub("\ufffd", escape(text, {"\r": "&#13;"}))


def _xml_term(term) -> str:
    """One bound term of the SPARQL XML results format (SPARQL Query Results
    XML Format, "Variable Binding Results"): ``<uri>``, ``<bnode>`` or
    ``<literal>``, its value written with :func:`xml_text`. Attribute values
    (datatype IRIs, language tags) cannot hold control characters."""
    if isinstance(term, NamedNode):
        return f"<uri>{xml_text(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{xml_text(term.value)}</bnode>"
    if isinstance(term, Literal):
        value = xml_text(term.value)
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{value}</literal>"
        if term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            return f"<literal datatype={quoteattr(term.datatype.value)}>{value}</literal>"
        return f"<literal>{value}</literal>"
    return f"<literal>{xml_text(str(term))}</literal>"


def serialise_solutions(solutions: QuerySolutions, fmt: str, cap: int) -> Serialised:
    """Write at most ``cap`` solutions in ``fmt`` (json, xml, csv, tsv).

    XML writes each value with :func:`xml_text`: a character XML 1.0 cannot
    hold becomes U+FFFD there, so the document stays well-formed.
    """
    names = [v.value for v in solutions.variables]
    kept, truncated = _take(solutions, cap)
    rows = [[solution[n] for n in names] for solution in kept]
    if fmt == "json":
        body = json.dumps(
            {
                "head": {"vars": names},
                "results": {
                    "bindings": [
                        {n: _json_term(t) for n, t in zip(names, row, strict=True) if t is not None}
                        for row in rows
                    ]
                },
            },
            ensure_ascii=False,
        ).encode("utf-8")
    elif fmt == "xml":
        out = io.StringIO()
        out.write('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">')
        out.write("<head>" + "".join(f"<variable name={quoteattr(n)}/>" for n in names) + "</head>")
        out.write("<results>")
        for row in rows:
            out.write("<result>")
            for n, t in zip(names, row, strict=True):
                if t is not None:
                    out.write(f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>")
            out.write("</result>")
        out.write("</results></sparql>")
        body = out.getvalue().encode("utf-8")
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(names)
        writer.writerows([[_text_term(t, False) for t in row] for row in rows])
        body = out.getvalue().encode("utf-8")
    elif fmt == "tsv":
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += ["\t".join(_text_term(t, True) for t in row) for row in rows]
        body = ("\n".join(lines) + "\n").encode("utf-8")
    else:  # pragma: no cover - negotiation offers only the four
        raise ValueError(fmt)
    return Serialised(body, len(rows), truncated)


def serialise_boolean(result: QueryBoolean, fmt: str) -> Serialised:
    """An ASK result in ``fmt``: json (SPARQL 1.1 Query Results JSON Format,
    "boolean") or xml (SPARQL Query Results XML Format, ``<boolean>``).

    :raises NotAcceptable: for any other ``fmt``: CSV and TSV have no
        boolean form (SPARQL 1.1 Query Results CSV and TSV Formats define
        them for SELECT results only).
    """
    value = bool(result)
    if fmt == "json":
        body = json.dumps({"head": {}, "boolean": value}).encode()
    elif fmt == "xml":
        body = (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{str(value).lower()}</boolean></sparql>"
        ).encode()
    else:
        raise NotAcceptable(f"an ASK result has no {fmt} form; ask for json or xml")
    return Serialised(body, 1, False)


def _xml_document(body: bytes) -> bytes:
    """An RDF/XML document from pyoxigraph made well-formed as
    :func:`xml_text` does: pyoxigraph writes literals' characters as they
    are, and its markup holds no control character, so each one found is in
    a literal: CR becomes ``&#13;``, what XML 1.0 cannot hold U+FFFD."""
    return _NOT_XML_BYTES.sub(lambda m: b"&#13;" if m[0] == b"\r" else "\ufffd".encode(), body)


def serialise_triples(triples: Iterable, fmt: str, cap: int) -> Serialised:
    """At most ``cap`` triples of a CONSTRUCT or DESCRIBE result in ``fmt``.

    RDF/XML is made well-formed as the XML results are (:func:`xml_text`):
    a character XML 1.0 cannot hold becomes U+FFFD.

    :raises NotAcceptable: if ``fmt`` cannot hold them (JSON-LD and RDF 1.2
        triple terms).
    """
    kept, truncated = _take(triples, cap)
    try:
        body = serialize(kept, format=RDF_FORMATS[fmt]) or b""
    except (OSError, ValueError) as exc:
        raise NotAcceptable(
            f"{fmt} cannot hold this result ({exc}); ask for Turtle or N-Triples"
        ) from None
    if fmt == "rdfxml":
        body = _xml_document(body)
    return Serialised(body, len(kept), truncated)
