"""Screenshots of each page type in Chinese and English, the share of
Chinese link text in English mode, and render times (#19).

Usage::

    cikg build --store /tmp/shots-store seeds
    python docs/screenshots.py /tmp/shots-store

It builds nothing: it opens the store read-only, serves it in-process on a
loopback port (uvicorn in a thread, as ``tests/test_browser.py`` does) and
drives Debian's chromium with Playwright. For each page type it writes
``docs/screenshots/<page>-<lang>.png`` (viewport 1280×900, the top of the
page only; a JPEG at quality 70 instead when a PNG would exceed 250 KB) and
then ``docs/screenshots/README.md``: per page, in English mode, the number
of link texts and the share that contain Chinese characters, with the median
server-side render time, and the images.

What is counted: the HTML anchors with text after the site's ``<nav>`` (the
nav holds the language switch, 中文 / English, and the site links), so
chart points (SVG anchors without text) are not counted; links inside
collapsed sections are. A link "contains Chinese" when its text has a Han
character or CJK punctuation; the ones the server marks ``(untranslated)``
(a label with no English form) are counted among them and also given
apart.

Render time: each page is requested through the ASGI app in process
(Starlette's test client, no network, as ``benchmarks/pages.py``) seven
times; the median is reported. The figures come from whatever machine runs
the script and vary with its load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from playwright.sync_api import Page, sync_playwright
from pyoxigraph import Store
from starlette.testclient import TestClient

from cikg.serve import create_app
from cikg.serve.pages import ID_BASE
from cikg.store import open_store
from cikg.vocab import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
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

#: The link texts after the site's nav: HTML anchors only (a chart point is
#: an SVG anchor with no text), whitespace collapsed, empty ones left out.
_LINK_TEXTS = r"""() => {
  const nav = document.querySelector("body > nav");
  return Array.from(document.querySelectorAll("body a"))
    .filter((a) => a instanceof HTMLAnchorElement)
    .filter((a) => !(nav && (nav.contains(a) ||
      !(nav.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING))))
    .map((a) => a.textContent.replace(/\s+/g, " ").trim())
    .filter((text) => text.length > 0);
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
    """Whether ``text`` has a Han character or CJK punctuation / full-width form."""
    return any(
        "\u3400" <= c <= "\u9fff"
        or "\uf900" <= c <= "\ufaff"
        or "\u3000" <= c <= "\u303f"
        or "\uff00" <= c <= "\uffef"
        or "\U00020000" <= c <= "\U0003134f"
        for c in text
    )


@dataclass
class Shot:
    page: str  # the page type, also the file name's stem
    url: str  # without ?lang=
    files: dict[str, str]  # lang -> file name
    links: int = 0
    chinese: int = 0
    untranslated: int = 0
    unmarked: tuple[str, ...] = ()  # distinct Chinese link texts not marked (untranslated)
    render_ms: float = 0.0
    status: int = 0


def page_urls(store: Store) -> dict[str, str]:
    """One URL per page type: fixed examples, and an observation found in the
    store (the latest national 网民规模 of the 55th report)."""
    rows = list(
        store.query(
            f"""SELECT ?o WHERE {{
                 ?o a qb:Observation ; cikg:indicator <{ID_BASE}indicator/internet-users> ;
                    sdmx-dimension:refArea <{ID_BASE}region/CN> ;
                    qb:dataSet <{ID_BASE}dataset/cnnic-55> ; cikg:periodEnd ?end
               }} ORDER BY DESC(?end) ?o LIMIT 1""",
            use_default_graph_as_union=True,
            prefixes=PREFIXES,
        )
    )
    if not rows:  # another store: any observation
        rows = list(
            store.query(
                "SELECT ?o WHERE { ?o a qb:Observation } ORDER BY ?o LIMIT 1",
                use_default_graph_as_union=True,
                prefixes=PREFIXES,
            )
        )
    observation = "/id/" + rows[0][0].value[len(ID_BASE) :]
    return {
        "home": "/",
        "indicator": "/id/indicator/internet-users",
        "observation": observation,
        "policy": "/id/policy/ai-generated-content-labelling-measures",
        "organisation": "/id/org/miit",
        "region": "/id/region/CN-BJ",
        "report": "/id/report/cnnic-55",
        "search": "/search?q=网民",
        "sparql": "/sparql",
        "statistics": "/statistics",
    }


def with_lang(url: str, lang: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}lang={lang}"


@contextmanager
def serving(store: Store) -> Iterator[str]:
    """The app over ``store`` on a free loopback port, for the time of the block."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


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


def take(store: Store, chromium: str) -> list[Shot]:
    shots = [Shot(kind, url, {}) for kind, url in page_urls(store).items()]
    with serving(store) as base, sync_playwright() as p:
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
                        texts = page.evaluate(_LINK_TEXTS)
                        shot.links = len(texts)
                        shot.chinese = sum(has_chinese(t) for t in texts)
                        shot.untranslated = sum(
                            has_chinese(t) and "(untranslated)" in t for t in texts
                        )
                        shot.unmarked = tuple(
                            dict.fromkeys(
                                t for t in texts if has_chinese(t) and "(untranslated)" not in t
                            )
                        )
                context.close()
        finally:
            browser.close()
    return shots


def time_renders(store: Store, shots: list[Shot]) -> None:
    """The median render time of each page in English, in process."""
    client = TestClient(create_app(store))
    for shot in shots:
        url = with_lang(shot.url, "en")
        times = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            response = client.get(url, headers={"accept": "text/html"})
            times.append(time.perf_counter() - start)
        shot.status = response.status_code
        shot.render_ms = statistics.median(times) * 1000


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
        "Per page with `?lang=en`: the links after the site's nav (HTML anchors with text, so",
        "neither the language switch nor chart points; links in collapsed sections count), how",
        "many have a Chinese character in their text, and of those how many the page marks",
        "`(untranslated)` (a label with no English form). *Unmarked* are the rest: Chinese",
        "shown without that mark (#19 asks for under 10 % where English labels exist), with up",
        "to three of their texts. Some text is Chinese by nature (a citation quoted as",
        "written, the domain `.中国`); the count does not tell these apart.",
        "",
        f"Render time: the median of {REPEAT} requests for the English page through the ASGI",
        "app in process (no network, no browser), on the machine that made the screenshots "
        f"({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} when it finished); "
        "a rough figure, `benchmarks/pages.py` is the benchmark.",
        "",
        "| page | URL | links | with Chinese | of which (untranslated) | unmarked "
        "| render, median (ms) | unmarked link texts |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for s in shots:
        unmarked = s.chinese - s.untranslated
        examples = " · ".join(s.unmarked[:3]).replace("|", "\\|")
        lines.append(
            f"| {s.page} | `{with_lang(s.url, 'en')}` | {s.links} | "
            f"{s.chinese} ({percent(s.chinese, s.links)}) | {s.untranslated} | "
            f"{unmarked} ({percent(unmarked, s.links)}) | {s.render_ms:.0f} | {examples} |"
        )
    links = sum(s.links for s in shots)
    chinese = sum(s.chinese for s in shots)
    untranslated = sum(s.untranslated for s in shots)
    lines += [
        f"| all | | {links} | {chinese} ({percent(chinese, links)}) | {untranslated} | "
        f"{chinese - untranslated} ({percent(chinese - untranslated, links)}) | | |",
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
            f"({percent(s.chinese, s.links):>7})  untranslated {s.untranslated:3}  "
            f"unmarked {percent(s.chinese - s.untranslated, s.links):>7}  "
            f"{s.render_ms:6.1f} ms  {s.files['zh']} {s.files['en']}"
        )


if __name__ == "__main__":
    main()
