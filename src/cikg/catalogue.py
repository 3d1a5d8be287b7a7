"""The indicator catalogue's two tools: the canonical key of a wording and
an English label composed from a bilingual glossary.

Reports name one indicator many ways: 5G基站数量, 5G 基站数, 已累计建成5G基站
数量, 我国5G基站总数. The curated wording rules
(``ontology/reference/wording-rules.ttl``: a pattern, its replacement, an
order and an example each) reduce every wording to one **canonical
wording** (5G基站数); its :func:`~cikg.iris.normalise_key` is the
**key**. Two wordings with one key name one concept: the catalogue is
matched by key, and a wording no curated concept has is minted once per
key, as a *candidate* for curation.

A candidate's English label is **composed** from the curated glossary
(``ontology/reference/glossary.ttl``: Chinese terms with the English they
take inside an indicator label): 网络购物用户数 is 网络购物 + 用户 + 数,
"number of online shopping users". A wording with a term the glossary
lacks has no composed label; the missing terms are reported, so the
glossary grows where the data needs it (``cikg indicators --untranslated``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cikg.iris import normalise_key
from cikg.wording import display_form

__all__ = ["Composition", "Glossary", "WordingRule", "canonical_wording", "wording_key"]


@dataclass(frozen=True, slots=True)
class WordingRule:
    """One curated wording equivalence (a ``cikg:wordingPattern`` concept).

    :param order: its ``skos:notation``: rules apply in ascending order.
    :param pattern: what it replaces (Python ``re`` syntax).
    :param replacement: what replaces it (``re.sub`` syntax).
    :param example: its ``skos:example`` (``left → right``).
    """

    order: int
    pattern: re.Pattern[str]
    replacement: str
    example: str = ""


def canonical_wording(wording: str, rules: tuple[WordingRule, ...]) -> str:
    """A wording with the rules applied in order, as a label (case kept).

    :param wording: an indicator wording as a document writes it.
    :param rules: the curated rules, sorted by order.
    :return: the canonical wording; the wording's display form when the
        rules would leave nothing.

    >>> from cikg.reference import load_reference
    >>> rules = load_reference().wording_rules
    >>> canonical_wording("我国已累计建成 5G 基站数量", rules)
    '5G基站数'
    >>> canonical_wording("“.CN”域名总数", rules)
    '.CN域名数'
    >>> canonical_wording("移动用户ARPU3", rules)
    '移动用户ARPU'
    >>> canonical_wording("支付类APP7点到22点间使用时长", rules)
    '支付类APP7点到22点间使用时长'
    """
    shown = display_form(wording)
    text = shown
    for rule in rules:
        text = rule.pattern.sub(rule.replacement, text)
    return text.strip() or shown


def wording_key(wording: str, rules: tuple[WordingRule, ...]) -> str:
    """The key two wordings of one indicator share:
    :func:`~cikg.iris.normalise_key` of :func:`canonical_wording`.

    >>> from cikg.reference import load_reference
    >>> rules = load_reference().wording_rules
    >>> wording_key("网络购物用户规模", rules) == wording_key("网络购物的用户数量", rules)
    True
    """
    return normalise_key(canonical_wording(wording, rules))


@dataclass(frozen=True, slots=True)
class Composition:
    """An English label composed for a wording, or the terms that stopped it.

    :param english: the label (first letter upper case), or ``None``.
    :param missing: the runs of Chinese the glossary does not cover, in order.
    """

    english: str | None
    missing: tuple[str, ...] = ()


#: English heads that take what they measure after "of" (数量 number: the
#: number of 5G base stations). Grammar of English labels, not curated data.
_OF_HEADS = frozenset(
    {
        "number",
        "total number",
        "proportion",
        "share",
        "percentage",
        "value",
        "total value",
        "total volume",
        "volume",
        "amount",
        "size",
        "scale",
    }
)
_LATIN_RE = re.compile(r"\.?[A-Za-z0-9][A-Za-z0-9.+\-/_%]*")
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
#: Punctuation between terms and what it becomes in English ("" drops it).
_PUNCTUATION = {"、": ",", "，": ",", "/": "/", "（": "(", "(": "(", "）": ")", ")": ")"}
_SHARE_OF = "占"  # X 占 Y 的比例: the share of X in Y


@dataclass(frozen=True, slots=True)
class Glossary:
    """The curated bilingual terms (``id:scheme/glossary``).

    :param terms: :func:`~cikg.iris.normalise_key` of every Chinese term
        and spelling (prefLabel and altLabel @zh) -> its English.
    """

    terms: dict[str, str]

    def compose(self, wording: str) -> Composition:
        """An English label for a (canonical) wording, term by term.

        The wording is read left to right, the longest glossary term first;
        Latin runs (5G, IPv6, .CN) are kept; 的 and quotation marks are
        left out. The English follows the Chinese order, except that a
        final measure head comes first with "of" (… 数 -> number of …) and
        X 占 Y 的比例 reads "share of X in Y".

        :param wording: an indicator wording, best its canonical form.
        :return: the composed label, or ``None`` with the missing terms.

        >>> from cikg.reference import load_reference
        >>> glossary = load_reference().glossary
        >>> glossary.compose("网络购物用户数").english
        'Number of online shopping users'
        >>> glossary.compose("5G基站数").english
        'Number of 5G base stations'
        >>> glossary.compose("农村网民占网民整体的比例").english
        'Proportion of rural internet users in all internet users'
        >>> glossary.compose("某某奇怪乙丙数").missing
        ('某某奇怪乙丙',)
        >>> glossary.compose("以旧换新对实物商品网上零售额增长的拉动").english
        'Contribution of trade-in to the growth of physical goods online retail sales'
        """
        text = display_form(wording)
        pull = _PULL_RE.fullmatch(text)
        if pull:  # A 对 B 增长的拉动: the contribution of A to B's growth
            by, of = self.compose(pull["by"]), self.compose(pull["of"])
            if by.english and of.english:
                return Composition(
                    f"Contribution of {_lower_first(by.english)} to the growth of "
                    f"{_lower_first(of.english)}"
                )
            return Composition(None, by.missing + of.missing)
        pieces: list[str] = []
        missing: list[str] = []
        gap = ""
        longest = max((len(t) for t in self.terms), default=1)
        i = 0
        while i < len(text):
            latin = _LATIN_RE.match(text, i)
            if latin:
                gap = _close_gap(gap, missing)
                pieces.append(latin.group(0))
                i = latin.end()
                continue
            ch = text[i]
            if not _CJK_RE.match(ch):
                gap = _close_gap(gap, missing)
                if ch in _PUNCTUATION:
                    pieces.append(_PUNCTUATION[ch])
                i += 1
                continue
            for size in range(min(longest, len(text) - i), 0, -1):
                english = self.terms.get(normalise_key(text[i : i + size]))
                if english is not None:
                    break
            else:
                english, size = None, 1
            if english is None and ch == _SHARE_OF:
                gap = _close_gap(gap, missing)
                pieces.append(_SHARE_OF)
            elif english is None and ch == "的":
                gap = _close_gap(gap, missing)
            elif english is None:
                gap += ch
            else:
                gap = _close_gap(gap, missing)
                if english:
                    pieces.append(english)
            i += size
        _close_gap(gap, missing)
        if missing:
            return Composition(None, tuple(missing))
        label = _arrange(pieces)
        return Composition(label[:1].upper() + label[1:] if label else None)


#: A contribution to a growth (重点商品以旧换新对实物商品网上零售额增长的拉动).
_PULL_RE = re.compile(r"(?P<by>.+?)对(?P<of>.+?)增长的?拉动")


def _lower_first(text: str) -> str:
    """``text`` with its first letter in lower case, unless it opens an
    acronym or a code (IPv6, 5G, CNNIC)."""
    return text if text[1:2].isupper() or not text[:1].isalpha() else text[:1].lower() + text[1:]


def _close_gap(gap: str, missing: list[str]) -> str:
    if gap:
        missing.append(gap)
    return ""


def _join(pieces: list[str]) -> str:
    text = " ".join(p for p in pieces if p)
    text = re.sub(r"\s+([,)/])", r"\1", text)
    text = re.sub(r"([(/])\s+", r"\1", text)
    return re.sub(r"\s+", " ", text).strip(" ,")


def _arrange(pieces: list[str]) -> str:
    """English order for pieces in Chinese order (see :meth:`Glossary.compose`)."""
    if _SHARE_OF in pieces:
        at = pieces.index(_SHARE_OF)
        part, whole = pieces[:at], [p for p in pieces[at + 1 :] if p != _SHARE_OF]
        head = whole.pop() if whole and whole[-1] in _OF_HEADS else "share"
        return f"{head} of {_arrange(part)} in {_arrange(whole)}"
    if len(pieces) > 1 and pieces[-1] in _OF_HEADS:
        return f"{pieces[-1]} of {_join(pieces[:-1])}"
    return _join(pieces)
