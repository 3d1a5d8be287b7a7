"""Every IRI cikg mints, in one place (DESIGN.md, section IRIs).

IRIs are deterministic: the same input gives the same IRIs on every build.
Curated entities carry readable slugs chosen in ``ontology/``; discovered ones
get a slug from a stable rule, and :meth:`IriMinter.hashed_slug` checks that
two different texts never share one.

>>> m = IriMinter()
>>> m.report("cnnic-55").value
'https://w3id.org/cikg/id/report/cnnic-55'
>>> m.passage("cnnic-55", 12).value
'https://w3id.org/cikg/id/passage/cnnic-55/12'
>>> m.hashed_slug("org", "中国信息安全")
'org-0c8e978b'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from pyoxigraph import NamedNode

from cikg.errors import CikgError

__all__ = [
    "DEFAULT_BASE",
    "IriMinter",
    "SlugCollision",
    "normalise_key",
    "policy_key",
]

DEFAULT_BASE = "https://w3id.org/cikg/"


class SlugCollision(CikgError, ValueError):
    """Two different texts were given the same slug (raised, never silent)."""


def normalise_key(text: str) -> str:
    """The form under which two spellings count as the same name.

    NFKC (full-width letters and digits to ASCII), white space removed,
    Latin letters lower-cased.

    >>> normalise_key("中国互联网络 发展状况统计报告")
    '中国互联网络发展状况统计报告'
    >>> normalise_key("ＡＰＮＩＣ")
    'apnic'
    """
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


_PRC_PREFIX = "中华人民共和国"
#: A version in brackets at a title's end: 人工智能安全治理框架（1.0版） is the
#: framework a text also names without it.
_VERSION_RE = re.compile(r"[（(]\s*v?\d{1,2}(?:\.\d+)*\s*版\s*[)）]$")


def policy_key(title: str) -> str:
    """The identity of a policy title: :func:`normalise_key`, without a
    leading 中华人民共和国 and a trailing version (（1.0版）); a year edition
    such as （2024 版） stays (it names another document).

    >>> policy_key("中华人民共和国网络安全法") == policy_key("网络安全法")
    True
    >>> policy_key("人工智能安全治理框架（1.0版）") == policy_key("人工智能安全治理框架")
    True
    >>> policy_key("指南（2024 版）") == policy_key("指南")
    False
    """
    key = _VERSION_RE.sub("", normalise_key(title))
    return key.removeprefix(_PRC_PREFIX) if len(key) > len(_PRC_PREFIX) + 1 else key


class IriMinter:
    """Mints the IRIs of entities, graphs and schemes under one base.

    :param base: the base IRI, ending in ``/``; default ``https://w3id.org/cikg/``.
    :raises ValueError: if ``base`` does not end in ``/``.
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not base.endswith("/"):
            raise ValueError(f"the base IRI must end with '/': {base!r}")
        self.base = base
        self._slugs: dict[tuple[str, str], str] = {}

    def _id(self, path: str) -> NamedNode:
        return NamedNode(f"{self.base}id/{path}")

    # entities --------------------------------------------------------------
    def report(self, slug: str) -> NamedNode:
        """``id:report/{slug}``."""
        return self._id(f"report/{slug}")

    def dataset(self, slug: str) -> NamedNode:
        """``id:dataset/{slug}``: the report's qb:DataSet."""
        return self._id(f"dataset/{slug}")

    def dsd(self) -> NamedNode:
        """``id:dsd/report-stats``: the one shared data structure definition."""
        return self._id("dsd/report-stats")

    def passage(self, slug: str, n: int) -> NamedNode:
        """``id:passage/{slug}/{n}``, ``n`` the passage's 1-based order in the report."""
        return self._id(f"passage/{slug}/{n}")

    def table(self, slug: str, n: int) -> NamedNode:
        """``id:table/{slug}/{n}``, ``n`` the table's 1-based order in the report."""
        return self._id(f"table/{slug}/{n}")

    def citation(self, slug: str, n: int) -> NamedNode:
        """``id:citation/{slug}/{n}``."""
        return self._id(f"citation/{slug}/{n}")

    def observation(self, slug: str, key: str) -> NamedNode:
        """``id:obs/{slug}/{key}``."""
        return self._id(f"obs/{slug}/{key}")

    def org(self, slug: str) -> NamedNode:
        """``id:org/{slug}``."""
        return self._id(f"org/{slug}")

    def indicator(self, slug: str) -> NamedNode:
        """``id:indicator/{slug}``."""
        return self._id(f"indicator/{slug}")

    def policy(self, slug: str) -> NamedNode:
        """``id:policy/{slug}``."""
        return self._id(f"policy/{slug}")

    def work(self, slug: str) -> NamedNode:
        """``id:work/{slug}``: a work a document names in 《》 that is no
        policy (a report, a standard, a treaty …)."""
        return self._id(f"work/{slug}")

    def region(self, code: str) -> NamedNode:
        """``id:region/{code}`` (ISO 3166-2:CN code, e.g. ``CN-BJ``)."""
        return self._id(f"region/{code}")

    def unit(self, slug: str) -> NamedNode:
        """``id:unit/{slug}`` for units QUDT lacks."""
        return self._id(f"unit/{slug}")

    def topic(self, slug: str) -> NamedNode:
        """``id:topic/{slug}`` (curated topics: infrastructure, general …)."""
        return self._id(f"topic/{slug}")

    def listing(self, kind: str, key: str) -> NamedNode:
        """``id:listing/{kind}/{key}``: a row part of the policies query's
        answer that the build lists in ``graph/latest`` (``kind`` ``policy``
        or ``value``; :mod:`cikg.listings`)."""
        return self._id(f"listing/{kind}/{key}")

    def scheme(self, name: str) -> NamedNode:
        """``id:scheme/{name}`` (indicator, region, policy-type, topic)."""
        return self._id(f"scheme/{name}")

    # graphs ----------------------------------------------------------------
    def report_graph(self, slug: str) -> NamedNode:
        """``graph/report/{slug}``: everything drawn from one document."""
        return NamedNode(f"{self.base}graph/report/{slug}")

    def staging_graph(self, slug: str) -> NamedNode:
        """``graph/staging/{slug}``: where earlier builds wrote a
        document's new graph before it replaced the old one, and where a
        build derives ``graph/latest`` (slug ``latest``) before it replaces
        it; a build drops any such graph a crashed build left behind."""
        return NamedNode(f"{self.base}graph/staging/{slug}")

    def discovered_graph(self) -> NamedNode:
        """``graph/discovered``: descriptions of entities found in documents
        (organisations, indicators, reports cited) that no curated data has;
        one graph, so each description is stored once however many
        documents name the entity."""
        return NamedNode(f"{self.base}graph/discovered")

    def reference_graph(self) -> NamedNode:
        """``graph/reference``: curated entities."""
        return NamedNode(f"{self.base}graph/reference")

    def ontology_graph(self) -> NamedNode:
        """``graph/ontology``: vocabulary, DSD and SHACL shapes."""
        return NamedNode(f"{self.base}graph/ontology")

    def latest_graph(self) -> NamedNode:
        """``graph/latest``: derived at the end of each build that wrote a
        document, from the report graphs: each indicator's latest national
        observations (``cikg:latestNationalObservation``), so a query need
        not find them itself, and the policies query's answer listed
        (:mod:`cikg.listings`; :func:`cikg.store.refresh_latest`)."""
        return NamedNode(f"{self.base}graph/latest")

    def published_graph(self) -> NamedNode:
        """``graph/published``: kept by ``cikg publish`` in the store it
        publishes to (never in the build's store), the content hash of
        each graph it last sent there (``cikg:contentHash``)."""
        return NamedNode(f"{self.base}graph/published")

    # slugs -----------------------------------------------------------------
    def hashed_slug(self, kind: str, text: str, length: int = 8) -> str:
        """A stable slug ``{kind}-{hash}`` for a discovered entity.

        The hash is the first ``length`` hex digits of SHA-1 over
        :func:`normalise_key` of ``text``, so spellings that differ only in
        spacing or width share a slug. A second, different text reaching a
        taken slug raises :class:`SlugCollision` (never merged silently).

        :param kind: the entity kind, e.g. ``"org"``, ``"article"``.
        :param text: the name the slug stands for.
        :param length: hex digits to keep (4–40).
        :return: the slug, e.g. ``"org-0c8e978b"``.
        :raises SlugCollision: if another text already has that slug.
        """
        key = normalise_key(text)
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:length]
        slug = f"{kind}-{digest}"
        self.take_slugs([(kind, slug, key)])
        return slug

    def given_slugs(self) -> tuple[tuple[str, str, str], ...]:
        """The slugs this minter has given out, in order, each ``(kind, slug,
        key)`` with ``key`` the :func:`normalise_key` of the text it stands
        for: what a build worker reports so that the build's own minter can
        check them against every other document's (:meth:`take_slugs`).

        >>> m = IriMinter()
        >>> m.hashed_slug("org", "中国信息安全")
        'org-0c8e978b'
        >>> m.given_slugs()
        (('org', 'org-0c8e978b', '中国信息安全'),)
        """
        return tuple((kind, slug, key) for (kind, slug), key in self._slugs.items())

    def take_slugs(self, slugs: Iterable[tuple[str, str, str]]) -> None:
        """Record slugs given out elsewhere (another minter's
        :meth:`given_slugs`), in order, as if this minter had given them.

        :param slugs: ``(kind, slug, key)`` triples.
        :raises SlugCollision: at the first slug that already stands for
            another key here; the ones before it stay recorded, as they do
            when :meth:`hashed_slug` raises.

        >>> m = IriMinter()
        >>> m.take_slugs([("org", "org-0c8e978b", "中国信息安全")])
        >>> m.take_slugs([("org", "org-0c8e978b", "another name")])
        Traceback (most recent call last):
        ...
        cikg.iris.SlugCollision: 'org-0c8e978b' stands for both '中国信息安全' and 'another name'
        """
        for kind, slug, key in slugs:
            taken = self._slugs.setdefault((kind, slug), key)
            if taken != key:
                raise SlugCollision(f"{slug!r} stands for both {taken!r} and {key!r}")
