"""Comparisons of two or more regions: by rank in a shared ranking, or by a figure of the same period."""

from __future__ import annotations

import re
from decimal import Decimal

from knowledge.extract.periods import parse_label
from knowledge.qa.answer import Answer
from knowledge.qa.format import fact_line, plain_number, short_fact
from knowledge.qa.index import FactRecord
from knowledge.qa.intents import Intent
from knowledge.qa.lookup import Lookup, describe_wanted, period_matches, ranking_heading
from knowledge.qa.parse import Query

_RANK_WORDS = ("排名", "靠前", "靠后", "名次")
_PACE = re.compile(r"快|慢")  # 哪个快: a comparison of growth, though no growth word is said


def comparison(lookup: Lookup, q: Query) -> Answer:
    """Rank comparison when asked about 排名/靠前, else a like-for-like figure comparison."""
    if q.metric is None or any(w in q.simplified for w in _RANK_WORDS):
        if len(q.regions) < 2:
            named = _by_entry_names(lookup, q)
            if named is not None:
                return named
        ranked = _by_rank(lookup, q)
        if ranked is not None:
            return ranked
    if q.metric is None:
        return Answer(False, Intent.COMPARISON, "请说明要比较的指标,例如:临清和冠县上半年生产总值谁更高?")
    # each place's own name for the metric asked; one that all of them store, else the question's metric
    stored = [m for m in dict.fromkeys(lookup.region_metric(r, q) for r in q.regions) if m]
    shared = [m for m in stored if all(m in lookup.metrics_of(r) for r in q.regions)]
    metric = shared[0] if shared else q.metric
    return _by_figure(lookup, q, metric)


def _by_rank(lookup: Lookup, q: Query) -> Answer | None:
    codes = {r.code for r in q.regions}
    for ranking in lookup.index.rankings:
        placed = {e.region_code: e for e in ranking.entries if e.region_code in codes and e.position}
        if len(placed) == len(codes):
            order = sorted(placed.values(), key=lambda e: e.position or 0)
            shown = ",".join(f"{lookup.entry_name(e)}第{e.position}名" for e in order)
            lines = [f"{ranking_heading(ranking)}中:" + shown, f"{lookup.entry_name(order[0])}排名更靠前。"]
            return lookup.with_sources(Answer(True, Intent.COMPARISON, "\n".join(lines)),
                                       sentence_ids=[ranking.sentence_id], needle=order[0].name)
    return None


def _by_entry_names(lookup: Lookup, q: Query) -> Answer | None:
    """Two ranked entries that are not regions (市财政局 和 市统计局) in the same ranking."""
    for ranking in lookup.index.rankings:
        named = [e for e in ranking.entries if len(e.name) >= 3 and e.name in q.simplified and e.position]
        if len(named) >= 2:
            order = sorted(named, key=lambda e: e.position or 0)
            text = (f"{ranking_heading(ranking)}中:" + ",".join(f"{e.name}第{e.position}名" for e in order)
                    + f"\n{order[0].name}排名更靠前。")
            return lookup.with_sources(Answer(True, Intent.COMPARISON, text), sentence_ids=[ranking.sentence_id],
                                       needle=order[0].name)
    return None


def _by_figure(lookup: Lookup, q: Query, metric: str) -> Answer:
    per_region = {r.code: [f for f in lookup.facts(r, metric) if (f.value is not None or f.growth is not None)
                           and period_matches(f, q.period)] for r in q.regions}
    missing = [r.name for r in q.regions if not per_region[r.code]]
    if missing:
        when = describe_wanted(q.period) if q.period is not None else ""
        return Answer(False, Intent.COMPARISON, f"资料里没有{'、'.join(missing)}{when}的{metric}数据,无法比较。")
    common = set.intersection(*({f.period_label for f in facts} for facts in per_region.values()))
    if not common:
        lines = [f"{r.name}:" + ";".join(short_fact(f) for f in per_region[r.code][:2]) for r in q.regions]
        text = f"{metric}的时期不同,不能直接比较:\n" + "\n".join(lines)
        answer = Answer(True, Intent.COMPARISON, text, not_comparable=True)
        return lookup.with_sources(answer, [per_region[r.code][0] for r in q.regions])
    label = max(common, key=lambda lab: parse_label(lab).sort_key)
    chosen = [next(f for f in per_region[r.code] if f.period_label == label) for r in q.regions]
    scaled = [in_base_unit(f) for f in chosen]
    same_unit = all(v is not None for v in scaled) and len({u for _, u in filter(None, scaled)}) == 1
    use_value = same_unit and not (q.wants_growth and all(f.growth is not None for f in chosen))
    values_apart = not use_value and not q.wants_growth and not _PACE.search(q.simplified) \
        and any(f.value is not None for f in chosen)  # GDP谁高 with the figures in units that do not convert
    if not use_value and (values_apart or not all(f.growth is not None for f in chosen)):
        lines = [fact_line(f, lookup.name_of(r)) for r, f in zip(q.regions, chosen, strict=True)]
        text = f"{metric}的单位或口径不同,不能直接比较:\n" + "\n".join(lines)
        return lookup.with_sources(Answer(True, Intent.COMPARISON, text, not_comparable=True), chosen)

    if not use_value and not q.wants_growth and not _PACE.search(q.simplified):
        # GDP谁高 with only growth rates stored: the figures asked are not there, and growth is not them
        names = "、".join(r.name for r in q.regions)
        lines = [fact_line(f, lookup.name_of(r)) for r, f in zip(q.regions, chosen, strict=True)]
        text = (f"资料里没有{names}{parse_label(label).describe()}{metric}的数值可比,只有增速:\n" + "\n".join(lines)
                + "\n(增速不是总量,不能据此判断哪个更高。)")
        return lookup.with_sources(Answer(False, Intent.COMPARISON, text, not_comparable=True), chosen)

    def key(f: FactRecord) -> float:
        if use_value:
            v = in_base_unit(f)
            return float(v[0]) if v is not None else -1e9
        return f.growth if f.growth is not None else -1e9

    ranked = sorted(zip(q.regions, chosen, strict=True), key=lambda rf: key(rf[1]), reverse=True)
    what = "数值" if use_value else "增速"
    lines = [fact_line(f, lookup.name_of(r)) for r, f in ranked]
    lines.append(f"{parse_label(label).describe()}{metric}{what}:{ranked[0][0].name}更高。")
    if use_value and len(ranked) == 2 and ranked[0][1].unit == ranked[1][1].unit:
        lines.append(_working(ranked[0][0].name, ranked[0][1], ranked[1][0].name, ranked[1][1]))
    answer = Answer(True, Intent.COMPARISON, "\n".join(lines), facts=[lookup.fact_json(f) for _, f in ranked])
    return lookup.with_sources(answer, [f for _, f in ranked])


_SCALE = {"万亿元": ("亿元", Decimal(10000)), "亿元": ("亿元", Decimal(1)), "万元": ("亿元", Decimal("0.0001")),
          "亿美元": ("亿美元", Decimal(1)), "万美元": ("亿美元", Decimal("0.0001")), "万吨": ("吨", Decimal(10000)),
          "吨": ("吨", Decimal(1)), "万人": ("人", Decimal(10000)), "人": ("人", Decimal(1))}


def in_base_unit(f: FactRecord) -> tuple[Decimal, str] | None:
    """8.8万亿元 → (88000, 亿元): figures in related units compare once scaled; None without a value."""
    if f.value_text is None:
        return None
    value = Decimal(f.value_text.replace(",", ""))
    base, factor = _SCALE.get(f.unit or "", (f.unit or "", Decimal(1)))
    return value * factor, base


def _working(high_name: str, high: FactRecord, low_name: str, low: FactRecord) -> str:
    """高出多少、是几倍, with the formula on the stated figures (same period and unit, checked by the caller)."""
    a, b = Decimal(high.value_text or "0"), Decimal(low.value_text or "0")
    unit = high.unit or ""
    line = f"差额:{plain_number(a)} − {plain_number(b)} = {plain_number(a - b)}{unit}"
    if b > 0:
        times = (a / b).quantize(Decimal("0.01"))
        line += f";{high_name}是{low_name}的{times}倍({plain_number(a)} ÷ {plain_number(b)})"
    return line + "。"
