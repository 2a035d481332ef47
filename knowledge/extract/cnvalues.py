"""Values written in Chinese numerals (五十一点四七万人, 六百六十三家) rewritten in Arabic digits, so that the
figure grammar reads them like any other value; the unit and its 万/亿 multiplier stay as written. Likewise a
growth rate written before its noun (实现4.6%的增长, 以7%的增速) is put in the grammar's order (增长4.6%)."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.extract.metrics import UNITS
from knowledge.extract.vocab import word_classes
from knowledge.text.numbers import cn_int, fraction_percent

_DIGIT_OF = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"两": "2", "〇": "0"}
_NUMERAL = "零〇一二两三四五六七八九十百千万亿点"
_NON_ZERO = "一二两三四五六七八九十"
_ROUND = {"百": "100", "千": "1000", "万": "1万"}


@lru_cache(maxsize=1)
def _value_re() -> re.Pattern[str]:
    # A numeral run right before a unit (余/多 may stand between); greedy, so 三千元 is not 三 + 千元.
    # 第 makes an ordinal.
    units = "|".join(map(re.escape, sorted({*UNITS, *word_classes()["extra_units"]}, key=len, reverse=True)))
    return re.compile(rf"(?<![第{_NUMERAL}])(?P<num>[{_NUMERAL}]+)(?=(?:余|多)?(?:{units}))")


@lru_cache(maxsize=1)
def _round_re() -> re.Pattern[str]:
    # 超千场, 近百家, 逾万人: a lone 百, 千 or 万 after a word of approximation is that round number of things
    # or people (超千亿元 is left alone: a sum so written is mostly a threshold, 千亿级)
    classes = word_classes()
    units = "|".join(map(re.escape, sorted({*classes["count_units"], *classes["action_units"]}, key=len, reverse=True)))
    words = "|".join(map(re.escape, word_classes()["round_words"]))
    return re.compile(rf"(?P<pre>{words})(?P<num>[百千万])(?=(?:{units}))")


@lru_cache(maxsize=1)
def _crossed_round_re() -> re.Pattern[str]:
    # 突破百亿元大关, 迈上千亿元台阶: a round sum crossed on the way to a level is that sum (a threshold the
    # figure grammar reads as one, and an exact value after it takes over)
    classes = word_classes()
    verbs = "|".join(map(re.escape, classes["threshold_verbs"]))
    nouns = "|".join(map(re.escape, classes["threshold_nouns"]))
    return re.compile(rf"(?P<pre>{verbs})(?P<num>[百千万])(?=(?:万|亿)?元(?:{nouns}))")


@lru_cache(maxsize=1)
def _people_re() -> re.Pattern[str]:
    heads = "|".join(map(re.escape, sorted(word_classes()["people_heads"], key=len, reverse=True)))
    links = "|".join(map(re.escape, sorted(word_classes()["people_links"], key=len, reverse=True)))
    return re.compile(rf"(?P<head>{heads})(?P<link>(?:{links})?)(?P<num>\d+(?:\.\d+)?)万(?=[,;。、)]|$)")


# 四分之一, 百分之三点五: a fraction in words; one whose percentage is exact to a tenth is written as that share
# (三分之一 is no exact share and is left alone)
_FRACTION = re.compile(r"(?<![零〇一二两三四五六七八九十百千万\d])[零一二两三四五六七八九十百千万]+"
                       r"分之[零一二两三四五六七八九十点]+(?![零〇一二两三四五六七八九十百千万亿点\d])")


def _share(m: re.Match[str]) -> str:
    percent = fraction_percent(m.group(0))
    if percent is None or percent != round(percent, 1):
        return m.group(0)
    return f"{percent:g}%"


# 16,197.6平方公里: a thousands separator inside a number; 6835. 27亿元, 1.4 %: a space left inside a number
# by OCR or a converter. Both are one number.
_GROUPED = re.compile(r"(?<![\d.])(?<!\d,)\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")
_SPLIT_DECIMAL = re.compile(r"(?<=\d\.) +(?=\d)")
_SPACE_BEFORE_UNIT = re.compile(r"(?<=\d) +(?=%|‰)")


_RATE_FIRST = re.compile(r"(?:以|实现了?)?(?P<num>\d+(?:\.\d+)?%)的(?P<noun>增长|增速|增幅|涨幅|降幅|下降)")


def rates_first(text: str) -> str:
    """实现4.6%的增长 → 增长4.6%, 8.5%的增幅高于全市 → 增长8.5%高于全市, 3%的降幅 → 下降3%."""
    if "%的" not in text:
        return text  # cheap test first: the pattern needs a rate right before 的
    return _RATE_FIRST.sub(lambda m: ("下降" if m["noun"] in ("降幅", "下降") else "增长") + m["num"], text)


def plain_numbers(text: str) -> str:
    """`text` with every number written as digits and one point only: 16,197.6 → 16197.6, 6835. 27 → 6835.27."""
    if " " in text:  # cheap tests first: a space or a comma inside a number is rare
        text = _SPLIT_DECIMAL.sub("", _SPACE_BEFORE_UNIT.sub("", text))
    if "," not in text:
        return text
    return _GROUPED.sub(lambda m: m.group(0).replace(",", ""), text)


def arabic_values(text: str) -> str:
    """`text` with every Chinese-numeral value before a unit written in digits: 六百六十三家 → 663家, 超千场 →
    超1000场, 突破百亿元大关 → 突破100亿元大关, 四分之一 → 25%; and a count of people in bare 万 given its unit:
    人口83万 → 人口83万人."""
    if "分之" in text:  # cheap tests first: each rewrite needs its characters
        text = _FRACTION.sub(_share, text)
    if "百" in text or "千" in text or "万" in text:
        text = _round_re().sub(lambda m: m["pre"] + _ROUND[m["num"]], text)
        text = _crossed_round_re().sub(lambda m: m["pre"] + _ROUND[m["num"]], text)
    if "万" in text:
        text = _people_re().sub(lambda m: f"{m['head']}{m['link']}{m['num']}万人", text)
    return _value_re().sub(_rewrite, text)


def _rewrite(m: re.Match[str]) -> str:
    num, mult = m["num"], ""
    # a trailing 万/亿 is the unit's multiplier, not part of the number: 五十一点四七万人 is 51.47万人
    for suffix in ("万亿", "亿", "万"):
        if num.endswith(suffix) and len(num) > len(suffix) and cn_decimal(num[: -len(suffix)]) is not None:
            num, mult = num[: -len(suffix)], suffix
            break
    # a lone numeral before a unit is a word, not a figure (一个, 十家, 百万人口); 两万人 is a figure
    if len(num) == 1 and not (mult and num in _NON_ZERO):
        return m.group(0)
    digits = cn_decimal(num)
    return m.group(0) if digits is None else digits + mult


def cn_decimal(token: str) -> str | None:
    """'五十一点四七' → '51.47', '六百六十三' → '663', '一万二千' → '12000'; None when it is not one number."""
    whole, dot, fraction = token.partition("点")
    number = cn_int(whole) if whole else None
    if number is None or (dot and (not fraction or any(c not in _DIGIT_OF for c in fraction))):
        return None
    return f"{number}.{''.join(_DIGIT_OF[c] for c in fraction)}" if dot else str(number)
