"""Checks of the generated region lists ``ontology/reference/countries.ttl``
(ISO 3166-1, from pycountry) and ``cities.ttl`` (GB/T 2260 prefecture- and
county-level divisions, from cpca's code list), and that their generators in
``ontology/tools/`` still reproduce them.

The data is read with pyoxigraph (fast on the ~25,000 triples of
``cities.ttl``). The regeneration tests need the generators' own inputs,
which are no dependencies of cikg: pycountry, pypinyin (both of the versions
named in the files' headers) and cpca's ``adcodes.csv``, found through
``CIKG_ADCODES_CSV``, an installed cpca, or where the generator's docstring
unpacks it (``/tmp/cpca/x``). Without them they skip.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import ModuleType

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, parse

from cikg.reference import load_reference

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "ontology" / "reference"
TOOLS = ROOT / "ontology" / "tools"
REGIONS_TTL = REFERENCE / "regions.ttl"
COUNTRIES_TTL = REFERENCE / "countries.ttl"
CITIES_TTL = REFERENCE / "cities.ttl"

SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
CIKG = "https://w3id.org/cikg/def#"
REGION = "https://w3id.org/cikg/id/region/"
REGION_SCHEME = "https://w3id.org/cikg/id/scheme/region"
SCHEMA = "https://schema.org/"

Graph = dict[str, dict[str, list[NamedNode | Literal]]]


def read(*paths: Path) -> Graph:
    """subject IRI -> predicate IRI -> objects, of the named subjects."""
    graph: Graph = defaultdict(lambda: defaultdict(list))
    for path in paths:
        for t in parse(path=str(path), format=RdfFormat.TURTLE):
            if isinstance(t.subject, NamedNode):
                graph[t.subject.value][t.predicate.value].append(t.object)  # type: ignore[arg-type]
    return graph


def concepts(graph: Graph) -> set[str]:
    return {
        s
        for s, props in graph.items()
        if any(o.value == REGION_SCHEME for o in props.get(SKOS + "inScheme", []))
    }


def labels(graph: Graph, subject: str, predicate: str, lang: str) -> list[str]:
    return [
        o.value
        for o in graph[subject].get(predicate, [])
        if isinstance(o, Literal) and o.language == lang
    ]


def values(graph: Graph, subject: str, predicate: str) -> list[str]:
    return [o.value for o in graph[subject].get(predicate, [])]


@pytest.fixture(scope="module")
def regions() -> Graph:
    return read(REGIONS_TTL)


@pytest.fixture(scope="module")
def countries() -> Graph:
    return read(COUNTRIES_TTL)


@pytest.fixture(scope="module")
def cities() -> Graph:
    return read(CITIES_TTL)


# ---------------------------------------------------------------- countries


def test_countries_have_codes_and_labels(countries: Graph) -> None:
    found = concepts(countries)
    nations = {s for s in found if SCHEMA + "Country" in values(countries, s, RDF_TYPE)}
    assert len(nations) >= 240
    problems = []
    for s in sorted(found):
        code = s[len(REGION) :]
        if values(countries, s, CIKG + "iso3166Code") != [code]:
            problems.append(f"{s}: cikg:iso3166Code is not {code}")
        if not re.fullmatch(r"[A-Z]{2}", code):
            problems.append(f"{s}: not an ISO 3166-1 alpha-2 IRI")
        for lang in ("zh", "en"):
            if len(labels(countries, s, SKOS + "prefLabel", lang)) != 1:
                problems.append(f"{s}: not exactly one prefLabel @{lang}")
        if values(countries, s, SKOS + "broader") != [REGION + "world"]:
            problems.append(f"{s}: not narrower than region/world")
        if s in nations and not re.fullmatch(
            r"[A-Z]{3}", "".join(values(countries, s, SKOS + "notation"))
        ):
            problems.append(f"{s}: no alpha-3 skos:notation")
    assert not problems, "\n".join(problems)


def test_countries_everyday_names(countries: Graph) -> None:
    assert labels(countries, REGION + "US", SKOS + "prefLabel", "zh") == ["美国"]
    assert labels(countries, REGION + "KR", SKOS + "prefLabel", "zh") == ["韩国"]
    assert "大韩民国" in labels(countries, REGION + "KR", SKOS + "altLabel", "zh")
    assert labels(countries, REGION + "KP", SKOS + "prefLabel", "zh") == ["朝鲜"]
    assert labels(countries, REGION + "KH", SKOS + "prefLabel", "zh") == ["柬埔寨"]
    assert values(countries, REGION + "US", SKOS + "notation") == ["USA"]


def test_european_union_and_no_chinese_regions(countries: Graph) -> None:
    eu = REGION + "EU"
    assert eu in concepts(countries)
    assert labels(countries, eu, SKOS + "prefLabel", "zh") == ["欧盟"]
    assert SCHEMA + "AdministrativeArea" in values(countries, eu, RDF_TYPE)
    for code in ("CN", "HK", "MO", "TW", "CN-HK", "CN-MO", "CN-TW"):
        assert REGION + code not in countries, code
    zh = {label for s in countries for label in labels(countries, s, SKOS + "prefLabel", "zh")}
    assert not zh & {"中国", "香港", "澳门", "台湾"}


# ------------------------------------------------------------------- cities


def test_shenzhen(cities: Graph) -> None:
    s = REGION + "CN-440300"
    assert labels(cities, s, SKOS + "prefLabel", "zh") == ["深圳"]
    assert labels(cities, s, SKOS + "prefLabel", "en") == ["Shenzhen"]
    assert labels(cities, s, SKOS + "altLabel", "zh") == ["深圳市"]
    assert values(cities, s, CIKG + "gbCode") == ["440300"]
    assert values(cities, s, SKOS + "broader") == [REGION + "CN-GD"]


def test_li_county_and_pudong(cities: Graph) -> None:
    li = REGION + "CN-130635"
    assert labels(cities, li, SKOS + "prefLabel", "zh") == ["蠡县"]
    (baoding,) = values(cities, li, SKOS + "broader")
    assert labels(cities, baoding, SKOS + "prefLabel", "zh") == ["保定"]
    assert values(cities, baoding, CIKG + "gbCode") == ["130600"]
    pudong = REGION + "CN-310115"
    assert labels(cities, pudong, SKOS + "prefLabel", "zh") == ["浦东新区"]
    assert values(cities, pudong, SKOS + "broader") == [REGION + "CN-SH"]


def test_every_division_has_one_label_and_its_province_code(regions: Graph, cities: Graph) -> None:
    found = concepts(cities)
    assert len(found) > 3000
    province_code = {
        s: values(regions, s, CIKG + "gbCode")[0]
        for s in concepts(regions)
        if values(regions, s, CIKG + "gbCode")
    }
    problems = []
    for s in sorted(found):
        if len(labels(cities, s, SKOS + "prefLabel", "zh")) != 1:
            problems.append(f"{s}: not exactly one prefLabel @zh")
        codes = values(cities, s, CIKG + "gbCode")
        if len(codes) != 1 or not re.fullmatch(r"\d{6}", codes[0]):
            problems.append(f"{s}: gbCode {codes}")
            continue
        if s != REGION + "CN-" + codes[0]:
            problems.append(f"{s}: IRI does not carry gbCode {codes[0]}")
        parent, seen = s, {s}
        while parent not in province_code:
            broader = values(cities, parent, SKOS + "broader")
            if len(broader) != 1 or broader[0] in seen:
                problems.append(f"{s}: no single line of skos:broader to a province")
                break
            parent = broader[0]
            seen.add(parent)
        else:
            if province_code[parent][:2] != codes[0][:2]:
                problems.append(f"{s}: under {parent} ({province_code[parent]})")
    assert not problems, "\n".join(problems[:50])


def test_all_region_labels_resolve() -> None:
    ref = load_reference()
    expected = {
        "深圳": "CN-440300",
        "深圳市": "CN-440300",
        "美国": "US",
        "蠡县": "CN-130635",
        "浦东新区": "CN-310115",
        "韩国": "KR",
        "欧盟": "EU",
        "吉林": "CN-JL",  # the province, not 吉林市
        "吉林市": "CN-220200",
    }
    got = {name: (iri.value if (iri := ref.region(name)) else None) for name in expected}
    assert got == {name: REGION + local for name, local in expected.items()}


# --------------------------------------------------------------- generators


def load_tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"cikg_tool_{name}", TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def require(package: str, header: str) -> None:
    """Skip unless ``package`` is installed in the version ``header`` names."""
    try:
        installed = version(package)
    except PackageNotFoundError:
        pytest.skip(f"{package} is not installed")
    if f"{package} {installed}" not in header:
        pytest.skip(f"{package} {installed} is not the version the committed file was made with")


def adcodes_csv(candidates: Iterable[Path | None]) -> Path:
    for path in candidates:
        if path is not None and path.is_file():
            return path
    pytest.skip("cpca's adcodes.csv is not available (set CIKG_ADCODES_CSV)")


def installed_cpca_csv() -> Path | None:
    spec = importlib.util.find_spec("cpca")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


def test_countries_generator_reproduces_the_file() -> None:
    committed = COUNTRIES_TTL.read_text(encoding="utf-8")
    require("pycountry", committed.split("\n\n", 1)[0])
    assert load_tool("countries").render() == committed


def test_cities_generator_reproduces_the_file() -> None:
    committed = CITIES_TTL.read_text(encoding="utf-8")
    header = committed.split("\n\n", 1)[0]
    require("pypinyin", header)
    env = os.environ.get("CIKG_ADCODES_CSV")
    csv_path = adcodes_csv(
        [
            Path(env) if env else None,
            installed_cpca_csv(),
            Path("/tmp/cpca/x/cpca/resources/adcodes.csv"),
        ]
    )
    if hashlib.sha256(csv_path.read_bytes()).hexdigest() not in header:
        pytest.skip(f"{csv_path} is not the adcodes.csv of cpca 0.5.5")
    assert load_tool("cities").render(csv_path) == committed
