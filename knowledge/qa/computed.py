"""Rankings computed over the places in the base: 聊城哪个县GDP最高, 各县GDP排名.

The ranking is only as wide as the base: the answer says over how many places it was computed, and for
which period; places whose figure is for another period are left out, never mixed in.
"""

from __future__ import annotations

import re
from collections import Counter

from knowledge.extract.metrics import canonical_metric
from knowledge.extract.periods import parse_label
from knowledge.places.gazetteer import Region
from knowledge.qa.answer import Answer
from knowledge.qa.format import plain_number
from knowledge.qa.index import ClaimRecord, FactRecord, RankingRecord
from knowledge.qa.intents import Intent
from knowledge.qa.lookup import Lookup, period_matches, ranking_heading
from knowledge.qa.metric_match import acceptable
from knowledge.qa.parse import Query, place_level
from knowledge.qa.rank_claims import claim_period, period_matches_label

_LOWEST = re.compile(r"最低|最少|最小|最慢|倒数|垫底")
_SHOWN = 10
_RANKING_TALK = re.compile(r"哪个|哪一个|哪些|哪几个|各|[县区市省]份?|最[高多大快低少小慢]|第一|领先|排名|排行|排序")


def computed_ranking(lookup: Lookup, q: Query, *, place: Region | None = None) -> Answer:
    """The ranking of the places under the scope asked; with `place`, that place's position in it."""
    if q.metric is None:
        return Answer(False, Intent.COMPUTED_RANKING, "请说明按哪个指标排名,例如:聊城哪个县GDP最高?")
    scope = q.regions[0] if q.regions else None
    level = q.level or place_level(q.simplified)
    candidates = _places_under(lookup, scope, level)
    by_growth = q.wants_growth and not re.search(r"总量|规模|数值", q.simplified)
    metric = _metric_of_most(lookup, q, candidates)
    facts: dict[str, list[FactRecord]] = {}
    for region in candidates:
        usable = [f for f in lookup.facts(region, metric) if period_matches(f, q.period)
                  and (f.growth is not None if by_growth else f.value is not None)]
        if usable:
            facts[region.code] = usable
    where = f"{scope.name}下辖" if scope else ""
    lowest = bool(_LOWEST.search(q.simplified)) and q.position is None and place is None  # 倒数第一 is a place
    stated = _stated_ranking(lookup, q, scope, metric, by_growth) if place is None else None
    if stated is not None and not lowest and any(e.position == 1 for e in stated.entries):
        return _from_stated(lookup, stated)  # the article's own ranking knows the places the base does not
    first = _stated_first(lookup, q, scope, level, metric, by_growth) if place is None and not lowest \
        and q.position in (None, 1) else None
    if first is not None:  # 湖北领跑全国: a first place stated outright beats a ranking of the few places covered
        return first
    if len(facts) < 2:
        text = (f"资料里没有这一级{where}地区的{metric}数据,排不出名次。" if not facts
                else f"资料里只有1个{where}地区有{metric}数据,排不出名次。")
        return Answer(False, Intent.COMPUTED_RANKING, text, metric=metric)
    label = _common_period(facts)
    rows = [(lookup.gaz.get(code), next(f for f in fs if f.period_label == label))
            for code, fs in facts.items() if any(f.period_label == label for f in fs)]
    units = Counter(f.unit for _, f in rows)
    unit = units.most_common(1)[0][0]
    rows = [(r, f) for r, f in rows if by_growth or f.unit == unit]  # never rank 亿元 against 万元
    if len(rows) < 2:  # places with figures of other periods: one place of the period is no ranking
        text = (f"资料里只有{len(rows)}个{where}地区有{parse_label(label).describe()}的{metric}数据"
                f"(其他地区的数据时期不同),排不出名次。")
        return Answer(False, Intent.COMPUTED_RANKING, text, metric=metric)

    def key(row: tuple[Region, FactRecord]) -> float:
        f = row[1]
        value = f.growth if by_growth else f.value
        return value if value is not None else 0.0

    rows.sort(key=key, reverse=not lowest)
    period = parse_label(label).describe()
    what = f"{metric}增速" if by_growth else metric
    order = "从低到高" if lowest else "从高到低"
    if scope is None and rows and all(r.level == "province" for r, _ in rows):
        where, kind = "全国", "省份"  # provinces ranked with no place named: a ranking within the nation
    else:
        kind = {"county": "县(市、区)", "city": "市", "province": "省份"}.get(level or "", "地区")
    counted = f"全国{len(rows)}个{kind}" if where == "全国" else f"{len(rows)}个{where}{kind}"
    if place is not None:
        return _place_position(lookup, place, rows, f"在资料覆盖的{counted}中,{period}{what}", by_growth)
    if q.position is not None:
        return _at_position(lookup, q.position, rows, f"在资料覆盖的{counted}中,{period}{what}", by_growth)
    lines = [f"在资料覆盖的{counted}中,{period}{what}{order}:"]
    for i, (region, f) in enumerate(rows[:_SHOWN], 1):
        shown = f"{plain_number(f.growth)}%" if by_growth else f"{f.value_text}{f.unit or ''}"
        lines.append(f"{i}. {region.name} {shown}")
    if len(rows) > _SHOWN:
        lines.append(f"……另有{len(rows) - _SHOWN}个")
    extreme = "最低" if lowest else "最高"
    lines.append(f"资料覆盖的地区中{extreme}的是{rows[0][0].name}。(按各地同期数字排序,未覆盖的地区不在其中)")
    if stated is not None:  # a stated ranking without its first place: say that the top is not known
        shown = "、".join(f"{e.position}.{lookup.entry_name(e)}" for e in stated.entries if e.position)
        lines.append(f"另据{ranking_heading(stated)}:{shown};资料中没有它的第1名。")
    used = [f for _, f in rows[:_SHOWN]]
    answer = Answer(True, Intent.COMPUTED_RANKING, "\n".join(lines), metric=metric,
                    facts=[lookup.fact_json(f) for f in used])
    return lookup.with_sources(answer, used, limit=len(used))


def _at_position(lookup: Lookup, position: int, rows: list[tuple[Region, FactRecord]], where: str,
                 by_growth: bool) -> Answer:
    """第二名 / 最后一名 (-1) of a ranking computed from the highest down."""
    if not -len(rows) <= position <= len(rows) or position == 0:
        return Answer(False, Intent.COMPUTED_RANKING, f"{where}只排得出{len(rows)}名,没有第{position}名。")
    region, f = rows[position - 1] if position > 0 else rows[position]
    named = "最后一名" if position == -1 else f"倒数第{-position}名" if position < 0 else f"第{position}名"
    shown = f"{plain_number(f.growth)}%" if by_growth else f"{f.value_text}{f.unit or ''}"
    text = f"{where}{named}是{region.name}({shown})。(按各地同期数字从高到低排序,未覆盖的地区不在其中)"
    answer = Answer(True, Intent.COMPUTED_RANKING, text, metric=f.metric, facts=[lookup.fact_json(f)])
    return lookup.with_sources(answer, [f], limit=1)


def _place_position(lookup: Lookup, place: Region, rows: list[tuple[Region, FactRecord]], where: str,
                    by_growth: bool) -> Answer:
    """临清GDP在聊城排第几, with no ranking stated: the place's position among the places covered."""
    at = next((i for i, (region, _) in enumerate(rows, 1) if region.code == place.code), None)
    if at is None:
        return Answer(False, Intent.RANK_POSITION, f"{where},{place.name}没有同期数据,排不出它的名次。")
    f = rows[at - 1][1]
    shown = f"{plain_number(f.growth)}%" if by_growth else f"{f.value_text}{f.unit or ''}"
    text = f"{where}{place.name}排第{at}名({shown})。(按各地同期数字从高到低排序,未覆盖的地区不在其中)"
    answer = Answer(True, Intent.RANK_POSITION, text, metric=f.metric, period_label=f.period_label,
                    facts=[lookup.fact_json(f)])
    return lookup.with_sources(answer, [f], limit=1)


_TITLE_TALK = re.compile(r"^(?:19|20)\d\d(?:H[12]|Q[1-4](?:-Q[1-4])?|M\d\d)?|排名|排行|排序|情况")


def _stated_ranking(lookup: Lookup, q: Query, scope: Region | None, metric: str,
                    by_growth: bool) -> RankingRecord | None:
    """An ordered ranking the articles state of the metric asked, within the scope and period asked."""
    for r in lookup.index.rankings:
        if r.kind != "ordered" or (scope is not None and r.scope_name not in (scope.name, scope.short)):
            continue
        if q.period is not None and (r.period_label is None or not period_matches_label(r.period_label, q)):
            continue
        rest = _TITLE_TALK.sub("", r.title.replace(r.scope_name or "", ""))
        if by_growth != rest.endswith("增速"):
            continue
        rest = rest.removesuffix("增速")
        if rest and (canonical_metric(rest) or rest) == metric:
            return r
    return None


_SCOPE_OF_LEVEL = {"nation": re.compile(r"全国|国内"), "province": re.compile(r"全省|省内"),
                   "city": re.compile(r"全市|市内")}


def _stated_first(lookup: Lookup, q: Query, scope: Region | None, level: str | None, metric: str,
                  by_growth: bool) -> Answer | None:
    """A claim of first place (领跑全国, 全省第一) in the metric and period asked, within the scope asked; none
    when the claims disagree, or when the claim's period cannot be told and a period was asked."""
    wanted = metric + ("增速" if by_growth else "")
    said = _SCOPE_OF_LEVEL["nation" if scope is None else scope.level] if scope is None or \
        scope.level in _SCOPE_OF_LEVEL else None
    if said is None:
        return None
    found: dict[str, tuple[ClaimRecord, str | None]] = {}
    for c in lookup.index.claims:
        if c.position != 1 or not c.region_code or c.about != wanted or not said.search(c.scope or c.claim):
            continue
        region = lookup.gaz.get(c.region_code)
        if (scope is not None and not lookup.within(region.code, scope)) or (level and region.level != level):
            continue
        period = claim_period(lookup, c)
        if q.period is not None and (period is None or not period_matches_label(period, q)):
            continue
        found.setdefault(c.region_code, (c, period))
    if len(found) != 1:
        return None
    claim, period = next(iter(found.values()))
    region = lookup.gaz.get(claim.region_code or "")
    when = parse_label(period).describe() if period else ""
    where = "全国" if scope is None else scope.name
    text = f"据资料,{when}{where}{wanted}第一的是{region.name}(原文:“{claim.claim}”)。"
    answer = Answer(True, Intent.COMPUTED_RANKING, text, metric=metric, period_label=period)
    return lookup.with_sources(answer, sentence_ids=[claim.sentence_id], needle=claim.claim)


def _from_stated(lookup: Lookup, r: RankingRecord) -> Answer:
    first = next(e for e in r.entries if e.position == 1)
    shown = "、".join(f"{e.position}.{lookup.entry_name(e)}" for e in r.entries[:_SHOWN] if e.position)
    text = f"据{ranking_heading(r)},第1名是{lookup.entry_name(first)}。\n{shown}"
    answer = Answer(True, Intent.COMPUTED_RANKING, text, ranking_title=r.title, period_label=r.period_label)
    return lookup.with_sources(answer, sentence_ids=[r.sentence_id], needle=first.original or first.name)


def _metric_of_most(lookup: Lookup, q: Query, places: list[Region]) -> str:
    """The stored name of the metric asked that most of the places have (夏粮产量 or 夏粮总产量)."""
    if q.metric_score >= 100:
        return q.metric or ""
    words = _RANKING_TALK.sub("", q.residual)
    names = acceptable(lookup.index.metric_names, words, q.metric, exact=False) or [q.metric or ""]
    have = Counter(m for r in places for m in set(lookup.metrics_of(r)) if m in names)
    return max(names, key=lambda m: (have[m], -names.index(m)))


def _places_under(lookup: Lookup, scope: Region | None, level: str | None) -> list[Region]:
    """The places of the base inside `scope` (all places when none) at the level asked (else one below)."""
    regions = [lookup.gaz.get(c) for c in lookup.index.by_region]
    if scope is not None:
        regions = [r for r in regions if r.code != scope.code and lookup.within(r.code, scope)]
        if level is None:
            return [r for r in regions if lookup.gaz.parent(r) == scope]
    return [r for r in regions if level is None or r.level == level]


def _common_period(facts: dict[str, list[FactRecord]]) -> str:
    """The period most places have a figure for; the newest among equals."""
    counts = Counter(label for fs in facts.values() for label in {f.period_label for f in fs})
    return max(counts, key=lambda lab: (counts[lab], parse_label(lab).sort_key))
