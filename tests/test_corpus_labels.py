"""The labels a user reads in the graph of documents the project was not
written on: the 24 news articles and the three PDF reports of the shared
corpus (``corpus/news/``, ``corpus/pdf/``). No indicator that carries an
observation may be debris (:func:`cikg.curation.debris`: a bracket or quote
left open, a leading conjunction, particle or source, a count at the start, a
label that names no thing measured, a trailing particle); the seeds' own
labels are checked in ``test_catalogue.py``."""

from __future__ import annotations

import pytest

from cikg.curation import debris, indicator_uses
from cikg.iris import IriMinter
from cikg.pipeline import Status, build
from cikg.store import open_store

from .shared import SHARED

CORPUS = SHARED / "corpus"

pytestmark = pytest.mark.skipif(
    not (CORPUS / "news").is_dir() or not (CORPUS / "pdf").is_dir(),
    reason="shared/corpus is not beside the checkout",
)


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    files = sorted((CORPUS / "news").glob("news-*.txt")) + sorted((CORPUS / "pdf").glob("*.pdf"))
    path = tmp_path_factory.mktemp("corpus") / "store"
    results = build(files, path, minter=IriMinter()).results
    assert [r.status for r in results] == [Status.BUILT] * len(files)
    return open_store(path, read_only=True)


def test_no_corpus_label_is_debris(corpus_store, segmenter):
    uses = indicator_uses(corpus_store)
    assert len(uses) > 400  # the articles' and the reports' figures are there
    bad = [(u.zh, why) for u in uses if (why := debris(u.zh, segmenter))]
    assert bad == []
