"""Linked-data pages and data twins at ``/id/...``, over the seeds' store and
over a graph with hostile literals, through real HTTP requests."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from html import unescape

import pytest
import rdflib
from pyoxigraph import Literal, NamedNode, Quad, Store
from starlette.testclient import TestClient

from cikg.serve import create_app
from cikg.serve.downloads import COLUMNS
from cikg.serve.names import Names
from cikg.serve.numbers import UnitWords, format_quantity
from cikg.serve.pages import ID_BASE
from cikg.store import query
from cikg.vocab import PREFIXES

from .english_mode import CJK as _CJK
from .english_mode import english_labels, page_of_each_type

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
USERS = "/id/indicator/internet-users"
_CN = ID_BASE + "region/CN"


def _one(store: Store, sparql: str) -> str:
    row = next(iter(store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)))
    return row[0].value


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        (None, "text/html"),
        ("*/*", "text/html"),
        (BROWSER, "text/html"),
        ("text/turtle", "text/turtle"),
        ("application/ld+json", "application/ld+json"),
        ("application/n-triples", "application/n-triples"),
        ("application/rdf+xml", "application/rdf+xml"),
        ("text/turtle;q=0.4, application/ld+json", "application/ld+json"),
        ("application/n-triples, text/html;q=0.5", "application/n-triples"),
    ],
)
def test_content_negotiation(client, accept, media):
    headers = {"accept": accept} if accept else {}
    response = client.get(USERS, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert "Accept" in response.headers["vary"]


def test_unacceptable_media_type_is_406(client):
    assert client.get(USERS, headers={"accept": "image/png"}).status_code == 406


@pytest.mark.parametrize(
    ("suffix", "parse_as"), [(".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")]
)
def test_data_twins_parse_and_describe_the_resource(client, suffix, parse_as):
    response = client.get(USERS + suffix, headers={"accept": BROWSER})
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.text, format=parse_as)
    subject = rdflib.URIRef(ID_BASE + "indicator/internet-users")
    labels = set(graph.objects(subject, rdflib.SKOS.prefLabel))
    assert rdflib.Literal("网民规模", lang="zh") in labels
    assert {str(s) for s in graph.subjects()} == {str(subject)}


def test_pages_point_to_their_twins_and_cache(client):
    page = client.get(USERS, headers={"accept": BROWSER})
    for suffix, media in [(".ttl", "text/turtle"), (".jsonld", "application/ld+json")]:
        assert f'<{USERS}{suffix}>; rel="alternate"; type="{media}"' in page.headers["link"]
        assert f'type="{media}" href="{USERS}{suffix}"' in page.text
    assert "max-age" in page.headers["cache-control"]
    again = client.get(USERS, headers={"accept": BROWSER, "if-none-match": page.headers["etag"]})
    assert again.status_code == 304
    turtle = client.get(USERS, headers={"accept": "text/turtle"})
    assert turtle.headers["etag"] != page.headers["etag"]  # one representation, one tag


def test_labels_follow_the_readers_language(client):
    zh = client.get(USERS, headers={"accept": BROWSER, "accept-language": "zh-CN,zh;q=0.9"})
    en = client.get(USERS, headers={"accept": BROWSER, "accept-language": "en-GB,en;q=0.9"})
    assert 'lang="zh"' in zh.text and "<h1>网民规模" in zh.text
    assert 'lang="en"' in en.text and "<h1>网民规模" not in en.text
    switched = client.get(USERS + "?lang=zh", headers={"accept-language": "en"})
    assert "<h1>网民规模" in switched.text


def test_indicator_page_charts_its_series_from_several_reports(client, store):
    page = client.get(USERS, headers={"accept": BROWSER}).text
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and 'aria-label="' in svg and "<title>" in svg
    points = re.findall(r'<a href="(/id/obs/([^/]+)/[^"]+)"><circle', svg)
    assert len({report for _, report in points}) >= 2  # values from more than one report
    assert "<table" in page  # the table behind the chart
    obs_page = client.get(points[0][0], headers={"accept": BROWSER})
    assert obs_page.status_code == 200 and "<mark>" in obs_page.text


def test_observation_shows_its_sentence_with_the_figure_marked(client, store):
    obs = _one(
        store,
        "SELECT ?o WHERE { ?o cikg:valueText ?v ; prov:wasDerivedFrom/cikg:text ?t "
        "FILTER(CONTAINS(?t, ?v) && CONTAINS(?t, '截至')) } ORDER BY ?o LIMIT 1",
    )
    assert obs.startswith(ID_BASE)
    page = client.get("/id/" + obs[len(ID_BASE) :], headers={"accept": BROWSER}).text
    marked = re.search(r"<blockquote[^>]*>(.*?)<mark>(.+?)</mark>(.*?)</blockquote>", page, re.S)
    assert marked, "evidence with the figure highlighted"
    assert "截至" in marked.group(0)
    assert 'href="/id/report/' in page  # the report it came from


def test_an_observation_is_named_by_what_it_says(client, store):
    """Not by its hash: indicator · area · period：the value as written (#19)."""
    obs = _one(
        store,
        "SELECT ?o WHERE { ?o cikg:indicator <https://w3id.org/cikg/id/indicator/internet-users> ;"
        " sdmx-dimension:refPeriod <http://reference.data.gov.uk/id/month/2024-12> ;"
        " sdmx-dimension:refArea <https://w3id.org/cikg/id/region/CN> ; cikg:valueText ?v ;"
        " prov:wasDerivedFrom/a cikg:Passage } ORDER BY ?o LIMIT 1",
    )
    path = "/id/" + obs[len(ID_BASE) :]
    page = client.get(path, headers={"accept": BROWSER}).text
    heading = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1))
    assert heading.strip() == "网民规模 · 中国 · 2024-12：11.08 亿人"
    english = client.get(path + "?lang=en", headers={"accept": BROWSER}).text
    assert "Internet users" in re.search(r"<h1[^>]*>(.*?)</h1>", english, re.S).group(1)


def _count(store: Store, sparql: str) -> int:
    return int(_one(store, sparql))


def _section(page: str, heading_id: str) -> str:
    """The part of a page from the heading with ``id=heading_id`` to the next ``<h2``."""
    start = page.index(f'id="{heading_id}"')
    end = page.find("<h2", start)
    return page[start : end if end >= 0 else len(page)]


def test_home_says_what_the_graph_holds_with_counts_and_links_to_each_list(client, store):
    page = client.get("/", headers={"accept": BROWSER})
    assert page.status_code == 200 and 'lang="zh"' in page.text
    holds = _section(page.text, "holdings")
    reports = _count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a cikg:Report }")
    policies = _count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a cikg:Policy }")
    orgs = _count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a org:Organization }")
    indicators = _count(
        store,
        "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE "
        f"{{ ?s skos:inScheme <{ID_BASE}scheme/indicator> }}",
    )
    for line in (
        f"{reports} 份报告",
        f"{indicators} 个指标",
        f"{policies} 项政策",
        f"{orgs} 个机构",
    ):
        assert line in holds
    lists = re.findall(r'<a href="(/list/[a-z]+)\?lang=zh">', holds)
    assert lists == [
        f"/list/{k}" for k in ("reports", "indicators", "policies", "organisations", "regions")
    ]
    listed = client.get("/list/policies", headers={"accept": BROWSER}).text
    assert f"<h1>政策 ({policies})</h1>" in listed
    english = _section(client.get("/?lang=en", headers={"accept": BROWSER}).text, "holdings")
    assert f"{policies} policies" in english and f"{reports} reports" in english
    # search, the statistics page and the query page are a link away
    for href in ('action="/search"', 'href="/statistics?lang=zh"', 'href="/sparql?lang=zh"'):
        assert href in page.text


def test_home_lists_nothing_long_inline(client):
    """The home page used to list every region, indicator and organisation
    (over 300 KB on the seeds); now the lists are pages of their own."""
    page = client.get("/", headers={"accept": BROWSER}).text
    assert len(page.encode()) < 60_000
    assert len(re.findall(r'href="/id/region/', page)) == 0
    assert len(re.findall(r'href="/id/org/', page)) < 30  # issuers of the latest policies
    assert len(re.findall(r'href="/id/indicator/', page)) < 20  # the headline series
    # the class table moved to the statistics page
    assert "<td title=" not in page


def test_home_charts_headline_series_chosen_by_the_data(client, store):
    """Curated national indicators that are no breakdown, with the most
    periods of actual values, the best of each topic first."""
    page = client.get("/", headers={"accept": BROWSER}).text
    part = _section(page, "headlines")
    shown = re.findall(r'<h3><a href="/id/(indicator/[^"]+)">', part)
    assert 3 <= len(shown) <= 6 and USERS[4:] in shown
    points = {
        row["s"].value: (int(row["points"].value), row["t"].value)
        for row in query(
            store,
            f"""SELECT ?s (SAMPLE(?topic) AS ?t) (COUNT(DISTINCT ?end) AS ?points) WHERE {{
              GRAPH <https://w3id.org/cikg/graph/reference> {{
                ?s skos:inScheme <{ID_BASE}scheme/indicator> ; skos:broader ?topic }}
              FILTER NOT EXISTS {{ ?s cikg:baseIndicator [] }}
              ?o cikg:indicator ?s ; sdmx-dimension:refArea <{_CN}> ; cikg:periodEnd ?end .
              FILTER NOT EXISTS {{ ?o sdmx-attribute:obsStatus [] }} }} GROUP BY ?s""",
        )
    }
    chosen = [points[ID_BASE + path] for path in shown]  # curated and no breakdown
    assert chosen[0][0] == max(n for n, _ in points.values())  # the most periods first
    assert len({topic for _, topic in chosen}) == len(chosen)  # one per topic
    assert [n for n, _ in chosen] == sorted((n for n, _ in chosen), reverse=True)
    assert all(n >= 2 for n, _ in chosen)
    # each is a chart with dated ticks whose points open observations, and its latest value
    charts = re.findall(r"<svg class=\"chart\".*?</svg>", part, re.S)
    assert len(charts) == len(shown)
    for svg in charts:
        assert re.search(r'<text class="year"[^>]*>20\d\d</text>', svg)
        assert re.search(r'<a href="/id/obs/[^"]+"><circle', svg)
    assert part.count('class="latest"') == len(shown) and "11.08 亿人" in part


def test_home_lists_the_latest_policies_by_date_with_their_issuers(client, store):
    page = client.get("/", headers={"accept": BROWSER}).text
    part = _section(page, "policies")
    rows = re.findall(r"<tr><td>([^<]*)</td><td>(.*?)</td><td>(.*?)</td></tr>", part, re.S)
    assert 3 <= len(rows) <= 10
    newest = _one(
        store,
        "SELECT ?s WHERE { ?s a cikg:Policy ; eli:date_document ?d } ORDER BY DESC(STR(?d)) LIMIT 1",
    )
    assert f'href="/id/{newest[len(ID_BASE) :]}"' in rows[0][1]
    assert rows[0][0] == "2025 年 3 月 7 日"  # a date for people
    assert "国家互联网信息办公室" in rows[0][2] and 'href="/id/org/' in rows[0][2]
    years = [int(re.match(r"(\d{4})", date).group(1)) for date, _, _ in rows]
    assert years == sorted(years, reverse=True)
    assert 'href="/list/policies?lang=zh"' in part


def test_home_lists_the_topics_with_their_indicators(client):
    page = client.get("/", headers={"accept": BROWSER}).text
    part = _section(page, "topics")
    topics = re.findall(r'<a href="(/id/topic/[^"]+)">([^<]+)</a> <small[^>]*>(\d+) 个指标', part)
    assert len(topics) >= 5 and ("/id/topic/internet-users", "网民") in [t[:2] for t in topics]
    topic = client.get(topics[0][0], headers={"accept": BROWSER})
    assert topic.status_code == 200 and 'href="/id/indicator/' in topic.text


def test_the_statistics_page_counts_resources_by_class(client, store):
    page = client.get("/statistics", headers={"accept": BROWSER}).text
    reports = _count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a cikg:Report }")
    # each class named by its label, its IRI on hover, with its count
    assert f'<td title="{PREFIXES["cikg"]}Report">报告</td><td class="num">{reports}</td>' in page
    english = client.get("/statistics?lang=en", headers={"accept": BROWSER}).text
    assert f'<td title="{PREFIXES["qb"]}Observation">Observation</td>' in english
    assert "cikg:Report" not in page and "qb:Observation" not in english


def test_lists_are_paged_in_a_readers_order(client, store):
    regions = client.get("/list/regions", headers={"accept": BROWSER}).text
    first = re.search(r'<tr><td><a href="([^"]+)">([^<]+)</a></td><td class="num">(\d+)', regions)
    assert first.group(1) == "/id/region/CN" and first.group(2) == "中国"  # the most observed
    assert 'rel="next" href="/list/regions?page=2&amp;lang=zh"' in regions
    second = client.get("/list/regions?page=2", headers={"accept": BROWSER}).text
    assert "第 51–100 项" in second and '/id/region/CN"' not in second
    policies = client.get("/list/policies?lang=en", headers={"accept": BROWSER}).text
    dates = re.findall(r"<tr><td>(?:\d{1,2} )?(?:[A-Z][a-z]{2} )?(\d{4})</td>", policies)
    assert len(dates) > 10 and dates == sorted(dates, reverse=True)  # newest first
    indicators = client.get("/list/indicators", headers={"accept": BROWSER}).text
    statuses = re.findall(r"<td>(已审定|候选)</td>", indicators)
    assert len(statuses) == 50 and set(statuses) == {"已审定"}  # curated ones first
    orgs = client.get("/list/organisations", headers={"accept": BROWSER}).text
    assert 'href="/id/org/' in orgs
    assert client.get("/list/nothing", headers={"accept": BROWSER}).status_code == 404


def test_search_ranks_exact_labels_first(client):
    results = client.get("/search", params={"q": "网民规模", "format": "json"}).json()["results"]
    assert results[0]["href"] == USERS
    english = client.get(
        "/search", params={"q": "internet users"}, headers={"accept": "application/json"}
    )
    assert USERS in [r["href"] for r in english.json()["results"]]
    page = client.get("/search", params={"q": "网民"}, headers={"accept": BROWSER})
    assert page.status_code == 200 and USERS in page.text
    assert client.get("/search", params={"q": "", "format": "json"}).json()["results"] == []
    # jieba tokens in order: 学生占比 finds 职业为学生的网民占比 (no substring match)
    apart = client.get("/search", params={"q": "学生占比", "format": "json"}).json()["results"]
    labels = [r["label"] for r in apart]
    assert "职业为学生的网民占比" in labels and all("学生" in label for label in labels)
    whole = client.get("/search", params={"q": "网民占比", "format": "json"}).json()["results"]
    labels = [r["label"] for r in whole]
    assert labels.index("40-49岁网民占比") < labels.index("因没时间上网而不上网的非网民占比")
    exact = client.get("/search", params={"q": "女性网民占比", "format": "json"}).json()
    assert exact["results"][0]["label"] == "女性网民占比"  # exact first, then shorter labels


def test_unknown_iris_are_404_with_a_search_link(client):
    response = client.get("/id/indicator/no-such-thing", headers={"accept": BROWSER})
    assert response.status_code == 404
    assert 'href="/search?q=no-such-thing"' in response.text


@pytest.mark.parametrize(
    "path",
    ["/id/../pyproject.toml", "/id/%2e%2e/%2e%2e/etc/passwd", "/id/a%3E%20%3Cb", "/id/x%22y"],
)
def test_paths_cannot_leave_the_graph(client, path):
    response = client.get(path, headers={"accept": BROWSER})
    assert response.status_code in {400, 404}
    assert "[project]" not in response.text and "root:" not in response.text


def test_hostile_literals_are_escaped():
    store = Store()
    thing = NamedNode(ID_BASE + "indicator/hostile")
    graph = NamedNode("https://w3id.org/cikg/graph/report/hostile")
    label = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    note = NamedNode("http://www.w3.org/2004/02/skos/core#definition")
    for predicate, text in [
        (label, "<script>alert(1)</script>"),
        (note, '"><img src=x onerror=alert(1)>'),
    ]:
        store.add(Quad(thing, predicate, Literal(text, language="zh"), graph))
    obs, passage = NamedNode(ID_BASE + "obs/hostile/1"), NamedNode(ID_BASE + "passage/hostile/1")
    citation, report = NamedNode(ID_BASE + "citation/hostile/1"), NamedNode(ID_BASE + "report/x")
    rdf_type = NamedNode(PREFIXES["rdf"] + "type")
    for s, p, o in [
        (obs, rdf_type, NamedNode(PREFIXES["qb"] + "Observation")),
        (obs, NamedNode(PREFIXES["cikg"] + "valueText"), Literal("<b>1</b>")),
        (obs, NamedNode(PREFIXES["prov"] + "wasDerivedFrom"), passage),
        (obs, NamedNode(PREFIXES["cikg"] + "citation"), citation),
        (
            passage,
            NamedNode(PREFIXES["cikg"] + "text"),
            Literal("达 <b>1</b> 亿<script>x()</script>"),
        ),
        (passage, NamedNode(PREFIXES["prov"] + "wasQuotedFrom"), report),
        (citation, NamedNode(PREFIXES["cikg"] + "text"), Literal("<i>来源</i>")),
        (citation, NamedNode(PREFIXES["schema"] + "url"), Literal("javascript:alert(1)")),
    ]:
        store.add(Quad(s, p, o, graph))
    client = TestClient(create_app(store))
    evidence = client.get("/id/obs/hostile/1").text
    assert "<mark>&lt;b&gt;1&lt;/b&gt;</mark>" in evidence
    assert "<script>x()" not in evidence and "<i>来源" not in evidence
    assert 'href="javascript:' not in evidence
    for url in ("/id/indicator/hostile", "/id/obs/hostile/1", "/search?q=script", "/"):
        page = client.get(url, headers={"accept": BROWSER})
        assert page.status_code == 200, url
        assert "<script>alert" not in page.text and "<img src=x" not in page.text, url
    assert "&lt;script&gt;" in client.get("/id/indicator/hostile").text
    found = client.get("/search", params={"q": "script", "format": "json"}).json()
    assert json.loads(json.dumps(found))["results"][0]["label"] == "<script>alert(1)</script>"


@dataclass(frozen=True)
class _Shown:
    """A section of a page as rendered: its heading, row count, column
    headings and rows, each cell as ``[(href or None, text)]``."""

    heading: str
    total: int
    columns: list[str]
    rows: list[list[list[tuple[str | None, str]]]]
    html: str

    def column(self, name: str) -> list[list[tuple[str | None, str]]]:
        i = self.columns.index(name)
        return [row[i] for row in self.rows]


def _unmarked(html: str) -> str:
    """``html`` without the ``<span lang="zh">`` around the Chinese an English
    page keeps (its text stays)."""
    return re.sub(r'<span lang="zh">([^<]*)</span>', r"\1", html)


def _cell(html: str) -> list[tuple[str | None, str]]:
    html = _unmarked(html)
    links = re.findall(r'<a href="([^"]+)"(?: title="[^"]*")?>([^<]*)</a>', html)
    if links:
        return [(href, unescape(label)) for href, label in links]
    plain = unescape(re.sub(r"<[^>]+>", "", html)).strip()
    return [(None, plain)] if plain else []


def _sections(page: str) -> dict[str, _Shown]:
    """Section key (its id) -> the section, for the type-specific sections."""
    found = {}
    for key, heading, total, table, after in re.findall(
        r'<h2 id="([a-z-]+)">([^<]+?) \((\d+)\)</h2>\s*<table class="\1">(.*?)</table>(.*?)(?=<h2|$)',
        page,
        re.S,
    ):
        header, *rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
        found[key] = _Shown(
            heading,
            int(total),
            [unescape(c) for c in re.findall(r"<th>(.*?)</th>", header)],
            [[_cell(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows],
            table + after,
        )
    return found


def test_a_work_page_lists_the_passages_that_name_it(client, store):
    """A work that is no policy (003's 《专利合作条约》, a treaty) dereferences
    to a page with its kind and the passages that name it, its title marked."""
    work = _one(
        store, 'SELECT ?w WHERE { ?w a schema:CreativeWork ; dcterms:title "专利合作条约"@zh }'
    )
    assert work.startswith(ID_BASE + "work/work-")
    page = client.get("/id/" + work[len(ID_BASE) :] + "?lang=zh", headers={"accept": BROWSER})
    assert page.status_code == 200
    assert "提及它的段落" in page.text and "条约" in page.text
    assert "<mark>专利合作条约</mark>" in page.text


def test_policy_page_shows_related_indicators_with_latest_values(client, store):
    policy = _one(
        store,
        "SELECT ?p WHERE { ?p a cikg:Policy ; cikg:relatedIndicator <"
        + ID_BASE
        + "indicator/internet-users> } ORDER BY ?p LIMIT 1",
    )
    page = client.get("/id/" + policy[len(ID_BASE) :] + "?lang=en").text
    related = _sections(page)["related"]
    assert related.heading == "Related indicators and their latest national value"
    assert related.columns == ["Indicator", "Period", "Latest national value", "Report"]
    users = [row for row in related.rows if row[0][0][0] == USERS]
    assert users, related.rows
    _, period, value, report = users[0]
    assert period == [(None, "Dec 2024")]  # the latest national figure, for people
    assert re.search(r'title="Internet users · China · [^"]*: 1\.108 billion people"', related.html)
    assert value[0][0].startswith("/id/obs/") and value[0][1] == "1.108 billion people"
    assert report[0][0].startswith("/id/report/")
    # the passages that mention it, with the name they use marked (title or short name)
    names = {
        r["t"].value
        for r in query(
            store,
            f"SELECT ?t WHERE {{ {{ <{policy}> dcterms:title ?t }} UNION {{ <{policy}> skos:altLabel ?t }} }}",
        )
    }
    assert "Passages that mention it</h2>" in page
    marked = re.findall(r'<blockquote lang="zh">[^<]*<mark>([^<]+)</mark>', page)
    assert marked and set(marked) <= names


def test_an_organisation_lists_the_policies_it_issued_newest_first(client, store):
    miit = ID_BASE + "org/miit"
    issued = _sections(client.get("/id/org/miit", headers={"accept": BROWSER}).text)["issued"]
    assert issued.columns[:2] == ["日期", "政策"]
    policies = [cell[0][0] for cell in issued.column("政策")]
    expected = {
        "/id/" + r["p"].value[len(ID_BASE) :]
        for r in query(store, f"SELECT DISTINCT ?p WHERE {{ ?p eli:passed_by <{miit}> }}")
    }
    assert set(policies) == expected and issued.total == len(expected)
    dates = [cell[0][1] for cell in issued.column("日期")]
    dated = [d for d in dates if d != "未注明"]
    assert dates == dated + ["未注明"] * (len(dates) - len(dated))  # undated last
    keys = [tuple(int(n) for n in re.findall(r"\d+", d)) for d in dated]
    assert keys == sorted(keys, reverse=True) and dated[0] == "2025 年 3 月 7 日"
    by_title = {cell[0][1]: date for cell, date in zip(issued.column("政策"), dates, strict=True)}
    assert by_title["关于开展2020年IPv6端到端贯通能力提升专项行动的通知"] == "2020 年 3 月"
    assert by_title["关于推动工业互联网加快发展的通知"] == "未注明"
    # who issued them with it: the other issuers, linked
    with_ = dict(zip(policies, issued.column("共同发布机构"), strict=True))
    joint = with_["/id/policy/ai-generated-content-labelling-measures"]
    assert ("/id/org/cac", "国家互联网信息办公室") in joint and all(
        href != "/id/org/miit" for href, _ in joint
    )


def test_an_organisation_lists_the_figures_it_is_the_source_of(client, store):
    page = client.get("/id/org/miit", headers={"accept": BROWSER}).text
    sourced = _sections(page)["sourced"]
    assert sourced.columns == ["指标", "地区", "时期", "数值", "报告"]
    rows = {row[0][0][1]: row for row in sourced.rows}
    share = rows["5G基站占移动基站总数的比例"]
    assert share[1] == [("/id/region/CN", "中国")]
    assert share[2] == [(None, "2024 年 11 月")] and share[3][0][1] == "33.2%"
    assert share[4] == [("/id/report/cnnic-55", "第55次中国互联网络发展状况统计报告")]
    for row in sourced.rows:  # every figure with its observation, period and report
        assert (
            row[3][0][0].startswith("/id/obs/")
            and row[2]
            and row[4][0][0].startswith("/id/report/")
        )
    cited = {
        r["o"].value
        for r in query(
            store, f"SELECT ?o WHERE {{ ?o sdmx-attribute:compilingOrg <{ID_BASE}org/miit> }}"
        )
    }
    assert {ID_BASE + row[3][0][0][4:] for row in sourced.rows} == cited
    cnnic = _sections(client.get("/id/org/cnnic?lang=en").text)
    assert cnnic["sourced"].rows and cnnic["published"].column("Report")[0][0][0].startswith(
        "/id/report/cnnic-"
    )
    # citations by their report and their text, not by a footnote number alone
    citations = _sections(page)["citations"]
    assert all(len(row[1][0][1]) > 4 for row in citations.rows)


def test_a_region_shows_the_latest_value_of_each_indicator(client, store):
    beijing = ID_BASE + "region/CN-BJ"
    latest = _sections(client.get("/id/region/CN-BJ", headers={"accept": BROWSER}).text)["latest"]
    assert latest.columns == ["指标", "时期", "最新数值", "报告"]
    ends = {}
    for r in query(
        store,
        f"SELECT ?i ?o ?e WHERE {{ ?o sdmx-dimension:refArea <{beijing}> ; cikg:indicator ?i ; "
        "cikg:periodEnd ?e FILTER NOT EXISTS { ?o sdmx-attribute:obsStatus [] } }",
    ):
        ends.setdefault(r["i"].value, {})[r["o"].value] = r["e"].value
    indicators = [ID_BASE + cell[0][0][4:] for cell in latest.column("指标")]
    assert sorted(indicators) == sorted(ends) and latest.total == len(ends)  # each once
    for indicator, value in zip(indicators, latest.column("最新数值"), strict=True):
        obs = ID_BASE + value[0][0][4:]  # the value links to its observation …
        assert ends[indicator][obs] == max(ends[indicator].values())  # … the latest one
        assert not re.fullmatch(r"\d+", value[0][1])  # a figure with its unit, not a count
    rows = {cell[0][1]: row for cell, row in zip(latest.column("指标"), latest.rows, strict=True)}
    assert rows["政府网站数量"][1:3] == [[(None, "2024 年 12 月")], [rows["政府网站数量"][2][0]]]
    assert rows["政府网站数量"][2][0][1] == "73 个"


def test_the_nations_latest_values_are_cut_and_say_where_the_rest_are(client, store):
    page = client.get("/id/region/CN?lang=en", headers={"accept": BROWSER}).text
    latest = _sections(page)["latest"]
    indicators = _count(
        store,
        f"SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE {{ [] sdmx-dimension:refArea <{_CN}> ; "
        "cikg:indicator ?i }",
    )
    assert latest.total == indicators > len(latest.rows) == 200
    more = re.search(r'<p class="more">200 shown\. <a href="(/sparql\?[^"]+)">', latest.html)
    assert more, latest.html[-500:]
    rest = client.get(unescape(more.group(1)), headers={"accept": BROWSER})
    assert rest.status_code == 200 and "internet-users" in rest.text
    users = [row for row in latest.rows if row[0][0][0] == USERS]
    assert users and users[0][1:3] == [[(None, "Dec 2024")], users[0][2]]
    assert users[0][2][0][1] == "1.108 billion people"


def test_a_report_lists_its_tables_in_document_order_with_clean_captions(client, store):
    report = ID_BASE + "report/cnnic-55"
    tables = _sections(client.get("/id/report/cnnic-55", headers={"accept": BROWSER}).text)[
        "tables"
    ]
    in_order = [
        "/id/" + r["t"].value[len(ID_BASE) :]
        for r in query(
            store,
            f"SELECT ?t WHERE {{ ?t a cikg:Table ; prov:wasQuotedFrom <{report}> ; "
            "schema:position ?n } ORDER BY ?n",
        )
    ]
    shown = tables.column("表格")
    assert [cell[0][0] for cell in shown] == in_order and len(in_order) > 10
    captions = [cell[0][1] for cell in shown]
    assert "附表 3 IPv6 地址数（以块/32为单位）" in captions
    assert "表 6 2023.12-2024.12 分省政府网站数量" in captions
    assert not any(re.search(r"\^\{|[⁰¹²³⁴⁵⁶⁷⁸⁹]", c) for c in captions)
    assert not any(re.fullmatch(r"\d+", c) for c in captions)  # no table called "17"
    # the table's own page has the same clean title
    page = client.get(shown[8][0][0], headers={"accept": BROWSER}).text
    assert f"<h1>{captions[8]}</h1>" in page


def test_a_report_lists_the_policies_it_mentions_with_issuer_and_date(client):
    policies = _sections(client.get("/id/report/cnnic-55", headers={"accept": BROWSER}).text)[
        "policies"
    ]
    assert policies.columns == ["政策", "发布机构", "日期"]
    assert policies.rows and all(all(cell for cell in row) for row in policies.rows)  # no gaps
    rows = {row[0][0][1]: row for row in policies.rows}
    law = rows["中华人民共和国数据安全法"]
    assert law[1] == [("/id/org/npcsc", "全国人民代表大会常务委员会")]
    assert law[2] == [(None, "2021 年 6 月 10 日")]
    review = rows["网络安全审查办法"][1]
    assert len(review) > 5 and ("/id/org/miit", "工业和信息化部") in review
    datasets = _sections(client.get("/id/report/cnnic-55?lang=en").text)["datasets"]
    assert datasets.rows and datasets.columns == ["Dataset", "Observations"]


def test_base_iri_makes_the_data_resolve_to_this_server(store):
    from cikg.settings import ServeSettings

    local = TestClient(create_app(store, ServeSettings(base_iri="http://testserver/")))
    turtle = local.get(USERS + ".ttl")
    graph = rdflib.Graph().parse(data=turtle.text, format="turtle")
    assert {str(s) for s in graph.subjects()} == {"http://testserver" + USERS}
    assert int(turtle.headers["content-length"]) == len(turtle.content)
    # a query may name the local IRI; its results carry local IRIs
    answer = local.get(
        "/sparql",
        params={"query": f"SELECT ?o WHERE {{ ?o cikg:indicator <http://testserver{USERS}> }}"},
        headers={"accept": "application/sparql-results+json"},
    ).json()
    iris = [b["o"]["value"] for b in answer["results"]["bindings"]]
    assert iris and all(i.startswith("http://testserver/id/obs/") for i in iris)
    # … and each dereferences on this server
    assert local.get(iris[0], headers={"accept": "text/turtle"}).status_code == 200
    assert ID_BASE not in local.get(USERS, headers={"accept": BROWSER}).text


@pytest.mark.parametrize("bad", ["127.0.0.1:8000/", "http://host:8000", "http://a b/"])
def test_base_iri_must_be_an_http_iri_ending_in_a_slash(bad):
    from cikg.errors import CikgError
    from cikg.settings import ServeSettings

    with pytest.raises(CikgError, match="base-iri"):
        ServeSettings(base_iri=bad)


def test_every_predicate_and_class_of_the_graph_is_labelled_in_both_languages(store):
    """Pages name predicates and classes by their ``rdfs:label`` (#19), so
    every one the seeds' graph uses, cikg's or another vocabulary's
    (``ontology/external-labels.ttl``), has a label in English and in Chinese."""
    missing = {
        (row["t"].value, lang)
        for lang in ("en", "zh")
        for row in query(
            store,
            "SELECT DISTINCT ?t WHERE { { [] ?t [] } UNION { [] a ?t } "
            f'FILTER NOT EXISTS {{ ?t rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), "{lang}")) }} }}',
        )
    }
    assert not missing, sorted(missing)


# -- names of predicates and classes (#19 item 2) ------------------------------------------------

RDFS_LABEL = PREFIXES["rdfs"] + "label"


def _label(store: Store, iri: str, lang: str) -> str:
    return _one(store, f'SELECT ?l WHERE {{ <{iri}> rdfs:label ?l FILTER(LANG(?l) = "{lang}") }}')


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "path",
    [
        "/id/obs/cnnic-55/0b21da5d43e2",
        "/id/policy/ai-safety-governance-framework",
        "/id/org/miit",
        "/id/region/CN",
        "/id/report/cnnic-55",
        USERS,
    ],
)
def test_predicates_and_classes_are_named_by_their_labels_with_the_iri_on_hover(
    client, store, path, lang
):
    page = client.get(f"{path}?lang={lang}", headers={"accept": BROWSER}).text
    statements = page[page.index('<table class="statements">') :]
    predicates = re.findall(r'<td class="prop" title="([^"]+)">([^<]*)</td>', statements)
    types = re.findall(r'<a href="[^"]+" title="([^"]+)">([^<]*)</a>', _types(page))
    incoming = re.findall(r'<h3 title="([^"]+)">([^<]*)</h3>', page)
    assert predicates and types
    for iri, text in predicates + types + incoming:
        assert text == _label(store, iri, lang), (iri, text)
    assert not re.search(r">\s*(rdf|rdfs|skos|qb|sdmx-\w+|eli|prov|dcterms|cikg):\w+\s*<", page)


def _types(page: str) -> str:
    return re.search(r'<p class="types">(.*?)</p>', page, re.S).group(1)


def test_an_observation_page_says_reference_area_and_passed_by_in_words(client):
    obs = client.get("/id/obs/cnnic-55/0b21da5d43e2?lang=en", headers={"accept": BROWSER}).text
    refarea = PREFIXES["sdmx-dimension"] + "refArea"
    assert f'<td class="prop" title="{refarea}">reference area</td>' in obs
    assert f'title="{PREFIXES["qb"]}Observation">Observation</a>' in _types(obs)
    policy = client.get("/id/policy/policy-974e5a4c?lang=zh", headers={"accept": BROWSER}).text
    assert f'<td class="prop" title="{PREFIXES["eli"]}passed_by">发文机关</td>' in policy


# -- incoming links (#19: "what links here") -----------------------------------------------------


def _incoming(page: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(predicate IRI, [(href, text)]) per group of the incoming links shown."""
    part = _unmarked(page[page.index('<h2 id="incoming">') :])
    return [
        (prop, re.findall(r'<li><a href="([^"]+)">([^<]*)</a></li>', items))
        for prop, items in re.findall(
            r'<h3 title="([^"]+)">[^<]*</h3>\s*<ul class="incoming">(.*?)</ul>', part, re.S
        )
    ]


def _all_incoming(client, path: str, lang: str = "zh") -> tuple[int, list[tuple[str, str, str]]]:
    """The total the page states, and (predicate, href, text) of every link on every page."""
    first = client.get(f"{path}?lang={lang}", headers={"accept": BROWSER}).text
    total = int(re.search(r'<h2 id="incoming">[^<(]*\((\d+)\)</h2>', first).group(1))
    links = []
    for n in range(1, -(-total // 50) + 1):
        page = client.get(f"{path}?page={n}&lang={lang}", headers={"accept": BROWSER}).text
        links += [(p, href, text) for p, items in _incoming(page) for href, text in items]
    return total, links


def test_incoming_links_are_all_there_once_named_and_in_natural_order(client, store):
    path = "/id/report/cnnic-46"
    total, links = _all_incoming(client, path)
    expected = {
        (row["p"].value, "/id/" + row["s"].value[len(ID_BASE) :])
        for row in query(
            store, f"SELECT DISTINCT ?s ?p WHERE {{ ?s ?p <{ID_BASE}report/cnnic-46> }}"
        )
    }
    assert total == len(expected) > 500 and len(links) == total
    assert {(p, href) for p, href, _ in links} == expected  # every link once, none lost to paging
    for _, href, text in links:  # named, never by the number or hash that ends the IRI
        assert text.strip() and text != href.rsplit("/", 1)[-1], (href, text)
        assert not re.fullmatch(r"\d+|[0-9a-f]{8,}", text), (href, text)
    quoted = [text for p, _, text in links if p == PREFIXES["prov"] + "wasQuotedFrom"]
    lines = [int(n) for n in re.findall(r"· 第 (\d+) 行", "\n".join(quoted))]
    assert len(lines) > 100 and lines == sorted(lines)  # 第 99 行 before 第 100 行
    assert lines != sorted(lines, key=str)
    assert "第46次中国互联网络发展状况统计报告 · 注 41" in quoted  # a footnote by its marker


def test_incoming_links_are_paged_with_a_count_and_previous_and_next(client, store):
    def pager(n: int) -> str:
        page = client.get(f"/id/region/CN?page={n}&lang=en", headers={"accept": BROWSER}).text
        return re.search(r'<p class="pager">(.*?)</p>', page, re.S).group(1)

    total = int(
        _one(
            store,
            f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p WHERE {{ ?s ?p <{_CN}> }} }}",
        )
    )
    pages = -(-total // 50)
    assert pages > 20
    first, second, last = pager(1), pager(2), pager(pages)
    assert f"items 1–50 of {total}" in first and 'rel="prev"' not in first
    assert '<a rel="next" href="?page=2&amp;lang=en">next →</a>' in first
    assert f"items 51–100 of {total}" in second
    assert 'href="?page=1&amp;lang=en"' in second and 'href="?page=3&amp;lang=en"' in second
    assert f"items {(pages - 1) * 50 + 1}–{total} of {total}" in last and 'rel="next"' not in last
    beyond = pager(pages + 10)
    assert "none on this page" in beyond and f'href="?page={pages}&amp;lang=en"' in beyond
    chinese = client.get("/id/region/CN?page=2", headers={"accept": BROWSER}).text
    assert f"第 51–100 项，共 {total} 项" in chinese and "下一页 →" in chinese


def test_an_observation_linking_here_is_named_by_what_it_says(client):
    """On the indicator's page, the observations of 网民规模 are listed by
    their titles, reached from the predicate's entry in the summary."""
    page = client.get(USERS, headers={"accept": BROWSER}).text
    indicator = PREFIXES["cikg"] + "indicator"
    start = re.search(rf'<a href="\?page=(\d+)&amp;lang=zh#incoming" title="{indicator}">', page)
    there = client.get(f"{USERS}?page={start.group(1)}", headers={"accept": BROWSER}).text
    observations = dict(_incoming(there))[indicator]
    assert (
        "/id/obs/cnnic-55/0b21da5d43e2",
        "网民规模 · 中国 · 2024-12：11.08 亿人",
    ) in observations
    english = client.get(f"{USERS}?page={start.group(1)}&lang=en", headers={"accept": BROWSER})
    titles = [text for _, text in dict(_incoming(english.text))[indicator]]
    assert "Internet users · China · 2024-12: 1.108 billion people" in titles


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/id/passage/cnnic-46/158", "第46次中国互联网络发展状况统计报告 · 注 41"),
        ("/id/passage/cnnic-46/405", "第46次中国互联网络发展状况统计报告 · 第 1459 行"),
        ("/id/table/cnnic-55/17", "第55次中国互联网络发展状况统计报告 · 第 1419 行的表格"),
        (
            "/id/citation/cnnic-46/139",
            "第46次中国互联网络发展状况统计报告 · 来源：工业和信息化部，2020 年 6 月 24 日。",
        ),
        ("/id/report/cnnic-54", "中国互联网络发展状况统计报告 第 54 期"),
    ],
)
def test_resources_without_labels_are_named_by_their_report_and_place(client, path, title):
    page = client.get(path, headers={"accept": BROWSER}).text
    assert re.search(r"<h1>(.*?)</h1>", page).group(1) == title


# -- search: a count, types, paging (#19 item 8) -------------------------------------------------


def test_search_counts_its_results_and_pages_through_all_of_them(client):
    first = client.get("/search", params={"q": "网民", "format": "json"}).json()
    total = first["total"]
    assert total > 100 and first["pages"] == -(-total // 50) and len(first["results"]) == 50
    seen, following = [], "/search?q=网民&format=json"
    while following:
        answer = client.get(following).json()
        assert answer["total"] == total
        seen += [r["iri"] for r in answer["results"]]
        following = answer["next"]
    assert len(seen) == total == len(set(seen))  # nothing capped at 50, nothing twice
    assert answer["page"] == first["pages"] and answer["last"] == total
    html = client.get("/search", params={"q": "网民"}, headers={"accept": BROWSER}).text
    assert f'<p class="count">找到 {total} 项</p>' in html
    assert f"第 1–50 项，共 {total} 项" in html and 'rel="next" href="/search?q=' in html
    english = client.get("/search", params={"q": "网民", "page": 2, "lang": "en"}).text
    assert f"{total} results" in english and f"items 51–100 of {total}" in english
    assert len(re.findall(r'<small class="type">', english)) == 50
    assert 'rel="prev" href="/search?q=%E7%BD%91%E6%B0%91&amp;page=1&amp;lang=en"' in english


@pytest.mark.parametrize(
    ("q", "href", "zh", "en"),
    [
        ("网民规模", USERS, "指标", "Indicators"),
        ("工业和信息化部", "/id/org/miit", "政府机构", "Government organization"),
        ("关于推动工业互联网加快发展的通知", "/id/policy/policy-974e5a4c", "政策文件", "Policy"),
        ("北京", "/id/region/CN-BJ", "地区", "Regions"),
    ],
)
def test_search_results_say_what_each_one_is(client, q, href, zh, en):
    for lang, kind in (("zh", zh), ("en", en)):
        page = client.get("/search", params={"q": q, "lang": lang}, headers={"accept": BROWSER})
        row = re.search(
            rf'<li><a href="{re.escape(href)}">[^<]*</a> <small class="type">([^<]*)</small>',
            _unmarked(page.text),
        )
        assert row and kind in row.group(1).split(" · "), (lang, row and row.group(1))
    found = client.get("/search", params={"q": q, "format": "json"}).json()["results"]
    assert any(r["href"] == href and r["type"] and r["types"] for r in found)


def test_english_search_names_results_in_english_and_shows_the_label_that_matched(client):
    page = client.get("/search", params={"q": "网民规模", "lang": "en"}).text
    assert (
        f'<li><a href="{USERS}">Internet users</a> <small class="type">Indicators</small>'
        ' <small class="muted">matched: <span lang="zh">网民规模</span></small></li>'
    ) in page


# -- charts that tell the truth (#19 item 3) -----------------------------------------------------

_POINT = re.compile(
    r'<a href="([^"]*)"><circle class="point( other)?" data-end="([\d-]+)" '
    r'cx="([\d.]+)" cy="([\d.]+)"'
)


def _chart(client, path: str) -> tuple[str, str]:
    """The page and its (first) chart's SVG."""
    page = client.get(path, headers={"accept": BROWSER}).text
    return page, page[page.index("<svg") : page.index("</svg>")]


def _marks(svg: str) -> list[tuple[str, bool, date, float, float]]:
    """(href, hollow, end date, x, y) of each point drawn."""
    return [
        (href, bool(other), date.fromisoformat(end), float(x), float(y))
        for href, other, end, x, y in _POINT.findall(svg)
    ]


def _year_ticks(svg: str) -> dict[int, float]:
    return {
        int(year): float(x)
        for x, year in re.findall(r'<text class="year" x="([\d.]+)"[^>]*>(\d{4})</text>', svg)
    }


def _value_ticks(svg: str) -> list[tuple[float, str]]:
    return [
        (float(y), label)
        for y, label in re.findall(
            r'<text class="y-tick" x="[\d.]+" y="([\d.]+)"[^>]*>([^<]+)<', svg
        )
    ]


def test_points_are_placed_by_date_a_year_apart_twice_six_months_apart(client):
    """#19's done-when for charts: dated ticks, and points placed by date.
    政府网站数量 has CNNIC figures for 2019-12 and 2020-06 (six months apart)
    and 2023-12 and 2024-12 (a year apart)."""
    _, svg = _chart(client, "/id/indicator/government-websites")
    x = {end: cx for _, _, end, cx, _ in _marks(svg)}
    half = x[date(2020, 6, 30)] - x[date(2019, 12, 31)]
    year = x[date(2024, 12, 31)] - x[date(2023, 12, 31)]
    assert half > 0 and year / half == pytest.approx(366 / 182, rel=0.01)
    ticks = _year_ticks(svg)
    assert sorted(ticks) == list(range(2019, 2026))  # every year labelled
    # a point sits between its year's ticks in proportion to the day of the year
    assert x[date(2020, 6, 30)] == pytest.approx(
        ticks[2020] + (ticks[2021] - ticks[2020]) * 181 / 366, abs=0.2
    )


def test_uneven_periods_are_unevenly_spaced(client):
    """网民规模: 1997-12, 2005-06, 2020-06, 2024-12; x is linear in the date,
    so the gaps are 7.5, 15 and 4.5 years wide, not three equal steps."""
    _, svg = _chart(client, USERS)
    marks = _marks(svg)
    ends = sorted({m[2] for m in marks})
    assert ends == [date(1997, 12, 31), date(2005, 6, 30), date(2020, 6, 30), date(2024, 12, 31)]
    x = {m[2]: m[3] for m in marks}
    per_day = (x[ends[-1]] - x[ends[0]]) / (ends[-1] - ends[0]).days
    for end in ends:
        assert x[end] == pytest.approx(x[ends[0]] + per_day * (end - ends[0]).days, abs=0.2)
    ticks = _year_ticks(svg)
    assert {2000, 2005, 2010, 2015, 2020} <= set(ticks)  # labelled every five years
    assert ticks[2005] < x[date(2005, 6, 30)] < ticks[2010]


def test_a_level_is_drawn_from_zero_with_ticks_in_wan_and_yi(client):
    _, svg = _chart(client, USERS)
    ticks = _value_ticks(svg)
    assert 4 <= len(ticks) <= 6
    assert ticks[0][1] == "0" and all(label.endswith("亿") for _, label in ticks[1:])
    assert [y for y, _ in ticks] == sorted((y for y, _ in ticks), reverse=True)  # up the page
    # heights from the zero line are in proportion to the values: 9.4 亿 (2020-06) to 11.08 亿
    zero = ticks[0][0] - 4  # a label sits 4 below its line
    y = {m[2]: m[4] for m in _marks(svg)}
    assert (zero - y[date(2020, 6, 30)]) / (zero - y[date(2024, 12, 31)]) == pytest.approx(
        9.4 / 11.08, abs=0.005
    )
    english = _chart(client, USERS + "?lang=en")[1]
    assert [label for _, label in _value_ticks(english)] == [
        "0",
        "250M",
        "500M",
        "750M",
        "1B",
        "1.25B",
    ]
    domains = _value_ticks(_chart(client, "/id/indicator/cn-domain-names?lang=en")[1])
    assert domains[0][1] == "0" and domains[-1][1].endswith("M")  # 23.0 M → 19.6 M is no crash


def test_a_rate_is_drawn_over_its_range_and_the_chart_says_so(client):
    page, svg = _chart(client, "/id/indicator/online-news-usage-rate")
    labels = [label for _, label in _value_ticks(svg)]
    assert 4 <= len(labels) <= 6 and all(label.endswith("%") for label in labels)
    assert labels[0] != "0%" and float(labels[0][:-1]) <= 70.7  # its lowest value, 2023-12
    assert "不从零起" in page[page.index("</svg>") : page.index('<table class="series">')]
    english = client.get("/id/indicator/online-news-usage-rate?lang=en").text
    assert "does not start at zero" in english


def test_the_legend_names_the_unit_and_the_latest_value_and_its_reports_follow(client):
    page, svg = _chart(client, USERS)
    assert re.search(
        r'<g class="legend">.*<title>http://qudt.org/vocab/unit/INDIV</title>单位：人</text>', svg
    )
    latest = re.search(r'<p class="latest">(.*?)</p>', page, re.S).group(1)
    assert latest.startswith("最新数值：<strong>11.08 亿人</strong>（2024 年 12 月）")
    assert (
        'href="/id/report/cnnic-55"' in latest and 'href="/id/report/digital-china-2024"' in latest
    )
    english = client.get(USERS + "?lang=en", headers={"accept": BROWSER}).text
    assert "Unit: person</text>" in english
    assert "Latest: <strong>1.108 billion people</strong> (Dec 2024)" in english


def test_several_values_for_one_period_are_separate_points_with_a_note(client):
    page, svg = _chart(client, "/id/indicator/government-websites?lang=en")
    marks = _marks(svg)
    june = [m for m in marks if m[2] == date(2020, 6, 30)]
    assert len(june) == 2 and len({m[4] for m in june}) == 2  # two heights, not stacked
    assert sorted(m[1] for m in june) == [False, True]  # the line joins one, the other is hollow
    line = re.search(r'<polyline [^>]*points="([^"]+)"', svg).group(1).split()
    assert len(line) == len({m[2] for m in marks})  # one joined value per period
    notes = re.search(r'<ul class="notes muted">(.*?)</ul>', page, re.S).group(1)
    assert "Jun 2020 has 2 different values: 13,566" in notes and "14,467" in notes
    # the same value from several observations: one point, marked and listed
    page, svg = _chart(client, USERS)
    assert len([m for m in _marks(svg) if m[2] == date(2024, 12, 31)]) == 1
    assert '<text class="count"' in svg and "×3</text>" in svg
    assert "2024 年 12 月的 11.08 亿人 出自 3 项观测" in page


# -- numbers for people (#19 item 4) -------------------------------------------------------------

_ROW = re.compile(
    r'<tr><td><a href="[^"]+">([^<]+)</a></td><td class="num">([^<]+?)'
    r'(?: <small class="status">([^<]*)</small>)?</td><td lang="zh">([^<]*)</td>'
)


def _series_rows(client, path: str) -> list[tuple[str, str, str, str]]:
    """(period, value, status, as written) of each row of the series table."""
    page = client.get(path, headers={"accept": BROWSER}).text
    table = page[page.index('<table class="series">') :]
    return _ROW.findall(table[: table.index("</table>")])


def test_the_series_table_writes_values_periods_and_qualifiers_for_people(client):
    zh = _series_rows(client, USERS)
    assert ("2024 年 12 月", "11.08 亿人", "", "11.08 亿人") in zh
    assert ("2005 年 6 月", "超过 1 亿人", "", "突破了 1 亿") in zh  # 突破: more than
    assert ("1997 年", "62 万人", "", "62 万人") in zh
    en = _series_rows(client, USERS + "?lang=en")
    assert ("Dec 2024", "1.108 billion people", "", "11.08 亿人") in en
    assert ("Jun 2005", "more than 100 million people", "", "突破了 1 亿") in en
    assert len(zh) == len(en) == 6
    assert not any(re.fullmatch(r"\d{5,}", value) for _, value, _, _ in zh + en)  # no 1108000000


def test_an_observation_page_states_its_figure_for_people(client, store):
    def figure(path: str) -> str:
        page = client.get(path, headers={"accept": BROWSER}).text
        return re.sub(r"\s+", " ", re.search(r'<p class="figure">(.*?)</p>', page, re.S).group(1))

    users = "/id/obs/cnnic-55/0b21da5d43e2"
    assert figure(users) == (
        '数值：<strong>11.08 亿人</strong> · 时期：2024 年 12 月 · 原文：<span lang="zh">11.08 亿人</span>'
    )
    assert figure(users + "?lang=en").startswith(
        "Value: <strong>1.108 billion people</strong> · period: Dec 2024 · as written:"
    )
    about = _one(
        store,
        "SELECT ?o WHERE { ?o cikg:valueQualifier cikg:Approximately ; cikg:valueText '接近6000亿元' }"
        " ORDER BY ?o LIMIT 1",
    )
    path = "/id/" + about[len(ID_BASE) :]
    assert figure(path).startswith("数值：<strong>约 6000 亿元</strong>")
    assert figure(path + "?lang=en").startswith("Value: <strong>about 600 billion yuan</strong>")
    target = _one(
        store,
        "SELECT ?o WHERE { ?o sdmx-attribute:obsStatus cikg:Target ; cikg:valueText '11.5 亿' }"
        " ORDER BY ?o LIMIT 1",
    )
    path = "/id/" + target[len(ID_BASE) :]
    assert '<strong>11.5 亿个</strong> <small class="status">目标值</small>' in figure(path)
    assert '<small class="status">target</small>' in figure(path + "?lang=en")


_QUDT = "http://qudt.org/vocab/unit/"


def test_units_are_written_with_the_words_the_ontology_gives(store):
    """Unit words are data (ontology/reference/units.ttl: cikg:unitWord,
    cikg:unitWordOne, cikg:unitWordJoined), read from the served store."""
    names = Names(store)
    people = names.unit_words(_QUDT + "INDIV")
    assert people == UnitWords("人", "people", "person")
    users = ("1108000000", _QUDT + "INDIV")
    assert format_quantity(*users, "zh", words=people) == "11.08 亿人"
    assert format_quantity(*users, "en", words=people) == "1.108 billion people"
    assert format_quantity("1", _QUDT + "INDIV", "en", words=people) == "1 person"
    percent = names.unit_words(_QUDT + "PERCENT")
    assert percent.joined
    assert format_quantity("78.6", _QUDT + "PERCENT", "en", words=percent) == "78.6%"
    gigabytes = names.unit_words(_QUDT + "GigaBYTE")
    assert format_quantity("50000", _QUDT + "GigaBYTE", "zh", words=gigabytes) == "5 万 GB"
    points = names.unit_words(ID_BASE + "unit/percentage-point")
    assert format_quantity("1.1", "", "zh", words=points) == "1.1 个百分点"
    assert format_quantity("1", "", "en", words=points) == "1 percentage point"
    count = names.unit_words(_QUDT + "NUM")
    assert (
        format_quantity("600", "", "zh", words=count),
        format_quantity("600", "", "en", words=count),
    ) == ("600 个", "600")
    # a unit without words is written with its labels
    times = names.unit_words(ID_BASE + "unit/times")
    assert times == UnitWords("倍", "times (multiple)")


def test_a_unit_word_added_to_the_data_is_used():
    """The words are read, not kept in code: a unit of a small store gets
    the words its triples give."""
    store = Store()
    unit = NamedNode(ID_BASE + "unit/head")
    word, one = (
        NamedNode(PREFIXES["cikg"] + "unitWord"),
        NamedNode(PREFIXES["cikg"] + "unitWordOne"),
    )
    for predicate, literal in (
        (word, Literal("头", language="zh")),
        (word, Literal("head of livestock", language="en")),
        (one, Literal("head", language="en")),
    ):
        store.add(Quad(unit, predicate, literal))
    words = Names(store).unit_words(unit.value)
    assert format_quantity("120000000", unit.value, "zh", words=words) == "1.2 亿头"
    assert format_quantity("1", unit.value, "en", words=words) == "1 head"
    assert format_quantity("3", unit.value, "en", words=words) == "3 head of livestock"


# -- downloads for analysts (#19 item 7) ---------------------------------------------------------


def _download_links(client, path: str) -> dict[str, str]:
    """The page's download links by format (``csv``, ``json``)."""
    page = client.get(path, headers={"accept": BROWSER}).text
    links = re.search(r'<p class="download">(.*?)</p>', page, re.S).group(1)
    return {
        fmt: href for href, fmt in re.findall(r'<a href="([^"]+\.(csv|json)\?lang=\w+)"', links)
    }


def _csv(response) -> list[dict[str, str]]:
    assert response.content.startswith(codecs.BOM_UTF8)  # so Excel reads UTF-8
    text = response.content.decode("utf-8")[1:]
    reader = csv.reader(io.StringIO(text, newline=""))
    assert next(reader) == list(COLUMNS)
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_an_indicator_downloads_as_csv_with_a_byte_order_mark(client, store):
    links = _download_links(client, USERS)
    assert links["csv"] == "/download/indicator/internet-users.csv?lang=zh"
    response = client.get(links["csv"])
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert 'filename="internet-users.csv"' in response.headers["content-disposition"]
    rows = _csv(response)
    count = _one(
        store,
        f"SELECT (COUNT(?o) AS ?n) WHERE {{ ?o cikg:indicator <{ID_BASE}indicator/internet-users> }}",
    )
    assert len(rows) == int(count) and rows[0]["area"] == "中国"  # every area, national first
    row = next(
        r
        for r in rows
        if (r["indicator"], r["area"], r["period"], r["report"])
        == ("网民规模", "中国", "2024-12", "第55次中国互联网络发展状况统计报告")
    )
    assert row["value"] == "1108000000" and row["period end"] == "2024-12-31"
    assert (row["unit"], row["value as written"], row["qualifier"]) == ("人", "11.08 亿人", "")
    assert row["observation"] == ID_BASE + "obs/cnnic-55/0b21da5d43e2"
    assert (
        ID_BASE + "passage/cnnic-55/94" in row["evidence"].split()
    )  # the passage it was read from
    more = next(r for r in rows if r["period"] == "2005-06")
    assert (more["value"], more["qualifier"], more["value as written"]) == (
        "100000000",
        "超过",
        "突破了 1 亿",
    )


def test_a_download_names_the_organisation_cited_as_the_source(client, store):
    indicator = _one(
        store,
        "SELECT ?i WHERE { ?o cikg:indicator ?i ; sdmx-attribute:compilingOrg <"
        + ID_BASE
        + "org/miit> ; cikg:valueText '33.2%' } ORDER BY ?i LIMIT 1",
    )
    response = client.get("/download/" + indicator[len(ID_BASE) :] + ".csv")
    sourced = [r for r in _csv(response) if r["value as written"] == "33.2%"]
    assert sourced and sourced[0]["source"] == "工业和信息化部"


def test_an_indicator_downloads_as_json(client):
    links = _download_links(client, USERS + "?lang=en")
    response = client.get(links["json"])
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    data = response.json()
    assert data["indicator"] == {
        "iri": ID_BASE + "indicator/internet-users",
        "name": "Internet users",
    }
    assert data["count"] == len(data["observations"]) == len(_csv(client.get(links["csv"])))
    obs = next(
        o for o in data["observations"] if o["observation"].endswith("cnnic-55/0b21da5d43e2")
    )
    assert (obs["area"], obs["period"], obs["value"], obs["unit"]) == (
        "China",
        "2024-12",
        1108000000,
        "person",
    )
    assert obs["area_iri"] == _CN and obs["unit_iri"] == "http://qudt.org/vocab/unit/INDIV"
    assert ID_BASE + "passage/cnnic-55/94" in obs["evidence"]
    more = next(o for o in data["observations"] if o["period"] == "2005-06")
    assert (
        more["qualifier"] == "more than" and more["qualifier_iri"] == PREFIXES["cikg"] + "MoreThan"
    )


@pytest.mark.parametrize(
    ("path", "headers", "status", "media"),
    [
        ("/download/indicator/internet-users", {}, 200, "text/csv"),
        ("/download/indicator/internet-users", {"accept": BROWSER}, 200, "text/csv"),
        (
            "/download/indicator/internet-users",
            {"accept": "application/json"},
            200,
            "application/json",
        ),
        ("/download/indicator/internet-users?format=json", {}, 200, "application/json"),
        ("/download/indicator/internet-users", {"accept": "image/png"}, 406, "text/plain"),
        ("/download/indicator/internet-users?format=xml", {}, 406, "text/plain"),
        ("/download/org/cnnic.csv", {}, 404, "text/plain"),
        ("/download/indicator/no-such-thing.json", {}, 404, "text/plain"),
        ("/download/a%3Eb.csv", {}, 400, "text/plain"),
        ("/download/", {}, 400, "text/plain"),
    ],
)
def test_downloads_negotiate_and_keep_the_guards(client, path, headers, status, media):
    response = client.get(path, headers=headers)
    assert response.status_code == status and response.headers["content-type"].startswith(media)
    assert response.headers["x-content-type-options"] == "nosniff"
    if status == 200:
        again = client.get(path, headers={**headers, "if-none-match": response.headers["etag"]})
        assert again.status_code == 304


#: What a person should never read as a link's text (#19): a hash, a slug
#: (ASCII words joined by - or _, unless it is the resource's own label, as
#: the unit person-time's), or a bare number ("447") unless its title says
#: what it is (a figure in a table: 238, for 网信部门…数量 · 中国 · 2024：238家);
#: a year, which names a year's period, is a word.
_HASH = re.compile(r"[0-9a-f]{8,}")
_SLUG = re.compile(r"(?=[a-z0-9_-]*[a-z])[a-z0-9]+(?:[-_][a-z0-9]+)+")
_NUMBER = re.compile(r"(?!(?:19|20)\d\d$)\d+")
_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
#: Two hops from home, at most this many pages.
_CRAWL_LIMIT = 400


def _followed(href: str) -> bool:
    """Whether the crawler visits a link: pages of this site, not its data
    (twins, downloads, the whole graph's export) or other sites."""
    path = href.split("?")[0].split("#")[0]
    return (
        href.startswith("/")
        and not href.startswith(("//", "/download/", "/rdf-graphs", "/.well-known/"))
        and not path.endswith((".ttl", ".jsonld", ".nt", ".csv", ".json"))
    )


def _labelled(store: Store, href: str, text: str) -> bool:
    """Whether the resource of a local link has ``text`` as a label of its own."""
    if not href.startswith("/id/"):
        return False
    return bool(
        store.query(
            f"ASK {{ <{ID_BASE}{href[4:].split('?')[0]}> rdfs:label|skos:prefLabel|dcterms:title ?l "
            f"FILTER(STR(?l) = {json.dumps(text)}) }}",
            use_default_graph_as_union=True,
            prefixes=PREFIXES,
        )
    )


def _bad_links(store: Store, page: str) -> list[tuple[str, str]]:
    """``(href, text)`` of the links of a page whose text is a hash, a slug
    or a bare number (see above)."""
    bad = []
    for attributes, inner in _LINK.findall(page):
        found = re.search(r'\bhref="([^"]*)"', attributes)
        if found is None:
            continue
        href = unescape(found.group(1))
        words = unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        titled = re.search(r'\btitle="[^"]*[^\W\d_][^"]*"', attributes) is not None
        if (
            _HASH.fullmatch(words)
            or (_SLUG.fullmatch(words) and not _labelled(store, href, words))
            or (_NUMBER.fullmatch(words) and not titled)
        ):
            bad.append((href, words))
    return bad


def test_the_link_checker_finds_hashes_slugs_and_bare_numbers(store):
    page = (
        '<a href="/id/obs/x/0b21da5d43e2">0b21da5d43e2</a><a href="/id/report/cnnic-55">cnnic-55</a>'
        '<a href="/id/x">447</a><a href="/id/unit/person-time">person-time</a>'
        '<a href="/id/obs/x/1" title="网民规模 · 中国 · 2024：238">238</a>'
        '<a href="http://reference.data.gov.uk/id/year/2024">2024</a><a href="/">cikg</a>'
    )
    assert _bad_links(store, page) == [
        ("/id/obs/x/0b21da5d43e2", "0b21da5d43e2"),
        ("/id/report/cnnic-55", "cnnic-55"),
        ("/id/x", "447"),
    ]


@pytest.mark.parametrize("language", ["zh-CN", "en-GB"])
def test_every_page_two_hops_from_home_is_there_and_names_its_links_in_words(
    client, store, language
):
    """The crawler of #19: from home, every page one and two links away
    (breadth first, at most 400), each answered (no 404), and no link on any
    of them whose text is a hash, a slug or a bare number; in both languages."""
    seen = {"/"}
    frontier = ["/"]
    visited: list[str] = []
    bad_links: list[tuple[str, str, str]] = []
    for hop in range(3):  # home, then one and two hops away
        following: list[str] = []
        for url in frontier:
            if len(visited) >= _CRAWL_LIMIT:
                break
            response = client.get(url, headers={"accept": BROWSER, "accept-language": language})
            assert response.status_code == 200, (url, response.status_code)
            visited.append(url)
            if not response.headers["content-type"].startswith("text/html"):
                continue
            bad_links += [(url, href, text) for href, text in _bad_links(store, response.text)]
            for attributes, _ in _LINK.findall(response.text) if hop < 2 else []:
                found = re.search(r'\bhref="([^"]*)"', attributes)
                href = unescape(found.group(1)).split("#")[0] if found else ""
                if _followed(href) and href not in seen:
                    seen.add(href)
                    following.append(href)
        frontier = following
    assert visited == list(dict.fromkeys(visited))  # each page once
    assert len(visited) == min(_CRAWL_LIMIT, len(seen)) > 100
    assert any(url.startswith("/list/") for url in visited)  # the lists, one hop away
    assert any(url.startswith("/id/obs/") for url in visited)  # the headline charts' points
    assert not bad_links, bad_links[:20]


# -- English mode (#19 item 9) ----------------------------------------------------------------------

_ZH_SPAN = re.compile(r'<span lang="zh">.*?</span>', re.S)


@dataclass
class _Share:
    """Link texts of a page (after its nav; not a chart's points, whose
    text is a tooltip): ``links`` all of them, ``chinese``
    those with Chinese; ``labelled`` those to a resource with an English
    label, ``shown_chinese`` those of them showing Chinese that is not in
    the English label itself (.中国 domain names is English with a Chinese
    domain in it); ``unmarked`` link texts with Chinese outside a
    ``lang="zh"`` element."""

    links: int = 0
    chinese: int = 0
    labelled: int = 0
    shown_chinese: int = 0
    unmarked: tuple[str, ...] = ()


def chinese_share(page: str, english: dict[str, list[str]]) -> _Share:
    """How much of a page's link text is Chinese (see :class:`_Share`)."""
    share = _Share()
    unmarked = []
    for attributes, inner in _LINK.findall(page[page.index("</nav>") :]):
        found = re.search(r'\bhref="([^"]*)"', attributes)
        text = unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        if found is None or not text or "<circle" in inner:  # a chart's point: no link text
            continue
        share.links += 1
        chinese = _CJK.search(text) is not None
        share.chinese += chinese
        if chinese and _CJK.search(unescape(re.sub(r"<[^>]+>", "", _ZH_SPAN.sub("", inner)))):
            unmarked.append(text)
        href = unescape(found.group(1))
        labels = english.get(ID_BASE + href[4:].split("?")[0].split("#")[0], [])
        if href.startswith("/id/") and labels:
            share.labelled += 1
            share.shown_chinese += chinese and not any(_CJK.search(label) for label in labels)
    share.unmarked = tuple(unmarked)
    return share


def test_english_pages_show_english_labels_and_mark_the_chinese_they_keep(client, store):
    """#19: in English mode, < 10 % of the links to things with an English
    label show Chinese, on every page type; the Chinese an English page keeps
    (a policy title, a caption, a citation as written) is marked lang="zh".
    The same measure on the Chinese pages finds Chinese, so it can fail."""
    english = english_labels(store)
    shares = {}
    for kind, path in page_of_each_type(store).items():
        url = path + ("&" if "?" in path else "?") + "lang="
        response = client.get(url + "en", headers={"accept": BROWSER})
        assert response.status_code == 200, kind
        shares[kind] = share = chinese_share(response.text, english)
        assert share.shown_chinese < 0.1 * share.labelled or share.labelled == 0, (kind, share)
        assert share.unmarked == (), (kind, share.unmarked[:5])
        if share.labelled >= 10:  # the Chinese page of the same thing shows Chinese
            chinese_page = client.get(url + "zh", headers={"accept": BROWSER}).text
            zh = chinese_share(chinese_page, english)
            assert zh.shown_chinese > 0.5 * zh.labelled, (kind, zh)
    pages_with_labelled_links = [k for k, s in shares.items() if s.labelled >= 10]
    assert set(pages_with_labelled_links) >= {
        "home", "indicator", "organisation", "region", "report", "search", "list",
    }  # fmt: skip


def test_english_names_an_observation_by_its_value_in_words_and_a_report_by_its_english_title(
    client,
):
    page = client.get("/id/region/CN-BJ?lang=en", headers={"accept": BROWSER}).text
    assert ".中国 domain names · Beijing · 2024-12: 22,284" in unescape(
        re.sub(r"<[^>]+>", "", page)
    )
    policy = "/id/policy/ai-generated-content-labelling-measures?lang=en"
    evidence = client.get(policy, headers={"accept": BROWSER}).text
    assert (
        '<a href="/id/report/digital-china-2024">Digital China Development Report (2024)</a>'
        in (evidence)
    )


def test_a_listed_latest_value_is_named_by_its_indicator_in_english(store):
    """#20: the listings of the headline query (graph/latest) were named by
    their Chinese label, marked (untranslated) on every English page; a value
    listing is named by the indicator whose prefLabel it lists."""
    rows = list(
        store.query(
            """SELECT ?s ?en WHERE { ?s a cikg:LatestValueListing ;
                                          cikg:listedIndicatorLabel ?label .
                 ?i cikg:latestNationalObservation [] ; skos:prefLabel ?label , ?en
                 FILTER(LANG(?en) = "en") } LIMIT 20""",
            use_default_graph_as_union=True,
            prefixes=PREFIXES,
        )
    )
    assert rows
    names = Names(store)
    for row in rows:
        name = names.name(row["s"].value, "en")
        assert name.startswith(row["en"].value + " · "), name
        assert "(untranslated)" not in name
