"""Comparison bases: 比上年, 较2015年, 上年同期 name what a change is measured from, never a figure's period."""

from __future__ import annotations

import re

# 比上年增长, 较2015年, 与上年相比, 上年同期: the year a change is measured from, not the period of the figure.
# 由上年的17.8%下降至…, 自2016年以来: where a change starts from, not the period of the figure either.
_BASE_BEFORE = re.compile(r"(?:比|较|与|同|相比|相较|对比|高于|低于|由|自)$")


_MULTIPLE_OF = re.compile(r"(?:同期)?的\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*(?P<unit>倍|%|%)")
_SHARE_BEFORE = re.compile(r"(?:是|为|相当于)$")


def is_comparison_base(text: str, m: re.Match[str]) -> bool:
    """Is the period mention `m` (a match of PERIOD_RE) the base a change is measured from, not a period?"""
    if m.group("target") or m.group("now") or m.group("thisyear"):
        return False
    if m.group("multi"):
        return bool(_BASE_BEFORE.search(text, 0, m.start()))
    if _BASE_BEFORE.search(text, 0, m.start()):
        return True
    if (m.group("rel") or m.group("year")) and (multiple := _MULTIPLE_OF.match(text, m.end())):
        # 是2015年的1.8倍, 为上年的95%: the year a figure is a multiple or share of (提高到2023年的5% is that
        # year's own rate)
        return multiple.group("unit") == "倍" or bool(_SHARE_BEFORE.search(text, 0, m.start()))
    # 上年同期 / 去年同期 without 比: still the base; a stated 2015年同期 too, unless it opens its clause
    # (去年同期,某市GDP增长4%: the figures of that period)
    spans = ("half", "qs", "firstn", "qr", "q", "months", "month", "mon", "day")
    return bool((m.group("rel") or m.group("year")) and not any(m.group(g) for g in spans)
                and text.startswith("同期", m.end()) and not opens_same_period(text, m.start(), m.end()))


_CLAUSE_HEAD = re.compile(r"(?:^|[,;:。,;:\s])$")
_SAME_PERIOD_CLAUSE = re.compile(r"同期\s*[,,]")


def opens_same_period(text: str, start: int, end: int) -> bool:
    """去年同期, at the head of a clause: the period the clause's figures are of, not a base."""
    return bool(_CLAUSE_HEAD.search(text, 0, start) and _SAME_PERIOD_CLAUSE.match(text, end))
