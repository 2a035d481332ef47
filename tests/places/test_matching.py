"""Where place forms are read in a text (knowledge/places/matching.py). The phrases are written for the test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "names"), [
    ("山东经济稳中向好", ["山东省"]),  # 东经 straddles the form, but 经济 is a word of its own
    ("浙江经济运行平稳", ["浙江省"]),
    ("要把提高青年就业质量放在首位", []),  # 高青 ends inside 青年, and 年就 is no word
], ids=["shandong-economy", "zhejiang-economy", "straddled-word"])
def test_a_place_form_straddling_a_word_is_read_only_before_a_word_of_its_own(gazetteer, text, names):
    assert [m.region.name for m in gazetteer.find_mentions(text)] == names
