"""The command line: every command has help and is in the README; build,
query, export and stats work on the seeds."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import socket
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from cikg.cli import app

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ["build", "serve", "query", "export", "publish", "stats", "evaluate", "indicators"]
runner = CliRunner()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "--store" in result.output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"cikg {command}" in readme


def test_the_command_list_is_complete():
    names = {c.name for c in app.registered_commands}
    assert names == set(COMMANDS)


def _readme_commands():
    spec = importlib.util.spec_from_file_location(
        "readme_commands", ROOT / ".ci" / "readme_commands.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.readme_commands((ROOT / "README.md").read_text(encoding="utf-8"))


def test_readme_starts_with_the_two_commands_that_ci_runs():
    """The README's first screen gives the two commands, and .ci/run runs
    them as the README writes them (it reads them with the same function)."""
    serve, tests = _readme_commands()
    assert (
        serve == "python3 -m venv .venv && . .venv/bin/activate && pip install -e . && cikg serve"
    )
    assert tests.startswith(
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]'"
    )
    assert tests.endswith("python -m pytest")
    first_screen = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:25])
    assert serve in first_screen and tests in first_screen
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "readme_commands.py serve" in ci and "readme_commands.py tests" in ci
    assert "git clone" in ci  # a fresh clone: untracked and ignored files absent


def test_build_query_export_stats(tmp_path, built_store):
    store, _ = built_store
    result = runner.invoke(
        app, ["query", "ASK { ?r a cikg:Report }", "--store", str(store), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["boolean"] is True
    result = runner.invoke(
        app,
        ["query", str(ROOT / "queries" / "reports.rq"), "--store", str(store), "--format", "csv"],
    )
    assert result.exit_code == 0, result.output
    assert "cnnic-55" in result.stdout and "digital-china-2024" in result.stdout
    out = tmp_path / "all.ttl"
    result = runner.invoke(
        app, ["export", "--store", str(store), "--format", "turtle", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert len(rdflib.Graph().parse(out, format="turtle")) > 10000
    result = runner.invoke(app, ["stats", "--store", str(store)])
    assert result.exit_code == 0 and "cikg" in result.stdout


def test_query_errors_are_reported_not_raised(built_store):
    store, _ = built_store
    result = runner.invoke(app, ["query", "SELECT WHERE {", "--store", str(store)])
    assert result.exit_code == 1
    result = runner.invoke(app, ["stats", "--store", "/nonexistent/store"])
    assert result.exit_code == 1 and "cikg build" in result.output


def test_build_exits_non_zero_when_a_document_fails(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")  # an empty file is no document
    result = runner.invoke(app, ["build", str(bad), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "bad.txt" in result.output and "failed" in result.output


def test_build_creates_the_store_and_its_parent_folders(tmp_path):
    store = tmp_path / "a" / "b" / "store"
    result = runner.invoke(
        app, ["build", str(ROOT / "seeds" / "002_d0c621d1421c4aa5.txt"), "--store", str(store)]
    )
    assert result.exit_code == 0, result.output
    assert (store / "CURRENT").is_file()
    result = runner.invoke(
        app, ["query", "ASK { ?r a cikg:Report }", "--store", str(store), "--format", "json"]
    )
    assert json.loads(result.stdout)["boolean"] is True


def test_a_store_path_that_cannot_be_a_store_is_named(tmp_path):
    seed = str(ROOT / "seeds" / "002_d0c621d1421c4aa5.txt")
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    result = runner.invoke(app, ["build", seed, "--store", str(a_file)])
    assert result.exit_code == 1
    assert f"{a_file} is a file, not a store folder" in result.output
    other = tmp_path / "photos"
    other.mkdir()
    (other / "a.jpg").write_bytes(b"x")
    result = runner.invoke(app, ["build", seed, "--store", str(other)])
    assert result.exit_code == 1
    assert f"{other} is a folder of other files, not a cikg store" in result.output
    assert [p.name for p in other.iterdir()] == ["a.jpg"]  # nothing written among them
    result = runner.invoke(app, ["query", "ASK {}", "--store", str(other)])
    assert result.exit_code == 1 and "not a cikg store" in result.output


def test_query_of_a_missing_file_says_so(built_store):
    store, _ = built_store
    for name in ("queries/nonexistent.rq", "x.sparql", "queries/nonexistent"):
        result = runner.invoke(app, ["query", name, "--store", str(store)])
        assert result.exit_code == 1
        assert result.output.strip() == f"error: {name}: no such file"


def test_an_unknown_prefix_is_one_line_naming_it(built_store):
    store, _ = built_store
    query = "PREFIX ex: <http://example.org/>\nSELECT * WHERE {\n  ?s ex:p ?o ; foaf:name ?n }"
    result = runner.invoke(app, ["query", query, "--store", str(store)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("error: unknown prefix foaf: in the query")
    assert (
        "cikg, cito, dcterms" in lines[0] and "Unicode" not in lines[0] and "\\u{" not in lines[0]
    )


def test_serve_on_a_port_in_use_says_so_before_anything_else(built_store):
    store, _ = built_store
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--store", str(store), "--port", str(port)])
    assert result.exit_code == 2
    assert "SPARQL endpoint" not in result.output
    assert result.output.strip() == (
        f"error: port {port} on 127.0.0.1 is in use (another server?); choose another with "
        f"--port, e.g. cikg serve --port {port + 1}"
    )


def test_serve_answers_without_waiting_for_the_clients_ack():
    """Each connection of cikg serve's listener gets TCP_NODELAY from asyncio
    (without it every response came about 40 ms late: Nagle's algorithm
    against the client's delayed ACK)."""
    from cikg.cli import _listen

    async def nodelay_of_a_connection() -> int:
        accepted = asyncio.get_running_loop().create_future()

        class Accept(asyncio.Protocol):
            def connection_made(self, transport):
                sock = transport.get_extra_info("socket")
                accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        listener = _listen("127.0.0.1", 0)
        port = listener.getsockname()[1]
        server = await asyncio.get_running_loop().create_server(Accept, sock=listener)
        async with server:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            nodelay = await asyncio.wait_for(accepted, 10)
            writer.close()
        return nodelay

    assert asyncio.run(nodelay_of_a_connection()) != 0


def test_serve_outside_the_repository_without_a_store_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["serve", "--port", "0"])
    assert result.exit_code == 1
    assert "no seeds/ folder here to build it from" in result.output
    assert "cikg serve FOLDER" in result.output and "cikg serve --store DIR" in result.output
    assert not (tmp_path / "data").exists()


def test_export_of_an_unknown_graph_lists_the_graphs(built_store):
    store, _ = built_store
    result = runner.invoke(
        app, ["export", "--store", str(store), "--graph", "https://example.org/g"]
    )
    assert result.exit_code == 1
    assert "no graph https://example.org/g" in result.output
    assert "https://w3id.org/cikg/graph/report/cnnic-55" in result.output


def test_the_build_and_the_test_client_raise_no_deprecation():
    """project.license is an SPDX string (a TOML table is deprecated by
    setuptools); starlette's TestClient runs on httpx2, not httpx."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert isinstance(project["license"], str)
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", "import starlette.testclient"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
