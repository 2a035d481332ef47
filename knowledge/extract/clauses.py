"""The clause grammar's span tagger: periods, comparison bases, anaphora and notes are blanked out of a
clause (offsets kept), and the subject's name cut off its start, so that the words left before a value are the
metric's noun phrase; and a bare level (省级29家) read as the kind named before at that level."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.extract.nounphrase import fresh_act
from knowledge.extract.periods import period_spans
from knowledge.extract.vocab import alternation

_DIGIT = re.compile(r"\d")
_LEVEL = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{alternation('levels')})级")  # 国家级, 省级, 威海市级
FILL = "\u3000"  # an ideographic space stands in for a blanked span: offsets and clause punctuation survive
_YEAR = re.compile(r"(?:19|20)\d\d")
_BLANKED = re.compile(
    rf"{alternation('comparison_bases', 'anaphora')}"
    r"|[\[【〔][\d一二三四五六七八九十]{1,2}[\]】〕]"  # a footnote mark: 地区生产总值[2]
    r"|[((]下同[))]|[((]注[^))]{0,20}[))]"
    r"|按[^,;。按]{1,10}?计算|扣除[^,;。]{1,12}?因素后?"  # how it was counted: 按常住人口计算, 扣除价格因素
)


@lru_cache(maxsize=16384)  # pure, and every clause is looked at once per pass
def mask_spans(clause: str) -> str:
    """`clause` with its period, comparison-base, anaphor and note spans replaced by FILL."""
    chars = list(clause)
    spans = period_spans(clause) + [m.span() for m in _BLANKED.finditer(clause)]
    for start, end in spans:
        chars[start:end] = FILL * (end - start)
        # 较上半年, 比一季度: a comparison with a part of the year is a comparison base as a whole; 比2017年
        # stays, a change over years being no change of the period (its 比 keeps it from the figure before)
        if start and clause[start - 1] in "较比" and clause[start - 2 : start] != "占比" \
                and not _YEAR.search(clause, start, end):
            chars[start - 1] = FILL
    return "".join(chars)


def drop_regions(clause: str, surfaces: list[str]) -> str:
    """'淄博氢能相关企业现存54家' → '氢能相关企业现存54家': the region is the subject, not part of the metric."""
    # Longest first, in a stable order, and again after each cut: 北京市朝阳区 loses both names whatever the
    # order of the set they came from (a set's order changes with the hash seed).
    forms = sorted(dict.fromkeys(surfaces), key=len, reverse=True)
    cut = True
    while cut:
        cut = False
        for surface in forms:
            at = clause.find(surface)
            if at != -1 and len(clause[:at].replace(FILL, "").strip()) <= 2 and not _DIGIT.search(clause, 0, at) \
                    and not clause[:at].endswith("占"):  # 占襄阳市…比重: the place is the whole of a share
                clause, cut = clause[at + len(surface) :], True
                break
    return clause


def other_level(phrase: str, previous: str | None) -> str:
    """省级29家 after 国家级农业产业化龙头企业9家: a bare level is the kind named before, at that level (and new
    ones after new ones: 新增国家级…12家、省级56家)."""
    if not previous or not _LEVEL.fullmatch(phrase):
        return phrase
    act = fresh_act(previous)
    kind = previous[len(act) :]
    if (named := _LEVEL.match(kind)) and len(kind) > named.end() + 1:
        return act + phrase + kind[named.end() :]
    return phrase
