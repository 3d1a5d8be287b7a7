"""Refuse queries that would make the server fetch a URL.

pyoxigraph evaluates ``SERVICE <url>`` by sending an HTTP request to ``url``
(server-side request forgery when the endpoint is public), so such queries
are refused before evaluation. The query is parsed with rdflib's SPARQL 1.1
grammar and its parse tree searched for ``ServiceGraphPattern``; a query
rdflib cannot parse is refused too when it contains the ``SERVICE`` keyword,
so a parser disagreement cannot open the door. A query whose text cannot
spell the keyword (no ``service`` in any case, no codepoint escape) is let
through without parsing, which would cost more than most lookups. Updates (``LOAD`` among
them) never reach the store: the endpoint only evaluates queries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from cikg.errors import QueryError

__all__ = ["check_query"]

_SERVICE_WORD = re.compile(r"\bSERVICE\b", re.IGNORECASE)


def _names(node: Any) -> Iterator[str]:
    if isinstance(node, CompValue):
        yield node.name
        for value in node.values():
            yield from _names(value)
    elif isinstance(node, list | tuple | ParseResults):
        for value in node:
            yield from _names(value)


def _may_name_service(sparql: str) -> bool:
    """Whether the text could hold the ``SERVICE`` keyword: it contains the
    word in any case (``casefold`` also catches look-alikes such as ``ſ``), or a
    ``\\u``/``\\U`` codepoint escape, which SPARQL 1.1 expands before parsing
    (§19.2) and so could spell it.

    >>> _may_name_service("SELECT * WHERE { ?s ?p ?o }")
    False
    >>> _may_name_service("select * { \\u0053ERVICE <http://x/> { ?s ?p ?o } }")
    True
    """
    return "service" in sparql.casefold() or "\\u" in sparql or "\\U" in sparql


def check_query(sparql: str) -> None:
    """Raise if the query may not be evaluated here.

    :param sparql: the query text.
    :raises QueryError: if it uses ``SERVICE`` (federated query is off).

    >>> check_query("SELECT * WHERE { ?s ?p ?o }")
    >>> check_query("SELECT * WHERE { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    cikg.errors.QueryError: SERVICE (federated query) is not allowed on this endpoint
    """
    if not _may_name_service(sparql):
        return  # the keyword cannot be there: no need to parse (a parse costs 2–50 ms)
    try:
        tree = parseQuery(sparql)
    except ParseException:
        if _SERVICE_WORD.search(sparql):
            raise QueryError("SERVICE (federated query) is not allowed on this endpoint") from None
        return  # pyoxigraph will report the syntax error with its own message
    if "ServiceGraphPattern" in set(_names(tree)):
        raise QueryError("SERVICE (federated query) is not allowed on this endpoint")
