"""``build()``: load -> metadata -> map -> store, one document at a time.

Each document is built completely in memory and then replaces its graph in
one transaction; a document that fails (unreadable, too large, or any error
raised while extracting it, a bug included) is reported with file and line
and its previous graph is left as it was; the build goes on with the others.
``KeyboardInterrupt`` stops the build. A file whose SHA-256 and cikg version
match what the store holds is skipped. The curated ontology and reference
graphs are reloaded on every build.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from pyoxigraph import NamedNode, Quad

from cikg import __version__
from cikg.errors import CikgError, InputError, UnsupportedInput
from cikg.extract.document import document_to_facts
from cikg.extract.organisations import OrgFinder, org_finder
from cikg.extract.policies import blocks_to_definitions, blocks_to_policy_mentions
from cikg.extract.quantities import UnitTable
from cikg.iris import IriMinter, normalise_key
from cikg.load import KNOWN_SUFFIXES, load_document
from cikg.load.ocr import Tesseract, find_tesseract
from cikg.mapping import document_to_quads
from cikg.mapping.citations import citations_to_triples
from cikg.mapping.cube import facts_to_triples
from cikg.mapping.entities import OrgLinker
from cikg.mapping.policies import policies_to_triples, policy_iri
from cikg.metadata import document_to_metadata
from cikg.records import BlockKind, Document, Finding
from cikg.reference import Reference, load_reference
from cikg.segment import Segmenter
from cikg.settings import BuildSettings
from cikg.store import (
    close_and_trim,
    drop_staging_graphs,
    find_report_by_sha,
    open_store,
    prune_shared_graph,
    replace_graph,
)

__all__ = ["BuildReport", "DocumentResult", "Status", "build", "discover"]


class Status(StrEnum):
    """What happened to one input file."""

    BUILT = "built"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """The outcome for one input file.

    :param path: the file.
    :param status: built, unchanged (same hash and version), skipped (a
        format not read yet) or failed.
    :param slug: the report's slug, when known.
    :param graph: the graph written or kept, when any.
    :param message: why it was skipped or failed (names file and line).
    :param counts: passages, tables, footnotes, captions, notes, numeric
        cells, observations (and how many link to a curated indicator),
        quads.
    :param findings: what the build noticed and did not accept silently
        (cells not read, totals that do not add up, conflicting values).
    :param seconds: wall time spent on the file.
    """

    path: Path
    status: Status
    slug: str | None = None
    graph: str | None = None
    message: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class BuildReport:
    """The outcome of a build: one result per input file, plus the curated graphs.

    :param results: per file, in input order.
    :param reference_quads: quads written to ``graph/reference``.
    :param ontology_quads: quads written to ``graph/ontology``.
    :param seconds: wall time of the whole build.
    """

    results: tuple[DocumentResult, ...]
    reference_quads: int
    ontology_quads: int
    seconds: float

    @property
    def failed(self) -> tuple[DocumentResult, ...]:
        """The results whose document failed."""
        return tuple(r for r in self.results if r.status is Status.FAILED)


def discover(paths: Sequence[Path]) -> list[Path]:
    """The input files under ``paths``: files as given, folders searched
    recursively for ``.txt``, ``.md``, ``.html``/``.htm``, ``.docx`` and ``.pdf``
    files, sorted by name.

    :raises InputError: if a path does not exist.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES
                )
            )
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(path, "no such file or folder")
    return found


def build(
    paths: Iterable[Path],
    store_dir: Path,
    *,
    minter: IriMinter | None = None,
    reference: Reference | None = None,
    force: bool = False,
    on_result: Callable[[DocumentResult], None] | None = None,
    settings: BuildSettings | None = None,
) -> BuildReport:
    """Build (or update) the store from input files.

    :param paths: files and folders (see :func:`discover`).
    :param store_dir: the store's folder; created when missing.
    :param minter: mints IRIs; default base ``https://w3id.org/cikg/``.
    :param reference: curated data; default read from ``ontology/``.
    :param force: rebuild documents even when unchanged.
    :param on_result: called after each file (for progress display).
    :param settings: limits and OCR (default: :class:`~cikg.settings.BuildSettings`'s
        defaults; the CLI reads them from ``CIKG_*`` variables). With
        ``settings.ocr``, PDF pages without a text layer are read by
        Tesseract, and read again on every build (a document with such
        pages is never taken as unchanged: its graph may have been built
        without them).
    :return: the per-file results. A document that cannot be read, or whose
        extraction raises any error (a bug included), is a ``FAILED`` result
        naming the file and place; the build goes on with the others and
        that document's graph stays as it was.
    :raises InputError: if a given path does not exist.
    :raises StoreError: if the store cannot be opened (e.g. a server holds it).
    :raises CikgError: if the ontology cannot be read.
    :raises OcrUnavailable: if ``settings.ocr`` is set and Tesseract or its
        language data is missing (before the store is opened or created).
    """
    started = time.perf_counter()
    files = discover(list(paths))
    settings = settings or BuildSettings()
    # before the store is opened: a missing Tesseract leaves it as it was
    tesseract = find_tesseract(settings.ocr_languages, settings.ocr_dpi) if settings.ocr else None
    minter = minter or IriMinter()
    reference = reference or load_reference(minter=minter)
    store = open_store(store_dir)
    try:
        drop_staging_graphs(store, minter)
        onto = replace_graph(store, minter.ontology_graph(), reference.ontology_quads)
        ref = replace_graph(store, minter.reference_graph(), reference.reference_quads)
        tools = _Tools(
            minter,
            reference,
            UnitTable.from_quads(reference.reference_quads),
            segmenter := Segmenter.from_reference(reference),
            settings.max_input_bytes,
            org_finder(reference, segmenter),
            tesseract,
        )
        results = []
        for path in files:
            result = _build_one(store, path, tools, force)
            results.append(result)
            if on_result is not None:
                on_result(result)
        prune_shared_graph(store, minter.discovered_graph())
        store.flush()
    finally:
        del store
    close_and_trim(store_dir)
    return BuildReport(tuple(results), ref, onto, time.perf_counter() - started)


@dataclass(frozen=True, slots=True)
class _Tools:
    """What every document of a build is read with (made once per build)."""

    minter: IriMinter
    reference: Reference
    units: UnitTable
    segmenter: Segmenter
    max_input_bytes: int
    orgs: OrgFinder
    tesseract: Tesseract | None = None


@dataclass(frozen=True, slots=True)
class _DocumentGraph:
    """A document read and mapped, ready to replace its graph."""

    slug: str
    graph: NamedNode
    quads: tuple[Quad, ...]
    shared: tuple[Quad, ...]
    counts: dict[str, int]
    findings: tuple[Finding, ...]


def _document_to_graph(doc: Document, tools: _Tools) -> _DocumentGraph:
    """load -> extract -> link -> map for one document (nothing written)."""
    minter, reference = tools.minter, tools.reference
    meta = document_to_metadata(doc, reference, minter)
    orgs = OrgLinker(reference, minter)
    mapped = document_to_quads(doc, meta, reference, minter, orgs)
    extraction = document_to_facts(
        doc,
        reference,
        tools.units,
        tools.segmenter,
        meta.issued,
        report_year=meta.year,
        scope=meta.scope,
        is_article=meta.is_article,
        finder=tools.orgs,
    )
    cited, citation_iris = citations_to_triples(
        extraction.citations, doc, meta.slug, mapped.block_iris, orgs.iri, minter
    )
    cube = facts_to_triples(
        extraction.facts,
        meta.slug,
        block_iri=mapped.block_iris.__getitem__,
        block_line=lambda i: doc.blocks[i].line,
        ref=reference,
        units={u.key: u.iri for u in tools.units.units},
        minter=minter,
        org_iri=orgs.iri,
        default_topic=_chapter_topics(doc, reference, minter).__getitem__,
        citation_iris=citation_iris,
        policy_iri=lambda title: policy_iri(title, minter, reference),
    )
    policies = policies_to_triples(
        blocks_to_policy_mentions(
            doc.blocks,
            lambda title: _kind(reference, title),
            tools.orgs,
            lambda number: _issuer_name(reference, number),
            reference.is_kind_word,
            published=meta.issued,
            report_year=meta.year,
            government=reference.government,
        ),
        blocks_to_definitions(doc.blocks),
        doc,
        mapped.block_iris,
        cube.block_indicators,
        reference,
        orgs,
        tools.orgs,
        minter,
    )
    own = tuple(
        Quad(s, p, o, mapped.graph) for s, p, o in (*cube.triples, *cited, *policies.triples)
    )
    discovered = minter.discovered_graph()
    shared = tuple(
        Quad(s, p, o, discovered)
        for s, p, o in (*mapped.shared, *cube.concepts, *policies.shared, *orgs.triples)
    )
    counts = {
        **mapped.counts,
        "cells": extraction.cells,
        "prose figures": extraction.prose_figures,
        "prose facts": extraction.prose_facts,
        "citations": len(extraction.citations),
        **policies.counts,
        "observations": cube.observations,
        "linked": cube.linked,
    }
    findings = (
        *_load_findings(doc),
        *meta.findings,
        *extraction.findings,
        *cube.findings,
        *policies.findings,
    )
    return _DocumentGraph(meta.slug, mapped.graph, (*mapped.quads, *own), shared, counts, findings)


#: How the loader's encodings are named in a finding.
_ENCODING_NAMES = {
    "utf-8-sig": "UTF-8 with a byte order mark (dropped)",
    "utf-16": "UTF-16 (it has a byte order mark)",
    "gb18030": "GB18030 (GBK/GB2312); UTF-8 is preferred",
}


def _load_findings(doc: Document) -> tuple[Finding, ...]:
    """What the loader noticed: a text decoded from an encoding other than
    UTF-8; a PDF's pages without a text layer (left unread, or read by OCR)."""
    if doc.encoding in _ENCODING_NAMES:
        return (
            Finding("encoding", f"decoded as {_ENCODING_NAMES[doc.encoding]}", line=1),
            *doc.findings,
        )
    return doc.findings


_PACKAGE = Path(__file__).resolve().parent


def _unexpected(path: Path, exc: Exception) -> str:
    """The message of a document whose build raised an error cikg did not
    raise on purpose (a bug): the file, the error, and where in cikg."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if Path(f.filename).is_relative_to(_PACKAGE)]
    where = ""
    if frames:
        where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}"
    if ours and ours[-1] is not frames[-1]:  # raised in a library cikg called
        where += f" called from {Path(ours[-1].filename).name}:{ours[-1].lineno}"
    return (
        f"{path}: unexpected {type(exc).__name__}{where} while building it: {exc}; "
        "its previous graph is kept (please report this with the file)"
    )


def _build_one(store, path: Path, tools: _Tools, force: bool) -> DocumentResult:
    t0 = time.perf_counter()
    try:
        doc = load_document(path, max_bytes=tools.max_input_bytes, ocr=tools.tesseract)
        # a document with pages read by OCR is built again: its graph may
        # have been built without them
        if not force and not doc.ocr_pages:
            graph = find_report_by_sha(store, doc.sha256, __version__)
            if graph is not None:
                return DocumentResult(
                    path, Status.UNCHANGED, graph=graph, seconds=time.perf_counter() - t0
                )
        mapped = _document_to_graph(doc, tools)
        written = replace_graph(
            store,
            mapped.graph,
            mapped.quads,
            shared=(tools.minter.discovered_graph(), mapped.shared),
        )
    except UnsupportedInput as exc:
        return DocumentResult(path, Status.SKIPPED, message=str(exc))
    except CikgError as exc:
        return DocumentResult(
            path, Status.FAILED, message=str(exc), seconds=time.perf_counter() - t0
        )
    except Exception as exc:  # a bug on one document must not stop the others
        return DocumentResult(
            path, Status.FAILED, message=_unexpected(path, exc), seconds=time.perf_counter() - t0
        )
    return DocumentResult(
        path,
        Status.BUILT,
        slug=mapped.slug,
        graph=mapped.graph.value,
        counts={**mapped.counts, "quads": written},
        findings=mapped.findings,
        seconds=time.perf_counter() - t0,
    )


def _issuer_name(reference: Reference, number: str) -> str | None:
    """The preferred name of the body a 发文字号's prefix names."""
    org = reference.issuer_of_number(number)
    return None if org is None else reference.org_preferred.get(org.value)


def _kind(reference: Reference, title: str) -> tuple[str, bool] | None:
    found = reference.title_kind(title)
    return (found[0].value, found[1]) if found else None


def _chapter_topics(doc: Document, ref: Reference, minter: IriMinter) -> list[NamedNode]:
    """For each block, the topic its chapter heading names (第一章 互联网基础资源
    发展及应用状况 -> infrastructure), else ``topic/general``."""
    general = minter.topic("general")
    topics: list[NamedNode] = []
    current = general
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING and block.level == 1:
            key = normalise_key(block.text)
            names = [name for name in ref.topic_names if name in key]
            current = ref.topic_names[max(names, key=len)] if names else general
        topics.append(current)
    return topics
