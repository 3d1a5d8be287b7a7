"""``cikg build --jobs 2`` against the serial build, on real input: the same
quads, the same results, the same failures.

Two builds of the same files are compared quad for quad, except blank
nodes: the only ones are in ``graph/ontology`` (OWL unions and SHACL
property shapes from ``ontology/*.ttl``), and every write of that graph, a
serial build's too, gives them fresh labels (SPARQL ``INSERT DATA`` makes
new blank nodes), so the triples holding them are compared as graphs, up to
isomorphism (rdflib). The pipeline writes no build time or build id: every
other quad must be identical.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import BlankNode, NamedNode, Quad, RdfFormat, Triple, serialize
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from cikg.cli import app
from cikg.errors import CikgError
from cikg.pipeline import BuildReport, DocumentResult, Status, build
from cikg.store import open_store, query

from .conftest import SEED_FILES, SEEDS

BAD = Path(__file__).resolve().parent / "data" / "bad"
runner = CliRunner()


def _store_contents(path: Path) -> tuple[set[Quad], dict[str, rdflib.Graph]]:
    """The quads without blank nodes, and per graph the triples with one."""
    plain: set[Quad] = set()
    blank: dict[str, list[Triple]] = defaultdict(list)
    for q in open_store(path, read_only=True):
        if isinstance(q.subject, BlankNode) or isinstance(q.object, BlankNode):
            blank[q.graph_name.value].append(Triple(q.subject, q.predicate, q.object))
        else:
            plain.add(q)
    graphs = {
        name: rdflib.Graph().parse(data=serialize(triples, format=RdfFormat.N_TRIPLES), format="nt")
        for name, triples in blank.items()
    }
    return plain, graphs


def _assert_same_store(serial: Path, parallel: Path) -> None:
    plain, blank = _store_contents(serial)
    plain_p, blank_p = _store_contents(parallel)
    assert plain, "the serial store is empty"
    assert len(plain_p) == len(plain) and plain_p == plain
    assert blank_p.keys() == blank.keys()
    for name, graph in blank.items():
        assert isomorphic(graph, blank_p[name]), name


def _outcomes(report: BuildReport) -> list[DocumentResult]:
    """The results without their timings (the one field that may differ)."""
    return [replace(r, seconds=0.0) for r in report.results]


def test_jobs_2_builds_the_seeds_as_the_serial_build(built_store, tmp_path):
    serial_store, serial = built_store  # built serially, once per session
    parallel = build([SEEDS], tmp_path / "store", jobs=2)
    assert parallel.workers == 2 and serial.workers == 1
    assert [r.status for r in parallel.results] == [Status.BUILT] * len(SEED_FILES)
    assert _outcomes(parallel) == _outcomes(serial)  # slugs, counts, findings, in input order
    _assert_same_store(serial_store, tmp_path / "store")


def _spoiled_inputs(folder: Path) -> list[Path]:
    """Good documents and bad ones: a report that was built and is now
    spoilt (NUL bytes), an empty file, random bytes, a Windows-1252 file, a
    Markdown file whose front matter nests past Python's recursion limit (an
    error cikg does not raise on purpose: the unexpected-error path), a
    format not read (skipped), a copy of a document given twice (unchanged
    once the first is written) and two seeds."""
    folder.mkdir()
    (folder / "a-report.txt").write_bytes((BAD / "nul-bytes.txt").read_bytes())
    for name in ("empty.txt", "garbage.txt", "cp1252.txt"):
        shutil.copy(BAD / name, folder / f"b-{name}")
    nested = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n正文\n"
    (folder / "c-nested.md").write_text(nested, encoding="utf-8")
    shutil.copy(SEED_FILES["002"], folder / "d-article.txt")
    shutil.copy(SEED_FILES["000"], folder / "e-seed.txt")
    shutil.copy(SEED_FILES["002"], folder / "f-article-again.txt")
    slides = folder.parent / "slides.pptx"
    slides.write_bytes(b"PK")
    return [folder, slides]


def test_bad_documents_among_good_ones_fail_under_jobs_2_as_serially(tmp_path):
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(BAD / "good.txt", first / "a-report.txt")
    serial_store, parallel_store = tmp_path / "serial", tmp_path / "parallel"
    (old,) = build([first], serial_store).results
    assert old.status is Status.BUILT
    shutil.copytree(serial_store, parallel_store)  # both hold the report's old graph
    inputs = _spoiled_inputs(tmp_path / "in")

    serial = build(inputs, serial_store)
    parallel = build(inputs, parallel_store, jobs=2)

    statuses = {r.path.name: r.status for r in serial.results}
    assert statuses == {
        "a-report.txt": Status.FAILED,
        "b-cp1252.txt": Status.FAILED,
        "b-empty.txt": Status.FAILED,
        "b-garbage.txt": Status.FAILED,
        "c-nested.md": Status.FAILED,
        "d-article.txt": Status.BUILT,
        "e-seed.txt": Status.BUILT,
        "f-article-again.txt": Status.UNCHANGED,
        "slides.pptx": Status.SKIPPED,
    }
    assert _outcomes(parallel) == _outcomes(serial)  # the same messages, word for word
    messages = {r.path.name: r.message for r in parallel.results}
    assert "a-report.txt:7: " in messages["a-report.txt"]  # file and line
    assert "unexpected RecursionError" in messages["c-nested.md"]
    _assert_same_store(serial_store, parallel_store)  # the report's old graph kept in both
    kept = open_store(parallel_store, read_only=True)
    assert next(kept.quads_for_pattern(None, None, None, NamedNode(old.graph)), None)


def test_the_cli_reports_failures_under_jobs_2_as_serially(tmp_path):
    inputs = [str(p) for p in _spoiled_inputs(tmp_path / "in")]
    runs = {
        jobs: runner.invoke(app, ["build", *inputs, "--store", str(tmp_path / jobs), "-j", jobs])
        for jobs in ("1", "2")
    }
    assert runs["1"].exit_code == runs["2"].exit_code == 1
    lines = {
        jobs: [ln for ln in run.output.splitlines() if ln.startswith(("failed:", "skipped:"))]
        for jobs, run in runs.items()
    }
    assert len(lines["1"]) == 6 and lines["2"] == lines["1"]
    assert "read in 2 worker processes" in runs["2"].output


def test_a_file_whose_graph_an_earlier_one_replaced_is_read_again(tmp_path):
    """A file built before (so a worker does not read it further) whose
    graph a revised copy earlier in the input replaces: serially it is read
    again when its turn comes; under --jobs 2 too."""
    old = (BAD / "good.txt").read_text(encoding="utf-8")
    first = tmp_path / "first"
    first.mkdir()
    (first / "b-report.txt").write_text(old, encoding="utf-8")
    serial_store, parallel_store = tmp_path / "serial", tmp_path / "parallel"
    build([first], serial_store)
    shutil.copytree(serial_store, parallel_store)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-revised.txt").write_text(old.replace("78.6%", "78.9%"), encoding="utf-8")
    (folder / "b-report.txt").write_text(old, encoding="utf-8")

    serial = build([folder], serial_store)
    parallel = build([folder], parallel_store, jobs=2)

    assert [r.status for r in serial.results] == [Status.BUILT, Status.BUILT]
    assert len({r.graph for r in serial.results}) == 1  # one report, one graph
    assert _outcomes(parallel) == _outcomes(serial)
    _assert_same_store(serial_store, parallel_store)


#: Two policy titles whose hashed slugs collide: SHA-1 of each title starts
#: f65cffc9 (found by trying numbers; 8 hex digits give a clash in about
#: 80 000 titles).
CLASHING_TITLES = ("网络数据安全第88413号管理办法", "网络数据安全第101959号管理办法")


def test_a_slug_collision_across_documents_fails_under_jobs_2_as_serially(tmp_path):
    """Each worker mints slugs for its document alone; the writer checks them
    against the documents before it, so the second report still fails."""
    good = (BAD / "good.txt").read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    names, editions = ("a.txt", "b.txt"), ("第92次", "第93次")
    for name, edition, title in zip(names, editions, CLASHING_TITLES, strict=True):
        text = (
            good.replace("第91次", edition) + f"\n2024 年 9 月，工业和信息化部印发《{title}》。\n"
        )
        (folder / name).write_text(text, encoding="utf-8")

    serial = build([folder], tmp_path / "serial")
    parallel = build([folder], tmp_path / "parallel", jobs=2)

    assert [r.status for r in serial.results] == [Status.BUILT, Status.FAILED]
    assert "'policy-f65cffc9' stands for both" in serial.results[1].message
    assert _outcomes(parallel) == _outcomes(serial)
    _assert_same_store(tmp_path / "serial", tmp_path / "parallel")


def test_a_script_read_from_standard_input_builds_serially(tmp_path):
    """A spawned worker imports its parent's ``__main__``, which a script read
    from standard input lacks: such a build reads its documents itself
    instead of failing."""
    files = [str(SEED_FILES["000"]), str(SEED_FILES["002"])]
    script = (
        "from pathlib import Path\n"
        "from cikg.pipeline import build\n"
        f"report = build([Path(p) for p in {files!r}], Path({str(tmp_path / 's')!r}), jobs=2)\n"
        "print(*[r.status.value for r in report.results], report.workers)\n"
    )
    run = subprocess.run(
        [sys.executable, "-"], input=script, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["built", "built", "1"]
    assert "Traceback" not in run.stderr


def _workers(pid: int) -> list[int]:
    """The pool's worker processes among ``pid``'s children (not
    multiprocessing's resource tracker)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    found = []
    for child in children.read_text().split() if children.exists() else []:
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmdline:
            found.append(int(child))
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("delay", [0.0, 4.0], ids=["starting", "reading"])
def test_a_worker_killed_stops_the_build_with_a_message(tmp_path, delay):
    """A worker that dies (here SIGKILL, as the kernel's OOM killer sends),
    as it starts or while it reads, stops the build: one error line naming a
    document, exit code 1, and a store that opens, holding the documents
    written before."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(4):  # twenty files for the workers to read: time to kill one
        for key, seed in SEED_FILES.items():
            shutil.copy(seed, folder / f"{n}-{key}.txt")
    store = tmp_path / "store"
    command = [sys.executable, "-m", "cikg.cli", "build", str(folder), "--store", str(store)]
    build_process = subprocess.Popen(
        [*command, "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    deadline = time.monotonic() + 60
    while not (workers := _workers(build_process.pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert workers, "no worker process started"
    time.sleep(delay)
    os.kill(workers[0], signal.SIGKILL)
    output, _ = build_process.communicate(timeout=120)
    assert build_process.returncode == 1, output
    assert "a worker process stopped while it was read" in output
    assert "build it with --jobs 1 to see why" in output
    # the store opens, and each report graph written before the stop is whole (a
    # worker killed as it starts may stop the build before anything is written)
    opened = open_store(store, read_only=True)
    reports = [g for g in opened.named_graphs() if "/graph/report/" in g.value]
    for graph in reports:
        assert any(opened.quads_for_pattern(None, None, None, graph)), graph
        described = f"ASK {{ GRAPH <{graph.value}> {{ ?r a cikg:Report ; dcterms:title ?t }} }}"
        assert query(opened, described), graph


def test_jobs_below_1_is_an_error(tmp_path):
    with pytest.raises(CikgError, match="at least 1"):
        build([SEED_FILES["002"]], tmp_path / "store", jobs=0)
