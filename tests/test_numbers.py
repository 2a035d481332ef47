"""The Chinese-number parser (knowledge/text/numbers.py): examples with the value each must read to."""

from __future__ import annotations

import pytest

from knowledge.text.numbers import RoundNumber, cn_int, fraction_percent, ordinal, round_number, to_int

INTEGERS = [
    ("3", 3), ("012", 12), ("一", 1), ("两", 2), ("十", 10), ("十一", 11), ("十二", 12), ("二十", 20),
    ("二十三", 23), ("一百二十", 120), ("一百零五", 105), ("两千", 2000), ("一万二千", 12000), ("两万", 20000),
]


@pytest.mark.parametrize(("token", "value"), INTEGERS, ids=[t for t, _ in INTEGERS])
def test_cn_int_reads_arabic_and_chinese_whole_numbers(token: str, value: int) -> None:
    assert cn_int(token) == value


NOT_ONE_NUMBER = ["", "七八", "十十", "十一二", "三点五", "千", "上千", "abc", "²"]


@pytest.mark.parametrize("token", NOT_ONE_NUMBER, ids=[t or "empty" for t in NOT_ONE_NUMBER])
def test_cn_int_gives_none_for_text_that_is_not_one_whole_number(token: str) -> None:
    assert cn_int(token) is None


def test_to_int_is_the_same_parser_under_its_former_name() -> None:
    assert [to_int(t) for t in ("十一", "七八", "5")] == [11, None, 5]


ORDINALS = [("第三", 3), ("第十二", 12), ("第 12", 12), ("第一百", 100), ("第两", 2)]


@pytest.mark.parametrize(("text", "value"), ORDINALS, ids=[t for t, _ in ORDINALS])
def test_ordinal_reads_the_position(text: str, value: int) -> None:
    assert ordinal(text) == value


@pytest.mark.parametrize("text", ["三", "第三名", "第", "第七八"])
def test_ordinal_gives_none_for_anything_but_a_bare_ordinal(text: str) -> None:
    assert ordinal(text) is None


ROUND = [("上千家", RoundNumber(1000, "上")), ("近万人", RoundNumber(10000, "近")), ("数百", RoundNumber(100, "数")),
         ("超百亿", RoundNumber(100 * 10**8, "超")), ("逾千万", RoundNumber(10**7, "逾"))]


@pytest.mark.parametrize(("text", "value"), ROUND, ids=[t for t, _ in ROUND])
def test_round_number_keeps_the_qualifier(text: str, value: RoundNumber) -> None:
    assert round_number(text) == value


@pytest.mark.parametrize("text", ["一千家", "1000家", "上半年"])
def test_round_number_gives_none_without_a_qualified_unit(text: str) -> None:
    assert round_number(text) is None


FRACTIONS = [("四分之一", 25.0), ("百分之二十", 20.0), ("百分之三点五", 3.5), ("三分之二", 66.67), ("两分之一", 50.0)]


@pytest.mark.parametrize(("text", "percent"), FRACTIONS, ids=[t for t, _ in FRACTIONS])
def test_fraction_percent_reads_fractions_as_percentages(text: str, percent: float) -> None:
    assert fraction_percent(text) == percent


@pytest.mark.parametrize("text", ["零分之一", "四分之", "四分之一强", "25%"])
def test_fraction_percent_gives_none_for_other_text(text: str) -> None:
    assert fraction_percent(text) is None
