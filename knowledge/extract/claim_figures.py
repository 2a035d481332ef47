"""The figure a rank claim is about (the subject's last figure before the rank) and the period the claim takes
from it, or from the words before the rank, the article's own period or its title."""

from __future__ import annotations

import re

from knowledge.extract.claim_spread import is_same_time_last_year
from knowledge.extract.context import ArticleContext
from knowledge.extract.fact import ExtractedFact
from knowledge.extract.periods import find_periods
from knowledge.places.gazetteer import Region
from knowledge.text.document import Document

_SHARE_OF = re.compile(r"占[^,;。]{0,6}$")


def stated_periods(text: str, ctx: ArticleContext, doc: Document) -> list[str]:
    """Periods a text states, history spans (自2016年以来) and targets left out."""
    out = []
    for p in find_periods(text, published=doc.published, default_year=ctx.focus_year):
        history = p.start > 0 and text[p.start - 1] in "自从由"
        if p.period.kind == "asof" and p.period.label.endswith("-12-31") and p.period.year is not None:
            out.append(str(p.period.year))  # 截至2019年(底): a standing at the end of the year is the year's
            continue
        if history or p.period.kind in ("target", "asof") or p.period.year is None:
            continue
        out.append(p.period.label)
    return out


def old_period(words: str, period: str | None, ctx: ArticleContext, doc: Document) -> str | None:
    """The period of the old ranks of 从去年同期的第7名上升到第5名: the same span a year before, or as named."""
    if is_same_time_last_year(words):
        return f"{int(period[:4]) - 1}{period[4:]}" if period and period[:4].isdigit() else None
    stated = stated_periods(words, ctx, doc)
    return stated[-1] if stated else None


def about_fact(text: str, at: int, here: list[ExtractedFact], subject: Region | None) -> ExtractedFact | None:
    """The figure a claim is about: the subject's last one stated before it in the sentence."""
    best: tuple[tuple[int, int], ExtractedFact] | None = None
    for fact in here:
        where = text.rfind(fact.metric_surface, 0, at) if fact.metric_surface else -1
        mine = subject is None or fact.region.code == subject.code
        if where >= 0 and _SHARE_OF.search(text, max(0, where - 8), where):
            continue  # 占山东总存量的15%: a share of the metric, not the metric ranked
        # the name ending last, the longer of two ending together: 地区生产总值 inside 人均地区生产总值 is not it
        key = (where + len(fact.metric_surface or ""), len(fact.metric_surface or ""))
        if where >= 0 and mine and (best is None or key >= best[0]):
            best = (key, fact)
    if best is not None:
        return best[1]
    # a figure named only after the rank (增速居第3位;实现收入80亿元) is not what the rank is about
    mine_any = [f for f in here
                if (subject is None or f.region.code == subject.code) and not after_or_share(text, f, at)]
    return mine_any[-1] if mine_any else None


def after_or_share(text: str, fact: ExtractedFact, at: int) -> bool:
    """Whether the figure is stated at or after the rank, is a share, or cannot be found in the sentence (its
    metric named otherwise, 县域实现生产总值 for 县域生产总值): then where its value is written decides."""
    where = text.find(fact.metric_surface) if fact.metric_surface else -1
    if where < 0:
        where = text.find(fact.value_text) if fact.value_text else -1
        if where < 0:
            return True  # nowhere to be seen: not known to come before the rank
    return where >= at or (where > 0 and bool(_SHARE_OF.search(text, max(0, where - 8), where)))


def claim_period(before: str, about: ExtractedFact | None, ctx: ArticleContext, doc: Document, *,
                 carried_fact: ExtractedFact | None = None, carried: str | None = None) -> str | None:
    """The period of a standing: its own figure's in the sentence, else the last one the sentence states before
    it, the paragraph's (its last figure's, else the last period stated), the article's own, or its title's.

    截至2019年,…排名升至第77位 after a paragraph of 2020 figures is 2019's: the sentence says so."""
    if about is not None and (own := _figure_period(about)):
        return own
    periods = stated_periods(before, ctx, doc)
    if periods:
        return periods[-1]
    if carried_fact is not None and (own := _figure_period(carried_fact)):
        return own
    if carried is not None:
        return carried
    if ctx.focus_period is not None:
        return ctx.focus_period.label
    titled = stated_periods(doc.title or "", ctx, doc)
    return titled[0] if titled else None


def _figure_period(fact: ExtractedFact) -> str | None:
    if fact.period.kind == "span":
        return str(fact.period.year)  # a standing after years of change (五年来…居全国第2位): where they ended
    return fact.period.label if fact.period.label != "undated" else None
