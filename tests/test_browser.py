"""The linked-data pages in a real browser: Debian's chromium driven by
Playwright against ``cikg serve``'s app on a loopback port.

``.ci/run`` installs chromium; elsewhere the tests are skipped when it is
missing, except under CI (``CI`` set), where a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from cikg.serve import create_app
from cikg.serve.background import serving
from cikg.serve.pages import ID_BASE
from cikg.vocab import PREFIXES

from .english_mode import CJK, english_labels, page_of_each_type

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("CI"):
        raise RuntimeError(
            "CI needs Debian's chromium for the browser tests (apt-get install chromium)"
        )
    pytest.skip("no chromium on this machine", allow_module_level=True)

# Flags for a closed network: no background fetches, no first-run work.
FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def base_url(store) -> Iterator[str]:
    with serving(create_app(store)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], f"console errors: {errors}"


def test_search_to_indicator_chart_to_evidence(page):
    page.goto("/")
    assert page.get_attribute("html", "lang") == "zh"
    page.fill("input[name=q]", "网民")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    page.click("a:text-is('网民规模')")
    page.wait_for_url("**/id/indicator/internet-users")
    # one panel per unit: read them all (a locator that expects a single
    # SVG breaks, in Playwright's strict mode, as soon as a second unit appears)
    panels = page.locator("svg.chart[role=img]")
    assert panels.count() >= 1
    for i in range(panels.count()):
        assert "网民规模" in (panels.nth(i).get_attribute("aria-label") or "")
    hrefs = panels.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    reports = {href.split("/")[3] for href in hrefs}
    assert len(reports) >= 2, hrefs  # points from more than one report
    panels.first.locator("a circle").first.click()
    page.wait_for_url("**/id/obs/**")
    figure = page.locator(".evidence mark").first.inner_text()
    assert figure
    page.click(".evidence a:text-is('段落')")
    page.wait_for_url("**/id/passage/**")
    assert figure in page.inner_text("body")  # the passage holds the figure


def test_home_to_a_headline_chart_to_its_evidence_report_and_a_table(page):
    """The walk of #19: home → a headline chart → a point → its observation
    (titled in words, the figure marked in its evidence) → its report → a table."""
    page.goto("/")
    charts = page.locator(".headline svg.chart[role=img]")
    assert charts.count() >= 3
    users = page.locator(".headline", has=page.locator("h3 a[href='/id/indicator/internet-users']"))
    # the latest point from CNNIC's 55th report (the newest, from the Digital
    # China report, leads to a report without tables)
    users.locator("svg a[href^='/id/obs/cnnic-55/'] circle").last.click()
    page.wait_for_url("**/id/obs/**")
    title = page.inner_text("h1")
    assert title.startswith("网民规模 · 中国 · ") and "亿" in title  # words, not a hash
    assert page.locator(".evidence mark").first.inner_text()
    page.locator(".evidence a[href^='/id/report/']").first.click()
    page.wait_for_url("**/id/report/**")
    assert page.url.endswith("/id/report/cnnic-55")
    tables = page.locator("table.tables a[href^='/id/table/']")
    assert tables.count() > 0
    caption = tables.first.inner_text()
    tables.first.click()
    page.wait_for_url("**/id/table/**")
    assert page.inner_text("h1") == caption


def test_a_policy_to_its_issuer_to_the_issuers_other_policies(page):
    """The walk of #19: a policy → its issuer → the issuer's other policies,
    newest first, each with its date."""
    first = "/id/policy/ai-generated-content-labelling-measures"
    page.goto(first)
    page.click("table.statements a[href='/id/org/miit']")
    page.wait_for_url("**/id/org/miit")
    issued = page.locator("table.issued tr")
    assert issued.count() > 3
    assert "2025 年 3 月 7 日" in issued.nth(1).inner_text()  # the newest first
    other = page.locator(f"table.issued a[href^='/id/policy/']:not([href='{first}'])").first
    title = other.inner_text()
    other.click()
    page.wait_for_url("**/id/policy/**")
    assert page.inner_text("h1") == title
    assert page.locator("table.statements a[href='/id/org/miit']").count() == 1


def test_policy_shows_its_related_indicators(page, store):
    row = next(
        iter(
            store.query(
                "SELECT ?p WHERE { ?p a cikg:Policy ; cikg:relatedIndicator [] } ORDER BY ?p LIMIT 1",
                use_default_graph_as_union=True,
                prefixes=PREFIXES,
            )
        )
    )
    page.goto("/id/" + row[0].value[len(ID_BASE) :])
    heading = page.locator("h2", has_text="相关指标")
    assert heading.count() == 1
    first = heading.locator("xpath=following-sibling::table[1]//a").first
    first.click()
    page.wait_for_url("**/id/indicator/**")
    assert page.get_attribute("html", "lang") == "zh"


def test_language_switch(page):
    page.goto("/id/indicator/internet-users")
    page.click("nav a:text-is('English')")
    page.wait_for_url("**lang=en")
    assert page.get_attribute("html", "lang") == "en"
    assert page.inner_text("h1") != "网民规模"


#: Per HTML link after the site's nav (not a chart's SVG points): its href,
#: its text, and its text outside any element whose language is Chinese
#: (the nearest lang attribute, as a browser resolves it).
_LINKS = r"""() => {
  const nav = document.querySelector("body > nav");
  const links = Array.from(document.querySelectorAll("body a"))
    .filter((a) => a instanceof HTMLAnchorElement)
    .filter((a) => nav.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING)
    .filter((a) => !nav.contains(a));
  return links.map((a) => {
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    let outside = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const lang = node.parentElement.closest("[lang]").getAttribute("lang");
      if (!lang.startsWith("zh")) outside += node.nodeValue;
    }
    return [a.getAttribute("href"), a.textContent.replace(/\s+/g, " ").trim(), outside];
  }).filter(([, text]) => text.length > 0);
}"""


def test_english_mode_on_each_page(browser, base_url, store):
    """#19: each page type, reached in English (the language switch, then
    ?lang=en links), is English: the html is lang="en", fewer than 10 % of
    the links to things with an English label show Chinese, and the Chinese
    it keeps (titles and captions without an English form, citations as
    written) is in an element Chromium resolves to lang="zh"."""
    context = browser.new_context(base_url=base_url, locale="en-GB")
    page = context.new_page()
    english = english_labels(store)
    page.goto("/id/indicator/internet-users")
    page.click("nav a:text-is('English')")
    page.wait_for_url("**lang=en")
    labelled_links = 0
    for kind, path in page_of_each_type(store).items():
        page.goto(path + ("&" if "?" in path else "?") + "lang=en")
        assert page.get_attribute("html", "lang") == "en", kind
        links = page.evaluate(_LINKS)
        labelled = [
            (href, text)
            for href, text, _ in links
            if href.startswith("/id/") and english.get(ID_BASE + href[4:].split("?")[0])
        ]
        shown_chinese = [
            (href, text)
            for href, text in labelled
            if CJK.search(text)
            and not any(CJK.search(label) for label in english[ID_BASE + href[4:].split("?")[0]])
        ]
        assert len(shown_chinese) < 0.1 * len(labelled) or not labelled, (kind, shown_chinese)
        unmarked = [text for _, text, outside in links if CJK.search(outside)]
        assert unmarked == [], (kind, unmarked[:5])
        labelled_links += len(labelled)
    assert labelled_links > 400  # the pages link to many labelled things
    context.close()


def test_query_page_examples_fill_the_editor_under_its_policy(page):
    """The one script of the query page runs under its Content-Security-Policy
    (a refused script would be a console error, and the editor would stay put)."""
    response = page.goto("/sparql")
    assert "script-src 'sha256-" in response.headers["content-security-policy"]
    button = page.locator("button[data-query]").nth(1)
    expected = button.get_attribute("data-query")
    assert page.input_value("#query") != expected
    button.click()
    assert page.input_value("#query") == expected


#: Draws 网, 民 and U+10FFFD (a private-use code point, the missing-glyph box
#: in any font) with the font an element uses, and says whether 网 looks like
#: 民 and whether it looks like the missing-glyph box. Characters no font has
#: are all drawn as that same box.
_SAME_GLYPHS = r"""(selector) => {
  const family = getComputedStyle(document.querySelector(selector)).fontFamily;
  const pixels = (text) => {
    const canvas = document.createElement("canvas");
    canvas.width = 64; canvas.height = 64;
    const ctx = canvas.getContext("2d");
    ctx.font = `48px ${family}`;
    ctx.fillText(text, 4, 52);
    return ctx.getImageData(0, 0, 64, 64).data.join(",");
  };
  const wang = pixels("网");
  return {family, likeMin: wang === pixels("民"), likeMissing: wang === pixels("\u{10FFFD}")};
}"""


def test_chinese_text_is_drawn_with_real_glyphs(page):
    """A page's Chinese text has a font with its glyphs (.ci/run installs
    Debian's fonts-noto-cjk): 网 is drawn differently from 民 and from the
    missing-glyph box. Without a CJK font all three are the same box, and a
    user sees none of the text."""
    page.goto("/")
    assert "网民" in page.inner_text("body")
    for selector in ("h1", "body"):
        drawn = page.evaluate(_SAME_GLYPHS, selector)
        assert not drawn["likeMin"], f"网 and 民 look the same in {selector}: no CJK font ({drawn})"
        assert not drawn["likeMissing"], f"网 is the missing-glyph box in {selector} ({drawn})"
