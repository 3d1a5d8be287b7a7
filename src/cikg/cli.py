"""The ``cikg`` command: thin wrappers that parse options, call one library
function and print. The only module that prints or exits."""

from __future__ import annotations

import errno
import socket
import sys
from collections import Counter
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pyoxigraph import NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from cikg import __version__
from cikg.errors import CikgError
from cikg.pipeline import BuildReport, DocumentResult, Status, build, discover
from cikg.settings import BuildSettings
from cikg.store import EXPORT_FORMATS, export, open_store, query

app = typer.Typer(
    help="cikg: a knowledge graph of China's internet development · 中国互联网发展知识图谱",
    no_args_is_help=True,
    add_completion=False,
)
# piped output (CI logs, files) is not cut at 80 columns
_out = Console(width=None if sys.stdout.isatty() else 160)
_err = Console(stderr=True, width=None if sys.stderr.isatty() else 160)

DEFAULT_STORE = Path("data/store")
DEFAULT_SEEDS = Path("seeds")

StoreOption = Annotated[Path, typer.Option("--store", help="Store folder (pyoxigraph, on disk).")]


class QueryFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


class ExportFormat(StrEnum):
    turtle = "turtle"
    trig = "trig"
    nquads = "nquads"
    ntriples = "ntriples"
    jsonld = "jsonld"


def _fail(message: str, code: int = 1) -> typer.Exit:
    _err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _run_build(
    paths: list[Path],
    store: Path,
    force: bool,
    jobs: int = 1,
    ocr: bool = False,
    scheduler: str | None = None,
) -> BuildReport:
    settings = BuildSettings.from_env()
    if ocr:
        settings = replace(settings, ocr=True)
    files = discover(paths)
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=_err,
        transient=True,
    ) as progress:
        task = progress.add_task("building", total=len(files))

        def advance(result: DocumentResult) -> None:
            progress.update(task, advance=1, description=result.path.name)

        return build(
            files,
            store,
            force=force,
            on_result=advance,
            settings=settings,
            jobs=jobs,
            scheduler=scheduler,
        )


_SUMMARY_COLUMNS = (
    "passages",
    "tables",
    "footnotes",
    "citations",
    "policies",
    "cells",
    "prose figures",
    "observations",
    "linked",
    "quads",
)


#: Findings listed even without --findings: content left unread.
_ALWAYS_SHOWN = frozenset({"needs-ocr"})


def _print_report(report: BuildReport, show_findings: bool = False) -> None:
    table = Table(title=f"cikg {__version__} build", title_justify="left")
    table.add_column("document")
    table.add_column("status")
    table.add_column("report")
    for col in (*_SUMMARY_COLUMNS, "findings", "s"):
        table.add_column(col, justify="right")
    colours = {
        Status.BUILT: "green",
        Status.UNCHANGED: "cyan",
        Status.SKIPPED: "yellow",
        Status.FAILED: "red",
    }
    for r in report.results:
        table.add_row(
            r.path.name,
            f"[{colours[r.status]}]{r.status.value}[/]",
            r.slug or (r.graph.rsplit("/", 1)[-1] if r.graph else "-"),
            *(str(r.counts.get(col, "")) for col in _SUMMARY_COLUMNS),
            str(len(r.findings)) if r.status is Status.BUILT else "",
            f"{r.seconds:.2f}",
        )
    _out.print(table)
    for r in report.results:
        if r.message:
            style = "red" if r.status is Status.FAILED else "yellow"
            _out.print(
                f"[{style}]{r.status.value}:[/] {escape(r.message)}",
                highlight=False,
                soft_wrap=True,  # one line per failure, whole, for grep
            )
        kinds = Counter(f.kind for f in r.findings)
        if kinds:
            listed = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())
            _out.print(escape(f"{r.path.name}: findings: {listed}"), highlight=False)
        for f in r.findings:
            if show_findings or f.kind in _ALWAYS_SHOWN:
                where = f"{r.path}:{f.line}" if f.line else str(r.path)
                if f.page:
                    where += f" (page {f.page})"
                _out.print(
                    escape(f"  {where}: [{f.kind}] {f.message}"), highlight=False, soft_wrap=True
                )
    _out.print(
        f"reference graph {report.reference_quads} quads, ontology graph "
        f"{report.ontology_quads} quads"
        + (f", latest graph {report.latest_quads} quads" if report.latest_quads is not None else "")
        + f"; {len(report.results)} files in {report.seconds:.2f} s"
        + (f", read in {report.workers} worker processes" if report.workers > 1 else "")
    )


@app.command("build")
def build_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders to read (default: seeds/)."),
    ] = None,
    store: StoreOption = DEFAULT_STORE,
    force: Annotated[
        bool, typer.Option("--force", help="Rebuild unchanged documents too.")
    ] = False,
    findings: Annotated[
        bool, typer.Option("--findings", help="List every finding with its file and line.")
    ] = False,
    ocr: Annotated[
        bool,
        typer.Option(
            "--ocr",
            help="Read PDF pages without a text layer (scans) with Tesseract "
            "(apt-get install tesseract-ocr tesseract-ocr-chi-sim); also CIKG_OCR=1.",
        ),
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Read documents in N worker processes (this one writes them, in order); "
            "the store is the same as with 1.",
        ),
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="tcp://HOST:PORT",
            help="Read documents on the workers of this Dask cluster (they need cikg "
            "and the input files at the same paths); this process writes them, in order.",
        ),
    ] = None,
) -> None:
    """Build the knowledge graph from text, markdown, web-page, Word and PDF reports."""
    try:
        report = _run_build(paths or [DEFAULT_SEEDS], store, force, jobs, ocr, scheduler)
    except CikgError as exc:
        raise _fail(str(exc)) from None
    _print_report(report, findings)
    if report.failed:
        raise typer.Exit(1)


@app.command("serve")
def serve_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders to build the store from when it is missing (default: seeds/)."
        ),
    ] = None,
    store: StoreOption = DEFAULT_STORE,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    base_iri: Annotated[
        str | None,
        typer.Option(
            "--base-iri",
            help="Answer for https://w3id.org/cikg/id/X as BASE_IRI/id/X, e.g. "
            "http://127.0.0.1:8000/ (default: CIKG_BASE_IRI, else the published IRIs).",
        ),
    ] = None,
    engine: Annotated[
        str | None,
        typer.Option(
            "--engine",
            metavar="URL",
            help="Answer from this SPARQL query endpoint instead of the store, e.g. "
            "http://127.0.0.1:7878/query (oxigraph serve-read-only on the store, or an "
            "Oxigraph server published to) or http://127.0.0.1:8890/sparql (Virtuoso); "
            "see docs/engines.md.",
        ),
    ] = None,
) -> None:
    """Serve the SPARQL endpoint and the pages; builds the store from seeds/ (or PATHS)
    first if it is missing. With --engine, pages, search and /sparql are answered by
    that SPARQL endpoint (with the same limits, cache and formats) and no store is read.

    Limits come from CIKG_* environment variables (CIKG_TIMEOUT_SECONDS,
    CIKG_RESULT_LIMIT, CIKG_WORKERS …)."""
    import uvicorn

    from cikg.serve import create_app
    from cikg.serve.workers import QueryWorkers
    from cikg.settings import ServeSettings
    from cikg.store import is_store

    listener = _listen(host, port)  # first: a taken port is said before any work
    if engine is not None:
        _serve_engine(engine, listener, host, port, base_iri)
        return
    try:
        if not is_store(store):
            sources = paths or [DEFAULT_SEEDS]
            if not paths and not DEFAULT_SEEDS.is_dir():
                raise CikgError(
                    f"no store at {store}, and no {DEFAULT_SEEDS}/ folder here to build it "
                    "from: give the documents to build (cikg serve FOLDER) or a built store "
                    "(cikg serve --store DIR)"
                )
            _err.print(
                f"no store at {store}: building it from {', '.join(map(str, sources))} first"
            )
            report = _run_build(sources, store, False)
            _print_report(report)
        handle = open_store(store, read_only=True)
        settings = ServeSettings.from_env()
        if base_iri is not None:
            settings = replace(settings, base_iri=base_iri)
        workers = QueryWorkers(store, settings, settings.workers or None)
    except CikgError as exc:
        listener.close()
        raise _fail(str(exc)) from None
    shown = f"[{host}]" if ":" in host else host
    _err.print(f"SPARQL endpoint: http://{shown}:{port}/sparql · pages: http://{shown}:{port}/")
    config = uvicorn.Config(
        create_app(handle, settings, workers), host=host, port=port, log_level="info"
    )
    try:
        uvicorn.Server(config).run(sockets=[listener])
    finally:
        workers.close()
        listener.close()


def _serve_engine(
    url: str, listener: socket.socket, host: str, port: int, base_iri: str | None
) -> None:
    """``cikg serve --engine URL``: the app over a remote SPARQL endpoint,
    its queries in the server's threads (the engine and the client keep the
    time limit: :mod:`cikg.serve.remote`)."""
    import uvicorn

    from cikg.serve import create_app
    from cikg.serve.remote import RemoteEngine
    from cikg.settings import ServeSettings

    try:
        settings = ServeSettings.from_env()
        if base_iri is not None:
            settings = replace(settings, base_iri=base_iri)
        remote = RemoteEngine(url, settings.timeout_seconds)
    except CikgError as exc:
        listener.close()
        raise _fail(str(exc)) from None
    shown = f"[{host}]" if ":" in host else host
    _err.print(
        f"SPARQL endpoint: http://{shown}:{port}/sparql · pages: http://{shown}:{port}/ "
        f"· engine: {url} ({remote.kind})"
    )
    config = uvicorn.Config(create_app(remote, settings), host=host, port=port, log_level="info")
    try:
        uvicorn.Server(config).run(sockets=[listener])
    finally:
        remote.close()
        listener.close()


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` and listening, as uvicorn would bind
    it (``SO_REUSEADDR``, IPv6 for an address with ``:``), of protocol
    ``IPPROTO_TCP``: asyncio sets ``TCP_NODELAY`` only on connections of such a
    socket, and without it each response (headers and body written apart)
    waited for the client's delayed ACK, about 40 ms.

    :raises typer.Exit: (code 2) with one line saying the port is taken or
        the address cannot be used, and how to choose another.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        listener = socket.create_server((host, port), family=family, backlog=2048)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise _fail(
                f"port {port} on {host} is in use (another server?); choose another with "
                f"--port, e.g. cikg serve --port {port + 1}",
                code=2,
            ) from None
        raise _fail(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}; choose another --host "
            "or --port",
            code=2,
        ) from None
    return socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, listener.detach())


def _read_query(query_or_file: str) -> str:
    """The query text: the argument itself, or the file it names. A name
    ending in ``.rq``/``.sparql``, or one with a ``/`` and neither white
    space nor ``{`` (no query is written so), is a file.

    :raises CikgError: if it names a file that is not there.
    """
    looks_like_file = query_or_file.endswith((".rq", ".sparql")) or (
        "/" in query_or_file and not any(c.isspace() or c == "{" for c in query_or_file)
    )
    if not looks_like_file:
        return query_or_file
    path = Path(query_or_file)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CikgError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CikgError(f"{path}: cannot read the query: {exc}") from None


@app.command("query")
def query_command(
    query_or_file: Annotated[str, typer.Argument(help="A SPARQL query, or a .rq/.sparql file.")],
    store: StoreOption = DEFAULT_STORE,
    fmt: Annotated[
        QueryFormat, typer.Option("--format", help="Output format.")
    ] = QueryFormat.table,
) -> None:
    """Run a SPARQL query over the union of all graphs."""
    try:
        text = _read_query(query_or_file)
        handle = open_store(store, read_only=True)
        result = query(handle, text)
    except CikgError as exc:
        raise _fail(str(exc)) from None
    out = sys.stdout.buffer
    if isinstance(result, QueryBoolean):
        if fmt is QueryFormat.table:
            _out.print(str(bool(result)).lower())
        else:
            out.write(result.serialize(format=_results_format(fmt)))
        return
    if isinstance(result, QuerySolutions):
        if fmt is QueryFormat.table:
            _print_solutions(result)
        else:
            out.write(result.serialize(format=_results_format(fmt)))
        return
    out.write(result.serialize(format=RdfFormat.TURTLE))


def _results_format(fmt: QueryFormat) -> QueryResultsFormat:
    return {
        QueryFormat.json: QueryResultsFormat.JSON,
        QueryFormat.csv: QueryResultsFormat.CSV,
        QueryFormat.tsv: QueryResultsFormat.TSV,
    }[fmt]


def _print_solutions(result: QuerySolutions) -> None:
    names = [v.value for v in result.variables]
    table = Table(*names)
    rows = 0
    for solution in result:
        table.add_row(*[("" if solution[n] is None else solution[n].value) for n in names])
        rows += 1
    _out.print(table)
    _out.print(f"{rows} rows")


@app.command("export")
def export_command(
    store: StoreOption = DEFAULT_STORE,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="RDF format.")
    ] = ExportFormat.turtle,
    graph: Annotated[
        str | None, typer.Option("--graph", help="Export only this named graph (IRI).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Export the store, or one graph, as RDF."""
    assert fmt.value in EXPORT_FORMATS
    try:
        handle = open_store(store, read_only=True)
        target = None
        if graph is not None:
            target = NamedNode(graph)
            if target not in set(handle.named_graphs()):
                names = sorted(g.value for g in handle.named_graphs())
                raise CikgError(f"no graph {graph} in {store}; the graphs: {', '.join(names)}")
        if output is None:
            export(handle, sys.stdout.buffer, fmt.value, target)
        else:
            with output.open("wb") as f:
                export(handle, f, fmt.value, target)
    except (CikgError, ValueError) as exc:
        raise _fail(str(exc)) from None


@app.command("publish")
def publish_command(
    to: Annotated[
        str,
        typer.Option(
            "--to",
            metavar="URL",
            help="The target store's SPARQL 1.1 Graph Store endpoint, e.g. "
            "http://127.0.0.1:7878/store (Oxigraph) or "
            "http://127.0.0.1:8890/sparql-graph-crud-auth (Virtuoso); see docs/engines.md.",
        ),
    ],
    store: StoreOption = DEFAULT_STORE,
    graph_store: Annotated[
        str | None,
        typer.Option(
            "--graph-store",
            metavar="URL",
            help="The Graph Store endpoint, when --to names the target by another URL "
            "(its SPARQL endpoint); graphs are sent here.",
        ),
    ] = None,
    user: Annotated[str | None, typer.Option("--user", help="User at the target.")] = None,
    password: Annotated[
        str | None,
        typer.Option("--password", envvar="CIKG_PUBLISH_PASSWORD", help="The user's password."),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout-s", min=1, help="Longest wait on one request, seconds.")
    ] = 300.0,
) -> None:
    """Send the store's graphs to a SPARQL 1.1 Graph Store (each graph replaced whole),
    only those changed since the last publish there. Without --user, a token in
    CIKG_PUBLISH_TOKEN is sent as a bearer token."""
    import os

    from cikg.graph_store import Credentials
    from cikg.publish import publish

    token = os.environ.get("CIKG_PUBLISH_TOKEN") or None
    credentials = Credentials(user, password, None if user else token)
    try:
        report = publish(store, graph_store or to, credentials=credentials, timeout_seconds=timeout)
    except CikgError as exc:
        raise _fail(str(exc)) from None
    megabytes = report.bytes_sent / 1e6
    _out.print(
        f"{report.target}: {len(report.replaced)} graphs sent ({report.triples_sent:,} triples, "
        f"{megabytes:.1f} MB), {len(report.unchanged)} unchanged, {len(report.removed)} removed "
        f"in {report.seconds:.1f} s",
        highlight=False,
    )
    if not report.ok:
        for label, graphs in (
            ("replaced", report.replaced + report.removed),
            ("not replaced (as they were)", report.not_replaced),
            ("unknown (sent, no answer; sent again next time)", report.unknown),
        ):
            _err.print(f"{label}: {', '.join(graphs) or 'none'}", highlight=False, soft_wrap=True)
        raise _fail(report.error or "the publish failed")


@app.command("evaluate")
def evaluate_command(
    facts: Annotated[
        list[Path], typer.Argument(help="Hand-checked facts, JSON Lines (shared/eval/SCHEMA.md).")
    ],
    store: StoreOption = DEFAULT_STORE,
    misses: Annotated[
        bool,
        typer.Option(
            "--misses",
            help="List every fact not found, with its evidence; an observation the graph "
            "holds under another label is marked 'label differs'.",
        ),
    ] = False,
) -> None:
    """Measure the graph against hand-checked facts: recall and label agreement
    per document."""
    from cikg.evaluation import evaluate, read_facts
    from cikg.reference import load_reference

    try:
        records = read_facts(facts)
        handle = open_store(store, read_only=True)
        scores = evaluate(handle, records, load_reference())
    except CikgError as exc:
        raise _fail(str(exc)) from None
    table = Table(title="found / gold (strict: value, period, area, status and label)")
    columns = (
        ("text", "observation:text"),
        ("tables", "observation:table"),
        ("policies", "policy"),
        ("issuers", "issuer"),
        ("other titles", "non_policy_title"),
        ("citations", "citation"),
        ("organisations", "organisation"),
    )
    table.add_column("document")
    for name, _ in columns:
        table.add_column(name, justify="right")
    table.add_column("text, loose", justify="right")
    table.add_column("label agreement", justify="right")
    totals: Counter[str] = Counter()
    found: Counter[str] = Counter()
    loose: Counter[str] = Counter()

    def cell(hit: int, total: int) -> str:
        return f"{hit}/{total} {100 * hit / total:.0f}%" if total else ""

    def agreement(strict: int, relaxed: int) -> str:
        return f"{100 * strict / relaxed:.0f}%" if relaxed else ""

    for score in scores:
        totals.update(score.total)
        found.update(score.found)
        loose.update(score.loose)
        keys = ("observation:text", "observation:table")
        table.add_row(
            score.doc if score.report else f"{score.doc} (not built)",
            *(cell(score.found[k], score.total[k]) for _, k in columns),
            cell(score.loose["observation:text"], score.total["observation:text"]),
            agreement(sum(score.found[k] for k in keys), sum(score.loose[k] for k in keys)),
        )
    keys = ("observation:text", "observation:table")
    table.add_row(
        "all",
        *(cell(found[k], totals[k]) for _, k in columns),
        cell(loose["observation:text"], totals["observation:text"]),
        agreement(sum(found[k] for k in keys), sum(loose[k] for k in keys)),
    )
    _out.print(table)
    if misses:
        for score in scores:
            for record in score.missed:
                where = record.get("line") or f"p{record.get('page')}"
                what = record.get("indicator") or record.get("title") or record.get("name") or ""
                kind = record["kind"]
                if any(record is other for other in score.label_differs):
                    kind += ", label differs"  # value, period and area are in the graph
                _out.print(
                    escape(
                        f"{score.doc}:{where}: [{kind}] {what} "
                        f"{record.get('value_text', '')} {record.get('period') or ''} "
                        f"{record.get('area') or ''} « {record.get('evidence', '')} »"
                    ),
                    highlight=False,
                    soft_wrap=True,
                )


_STATS_CLASSES = """
SELECT ?g ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?class } }
GROUP BY ?g ?class ORDER BY ?g DESC(?n)
"""
_STATS_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


@app.command("stats")
def stats_command(store: StoreOption = DEFAULT_STORE) -> None:
    """Count triples per graph and instances per class and graph."""
    try:
        handle = open_store(store, read_only=True)
        graphs = list(query(handle, _STATS_GRAPHS))  # type: ignore[arg-type]
        classes = list(query(handle, _STATS_CLASSES))  # type: ignore[arg-type]
    except CikgError as exc:
        raise _fail(str(exc)) from None
    table = Table("graph", "triples")
    for row in graphs:
        table.add_row(row["g"].value, row["n"].value)
    _out.print(table)
    table = Table("graph", "class", "instances")
    for row in classes:
        table.add_row(row["g"].value.rsplit("/graph/", 1)[-1], row["class"].value, row["n"].value)
    _out.print(table)


class ListFormat(StrEnum):
    table = "table"
    csv = "csv"


@app.command("indicators")
def indicators_command(
    store: StoreOption = DEFAULT_STORE,
    candidates: Annotated[
        bool, typer.Option("--candidates", help="List the minted (candidate) indicators.")
    ] = False,
    untranslated: Annotated[
        bool,
        typer.Option("--untranslated", help="List the terms the glossary lacks, by frequency."),
    ] = False,
    fmt: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = ListFormat.table,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")] = 0,
) -> None:
    """The indicator catalogue as the store uses it: counts and English coverage;
    with --candidates the work list for curation (most observed first, with
    wordings, documents and one evidence sentence); with --untranslated the
    words that keep English labels untranslated."""
    import csv

    from cikg.curation import candidates as list_candidates
    from cikg.curation import indicator_uses, is_translated, untranslated_terms
    from cikg.reference import load_reference
    from cikg.segment import Segmenter

    try:
        handle = open_store(store, read_only=True)
        uses = indicator_uses(handle)
        if candidates:
            header = ["iri", "label", "english", "wordings", "observations", "documents"]
            header.append("evidence")
            rows = [
                [c.iri, c.label, c.english, " | ".join(c.wordings), str(c.observations),
                 str(c.documents), c.evidence]
                for c in list_candidates(handle)
            ]  # fmt: skip
        elif untranslated:
            ref = load_reference()
            terms = untranslated_terms(uses, ref, Segmenter.from_reference(ref))
            header = ["term", "indicators"]
            rows = [[term, str(n)] for term, n in terms.most_common()]
        else:
            translated = sum(is_translated(u.en) for u in uses)
            series = sum(len(u.periods) > 1 for u in uses)
            minted = sum(u.candidate for u in uses)
            curated = sum(u.iri in load_reference().concepts for u in uses)
            header = ["measure", "value"]
            rows = [
                ["indicators with observations", str(len(uses))],
                ["curated", str(curated)],
                [
                    "derived (a curated base and a derivation or category)",
                    str(len(uses) - curated - minted),
                ],
                ["candidates", str(minted)],
                ["with a real English label", f"{translated} ({_percent(translated, len(uses))})"],
                ["observed at two or more periods", f"{series} ({_percent(series, len(uses))})"],
            ]
    except CikgError as exc:
        raise _fail(str(exc)) from None
    rows = rows[:limit] if limit else rows
    if fmt is ListFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(header)
        writer.writerows(rows)
        return
    table = Table(*header)
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))
    _out.print(table)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


if __name__ == "__main__":  # pragma: no cover
    app()
