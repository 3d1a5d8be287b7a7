"""One input file read into the quads of its graph, nothing written:
load -> metadata -> extract -> link -> map.

:meth:`DocumentReader.read` gives a :class:`Reading`: the document's quads, or
why there are none (skipped, failed, or unchanged since it was built). The
serial build reads each file in its own process; ``--jobs N`` reads them
in worker processes (:mod:`cikg.jobs`) and sends each :class:`Reading`
back. Either way :func:`cikg.pipeline.build` writes them, in input order.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import chain
from pathlib import Path

from pyoxigraph import NamedNode, Quad

from cikg.errors import CikgError, UnsupportedInput
from cikg.extract.document import document_to_facts
from cikg.extract.organisations import OrgFinder, org_finder
from cikg.extract.periods import reported_year
from cikg.extract.policies import blocks_to_definitions, blocks_to_policy_mentions
from cikg.extract.quantities import UnitTable
from cikg.iris import IriMinter, normalise_key
from cikg.load import load_document
from cikg.load.ocr import Tesseract
from cikg.mapping import document_to_quads
from cikg.mapping.citations import citations_to_triples
from cikg.mapping.cube import facts_to_triples
from cikg.mapping.entities import OrgLinker
from cikg.mapping.policies import policies_to_triples, policy_iri
from cikg.metadata import document_to_metadata
from cikg.records import BlockKind, Document, Finding, ReportMetadata
from cikg.reference import Reference
from cikg.segment import Segmenter
from cikg.store import NTriples

__all__ = [
    "DocumentGraph",
    "DocumentReader",
    "Outcome",
    "Reading",
    "Tools",
    "document_to_graph",
    "unexpected_message",
]


@dataclass(frozen=True, slots=True)
class Tools:
    """What the documents of a build are extracted with (made once per build,
    or once per worker process: see :class:`DocumentReader`).

    :param minter: mints IRIs.
    :param reference: curated data.
    :param units: the units numbers may carry.
    :param segmenter: the jieba tokenizer with the curated names.
    :param orgs: finds organisation names.
    """

    minter: IriMinter
    reference: Reference
    units: UnitTable
    segmenter: Segmenter
    orgs: OrgFinder

    @classmethod
    def from_reference(cls, minter: IriMinter, reference: Reference) -> Tools:
        """The tools over ``reference``: its units, a segmenter with its
        names (jieba's dictionary, read once per process and copied) and an
        organisation finder."""
        segmenter = Segmenter.from_reference(reference)
        return cls(
            minter,
            reference,
            UnitTable.from_quads(reference.reference_quads),
            segmenter,
            org_finder(reference, segmenter),
        )


@dataclass(frozen=True, slots=True)
class DocumentGraph:
    """A document read and mapped, ready to replace its graph.

    Its triples are serialised where it is read (:class:`~cikg.store.NTriples`,
    in Rust: 0.03 s for the 55th CNNIC report's 17 000 quads), so a build
    worker sends them to the build's process as two strings, which that
    process writes as they are, without parsing them into Python objects
    and serialising them again.

    :param slug: the report's slug.
    :param graph: its graph.
    :param triples: the graph's triples.
    :param shared: triples for ``graph/discovered``.
    :param counts: passages, tables … (see :class:`cikg.pipeline.DocumentResult`).
    :param findings: what the reading noticed.
    """

    slug: str
    graph: NamedNode
    triples: NTriples
    shared: NTriples
    counts: dict[str, int]
    findings: tuple[Finding, ...]


class Outcome(StrEnum):
    """What reading one file gave."""

    READ = "read"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Reading:
    """One input file read, before anything is written.

    :param path: the file.
    :param outcome: ``READ`` (``graph`` holds its quads), ``UNCHANGED`` (a
        graph built from a file with this hash was there when it was
        read: not read further), ``SKIPPED`` (a format not read yet) or
        ``FAILED``.
    :param sha256: the file's hash, once it was loaded.
    :param graph: the quads, when read.
    :param message: why it was skipped or failed (names file and line).
    :param slugs: the hashed slugs reading it gave out (``(kind, slug,
        key)``, see :meth:`~cikg.iris.IriMinter.given_slugs`), a failed
        reading's too, up to where it failed.
    :param seconds: wall time spent reading it.
    :param ocr: some of its pages were read by OCR: it is written even when a
        graph built from the same file is there (that one may lack them).
    """

    path: Path
    outcome: Outcome
    sha256: str | None = None
    graph: DocumentGraph | None = None
    message: str | None = None
    slugs: tuple[tuple[str, str, str], ...] = ()
    seconds: float = 0.0
    ocr: bool = False


class DocumentReader:
    """Reads input files (:meth:`read`); the :class:`Tools` are made when a
    first file needs them, once: not at all when every file is unchanged
    (a build worker then only loads and hashes its files).

    :param minter: mints IRIs; each document gets a minter of its own with
        the same base (see :meth:`read`).
    :param reference: gives the curated data; called once, on first need.
    :param max_input_bytes: the most text a document may hold.
    :param pdf_workers: processes to read a PDF's pages with (``None``: one
        per CPU; a build worker reads with 1, its siblings use the others).
    :param ocr: Tesseract to read PDF pages without a text layer with
        (``None``: they are left unread, a finding names them). A document
        with pages read by OCR is read again on every build: its graph may
        have been built without them.
    """

    def __init__(
        self,
        minter: IriMinter,
        reference: Callable[[], Reference],
        max_input_bytes: int,
        pdf_workers: int | None = None,
        ocr: Tesseract | None = None,
    ) -> None:
        self._minter = minter
        self._reference = reference
        self._max_input_bytes = max_input_bytes
        self._pdf_workers = pdf_workers
        self._ocr = ocr
        self._tools: Tools | None = None

    def tools(self) -> Tools:
        """The tools, made on the first call.

        :raises CikgError: if the curated data cannot be read.
        """
        if self._tools is None:
            self._tools = Tools.from_reference(self._minter, self._reference())
        return self._tools

    def read(self, path: Path, is_built: Callable[[str], bool]) -> Reading:
        """Load ``path`` and, unless ``is_built`` says a graph was built from a
        file with its hash, map it to the quads of its graph.

        Hashed slugs are minted by a minter of the document's own and listed
        in the reading: the caller checks them against the other documents'
        in input order (:meth:`~cikg.iris.IriMinter.take_slugs`), wherever
        each was read.

        :param path: an input file.
        :param is_built: whether a graph built from a file with this SHA-256
            (by this cikg version) is in the store.
        :return: the reading. Nothing is raised for the document: an error
            cikg raises on purpose, or any other (a bug), is a ``FAILED``
            reading whose message names the file and place.
        """
        t0 = time.perf_counter()
        minter = IriMinter(self._minter.base)
        sha256 = None
        try:
            doc = load_document(
                path,
                max_bytes=self._max_input_bytes,
                pdf_workers=self._pdf_workers,
                ocr=self._ocr,
            )
            sha256 = doc.sha256
            if is_built(sha256) and not doc.ocr_pages:
                return Reading(path, Outcome.UNCHANGED, sha256, seconds=time.perf_counter() - t0)
            graph = document_to_graph(doc, replace(self.tools(), minter=minter))
        except UnsupportedInput as exc:
            return Reading(path, Outcome.SKIPPED, message=str(exc))
        except CikgError as exc:
            message = str(exc)
        except Exception as exc:  # a bug on one document must not stop the others
            message = unexpected_message(path, exc)
        else:
            return Reading(
                path,
                Outcome.READ,
                sha256,
                graph,
                slugs=minter.given_slugs(),
                seconds=time.perf_counter() - t0,
                ocr=bool(doc.ocr_pages),
            )
        return Reading(
            path,
            Outcome.FAILED,
            sha256,
            message=message,
            slugs=minter.given_slugs(),
            seconds=time.perf_counter() - t0,
        )


def document_to_graph(doc: Document, tools: Tools) -> DocumentGraph:
    """extract -> link -> map for one loaded document (nothing written).

    :param doc: the document.
    :param tools: what it is read with; its minter records the hashed slugs
        given out (:meth:`~cikg.iris.IriMinter.given_slugs`).
    :return: the quads of its graph and of ``graph/discovered``, counts and
        findings.
    :raises CikgError: if the document cannot be read (e.g. a slug collision).
    """
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
            report_year=_reported_year(doc, meta),
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
    own = (Quad(s, p, o, mapped.graph) for s, p, o in (*cube.triples, *cited, *policies.triples))
    discovered = minter.discovered_graph()
    shared = NTriples.of(
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
    triples = NTriples.of(chain(mapped.quads, own))
    return DocumentGraph(meta.slug, mapped.graph, triples, shared, counts, findings)


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


def unexpected_message(path: Path, exc: Exception) -> str:
    """The message of a document whose build raised an error cikg did not
    raise on purpose (a bug): the file, the error, and where in cikg.

    :param path: the input file.
    :param exc: the error, with its traceback.
    :return: one line naming the file, the error and the place.
    """
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


def _issuer_name(reference: Reference, number: str) -> str | None:
    """The preferred name of the body a 发文字号's prefix names."""
    org = reference.issuer_of_number(number)
    return None if org is None else reference.org_preferred.get(org.value)


def _reported_year(doc: Document, meta: ReportMetadata) -> int | None:
    """The year a document reports on, for its policies' dates: the year its
    title names (数字中国发展报告（2024年）), else, for a report, the year of the
    latest stock date it states by its publication (the 55th CNNIC report,
    published 2025-01, counts 截至 2024 年 12 月: 2024); an article's is its
    own date's (``None`` here)."""
    if meta.year is not None or meta.is_article or meta.issued is None:
        return meta.year
    published = (meta.issued.year, meta.issued.month or 12)
    return reported_year((b.text for b in doc.blocks if b.kind is BlockKind.PARAGRAPH), published)


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
