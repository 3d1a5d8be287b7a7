"""``cikg publish`` to real engines the tests start (tests/engines.py): the
seeds' store goes to Oxigraph server and to Virtuoso, every query in queries/
answers the same there as on the embedded store, a publish with nothing
changed sends nothing, a changed or removed graph is the only one sent, and a
publish cut off by the engine dying says exactly which graphs it replaced.

Answers are compared as sets of rows, terms by value where SPARQL makes
them equal and engines write them differently (docs/engines.md, "Engine
differences"): numbers by numeric value (Virtuoso writes the decimal
974000000.0 as 974000000, COUNT as xsd:int or xsd:integer); plain strings as
xsd:string; and a GROUP_CONCAT result as the set of its parts, ignoring a
language tag, with the empty string and no value alike (SPARQL 1.1 §18.5.1.7
leaves the order of the parts open; Oxigraph keeps the parts' common
language tag and gives no value when every part is unbound, Virtuoso gives
an xsd:string and "").
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import ExitStack
from decimal import Decimal
from pathlib import Path

import httpx2
import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, QuerySolutions
from typer.testing import CliRunner

from cikg.cli import app
from cikg.graph_store import GraphStoreClient
from cikg.iris import IriMinter
from cikg.pipeline import BuildReport
from cikg.publish import graphs_to_publish, publish
from cikg.store import open_store, replace_graph
from tests.engines import Engine, oxigraph_server, virtuoso_server

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
ENGINES = ["oxigraph", "virtuoso"]
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {f"{XSD}{t}" for t in ("decimal", "integer", "int", "long", "double", "float")}
runner = CliRunner()

Row = tuple[object, ...]


def _cli_publish(store: Path, engine: Engine) -> str:
    """Run ``cikg publish`` to ``engine`` and return what it printed."""
    args = ["publish", "--store", str(store), "--to", engine.graph_store_url]
    if engine.credentials is not None:
        args += ["--user", engine.credentials.user or "", "--password"]
        args += [engine.credentials.password or ""]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.output


def _sent(output: str) -> tuple[int, int]:
    """(graphs sent, graphs unchanged) as ``cikg publish`` reports them."""
    m = re.search(r"(\d+) graphs sent .*?, (\d+) unchanged", output, re.S)
    assert m, output
    return int(m[1]), int(m[2])


@pytest.fixture(scope="module")
def engines(
    built_store: tuple[Path, BuildReport], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, tuple[Engine, str, str] | str]]:
    """Each engine, started once, with the seeds' store published to it
    twice: engine name -> (engine, first output, second output), or why it
    was skipped (not installed; under CI that fails here instead)."""
    started: dict[str, tuple[Engine, str, str] | str] = {}
    with ExitStack() as stack:
        for name, start in (("oxigraph", oxigraph_server), ("virtuoso", virtuoso_server)):
            folder = tmp_path_factory.mktemp(name)
            try:
                engine = stack.enter_context(start(folder / "db" if name == "oxigraph" else folder))
            except pytest.skip.Exception as exc:
                started[name] = str(exc)
                continue
            first = _cli_publish(built_store[0], engine)
            started[name] = (engine, first, _cli_publish(built_store[0], engine))
        yield started


def _engine(
    engines: dict[str, tuple[Engine, str, str] | str], name: str
) -> tuple[Engine, str, str]:
    """The started engine ``name``, or skip the test as its start was."""
    found = engines[name]
    if isinstance(found, str):
        pytest.skip(found)
    return found


@pytest.mark.parametrize("name", ENGINES)
def test_a_publish_sends_every_graph_and_a_second_one_sends_nothing(engines, built_store, name):
    _, first, second = _engine(engines, name)
    graphs = graphs_to_publish(open_store(built_store[0], read_only=True), IriMinter())
    assert len(graphs) == 9  # five reports, discovered, reference, ontology, latest
    assert _sent(first) == (len(graphs), 0)
    assert _sent(second) == (0, len(graphs))


def _concat_separators(sparql: str) -> dict[str, str]:
    """Variable -> separator of each ``(GROUP_CONCAT(…; separator="X") AS ?v)``."""
    found = re.finditer(
        r'GROUP_CONCAT\([^;]*;\s*separator\s*=\s*"([^"]*)"\)\s*AS\s*\?(\w+)', sparql
    )
    return {m[2]: m[1] for m in found}


def _value(kind: str, value: str, datatype: str | None, lang: str | None, sep: str | None):
    """One term, comparable across engines (see the module's docstring)."""
    if kind == "uri":
        return ("uri", value)
    if kind == "bnode":
        return ("bnode",)
    if sep is not None:
        return ("parts", frozenset(value.split(sep)) if value else None)
    if datatype in NUMERIC:
        return ("number", Decimal(value).normalize())
    if lang:
        return ("text", value, lang.lower())
    return ("literal", value, datatype or f"{XSD}string")


def _embedded_rows(store, sparql: str) -> set[Row]:
    """The query's rows on the embedded store."""
    result = store.query(sparql, use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    seps = _concat_separators(sparql)
    rows = set()
    for solution in result:
        row = []
        for name in names:
            term = solution[name]
            sep = seps.get(name)
            if term is None:
                row.append(("parts", None) if sep is not None else None)
            elif isinstance(term, NamedNode):
                row.append(_value("uri", term.value, None, None, None))
            elif isinstance(term, BlankNode):
                row.append(_value("bnode", "", None, None, None))
            else:
                assert isinstance(term, Literal)
                row.append(_value("literal", term.value, term.datatype.value, term.language, sep))
        rows.add(tuple(row))
    return rows


def _engine_rows(engine: Engine, sparql: str) -> set[Row]:
    """The query's rows at the engine's SPARQL endpoint (JSON results)."""
    response = httpx2.post(
        engine.query_url,
        data={"query": sparql},
        headers={"Accept": "application/sparql-results+json"},
        timeout=120,
    )
    assert response.status_code == 200, response.text[:500]
    answer = response.json()
    names = answer["head"]["vars"]
    seps = _concat_separators(sparql)
    rows = set()
    for binding in answer["results"]["bindings"]:
        row = []
        for name in names:
            term = binding.get(name)
            sep = seps.get(name)
            if term is None:
                row.append(("parts", None) if sep is not None else None)
                continue
            kind = {"typed-literal": "literal"}.get(term["type"], term["type"])
            datatype, lang = term.get("datatype"), term.get("xml:lang")
            row.append(_value(kind, term["value"], datatype, lang, sep))
        rows.add(tuple(row))
    return rows


@pytest.mark.parametrize("name", ENGINES)
@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_every_query_answers_the_same_on_the_engine(engines, store, name, path):
    engine = _engine(engines, name)[0]
    sparql = path.read_text(encoding="utf-8")
    expected = _embedded_rows(store, sparql)
    assert expected, f"{path.name} has no rows on the embedded store"
    assert _engine_rows(engine, sparql) == expected


def _target_graphs(engine: Engine) -> set[str]:
    """The names of cikg's graphs the engine holds."""
    sparql = (ROOT / "queries" / "graphs.rq").read_text(encoding="utf-8")
    return {row[0][1] for row in _engine_rows(engine, sparql)}


def test_a_changed_graph_is_sent_alone_and_a_removed_one_deleted(built_store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(built_store[0], copy)
    minter = IriMinter()
    with oxigraph_server(tmp_path / "target") as engine:
        assert publish(copy, engine.graph_store_url).replaced
        handle = open_store(copy)
        graphs = graphs_to_publish(handle, minter)
        changed, dropped = graphs[0], graphs[1]
        x, p = NamedNode("https://w3id.org/cikg/id/x"), NamedNode("urn:p")
        extra = Quad(x, p, Literal("新"), changed)
        old = list(handle.quads_for_pattern(None, None, None, changed))
        replace_graph(handle, changed, [*old, extra])
        handle.remove_graph(dropped)
        handle.flush()
        del handle
        report = publish(copy, engine.graph_store_url)
        assert report.ok, report.error
        assert report.replaced == (changed.value,)
        assert report.removed == (dropped.value,)
        assert len(report.unchanged) == len(graphs) - 2
        assert dropped.value not in _target_graphs(engine)
        assert publish(copy, engine.graph_store_url).replaced == ()


def test_a_publish_cut_off_says_which_graphs_it_replaced(built_store, tmp_path):
    store_dir = built_store[0]
    graphs = [
        g.value for g in graphs_to_publish(open_store(store_dir, read_only=True), IriMinter())
    ]
    location = tmp_path / "target"
    with oxigraph_server(location) as engine:
        port = int(engine.graph_store_url.rsplit(":", 1)[1].split("/")[0])

        def kill_after_two(graph: str, outcome: str) -> None:
            if graph == graphs[1]:
                assert outcome == "replaced"
                engine.process.kill()
                engine.process.wait()

        report = publish(store_dir, engine.graph_store_url, on_graph=kill_after_two)
    assert not report.ok
    assert report.replaced == tuple(graphs[:2])
    assert report.not_replaced == tuple(graphs[2:])
    assert report.unknown == ()
    assert graphs[2] in (report.error or "")
    with oxigraph_server(location, port) as engine:
        assert _target_graphs(engine) == set(graphs[:2])  # the rest as they were: absent
        with GraphStoreClient(engine.graph_store_url) as gsp:
            assert gsp.get(IriMinter().published_graph().value) is None  # no record written
        again = publish(store_dir, engine.graph_store_url)
        assert again.ok and again.replaced == tuple(graphs)  # nothing vouched for: all sent
