"""Curated knowledge from ``ontology/``: the quads to load and the lookups
the pipeline needs (organisation names, report series).

``ontology/*.ttl`` (vocabulary, DSD, SHACL shapes) go to ``graph/ontology``;
``ontology/reference/*.ttl`` (regions, organisations, indicators, units,
policy types, topics, report series) go to ``graph/reference``. The code
never spells a name, alias or code itself: it asks a :class:`Reference`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, Store, parse

from cikg.catalogue import Glossary, WordingRule, wording_key
from cikg.errors import CikgError
from cikg.iris import IriMinter, normalise_key, policy_key
from cikg.vocab import CIKG, DCTERMS, RDF, SKOS

__all__ = ["Reference", "ReportSeries", "default_ontology_dir", "load_reference"]


def default_ontology_dir() -> Path:
    """The ``ontology/`` folder of the source tree (``src/cikg/../../ontology``).

    :raises CikgError: if it is not there (cikg must be installed from a
        checkout, ``pip install -e .``).
    """
    path = Path(__file__).resolve().parents[2] / "ontology"
    if not path.is_dir():
        raise CikgError(f"ontology folder not found at {path}; install cikg from a checkout")
    return path


@dataclass(frozen=True, slots=True)
class ReportSeries:
    """A curated report series (``cikg:ReportSeries``).

    :param iri: the series IRI.
    :param slug_prefix: the slug prefix of its reports (``cnnic``).
    :param labels: normalised titles that name it (prefLabel and altLabels).
    :param publishers: IRIs of its publishers.
    :param english: its English name (``skos:prefLabel`` @en), or ``""``.
    """

    iri: NamedNode
    slug_prefix: str
    labels: frozenset[str]
    publishers: tuple[NamedNode, ...]
    english: str = ""


#: The suffixes of the names of China's administrative divisions whose
#: governments are 人民政府 (not 特别行政区: its government is not).
_ADMIN_SUFFIXES = ("省", "市", "自治区", "新区", "区", "县", "自治州", "州", "盟", "旗")


@dataclass(frozen=True, slots=True)
class Concept:
    """A curated SKOS concept's labels and the properties the pipeline reads.

    :param iri: the concept.
    :param zh: its Chinese preferred label.
    :param en: its English preferred label.
    :param topic: ``skos:broader`` (indicators: their topic), if any.
    :param unit: ``cikg:canonicalUnit`` (indicators), if any.
    """

    iri: NamedNode
    zh: str
    en: str
    topic: NamedNode | None = None
    unit: NamedNode | None = None


@dataclass(frozen=True, slots=True)
class Reference:
    """Curated knowledge, read once per build.

    :param ontology_quads: quads of ``graph/ontology``.
    :param reference_quads: quads of ``graph/reference``.
    :param org_names: :func:`~cikg.iris.normalise_key` of every
        organisation label and alias, and of each name of its products
        (``cikg:productName``: 易观千帆 -> 易观) -> the organisation's IRI.
    :param series: the report series.
    :param indicator_names: normalised indicator label -> concept.
    :param region_names: normalised region name -> concept.
    :param region_broader: region IRI -> the IRI of the region it lies in
        (``skos:broader``: 宝安区 -> 深圳市 -> 广东).
    :param topic_names: normalised topic label -> concept.
    :param derivations: derivation key (``growth-rate``) -> concept.
    :param derivation_names: normalised derivation label -> concept.
    :param concepts: IRI -> labels, topic and unit of curated concepts.
    :param org_labels: organisation names and aliases, and its products'
        names, as written.
    :param region_labels: region names and aliases (Chinese), as written.
    :param indicator_labels: indicator labels and aliases (Chinese), as written.
    :param title_suffixes: normalised title ending -> (policy type or title
        kind, whether it marks a policy).
    :param region_groups: a group's label as written (港澳台, 港、澳、台) -> its
        member regions.
    :param org_preferred: organisation IRI -> its Chinese preferred label.
    :param media_labels: Chinese labels and aliases of the news organisations
        (``schema:NewsMediaOrganization``): the agencies of datelines.
    :param title_prefixes: normalised title beginning (信息安全技术, gb/t) ->
        (title kind, whether it marks a policy), checked before the endings.
    :param doc_number_prefixes: 发文字号 prefix (国发, 国办发) -> the
        organisation whose documents it numbers (``cikg:docNumberPrefix``).
    :param policy_names: normalised title or alias of a curated policy
        (数据二十条, 网络安全法) -> the policy.
    :param wording_rules: the curated wording rules, in their order.
    :param indicator_keys: the :func:`~cikg.catalogue.wording_key` of every
        indicator label and alias -> the concept.
    :param glossary: the bilingual terms English labels are composed from.
    :param ownerless_terms: the Chinese spellings of the glossary terms that
        say not whose they are (企业, 项目, 净利润, 测试牌照: the members of
        the collection ``id:scheme/glossary/ownerless``): a figure of one of
        them alone names no thing measured.
    :param designation_terms: the Chinese spellings of the glossary terms of
        a conferred title (特色化, 示范, 重点, 试点: the members of the
        collection ``id:scheme/glossary/designation``): a place or the nation
        followed by one names a kind of body, not one.
    :param product_terms: the Chinese spellings of the glossary terms of a
        product (App, 小程序, 客户端, 平台: the members of the collection
        ``id:scheme/glossary/product``): a quoted name right before one names
        the product (“国家反诈中心”APP), not a body.
    :param building_terms: the Chinese spellings of the glossary terms that
        describe a building (地标, 楼宇: the members of the collection
        ``id:scheme/glossary/building``): a name holding one names a
        structure (淄博地标建筑金融中心), not a body.
    :param org_english: organisation IRI -> its English preferred label.
    :param companies: IRIs of the curated organisations that are companies
        (``schema:Corporation``).
    :param countries: IRIs of the regions that are countries abroad
        (``schema:Country``: countries.ttl; China is ``region/CN``, no
        ``schema:Country``).
    """

    ontology_quads: tuple[Quad, ...]
    reference_quads: tuple[Quad, ...]
    org_names: dict[str, NamedNode]
    series: tuple[ReportSeries, ...]
    indicator_names: dict[str, NamedNode] = field(default_factory=dict)
    region_names: dict[str, NamedNode] = field(default_factory=dict)
    region_broader: dict[str, NamedNode] = field(default_factory=dict)
    topic_names: dict[str, NamedNode] = field(default_factory=dict)
    derivations: dict[str, Concept] = field(default_factory=dict)
    derivation_names: dict[str, NamedNode] = field(default_factory=dict)
    concepts: dict[str, Concept] = field(default_factory=dict)
    org_labels: tuple[str, ...] = ()
    region_labels: tuple[str, ...] = ()
    indicator_labels: tuple[str, ...] = ()
    title_suffixes: dict[str, tuple[NamedNode, bool]] = field(default_factory=dict)
    region_groups: dict[str, tuple[NamedNode, ...]] = field(default_factory=dict)
    org_preferred: dict[str, str] = field(default_factory=dict)
    media_labels: tuple[str, ...] = ()
    doc_number_prefixes: dict[str, NamedNode] = field(default_factory=dict)
    title_prefixes: dict[str, tuple[NamedNode, bool]] = field(default_factory=dict)
    policy_names: dict[str, NamedNode] = field(default_factory=dict)
    wording_rules: tuple[WordingRule, ...] = ()
    indicator_keys: dict[str, NamedNode] = field(default_factory=dict)
    glossary: Glossary = field(default_factory=lambda: Glossary({}))
    ownerless_terms: frozenset[str] = frozenset()
    designation_terms: frozenset[str] = frozenset()
    product_terms: frozenset[str] = frozenset()
    building_terms: frozenset[str] = frozenset()
    org_english: dict[str, str] = field(default_factory=dict)
    companies: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()

    def is_company(self, name: str) -> bool:
        """Whether a name is a curated company's (中国电信, 腾讯, not 工业和信息化部)."""
        org = self.org(name)
        return org is not None and org.value in self.companies

    def issuer_of_number(self, number: str) -> NamedNode | None:
        """The organisation a 发文字号's prefix names (the longest curated
        prefix it starts with), or ``None``.

        >>> ref = load_reference()
        >>> ref.issuer_of_number("国办发〔2024〕3号") == ref.org("国务院办公厅")
        True
        """
        found = [p for p in self.doc_number_prefixes if number.startswith(p)]
        return self.doc_number_prefixes[max(found, key=len)] if found else None

    def policy(self, title: str) -> NamedNode | None:
        """The curated policy a title or short name stands for, or ``None``."""
        return self.policy_names.get(policy_key(title))

    def title_kind(self, title: str) -> tuple[NamedNode, bool] | None:
        """What a 《…》 title's ending says it is: ``(concept, is_policy)``
        for the longest matching ``cikg:titleSuffix`` of the policy types
        (行动方案, 指导意见, 政府工作报告 …) or the non-policy title kinds
        (报告, 财务报告, 报, 倡议 …); ``None`` when no ending matches.

        >>> load_reference().title_kind("推动消费品以旧换新行动方案")[0].value
        'https://w3id.org/cikg/id/policy-type/action-programme'
        >>> load_reference().title_kind("中国互联网络发展状况统计报告")[1]
        False

        A trailing year, version or status is not the ending
        (（2024—2026 年）, （2024 版）, （试行）, （征求意见稿）, 2.0):

        >>> load_reference().title_kind("数字乡村建设指南 2.0")[1]
        True
        """
        key = _TITLE_TAIL_RE.sub("", normalise_key(title))
        prefixed = [p for p in self.title_prefixes if key.startswith(p)]
        if prefixed:
            return self.title_prefixes[max(prefixed, key=len)]
        found = [suffix for suffix in self.title_suffixes if key.endswith(suffix)]
        return self.title_suffixes[max(found, key=len)] if found else None

    def is_kind_word(self, title: str) -> bool:
        """Whether a title is only a kind's word (行动方案, 实施意见, 条例): a
        reference back to a title, not one.

        >>> load_reference().is_kind_word("行动方案"), load_reference().is_kind_word("网络安全法")
        (True, False)
        """
        return normalise_key(title) in self.title_suffixes

    def indicator(self, label: str, *, by_key: bool = True) -> NamedNode | None:
        """The curated indicator a wording names (prefLabel or altLabel), or ``None``.

        The reports write a count as …数 or …数量 interchangeably (域名数,
        域名数量), so each is tried for the other.

        >>> load_reference().indicator("网络购物 用户规模").value
        'https://w3id.org/cikg/id/indicator/online-shopping-users'
        >>> load_reference().indicator("“.CN”域名数").value
        'https://w3id.org/cikg/id/indicator/cn-domain-names'

        Other wordings are matched by their key (the curated wording rules)
        unless ``by_key`` is false:

        >>> load_reference().indicator("我国已累计建成5G基站数量").value
        'https://w3id.org/cikg/id/indicator/5g-base-stations'
        """
        key = normalise_key(label)
        for variant in _wording_variants(key):
            if variant in self.indicator_names:
                return self.indicator_names[variant]
        if not by_key:
            return None
        return self.indicator_keys.get(wording_key(label, self.wording_rules))

    def indicator_key(self, label: str) -> str:
        """The catalogue key of an indicator wording (:func:`~cikg.catalogue.wording_key`).

        >>> ref = load_reference()
        >>> ref.indicator_key("我国已累计建成 5G 基站数量") == ref.indicator_key("5G基站数")
        True
        """
        return wording_key(label, self.wording_rules)

    def region(self, label: str) -> NamedNode | None:
        """The region a name stands for (北京, 北京市, 中国内地（大陆）, 全国 …), or ``None``.
        A name led by the region it lies in stands for the region it ends
        with (深圳市宝安区, 江苏南京: the longest such lead).

        >>> ref = load_reference()
        >>> ref.region("内蒙古自治区").value
        'https://w3id.org/cikg/id/region/CN-NM'
        >>> [ref.region(n).value[-9:] for n in ("深圳市宝安区", "江苏南京")]
        ['CN-440306', 'CN-320100']
        >>> ref.region("南京宝安区") is None
        True
        """
        key = normalise_key(label)
        found = self.region_names.get(key)
        if found is not None:
            return found
        for cut in range(len(key) - 2, 1, -1):
            outer = self.region_names.get(key[:cut])
            inner = self.region_names.get(key[cut:])
            if outer is not None and inner is not None and self._lies_in(inner, outer):
                return inner
        return None

    def _lies_in(self, region: NamedNode, outer: NamedNode) -> bool:
        seen = set()
        while region.value not in seen and (up := self.region_broader.get(region.value)):
            if up == outer:
                return True
            seen.add(region.value)
            region = up
        return False

    def region_level(self, name: str) -> str | None:
        """The administrative level of the region ``name`` stands for, from its
        IRI (ISO 3166-2:CN for provinces, GB/T 2260 codes below them):
        ``"nation"`` (CN), ``"province"`` (CN-BJ), ``"prefecture"`` (a code
        ending in 00: CN-320100 南京), ``"county"`` (CN-330402 南湖区),
        ``"part"`` (a part of China that is no division: cn-mainland, the
        economic regions such as cn-east 东部地区), ``"abroad"`` (US, world);
        ``None`` for no region.

        >>> ref = load_reference()
        >>> names = ("中国", "江苏", "南京", "南湖区", "东北地区", "美国", "火星")
        >>> [ref.region_level(n) for n in names]
        ['nation', 'province', 'prefecture', 'county', 'part', 'abroad', None]
        """
        iri = self.region(name)
        if iri is None:
            return None
        code = iri.value.rsplit("/", 1)[-1]
        if code == "CN":
            return "nation"
        if code.startswith("cn-"):
            return "part"
        if not code.startswith("CN-"):
            return "abroad"
        local = code[3:]
        if not local.isdigit():
            return "province"
        return "prefecture" if local.endswith("00") else "county"

    def government(self, name: str) -> str | None:
        """The government of the region ``name`` names, as a body's name,
        for a region that stands as the issuer of a policy (eli:passed_by
        names an organisation, DESIGN.md). A Chinese region's is its people's
        government: the region as written, completed with its administrative
        suffix from its curated labels, and 人民政府 (上海 -> 上海市人民政府,
        浦东新区 -> 浦东新区人民政府). A country abroad (``schema:Country`` in
        countries.ttl) is its government, named by the country's Chinese
        preferred label and 政府, one name however the country is written
        (美国, 美利坚合众国 -> 美国政府). ``None`` for the nation (its bodies
        issue, not it), the world, a union of countries (欧盟), and regions
        named as 地区 or 特别行政区 (香港地区, 和田地区: their governments are
        not 人民政府).

        >>> ref = load_reference()
        >>> ref.government("上海"), ref.government("成都市"), ref.government("中国")
        ('上海市人民政府', '成都市人民政府', None)
        >>> ref.government("美利坚合众国"), ref.government("欧盟")
        ('美国政府', None)
        """
        iri = self.region(name)
        if iri is not None and iri.value in self.countries:
            return f"{self.concepts[iri.value].zh}政府"
        if iri is None or not iri.value.rsplit("/", 1)[-1].startswith("CN-"):
            return None
        labels = [label for label in self.region_labels if self.region(label) == iri]
        if any(label.endswith(("特别行政区", "地区")) for label in labels):
            return None  # 香港特别行政区政府, 和田地区行政公署: no 人民政府
        if name.endswith(_ADMIN_SUFFIXES) and not name.endswith("地区"):
            return f"{name}人民政府"
        full = [
            label
            for label in labels
            if label.startswith(name)
            and label.endswith(_ADMIN_SUFFIXES)
            and not label.endswith("地区")
        ]
        return f"{min(full, key=len)}人民政府" if full else None

    def derivation_in(self, text: str) -> str | None:
        """The key of the derivation a header or phrase names (its longest
        label found in ``text``), or ``None``.

        >>> load_reference().derivation_in("增长率 (%)")
        'growth-rate'
        >>> load_reference().derivation_in("2024.12 网民使用率 (%)")
        'share-of-internet-users'
        """
        key = normalise_key(text)
        found = [name for name in self.derivation_names if name and name in key]
        if not found:
            return None
        return self.derivation_names[max(found, key=len)].value.rsplit("/", 1)[-1]

    def concept(self, iri: NamedNode) -> Concept | None:
        """Labels, topic and unit of a curated concept."""
        return self.concepts.get(iri.value)

    def org(self, name: str) -> NamedNode | None:
        """The curated organisation a name or alias stands for, or ``None``.

        >>> ref = load_reference()
        >>> ref.org("工信部").value
        'https://w3id.org/cikg/id/org/miit'
        >>> ref.org("某某公司") is None
        True
        """
        return self.org_names.get(normalise_key(name))

    def series_for(self, title: str) -> ReportSeries | None:
        """The series whose label is ``title`` (already stripped of 第N次 and
        the year), compared after :func:`~cikg.iris.normalise_key`."""
        key = normalise_key(title)
        return next((s for s in self.series if key in s.labels), None)


#: What may follow a title's ending: a bracketed year, version, batch or
#: status, or a bare version number.
_TITLE_TAIL_RE = re.compile(r"(?:[（(][^（）()]*[)）]|\d+(?:\.\d+)*版?)+$")


def _wording_variants(key: str) -> tuple[str, ...]:
    """A normalised wording and its 数/数量 twin."""
    if key.endswith("数量"):
        return key, key[:-1]
    if key.endswith("数"):
        return key, key + "量"
    return (key,)


def _parse_dir(folder: Path, graph: NamedNode) -> list[Quad]:
    quads: list[Quad] = []
    for path in sorted(folder.glob("*.ttl")):
        try:
            triples = list(parse(path=str(path), format=RdfFormat.TURTLE))
        except (SyntaxError, OSError) as exc:
            raise CikgError(f"{path}: cannot be parsed as Turtle: {exc}") from exc
        quads.extend(Quad(t.subject, t.predicate, t.object, graph) for t in triples)
    return quads


#: The names that name an organisation: its labels, and the names of its
#: products (cikg:productName: 易观千帆 names 易观, whose data it gives).
_ORG_NAMES = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX cikg: <https://w3id.org/cikg/def#>
SELECT ?org ?name WHERE {
  ?org a org:Organization .
  { ?org skos:prefLabel ?name } UNION { ?org skos:altLabel ?name }
  UNION { ?org schema:alternateName ?name } UNION { ?org cikg:productName ?name }
}
"""


_MEDIA_NAMES = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?name WHERE {
  ?org a schema:NewsMediaOrganization ; skos:prefLabel|skos:altLabel ?name .
}
"""


#: The references read in this process, by minter base, folder and the
#: hash of its Turtle files (see :func:`load_reference`).
_READ: dict[tuple[str, Path, str], Reference] = {}


def load_reference(ontology_dir: Path | None = None, minter: IriMinter | None = None) -> Reference:
    """Read ``ontology/`` into a :class:`Reference`.

    Read once per process while the folder's Turtle files stay the same: a
    later call (the next build in this process) returns the same
    :class:`Reference` (do not change it) after hashing the files (a few
    milliseconds), where reading them takes half a second. A file changed,
    added or removed is read again.

    :param ontology_dir: the ontology folder; default :func:`default_ontology_dir`.
    :param minter: gives the graph IRIs; default base.
    :raises CikgError: if a file is not valid Turtle, or one alias names two
        organisations (an ambiguous alias is a defect in the curated data).
    """
    folder = ontology_dir or default_ontology_dir()
    minter = minter or IriMinter()
    key = (minter.base, folder.resolve(), _files_hash(folder))
    if key not in _READ:
        if len(_READ) >= 8:  # other folders or bases, from tests: keep a few
            _READ.clear()
        _READ[key] = _read_reference(folder, minter)
    return _READ[key]


def _files_hash(folder: Path) -> str:
    """SHA-256 over the names and bytes of the Turtle files :func:`load_reference`
    reads (``*.ttl`` and ``reference/*.ttl``)."""
    digest = hashlib.sha256()
    for path in sorted([*folder.glob("*.ttl"), *(folder / "reference").glob("*.ttl")]):
        try:
            data = path.read_bytes()
        except OSError:  # unreadable: _parse_dir says so, with its name
            data = b""
        digest.update(f"{path.relative_to(folder)}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _read_reference(folder: Path, minter: IriMinter) -> Reference:
    """:func:`load_reference`'s reading of ``folder``, uncached."""
    onto = _parse_dir(folder, minter.ontology_graph())
    ref = _parse_dir(folder / "reference", minter.reference_graph())
    store = Store()
    store.extend(Quad(q.subject, q.predicate, q.object) for q in ref)
    org_names: dict[str, NamedNode] = {}
    for row in store.query(_ORG_NAMES):
        key, iri = normalise_key(row["name"].value), row["org"]
        if org_names.setdefault(key, iri) != iri:
            raise CikgError(
                f"ontology: the name {row['name'].value!r} is given to both "
                f"{org_names[key].value} and {iri.value}"
            )
    series = []
    for s in {q.subject for q in store.quads_for_pattern(None, CIKG.slugPrefix, None)}:
        prefix = next(store.quads_for_pattern(s, CIKG.slugPrefix, None)).object.value
        labels = frozenset(
            normalise_key(q.object.value)
            for p in (SKOS.prefLabel, SKOS.altLabel)
            for q in store.quads_for_pattern(s, p, None)
        )
        pubs = tuple(
            sorted(
                (q.object for q in store.quads_for_pattern(s, DCTERMS.publisher, None)),
                key=lambda o: o.value,
            )
        )
        english = next(
            (
                q.object.value
                for q in store.quads_for_pattern(s, SKOS.prefLabel, None)
                if getattr(q.object, "language", None) == "en"
            ),
            "",
        )
        series.append(ReportSeries(s, prefix, labels, pubs, english))  # type: ignore[arg-type]
    series.sort(key=lambda x: x.slug_prefix)
    rules = _wording_rules(store)
    return Reference(
        tuple(onto),
        tuple(ref),
        org_names,
        tuple(series),
        indicator_names=_scheme_names(store, minter.scheme("indicator")),
        region_names=_scheme_names(store, minter.scheme("region")),
        region_broader={
            q.subject.value: q.object  # type: ignore[misc]
            for member in store.quads_for_pattern(None, SKOS.inScheme, minter.scheme("region"))
            for q in store.quads_for_pattern(member.subject, SKOS.broader, None)
            if isinstance(q.object, NamedNode)
        },
        topic_names=_scheme_names(store, minter.scheme("topic")),
        derivations={
            c.iri.value.rsplit("/", 1)[-1]: c
            for c in _concepts(store, minter.scheme("derivation")).values()
        },
        derivation_names=_scheme_names(store, minter.scheme("derivation")),
        org_labels=tuple(sorted({row["name"].value for row in store.query(_ORG_NAMES)})),
        region_labels=_scheme_labels(store, minter.scheme("region")),
        title_suffixes=_title_suffixes(store, minter),
        title_prefixes=_title_suffixes(store, minter, CIKG.titlePrefix),
        region_groups=_region_groups(store),
        org_preferred={
            row["org"].value: row["name"].value
            for row in store.query(
                "SELECT ?org ?name WHERE { ?org a <http://www.w3.org/ns/org#Organization> ; "
                "<http://www.w3.org/2004/02/skos/core#prefLabel> ?name FILTER(LANG(?name) = 'zh') }"
            )
        },
        indicator_labels=_scheme_labels(store, minter.scheme("indicator")),
        doc_number_prefixes={
            q.object.value: q.subject  # type: ignore[misc]
            for q in store.quads_for_pattern(None, CIKG.docNumberPrefix, None)
        },
        policy_names=_policy_names(store),
        media_labels=tuple(
            sorted(
                row["name"].value
                for row in store.query(_MEDIA_NAMES)
                if row["name"].language == "zh"
            )
        ),
        concepts={
            k: v
            for scheme in ("indicator", "region", "topic")
            for k, v in _concepts(store, minter.scheme(scheme)).items()
        },
        wording_rules=rules,
        indicator_keys=_indicator_keys(store, minter.scheme("indicator"), rules),
        glossary=_glossary(store, minter.scheme("glossary")),
        ownerless_terms=_collection_terms(store, minter.scheme("glossary"), "ownerless"),
        designation_terms=_collection_terms(store, minter.scheme("glossary"), "designation"),
        product_terms=_collection_terms(store, minter.scheme("glossary"), "product"),
        building_terms=_collection_terms(store, minter.scheme("glossary"), "building"),
        companies=frozenset(
            q.subject.value
            for q in store.quads_for_pattern(
                None, RDF.type, NamedNode("https://schema.org/Corporation")
            )
        ),
        countries=frozenset(
            q.subject.value
            for q in store.quads_for_pattern(
                None, RDF.type, NamedNode("https://schema.org/Country")
            )
        ),
        org_english={
            row["org"].value: row["name"].value
            for row in store.query(
                "SELECT ?org ?name WHERE { ?org a <http://www.w3.org/ns/org#Organization> ; "
                "<http://www.w3.org/2004/02/skos/core#prefLabel> ?name FILTER(LANG(?name) = 'en') }"
            )
        },
    )


def _wording_rules(store: Store) -> tuple[WordingRule, ...]:
    """The curated wording rules (``cikg:wordingPattern``), in their order.

    :raises CikgError: if a pattern is not a valid regular expression.
    """
    rules = []
    for q in store.quads_for_pattern(None, CIKG.wordingPattern, None):
        rule = q.subject
        replacement = next(store.quads_for_pattern(rule, CIKG.wordingReplacement, None), None)
        order = next(store.quads_for_pattern(rule, SKOS.notation, None), None)
        example = next(store.quads_for_pattern(rule, SKOS.example, None), None)
        try:
            pattern = re.compile(q.object.value)
        except re.error as err:
            raise CikgError(f"ontology: wording rule {rule.value}: {err}") from err
        rules.append(
            WordingRule(
                int(order.object.value) if order else 0,
                pattern,
                replacement.object.value if replacement else "",
                example.object.value if example else "",
            )
        )
    return tuple(sorted(rules, key=lambda r: r.order))


def _indicator_keys(
    store: Store, scheme: NamedNode, rules: tuple[WordingRule, ...]
) -> dict[str, NamedNode]:
    """The wording key of every indicator label and alias -> the concept.

    :raises CikgError: if two concepts' labels share a key (the rules would
        merge two curated indicators: a defect in the curated data).
    """
    keys: dict[str, NamedNode] = {}
    for member in store.quads_for_pattern(None, SKOS.inScheme, scheme):
        concept = member.subject
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in store.quads_for_pattern(concept, prop, None):
                if getattr(label.object, "language", "zh") != "zh":
                    continue
                key = wording_key(label.object.value, rules)
                if keys.setdefault(key, concept) != concept:  # type: ignore[arg-type]
                    raise CikgError(
                        f"ontology: {label.object.value!r} of {concept.value} has the key "
                        f"{key!r} of {keys[key].value}: the wording rules merge them"
                    )
    return keys


def _glossary(store: Store, scheme: NamedNode) -> Glossary:
    """The glossary's Chinese terms and spellings -> their English."""
    terms: dict[str, str] = {}
    for member in store.quads_for_pattern(None, SKOS.inScheme, scheme):
        concept = member.subject
        english = next(
            (
                q.object.value
                for q in store.quads_for_pattern(concept, SKOS.prefLabel, None)
                if getattr(q.object, "language", "") == "en"
            ),
            None,
        )
        if english is None:
            continue
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for q in store.quads_for_pattern(concept, prop, None):
                if getattr(q.object, "language", "") == "zh":
                    terms.setdefault(normalise_key(q.object.value), english)
    return Glossary(terms)


def _collection_terms(store: Store, scheme: NamedNode, name: str) -> frozenset[str]:
    """The Chinese labels (preferred and alternative) of the members of the
    SKOS collection ``{scheme}/{name}`` (``id:scheme/glossary/ownerless``)."""
    collection = NamedNode(f"{scheme.value}/{name}")
    return frozenset(
        label.object.value
        for member in store.quads_for_pattern(collection, SKOS.member, None)
        for prop in (SKOS.prefLabel, SKOS.altLabel)
        for label in store.quads_for_pattern(member.object, prop, None)  # type: ignore[arg-type]
        if getattr(label.object, "language", "") == "zh"
    )


def _policy_names(store: Store) -> dict[str, NamedNode]:
    """Normalised title and every label of each curated ``cikg:Policy``.

    :raises CikgError: if one name is given to two policies.
    """
    names: dict[str, NamedNode] = {}
    for q in store.quads_for_pattern(None, RDF.type, CIKG.Policy):
        for prop in (DCTERMS.title, SKOS.prefLabel, SKOS.altLabel):
            for label in store.quads_for_pattern(q.subject, prop, None):
                if getattr(label.object, "language", "zh") not in ("zh", ""):
                    continue
                key = policy_key(label.object.value)
                if names.setdefault(key, q.subject) != q.subject:  # type: ignore[arg-type]
                    raise CikgError(
                        f"ontology: the policy name {label.object.value!r} is given to both "
                        f"{names[key].value} and {q.subject.value}"
                    )
    return names


def _scheme_names(store: Store, scheme: NamedNode) -> dict[str, NamedNode]:
    """Normalised prefLabel/altLabel -> concept, for one scheme.

    :raises CikgError: if one label names two concepts of the scheme.
    """
    names: dict[str, NamedNode] = {}
    for member in store.quads_for_pattern(None, SKOS.inScheme, scheme):
        concept = member.subject
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in store.quads_for_pattern(concept, prop, None):
                key = normalise_key(label.object.value)
                if names.setdefault(key, concept) != concept:  # type: ignore[arg-type]
                    raise CikgError(
                        f"ontology: {label.object.value!r} names both {names[key].value} "
                        f"and {concept.value} in {scheme.value}"
                    )
    return names


def _region_groups(store: Store) -> dict[str, tuple[NamedNode, ...]]:
    groups: dict[str, tuple[NamedNode, ...]] = {}
    collection = NamedNode("http://www.w3.org/2004/02/skos/core#Collection")
    for q in store.quads_for_pattern(None, RDF.type, collection):
        members = tuple(
            m.object  # type: ignore[misc]
            for m in store.quads_for_pattern(q.subject, SKOS.member, None)
        )
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in store.quads_for_pattern(q.subject, prop, None):
                if label.object.language == "zh":  # type: ignore[union-attr]
                    groups[label.object.value] = members
    return groups


def _title_suffixes(
    store: Store, minter: IriMinter, prop: NamedNode = CIKG.titleSuffix
) -> dict[str, tuple[NamedNode, bool]]:
    """Normalised ``cikg:titleSuffix`` (or ``cikg:titlePrefix``) -> (kind, is a policy type)."""
    policy_scheme = minter.scheme("policy-type")
    found: dict[str, tuple[NamedNode, bool]] = {}
    for q in store.quads_for_pattern(None, prop, None):
        is_policy = next(store.quads_for_pattern(q.subject, SKOS.inScheme, policy_scheme), None)
        found[normalise_key(q.object.value)] = (q.subject, is_policy is not None)  # type: ignore[assignment]
    return found


def _scheme_labels(store: Store, scheme: NamedNode) -> tuple[str, ...]:
    """Every Chinese label and alias of a scheme's concepts, as written."""
    labels = set()
    for member in store.quads_for_pattern(None, SKOS.inScheme, scheme):
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in store.quads_for_pattern(member.subject, prop, None):
                if label.object.language == "zh":  # type: ignore[union-attr]
                    labels.add(label.object.value)
    return tuple(sorted(labels))


def _concepts(store: Store, scheme: NamedNode) -> dict[str, Concept]:
    found: dict[str, Concept] = {}
    for q in store.quads_for_pattern(None, SKOS.inScheme, scheme):
        c = q.subject
        labels = {
            lit.object.language: lit.object.value
            for lit in store.quads_for_pattern(c, SKOS.prefLabel, None)
        }
        topic = next(store.quads_for_pattern(c, SKOS.broader, None), None)
        unit = next(store.quads_for_pattern(c, CIKG.canonicalUnit, None), None)
        found[c.value] = Concept(
            c,  # type: ignore[arg-type]
            labels.get("zh", ""),
            labels.get("en", ""),
            topic.object if topic else None,  # type: ignore[arg-type]
            unit.object if unit else None,  # type: ignore[arg-type]
        )
    return found
