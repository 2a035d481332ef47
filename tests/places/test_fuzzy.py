"""knowledge/places/fuzzy.py reads pinyin as pypinyin does, from pypinyin's data files, without importing it."""

from __future__ import annotations

import random

import pytest
from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

from knowledge.places import fuzzy

CHARS = [chr(code) for code in sorted(PINYIN_DICT)]
PHRASES = sorted(PHRASES_DICT)


def test_every_character_reads_as_pypinyin_reads_it() -> None:
    wrong = [c for c in CHARS if fuzzy.spoken(c) != lazy_pinyin(c)
             or fuzzy.char_readings(c) != pinyin(c, style=Style.NORMAL, heteronym=True)[0]]
    assert wrong == []


def test_phrases_read_with_their_own_readings() -> None:
    wrong = [p for p in PHRASES[::3] if fuzzy.spoken(p) != lazy_pinyin(p)]
    assert wrong == []
    assert fuzzy.spoken("重庆") == ["chong", "qing"]  # the phrase, not 重's usual zhong


def test_mixed_text_is_cut_into_phrases_as_pypinyin_cuts_it() -> None:
    rng = random.Random(5)
    others = ["GDP", "?", " ", "2023年", "、", "ab c", "〇", "\U00020000"]
    texts = []
    for _ in range(4000):
        parts = []
        for _ in range(rng.randint(1, 6)):
            roll = rng.random()
            if roll < 0.4:
                parts.append(rng.choice(PHRASES))
            elif roll < 0.7:  # a phrase's beginning: the cut must not take it for a phrase
                parts.append(rng.choice(PHRASES)[: rng.randint(1, 3)])
            elif roll < 0.85:
                parts.append(rng.choice(CHARS))
            else:
                parts.append(rng.choice(others))
        texts.append("".join(parts))
    wrong = [t for t in texts if fuzzy.spoken(t) != lazy_pinyin(t)]
    assert wrong == []
    assert fuzzy.spoken("") == lazy_pinyin("") == []


def test_sounds_alike_takes_the_usual_reading_of_what_was_typed() -> None:
    rng = random.Random(9)
    common = [chr(c) for c in range(0x4E00, 0x9FA6) if c in PINYIN_DICT]
    pairs = [(rng.choice(common), rng.choice(common)) for _ in range(3000)] + [("成", "城"), ("青", "清")]
    expected = [lazy_pinyin(a)[0] in pinyin(b, style=Style.NORMAL, heteronym=True)[0] for a, b in pairs]
    assert [fuzzy.sounds_alike(a, b) for a, b in pairs] == expected
    assert fuzzy.sounds_alike("成", "城") and not fuzzy.sounds_alike("成", "海")


@pytest.mark.parametrize("ordered", [True, False])
def test_packed_tables_find_keys_and_prefixes(ordered: bool) -> None:
    pairs = [("乙丙", "2"), ("甲", "1"), ("甲乙丙", "3"), ("甲丁", "4")]
    table = fuzzy._Packed(lambda: iter(sorted(pairs) if ordered else pairs))
    assert [table[i] for i in range(len(table))] == sorted(k for k, _ in pairs)
    i, begins = table.find("甲乙")
    assert begins and table[i] == "甲乙丙" and table.value(i) == "3"
    assert table.find("丁") == (0, False)
    i, begins = table.find("甲丁")
    assert begins and table.value(i) == "4"
