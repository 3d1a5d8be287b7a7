"""Chinese word segmentation with a jieba tokenizer of our own.

The segmenter owns its ``jieba.Tokenizer`` instance (jieba's global one is
never touched) and adds every curated name from ``ontology/`` to it, so that
工业和信息化部, 网络购物用户规模 and 新疆生产建设兵团 stay whole. Tokens keep their
character offsets in the input.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import jieba
import jieba.posseg

from cikg.reference import Reference

__all__ = ["Segmenter", "Token"]

#: jieba's frequency for curated names: high enough that the whole name wins
#: over its parts in jieba's dynamic programming.
_CURATED_FREQ = 2_000_000
#: Verbs of statistical prose that jieba's dictionary tags otherwise (部署 and
#: 通报 as nouns, 清理 as an adjective, 印发 as a proper noun), so that the
#: grammar finds the predicate: 国家网信办 | 部署 | 开展…, 通报 | 1549 款违规 APP,
#: 责令 | 585 家网站暂停… (责令 and 责令整改 are tagged nouns).
_VERBS = ("部署", "清理", "通报", "汇总", "备案", "印发", "落地", "大力支持", "责令", "责令整改")
#: Words of statistical prose jieba's dictionary tags as persons' names (nr)
#: that name a quality (高水平 high-level, 智慧 smart, 智能化 intelligent): a
#: name found by its structure must not take them for its proper noun (智慧法院
#: is the courts' programme, 高水平研究型大学 a kind of university). Glossary
#: terms jieba tags nr are retagged the same way (a curated term is no name).
_QUALITIES = ("高水平", "智慧", "智能化")
#: How many tagged texts a segmenter remembers: the grammar asks again about
#: the same clause and lead (topic, noun phrase, subject), and tagging costs.
_TAGGED_CACHE = 4096
_CJK_ONLY_RE = re.compile(r"[\u4e00-\u9fff]+")
#: jieba's tags of verbs, prepositions and adverbs: a compound opening with
#: one is a verb phrase (被篡改, 可持续), not a noun.
_VERBAL_TAGS = frozenset({"v", "vd", "p", "d", "ad", "c"})


@dataclass(frozen=True, slots=True)
class Token:
    """A word and where it stands: ``text[start:end] == word``."""

    word: str
    start: int
    end: int
    tag: str = ""


class Segmenter:
    """A jieba tokenizer whose user dictionary is the curated names.

    :param words: extra words, each ``(word, tag)``; tags are jieba's
        (``ns`` place, ``nt`` organisation, ``n`` noun).

    >>> seg = Segmenter([("网络购物用户规模", "n"), ("新疆生产建设兵团", "ns")])
    >>> [t.word for t in seg.tokens("我国网络购物用户规模达9.74亿人")][:3]
    ['我国', '网络购物用户规模', '达']
    >>> seg.tokens("新疆生产建设兵团")[0]
    Token(word='新疆生产建设兵团', start=0, end=8, tag='')
    >>> [(t.word, t.tag) for t in seg.tagged("部署开展")]
    [('部署', 'v'), ('开展', 'v')]
    """

    def __init__(self, words: Iterable[tuple[str, str]] = (), terms: Iterable[str] = ()) -> None:
        self._tokenizer = jieba.Tokenizer()
        freq, total, tags = _jieba_dictionary()
        # jieba's dictionary, copied: the words added below are this segmenter's
        self._tokenizer.FREQ, self._tokenizer.total = dict(freq), total
        self._tokenizer.initialized = True
        for word in _VERBS:  # the word's own frequency: only its tag changes
            self._tokenizer.add_word(word, freq=self._tokenizer.FREQ.get(word), tag="v")
        for word in _QUALITIES:
            self._tokenizer.add_word(word, freq=self._tokenizer.FREQ.get(word), tag="b")
        for word, tag in words:
            if word.strip():
                self._tokenizer.add_word(word.strip(), freq=_CURATED_FREQ, tag=tag or None)
        self._pos = _PosTokenizer(self._tokenizer, tags)
        self._tagged: dict[str, list[Token]] = {}
        self._tokens: dict[str, list[Token]] = {}
        self._add_terms(terms)

    def _add_terms(self, terms: Iterable[str]) -> None:
        """Domain compounds jieba does not know (智能网联汽车, 测试牌照), each
        kept whole with the least frequency that does so (jieba's
        ``suggest_freq``) and the part of speech of its head, its last word
        (智能网联汽车: 汽车 n -> n; 责令整改: 整改 v -> v), so that a
        compound's inner morpheme (联 of 网联) is never read as a predicate.
        A verb head after a nominal modifier is a term all the same, a noun
        (网上零售 online retail, 数据标注 data labelling)."""
        known = self._tokenizer.FREQ
        person = {w for w, tag in self._pos.word_tag_tab.items() if tag == "nr"}
        for term in terms:
            if term in person:  # 智慧: a curated term, no person's name
                self._tokenizer.add_word(term, freq=known.get(term), tag="n")
                continue
            if len(term) < 3 or not _CJK_ONLY_RE.fullmatch(term) or known.get(term):
                continue
            parts = list(self._pos.cut(term))
            head = parts[-1].flag
            if head.startswith("v") and parts[0].flag not in _VERBAL_TAGS:
                head = "n"
            self._tokenizer.add_word(term, freq=None, tag=head)

    @classmethod
    def from_reference(cls, ref: Reference) -> Segmenter:
        """A segmenter whose dictionary holds every curated label and alias
        of organisations (``nt``), regions (``ns``) and indicators (``n``)."""
        words: list[tuple[str, str]] = []
        for names, tag in (
            (ref.org_labels, "nt"),
            (ref.region_labels, "ns"),
            (ref.indicator_labels, "n"),
        ):
            words.extend((name, tag) for name in names)
        return cls(words, ref.glossary.terms)

    def knows(self, word: str) -> bool:
        """Whether ``word`` is in the dictionary (jieba's or a curated name):
        a word the segmenter cut out of an unknown name (恪御 of 码恪御标) is not."""
        return bool(self._tokenizer.FREQ.get(word))

    def frequency(self, word: str) -> int:
        """The frequency jieba's dictionary gives ``word`` (0 for none; curated
        names have their own): how common a word is, 国药 91, 企业 34826."""
        return int(self._tokenizer.FREQ.get(word) or 0)

    def tokens(self, text: str) -> list[Token]:
        """Segment ``text``; offsets index into ``text``. The last few thousand
        texts are remembered, as :meth:`tagged` does (the same list: do not
        change it)."""
        return _remembered(
            self._tokens,
            text,
            lambda: [Token(w, s, e) for w, s, e in self._tokenizer.tokenize(text)],
        )

    def tagged(self, text: str) -> list[Token]:
        """Segment with part-of-speech tags (jieba's tag set). The last few
        thousand texts are remembered (the result is the same list: do not
        change it)."""
        return _remembered(self._tagged, text, lambda: self._tag(text))

    def _tag(self, text: str) -> list[Token]:
        out, pos = [], 0
        for pair in self._pos.cut(text):
            start = text.find(pair.word, pos)
            if start < 0:  # pragma: no cover - jieba returns the text's own characters
                continue
            out.append(Token(pair.word, start, start + len(pair.word), pair.flag))
            pos = start + len(pair.word)
        return out


@cache
def _jieba_dictionary() -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's own dictionary, read once per process and never changed: its
    words' frequencies (with their prefixes), their sum and their
    part-of-speech tags. Each :class:`Segmenter` copies them (0.03 s) where
    reading them again took 1 s (jieba's marshalled cache, then the tag table
    from its dictionary file). The tag table is the one jieba's own
    part-of-speech tokenizer read from the same dictionary file when
    ``jieba.posseg`` was imported (``jieba.posseg.dt``), not a second reading
    of it (0.5 s)."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    shared = jieba.posseg.dt
    same_file = shared.tokenizer.dictionary == tokenizer.dictionary
    tags = shared.word_tag_tab if same_file else jieba.posseg.POSTokenizer(tokenizer).word_tag_tab
    return tokenizer.FREQ, tokenizer.total, tags


class _PosTokenizer(jieba.posseg.POSTokenizer):
    """jieba's part-of-speech tokenizer over ``tokenizer``, its tag table a
    copy of ``tags`` (jieba's, see :func:`_jieba_dictionary`) instead of
    one read from the dictionary file again."""

    def __init__(self, tokenizer: jieba.Tokenizer, tags: dict[str, str]) -> None:
        self.tokenizer = tokenizer
        self.word_tag_tab = dict(tags)
        self._unknown_runs: dict[str, list[jieba.posseg.pair]] = {}

    def _POSTokenizer__cut(self, sentence: str) -> Iterator[jieba.posseg.pair]:
        """jieba's HMM reading (Viterbi) of a run of Chinese characters its
        dictionary does not cover, remembered: it depends on the run alone,
        and the grammar tags many texts that share a run (a clause, its lead,
        its subject). Without it a quarter of reading the seeds went here, on
        runs read four times each. Overrides jieba's private (name-mangled)
        ``POSTokenizer.__cut``, which ``__cut_detail`` calls."""
        runs = self._unknown_runs
        read = runs.get(sentence)
        if read is None:
            if len(runs) >= _TAGGED_CACHE:
                runs.clear()
            read = runs[sentence] = list(super()._POSTokenizer__cut(sentence))
        return iter(read)


def _remembered(
    cache: dict[str, list[Token]], text: str, segment: Callable[[], list[Token]]
) -> list[Token]:
    """``cache[text]``, segmenting it with ``segment`` first when it is not
    there; the cache is emptied when it holds :data:`_TAGGED_CACHE` texts."""
    cached = cache.get(text)
    if cached is not None:
        return cached
    if len(cache) >= _TAGGED_CACHE:
        cache.clear()
    cache[text] = segment()
    return cache[text]
