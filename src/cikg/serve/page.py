"""The query page: an editor, the results of the query above the example
queries, and the examples one click away, in the site's frame (its header,
navigation and language: ``?lang=`` or ``Accept-Language``, as the other
pages). Each example is a ``<details>`` whose summary is the first sentence
of its description, with a button that puts its query in the editor, and
whose body is its whole description and its query. Results are a table
whose IRIs link to their pages. Served whole from here: no external script,
font or stylesheet. Every value is escaped, and only ``http(s)`` IRIs
become links (never ``javascript:``). The one script (an example's button
fills the editor) is allowed by its hash in the page's
``Content-Security-Policy`` (:data:`QUERY_PAGE_POLICY`), so no other script
can run on the page.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote, urlencode

from jinja2 import Environment
from markupsafe import Markup

from cikg.serve.graph import local_href
from cikg.serve.headers import page_policy

__all__ = ["QUERY_PAGE_POLICY", "Example", "first_sentence", "load_examples", "query_page"]

_DOWNLOADS = ("json", "xml", "csv", "tsv")
#: ASK results have no CSV or TSV form (the endpoint answers 406).
_BOOLEAN_DOWNLOADS = ("json", "xml")
_GRAPH_DOWNLOADS = ("turtle", "ntriples", "jsonld", "rdfxml")

#: Fills the editor with the query of the example button clicked.
_SCRIPT = (
    'document.addEventListener("click",function(e){'
    'var b=e.target.closest("button[data-query]");'
    'if(b){document.getElementById("query").value=b.dataset.query;}});'
)
#: The page's ``Content-Security-Policy``: :data:`_SCRIPT` and nothing else.
QUERY_PAGE_POLICY = page_policy(
    "'sha256-" + base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode() + "'"
)


@dataclass(frozen=True, slots=True)
class Example:
    """An example query: its file's stem, its ``title`` (the first sentence
    of its description), its text, and its ``description`` (the comment
    lines it opens with, joined)."""

    name: str
    title: str
    text: str
    description: str = ""


#: Where a description's first sentence ends: a question mark (kept), a
#: colon before what it lists (dropped), or a full stop (kept).
_SENTENCE_END = re.compile(r"(\?|？|。|\.)(?=\s|$)|[:：](?=\s)")


def first_sentence(description: str) -> str:
    """The first sentence of an example's description, for its summary.

    >>> first_sentence("Which reports are in the graph: title, publishers, newest first.")
    'Which reports are in the graph'
    >>> first_sentence("What is MIIT cited as the source of? Every observation.")
    'What is MIIT cited as the source of?'
    >>> first_sentence("How big is each named graph (one per report, plus ontology)?")
    'How big is each named graph (one per report, plus ontology)?'
    """
    found = _SENTENCE_END.search(description)
    if found is None:
        return description
    return description[: found.end() if found.group(1) else found.start()].strip()


def load_examples(folder: Path) -> tuple[Example, ...]:
    """The ``*.rq`` files of ``folder``, each described by the comment lines
    it opens with (titled by their first sentence).

    :param folder: where the queries are.
    :returns: the examples, by file name.
    """
    examples = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        lines = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            lines.append(line[1:].strip())
        description = " ".join(part for part in lines if part) or path.stem
        examples.append(Example(path.stem, first_sentence(description), text, description))
    return tuple(examples)


def _term(binding: dict[str, str]) -> str:
    value = binding.get("value", "")
    href = local_href(value) if binding.get("type") == "uri" else None
    if href:
        return f'<a href="{escape(href, quote=True)}">{escape(value)}</a>'
    suffix = f" <small>@{escape(binding['xml:lang'])}</small>" if "xml:lang" in binding else ""
    return escape(value) + suffix


def query_page(
    env: Environment,
    query: str,
    examples: tuple[Example, ...],
    *,
    lang: str = "zh",
    results: bytes | None = None,
    media_type: str | None = None,
    truncated: bool = False,
    limit: int = 0,
    error: str | None = None,
) -> str:
    """The page, with the results of ``query`` when there are any.

    :param env: the pages' Jinja environment (``templates/sparql.html``).
    :param query: the query in the editor.
    :param examples: example queries listed under the results.
    :param lang: ``"zh"`` or ``"en"``: the language of the page.
    :param results: a SPARQL JSON result (shown as a table) or an RDF
        serialisation (shown as text).
    :param media_type: the results' media type.
    :param truncated: whether the result was cut at ``limit`` (said on the page).
    :param error: a message to show instead of results (time limit, syntax).
    :return: the HTML document.
    """
    shown = None
    if error is None and results is not None:
        shown = Markup(_results(query, results, media_type or "", truncated, limit, lang))
    return env.get_template("sparql.html").render(
        lang=lang,
        query=query,
        examples=examples,
        error=error,
        results=shown,
        script=Markup(_SCRIPT),
    )


def _results(
    query: str, results: bytes, media_type: str, truncated: bool, limit: int, lang: str
) -> str:
    """The results as HTML (every value escaped): a table of a SELECT, the
    answer of an ASK, the text of RDF; with download links."""
    zh = lang == "zh"
    out = [f'<h2 id="results">{"结果" if zh else "Results"}</h2>']
    if truncated:
        out.append(
            f'<p class="note">结果在 {limit} 行处截断（服务器的上限）；'
            "请加 LIMIT/OFFSET 或缩小查询范围。</p>"
            if zh
            else f'<p class="note">The result was cut at {limit} rows (the endpoint\'s limit); '
            "add LIMIT/OFFSET or download a narrower query.</p>"
        )
    data = json.loads(results) if "sparql-results+json" in media_type else None
    if data is not None and "boolean" in data:
        downloads = _BOOLEAN_DOWNLOADS
    elif "sparql-results" in media_type:
        downloads = _DOWNLOADS
    else:
        downloads = _GRAPH_DOWNLOADS
    links = " · ".join(
        f'<a href="/sparql?{escape(urlencode({"query": query, "format": f}, quote_via=quote))}">'
        f"{f}</a>"
        for f in downloads
    )
    out.append(f"<p>{'下载：' if zh else 'Download: '}{links}</p>")
    if data is None:
        out.append(f"<pre>{escape(results.decode('utf-8', 'replace'))}</pre>")
        return "".join(out)
    if "boolean" in data:
        out.append(f"<p><strong>{str(data['boolean']).lower()}</strong></p>")
        return "".join(out)
    names = data["head"]["vars"]
    rows = data["results"]["bindings"]
    count = f"共 {len(rows)} 行" if zh else f"{len(rows)} rows"
    out.append(f'<p class="count">{count}</p><table><tr>')
    out.extend(f"<th>{escape(n)}</th>" for n in names)
    out.append("</tr>")
    for row in rows:
        out.append(
            "<tr>"
            + "".join(f"<td>{_term(row[n]) if n in row else ''}</td>" for n in names)
            + "</tr>"
        )
    out.append("</table>")
    return "".join(out)
