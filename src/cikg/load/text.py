"""Text and markdown files -> :class:`~cikg.records.Document`.

The reports reach us as text extracted from PDFs or web pages, so the loader
undoes what extraction did to them and keeps every block anchored to the line
it came from. The stages, in order (each a function named ``x_to_y``):

1. :func:`detect_encoding` - decode (UTF-8 with or without BOM, UTF-16 with a
   BOM, GB18030/GBK), refusing binary files.
2. :func:`split_front_matter` - YAML front matter of web articles.
3. :func:`find_boilerplate` - web boilerplate (the WeChat tail, promotion and
   subscription lines, images) and page furniture (running headers such as
   ``第 55 次中国互联网络发展状况统计报告`` and ``The 55th`` repeated on every
   page, bare page numbers).
4. :func:`split_cover` - the title page, kept for the metadata stage.
5. :func:`lines_to_blocks` - headings, paragraphs (hard-wrapped lines and
   paragraphs broken by a page break joined), list items, tables with their
   caption, continuation parts and notes, figure captions, footnotes.

Rules come from the documents' own layout; nothing here knows a file name.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from pathlib import Path

import yaml

from cikg.errors import InputError
from cikg.records import Block, BlockKind, Document, FrontMatter

__all__ = [
    "ascii_to_superscript",
    "bytes_to_lines",
    "detect_encoding",
    "find_boilerplate",
    "join_lines",
    "lines_to_blocks",
    "lines_to_document",
    "load_text",
    "read_input",
    "size_message",
    "split_cover",
    "split_front_matter",
    "superscript_to_ascii",
]

# --- character classes -------------------------------------------------------

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_TABLE = str.maketrans(_SUPERSCRIPTS, "0123456789")
_ASCII_TO_SUPERSCRIPT = str.maketrans("0123456789", _SUPERSCRIPTS)
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
#: Characters that close a sentence; a paragraph whose last line ends with one
#: (optionally followed by a closing quote or bracket) is complete.
_TERMINAL_RE = re.compile(r"[。！？!?；;：:…][”’」』）)】*]*$")
_SENTENCE_PUNCT_RE = re.compile(r"[。，；：！？、,;:!?%％]")

# --- line patterns -------------------------------------------------------------

_FOOTNOTE_SUP_RE = re.compile(f"^([{_SUPERSCRIPTS}]+)\\s*(\\S.*)$")
_FOOTNOTE_BRACKET_RE = re.compile(r"^\[(\d{1,3})\]\s*(\S.*)$")
_CAPTION_RE = re.compile(r"^(附表|表|图)\s*(\d{1,3})(?![\d.])\s*(.*)$")
_NOTE_RE = re.compile(r"^[（(]?(?:数据来源|资料来源|来源|注\s*\d*|说明)\s*[：:]")
_LIST_RE = re.compile(r"^(?:[-*•]\s+|◇|◆|●|■)")
_PAGE_NUMBER_RE = re.compile(r"^\d{1,3}$")
_TOC_ENTRY_RE = re.compile(r"^\S.*?\t+\s*\d{1,3}$")
#: A contents line with dot leaders (PDF contents pages): 一、总体情况........3
_TOC_LEADER_RE = re.compile(r"^\S.*?(?:\.{4,}|…{2,}|·{4,})\s*\d{1,3}$")
_FRONT_SECTION_RE = re.compile(r"^(前言|摘要|目录|序言|引言)")
_TOC_HEADING_RE = re.compile(r"^目录$")

_HEADING_PATTERNS: tuple[tuple[re.Pattern[str], int, int], ...] = (
    # (pattern, level, longest line it may be)
    (re.compile(r"^第[一二三四五六七八九十百\d]+[章篇部分]"), 1, 60),
    (re.compile(r"^附录[一二三四五六七八九十\d]*(?:\s|$)"), 1, 60),
    (re.compile(r"^[一二三四五六七八九十]+、"), 2, 50),
    (re.compile(r"^[（(][一二三四五六七八九十]+[)）]"), 3, 50),
    (re.compile(f"^\\d{{1,2}}(?:\\.\\d{{1,2}})*(?:[.、]|\\s)\\s*[{_CJK}A-Za-z]"), 4, 30),
)
_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(\S.*)$")
#: A numbered item whose label runs into its text after a colon (1.参与部门：以贵州省
#: 发改委牵头…): the first line of a paragraph, not a heading (CAICT's PDFs).
_RUN_IN_RE = re.compile(r"^\d{1,2}[.、．]\s*[^\d：:，。；、,;]{2,20}[：:]\s*\S")
_BOLD_LINE_RE = re.compile(r"^\*\*([^*]+)\*\*$")

#: A generic heading (前言, 核心数据, a chapter title without a number) is a
#: short line with no sentence punctuation, followed by a longer line.
_GENERIC_HEADING_MAX = 24
#: A paragraph left open (no terminal punctuation) continues after a blank
#: line, footnotes or page furniture only if its last line was this long:
#: short open lines are signatures and labels, not wrapped text.
_WRAPPED_MIN = 20

# --- web boilerplate (data, not code: extend the lists, not the logic) ---------

#: A line equal to one of these starts the trailing boilerplate of a web page;
#: it and everything after it is left out.
WEB_TAIL_MARKERS = ("预览时标签不可点", "微信扫一扫", "继续滑动看下一个", "轻触阅读原文")
#: Lines of subscription and promotion text in web articles.
WEB_PROMO_CUES = (
    "扫码订阅", "邮发代号", "征订热线", "欢迎关注", "倾力推荐", "点击下图", "阅读原文",
    "长按识别", "点击关注", "点击蓝字", "分享网络安全知识",
)  # fmt: skip
_IMAGE_RE = re.compile(r"^\[?!\[[^\]]*\]\([^)]*\)")


def ascii_to_superscript(digits: str) -> str:
    """ASCII digits to the superscript marker a text footnote has: ``"24"``
    -> ``"²⁴"`` (what a web page's ``<sup>`` or a Word superscript run holds).

    >>> ascii_to_superscript("100")
    '¹⁰⁰'
    """
    return digits.translate(_ASCII_TO_SUPERSCRIPT)


def superscript_to_ascii(marker: str) -> str:
    """Superscript digits to ASCII: ``"²⁴"`` -> ``"24"``.

    >>> superscript_to_ascii("¹⁰⁰")
    '100'
    """
    return marker.translate(_SUPERSCRIPT_TABLE)


def join_lines(left: str, right: str) -> str:
    """Join two wrapped lines: no space where either side is Chinese.

    >>> join_lines("数字中国发展的根基", "进一步夯实。")
    '数字中国发展的根基进一步夯实。'
    >>> join_lines("Statistical Report", "on China's Internet")
    "Statistical Report on China's Internet"
    """
    left, right = left.rstrip(), right.strip()
    if not left:
        return right
    if not right:
        return left
    if _is_wide(left[-1]) or _is_wide(right[0]):
        return left + right
    return f"{left} {right}"


def _is_wide(ch: str) -> bool:
    return (
        bool(_CJK_RE.match(ch))
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or ch in "“”‘’"
    )


def _is_closed(text: str) -> bool:
    return bool(_TERMINAL_RE.search(text.rstrip()))


# --- stage 1: bytes -> lines ----------------------------------------------------


#: Bytes that do not occur in text (C0 controls but tab, line feed, vertical
#: tab, form feed, carriage return and escape; DEL).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
#: A file with more than this share of control bytes is binary, not text.
_CONTROL_SHARE = 0.01
_CONVERT_HINT = "convert it to UTF-8, e.g. iconv -f GBK -t UTF-8 in.txt > out.txt"


def detect_encoding(data: bytes, path: Path) -> tuple[str, str]:
    """Decode a text file's bytes, deciding the encoding from the bytes alone.

    In order: UTF-8 (a BOM is dropped); UTF-16 with a BOM; GB18030 (which
    includes GBK and GB2312), strictly, and only when the first non-ASCII
    bytes are not already UTF-8 (so a UTF-8 file with one bad byte is
    reported as such, not misread as GB18030).

    :param data: the file's bytes.
    :param path: the file, for the error message.
    :return: ``(text, encoding)``, the encoding being ``"utf-8"``,
        ``"utf-8-sig"``, ``"utf-16"`` or ``"gb18030"``.
    :raises InputError: if the bytes hold NUL or many control bytes (not a
        text file), or decode in none of those encodings (names the line and
        byte offset of the first bad byte and how to convert the file).

    >>> detect_encoding("网民规模".encode("gbk"), Path("a.txt"))
    ('网民规模', 'gb18030')
    >>> detect_encoding("2024".encode("utf-8-sig"), Path("a.txt"))
    ('2024', 'utf-8-sig')
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(
                path,
                f"has a UTF-16 byte order mark but bad UTF-16 at byte offset {exc.start}; "
                + _CONVERT_HINT,
            ) from exc
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise InputError(
            path,
            f"contains NUL bytes (the first at byte offset {offset}): not a text file "
            "(UTF-16 needs a byte order mark)",
            line=_line_of(data, offset),
        )
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > _CONTROL_SHARE * len(data):
        raise InputError(
            path, f"{controls} of its {len(data)} bytes are control characters: not a text file"
        )
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc.start  # (the error itself is not kept: its frames hold the caller's)
    if not data[:bad].isascii():  # valid UTF-8 up to here: a damaged UTF-8 file
        raise InputError(
            path,
            f"is UTF-8 up to byte offset {bad}, where byte 0x{data[bad]:02x} is not UTF-8; "
            "repair it or save it as UTF-8 again",
            line=_line_of(data, bad),
        )
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        gb_bad = exc.start
    raise InputError(
        path,
        f"is not UTF-8 (byte 0x{data[bad]:02x} at byte offset {bad}), UTF-16 (no byte "
        f"order mark) or GB18030/GBK (byte offset {gb_bad}, line {_line_of(data, gb_bad)}); "
        f"{_CONVERT_HINT} (name its real encoding after -f)",
        line=_line_of(data, bad),
    )


def size_message(size: int, limit: int) -> str:
    """Why a document over the input size limit is refused, and what to do.

    >>> size_message(50 * 2**20, 8 * 2**20).split(";")[0]
    'holds 50.0 MB of text, over the limit of 8.0 MB (CIKG_MAX_INPUT_MB)'
    """
    return (
        f"holds {size / 2**20:.1f} MB of text, over the limit of {limit / 2**20:.1f} MB "
        "(CIKG_MAX_INPUT_MB); split it into smaller documents or raise the limit"
    )


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def bytes_to_lines(data: bytes, path: Path) -> list[str]:
    """Decode a file's bytes to lines (without line ends).

    :param data: the file's bytes, in an encoding :func:`detect_encoding` reads.
    :param path: the file, for the error message.
    :return: the lines; ``lines[0]`` is line 1.
    :raises InputError: as :func:`detect_encoding`.
    """
    text, _ = detect_encoding(data, path)
    return _split_lines(text)


def _split_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# --- stage 2: front matter --------------------------------------------------------


def split_front_matter(lines: Sequence[str], path: Path) -> tuple[FrontMatter | None, int]:
    """Parse YAML front matter (``---`` on line 1 … ``---``).

    :return: the front matter (or ``None``) and the number of lines it takes.
    :raises InputError: if the front matter is not closed or not valid YAML.
    """
    if not lines or lines[0].strip() != "---":
        return None, 0
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            break
    else:
        raise InputError(path, "front matter opened with '---' is never closed", line=1)
    try:
        data = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        raise InputError(path, f"front matter is not valid YAML: {exc}", line=1) from exc
    if not isinstance(data, dict):
        raise InputError(path, "front matter must be a mapping of keys to values", line=1)
    values = {str(k): str(v) for k, v in data.items() if v is not None}
    known = {k: values.pop(k, None) for k in ("title", "url", "source", "date")}
    return FrontMatter(**known, extra=values), end + 1


# --- stage 3: boilerplate and furniture -------------------------------------------


def find_boilerplate(lines: Sequence[str], start: int, front: FrontMatter | None) -> set[int]:
    """Indexes (0-based) of lines to leave out.

    - Web pages: the tail from the first :data:`WEB_TAIL_MARKERS` line on,
      with the promotion block (bold lines, images, promo cues) just above it;
      image lines; lines with a :data:`WEB_PROMO_CUES` cue; a line repeating
      the front matter's ``source`` (the account name); a second copy of the
      title heading (a markdown heading repeating the one before it with only
      blank or left-out lines between; one repeated further on, such as
      ``## 一、总体发展状况`` in two chapters of a report, is a section of its
      own).
    - Page furniture: short lines repeated three times or more, outside the
      first page, that are neither notes, numbers, dates nor headings (running
      headers such as ``第 55 次中国互联网络发展状况统计报告``); bare page
      numbers.
    """
    dropped: set[int] = set()
    stripped = [ln.strip() for ln in lines]
    tail = next((i for i in range(start, len(lines)) if stripped[i] in WEB_TAIL_MARKERS), None)
    if tail is not None:
        dropped.update(range(tail, len(lines)))
        i = tail - 1
        while i >= start and (
            not stripped[i]
            or _BOLD_LINE_RE.match(stripped[i])
            or _IMAGE_RE.match(stripped[i])
            or any(cue in stripped[i] for cue in WEB_PROMO_CUES)
        ):
            dropped.add(i)
            i -= 1
    last_heading: str | None = None  # the heading above, with no text kept since
    for i in range(start, len(lines)):
        s = stripped[i]
        if not s or i in dropped:
            continue
        if (
            _IMAGE_RE.match(s)
            or any(cue in s for cue in WEB_PROMO_CUES)
            or (front is not None and front.source and s == front.source.strip())
        ):
            dropped.add(i)
        elif s.startswith("#"):
            if s == last_heading:
                dropped.add(i)
            last_heading = s
        elif _PAGE_NUMBER_RE.match(s):
            dropped.add(i)
        else:
            last_heading = None
    counts = Counter(s for s in stripped[start:] if s)
    for i in range(start, len(lines)):
        s = stripped[i]
        if counts[s] >= 3 and _is_furniture_candidate(s):
            dropped.add(i)
    return dropped


def _is_furniture_candidate(s: str) -> bool:
    return (
        len(s) <= 60
        and "\t" not in s
        and not _NOTE_RE.match(s)
        and not re.fullmatch(r"[\d.,%\s年月日-]+", s)
        and _heading_level(s) is None
        and not _SENTENCE_PUNCT_RE.search(s.replace("'", ""))
    )


# --- stage 4: cover ----------------------------------------------------------------


def split_cover(lines: Sequence[str], start: int) -> tuple[tuple[tuple[int, str], ...], int]:
    """The title page: lines before 前言/摘要/目录 or the first numbered heading.

    Only documents without front matter have one. At most 40 lines are
    looked at; a document whose first 40 lines hold no such heading has no
    cover (its first lines are body text).

    :return: ``((line_number, text), …)`` of the non-blank cover lines, and
        the index of the first body line.
    """
    for i in range(start, min(len(lines), start + 40)):
        key = "".join(lines[i].split())
        if key and (
            (_FRONT_SECTION_RE.match(key) and len(key) <= 20 and "\t" not in lines[i])
            or _heading_level(lines[i].strip()) == 1
        ):
            cover = tuple((j + 1, lines[j].strip()) for j in range(start, i) if lines[j].strip())
            return cover, i
    return (), start


# --- stage 5: lines -> blocks ----------------------------------------------------


def _heading_level(s: str) -> int | None:
    if "\t" in s:
        return None
    m = _MD_HEADING_RE.match(s)
    if m:
        return len(m.group(1))
    if _BOLD_LINE_RE.match(s) and len(s) <= 44 and not _is_closed(s.strip("*")):
        return 2
    for pattern, level, longest in _HEADING_PATTERNS:
        if pattern.match(s) and len(s) <= longest and not _is_closed(s):
            return level
    return None


def _heading_text(s: str) -> str:
    m = _MD_HEADING_RE.match(s)
    if m:
        s = m.group(2)
    return s.strip("*").strip()


@dataclass
class _Para:
    kind: BlockKind
    lines: list[str]
    first: int
    last: int
    section: str | None

    @property
    def text(self) -> str:
        if _is_name_list(self.lines):
            return "\n".join(ln.strip() for ln in self.lines)
        text = ""
        for ln in self.lines:
            text = join_lines(text, ln)
        return text


#: Punctuation and digits: a line holding none is a name or a title, not prose.
_PROSE_MARK_RE = re.compile(r"[，。；：、！？,.;:!?（）()《》“”\d]")


def _is_name_list(lines: Sequence[str]) -> bool:
    """Whether a paragraph's lines are a list of names, one a line (附录: 调查支持
    单位 — 工业和信息化部 / 国家互联网信息办公室 / …): three or more short lines
    with no punctuation or digit at all and of different lengths, which wrapped
    prose never is (its lines but the last fill the width, and it has
    punctuation). Such lines keep their breaks: joined, 中央机构编制委员会办公室政务
    和公益机构域名注册服务中心中国信息通信研究院 would read as one name.

    >>> _is_name_list(["工业和信息化部", "国家互联网信息办公室", "国家统计局"])
    True
    >>> _is_name_list(["数字中国发展的根基进一步夯实", "数字基础设施建设加快推进"])
    False
    """
    bare = [ln.strip() for ln in lines]
    return (
        len(bare) >= 3
        and all(0 < len(ln) <= 30 and not _PROSE_MARK_RE.search(ln) for ln in bare)
        and max(map(len, bare[:-1])) - min(map(len, bare[:-1])) >= 3
    )


@dataclass
class _Table:
    label: str | None
    caption: str | None
    caption_line: str | None
    rows: list[tuple[str, ...]]
    notes: list[list[str]]
    first: int
    last: int
    section: str | None
    repeat: int = 0  # header rows matched so far in a continuation
    continuing: bool = False  # rows continue it after its notes (the layout said so)


def _same_row(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Rows equal but for white space (a repeated header may be spaced anew)."""
    return ["".join(c.split()) for c in a] == ["".join(c.split()) for c in b]


def _has_number(row: tuple[str, ...]) -> bool:
    return any(_NUMERIC_CELL_RE.match(c) for c in row[1:])


def lines_to_blocks(
    lines: Sequence[str],
    start: int,
    dropped: set[int],
    *,
    continued: Set[int] = frozenset(),
    new_tables: Set[int] = frozenset(),
) -> list[Block]:
    """Classify and assemble the body lines into blocks.

    :param lines: all lines of the file (``lines[0]`` is line 1).
    :param start: index of the first body line.
    :param dropped: indexes of lines to leave out (boilerplate, furniture).
    :param continued: indexes of table rows that the layout says continue the
        table before them (a PDF table broken by a page, its header not
        repeated: same columns at the same x-positions): appended to the open
        table even after its notes.
    :param new_tables: indexes of table rows that the layout says start a
        table of their own (other columns than the table before them).
    :return: blocks in reading order (a paragraph broken by a page break is
        one block placed where it starts).

    Rules, each from the seeds' layout:

    - A line whose tab-separated parts are mostly sentences (at least two
      parts; most of them 15 characters or more and holding 。！？) is prose
      whose paragraphs a saved web page separated by tabs: each part is a
      paragraph.
    - Any other line with a tab is a table row; rows after a 表 N / 附表 N caption
      (blank lines allowed) form that table. After a footnote or page break,
      a row equal to the table's first row starts a continuation: its rows are
      appended and the repeated header is dropped (001 表 5, 表 6).
    - Leading rows with no numeric cell are header rows (two-row headers such
      as 001 附表 6).
    - 来源/数据来源/注 lines under a table or figure caption are its notes;
      a line directly under a note (no blank) continues it, unless it is a
      heading.
    - ``¹²`` / ``[n]`` at the start of a line is a footnote.
    - Consecutive non-blank lines form one paragraph; a paragraph whose last
      line is long and ends without terminal punctuation continues after
      blank lines, footnotes and furniture (a sentence broken by a page).
    - A run of ``title<TAB>page`` lines after 目录 is a table of contents.
    - A numbered line whose label runs into its text after a colon
      (1.参与部门：以贵州省发改委牵头，…) opens a paragraph; it is no heading
      (CAICT's 中国数字经济发展报告（2022年） p. 14).
    """
    blocks: list[tuple[int, Block]] = []
    section: str | None = None
    para: _Para | None = None  # the open paragraph, if any
    table: _Table | None = None  # the table or figure that may still get notes/rows
    note_open = False  # last line was a note line of ``table``: a continuation may follow
    in_toc = False
    prev_blank = True

    def emit(order_line: int, block: Block) -> None:
        blocks.append((order_line, block))

    def close_para() -> None:
        nonlocal para
        if para is not None:
            emit(para.first, _para_block(para))
            para = None

    def close_table() -> None:
        nonlocal table, note_open
        if table is not None:
            emit(table.first, _table_block(table))
            table = None
        note_open = False

    n = len(lines)
    i = start
    while i < n:
        raw = lines[i]
        s = raw.strip()
        lineno = i + 1
        i += 1
        if i - 1 in dropped:
            continue
        if not s:
            prev_blank = True
            note_open = False
            continue
        blank_before, prev_blank = prev_blank, False

        # table of contents --------------------------------------------------
        if _TOC_HEADING_RE.match("".join(s.split())):
            close_para()
            close_table()
            in_toc = True
            emit(lineno, _heading(s, lineno, 1, section))
            section = _heading_text(s)
            continue
        if in_toc:
            if _TOC_ENTRY_RE.match(s):
                emit(lineno, Block(BlockKind.TOC, s, lineno, lineno, section=section))
                continue
            in_toc = False

        if _TOC_LEADER_RE.match(s):
            emit(lineno, Block(BlockKind.TOC, s, lineno, lineno, section=section))
            continue

        # footnotes: never break an open paragraph or table ----------------------
        m = _FOOTNOTE_SUP_RE.match(s) or _FOOTNOTE_BRACKET_RE.match(s)
        if m:
            note_open = False
            marker = superscript_to_ascii(m.group(1))
            emit(lineno, Block(BlockKind.FOOTNOTE, s, lineno, lineno, section, marker=marker))
            continue

        # table rows ------------------------------------------------------------
        if "\t" in raw:
            row = tuple(c.strip() for c in raw.rstrip("\n").split("\t"))
            row = _trim_row(row)
            close_para()
            if _is_prose_row(row):  # tabs for paragraph breaks (a saved web page)
                close_table()
                for part in row:
                    if part:
                        emit(lineno, Block(BlockKind.PARAGRAPH, part, lineno, lineno, section))
                continue
            if lineno - 1 in new_tables and table is not None and table.rows:
                close_table()
                table = _Table(None, None, None, [row], [], lineno, lineno, section)
            elif table is not None and table.rows and _same_row(row, table.rows[0]):
                # a continuation after a page break repeats the header
                table.last = lineno
                table.repeat = 1
            elif (
                table is not None
                and 0 < table.repeat < len(table.rows)
                and _same_row(row, table.rows[table.repeat])
                and not _has_number(row)
            ):
                table.last = lineno  # the second row of a repeated two-row header
                table.repeat += 1
            elif (
                (table is not None and table.rows and (not table.notes or table.continuing))
                or (table is not None and table.rows and lineno - 1 in continued)
                or (table is not None and not table.rows and table.label and table.label[0] != "图")
            ):
                table.continuing = table.continuing or lineno - 1 in continued
                table.rows.append(row)
                table.last = lineno
                table.repeat = 0
            else:
                close_table()
                table = _Table(None, None, None, [row], [], lineno, lineno, section)
            continue

        # notes under a table or figure ----------------------------------------
        if _NOTE_RE.match(s):
            close_para()
            if table is not None:
                table.notes.append([s])
                table.last = lineno
                table.continuing = False
                note_open = True
            else:
                emit(lineno, Block(BlockKind.NOTE, s, lineno, lineno, section))
            continue
        if (
            note_open
            and table is not None
            and not blank_before
            and not _CAPTION_RE.match(s)
            and _heading_level(s) is None  # （三）数字技术…: the next section, not the note
        ):
            table.notes[-1].append(s)
            table.last = lineno
            continue

        # captions ---------------------------------------------------------------
        m = _CAPTION_RE.match(s)
        if m and len(s) <= 80 and not _is_closed(s):
            close_para()
            close_table()
            kind, num, rest = m.groups()
            table = _Table(
                f"{kind} {num}", rest.strip() or None, s, [], [], lineno, lineno, section
            )
            continue

        # headings -----------------------------------------------------------------
        level = _heading_level(s)
        if level == 4 and _RUN_IN_RE.match(s):
            # 4.数据测算方法：…由省大数据局与中 | 国信息通信研究院…: a run-in item, the
            # first line of its paragraph (a heading would cut 中国 in two)
            close_para()
            close_table()
            para = _Para(BlockKind.PARAGRAPH, [s], lineno, lineno, section)
            continue
        if level == 4 and para is not None and not blank_before:
            level = None  # "4 亿人，较…" continues a wrapped line; it is no "4. …" heading
        if level is None and _is_generic_heading(s, lines, i, dropped, para):
            level = 1
        if level is not None:
            close_para()
            close_table()
            emit(lineno, _heading(s, lineno, level, section))
            section = _heading_text(s)
            continue

        # paragraphs and list items -------------------------------------------------
        if table is not None:
            close_table()
        kind = BlockKind.LIST_ITEM if _LIST_RE.match(s) else BlockKind.PARAGRAPH
        if para is not None and kind is BlockKind.PARAGRAPH and para.kind is BlockKind.PARAGRAPH:
            last = para.lines[-1]
            # a wrapped line that ends in ； goes on with the sentence (003: …同比增长 1.5
            # 倍；⏎⏎网络微短剧用户规模达 6.62 亿人: still 截至 2024 年底's)
            open_ended = not _is_closed(last) or last.rstrip().endswith(("；", ";"))
            continues = not blank_before or (open_ended and len(last) >= _WRAPPED_MIN)
            if continues:
                para.lines.append(s)
                para.last = lineno
                continue
        close_para()
        para = _Para(kind, [s], lineno, lineno, section)
        if kind is BlockKind.LIST_ITEM:
            close_para()
    close_para()
    close_table()
    blocks.sort(key=lambda pair: pair[0])
    return [b for _, b in blocks]


def _is_generic_heading(
    s: str, lines: Sequence[str], nxt: int, dropped: set[int], para: _Para | None
) -> bool:
    """A short line without sentence punctuation, followed (after blanks) by
    a longer text line, that does not continue an open wrapped paragraph."""
    if len(s) > _GENERIC_HEADING_MAX or _SENTENCE_PUNCT_RE.search(s) or not _CJK_RE.search(s):
        return False
    if _LIST_RE.match(s) or s[0].isdigit():
        return False
    if para is not None and not _is_closed(para.lines[-1]) and len(para.lines[-1]) >= _WRAPPED_MIN:
        return False
    if (nxt < len(lines) and lines[nxt].strip()) or (nxt >= 2 and lines[nxt - 2].strip()):
        return False  # a heading stands alone, with blank lines around it
    for j in range(nxt, min(len(lines), nxt + 6)):
        following = lines[j].strip()
        if j in dropped or not following:
            continue
        return len(following) > len(s) + 10 and "\t" not in following
    return False


_SENTENCE_TERMINAL_RE = re.compile(r"[。！？!?]")


def _is_prose_row(row: tuple[str, ...]) -> bool:
    """Whether a tab-separated line is paragraphs, not table cells: most of its
    non-empty parts are sentences (15 characters or more, with 。！？)."""
    parts = [c for c in row if c]
    sentences = [c for c in parts if len(c) >= 15 and _SENTENCE_TERMINAL_RE.search(c)]
    return len(parts) >= 2 and 2 * len(sentences) > len(parts)


def _trim_row(row: tuple[str, ...]) -> tuple[str, ...]:
    end = len(row)
    while end > 1 and not row[end - 1]:
        end -= 1
    return row[:end]


def _heading(s: str, lineno: int, level: int, section: str | None) -> Block:
    return Block(BlockKind.HEADING, _heading_text(s), lineno, lineno, section, level=level)


def _para_block(p: _Para) -> Block:
    return Block(p.kind, p.text, p.first, p.last, p.section)


_NUMERIC_CELL_RE = re.compile(r"^[-+−]?[\d,，.]+\s*%?")


def _table_block(t: _Table) -> Block:
    notes = tuple(_join_all(part) for part in t.notes)
    if t.label and t.label.startswith("图"):
        return Block(
            BlockKind.CAPTION,
            "\n".join([t.caption_line or "", *notes]).strip(),
            t.first,
            t.last,
            t.section,
            label=t.label,
            caption=t.caption,
            notes=notes,
        )
    header = 1
    while header < len(t.rows) and not any(_NUMERIC_CELL_RE.match(c) for c in t.rows[header][1:]):
        header += 1
    if header == len(t.rows) and len(t.rows) > 1:
        header = 1  # no numeric cells at all (a list of names): first row only
    text_lines = ([t.caption_line] if t.caption_line else []) + ["\t".join(r) for r in t.rows]
    return Block(
        BlockKind.TABLE,
        "\n".join([*text_lines, *notes]),
        t.first,
        t.last,
        t.section,
        label=t.label,
        caption=t.caption,
        rows=tuple(t.rows),
        header_rows=min(header, len(t.rows)),
        notes=notes,
    )


def _join_all(parts: Iterable[str]) -> str:
    text = ""
    for part in parts:
        text = join_lines(text, part)
    return text


# --- the whole loader ------------------------------------------------------------------


def read_input(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of an input file.

    :param max_bytes: the largest file read; ``None`` for no limit.
    :raises InputError: if the file is larger than ``max_bytes`` or cannot be
        read (the message names the file).
    """
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(path, size_message(size, max_bytes))
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from exc


def load_text(path: Path, max_bytes: int | None = None) -> Document:
    """Load a text or markdown report.

    :param path: a ``.txt`` or ``.md`` file, in an encoding
        :func:`detect_encoding` reads (UTF-8, UTF-16 with BOM, GB18030).
    :param max_bytes: the largest file read; ``None`` for no limit.
    :return: the document: blocks in reading order with their line numbers,
        the front matter (web articles), the cover lines (reports), the
        encoding it was decoded from.
    :raises InputError: if the file is larger than ``max_bytes``, cannot be
        read or decoded, is not text, or its front matter is malformed (the
        message names the file and line).
    """
    data = read_input(path, max_bytes)
    text, encoding = detect_encoding(data, path)
    if not text.strip():
        raise InputError(path, "is empty: it holds no text")
    return lines_to_document(path, hashlib.sha256(data).hexdigest(), _split_lines(text), encoding)


def lines_to_document(
    path: Path,
    sha256: str,
    lines: Sequence[str],
    encoding: str | None,
    front: FrontMatter | None = None,
) -> Document:
    """Stages 2-5 on decoded lines (a text file's, or a web page's main
    content as :func:`cikg.load.html.html_to_lines` gives it).

    :param sha256: hex SHA-256 of the input file's bytes.
    :param front: front matter from elsewhere (a web page's metadata); when
        ``None``, YAML front matter at the top of ``lines`` is read.
    :return: the document.
    :raises InputError: if the front matter is malformed.
    """
    start = 0
    if front is None:
        front, start = split_front_matter(lines, path)
    cover: tuple[tuple[int, str], ...] = ()
    body = start
    if front is None:
        cover, body = split_cover(lines, start)
    dropped = find_boilerplate(lines, body, front)
    blocks = lines_to_blocks(lines, body, dropped)
    return Document(
        path=path,
        sha256=sha256,
        blocks=tuple(blocks),
        front_matter=front,
        cover=cover,
        dropped_lines=sum(1 for i in dropped if lines[i].strip()),
        encoding=encoding,
    )
