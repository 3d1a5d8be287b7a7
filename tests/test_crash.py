"""A build killed (SIGKILL) while it replaces a document's graph leaves a
store that opens, conforms to the SHACL shapes and holds the document's old
graph or its new one, whole; the next build leaves no staging graph.

Each kill runs a real build in a subprocess (tests/crash_harness.py) on a
copy of a store that holds the old version of the document: killed just
before the update that replaces the graph, just after it, and from outside
at a few delays after that update starts (wherever the process then is).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import NamedNode, Quad

from cikg.pipeline import Status, build
from cikg.store import export, open_store

ROOT = Path(__file__).resolve().parents[1]
HARNESS = Path(__file__).resolve().parent / "crash_harness.py"
OLD = (Path(__file__).resolve().parent / "data" / "bad" / "good.txt").read_text(encoding="utf-8")
#: the same report, revised: other figures, and 300 sentences more, so that
#: writing it takes long enough for a kill from outside to land inside
NEW = OLD.replace("11.08 亿人", "11.10 亿人").replace("78.6%", "78.9%") + "".join(
    f"\n截至 2024 年 12 月，我国第{n}类应用用户规模达 {n}.5 万人。\n" for n in range(1, 301)
)
SIGKILL_STATUS = -9

# point -> the graph it must leave (None: either; the kill lands anywhere)
POINTS = {
    "before-update": "old",
    "after-update": "new",
    # the update takes about 0.1 s here: these land before, in and after it
    "external-0": None,
    "external-0.05": None,
    "external-0.1": None,
    "external-0.25": None,
}


def _quads(store_path: Path, graph: str) -> set[Quad]:
    store = open_store(store_path, read_only=True)
    return set(store.quads_for_pattern(None, None, None, NamedNode(graph)))


def _staging(store_path: Path) -> list[str]:
    store = open_store(store_path, read_only=True)
    return [g.value for g in store.named_graphs() if "/graph/staging/" in g.value]


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory):
    """A store holding the old version, and the old and new graphs as sets."""
    tmp = tmp_path_factory.mktemp("crash")
    doc = tmp / "in" / "report.txt"
    doc.parent.mkdir()
    doc.write_text(OLD, encoding="utf-8")
    old_store = tmp / "old"
    (result,) = build([doc], old_store).results
    assert result.status is Status.BUILT
    doc.write_text(NEW, encoding="utf-8")
    (fresh,) = build([doc], tmp / "new").results
    assert fresh.graph == result.graph
    old, new = _quads(old_store, result.graph), _quads(tmp / "new", result.graph)
    assert old and new and old != new
    return old_store, result.graph, old, new


def _conforms(store_path: Path) -> tuple[bool, str]:
    pyshacl = pytest.importorskip("pyshacl")
    store = open_store(store_path, read_only=True)
    buf = io.BytesIO()
    export(store, buf, "turtle")  # the union of all graphs, as the endpoint sees it
    data = rdflib.Graph().parse(data=buf.getvalue().decode("utf-8"), format="turtle")
    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    return conforms, text


@pytest.mark.parametrize("point", POINTS)
def test_a_build_killed_while_writing_leaves_the_old_or_the_new_graph(versions, tmp_path, point):
    old_store, graph, old, new = versions
    store = tmp_path / "store"
    shutil.copytree(old_store, store)
    doc = tmp_path / "report.txt"
    doc.write_text(NEW, encoding="utf-8")
    kill, _, delay = point.partition("-") if point.startswith("external") else (point, "", "")
    child = subprocess.Popen(
        [sys.executable, str(HARNESS), str(store), str(doc), kill],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    if delay:
        line = child.stdout.readline()  # the child is about to write the graph
        assert line.strip() == "WRITING", line + child.stderr.read()
        time.sleep(float(delay))
        child.kill()
    out, err = child.communicate(timeout=120)
    if POINTS[point] is not None:  # a fixed point: the child must have died there
        assert child.returncode == SIGKILL_STATUS, out + err
    else:  # killed from outside; it may have finished first
        assert child.returncode in (SIGKILL_STATUS, 0), err

    left = _quads(store, graph)  # the store opens
    assert left in (old, new)  # whole: one or the other, never a mix
    if POINTS[point] is not None:
        assert left == (old if POINTS[point] == "old" else new)
    conforms, text = _conforms(store)
    assert conforms, text[:3000]

    (again,) = build([doc], store).results  # the next build recovers
    assert again.status in (Status.BUILT, Status.UNCHANGED)
    assert _quads(store, graph) == new
    assert _staging(store) == []
