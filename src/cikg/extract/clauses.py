"""A paragraph's sentences and clauses, as spans of its text.

Statistical prose strings figures along a sentence, one clause each, with
the context (period, area, the thing measured) set once and flowing on:
截至 2024 年 12 月，我国网络购物用户规模达 9.74 亿人，较 2023 年 12 月增长
5947 万人，占网民整体的 88.0%。 The rules:

- A **sentence** runs to 。！？ (and the closing quotes or brackets after
  them), not to a line break: the loaders join hard-wrapped lines, and a
  sentence a PDF or a text file wraps is one sentence.
- A sentence splits into **clauses** at ，；：and their ASCII forms. ；
  separates coordinate statements (a *strong* boundary: each usually names
  its own subject); ，and ：are weak. The context flows across both.
- ASCII , and : inside a number (30,000 个, 21:49) cut nothing.
- Nothing splits inside brackets, quotes or 《》 titles; an opening mark
  never closed in the sentence is no bracket (it would swallow the rest).

Spans are offsets into the paragraph, so ``text[c.start:c.end]`` is the
clause verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Clause", "Sentence", "text_to_sentences"]

_OPEN = "（(《“‘「『【["
_CLOSE = "）)》”’」』】]"
_PAIRS = dict(zip(_OPEN, _CLOSE, strict=True))
_SENTENCE_END = "。！？!?"
_CLAUSE_END = "，,；;：:"
_STRONG = "；;"
_TRAILING = _CLOSE + "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SPACE_RE = re.compile(r"\s")
#: ASCII , and : inside a number (30,000; a clock time 21:49) cut nothing.
_IN_NUMBER_RE = re.compile(r"(?<=\d)(?:,\d{3}(?!\d)|:\d{2}(?!\d))")
#: What makes a quotation that ends a sentence (…。”) reported speech rather
#: than a name, a slogan or a survey's answer: a clause's end and a figure
#: inside it.
_SPEECH_RE = re.compile(r"[，；。].*\d|\d.*[，；。]")


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause: ``text[start:end]``, without its closing punctuation.

    :param start: offset of its first character in the paragraph.
    :param end: offset after its last character.
    :param strong: whether a ；(not a ，or ：) closes it.
    :param colon: whether a ：closes it (数据显示：…, a frame for what follows).
    """

    start: int
    end: int
    strong: bool = False
    colon: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its span (closing punctuation included) and its clauses."""

    start: int
    end: int
    clauses: tuple[Clause, ...]


def _unclosed(text: str, start: int, end: int) -> set[int]:
    """Offsets of opening marks that open nothing: those not closed before
    ``end``, and the quotation marks of reported speech (a quoted sentence
    holding a clause's punctuation and a figure: “目前已实现 309 项高频事项智慧受理、
    在线帮办，3200 余项事项 24 小时咨询引导…。”马学凯说), whose clauses are read as
    any; not a survey's answer (认为“5G 基站覆盖有限，基本上还是 4G 信号”)."""
    stack: list[int] = []
    speech: set[int] = set()
    for i in range(start, end):
        ch = text[i]
        if ch in _PAIRS and not (ch == "“" and stack and text[stack[-1]] == "“"):
            stack.append(i)
        elif ch in _CLOSE:
            for j in range(len(stack) - 1, -1, -1):
                if _PAIRS[text[stack[j]]] == ch:
                    opened = stack[j]
                    if (
                        ch == "”"
                        and text[i - 1] in "。！？"
                        and _SPEECH_RE.search(text, opened + 1, i)
                    ):
                        speech.add(opened)
                    del stack[j:]
                    break
    return set(stack) | speech


def _spans(text: str, start: int, end: int, cuts: str) -> list[tuple[int, int, str]]:
    """Split ``text[start:end]`` after each character of ``cuts`` met outside
    brackets: ``(start, end, the cutting character or "")``."""
    unclosed = _unclosed(text, start, end)
    spans: list[tuple[int, int, str]] = []
    depth: list[str] = []
    piece = start
    i = start
    while i < end:
        ch = text[i]
        if ch in _PAIRS and i not in unclosed and not (ch == "“" and depth and depth[-1] == "”"):
            depth.append(_PAIRS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif not depth and ch in cuts and not _IN_NUMBER_RE.match(text, i):
            j = i + 1
            if ch in _SENTENCE_END:
                while j < end and text[j] in _TRAILING:
                    j += 1
            spans.append((piece, j, ch))
            piece = j
            i = j
            continue
        i += 1
    if text[piece:end].strip():
        spans.append((piece, end, ""))
    return spans


def text_to_sentences(text: str) -> list[Sentence]:
    """The sentences of a paragraph and the clauses of each.

    :param text: a paragraph or list item (wrapped lines already joined).
    :return: sentences in order; clauses keep their text's offsets and leave
        out the punctuation that closes them and surrounding white space.

    >>> t = "截至 2024 年 12 月，网民规模达 11.08 亿人；互联网普及率达 78.6%。其中，农村网民…"
    >>> [[t[c.start:c.end] for c in s.clauses] for s in text_to_sentences(t)]
    [['截至 2024 年 12 月', '网民规模达 11.08 亿人', '互联网普及率达 78.6%'], ['其中', '农村网民…']]
    >>> t = "印发《关于推进数字中国的指导意见，截至 2024 年，网民规模达 11 亿人。"
    >>> [t[c.start:c.end] for c in text_to_sentences(t)[0].clauses][-1]
    '网民规模达 11 亿人'
    """
    sentences = []
    for s_start, s_end, _ in _spans(text, 0, len(text), _SENTENCE_END):
        clauses = []
        for c_start, c_end, cut in _spans(text, s_start, s_end, _CLAUSE_END + _SENTENCE_END):
            body_end = c_end - 1 if cut else c_end
            while body_end > c_start and (
                text[body_end - 1] in _SENTENCE_END or _SPACE_RE.match(text[body_end - 1])
            ):
                body_end -= 1
            while c_start < body_end and _SPACE_RE.match(text[c_start]):
                c_start += 1
            if body_end > c_start:
                clauses.append(Clause(c_start, body_end, cut in _STRONG, cut in "：:"))
        if clauses:
            sentences.append(Sentence(s_start, s_end, tuple(clauses)))
    return sentences
