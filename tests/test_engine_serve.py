"""``cikg serve --engine URL``: the app over remote SPARQL engines, which
the existing endpoint and page tests run against unchanged.

The seeds' store is published (``cikg publish``) to Oxigraph server and to
Virtuoso (tests/engines.py; each started once for this module), and
``oxigraph serve-read-only`` is started on the store itself (the engine the
benchmark measures, whose union default graph is asked for per query). The
``client`` fixture of this module is the app over each engine in turn; the
tests imported below from test_serve.py and test_pages.py run with it (they
are collected here again, so each runs once per engine). Tests that need the
embedded store itself (its worker processes, a second app with other
settings over the store) are not imported. A missing engine skips its
tests, except under CI, where it fails (as tests/test_publish.py does).
"""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from cikg.pipeline import BuildReport
from cikg.publish import publish
from cikg.serve import create_app
from cikg.serve.remote import RemoteEngine, served_graph
from cikg.settings import ServeSettings
from tests.engines import (
    _stop,
    _wait_for,
    free_port,
    missing,
    oxigraph_binary,
    oxigraph_server,
    virtuoso_server,
)
from tests.test_pages import (  # noqa: F401 - collected here, over each engine
    test_a_report_lists_its_tables_in_document_order_with_clean_captions,
    test_an_indicator_downloads_as_csv_with_a_byte_order_mark,
    test_an_indicator_downloads_as_json,
    test_an_observation_page_states_its_figure_for_people,
    test_content_negotiation,
    test_data_twins_parse_and_describe_the_resource,
    test_downloads_negotiate_and_keep_the_guards,
    test_home_says_what_the_graph_holds_with_counts_and_links_to_each_list,
    test_incoming_links_are_paged_with_a_count_and_previous_and_next,
    test_indicator_page_charts_its_series_from_several_reports,
    test_labels_follow_the_readers_language,
    test_lists_are_paged_in_a_readers_order,
    test_observation_shows_its_sentence_with_the_figure_marked,
    test_pages_point_to_their_twins_and_cache,
    test_paths_cannot_leave_the_graph,
    test_policy_page_shows_related_indicators_with_latest_values,
    test_search_counts_its_results_and_pages_through_all_of_them,
    test_search_ranks_exact_labels_first,
    test_the_statistics_page_counts_resources_by_class,
    test_unacceptable_media_type_is_406,
    test_unknown_iris_are_404_with_a_search_link,
)
from tests.test_serve import (  # noqa: F401 - collected here, over each engine
    test_ask_in_csv_or_tsv_is_not_acceptable,
    test_bad_requests,
    test_construct_in_every_format,
    test_cors,
    test_csv_and_xml_results_parse,
    test_csv_writes_blank_nodes_as_labels,
    test_dataset_parameters_are_honoured,
    test_etag_and_not_modified,
    test_from_clauses_name_the_dataset,
    test_get_select_answers_sparql_json,
    test_graph_store_protocol_read_only,
    test_json_results_are_valid_json_for_every_query,
    test_post_form_and_direct,
    test_query_page_lists_the_examples_and_shows_results,
    test_relative_iris_resolve_against_the_endpoint,
    test_select_content_negotiation,
    test_service_and_load_are_refused_before_evaluation,
    test_service_description_and_void,
    test_the_page_escapes_what_it_shows,
    test_xml_results_stay_well_formed_with_control_characters,
)

ENGINES = ["oxigraph-read-only", "oxigraph", "virtuoso"]
#: (test, engine) -> why the engine answers otherwise than the embedded store;
#: each is a strict expected failure (it must still fail: a fixed engine shows).
DIFFERENCES = {
    ("test_csv_writes_blank_nodes_as_labels", "virtuoso"): (
        "Virtuoso 7.2 refuses BNODE() in a projection: 'SP031: SPARQL compiler: Internal "
        "error: Built-in function is not implemented'"
    ),
    ("test_xml_results_stay_well_formed_with_control_characters", "virtuoso"): (
        "Virtuoso cuts a literal's value at a control character (it returns 'a\x01b' "
        "for 'a\x01b\x02c\rd\te\x7f')"
    ),
}


@contextmanager
def oxigraph_read_only(location: Path) -> Iterator[str]:
    """``oxigraph serve-read-only`` on a store cikg built (no union default
    graph: cikg asks for it per query); yields its query endpoint."""
    binary = oxigraph_binary()
    if binary is None:
        missing("the oxigraph server", "pip install oxigraph, or pip install -e '.[test]'")
    assert binary is not None
    port = free_port()
    log = location.parent / "oxigraph-read-only.log"
    command = [binary, "serve-read-only", "--location", str(location)]
    with log.open("ab") as out:
        process = subprocess.Popen(
            [*command, "--bind", f"127.0.0.1:{port}"], stdout=out, stderr=out
        )
    try:
        url = f"http://127.0.0.1:{port}/query"
        _wait_for(f"{url}?query=ASK%7B%7D", process, log, 30)
        yield url
    finally:
        _stop(process)


@pytest.fixture(scope="module")
def engine_urls(
    built_store: tuple[Path, BuildReport], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, str]]:
    """Each engine's query endpoint, the seeds' store published to it (or
    why it was skipped: the value is then ``"skip: …"``)."""
    found: dict[str, str] = {}
    with ExitStack() as stack:
        for name in ENGINES:
            folder = tmp_path_factory.mktemp(name)
            try:
                if name == "oxigraph-read-only":
                    found[name] = stack.enter_context(oxigraph_read_only(built_store[0]))
                    continue
                engine = stack.enter_context(
                    oxigraph_server(folder / "db", union=False)
                    if name == "oxigraph"
                    else virtuoso_server(folder)
                )
            except pytest.skip.Exception as exc:
                found[name] = f"skip: {exc}"
                continue
            report = publish(built_store[0], engine.graph_store_url, credentials=engine.credentials)
            assert report.ok, report.error
            found[name] = engine.query_url
        yield found


@pytest.fixture(scope="module", params=ENGINES)
def remote(request: pytest.FixtureRequest, engine_urls: dict[str, str]) -> Iterator[RemoteEngine]:
    """The remote engine of each kind in turn."""
    url = engine_urls[request.param]
    if url.startswith("skip: "):
        pytest.skip(url[6:])
    engine = RemoteEngine(url, ServeSettings().timeout_seconds)
    yield engine
    engine.close()


@pytest.fixture(autouse=True)
def _engine_differences(request: pytest.FixtureRequest) -> None:
    """Mark a test an engine answers differently (:data:`DIFFERENCES`)."""
    params = getattr(request.node, "callspec", None)
    engine = params.params.get("remote") if params else None
    why = DIFFERENCES.get((request.node.originalname, engine))
    if why:
        request.applymarker(pytest.mark.xfail(reason=why, strict=True))


@pytest.fixture(scope="module")
def client(remote: RemoteEngine) -> TestClient:
    """The app over a remote engine (``cikg serve --engine URL``), default
    settings: what the imported tests call ``client``."""
    return TestClient(create_app(remote))


def test_the_engine_is_read_as_its_kind_with_the_served_graphs_only(request, remote, store):
    name = request.node.callspec.params["remote"]
    expected = {
        "oxigraph-read-only": ("oxigraph", True),  # only cikg's graphs: the union per query
        "oxigraph": ("oxigraph", False),  # graph/published too: the dataset named
        "virtuoso": ("virtuoso", False),
    }
    assert (remote.kind, remote.union) == expected[name]
    assert set(remote.named_graphs()) == set(store.named_graphs())
    assert len(remote) == len(store)


def test_a_result_read_in_part_is_dropped_in_the_thread_that_read_it(remote):
    """The rows of a remote SELECT are pyoxigraph's, which must be dropped in
    the thread that parsed them: evaluate_request closes what it does not read
    (a truncated result), so dropping it later in another thread raises
    nothing (before, the garbage collector did, and pyoxigraph complained)."""
    from cikg.vocab import PREFIXES

    def read_one_row() -> list[object]:
        def select() -> object:
            return remote.query(
                "SELECT ?s WHERE { ?s ?p ?o } LIMIT 5",
                prefixes=PREFIXES,
                use_default_graph_as_union=True,
            )

        partly = select()
        next(iter(partly))  # one row read, the others left (a truncated result)
        unread = select()
        unread.close()  # what evaluate_request does with a result it leaves
        return [partly, unread]

    made, raised = _made_in_a_thread_dropped_here(read_one_row)
    assert made == 2
    assert raised == []


def test_a_query_the_engine_refuses_leaves_nothing_of_pyoxigraphs_behind(remote):
    """A query pyoxigraph parses but the engine refuses (Virtuoso: BNODE() is not
    implemented; Oxigraph server: no SERVICE) raises in the thread that asked,
    and its traceback holds no pyoxigraph result: dropped later in another
    thread, such a result raised (the warning in test_engine_serve[virtuoso])."""
    from cikg.vocab import PREFIXES

    refused = (
        "SELECT (BNODE() AS ?b) WHERE {}"
        if remote.kind == "virtuoso"
        else "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    )

    def ask() -> list[object]:
        try:
            list(remote.query(refused, prefixes=PREFIXES, use_default_graph_as_union=True))
        except Exception as exc:  # whatever the engine's refusal raises
            return [exc]  # kept, with its traceback, past the thread
        return []

    errors, raised = _made_in_a_thread_dropped_here(ask)
    assert errors == 1
    assert raised == []


def _made_in_a_thread_dropped_here(make: Callable[[], list[object]]) -> tuple[int, list[object]]:
    """Run ``make`` in another thread, then drop what it returned in this one
    (and collect garbage): how many it made, and what was raised in dropping
    them (``sys.unraisablehook``: pyoxigraph's objects raise when dropped in a
    thread other than theirs)."""
    made: list[object] = []
    raised: list[object] = []
    hook, sys.unraisablehook = sys.unraisablehook, raised.append
    try:
        thread = threading.Thread(target=lambda: made.extend(make()))
        thread.start()
        thread.join()
        count = len(made)
        made.clear()  # dropped here, in the test's thread
        gc.collect()
    finally:
        sys.unraisablehook = hook
    return count, raised


def test_the_publish_record_shows_in_no_listing(client):
    published = "https://w3id.org/cikg/graph/published"
    description = client.get("/sparql", headers={"Accept": "text/turtle"}).text
    void = client.get("/.well-known/void", headers={"Accept": "text/turtle"}).text
    listing = client.get(
        "/sparql",
        params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
        headers={"Accept": "text/csv"},
    ).text.split()[1:]
    assert "graph/report/" in description and "graph/report/" in void
    assert published not in description and published not in void
    assert listing and all(served_graph(g) for g in listing)
    assert client.get("/rdf-graphs", params={"graph": published}).status_code == 404
    statistics = client.get("/statistics").text
    assert "contentHash" not in statistics and "virtrdf" not in statistics


def test_the_pages_are_the_embedded_stores(client, store):
    """The same pages, byte for byte, as the app over the embedded store."""
    local = TestClient(create_app(store))
    for path in ("/", "/list/reports", "/id/indicator/internet-users", "/id/report/cnnic-55"):
        assert client.get(path).text == local.get(path).text, path
