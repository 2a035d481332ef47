"""Places over or under a threshold: 山东有哪些县GDP过千亿, 过500亿元的县有几个, 增速超过15%的市有哪些.

A list or count the articles state answers first (a 名单, or a figure such as 过千亿元的县 16个, with the same
threshold). Otherwise the places are counted over the base: only places with a figure of one period are
counted, and the answer says over how many places (在资料覆盖的N个地区中) and for which period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from knowledge.extract.metrics import canonical_metric, surfaces
from knowledge.extract.periods import parse_label
from knowledge.places.gazetteer import Region
from knowledge.qa.answer import Answer
from knowledge.qa.format import plain_number
from knowledge.qa.index import FactRecord, RankingRecord
from knowledge.qa.intents import Intent
from knowledge.qa.lookup import Lookup, period_matches
from knowledge.qa.metric_match import acceptable
from knowledge.qa.query import Query
from knowledge.qa.ranked import best_ranking, counted, normalized_title, show_ranking
from knowledge.text.numbers import cn_int

_SCALES = {"万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10, "亿": Decimal(10) ** 8,
           "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6, "万": Decimal(10) ** 4, "千": Decimal(1000),
           "百": Decimal(100)}
_AMOUNT = r"(?P<amount>\d+(?:\.\d+)?|[一二两三四五六七八九十]+)"
_UNIT = r"(?P<scale>万亿|千亿|百亿|亿|千万|百万|万)?(?P<base>元|美元|%|个百分点|吨|斤|人|户|家|辆|亩|公顷|千瓦时)?"
# (pattern, above): the word before the amount (过千亿, 不足15亿元), or after it (500亿元以上)
_FORMS = (
    (re.compile(rf"(?:超过|突破|高于|大于|多于|过|超|逾)\s*{_AMOUNT}?\s*{_UNIT}"), True),
    (re.compile(rf"(?:不足|低于|少于|不到|小于|未达到?|未超过)\s*{_AMOUNT}?\s*{_UNIT}"), False),
    (re.compile(rf"{_AMOUNT}?\s*{_UNIT}(?:及)?以上"), True),
    (re.compile(rf"{_AMOUNT}?\s*{_UNIT}以下"), False),
)
_ASKS = re.compile(r"有哪些|哪些|哪几个|有几个|几个|多少个|有多少|几家|多少家|名单|分别是")
_COUNT_ASK = re.compile(r"(?<!哪)几个|多少个|有多少|(?<!哪)几家|多少家")
_PLACE = r"(县区|区县|县市区|县市|县|区|地市|城市|市|省份|省|地区)"
_LEVELS = {"县区": "county", "区县": "county", "县市区": "county", "县市": "county", "县": "county", "区": "county",
           "地市": "city", "城市": "city", "市": "city", "省份": "province", "省": "province"}
_PLACE_ASKED = (re.compile(rf"(?:哪些|哪几个|几个|多少个)\s*{_PLACE}"), re.compile(rf"的\s*{_PLACE}(?![域级])"),
                re.compile(rf"{_PLACE}(?![域级])(?:\(市、区\))?(?:有|中|里|是)"))
_GROWTH = re.compile(r"增速|增长|增幅")
_BOUND_QUALIFIERS = ("超过", "以上", "突破", "近", "不足", "逾", "约")
_SHOWN = 20


@dataclass(frozen=True, slots=True)
class Threshold:
    above: bool
    amount: Decimal  # in the base unit (元 for money); a percentage for % and 个百分点
    base: str  # 元, 美元, %, 个百分点 or "" when the question names none
    said: str  # as the question wrote it: 过千亿, 超过15%

    def holds(self, value: Decimal) -> bool:
        return value > self.amount if self.above else value < self.amount


def threshold_in(text: str) -> Threshold | None:
    """The first threshold written in `text`: 过千亿 (1e11), 超过500亿元, 不足15亿元, 15%以上."""
    for pattern, above in _FORMS:
        for m in pattern.finditer(text):
            amount_text, scale, base = m["amount"], m["scale"], m["base"]
            if not amount_text and not scale:
                continue  # 突破多少亿 asks a figure; it sets no threshold
            amount = Decimal(1) if not amount_text else _amount(amount_text)
            if amount is None:
                continue
            factor = _SCALES.get(scale or "", Decimal(1))
            return Threshold(above, amount * factor, base or ("元" if scale else ""), m[0])
    return None


def _amount(text: str) -> Decimal | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    n = cn_int(text)
    return Decimal(n) if n is not None else None


def asks_places_by_threshold(q: Query) -> Threshold | None:
    """A threshold, when the question asks which places pass it or how many: 有哪些县…过千亿, 过500亿元的县有几个
    (过亿元项目有多少个 counts projects, not places)."""
    if not _ASKS.search(q.simplified) or level_asked(q.simplified) is None:
        return None
    found = threshold_in(q.simplified)
    if found is not None and not found.base:  # 增速超过8 is 8%; GDP过1000 names no unit to compare in
        return replace(found, base="%") if _GROWTH.search(q.simplified) else None
    return found


def fact_amount(f: FactRecord, by_growth: bool) -> tuple[Decimal, str] | None:
    """A fact's figure in the base unit of its unit (亿元 → 元), or its growth rate in %."""
    if by_growth:
        return (Decimal(str(f.growth)), "%") if f.growth is not None else None
    if f.value_text is None or not f.unit:
        return None
    for scale, factor in _SCALES.items():
        if f.unit.startswith(scale) and len(f.unit) > len(scale):
            return Decimal(f.value_text) * factor, f.unit[len(scale):]
    return Decimal(f.value_text), f.unit


def threshold_answer(lookup: Lookup, q: Query) -> Answer | None:
    """The places passing the threshold asked: a list the articles state of the same threshold, else a count
    they state, else counted over the base. None when the question is not such a question, or when the base
    has too few places to count over."""
    threshold = asks_places_by_threshold(q)
    if threshold is None or q.metric is None or len(q.regions) > 1:
        return None
    if (stated_list := _stated_list(lookup, q, threshold)) is not None:
        return stated_list
    scope = q.regions[0] if q.regions else None
    metric = _base_metric(q)
    if scope is not None and (stated := _stated_count(lookup, q, scope, metric, threshold)) is not None:
        return stated
    if q.metric_score < 100:  # 夏粮产量 asked, 夏粮总产量 stored: the name most places have
        metric = _stored_name(lookup, q, threshold) or metric
    return _computed(lookup, q, scope, metric, threshold)


_TALK = re.compile(rf"{_ASKS.pattern}|{_PLACE}|的|有|是")


def _stored_name(lookup: Lookup, q: Query, threshold: Threshold) -> str | None:
    words = _TALK.sub("", q.residual.replace(threshold.said, ""))
    names = acceptable(lookup.index.metric_names, words, None, exact=False)
    if not names:
        return None
    # the closest name that about as many places have as any (not 夏粮单位面积产量 for 夏粮产量)
    have = {m: len({lookup.index.facts[i].region_code for i in lookup.index.by_metric.get(m, ())}) for m in names}
    most = max(have.values())
    return next(m for m in names if have[m] >= 0.8 * most)


def _stated_list(lookup: Lookup, q: Query, threshold: Threshold) -> Answer | None:
    """广东GDP过万亿的城市有哪些 / 有几个: a stated list of the same threshold (过万亿 or 万亿城市; never a band
    such as 150-200亿元, nor another bound)."""
    def same(r: RankingRecord) -> bool:
        title = normalized_title(_named(lookup, r))
        said = threshold_in(title)
        if said is not None:
            return (said.above, said.amount) == (threshold.above, threshold.amount)
        magnitude = re.sub(r"^(?:超过|突破|高于|大于|多于|过|超|逾|不足|低于|少于|不到|小于)", "", threshold.said)
        return threshold.above and bool(magnitude) and magnitude in title and not re.search(r"\d", title)

    best = best_ranking(lookup, q, among=same)
    if best is None or best[0] < 45:
        return None
    answer = show_ranking(lookup, q, best[1])
    return counted(answer, best[1]) if _COUNT_ASK.search(q.simplified) else answer


def _named(lookup: Lookup, r: RankingRecord) -> str:
    """What a list is of: its title, or for a bare 名单 the words of its sentence before the entries."""
    if len(r.title) > 3:
        return r.title
    sentence = lookup.index.sentences.get(r.sentence_id, "")
    first = r.entries[0].original or r.entries[0].name if r.entries else ""
    at = sentence.find(first) if first else -1
    lead = sentence[:at] if at > 0 else sentence
    return re.sub(r"共有?\d+个|分别是|分别为|有|[,,::]", "", lead[-30:])


def is_threshold_question(q: Query) -> bool:
    return asks_places_by_threshold(q) is not None and q.metric is not None and len(q.regions) <= 1


def _base_metric(q: Query) -> str:
    """The metric the threshold is on: 地区生产总值 for 过千亿元的县 (the vocabulary's, else the nearest name)."""
    name = q.metric or ""
    if (at := threshold_in(name)) is not None:
        name = name.split(at.said, 1)[0]
    return canonical_metric(name) or name


def _stated_count(lookup: Lookup, q: Query, scope: Region, metric: str, threshold: Threshold) -> Answer | None:
    """过千亿元的县(市、区)有16个: a count the articles state, for the same metric and threshold."""
    for name in lookup.metrics_of(scope):
        said = threshold_in(name)
        if said is None or (said.above, said.amount) != (threshold.above, threshold.amount):
            continue
        head = name.split(said.said, 1)[0]
        facts = [f for f in lookup.facts(scope, name) if period_matches(f, q.period) and f.value_text]
        # 过500亿元的有49个 names no metric: the metric written last before it in the sentence says whose it is
        facts = [f for f in facts if (canonical_metric(head) or head or _metric_before(lookup, f, said.said)) == metric]
        if facts:
            f = facts[0]
            when = parse_label(f.period_label).describe()
            text = f"{lookup.name_of(scope)} {when} {name}:{f.value_text}{f.unit or ''}(原文所述)"
            if not _COUNT_ASK.search(q.simplified):
                text += "\n资料里没有这些地区的名单。"
            answer = Answer(True, Intent.FIGURE, text, facts=[lookup.fact_json(f)], metric=name,
                            period_label=f.period_label)
            return lookup.with_sources(answer, [f])
    return None


def _metric_before(lookup: Lookup, f: FactRecord, said: str) -> str:
    sentence = lookup.index.sentences[f.sentence_id]
    at = sentence.find(said)
    if at < 0:
        return ""
    before = sentence[:at].lower()
    found = [(before.rfind(s) + len(s), s) for s in surfaces() if s.lower() in before]
    return canonical_metric(max(found)[1]) or "" if found else ""


def level_asked(text: str) -> str | None:
    """The kind of place counted: 县 in 有哪些县…, 城市 in …的城市."""
    for pattern in _PLACE_ASKED:
        if (m := pattern.search(text)) is not None:
            return _LEVELS.get(m.group(1))
    return None


def too_few(q: Query) -> Answer:
    """Refusal when there is neither a stated answer nor enough places to count over."""
    threshold = asks_places_by_threshold(q)
    said = threshold.said if threshold else ""
    growth = "增速" if threshold and threshold.base in ("%", "个百分点") and _GROWTH.search(q.simplified) else ""
    text = f"资料里没有{q.metric or ''}{growth}{said}的地区名单或数量,覆盖的地区也不够计算,我不会编造。"
    return Answer(False, Intent.COMPUTED_RANKING, text, metric=q.metric)


def _computed(lookup: Lookup, q: Query, scope: Region | None, metric: str, threshold: Threshold) -> Answer | None:
    level = level_asked(q.simplified)
    places = [lookup.gaz.get(c) for c in lookup.index.by_region]
    if scope is not None:
        places = [r for r in places if r.code != scope.code and lookup.within(r.code, scope)]
    places = [r for r in places if (r.level == level if level else scope is None or lookup.gaz.parent(r) == scope)]
    by_growth = threshold.base in ("%", "个百分点") and bool(_GROWTH.search(q.simplified))
    figures: dict[str, list[tuple[FactRecord, Decimal]]] = {}
    for region in places:
        for f in lookup.facts(region, metric):
            amount = fact_amount(f, by_growth)
            if amount is None or not period_matches(f, q.period) or not _same_base(amount[1], threshold.base) \
                    or parse_label(f.period_label).kind in ("undated", "target"):
                continue
            if not by_growth and f.qualifier and any(b in f.qualifier for b in _BOUND_QUALIFIERS):
                continue  # 超过300亿元 is a bound, not a figure to compare
            figures.setdefault(region.code, []).append((f, amount[0]))
    kind = {"county": "县(市、区)", "city": "市", "province": "省份"}.get(level or "", "地区")
    where = f"{scope.name}下辖" if scope else ("全国" if level == "province" else "")
    what = f"{metric}增速" if by_growth else metric
    if len(figures) < 2:
        return None
    label = _common_period(figures)
    rows = [(lookup.gaz.get(code), next((f, v) for f, v in fs if f.period_label == label))
            for code, fs in figures.items() if any(f.period_label == label for f, _ in fs)]
    if len(rows) < 2:
        return None  # one place with a figure of that period is nothing to count over
    passing = sorted(((r, f, v) for r, (f, v) in rows if threshold.holds(v)), key=lambda x: x[2],
                     reverse=threshold.above)
    period = parse_label(label).describe()
    counted = f"全国{len(rows)}个{kind}" if where == "全国" else f"{len(rows)}个{where}{kind}"
    head = f"在资料覆盖的{counted}中,{period}{what}{threshold.said}的"
    if not passing:
        text = f"资料里没有{period}{what}{threshold.said}的{where}{kind}(只按资料覆盖的地区计算)。"
        return Answer(False, Intent.COMPUTED_RANKING, text, metric=metric)
    shown = "、".join(f"{lookup.name_of(r)}({_figure(f, by_growth)})" for r, f, _ in passing[:_SHOWN])
    more = f"等{len(passing)}个" if len(passing) > _SHOWN else ""
    lines = [f"{head}有{len(passing)}个:{shown}{more}。",
             "(按资料中各地同期数字计算,未覆盖的地区不在其中)"]
    used = [f for _, f, _ in passing[:_SHOWN]]
    answer = Answer(True, Intent.COMPUTED_RANKING, "\n".join(lines), metric=metric, period_label=label,
                    facts=[lookup.fact_json(f) for f in used])
    return lookup.with_sources(answer, used, limit=len(used))


def _same_base(unit: str, asked: str) -> bool:
    """A figure in 亿元 is compared with 过千亿 or 过500亿元, never with 15% (and 美元 never with 元)."""
    if asked in ("%", "个百分点"):
        return unit == asked
    if asked:
        return unit == asked
    return unit not in ("%", "个百分点")


def _figure(f: FactRecord, by_growth: bool) -> str:
    if by_growth:
        return f"增长{plain_number(f.growth)}%"
    return f"{f.value_text}{f.unit or ''}"


def _common_period(figures: dict[str, list[tuple[FactRecord, Decimal]]]) -> str:
    """The period most places have a figure for; the newest among equals."""
    counts: dict[str, int] = {}
    for fs in figures.values():
        for label in {f.period_label for f, _ in fs}:
            counts[label] = counts.get(label, 0) + 1
    return max(counts, key=lambda lab: (counts[lab], parse_label(lab).sort_key))
