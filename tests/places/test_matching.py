"""Where place forms are read in a text (knowledge/places/matching.py). The phrases are written for the test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "names"), [
    ("山东经济稳中向好", ["山东省"]),  # 东经 straddles the form, but 经济 is a word of its own
    ("浙江经济运行平稳", ["浙江省"]),
    ("要把提高青年就业质量放在首位", []),  # 高青 ends inside 青年, and 年就 is no word
    ("厦门前三季度外贸进出口增长", ["厦门市"]),  # 门前 straddles the form, but 前三季度 opens a period
    ("澳门首8个月旅客增长", ["澳门特别行政区"]),
    ("荆门前5个月工业增长", ["荆门市"]),
], ids=["shandong-economy", "zhejiang-economy", "straddled-word", "first-quarters", "first-months",
        "first-five-months"])
def test_a_place_form_straddling_a_word_is_read_only_before_a_word_of_its_own(gazetteer, text, names):
    assert [m.region.name for m in gazetteer.find_mentions(text)] == names


def test_the_saved_common_words_are_those_of_the_installed_jieba_dictionary():
    from knowledge.places.matching import common_words, jieba_dictionary, words_of_dictionary

    assert common_words() == words_of_dictionary(jieba_dictionary())


def test_a_common_word_list_saved_for_another_dictionary_is_not_used(tmp_path):
    from knowledge.places.matching import common_words_file, read_common_words

    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("经济 5000 n\n提高 900 v\n冷僻 12 a\n", encoding="utf-8")
    saved = tmp_path / "common_words.txt"
    saved.write_text(common_words_file(dictionary), encoding="utf-8")
    assert read_common_words(saved, dictionary) == {"经济", "提高"}
    dictionary.write_text("经济 5000 n\n青年 800 n\n", encoding="utf-8")  # another size: the list is stale
    assert read_common_words(saved, dictionary) == {"经济", "青年"}
    assert read_common_words(tmp_path / "missing.txt", dictionary) == {"经济", "青年"}


@pytest.mark.parametrize(("text", "names"), [
    ("会上研究部署和县委巡察整改的各项任务", []),  # and + the county committee, not 和县 + 委
    ("省政府和县政府联合印发了实施方案", []),
    ("和县经济总量去年稳步增长", ["和县"]),
    ("和县上半年生产总值增长百分之六", ["和县"]),
    ("和县县委书记到开发区调研", ["和县"]),
    ("单县委书记到开发区调研", ["单县"]),  # 单 is no function word: the county's committee
    ("外地客商在和县投资建厂", ["和县"]),
], ids=["and-county-committee", "and-county-government", "economy", "half-year", "its-own-committee",
        "shan-county-committee", "invest-in"])
def test_a_function_word_name_before_an_office_word_reads_as_the_function_word(gazetteer, text, names):
    assert [m.region.name for m in gazetteer.find_mentions(text)] == names


@pytest.mark.parametrize(("text", "names"), [
    ("全省确定了十个农业示范县", []),  # 示范 + 县, not 范县
    ("范县去年粮食产量再创新高", ["范县"]),
    ("今年范县农民收入增长较快", ["范县"]),
    ("长沙县工业总产值突破千亿", ["长沙县"]),  # 沙县 ends inside 长沙, but 长沙县 is a name of its own
], ids=["model-county", "fan-county", "this-year-fan-county", "changsha-county"])
def test_a_one_character_name_and_suffix_that_ends_a_word_is_that_word(gazetteer, text, names):
    assert [m.region.name for m in gazetteer.find_mentions(text)] == names


@pytest.mark.parametrize("text", [
    "",
    "聊",
    "今年全市经济运行平稳向好",  # no form at all
    "聊城",  # a form that is the whole text
    "全年增长较快的是聊城",  # a form at the very end
    "青岛市南区和青岛市北区",  # overlapping forms, windows that run into each other
    "济南、青岛、烟台、潍坊、临沂五市合计",  # many short windows in a row
    "内蒙古自治区鄂尔多斯市伊金霍洛旗上半年增长6%",  # long forms
], ids=["empty", "one-char", "no-form", "whole", "at-end", "overlapping", "many", "long"])
def test_the_automaton_run_over_the_stretches_that_may_hold_a_form_finds_what_a_full_run_finds(gazetteer, text):
    """The windowed run (only where two characters open some form) gives the automaton's full run's hits."""
    matcher = gazetteer._matcher
    assert sorted(matcher.occurrences(text)) == sorted(matcher._automaton.iter(text))


def test_the_stretches_cover_a_form_that_runs_past_a_later_opening():
    """A long form is found whole even when a shorter form opens inside it and its window is merged."""
    from knowledge.places.matching import FormMatcher

    matcher = FormMatcher(["甲乙丙丁戊己", "丙丁"], set())
    assert sorted(matcher.occurrences("子甲乙丙丁戊己庚")) == [(4, 2), (6, 6)]
    assert [(a, b) for a, b in matcher.spans("子甲乙丙丁戊己庚")] == [(1, 7)]
