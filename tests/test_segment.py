"""The segmenter: jieba with the curated names, its readings remembered."""

from __future__ import annotations

from pathlib import Path

import jieba.posseg

from cikg.segment import Segmenter

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_remembered_readings_of_unknown_runs_are_jiebas_own(segmenter: Segmenter) -> None:
    """The HMM reading of a run of characters jieba's dictionary lacks is
    remembered across texts (a clause, its lead and its subject share runs);
    every clause of a seed paragraph, tagged once and again, reads exactly as
    jieba's own part-of-speech tokenizer over the same dictionary reads it."""
    paragraph = next(
        line
        for line in (SEEDS / "004_46b952fdc969bf60.txt").read_text("utf-8").splitlines()
        if "钉钉在疫情期间用户突破" in line
    )
    clauses = [c for c in paragraph.replace("。", "，").split("，") if c]
    # jieba's own tokenizer over the segmenter's dictionary and tags, nothing remembered
    plain = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    plain.tokenizer, plain.word_tag_tab = segmenter._tokenizer, segmenter._pos.word_tag_tab
    expected = [[(p.word, p.flag) for p in plain.cut(c)] for c in clauses]
    for _ in range(2):
        assert [[(t.word, t.tag) for t in segmenter.tagged(c)] for c in clauses] == expected
    # the paragraph has runs the dictionary lacks, read by the HMM
    assert segmenter._pos._unknown_runs
