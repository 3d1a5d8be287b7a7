"""Shared fixtures: the seeds, the curated reference, a store built once, and
the HTTP app over it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Store
from starlette.testclient import TestClient

from cikg.iris import IriMinter
from cikg.load import load_document
from cikg.pipeline import BuildReport, build
from cikg.records import Document
from cikg.reference import Reference, load_reference
from cikg.segment import Segmenter
from cikg.serve import create_app
from cikg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_FILES = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def reference() -> Reference:
    return load_reference()


@pytest.fixture(scope="session")
def segmenter(reference: Reference) -> Segmenter:
    return Segmenter.from_reference(reference)


@pytest.fixture(scope="session")
def docs() -> dict[str, Document]:
    """Each seed loaded, keyed by its number ("000" … "004")."""
    return {key: load_document(path) for key, path in SEED_FILES.items()}


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    """A store built from seeds/ once per test session (read it, do not write)."""
    path = tmp_path_factory.mktemp("store") / "store"
    report = build([SEEDS], path, minter=IriMinter())
    return path, report


@pytest.fixture(scope="session")
def store(built_store: tuple[Path, BuildReport]) -> Store:
    """The seeds' store, opened read-only once per session."""
    return open_store(built_store[0], read_only=True)


@pytest.fixture(scope="session")
def client(store: Store) -> TestClient:
    """The HTTP app over the seeds' store, with default settings."""
    return TestClient(create_app(store))
