"""Places counted by a condition they meet: 共有12个省份GDP总量超过3万亿元 gives 全国 a count of 12, named
GDP总量超过3万亿元的省份; 16城市中有14个城市GDP实现正增长 gives the province a count of GDP正增长的城市 (words in
knowledge/data/lists.toml [place_counts])."""

from __future__ import annotations

import re
from decimal import Decimal

from knowledge.extract.context import ArticleContext
from knowledge.extract.forms import Listed, PeriodAt, Subject, alt, data
from knowledge.extract.metricphrase import metric_name
from knowledge.extract.periods import period_spans
from knowledge.places.nation import NATION

_D = data()["place_counts"]
_KINDS: dict[str, str] = _D["kinds"]
# the count after 有/共有, the kind of place, and the condition up to the clause's end
_COUNTED = re.compile(
    rf"(?:共有|有)(?P<num>\d+)个(?P<kind>{alt(list(_KINDS))})的?(?P<cond>[^,;。:!?]{{3,30}})(?=[,;。:!?]|$)"
)
_VERB = re.compile(alt(_D["verbs"]))
_NOTE = re.compile(r"[((][^))]*[))]?")  # 超过3万亿元(人民币,下同): a note, cut short by its own comma or not
_DROPPED = "实现"  # 13个城市GDP实现正增长: the predicate's verb is no part of the name


def has_place_count(text: str) -> bool:
    """A cheap test first: does `text` count places by a condition?"""
    return _COUNTED.search(text) is not None


def read_place_counts(text: str, ctx: ArticleContext, subject: Subject | None,
                      period_at: PeriodAt) -> list[tuple[int, int, list[Listed]]]:
    """The counts of places meeting a condition in `text`, as (start, end, facts) spans."""
    out: list[tuple[int, int, list[Listed]]] = []
    for m in _COUNTED.finditer(text):
        whole = _whole(_KINDS[m.group("kind")], ctx, subject)
        cond = _NOTE.sub("", _without_periods(m.group("cond"))).replace(_DROPPED, "").strip()
        verb = _VERB.search(cond)
        if whole is None or verb is None or not cond[: verb.start()] or metric_name(cond[: verb.start()]) is None:
            continue  # the condition names no quantity of the places (有5个城市发生变化)
        region, surface = whole
        name = f"{cond}的{m.group('kind')}"
        out.append((m.start("num"), m.end(), [Listed(m.start("num"), region, surface, name, name,
                                                      Decimal(m.group("num")), m.group("num"), "个",
                                                      period_at(m.start("num")))]))
    return out


def _without_periods(words: str) -> str:
    """前三季度同比增速…: the period is the fact's, not part of the condition."""
    for start, end in sorted(period_spans(words), reverse=True):
        words = words[:start] + words[end:]
    return words


def _whole(level: str, ctx: ArticleContext, subject: Subject | None) -> Subject | None:
    """The whole the counted places belong to: the nation for provinces, else the subject or the article's own
    unit when it is of that level."""
    if level == "nation":
        return NATION, "全国"
    focus = (ctx.focus, ctx.focus.name) if ctx.focus else None
    return next((c for c in (subject, focus) if c is not None and c[0].level == level), None)
