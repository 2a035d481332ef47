"""The period of a clause in its article: history and founding years, the year running through a paragraph,
targets, and the period a sentence hands on to the next (word classes in knowledge/data/context.toml).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from importlib import resources

from knowledge.extract.period_bases import opens_same_period
from knowledge.extract.periods import Period, PeriodMention
from knowledge.places.gazetteer import Gazetteer


@lru_cache(maxsize=1)
def context_words() -> dict[str, tuple[str, ...]]:
    """The word classes of article context, from knowledge/data/context.toml, longest first."""
    raw = tomllib.loads(resources.files("knowledge.data").joinpath("context.toml").read_text("utf-8"))
    return {name: tuple(sorted(words, key=len, reverse=True)) for name, words in raw.items()}


def _words_re(name: str) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, context_words()[name])))


_HISTORY = _words_re("history_words")
_FLOW = _words_re("flow_words")
_SINCE_YEAR_START = _words_re("since_year_start")
_SPAN_FLOW = _words_re("span_flow_words")
_HISTORY_REACH = 16  # 1987年,地级威海市成立: the founding word follows its year closely


def is_history(text: str, mention: PeriodMention) -> bool:
    """A stated year that dates a founding or a renaming (1948年…组建潍坊特别市), not a figure; a place whose
    name holds such a word (某建区) founds nothing."""
    if not mention.explicit_year:
        return False
    after = text[mention.end : mention.end + _HISTORY_REACH].split("。")[0]
    if (names := _names_with_history_words()) is not None:
        after = names.sub("", after)
    return bool(_HISTORY.search(after))


@lru_cache(maxsize=1)
def _names_with_history_words() -> re.Pattern[str] | None:
    """The bundled gazetteer's names and short forms that hold a history word, longest first."""
    names = {n for r in Gazetteer.load().regions() for n in (r.name, r.short, *r.aliases) if _HISTORY.search(n)}
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True)))) if names else None


def is_recent(period: Period, focus_year: int | None) -> bool:
    """A period no earlier than the year before the article's own (2016年 in a 2020 bulletin is not)."""
    return focus_year is None or period.year is None or period.year >= focus_year - 1


def running_year(text: str, periods: Sequence[PeriodMention], year: int | None, focus_year: int | None) -> int | None:
    """The year a bare 上半年 in the next sentences means: the last recent year stated, history aside."""
    for mention in periods:
        stated = mention.stated_year
        if stated and is_recent(mention.period, focus_year) and not is_history(text, mention):
            year = stated
    return year


_NEXT_CLAUSE = re.compile(r"[^,;。]*")
_BARE_YEAR = ("全年", "年内", "当年")


def clause_period(text: str, periods: Sequence[PeriodMention], start: int, end: int, fallback: Period) -> Period:
    """The period of the clause text[start:end]: the last period named before its end, else `fallback`.

    A 年末 named in an earlier clause does not date a flow (年末总户数…,全年出生人口…), and a balance
    measured against the start of the year (…余额380亿元,比年初增加…) is the stock at the period's end.
    A figure read alone at its number (start:start+1, a 分别 list's or a 增长N倍's) is judged by the words of
    the clause it stands in.
    """
    words_start, words_end = _enclosing_clause(text, start) if end - start <= 1 else (start, end)
    clause = text[words_start:words_end]
    # a founding named in an earlier clause (1992年撤县建市,总面积…) dates no later clause
    chosen = next((m for m in reversed(periods) if m.start < end and not (m.end <= start and is_history(text, m))),
                  None)
    period = chosen.period if chosen is not None else fallback
    if chosen is not None and fallback.kind == "target" and text[chosen.start : chosen.end] in _BARE_YEAR:
        period = fallback  # 全年新增城镇就业5万人 under a plan's heading: the plan year's target
    if chosen is not None and period.kind == "year" and fallback.kind not in ("year", "span", "undated", "asof") \
            and opens_same_period(text, chosen.start, chosen.end):
        # 上半年,…。去年同期,…增长4%: the same months of that year
        period = Period(fallback.kind, period.year, fallback.start, fallback.end)
    if (chosen is None or chosen.end <= start) and _is_year_end(period) and _FLOW.search(clause):
        return Period("year", period.year, 1, 12)
    # …余额380亿元,比年初增加…: the next clause measures this balance when it opens with the comparison;
    # one naming a quantity of its own first (…收入674.7亿元,全市存款余额…比年初增加) says nothing of this one
    following = _NEXT_CLAUSE.match(text, min(words_end + 1, len(text)))
    measured = following is not None and _SINCE_YEAR_START.match(following.group(0).strip())
    if period.kind == "year" and period.year and (_SINCE_YEAR_START.search(clause) or measured):
        return Period("asof", period.year, asof=date(period.year, 12, 31))
    if period.kind == "span" and not _SPAN_FLOW.search(re.split(r"\d", clause, maxsplit=1)[0]):
        return Period("year", period.year, 1, 12)  # 这五年…总装机超1.7亿千瓦: the level the span ends at
    return period


def clause_span(text: str, periods: Sequence[PeriodMention], start: int, end: int, fallback: Period,
                period: Period | None = None) -> Period | None:
    """The span of years the clause text[start:end] looks back on (这五年…), when its levels are read as the
    span's end year: the span that year ends, else None. `period` is the clause's clause_period, when known."""
    if period is None:
        period = clause_period(text, periods, start, end, fallback)
    if period.kind != "year" or period.start != 1 or period.end != 12:
        return None
    chosen = next((m.period for m in reversed(periods) if m.start < end), fallback)
    if chosen.kind == "span" and chosen.year == period.year and chosen.first is not None:
        return chosen
    return None


_CLAUSE_MARK = re.compile(r"[,;:。,;:]")


def _enclosing_clause(text: str, at: int) -> tuple[int, int]:
    """The bounds of the clause holding text[at] (…,技术合同成交额增长7.1倍,…)."""
    marks = list(_CLAUSE_MARK.finditer(text, 0, at))
    head = marks[-1].end() if marks else 0
    tail = _CLAUSE_MARK.search(text, at)
    return head, tail.start() if tail else len(text)


def _is_year_end(period: Period) -> bool:
    return period.kind == "asof" and period.asof is not None and (period.asof.month, period.asof.day) == (12, 31)


_GOALS = _words_re("goal_words")
_GOAL_MET = _words_re("goal_met_words")
_SINGLE_MONTH = _words_re("single_month_words")
_GOAL_REACH = 30  # 今年甘肃经济社会发展的主要预期目标: the goal word follows its year within a clause or two


def as_targets(text: str, periods: Sequence[PeriodMention]) -> list[PeriodMention]:
    """Years that set goals (2019年…的预期目标建议) become targets: target:2019."""
    out = []
    for m in periods:
        after = text[m.end : m.end + _GOAL_REACH].split("。")[0]
        goal = _GOALS.search(after)
        # the goal's own clause: 完成全年预期目标, 全年主要目标任务较好完成 report goals met
        clause = text[: m.end].rsplit(",", 1)[-1] + re.split(r"[,,;;::]", after)[0] if goal else ""
        if m.period.kind == "year" and m.period.year and goal and not _GOAL_MET.search(clause):
            m = PeriodMention(m.start, m.end, Period("target", m.period.year), m.explicit_year)
        out.append(m)
    return out


def carried_period(text: str, periods: Sequence[PeriodMention]) -> PeriodMention | None:
    """The period a sentence hands on to the next: its last, unless that one is a single month's aside or
    dates a founding (1987年6月,撤销…设立…)."""
    for m in reversed(periods):
        if is_history(text, m):
            return None
        if opens_same_period(text, m.start, m.end):
            continue  # 去年同期,…: an aside about the year before; the paragraph's period goes on
        if _is_year_end(m.period) and m.period.year is not None and not text.startswith("截", m.start):
            # 年末城镇登记失业率…。发放稳岗补贴…: a bare year-end dates the stocks it opens, not the next
            # sentence (截至2024年年底 states the day the paragraph's figures stand at, and carries)
            return PeriodMention(m.start, m.end, Period("year", m.period.year, 1, 12), m.explicit_year)
        if not (m.period.kind == "month" and _SINGLE_MONTH.match(text, m.end)):
            return m
    return None
