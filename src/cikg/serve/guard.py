"""Refuse queries that would make the server fetch a URL, or whose nesting
would exhaust the query engine's stack.

pyoxigraph evaluates ``SERVICE <url>`` by sending an HTTP request to ``url``
(server-side request forgery when the endpoint is public), and it has no
switch to turn that off. Whether a query uses ``SERVICE`` is therefore
decided by pyoxigraph's own parser, the one that would evaluate it, so no
disagreement between two parsers can open the door (rdflib, used here
before, reads ``\\u0022`` in a string as a closing quote where pyoxigraph
does not, and missed ``1SERVICE <url>``): every spelling of the word
(``service`` in any case, Unicode case folding included) is changed to
``servicx``, which is not a keyword, and the changed query is parsed. If it
still parses, no occurrence was the keyword (each was in a string, an IRI,
a name or a comment) and the original query is let through; if it does not,
the query is refused. pyoxigraph reads keywords only as ASCII letters (a
``\\u0053ERVICE`` escape is a syntax error to it), so a query without the
seven letters cannot name a service. The changed query is parsed with the
prefixes and base IRI the original will be evaluated with, so that it fails
to parse only because of the change.

The same test (:func:`uses_keyword`) tells whether a query has a ``FROM``
clause, so that the union of all graphs is its default dataset only when it
names none.

Updates (``INSERT``, ``LOAD``, ``DROP`` …) never reach the store: the
endpoint hands queries to pyoxigraph's query API, which does not parse
updates, over a store opened read-only.

Nesting is limited before anything is parsed: pyoxigraph's parser recurses
once per level of ``{``, ``(``, ``[`` and ``<<`` and crashes its process on
a stack overflow at a few thousand levels (and backtracks exponentially on
nested blank nodes ``[ ... [``), so a query nested deeper than the limit is
refused at once. The depth is counted outside strings, IRIs and comments;
the count is a fast first answer, not the only defence (queries also run in
worker processes with a large stack and a time limit).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pyoxigraph import Store

from cikg.errors import QueryError

__all__ = ["check_depth", "check_no_service", "check_query", "nesting_depth", "uses_keyword"]

#: Every spelling pyoxigraph could read as the keyword, and more (Unicode
#: case folding matches ``ſERVICE`` too, which pyoxigraph would refuse).
_SERVICE = re.compile("service", re.IGNORECASE)
_REFUSED = "SERVICE (federated query) is not allowed on this endpoint"
_ERROR_AT = re.compile(r"error at (\d+):(\d+)")
#: Strings (long and short), IRIs and comments, whose brackets do not nest;
#: then the brackets that do.
_TOKENS = re.compile(
    r"""(?P<skip>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
         |'''(?:[^'\\]|\\.|'(?!''))*'''
         |"(?:[^"\\\n\r]|\\.)*"
         |'(?:[^'\\\n\r]|\\.)*'
         |<[^<>"{}|^`\\\x00-\x20]*>
         |\#[^\n\r]*)
       |(?P<open>[{(\[]|<<)
       |(?P<close>[})\]]|>>)""",
    re.VERBOSE | re.DOTALL,
)


def nesting_depth(sparql: str) -> int:
    """The deepest nesting of ``{}``, ``()``, ``[]`` and ``<< >>`` in a query,
    outside strings, IRIs and comments.

    >>> nesting_depth("SELECT * WHERE { ?s ?p ?o FILTER(?o = '{{{') }")
    2
    >>> nesting_depth("SELECT * WHERE " + "{" * 500)
    500
    """
    depth = deepest = 0
    for match in _TOKENS.finditer(sparql):
        if match.lastgroup == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif match.lastgroup == "close":
            depth = max(0, depth - 1)
    return deepest


def check_depth(sparql: str, limit: int) -> None:
    """Refuse a query nested deeper than ``limit``.

    :param sparql: the query text.
    :param limit: the deepest nesting allowed.
    :raises QueryError: if the query is nested deeper.

    >>> check_depth("SELECT * WHERE { { ?s ?p ?o } }", 64)
    >>> check_depth("ASK " + "{" * 100 + "}" * 100, 64)
    Traceback (most recent call last):
    ...
    cikg.errors.QueryError: the query is nested 100 levels deep; at most 64 are allowed
    """
    depth = nesting_depth(sparql)
    if depth > limit:
        raise QueryError(f"the query is nested {depth} levels deep; at most {limit} are allowed")


def _at_an_occurrence(message: str, sparql: str, spans: list[tuple[int, int]]) -> bool:
    """Whether pyoxigraph's syntax error points at (or just after) one of
    the ``spans``."""
    found = _ERROR_AT.search(message)
    if found is None:
        return True  # no position: say what is most likely
    line, column = int(found.group(1)), int(found.group(2))
    starts = [0]
    starts += [m.end() for m in re.finditer(r"\r\n|\n|\r", sparql)]
    if line > len(starts):
        return False
    offset = starts[line - 1] + column - 1
    # pyoxigraph stops at the changed word, or at what follows it
    return any(
        start <= offset <= end + len(sparql[end:]) - len(sparql[end:].lstrip())
        for start, end in spans
    )


def _neutralised(sparql: str, word: re.Pattern[str]) -> str:
    """``sparql`` with the last letter of every match of ``word`` changed to
    ``x`` (same length, so positions still match)."""
    return word.sub(lambda m: m.group()[:-1] + "x", sparql)


def uses_keyword(
    sparql: str,
    keyword: str,
    prefixes: Mapping[str, str] | None = None,
    base_iri: str | None = None,
) -> bool:
    """Whether pyoxigraph reads ``keyword`` as a keyword in the query: the
    query no longer parses once every spelling of the word is changed (a
    query that does not parse at all counts as using it).

    :param sparql: the query text.
    :param keyword: an ASCII keyword without an ``x`` at its end, e.g. ``FROM``.
    :param prefixes: the prefixes the query will be evaluated with.
    :param base_iri: the base IRI the query will be evaluated with (without
        it a query with relative IRIs does not parse, and would count as
        using the keyword).

    >>> uses_keyword("SELECT * FROM <http://g/> WHERE { ?s ?p ?o }", "FROM")
    True
    >>> uses_keyword("SELECT * WHERE { ?s <http://e/wasDerivedFrom> 'from' }", "FROM")
    False
    >>> uses_keyword("SELECT * { ?s <wasDerivedFrom> ?o }", "FROM", base_iri="http://e/sparql")
    False
    """
    word = re.compile(re.escape(keyword), re.IGNORECASE)
    if word.search(sparql) is None:
        return False
    try:
        Store().query(_neutralised(sparql, word), prefixes=dict(prefixes or {}), base_iri=base_iri)
    except SyntaxError:
        return True
    except (OSError, ValueError):
        return False  # it parsed; evaluating it over nothing failed
    return False


def check_no_service(
    sparql: str, prefixes: Mapping[str, str] | None = None, base_iri: str | None = None
) -> None:
    """Refuse a query in which pyoxigraph would read the ``SERVICE`` keyword.

    Run it where queries are evaluated (a worker process): the changed query
    is parsed, and evaluated over an empty in-memory store when it parses,
    which can take as long as the query's own parsing.

    :param sparql: the query text.
    :param prefixes: the prefixes the query will be evaluated with.
    :param base_iri: the base IRI the query will be evaluated with (without
        it a query with relative IRIs does not parse, and is refused).
    :raises QueryError: if the query names a service, or is malformed in a
        way that hides whether it does.

    >>> check_no_service("SELECT ?service WHERE { ?service <https://schema.org/name> 'service' }")
    >>> check_no_service("SELECT * WHERE { ?s ?p 1SERVICE <http://127.0.0.1/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    cikg.errors.QueryError: SERVICE (federated query) is not allowed on this endpoint
    """
    spans = [m.span() for m in _SERVICE.finditer(sparql)]
    if not spans:
        return
    try:
        Store().query(
            _neutralised(sparql, _SERVICE), prefixes=dict(prefixes or {}), base_iri=base_iri
        )
    except SyntaxError as exc:
        if _at_an_occurrence(str(exc), sparql, spans):
            raise QueryError(_REFUSED) from None
        raise QueryError(str(exc)) from None
    except (OSError, ValueError):
        return  # it parsed; evaluating it over nothing failed, which is not our concern


def check_query(
    sparql: str,
    max_depth: int,
    prefixes: Mapping[str, str] | None = None,
    base_iri: str | None = None,
) -> None:
    """Raise if the query may not be evaluated here: :func:`check_depth`,
    then :func:`check_no_service`.

    :param sparql: the query text.
    :param max_depth: the deepest nesting allowed.
    :param prefixes: the prefixes the query will be evaluated with.
    :param base_iri: the base IRI the query will be evaluated with.
    :raises QueryError: if it is nested too deeply or uses ``SERVICE``.

    >>> check_query("SELECT * WHERE { ?s ?p ?o }", 64)
    >>> check_query("select * { service silent <http://127.0.0.1/> { ?s ?p ?o } }", 64)
    Traceback (most recent call last):
    ...
    cikg.errors.QueryError: SERVICE (federated query) is not allowed on this endpoint
    """
    check_depth(sparql, max_depth)
    check_no_service(sparql, prefixes, base_iri)
