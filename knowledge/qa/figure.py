"""Figures: one region's metric for the period asked, newest first, with growth, qualifiers and source."""

from __future__ import annotations

from knowledge.extract.periods import parse_label
from knowledge.places.gazetteer import Region
from knowledge.qa.answer import Answer
from knowledge.qa.fallback import region_needed
from knowledge.qa.format import fact_line, short_fact
from knowledge.qa.index import FactRecord
from knowledge.qa.intents import Intent
from knowledge.qa.lookup import Lookup, describe_wanted, distinct, nearest, period_matches
from knowledge.qa.overview import overview
from knowledge.qa.parse import OVERVIEW_WORDS, Query


def figure(lookup: Lookup, q: Query) -> Answer:
    if not q.regions:
        return region_needed(lookup, q)
    if q.metric is None:
        return overview(lookup, q)
    region = q.regions[0]
    metric = lookup.region_metric(region, q)
    facts = lookup.facts(region, metric) if metric else []
    if not facts and q.metric_score < 100 and OVERVIEW_WORDS.search(q.simplified):
        return overview(lookup, q)  # 临清市经济怎么样: a general question, not a missing metric
    if not facts or metric is None:
        return _no_figure(lookup, q, region)
    chosen = [f for f in facts if period_matches(f, q.period)]
    if not chosen:
        return _other_period(lookup, q, region, metric, facts)
    newest = max(f.period_key for f in chosen)
    top = [f for f in chosen if f.period_key == newest]
    lines = [fact_line(f, region.name) for f in distinct(top)]
    if q.period is not None and q.period.latest:
        lines.insert(0, f"资料中{region.name}{metric}最新的数据是{parse_label(top[0].period_label).describe()}的:")
    if len({(f.value, f.growth) for f in top}) > 1:
        lines.append("注意:不同来源的数字不一致,以上均列出。")
    older = [f for f in chosen if f.period_key != newest]
    if older:
        lines.append("其他时期:" + ";".join(short_fact(f) for f in distinct(older)[:4]))
    shown = top + older[:4]
    answer = Answer(True, Intent.FIGURE, "\n".join(lines), facts=[lookup.fact_json(f) for f in shown], metric=metric,
                    period_label=top[0].period_label)
    return lookup.with_sources(answer, shown)


def _other_period(lookup: Lookup, q: Query, region: Region, metric: str, facts: list[FactRecord]) -> Answer:
    """The period asked is not in the base: say so first, then offer the nearest one, labelled and cited."""
    near = nearest(facts, q.period)
    have = "、".join(dict.fromkeys(parse_label(f.period_label).describe() for f in facts))
    when = parse_label(near.period_label).describe()
    text = (f"资料中没有{region.name}{describe_wanted(q.period)}的{metric}数据;"
            f"最近的是{when}:{fact_line(near, region.name)}。\n资料里有的时期:{have}。")
    answer = Answer(False, Intent.FIGURE, text, suggestions=[f"{region.short}{metric}是多少?"], metric=metric,
                    facts=[lookup.fact_json(near)])
    return lookup.with_sources(answer, [near])


def _no_figure(lookup: Lookup, q: Query, region: Region) -> Answer:
    known = lookup.metrics_of(region)
    text = f"资料里没有{region.name}的{q.metric}数据,我不会编造数字。"
    if known:
        text += "我知道" + region.name + "的:" + "、".join(known[:6]) + "。"
    return Answer(False, Intent.FIGURE, text, suggestions=[f"{region.short}{m}是多少?" for m in known[:3]])
