"""Median time to render each linked-data page type on the seeds' store.

Usage: ``python benchmarks/pages.py [STORE_DIR]`` (default: a fresh build of
``seeds/`` in a temporary folder). Requests go through Starlette's in-process
client, so the figures are render time without network. Each page type is
requested seven times in Chinese and seven times in English (``?lang=``);
the median of each is printed (the first request of a type is included, the
result cache does not apply to pages).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from starlette.testclient import TestClient

from cikg.iris import IriMinter
from cikg.pipeline import build
from cikg.serve import create_app
from cikg.serve.pages import ID_BASE
from cikg.store import open_store
from cikg.vocab import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 7


def page_urls(store) -> dict[str, str]:
    """One example URL per page type, found in the store."""

    def first(sparql: str) -> str:
        rows = store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
        return "/id/" + next(iter(rows))[0].value[len(ID_BASE) :]

    return {
        "home": "/",
        "indicator": "/id/indicator/internet-users",
        "observation": first("SELECT ?o WHERE { ?o a qb:Observation } ORDER BY ?o LIMIT 1"),
        "policy": first(
            "SELECT ?p WHERE { ?p a cikg:Policy ; cikg:relatedIndicator [] } ORDER BY ?p LIMIT 1"
        ),
        "organisation": "/id/org/cnnic",
        "region": "/id/region/CN",
        "report": "/id/report/cnnic-55",
        "search": "/search?q=网民",
        "statistics": "/statistics",
        "list (regions)": "/list/regions",
        "data twin (.ttl)": "/id/indicator/internet-users.ttl",
    }


LANGS = ("zh", "en")


def with_lang(url: str, lang: str) -> str:
    """``url`` asking for ``lang`` (``?lang=`` or ``&lang=``)."""
    return f"{url}{'&' if '?' in url else '?'}lang={lang}"


def render_medians(
    store_dir: Path, repeat: int = REPEAT
) -> list[tuple[str, str, int, int, dict[str, float]]]:
    """Per page type: (type, URL, status, bytes of the Chinese page, {lang:
    median render ms over ``repeat``})."""
    store = open_store(store_dir, read_only=True)
    client = TestClient(create_app(store))
    rows = []
    for kind, url in page_urls(store).items():
        medians: dict[str, float] = {}
        status, size = 0, 0
        for lang in LANGS:
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                response = client.get(with_lang(url, lang), headers={"accept": "text/html"})
                times.append(time.perf_counter() - start)
            medians[lang] = statistics.median(times) * 1000
            if lang == "zh":
                status, size = response.status_code, len(response.content)
        rows.append((kind, url, status, size, medians))
    return rows


def main(store_dir: Path) -> None:
    print(f"| page type | example | status | bytes (zh) | median of {REPEAT}, zh (ms) | en (ms) |")
    print("|---|---|---|---:|---:|---:|")
    for kind, url, status, size, medians in render_medians(store_dir):
        print(
            f"| {kind} | `{url}` | {status} | {size} | {medians['zh']:.1f} | {medians['en']:.1f} |"
        )


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            build([ROOT / "seeds"], Path(tmp) / "store", minter=IriMinter())
            main(Path(tmp) / "store")
