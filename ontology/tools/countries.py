"""Generate ``ontology/reference/countries.ttl``: the countries of ISO 3166-1 as regions.

A maintainer's tool, not part of the ``cikg`` package. It needs **pycountry**
(ISO 3166-1 with its zh_CN translations), which is not a runtime dependency
of cikg; install it in the project's virtual environment first::

    .venv/bin/pip install pycountry
    .venv/bin/python ontology/tools/countries.py            # rewrites countries.ttl
    .venv/bin/python ontology/tools/countries.py -o -       # prints it instead

Each entry of ISO 3166-1 becomes ``region/{alpha-2}`` in the region scheme,
a ``schema:Country`` narrower than ``region/world``:

* ``skos:prefLabel`` @en: pycountry's ``common_name`` if it has one, else
  its ``name``; @zh: the zh_CN translation of ``name``, or the everyday
  short name of :data:`ZH_EVERYDAY` where Chinese usage differs (the
  translation is then kept as an altLabel);
* ``skos:altLabel`` @zh: the translation of ``official_name`` when it
  differs from the prefLabel;
* ``cikg:iso3166Code`` the alpha-2 code, ``skos:notation`` the alpha-3 code.

China, Hong Kong, Macao and Taiwan are left out: ``regions.ttl`` has them
(``region/CN``, ``CN-HK``, ``CN-MO``, ``CN-TW``). The European Union is
added by hand (:data:`EUROPEAN_UNION`). No label may name a region of
``regions.ttl`` or two concepts here (``cikg.reference`` rejects such a
label): the script stops with an error if one would.

The output depends only on pycountry's data, so re-running it with the same
pycountry version reproduces the committed file byte for byte.
"""

from __future__ import annotations

import argparse
import gettext
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, parse

REFERENCE = Path(__file__).resolve().parents[1] / "reference"
OUTPUT = REFERENCE / "countries.ttl"
REGIONS = REFERENCE / "regions.ttl"

SKOS = "http://www.w3.org/2004/02/skos/core#"
REGION_SCHEME = "https://w3id.org/cikg/id/scheme/region"

#: ISO 3166-1 entries that ``regions.ttl`` already has, as parts of China.
SKIPPED = frozenset({"CN", "HK", "MO", "TW"})

#: Where the official translation is not the name Chinese writers use, the
#: everyday short name (alpha-2 -> prefLabel@zh); the translation becomes
#: an altLabel. Only entries whose translation differs are listed (US 美国,
#: GB 英国, RU 俄罗斯, VN 越南, TZ 坦桑尼亚, CZ 捷克, MK 北马其顿,
#: FM 密克罗尼西亚 and PS 巴勒斯坦 are translated as they are used).
ZH_EVERYDAY: dict[str, str] = {
    "BD": "孟加拉国",  # translation 孟加拉, which is also the region of Bengal
    "BO": "玻利维亚",  # translation 玻利维亚共和国, a full name
    "DO": "多米尼加",  # translation 多米尼加共和国, a full name
    "GT": "危地马拉",  # translation 瓜地马拉, the Taiwanese form
    "IM": "马恩岛",  # translation 曼岛; 马恩岛 is the mainland name
    "IR": "伊朗",  # translation 伊朗伊斯兰共和国, a full name
    "KG": "吉尔吉斯斯坦",  # translation 吉尔吉斯坦, a variant spelling
    "KP": "朝鲜",  # translation 朝鲜民主主义人民共和国, a full name
    "KR": "韩国",  # translation 大韩民国, the official name
    "LA": "老挝",  # translation 老挝人民民主共和国, a full name
    "MD": "摩尔多瓦",  # translation 摩尔多瓦共和国, a full name
    "MN": "蒙古国",  # translation 蒙古, which also names the people and the region
    "PF": "法属波利尼西亚",  # translation 法属玻利尼西亚, the Taiwanese form
    "SY": "叙利亚",  # translation 阿拉伯叙利亚共和国, a full name
    "VE": "委内瑞拉",  # translation 委内瑞拉玻利瓦尔共和国, a full name
}

#: Misprints in the zh_CN translations of iso-codes, corrected wherever they
#: occur (misprint -> correct spelling); the misprint is not kept as a label.
ZH_MISPRINTS: dict[str, str] = {
    "柬埔塞": "柬埔寨",  # Cambodia: 塞 for 寨 (柬埔塞, 柬埔塞王国)
}


@dataclass
class Country:
    """One region of the file: IRI local name, labels and codes."""

    key: str
    zh: str
    en: str
    alt_zh: list[str] = field(default_factory=list)
    types: tuple[str, ...] = ("skos:Concept", "schema:Country")
    notation: str | None = None
    scope_en: str = "Level: country."
    scope_zh: str = "级别：国家。"
    comment: str | None = None


#: The European Union: not a country, but ISO 3166-1 reserves ``EU`` for it
#: ("exceptionally reserved" at the request of the EU), and the reports
#: compare China with it.
EUROPEAN_UNION = Country(
    key="EU",
    zh="欧盟",
    en="European Union",
    alt_zh=["欧洲联盟"],
    types=("skos:Concept", "schema:AdministrativeArea"),
    scope_en="Level: supranational union.",
    scope_zh="级别：超国家联盟。",
    comment="EU is an exceptionally reserved code of ISO 3166-1, not an assigned one.",
)


def normalise(text: str) -> str:
    """The form under which two names count as the same, as
    ``cikg.iris.normalise_key`` compares them: NFKC, white space removed,
    lower case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def region_labels(paths: Iterable[Path]) -> dict[str, str]:
    """Normalised label -> IRI, for every prefLabel and altLabel (any
    language) of the region scheme's concepts in ``paths``."""
    members: set[str] = set()
    labels: list[tuple[str, str]] = []
    for path in paths:
        for t in parse(path=str(path), format=RdfFormat.TURTLE):
            if not isinstance(t.subject, NamedNode):
                continue
            predicate = t.predicate.value
            if predicate == SKOS + "inScheme" and t.object.value == REGION_SCHEME:
                members.add(t.subject.value)
            elif predicate in (SKOS + "prefLabel", SKOS + "altLabel"):
                labels.append((t.subject.value, t.object.value))
    return {normalise(label): iri for iri, label in labels if iri in members}


def countries() -> list[Country]:
    """The ISO 3166-1 entries (less :data:`SKIPPED`) and the EU, sorted by code."""
    import pycountry  # a maintainer's dependency only

    translation = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=False
    )

    def zh(text: str) -> str:
        translated = translation.gettext(text)
        if translated == text:
            raise SystemExit(f"pycountry has no zh_CN translation of {text!r}")
        for wrong, right in ZH_MISPRINTS.items():
            translated = translated.replace(wrong, right)
        return translated

    found = []
    for entry in pycountry.countries:
        if entry.alpha_2 in SKIPPED:
            continue
        translated = zh(entry.name)
        pref = ZH_EVERYDAY.get(entry.alpha_2, translated)
        alt = [translated]
        official = getattr(entry, "official_name", None)
        if official:
            alt.append(zh(official))
        found.append(
            Country(
                key=entry.alpha_2,
                zh=pref,
                en=getattr(entry, "common_name", None) or entry.name,
                alt_zh=[a for a in dict.fromkeys(alt) if a != pref],
                notation=entry.alpha_3,
            )
        )
    unused = set(ZH_EVERYDAY) - {c.key for c in found}
    if unused:
        raise SystemExit(f"ZH_EVERYDAY names codes pycountry does not have: {sorted(unused)}")
    found.append(EUROPEAN_UNION)
    return sorted(found, key=lambda c: c.key)


def check_labels(found: list[Country], existing: dict[str, str]) -> None:
    """Stop if a label names a region of ``regions.ttl`` or two countries."""
    seen: dict[str, str] = {}
    problems = []
    for country in found:
        for label in (country.zh, country.en, *country.alt_zh):
            key = normalise(label)
            if key in existing:
                problems.append(f"{country.key}: {label!r} already names {existing[key]}")
            elif seen.setdefault(key, country.key) != country.key:
                problems.append(f"{country.key}: {label!r} also names {seen[key]}")
    if problems:
        raise SystemExit("label clashes:\n" + "\n".join(problems))


def literal(text: str, lang: str | None = None) -> str:
    """A Turtle string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' + (f"@{lang}" if lang else "")


def turtle(country: Country) -> Iterator[str]:
    """The lines of one concept."""
    if country.comment:
        yield f"# {country.comment}"
    yield f"region:{country.key}"
    yield f"    a {' , '.join(country.types)} ;"
    yield f"    skos:inScheme <{REGION_SCHEME}> ;"
    yield f"    skos:prefLabel {literal(country.zh, 'zh')} , {literal(country.en, 'en')} ;"
    if country.alt_zh:
        yield f"    skos:altLabel {' , '.join(literal(a, 'zh') for a in country.alt_zh)} ;"
    yield "    skos:broader region:world ;"
    yield (
        f"    skos:scopeNote {literal(country.scope_en, 'en')} , "
        f"{literal(country.scope_zh, 'zh')} ;"
    )
    if country.notation:
        yield f"    cikg:iso3166Code {literal(country.key)} ;"
        yield f"    skos:notation {literal(country.notation)} ."
    else:
        yield f"    cikg:iso3166Code {literal(country.key)} ."


HEADER = """\
# Generated by ontology/tools/countries.py from pycountry {version}
# (ISO 3166-1 and the zh_CN translations of iso-codes); do not edit by hand.

@prefix cikg: <https://w3id.org/cikg/def#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix region: <https://w3id.org/cikg/id/region/> .

# Countries and territories of ISO 3166-1 (less China, Hong Kong, Macao and
# Taiwan, which regions.ttl has as region/CN, CN-HK, CN-MO and CN-TW) and
# the European Union, narrower than region/world.
# IRIs: region/{{ISO 3166-1 alpha-2}}; skos:notation is the alpha-3 code.
# prefLabel@en: pycountry's common name, else its name; prefLabel@zh: the
# zh_CN translation of the name, or the everyday short name where Chinese
# usage differs; altLabel@zh: the other translated names (official name).
"""


def render(regions: Path = REGIONS) -> str:
    """The text of ``countries.ttl``."""
    found = countries()
    check_labels(found, region_labels([regions]))
    blocks = ["\n".join(turtle(c)) for c in found]
    return HEADER.format(version=version("pycountry")) + "\n" + "\n\n".join(blocks) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "-o", "--output", default=str(OUTPUT), help="where to write ('-' for standard output)"
    )
    args = parser.parse_args(argv)
    text = render()
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        count = text.count("\nregion:")
        print(f"wrote {count} regions to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
