"""Checks of the curated ontology and reference data in ``ontology/``.

These tests read the Turtle files with rdflib (the one project import is the
code's list of cikg: terms, which the vocabulary must declare exactly), so
they test the data itself: it parses, every cikg: term it uses is declared
and documented in both languages, the verified codes of
``shared/reference/*.csv`` are carried over (and nothing unverified is
added), every indicator is complete, no alias names two things, and the
SHACL shapes load.
"""

from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from cikg.vocab import CIKG_TERMS

from .shared import SHARED

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology"
REFERENCE = ONTOLOGY / "reference"
REGIONS_CSV = SHARED / "reference" / "regions.csv"
ORGS_CSV = SHARED / "reference" / "organisations.csv"

CIKG = Namespace("https://w3id.org/cikg/def#")
ID = "https://w3id.org/cikg/id/"
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
QB = Namespace("http://purl.org/linked-data/cube#")
SH = Namespace("http://www.w3.org/ns/shacl#")
WIKIDATA = "http://www.wikidata.org/entity/"

INDICATOR_SCHEME = URIRef(ID + "scheme/indicator")
TOPIC_SCHEME = URIRef(ID + "scheme/topic")
REGION_SCHEME = URIRef(ID + "scheme/region")
POLICY_TYPE_SCHEME = URIRef(ID + "scheme/policy-type")

TTL_FILES = sorted(ONTOLOGY.rglob("*.ttl"))


def normalise(text: str) -> str:
    """The form under which two names count as the same (as the code compares
    them): NFKC, white space removed, lower case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def lang_literals(graph: Graph, subject: URIRef, predicate: URIRef, lang: str) -> list[Literal]:
    return [
        o
        for o in graph.objects(subject, predicate)
        if isinstance(o, Literal) and o.language is not None and o.language.split("-")[0] == lang
    ]


def parse(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def vocab() -> Graph:
    return parse(ONTOLOGY / "cikg.ttl")


@pytest.fixture(scope="module")
def everything() -> Graph:
    return parse(*TTL_FILES)


@pytest.fixture(scope="module")
def reference() -> Graph:
    return parse(*sorted(REFERENCE.glob("*.ttl")))


# ------------------------------------------------------------------ parsing


def test_expected_files_exist() -> None:
    names = {p.relative_to(ONTOLOGY).as_posix() for p in TTL_FILES}
    expected = {
        "cikg.ttl",
        "dsd.ttl",
        "shapes.ttl",
        "external-labels.ttl",
        "reference/regions.ttl",
        "reference/organisations.ttl",
        "reference/report-series.ttl",
        "reference/policy-types.ttl",
        "reference/units.ttl",
        "reference/topics.ttl",
        "reference/indicators.ttl",
    }
    assert expected <= names, f"missing: {sorted(expected - names)}"


@pytest.mark.parametrize("path", TTL_FILES, ids=lambda p: p.relative_to(ONTOLOGY).as_posix())
def test_file_parses_as_turtle(path: Path) -> None:
    graph = Graph()
    graph.parse(path, format="turtle")
    assert len(graph) > 0, f"{path} is empty"


# ------------------------------------------------------------ cikg: terms


def cikg_terms_used(graph: Graph) -> set[URIRef]:
    used = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(str(CIKG)):
                used.add(term)
    return used


def test_ontology_header(vocab: Graph) -> None:
    onto = URIRef("https://w3id.org/cikg/def")
    assert (onto, RDF.type, OWL.Ontology) in vocab
    assert (onto, OWL.versionInfo, Literal("0.1.0")) in vocab
    dcterms = Namespace("http://purl.org/dc/terms/")
    assert (onto, dcterms.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in vocab
    assert lang_literals(vocab, onto, dcterms.title, "en")
    assert lang_literals(vocab, onto, dcterms.title, "zh")


def test_every_cikg_term_is_declared_and_documented(everything: Graph, vocab: Graph) -> None:
    used = cikg_terms_used(everything)
    assert used, "no cikg: term found at all"
    problems = []
    for term in sorted(used):
        if not set(vocab.objects(term, RDF.type)):
            problems.append(f"{term}: not declared (no rdf:type) in cikg.ttl")
            continue
        for predicate in (RDFS.label, RDFS.comment):
            for lang in ("en", "zh"):
                if not lang_literals(vocab, term, predicate, lang):
                    problems.append(f"{term}: no {predicate.n3()} @{lang}")
    assert not problems, "\n".join(problems)


EXPECTED_TERMS = set(CIKG_TERMS)  # the code's list: src/cikg/vocab.py


def test_vocabulary_declares_the_terms_the_code_uses(vocab: Graph) -> None:
    declared = {
        str(s)[len(str(CIKG)) :]
        for s in vocab.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(str(CIKG))
    }
    assert declared >= EXPECTED_TERMS, f"missing: {sorted(EXPECTED_TERMS - declared)}"
    assert declared <= EXPECTED_TERMS, (
        f"not in the code's list: {sorted(declared - EXPECTED_TERMS)}"
    )


def test_classes_and_properties_are_anchored(vocab: Graph) -> None:
    problems = []
    for term in EXPECTED_TERMS:
        iri = CIKG[term]
        types = set(vocab.objects(iri, RDF.type))
        if OWL.Class in types:
            if not set(vocab.objects(iri, RDFS.subClassOf)):
                problems.append(f"{term}: class without rdfs:subClassOf")
        elif types & {OWL.ObjectProperty, OWL.DatatypeProperty}:
            if not set(vocab.objects(iri, RDFS.domain)) or not set(vocab.objects(iri, RDFS.range)):
                problems.append(f"{term}: property without rdfs:domain and rdfs:range")
        elif SKOS.Concept in types:
            for lang in ("en", "zh"):
                if not lang_literals(vocab, iri, SKOS.prefLabel, lang):
                    problems.append(f"{term}: no skos:prefLabel @{lang}")
        else:
            problems.append(f"{term}: neither class, property nor concept")
    assert not problems, "\n".join(problems)
    assert (CIKG.indicator, RDF.type, QB.DimensionProperty) in vocab
    assert (CIKG.indicator, QB.codeList, INDICATOR_SCHEME) in vocab
    assert (CIKG.citation, RDF.type, QB.AttributeProperty) in vocab


# ------------------------------------------------------------------ regions


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.skipif(not REGIONS_CSV.exists(), reason="shared/reference/regions.csv not available")
def test_regions_carry_the_verified_codes() -> None:
    graph = parse(REFERENCE / "regions.ttl")
    rows = csv_rows(REGIONS_CSV)
    assert len(rows) == 36
    problems = []
    for row in rows:
        iso, gb, qid = row["iso_3166_2"], row["gbt_2260"], row["wikidata_qid"]
        region = URIRef(ID + "region/" + (iso or "xpcc"))
        if (region, SKOS.inScheme, REGION_SCHEME) not in graph:
            problems.append(f"{region}: missing or not in the region scheme")
            continue
        names = {str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(region, p)}
        if row["cnnic_name"] not in names or row["official_name_zh"] not in names:
            problems.append(
                f"{region}: {row['cnnic_name']} / {row['official_name_zh']} not among its labels"
            )
        if iso and set(graph.objects(region, CIKG.iso3166Code)) != {Literal(iso)}:
            problems.append(f"{region}: cikg:iso3166Code is not {iso}")
        gbs = set(graph.objects(region, CIKG.gbCode))
        if gbs != ({Literal(gb)} if gb else set()):
            problems.append(f"{region}: cikg:gbCode {gbs} but the CSV says {gb!r}")
        wikidata = {
            str(o) for o in graph.objects(region, SKOS.exactMatch) if str(o).startswith(WIKIDATA)
        }
        if wikidata != ({WIKIDATA + qid} if qid else set()):
            problems.append(f"{region}: Wikidata {wikidata} but the CSV says {qid!r}")
        if iso != "CN" and (region, SKOS.broader, URIRef(ID + "region/CN")) not in graph:
            problems.append(f"{region}: not skos:broader region/CN")
        if (region, RDF.type, SCHEMA.AdministrativeArea) not in graph:
            problems.append(f"{region}: not a schema:AdministrativeArea")
    assert not problems, "\n".join(problems)


def test_the_economic_regions_hold_the_31_mainland_provinces_once() -> None:
    """国家统计局's four economic regions: 10 + 6 + 12 + 3 provinces, each in one."""
    graph = parse(REFERENCE / "regions.ttl")
    members = [
        m
        for part in ("cn-east", "cn-central", "cn-west", "cn-northeast")
        for m in graph.objects(URIRef(ID + "region/" + part), SCHEMA.containsPlace)
    ]
    assert len(members) == len(set(members)) == 31
    assert all((m, RDF.type, SCHEMA.AdministrativeArea) in graph for m in members)
    assert {str(m).rsplit("/", 1)[1] for m in members}.isdisjoint({"CN-HK", "CN-MO", "CN-TW"})


def test_regions_are_complete() -> None:
    graph = parse(REFERENCE / "regions.ttl")
    regions = set(graph.subjects(SKOS.inScheme, REGION_SCHEME))
    # 36 CSV rows + world + mainland China + the four economic regions
    assert len(regions) == 42
    for extra in ("world", "cn-mainland", "cn-east", "cn-central", "cn-west", "cn-northeast"):
        assert URIRef(ID + "region/" + extra) in regions
    problems = []
    for region in regions:
        for lang in ("zh", "en"):
            if len(lang_literals(graph, region, SKOS.prefLabel, lang)) != 1:
                problems.append(f"{region}: not exactly one skos:prefLabel @{lang}")
        if str(region) != str(region).strip() or " " in str(region):
            problems.append(f"{region}: bad IRI")
    assert not problems, "\n".join(problems)
    cn = URIRef(ID + "region/CN")
    names = {str(o) for o in graph.objects(cn, SKOS.altLabel)}
    assert {"全国", "我国", "中华人民共和国"} <= names


# ------------------------------------------------------------ organisations


def organisations(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, ORG.Organization) if isinstance(s, URIRef)}


ORG_FILES = sorted(REFERENCE.glob("organisations*.ttl"))


def test_organisations_are_labelled_in_both_languages() -> None:
    graph = parse(*ORG_FILES)
    orgs = organisations(graph)
    assert len(orgs) >= 40
    problems = []
    for org in orgs:
        if not str(org).startswith(ID + "org/"):
            problems.append(f"{org}: not under id:org/")
        for lang in ("zh", "en"):
            if len(lang_literals(graph, org, SKOS.prefLabel, lang)) != 1:
                problems.append(f"{org}: not exactly one skos:prefLabel @{lang}")
        if not {t for t in graph.objects(org, RDF.type) if str(t).startswith(str(SCHEMA))}:
            problems.append(f"{org}: no schema.org type")
        for parent in graph.objects(org, ORG.subOrganizationOf):
            if parent not in orgs:
                problems.append(f"{org}: parent {parent} is not a curated organisation")
    assert not problems, "\n".join(problems)


@pytest.mark.skipif(
    not ORGS_CSV.exists(), reason="shared/reference/organisations.csv not available"
)
def test_organisations_wikidata_only_as_verified() -> None:
    """The CSV's organisations carry the QIDs it verified and no other; an
    organisation it lacks carries one only with a note of how it was verified."""
    graph = parse(*ORG_FILES)
    rows = {row["key"]: row for row in csv_rows(ORGS_CSV)}
    problems = []
    for key, row in rows.items():
        org = URIRef(ID + "org/" + key)
        if org not in organisations(graph):
            problems.append(f"org/{key} of organisations.csv is missing")
            continue
        labels = {
            normalise(str(o))
            for p in (SKOS.prefLabel, SKOS.altLabel, SCHEMA.alternateName)
            for o in graph.objects(org, p)
        }
        names = [row["name_zh"], row["name_en"], *row["alt_names_zh"].split(";")]
        for name in filter(None, (n.strip() for n in names)):
            if normalise(name) not in labels:
                problems.append(f"org/{key}: {name!r} of organisations.csv is not among its labels")
    for org in organisations(graph):
        key = str(org)[len(ID + "org/") :]
        row = rows.get(key)
        given = set()
        if (
            row
            and row["wikidata_qid"]
            and row["qid_status_and_source"].startswith(("VERIFIED", "SINGLE SOURCE"))
        ):
            given = {WIKIDATA + row["wikidata_qid"]}
        wikidata = {
            str(o)
            for p in (SKOS.exactMatch, SKOS.closeMatch, OWL.sameAs)
            for o in graph.objects(org, p)
            if "wikidata.org" in str(o)
        }
        if row is None:
            notes = " ".join(str(c) for c in graph.objects(org, RDFS.comment))
            if wikidata and "Wikidata QID verified" not in notes:
                problems.append(f"{org}: Wikidata {sorted(wikidata)} without a verification note")
            continue
        if not wikidata <= given:
            problems.append(
                f"{org}: Wikidata {sorted(wikidata)} not given by the CSV ({sorted(given)})"
            )
        if row and given and not wikidata:
            problems.append(f"{org}: the CSV gives {sorted(given)} but it is missing")
    assert not problems, "\n".join(problems)


def test_organisation_aliases_are_unambiguous() -> None:
    graph = parse(*ORG_FILES)
    names: dict[str, set[URIRef]] = defaultdict(set)
    for org in organisations(graph):
        for predicate in (SKOS.prefLabel, SKOS.altLabel, SCHEMA.alternateName):
            for name in graph.objects(org, predicate):
                names[normalise(str(name))].add(org)
    clashes = {name: sorted(map(str, orgs)) for name, orgs in names.items() if len(orgs) > 1}
    assert not clashes, clashes
    # CNIC is a misprint of CNNIC in the 46th report; it must name nobody
    assert "cnic" not in names


def test_key_aliases_resolve() -> None:
    graph = parse(*ORG_FILES)
    names: dict[str, URIRef] = {}
    for org in organisations(graph):
        for predicate in (SKOS.prefLabel, SKOS.altLabel, SCHEMA.alternateName):
            for name in graph.objects(org, predicate):
                names[normalise(str(name))] = org
    expected = {
        "工信部": "miit", "工业和信息化部": "miit", "中华人民共和国工业和信息化部": "miit", "MIIT": "miit",
        "国家网信办": "cac", "中央网信办": "cac", "中共中央网络安全和信息化委员会办公室": "cac",
        "中华人民共和国国家互联网信息办公室": "cac", "国家互联网信息办公室": "cac",
        "亚太互联网络信息中心（APNIC）": "apnic", "APNIC": "apnic",
        "中国电信集团有限公司": "china-telecom", "中国电信集团公司": "china-telecom",
        "中国联合网络通信集团有限公司": "china-unicom", "中国联合网络通信有限公司": "china-unicom",
        "中国移动通信集团有限公司": "china-mobile", "中国移动通信集团公司": "china-mobile",
        "百度在线网络技术（北京）有限公司": "baidu", "中国互联网络信息中心（CNNIC）": "cnnic", "CNNIC": "cnnic",
        "人力资源社会保障部": "mohrss", "人社部": "mohrss", "人力资源和社会保障部": "mohrss",
        "国家统计局": "nbs", "共青团中央": "cyl", "农业农村部": "moa", "文化和旅游部": "mct",
        "国家卫生健康委员会": "nhc", "国家医疗保障局": "nhsa", "国家市场监督管理总局": "samr",
        "市场监管总局": "samr", "世界知识产权组织": "wipo", "新华社": "xinhua", "新华网": "xinhuanet",
        "人民网": "people-cn", "光明网": "gmw", "央视网": "cctv-com", "中国政府网": "gov-cn",
        "中国工信新闻网": "cnii", "开普云": "kaipuyun", "中移铁通有限公司": "china-tietong",
        "中国科技网": "cstnet", "中共中央党校（国家行政学院）电子政务研究中心": "ccps-egov-center",
        "中国信息安全": "china-information-security", "腾讯": "tencent", "美团": "meituan", "快手": "kuaishou",
    }  # fmt: skip
    wrong = {
        alias: (str(names.get(normalise(alias))), key)
        for alias, key in expected.items()
        if names.get(normalise(alias)) != URIRef(ID + "org/" + key)
    }
    assert not wrong, wrong
    parents = {
        ("cnnic", "cac"),
        ("caict", "miit"),
        ("nda", "ndrc"),
    }
    for child, parent in parents:
        assert (
            URIRef(ID + "org/" + child),
            ORG.subOrganizationOf,
            URIRef(ID + "org/" + parent),
        ) in graph


# --------------------------------------------------------------- indicators


def test_every_indicator_is_complete(reference: Graph) -> None:
    indicators = set(reference.subjects(SKOS.inScheme, INDICATOR_SCHEME))
    assert len(indicators) >= 60
    topics = set(reference.subjects(SKOS.inScheme, TOPIC_SCHEME))
    units = set(reference.subjects(SKOS.inScheme, URIRef(ID + "scheme/unit")))
    problems = []
    for ind in sorted(indicators):
        if not str(ind).startswith(ID + "indicator/"):
            problems.append(f"{ind}: not under id:indicator/")
        for lang in ("zh", "en"):
            n = len(lang_literals(reference, ind, SKOS.prefLabel, lang))
            if n != 1:
                problems.append(f"{ind}: {n} skos:prefLabel @{lang}, expected 1")
        plain = [
            o
            for o in reference.objects(ind, SKOS.prefLabel)
            if isinstance(o, Literal) and not o.language
        ]
        if plain:
            problems.append(f"{ind}: prefLabel without language tag")
        unit = list(reference.objects(ind, CIKG.canonicalUnit))
        if len(unit) != 1:
            problems.append(f"{ind}: {len(unit)} cikg:canonicalUnit, expected 1")
        elif unit[0] not in units:
            problems.append(f"{ind}: canonical unit {unit[0]} is not described in units.ttl")
        broader = set(reference.objects(ind, SKOS.broader))
        if not broader & topics:
            problems.append(f"{ind}: no skos:broader topic")
        for base in reference.objects(ind, CIKG.baseIndicator):
            if base not in indicators:
                problems.append(f"{ind}: base indicator {base} is not an indicator")
        for derivation in reference.objects(ind, CIKG.derivation):
            if (derivation, SKOS.inScheme, URIRef(ID + "scheme/derivation")) not in reference:
                problems.append(f"{ind}: derivation {derivation} not in the derivation scheme")
    assert not problems, "\n".join(problems)


def test_required_indicators_exist(reference: Graph) -> None:
    required = [
        "internet-users",
        "internet-penetration",
        "mobile-internet-users",
        "mobile-internet-users-share",
        "rural-internet-users",
        "urban-internet-users",
        "rural-internet-penetration",
        "urban-internet-penetration",
        "non-internet-users",
        "ipv4-addresses",
        "ipv6-addresses",
        "ipv6-active-users",
        "domain-names",
        "cn-domain-names",
        "websites",
        "web-pages",
        "5g-base-stations",
        "broadband-access-ports",
        "optical-cable-length",
        "mobile-internet-traffic",
        "weekly-online-hours",
        "government-websites",
        "instant-messaging-users",
        "online-video-users",
        "short-video-users",
        "micro-drama-users",
        "online-payment-users",
        "online-shopping-users",
        "search-engine-users",
        "live-streaming-users",
        "online-news-users",
        "online-music-users",
        "online-food-delivery-users",
        "online-literature-users",
        "online-office-users",
        "online-travel-booking-users",
        "ride-hailing-users",
        "internet-healthcare-users",
        "online-audio-users",
        "online-government-services-users",
        "social-network-users",
        "online-gaming-users",
        "online-education-users",
        "internet-wealth-management-users",
        "generative-ai-users",
    ]
    missing = [
        slug
        for slug in required
        if (URIRef(ID + "indicator/" + slug), SKOS.inScheme, INDICATOR_SCHEME) not in reference
    ]
    assert not missing, missing
    share = URIRef(ID + "derivation/share-of-internet-users")
    problems = []
    for slug in required:
        if not slug.endswith("-users") or slug in {
            "internet-users",
            "mobile-internet-users",
            "rural-internet-users",
            "urban-internet-users",
            "non-internet-users",
            "ipv6-active-users",
        }:
            continue
        rate = URIRef(ID + "indicator/" + slug[: -len("-users")] + "-usage-rate")
        if (rate, CIKG.baseIndicator, URIRef(ID + "indicator/" + slug)) not in reference:
            problems.append(f"{rate}: missing or not based on {slug}")
        if (rate, CIKG.derivation, share) not in reference:
            problems.append(f"{rate}: not derived as share of internet users")
        if (
            rate,
            CIKG.canonicalUnit,
            URIRef("http://qudt.org/vocab/unit/PERCENT"),
        ) not in reference:
            problems.append(f"{rate}: unit is not percent")
    assert not problems, "\n".join(problems)


def test_seed_wordings_map_to_the_right_indicator(reference: Graph) -> None:
    names: dict[str, URIRef] = {}
    for ind in reference.subjects(SKOS.inScheme, INDICATOR_SCHEME):
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for name in reference.objects(ind, predicate):
                names[normalise(str(name))] = ind
    expected = {
        "网民规模": "internet-users", "网络视频（含短视频）用户规模": "online-video-users",
        "网络视频 (含短视频)用户规模": "online-video-users", "远程办公用户规模": "online-office-users",
        "线上办公用户规模": "online-office-users", "在线医疗用户规模": "internet-healthcare-users",
        "在线政务用户规模": "online-government-services-users", "IPv6 地址数量": "ipv6-addresses",
        "“.CN”域名数量": "cn-domain-names", "生成式人工智能产品的用户规模": "generative-ai-users",
        "网民使用手机上网的比例": "mobile-internet-users-share", "微短剧用户规模": "micro-drama-users",
        "农村地区互联网普及率": "rural-internet-penetration",
    }  # fmt: skip
    wrong = {
        k: str(names.get(normalise(k)))
        for k, v in expected.items()
        if names.get(normalise(k)) != URIRef(ID + "indicator/" + v)
    }
    assert not wrong, wrong


# ------------------------------------------------------------ unambiguity


def test_no_label_names_two_concepts_of_one_scheme(reference: Graph) -> None:
    by_scheme: dict[URIRef, dict[str, set[URIRef]]] = defaultdict(lambda: defaultdict(set))
    for concept, scheme in reference.subject_objects(SKOS.inScheme):
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for label in reference.objects(concept, predicate):
                if isinstance(label, Literal):
                    by_scheme[scheme][normalise(str(label))].add(concept)
    assert {INDICATOR_SCHEME, TOPIC_SCHEME, REGION_SCHEME, POLICY_TYPE_SCHEME} <= set(by_scheme)
    clashes = {
        f"{scheme} {label}": sorted(map(str, concepts))
        for scheme, labels in by_scheme.items()
        for label, concepts in labels.items()
        if len(concepts) > 1
    }
    assert not clashes, clashes


def test_units_are_described_and_unambiguous(reference: Graph) -> None:
    units = set(reference.subjects(CIKG.unitSymbol, None))
    symbols: dict[str, set[URIRef]] = defaultdict(set)
    notations: dict[str, set[URIRef]] = defaultdict(set)
    problems = []
    for unit in units:
        for lang in ("en", "zh"):
            if not lang_literals(reference, unit, RDFS.label, lang):
                problems.append(f"{unit}: no rdfs:label @{lang}")
        for symbol in reference.objects(unit, CIKG.unitSymbol):
            symbols[normalise(str(symbol))].add(unit)
            if str(symbol)[0] in "千万亿":
                problems.append(f"{unit}: symbol {symbol} carries a multiplier")
        for notation in reference.objects(unit, SKOS.notation):
            notations[str(notation)].add(unit)
    problems += [
        f"symbol {s} names {sorted(map(str, u))}" for s, u in symbols.items() if len(u) > 1
    ]
    problems += [
        f"notation {n} names {sorted(map(str, u))}" for n, u in notations.items() if len(u) > 1
    ]
    assert not problems, "\n".join(problems)
    keys = {"person", "percent", "percentage_point", "count", "block_32", "GB", "ZB", "Tbps",
            "EFLOPS", "yuan", "hour", "KB", "km", "household"}  # fmt: skip
    assert keys <= set(notations), sorted(keys - set(notations))
    assert notations["person"] == {URIRef("http://qudt.org/vocab/unit/INDIV")}
    for symbol, key in (
        ("人", "person"),
        ("个", "count"),
        ("块/32", "block_32"),
        ("个百分点", "percentage_point"),
    ):
        assert symbols[symbol] == notations[key], symbol


def test_policy_type_suffixes_are_unambiguous(reference: Graph) -> None:
    suffixes: dict[str, set[URIRef]] = defaultdict(set)
    title_kinds = URIRef(ID + "scheme/title-kind")
    for concept, suffix in reference.subject_objects(CIKG.titleSuffix):
        schemes = set(reference.objects(concept, SKOS.inScheme))
        assert schemes & {POLICY_TYPE_SCHEME, title_kinds}, concept
        suffixes[normalise(str(suffix))].add(concept)
    clashes = {s: sorted(map(str, c)) for s, c in suffixes.items() if len(c) > 1}
    assert not clashes, clashes
    for suffix in ("法", "条例", "规定", "办法", "行动方案", "实施方案", "指导意见", "意见",
                   "工作要点", "工作要点清单", "规划", "纲要", "指南", "通知", "框架", "标准"):  # fmt: skip
        assert suffix in suffixes, suffix


def test_report_series(reference: Graph) -> None:
    series = set(reference.subjects(RDF.type, CIKG.ReportSeries))
    prefixes = {str(p) for s in series for p in reference.objects(s, CIKG.slugPrefix)}
    assert prefixes == {
        "cnnic",
        "digital-china",
        "isc-china-internet",
        "caict-digital-economy",
        "caict-compute-index",
    }
    labels: dict[str, set[URIRef]] = defaultdict(set)
    for s in series:
        assert len(list(reference.objects(s, CIKG.slugPrefix))) == 1, s
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for label in reference.objects(s, predicate):
                labels[normalise(str(label))].add(s)
        for publisher in reference.objects(s, URIRef("http://purl.org/dc/terms/publisher")):
            assert (publisher, RDF.type, ORG.Organization) in reference, publisher
    assert all(len(v) == 1 for v in labels.values()), labels
    assert "报告" not in labels and "《报告》" not in labels


# ------------------------------------------------------------------- SHACL


def test_shapes_load_and_accept_an_empty_graph() -> None:
    pyshacl = pytest.importorskip("pyshacl")
    shapes = parse(ONTOLOGY / "shapes.ttl")
    assert set(shapes.subjects(RDF.type, SH.NodeShape))
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=shapes, inference="none")
    assert conforms, text


REPORT_TTL = """
@prefix cikg: <https://w3id.org/cikg/def#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix qb: <http://purl.org/linked-data/cube#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/cikg/id/report/cnnic-55> a cikg:Report ;
    dcterms:title "第55次中国互联网络发展状况统计报告"@zh ;
    dcterms:publisher <https://w3id.org/cikg/id/org/cnnic> ;
    dcterms:issued "2025-01"^^xsd:gYearMonth ;
    cikg:sourceFile "001_0b20bf3d443fe71d.txt" ;
    cikg:sha256 "0b20bf3d443fe71d0b20bf3d443fe71d0b20bf3d443fe71d0b20bf3d443fe71d" .
<https://w3id.org/cikg/id/dataset/cnnic-55> a qb:DataSet ;
    qb:structure <https://w3id.org/cikg/id/dsd/report-stats> ;
    dcterms:source <https://w3id.org/cikg/id/report/cnnic-55> .
<https://w3id.org/cikg/id/passage/cnnic-55/1> a cikg:Footnote ;
    cikg:text "² 来源，工业和信息化部，2024 年 12 月 23 日。" ;
    cikg:noteMarker "2" ;
    prov:wasQuotedFrom <https://w3id.org/cikg/id/report/cnnic-55> ;
    cikg:line "212"^^xsd:integer ;  # as Oxigraph stores it
    cikg:endLine "212"^^xsd:positiveInteger .
<https://w3id.org/cikg/id/table/cnnic-55/1> a cikg:Table ;
    rdfs:label "表 1 2024.12 互联网基础资源发展状况" ;
    cikg:text "分类\\t单位\\t2024年12月" ;
    cikg:headerRows "1"^^xsd:integer ;
    prov:wasQuotedFrom <https://w3id.org/cikg/id/report/cnnic-55> ;
    cikg:page "9"^^xsd:positiveInteger .
<https://w3id.org/cikg/id/citation/cnnic-55/2> a cikg:Citation ;
    cikg:text "来源，工业和信息化部，2024 年 12 月 23 日。" ;
    dcterms:publisher <https://w3id.org/cikg/id/org/miit> ;
    dcterms:isPartOf <https://w3id.org/cikg/id/report/cnnic-55> .
"""

OBSERVATION_TTL = """
@prefix cikg: <https://w3id.org/cikg/def#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix qb: <http://purl.org/linked-data/cube#> .
@prefix sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#> .
@prefix sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#> .
@prefix sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/cikg/id/obs/cnnic-55/k3f9a> a qb:Observation ;
    qb:dataSet <https://w3id.org/cikg/id/dataset/cnnic-55> ;
    cikg:indicator <https://w3id.org/cikg/id/indicator/online-shopping-users> ;
    sdmx-dimension:refArea <https://w3id.org/cikg/id/region/CN> ;
    sdmx-dimension:refPeriod <http://reference.data.gov.uk/id/month/2024-12> ;
    cikg:periodStart "2024-12-01"^^xsd:date ;
    cikg:periodEnd "2024-12-31"^^xsd:date ;
    sdmx-attribute:timePerCollect cikg:EndOfPeriod ;
    sdmx-measure:obsValue 974000000.0 ;
    sdmx-attribute:unitMeasure <http://qudt.org/vocab/unit/INDIV> ;
    cikg:valueText "9.74 亿人" ;
    prov:wasDerivedFrom <https://w3id.org/cikg/id/passage/cnnic-55/1> ;
    sdmx-attribute:compilingOrg <https://w3id.org/cikg/id/org/miit> ;
    cikg:citation <https://w3id.org/cikg/id/citation/cnnic-55/2> .
"""


def test_shapes_accept_the_curated_graphs_and_reject_a_bad_report() -> None:
    pyshacl = pytest.importorskip("pyshacl")
    shapes = parse(ONTOLOGY / "shapes.ttl")
    data = parse(*TTL_FILES)
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert conforms, text
    # a report with its dataset, passages, tables and citations, no observation yet
    data.parse(data=REPORT_TTL, format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert conforms, text
    # the observation of DESIGN.md
    data.parse(data=OBSERVATION_TTL, format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert conforms, text
    report = URIRef(ID + "report/test-1")
    passage = URIRef(ID + "passage/test-1/1")
    data.add((report, RDF.type, CIKG.Report))
    data.add((passage, RDF.type, CIKG.Footnote))
    data.add((passage, CIKG.text, Literal("¹ 来源：国家统计局。")))
    data.add((passage, CIKG.line, Literal(0)))  # lines count from 1
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert not conforms
    paths = set(results.objects(None, SH.resultPath))
    dcterms = Namespace("http://purl.org/dc/terms/")
    prov = Namespace("http://www.w3.org/ns/prov#")
    for path in (
        dcterms.title,
        dcterms.publisher,
        CIKG.sourceFile,
        CIKG.sha256,
        prov.wasQuotedFrom,
        CIKG.line,
    ):
        assert path in paths, f"no violation reported on {path}"
