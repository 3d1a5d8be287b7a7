"""The command line: every command has help and is in the README; build,
query, export and stats work on the seeds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from cikg.cli import app

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ["build", "serve", "query", "export", "stats"]
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


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash)\n(.*?)```", readme, flags=re.S)
    assert "cikg serve" in blocks[0] and "pip install -e ." in blocks[0]
    assert "pip install -e '.[test]'" in blocks[1] and "pytest" in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in ci


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
    bad.write_bytes(b"\xff\xfe\x00bad")
    result = runner.invoke(app, ["build", str(bad), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "bad.txt" in result.output and "failed" in result.output
