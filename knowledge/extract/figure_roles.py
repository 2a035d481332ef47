"""What a number in a clause is: a figure of its own, an attribute of a noun (投资65亿元的园区), an index value
(价格总指数102.6), or the first of counts listed before their nouns (有8万家工业企业、0.6万家…)."""

from __future__ import annotations

import re

from knowledge.extract.vocab import alternation, word_classes

_COUNT_UNITS = frozenset(word_classes()["count_units"])
_RATIO_TO_100 = re.compile(r"\s*(?:[((]以[\u4e00-\u9fff]{1,6}为100[))]|[:∶]100(?!\d))")
_RATIO_NAME = re.compile(r"比(?:为|是)?$")
_CLAUSE_END = re.compile(r"\s*(?:[,;。…]|$)")
# an index's base after it, when the base names no period of its own (以上年为100 would date the index a year
# early): the same months of the year before
_SAME_MONTHS_BASE = re.compile(r"[((]以(?:上年|去年)同期为100[))]")
_STOP = re.compile(r"[,;。]")
_AND_DIGIT = re.compile(r"和\d")
# 有8万家工业企业、0.6万家规上工业企业: counts listed before the things they count, each its own figure
_NEXT_COUNT = re.compile(r"[\u4e00-\u9fff“”A-Za-z]{2,20}?(?:、|和|及|与)(?:约|近|超过|超)?\d+(?:\.\d+)?"
                         rf"(?:余|多)?[万亿]?(?:{alternation('count_units')})")


_BASE_LEVEL = "的基础上"


def counts_listed(clause: str, m: re.Match[str]) -> bool:
    """Is the count `m` the first of counts listed before their nouns (有8万家工业企业、0.6万家…)?"""
    return is_count(m) and _NEXT_COUNT.match(clause, m.end()) is not None


def is_count(m: re.Match[str]) -> bool:
    """Does the figure `m` (with a `unit` group) count things (12个, 1.1万家)?"""
    return (m.group("unit") or "").lstrip("万亿") in _COUNT_UNITS


def is_index_value(clause: str, raw: str, m: re.Match[str]) -> bool:
    """A bare number is a figure only right after an index name: 水环境质量指数4.5456, 价格总指数102.6(以上年同期
    为100); `raw` is the clause as written."""
    if _RATIO_TO_100.match(clause, m.end()) and _RATIO_NAME.search(clause, 0, m.start()):
        return True  # 性别比为104.2(女=100), 性别比为100.7:100: a ratio to a base of 100
    end = base.end() if (base := _SAME_MONTHS_BASE.match(raw, m.end())) else m.end()
    return clause.endswith(("指数", "系数"), 0, m.start()) and _CLAUSE_END.match(clause, end) is not None


def is_attributive(clause: str, m: re.Match[str]) -> bool:
    """'投资65亿元的冠州国际陆港园区', '过500亿元的': a figure that qualifies a noun is not a fact."""
    if clause.startswith(_BASE_LEVEL, m.end()):
        return False  # 在2015年地区生产总值达到3000亿元的基础上: a level reached, stated as the base of what follows
    follows = clause[m.end() : m.end() + 1]
    precedes = clause[max(0, m.start() - 1) : m.start()]
    before2 = clause[max(0, m.start() - 2) : m.start()]
    return (follows in ("的", "以", "前", "后", "内") or precedes in ("过", "第") or before2 in ("不足", "低于")
            or ("之一" in clause and _STOP.split(clause[m.end() :], maxsplit=1)[0].endswith("之一"))
            or _AND_DIGIT.match(clause, m.end()) is not None)
