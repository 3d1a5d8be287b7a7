"""The query page: an editor with the example queries one click away, and
results as a table whose IRIs link to their pages. Served whole from here:
no external script, font or stylesheet. Every value is escaped, and only
``http(s)`` IRIs become links (never ``javascript:``). The one script (an
example's button fills the editor) is allowed by its hash in the page's
``Content-Security-Policy`` (:data:`QUERY_PAGE_POLICY`), so no other script
can run on the page.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote, urlencode

from cikg.serve.headers import page_policy
from cikg.serve.pages import local_href

__all__ = ["QUERY_PAGE_POLICY", "Example", "load_examples", "query_page"]

_DOWNLOADS = ("json", "xml", "csv", "tsv")
#: ASK results have no CSV or TSV form (the endpoint answers 406).
_BOOLEAN_DOWNLOADS = ("json", "xml")
_GRAPH_DOWNLOADS = ("turtle", "ntriples", "jsonld", "rdfxml")

_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:80rem}
textarea{width:100%;font-family:monospace;font-size:.9rem}
table{border-collapse:collapse;font-size:.85rem}
td,th{border:1px solid #ccc;padding:.2rem .4rem;vertical-align:top}
.note{background:#fff4d6;padding:.4rem}.error{background:#fde2e1;padding:.4rem}
li button{background:none;border:none;color:#06c;cursor:pointer;text-align:left;padding:0}
"""

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
    """An example query: what it answers (its first comment) and its text."""

    name: str
    title: str
    text: str


def load_examples(folder: Path) -> tuple[Example, ...]:
    """The ``*.rq`` files of ``folder``, titled by their first comment line."""
    examples = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = next((ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")), path.stem)
        examples.append(Example(path.stem, first, text))
    return tuple(examples)


def _term(binding: dict[str, str]) -> str:
    value = binding.get("value", "")
    href = local_href(value) if binding.get("type") == "uri" else None
    if href:
        return f'<a href="{escape(href, quote=True)}">{escape(value)}</a>'
    suffix = f" <small>@{escape(binding['xml:lang'])}</small>" if "xml:lang" in binding else ""
    return escape(value) + suffix


def query_page(
    query: str,
    examples: tuple[Example, ...],
    *,
    results: bytes | None = None,
    media_type: str | None = None,
    truncated: bool = False,
    limit: int = 0,
    error: str | None = None,
) -> str:
    """The page, with the results of ``query`` when there are any.

    :param query: the query in the editor.
    :param examples: example queries listed beside it.
    :param results: a SPARQL JSON result (shown as a table) or an RDF
        serialisation (shown as text).
    :param media_type: the results' media type.
    :param truncated: whether the result was cut at ``limit`` (said on the page).
    :param error: a message to show instead of results (time limit, syntax).
    :return: the HTML document.
    """
    parts = [
        '<!doctype html><html lang="zh"><head><meta charset="utf-8">'
        '<link rel="icon" href="data:,">',
        "<title>cikg SPARQL</title><style>" + _STYLE + "</style></head><body>",
        "<h1>cikg — SPARQL 1.1</h1>",
        '<p lang="en">China internet knowledge graph · '
        '<span lang="zh">中国互联网发展知识图谱</span></p>',
        '<form method="post" action="/sparql"><textarea id="query" name="query" rows="14">',
        escape(query),
        '</textarea><br><button type="submit">Run · 查询</button></form>',
    ]
    if examples:
        parts.append("<h2>Examples · 示例</h2><ul>")
        for ex in examples:
            parts.append(
                f'<li><button type="button" data-query="{escape(ex.text, quote=True)}">'
                f"{escape(ex.title)}</button> <small>({escape(ex.name)}.rq)</small></li>"
            )
        parts.append(f"</ul><script>{_SCRIPT}</script>")
    if error:
        parts.append(f'<p class="error">{escape(error)}</p>')
    elif results is not None:
        parts.append(_results(query, results, media_type or "", truncated, limit))
    parts.append("</body></html>")
    return "".join(parts)


def _results(query: str, results: bytes, media_type: str, truncated: bool, limit: int) -> str:
    out = ["<h2>Results · 结果</h2>"]
    if truncated:
        out.append(
            f'<p class="note">The result was cut at {limit} rows (the endpoint\'s limit); '
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
    out.append(f"<p>Download: {links}</p>")
    if data is None:
        out.append(f"<pre>{escape(results.decode('utf-8', 'replace'))}</pre>")
        return "".join(out)
    if "boolean" in data:
        out.append(f"<p><strong>{str(data['boolean']).lower()}</strong></p>")
        return "".join(out)
    names = data["head"]["vars"]
    rows = data["results"]["bindings"]
    out.append(f"<p>{len(rows)} rows</p><table><tr>")
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
