"""PERIOD_RE's opening-character lookahead only skips positions: it finds what its alternatives find."""

from __future__ import annotations

import re

import pytest

from knowledge.extract.periods import _ALTERNATIVES, PERIOD_RE

# made-up sentences, one or more per alternative of the period grammar
SENTENCES = [
    "“十四五”时期,某市新建学校12所",
    "十三五以来全县修路300公里",
    "过去五年,地区生产总值年均增长6%",
    "八年来累计投资90亿元",
    "这三年人口增加2万人",
    "今后五年力争翻一番;未来三年再建两座桥",
    "此后两年每年新增就业1万人",
    "力争到2030年达到500亿元,计划到2028年建成",
    "预计到2027年完成,到2026年底通车",
    "目前全市共有企业800家,当前库存下降",
    "截至目前已开工,现已完工,如今产值过百亿",
    "这一年,过去一年,年内将开工三个项目",
    "截至2024年底,全区常住人口为52万人",
    "二〇二三年上半年,某县财政收入增长5%",
    "前三季度实现增加值100亿元,第一季度增长3%",
    "1-11月份工业产值增长7%,1至5月下降2%",
    "3月份出口增长4%,6月30日零时人口为10万人",
    "今年以来,全年,年底,年末,去年同期",
    "首5个月税收增长1%,前10个月持平",
    "上年同期为4.2%,较2019年增长18%",
    "明年预计增长5%;当年,本年,前年",
    "一至三季度增长,1~4季度平稳",
    "5月底库存减少,12月末贷款余额",
]

GROUPS = ("multi", "year", "rel", "half", "qs", "firstn", "qr", "q", "months", "month", "mon", "day",
          "ytd", "fullyear", "yearend", "asof", "target", "now", "thisyear")


def _readings(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_lookahead_finds_what_the_alternatives_find(text: str) -> None:
    assert _readings(PERIOD_RE, text) == _readings(re.compile(_ALTERNATIVES), text)


def test_the_sentences_reach_every_alternative() -> None:
    seen = {g for text in SENTENCES for m in PERIOD_RE.finditer(text) for g in GROUPS if m.group(g)}
    assert seen == set(GROUPS)
