"""Namespaces and the terms cikg writes, as pyoxigraph ``NamedNode`` s.

Every RDF term the code emits comes from here, so the vocabulary lives in one
place. ``CIKG`` is closed: asking for a term that ``ontology/cikg.ttl`` does
not declare raises ``AttributeError`` (a test checks the list against the
ontology).

>>> CIKG.valueText.value
'https://w3id.org/cikg/def#valueText'
>>> CIKG.noSuchTerm
Traceback (most recent call last):
...
AttributeError: cikg: has no term 'noSuchTerm' (declare it in ontology/cikg.ttl first)
"""

from __future__ import annotations

from pyoxigraph import NamedNode

__all__ = [
    "CIKG",
    "CITO",
    "DCTERMS",
    "ELI",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "QB",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SDMX_ATTRIBUTE",
    "SDMX_CODE",
    "SDMX_DIMENSION",
    "SDMX_MEASURE",
    "SKOS",
    "UNIT",
    "XSD",
    "Namespace",
]


class Namespace:
    """A namespace whose attributes are ``NamedNode`` s.

    :param prefix: the usual prefix (used in ``PREFIXES`` and messages).
    :param base: the namespace IRI.
    :param terms: when given, the only local names allowed; others raise
        ``AttributeError``.
    """

    def __init__(self, prefix: str, base: str, terms: frozenset[str] | None = None) -> None:
        self.prefix = prefix
        self.base = base
        self.terms = terms

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> NamedNode:
        if self.terms is not None and name not in self.terms:
            raise AttributeError(
                f"{self.prefix}: has no term {name!r} (declare it in ontology/cikg.ttl first)"
            )
        return NamedNode(self.base + name)

    def __repr__(self) -> str:
        return f"Namespace({self.prefix!r}, {self.base!r})"


CIKG_TERMS = frozenset(
    {
        # classes
        "IndicatorRelation", "qualifiedRelatedIndicator", "relationIndicator",
        "Report", "ReportSeries", "Passage", "Footnote", "Caption", "Table",
        "Citation", "Policy", "Topic",
        # timePerCollect values; value qualifiers; the target status
        "EndOfPeriod", "Summed", "Average",
        "MoreThan", "AtLeast", "Approximately", "LessThan", "AtMost", "Target",
        "Level", "Count", "Share", "Change", "GrowthRate", "Rank", "Candidate",
        # properties
        "sourceFile", "sha256", "extractorVersion", "text", "page", "line", "endLine",
        "section", "noteMarker", "note", "headerRows", "indicator", "periodStart",
        "periodEnd", "valueText", "citation", "canonicalUnit", "baseIndicator",
        "breakdown", "derivation", "relatedIndicator", "mentionedIn", "iso3166Code",
        "gbCode", "slugPrefix", "unitSymbol", "unitWord", "unitWordOne", "unitWordJoined",
        "titleSuffix", "titlePrefix", "rowHeader",
        "columnHeader", "productName",
        "periodSource", "valueQualifier", "targetOf", "docNumberPrefix", "issuerCount",
        "measureKind", "basePopulation", "englishLabelSource", "curationStatus",
        "wordingPattern", "wordingReplacement", "contentHash", "latestNationalObservation",
        # the policies query's answer, listed in graph/latest (cikg.listings)
        "PolicyListing", "LatestValueListing", "listsLatestValue", "listedPolicy",
        "listedTitle", "listedDate", "issuerNames", "listedIndicatorLabel",
        "listedPeriodEnd", "listedValue", "sourceNames", "listOrder",
    }
)  # fmt: skip

CIKG = Namespace("cikg", "https://w3id.org/cikg/def#", CIKG_TERMS)
RDF = Namespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("owl", "http://www.w3.org/2002/07/owl#")
XSD = Namespace("xsd", "http://www.w3.org/2001/XMLSchema#")
SKOS = Namespace("skos", "http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("dcterms", "http://purl.org/dc/terms/")
PROV = Namespace("prov", "http://www.w3.org/ns/prov#")
ORG = Namespace("org", "http://www.w3.org/ns/org#")
QB = Namespace("qb", "http://purl.org/linked-data/cube#")
SDMX_DIMENSION = Namespace("sdmx-dimension", "http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_MEASURE = Namespace("sdmx-measure", "http://purl.org/linked-data/sdmx/2009/measure#")
SDMX_ATTRIBUTE = Namespace("sdmx-attribute", "http://purl.org/linked-data/sdmx/2009/attribute#")
ELI = Namespace("eli", "http://data.europa.eu/eli/ontology#")
CITO = Namespace("cito", "http://purl.org/spar/cito/")
SCHEMA = Namespace("schema", "https://schema.org/")
UNIT = Namespace("unit", "http://qudt.org/vocab/unit/")
SDMX_CODE = Namespace("sdmx-code", "http://purl.org/linked-data/sdmx/2009/code#")

PREFIXES: dict[str, str] = {
    ns.prefix: ns.base
    for ns in (
        CIKG, RDF, RDFS, OWL, XSD, SKOS, DCTERMS, PROV, ORG, QB, SDMX_DIMENSION,
        SDMX_MEASURE, SDMX_ATTRIBUTE, ELI, CITO, SCHEMA, UNIT,
    )
}  # fmt: skip
"""Prefix -> namespace IRI, for queries, exports and pages."""
