"""Script detection and t2s (knowledge/text/normalize.py): place names that OpenCC would break are kept."""

from __future__ import annotations

import pytest

from knowledge.places.gazetteer import Gazetteer
from knowledge.text.normalize import clean_text, detect_script, to_simplified, to_traditional


def test_every_gazetteer_name_comes_through_t2s_intact(gazetteer: Gazetteer) -> None:
    broken = []
    for region in gazetteer.regions():
        for form in (region.name, *region.aliases, *region.former):
            spellings = {form, to_traditional(form)} | ({region.traditional} if form == region.name else set())
            broken += [(form, s, to_simplified(s)) for s in spellings if s and to_simplified(s) != form]
    assert broken == []  # add the form to knowledge/data/script.toml


@pytest.mark.parametrize(("traditional", "simplified"), [
    ("乾縣和乾安縣的經濟", "乾县和乾安县的经济"),
    ("濬縣位於鶴壁", "浚县位于鹤壁"),
    ("澂江縣", "澄江县"),
    ("乾淨的乾燥空氣", "干净的干燥空气"),  # 乾 as "dry" still turns 干
    ("乾隆年間", "乾隆年间"),
    ("若干縣市", "若干县市"),
], ids=["qian-counties", "xun-variant", "cheng-variant", "dry", "qianlong", "several-counties"])
def test_traditional_text_is_simplified_with_place_names_kept(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional) == simplified


@pytest.mark.parametrize(("text", "script"), [
    ("乾县2023年地区生产总值增长5%,乾县规上工业增加值增长6%,乾安县增长4%。", "hans"),
    ("乾隆年间修建的乾陵位于乾县。", "hans"),
    ("乾縣2023年地區生產總值增長5%,規上工業增加值增長6%。", "hant"),
    ("臺灣經濟發展報告", "hant"),
], ids=["simplified-qian", "simplified-qianlong", "traditional-qian", "traditional"])
def test_script_is_detected_from_traditional_only_characters(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_a_simplified_article_about_qian_county_keeps_its_places(gazetteer: Gazetteer) -> None:
    clean = clean_text("乾县2023年地区生产总值增长5%。乾县规上工业增加值增长6%。乾安县增长4%。")
    assert clean.script == "hans" and "干" not in clean.text
    assert {m.region.name for m in gazetteer.find_mentions(clean.text)} == {"乾县", "乾安县"}
