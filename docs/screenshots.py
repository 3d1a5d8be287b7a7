"""Screenshots of each page type in Chinese and English, the share of
Chinese link text in English mode, and render times (#19).

Usage::

    cikg build --store /tmp/shots-store seeds
    python docs/screenshots.py /tmp/shots-store

It builds nothing: it opens the store read-only, serves it in-process on a
loopback port (uvicorn in a thread, :func:`cikg.serve.background.serving`,
as ``tests/test_browser.py`` does) and drives Debian's chromium with
Playwright. For each page type it writes
``docs/screenshots/<page>-<lang>.png`` (viewport 1280×900, the top of the
page only; a JPEG at quality 70 instead when a PNG would exceed 250 KB) and
then ``docs/screenshots/README.md``: per page, in English mode, the share of
link texts with Chinese characters, over all links and over the links to a
resource with an English label (the measure of #19, as
``tests/test_pages.py`` and ``tests/test_browser.py`` take it), with the
median server-side render time, and the images.

What is counted: the HTML anchors with text after the site's ``<nav>`` (the
nav holds the language switch, 中文 / English, and the site links), so
chart points (SVG anchors whose only text is a tooltip) are not counted;
links inside collapsed sections are. A link "contains Chinese" when its
text has a Han character, CJK punctuation or a full-width form. The pages
and the English labels are those of ``tests/english_mode.py``.

Render time: each page is requested through the ASGI app in process
(Starlette's test client, no network, as ``benchmarks/pages.py``) seven
times; the median is reported. The figures come from whatever machine runs
the script and vary with its load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from pyoxigraph import Store
from starlette.testclient import TestClient

from cikg.serve import create_app
from cikg.serve.background import serving
from cikg.serve.pages import ID_BASE
from cikg.store import open_store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the tests' measure: tests/english_mode.py
from tests.english_mode import CJK, english_labels, page_of_each_type  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 900}
MAX_PNG = 250 * 1024
REPEAT = 7
LANGS = ("zh", "en")
LOCALES = {"zh": "zh-CN", "en": "en-US"}

# Flags for a closed network, as in tests/test_browser.py.
FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

#: Per HTML anchor after the site's nav (a chart point is an SVG anchor):
#: its href, its text (white space collapsed) and its text outside any
#: element whose language (the nearest lang attribute) is Chinese.
_LINKS = r"""() => {
  const nav = document.querySelector("body > nav");
  return Array.from(document.querySelectorAll("body a"))
    .filter((a) => a instanceof HTMLAnchorElement)
    .filter((a) => !(nav && (nav.contains(a) ||
      !(nav.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING))))
    .map((a) => {
      const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
      let outside = "";
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const lang = node.parentElement.closest("[lang]").getAttribute("lang");
        if (!lang.startsWith("zh")) outside += node.nodeValue;
      }
      return [a.getAttribute("href") || "", a.textContent.replace(/\s+/g, " ").trim(), outside];
    })
    .filter(([, text]) => text.length > 0);
}"""

#: Whether 网 is drawn with a real glyph (unlike 民 and unlike the
#: missing-glyph box), as tests/test_browser.py checks.
_CJK_GLYPHS = r"""() => {
  const family = getComputedStyle(document.body).fontFamily;
  const pixels = (text) => {
    const canvas = document.createElement("canvas");
    canvas.width = 64; canvas.height = 64;
    const ctx = canvas.getContext("2d");
    ctx.font = `48px ${family}`;
    ctx.fillText(text, 4, 52);
    return ctx.getImageData(0, 0, 64, 64).data.join(",");
  };
  const wang = pixels("网");
  return wang !== pixels("民") && wang !== pixels("\u{10FFFD}");
}"""


def has_chinese(text: str) -> bool:
    """Whether ``text`` has a Han character, CJK punctuation or a full-width form."""
    return CJK.search(text) is not None


@dataclass
class Shot:
    page: str  # the page type, also the file name's stem
    url: str  # without ?lang=
    files: dict[str, str]  # lang -> file name
    links: int = 0  # link texts (English page)
    chinese: int = 0  # of which with Chinese
    labelled: int = 0  # links to a resource with an English label
    shown_chinese: int = 0  # of which showing Chinese that label has not
    unmarked: int = 0  # link texts with Chinese outside a lang="zh" element
    examples: tuple[str, ...] = ()  # distinct Chinese link texts
    render_ms: dict[str, float] = field(default_factory=dict)  # lang -> median
    status: int = 0


def page_urls(store: Store) -> dict[str, str]:
    """One URL per page type (``tests/english_mode.py``'s)."""
    return page_of_each_type(store)


def with_lang(url: str, lang: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}lang={lang}"


def screenshot(page: Page, stem: str) -> str:
    """The top of ``page`` as ``OUT/stem.png``, or ``stem.jpg`` (quality 70)
    when the PNG would exceed ``MAX_PNG``; returns the file name."""
    png = OUT / f"{stem}.png"
    jpg = OUT / f"{stem}.jpg"
    page.screenshot(path=png, type="png", full_page=False)
    if png.stat().st_size <= MAX_PNG:
        jpg.unlink(missing_ok=True)
        return png.name
    png.unlink()
    page.screenshot(path=jpg, type="jpeg", quality=70, full_page=False)
    return jpg.name


def count_chinese(shot: Shot, links: list[list[str]], english: dict[str, list[str]]) -> None:
    """Fill ``shot``'s counts from an English page's ``[href, text, text
    outside lang="zh"]`` links; ``english``: IRI -> its English labels."""
    shot.links = len(links)
    shot.chinese = sum(has_chinese(text) for _, text, _ in links)
    shot.unmarked = sum(has_chinese(outside) for _, _, outside in links)
    shot.examples = tuple(dict.fromkeys(text for _, text, _ in links if has_chinese(text)))
    for href, text, _ in links:
        labels = english.get(ID_BASE + href[4:].split("?")[0].split("#")[0], [])
        if href.startswith("/id/") and labels:
            shot.labelled += 1
            shot.shown_chinese += has_chinese(text) and not any(map(has_chinese, labels))


def take(store: Store, chromium: str) -> list[Shot]:
    shots = [Shot(kind, url, {}) for kind, url in page_urls(store).items()]
    english = english_labels(store)
    with serving(create_app(store)) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
        try:
            for lang in LANGS:
                context = browser.new_context(
                    base_url=base, locale=LOCALES[lang], viewport=VIEWPORT, device_scale_factor=1
                )
                page = context.new_page()
                for shot in shots:
                    response = page.goto(with_lang(shot.url, lang), wait_until="load")
                    if response is None or response.status != 200:
                        raise RuntimeError(f"{shot.url} ({lang}): {response and response.status}")
                    if lang == "zh" and shot.page == "home" and not page.evaluate(_CJK_GLYPHS):
                        raise RuntimeError("no CJK font: install fonts-noto-cjk")
                    shot.files[lang] = screenshot(page, f"{shot.page}-{lang}")
                    if lang == "en":
                        count_chinese(shot, page.evaluate(_LINKS), english)
                context.close()
        finally:
            browser.close()
    return shots


def time_renders(store: Store, shots: list[Shot]) -> None:
    """The median render time of each page in each language, in process."""
    client = TestClient(create_app(store))
    for shot in shots:
        for lang in LANGS:
            times = []
            for _ in range(REPEAT):
                start = time.perf_counter()
                response = client.get(with_lang(shot.url, lang), headers={"accept": "text/html"})
                times.append(time.perf_counter() - start)
            shot.status = response.status_code
            shot.render_ms[lang] = statistics.median(times) * 1000


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


def revision() -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return done.stdout.strip()


def write_readme(shots: list[Shot], store_dir: Path) -> None:
    lines = [
        "# What the pages look like",
        "",
        "Each page type in Chinese and English, on a store built from `seeds/`: the top of the",
        f"page in a {VIEWPORT['width']}×{VIEWPORT['height']} Chromium window, made by "
        f"`docs/screenshots.py` with the code at commit `{revision()}`. To make them again:",
        "",
        "```sh",
        f"cikg build --store {store_dir} seeds",
        f"python docs/screenshots.py {store_dir}",
        "```",
        "",
        "## English mode: Chinese link text and render time",
        "",
        "Per page with `?lang=en`, the links after the site's nav (HTML anchors with text, so",
        "neither the language switch nor chart points; links in collapsed sections count):",
        "",
        "- *links*, and *with Chinese*: how many have a Chinese character in their text (the raw",
        "  share: policy titles and table captions have no English form, citations are quoted",
        "  as written);",
        "- *to English-labelled*: links to a resource with an English label (`skos:prefLabel`,",
        "  `rdfs:label` or `dcterms:title` @en, not marked untranslated), and *showing Chinese*:",
        "  how many of them show Chinese that the English label has not (#19 asks for under",
        "  10 %; `tests/test_pages.py` and `tests/test_browser.py` assert it);",
        '- *outside lang=zh*: links whose Chinese is not in an element with `lang="zh"` (the',
        "  pages mark the Chinese they keep; the tests assert none).",
        "",
        f"Render time: the median of {REPEAT} requests per language through the ASGI app in",
        "process (no network, no browser), on the machine that made the screenshots "
        f"({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} when it finished); "
        "a rough figure, `benchmarks/pages.py` is the benchmark (`benchmarks/pages.md`).",
        "",
        "| page | URL | links | with Chinese | to English-labelled | showing Chinese "
        "| outside lang=zh | render zh / en (ms) | Chinese link texts (up to 2) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for s in shots:
        examples = " · ".join(s.examples[:2]).replace("|", "\\|")
        lines.append(
            f"| {s.page} | `{with_lang(s.url, 'en')}` | {s.links} | "
            f"{s.chinese} ({percent(s.chinese, s.links)}) | {s.labelled} | "
            f"{s.shown_chinese} ({percent(s.shown_chinese, s.labelled)}) | {s.unmarked} | "
            f"{s.render_ms['zh']:.0f} / {s.render_ms['en']:.0f} | {examples} |"
        )
    links = sum(s.links for s in shots)
    chinese = sum(s.chinese for s in shots)
    labelled = sum(s.labelled for s in shots)
    shown = sum(s.shown_chinese for s in shots)
    lines += [
        f"| all | | {links} | {chinese} ({percent(chinese, links)}) | {labelled} | "
        f"{shown} ({percent(shown, labelled)}) | {sum(s.unmarked for s in shots)} | | |",
        "",
        "## Screenshots",
        "",
    ]
    jpegs = [name for s in shots for name in s.files.values() if name.endswith(".jpg")]
    lines += [
        "PNG"
        + (
            f", except {', '.join(jpegs)}: JPEG at quality 70, the PNG being over "
            f"{MAX_PNG // 1024} KB."
            if jpegs
            else "."
        ),
        "",
    ]
    for s in shots:
        lines += [f"### {s.page} — `{s.url}`", ""]
        for lang in LANGS:
            name = s.files[lang]
            title = "中文" if lang == "zh" else "English"
            lines += [f"{title}:", "", f"![{s.page}, {title}]({name})", ""]
    (OUT / "README.md").write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path, help="a store built by `cikg build --store`")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("no chromium on this machine (apt-get install chromium)")
    if not args.store.is_dir():
        raise SystemExit(f"no store at {args.store}: cikg build --store {args.store} seeds")
    OUT.mkdir(parents=True, exist_ok=True)
    store = open_store(args.store, read_only=True)
    shots = take(store, chromium)
    time_renders(store, shots)
    write_readme(shots, args.store)
    for s in shots:
        print(
            f"{s.page:13} links {s.links:4}  Chinese {s.chinese:3} "
            f"({percent(s.chinese, s.links):>7})  labelled {s.labelled:4}  showing Chinese "
            f"{percent(s.shown_chinese, s.labelled):>7}  outside lang=zh {s.unmarked:3}  "
            f"{s.render_ms['zh']:6.1f} / {s.render_ms['en']:6.1f} ms  "
            f"{s.files['zh']} {s.files['en']}"
        )


if __name__ == "__main__":
    main()
