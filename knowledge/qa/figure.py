"""Figures: one region's metric for the period asked, newest first, with growth, qualifiers and source."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from knowledge.extract.metrics import canonical_metric
from knowledge.extract.periods import parse_label
from knowledge.places.gazetteer import Region
from knowledge.qa.answer import Answer
from knowledge.qa.fallback import not_covered, region_needed
from knowledge.qa.format import fact_line, short_fact
from knowledge.qa.index import FactRecord
from knowledge.qa.intents import Intent
from knowledge.qa.lookup import Lookup, describe_wanted, distinct, nearest, period_matches
from knowledge.qa.metric_match import spelled_out, sub_metrics, surface_in
from knowledge.qa.overview import overview
from knowledge.qa.parse import OVERVIEW_WORDS, Query
from knowledge.qa.ranked import best_ranking, counted, show_ranking


def figure(lookup: Lookup, q: Query) -> Answer:
    if not q.regions:
        return region_needed(lookup, q)
    if q.metric is None:
        if (asked := _which_metric(lookup, q, q.regions[0])) is not None:
            return asked
        if len(q.residual) >= 2 and not OVERVIEW_WORDS.search(q.simplified):  # 居民收入呢: a metric not known
            return _no_figure(lookup, q, q.regions[0], asked=q.residual)
        return overview(lookup, q)
    region = q.regions[0]
    if listed_well(lookup, q) and (listed := best_ranking(lookup, q)) is not None:
        return show_ranking(lookup, q, listed[1])  # 广东有哪几个GDP过万亿的城市
    share_metric = lookup.share_metric(region, share_part(q) or q.metric or "") if q.wants_share else None
    if share_metric and not any(_scope_agrees(lookup, q, f) for f in lookup.facts(region, share_metric)):
        share_metric = None  # a share of another whole (占全省 when 占全国 was asked) answers nothing
    metric = share_metric or lookup.region_metric(region, q)
    facts = lookup.facts(region, metric) if metric else []
    if share_metric:
        facts = [f for f in facts if _scope_agrees(lookup, q, f)]
    if not facts and q.metric_score < 100 and OVERVIEW_WORDS.search(q.simplified):
        return overview(lookup, q)  # 临清市经济怎么样: a general question, not a missing metric
    if metric is None and (asked := _which_metric(lookup, q, region)) is not None:
        return asked
    if not facts or metric is None:  # 玉米产量 asked, only 产量 stored: the words asked say what is missing
        words = re.sub(r"[a-z]{4,}", "", q.residual)  # lanling玉米产量: the pinyin named the place
        return _no_figure(lookup, q, region, asked=words if q.metric_score < 100 and len(words) >= 2 else None)
    if q.metric_score < 100 and spelled_out(q.residual) != metric \
            and metric in (narrower := sub_metrics(lookup.known_metrics(region), q.residual)):
        return _which_of(lookup, q, region, q.residual, narrower)  # 产量 asked, 玉米产量 stored: not the same
    chosen = [f for f in facts if period_matches(f, q.period)]
    if not chosen:
        return _other_period(lookup, q, region, metric, facts)
    if q.wants_growth and not q.wants_share and not any(_has_growth(f) for f in chosen):
        when = describe_wanted(q.period) if q.period is not None else ""
        text = f"资料里没有{region.name}{when}的{metric}增速数据,我不会编造数字。"
        return Answer(False, Intent.FIGURE, text, suggestions=[f"{region.short}{metric}是多少?"], metric=metric)
    if q.wants_growth and not q.wants_share:  # 增速多少: the newest period that has a growth rate
        chosen = [f for f in chosen if _has_growth(f)]
    newest = max(f.period_key for f in chosen)
    top = [f for f in chosen if f.period_key == newest]
    if q.wants_share and share_metric is None:
        return share(lookup, q, region, top[0])
    if q.wants_kind and not any(unit_kind(f.unit) == q.wants_kind for f in top):
        beside = _beside(lookup, top[0], q.wants_kind)
        if beside is not None:  # 新签约项目19个,签约金额51.9亿元: the 金额 asked is the money figure beside it
            answer = Answer(True, Intent.FIGURE, fact_line(beside, lookup.name_of(region)),
                            facts=[lookup.fact_json(beside)], metric=beside.metric, period_label=beside.period_label)
            return lookup.with_sources(answer, [beside])
    lines = [fact_line(f, lookup.name_of(region)) for f in distinct(top)]
    if q.period is not None and q.period.latest:
        lines.insert(0, f"资料中{region.name}{metric}最新的数据是{parse_label(top[0].period_label).describe()}的:")
    if any(disagree([f for f in top if f.period_label == label]) for label in {f.period_label for f in top}):
        # 1-8月 and 8月 end together but are two figures: only one period's figures can disagree
        lines.append("注意:不同来源的数字不一致,以上均列出。")
    older = [f for f in chosen if f.period_key != newest]
    if older:
        lines.append("其他时期:" + ";".join(short_fact(f) for f in distinct(older)[:4]))
    shown = top + older[:4]
    answer = Answer(True, Intent.FIGURE, "\n".join(lines), facts=[lookup.fact_json(f) for f in shown], metric=metric,
                    period_label=top[0].period_label)
    return lookup.with_sources(answer, shown)


def _has_growth(f: FactRecord) -> bool:
    return f.growth is not None or f.growth_pp is not None


_SCALE = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3}


def _in_base_unit(f: FactRecord) -> tuple[Decimal, Decimal, str] | None:
    """(value, half its last digit, unit) without the unit's scale: 19.9万吨 is (199000, 500, 吨)."""
    if f.value_text is None or not f.unit:
        return None
    scale = next((s for s in _SCALE if f.unit.startswith(s) and len(f.unit) > len(s)), "")
    factor = Decimal(_SCALE.get(scale, 1))
    value = Decimal(f.value_text)
    exponent = value.as_tuple().exponent
    half = Decimal(5) * Decimal(10) ** (exponent - 1) if isinstance(exponent, int) else Decimal(0)
    return value * factor, half * factor, f.unit[len(scale):]


def disagree(facts: list[FactRecord]) -> bool:
    """Different figures for one thing: 19.9万吨 and 199008.5吨 agree (one is the other rounded)."""
    if len({f.growth for f in facts}) > 1:
        return True
    based = [_in_base_unit(f) for f in facts]
    if any(b is None for b in based):
        return len({(f.value_text, f.unit) for f in facts}) > 1
    known = [b for b in based if b is not None]
    return any(a[2] != b[2] or abs(a[0] - b[0]) > max(a[1], b[1]) for a in known for b in known)


_LIST_ASK = re.compile(r"有哪些|有哪几个|哪些|哪几个|都有谁|分别是|名单")
LISTED = 60.0  # a list question answered by a ranking must match it well,
LISTED_WORDS = 55.0  # and by its words alone, not only by its place and period


def listed_well(lookup: Lookup, q: Query) -> bool:
    """A list question that a stated ranking or 名单 answers well, by its words and not only its place."""
    listed = best_ranking(lookup, q) if _LIST_ASK.search(q.simplified) else None
    return listed is not None and listed[0] >= LISTED and listed[2] >= LISTED_WORDS


_COUNT_ASK = re.compile(r"(?<!哪)几个|多少个")


def counted_list(lookup: Lookup, q: Query) -> Answer | None:
    """湖北有几个千亿县: a stated list that the question names well, counted and shown (None otherwise)."""
    if not _COUNT_ASK.search(q.simplified) or (q.metric is not None and q.metric_score >= 100):
        return None
    listed = best_ranking(lookup, q)
    if listed is None or listed[0] < LISTED or listed[2] < LISTED_WORDS:
        return None
    return counted(show_ranking(lookup, q, listed[1]), listed[1])


def share_part(q: Query) -> str:
    """二产 in 阳城二产占GDP比重是多少: what the share is of, without the place and period words."""
    before = q.simplified.split("占", 1)[0] if "占" in q.simplified else ""
    for region in q.regions:
        before = before.replace(region.name, "").replace(region.short, "")
    return re.sub(r"(?:19|20)\d\d年?|上半年|前三季度|全年|今年|去年|的", "", before).strip()


_MONEY_UNITS = ("元", "美元")
_COUNT_UNITS = ("个", "家", "项", "户", "人", "名", "座", "所", "条", "宗", "批", "只", "艘")


def unit_kind(unit: str | None) -> str | None:
    """亿元 → money, 个 → count, % → share: what a unit measures, for "the figure that was asked for"."""
    if not unit:
        return None
    if unit.endswith(_MONEY_UNITS):
        return "money"
    if unit.endswith(_COUNT_UNITS) or unit.endswith("人次"):
        return "count"
    return "share" if unit in ("%", "个百分点") else None


def _beside(lookup: Lookup, f: FactRecord, kind: str) -> FactRecord | None:
    """A figure of the kind asked, about the same place and period, in the same sentence."""
    same = [lookup.index.facts[i] for i in lookup.index.by_sentence.get(f.sentence_id, [])]
    return next((s for s in same if s.id != f.id and s.region_code == f.region_code and s.value_text
                 and s.period_label == f.period_label and unit_kind(s.unit) == kind), None)


def share(lookup: Lookup, q: Query, region: Region, f: FactRecord) -> Answer:
    """占全省多少 / 占比: a share stated beside the figure, else computed from the whole's figure of the
    same metric, period and unit (the formula shown, both cited), else an honest no."""
    line = fact_line(f, lookup.name_of(region))
    stated = [lookup.index.facts[i] for i in lookup.index.by_sentence.get(f.sentence_id, [])]
    stated = [s for s in stated if s.unit == "%" and s.value_text and s.id != f.id and s.region_code == f.region_code
              and _scope_agrees(lookup, q, s)]
    if stated:
        when = parse_label(stated[0].period_label).describe()
        text = f"{line}\n{region.name} {when} 占比:{stated[0].value_text}%(原文所述)"
        answer = Answer(True, Intent.FIGURE, text, facts=[lookup.fact_json(f), lookup.fact_json(stated[0])],
                        metric=f.metric, period_label=f.period_label)
        return lookup.with_sources(answer, [f, stated[0]])
    if (own := _own_whole(lookup, q, region, f)) is not None:
        return own
    whole = _whole_of(lookup, q, region)
    if whole is not None and f.value is not None:
        same = [w for w in lookup.facts(whole, f.metric)
                if w.period_label == f.period_label and w.unit == f.unit and w.value]
        if same:
            w = same[0]
            pct = Decimal(f.value_text or "0") / Decimal(w.value_text or "1") * 100
            # 临清占茌平多少: a place outside the one named is no part of it, only a proportion of its figure
            what = (f"占{whole.name}的比重" if lookup.within(region.code, whole)
                    else f"相当于{whole.name}的比例({region.name}不属于{whole.name},这不是占比)")
            text = (f"{line}\n{fact_line(w, lookup.name_of(whole))}\n"
                    f"{what}:{f.value_text} ÷ {w.value_text} = {pct.quantize(Decimal('0.1'))}%")
            answer = Answer(True, Intent.FIGURE, text, facts=[lookup.fact_json(f), lookup.fact_json(w)],
                            metric=f.metric, period_label=f.period_label)
            return lookup.with_sources(answer, [f, w])
    where = whole.name if whole else ("全国" if "全国" in q.simplified else "总体")
    text = f"{line}\n资料里没有它占{where}的比重,也没有{where}同期的{f.metric}可以计算。"
    return lookup.with_sources(Answer(False, Intent.FIGURE, text, metric=f.metric, period_label=f.period_label), [f])


def _own_whole(lookup: Lookup, q: Query, region: Region, f: FactRecord) -> Answer | None:
    """第一产业增加值占GDP比重: a metric named after 占 is the whole, the place's own figure of the same period and
    unit (the formula shown, both cited); without that figure an honest no. None when no metric follows 占."""
    after = q.simplified.split("占", 1)[1] if "占" in q.simplified else ""
    surface = surface_in(after)
    whole_metric = canonical_metric(surface) if surface else None
    if whole_metric is None or whole_metric == f.metric:
        return None
    line = fact_line(f, lookup.name_of(region))
    same = [w for w in lookup.facts(region, whole_metric)
            if w.period_label == f.period_label and w.unit == f.unit and w.value and w.value_text]
    if not same or f.value_text is None:
        text = f"{line}\n资料里没有它占{whole_metric}的比重,也没有{region.name}同期的{whole_metric}可以计算。"
        return lookup.with_sources(Answer(False, Intent.FIGURE, text, metric=f.metric, period_label=f.period_label),
                                   [f])
    w = same[0]
    pct = Decimal(f.value_text) / Decimal(w.value_text or "1") * 100
    text = (f"{line}\n{fact_line(w, lookup.name_of(region))}\n"
            f"占{whole_metric}的比重:{f.value_text} ÷ {w.value_text} = {pct.quantize(Decimal('0.1'))}%")
    answer = Answer(True, Intent.FIGURE, text, facts=[lookup.fact_json(f), lookup.fact_json(w)], metric=f.metric,
                    period_label=f.period_label)
    return lookup.with_sources(answer, [f, w])


_SCOPE_WORDS = (("全国", "nation"), ("中国", "nation"), ("全省", "province"), ("全市", "city"))


def _scope_agrees(lookup: Lookup, q: Query, stated: FactRecord) -> bool:
    """占山东总存量的19.4% answers 占全省多少, never 占全国多少: the share's whole must be the one asked."""
    asked = next((level for word, level in _SCOPE_WORDS if f"占{word}" in q.simplified), None)
    if asked is None:
        return True
    sentence = lookup.index.sentences[stated.sentence_id]
    at = sentence.find(f"{stated.value_text}%")
    start = sentence.rfind("占", 0, at) if at > 0 else -1
    if start < 0:
        return False
    between = sentence[start:at]
    said = next((level for word, level in _SCOPE_WORDS if word in between), None)
    if said is None:
        named = lookup.gaz.find_mentions(between)
        said = named[0].region.level if named else None
    return said == asked


def _whole_of(lookup: Lookup, q: Query, region: Region) -> Region | None:
    """The whole a share is of: a place named after 占 (占聊城多少), 全省 → the region's province, 全市 → its
    city; the parent by default."""
    after = q.simplified.split("占", 1)[1] if "占" in q.simplified else ""
    named = next((r for r in q.regions if r.code != region.code and (r.name in after or r.short in after)), None)
    if named is not None:
        return named
    if "全国" in q.simplified:
        return lookup.gaz.by_name("全国")  # the nation unit: its figures are stored like any place's
    chain = lookup.gaz.chain(region)
    for word, level in (("全省", "province"), ("全市", "city")):
        if word in q.simplified:
            return next((r for r in chain if r.level == level and r.code != region.code), None)
    return lookup.gaz.parent(region)


def _other_period(lookup: Lookup, q: Query, region: Region, metric: str, facts: list[FactRecord]) -> Answer:
    """The period asked is not in the base: say so first, then offer the nearest one, labelled and cited."""
    near = nearest(facts, q.period)
    have = "、".join(dict.fromkeys(parse_label(f.period_label).describe() for f in facts))
    when = parse_label(near.period_label).describe()
    asked = f"资料中没有{region.name}{describe_wanted(q.period)}的{metric}数据"
    if parse_label(near.period_label).kind == "undated":  # a figure of unknown date is nobody's nearest period
        text = f"{asked};资料里的{metric}数字没有注明时期,不能当作所问时期的数据。"
    else:
        text = f"{asked};最近的是{when}:{fact_line(near, lookup.name_of(region))}。\n资料里有的时期:{have}。"
    answer = Answer(False, Intent.FIGURE, text, suggestions=[f"{region.short}{metric}是多少?"], metric=metric,
                    facts=[lookup.fact_json(near)])
    return lookup.with_sources(answer, [near])


def _which_metric(lookup: Lookup, q: Query, region: Region) -> Answer | None:
    """收入是多少? when the place stores several 收入: ask which, each option a question that settles it."""
    words = q.residual if q.metric is None or q.metric not in lookup.metrics_of(region) else ""
    if len(words) < 2:
        return None
    known = lookup.known_metrics(region)
    if not known:
        return None  # a place without figures: nothing to ask back about (and no segmenter to load)
    options = [m for m in known if words in m and m != words]
    # 发电量 asked: 新型能源发电量占比 is a share of it, no option (the options are kept when all are so)
    pieces = _pieces(words) if not options else []
    if len(pieces) >= 2 and all(len(w) >= 2 for w in pieces):
        # 居民收入: the names holding each of its words in order (居民人均可支配收入), not only holding it whole
        options = [m for m in known if _holds_in_order(m, pieces)]
        if len(options) == 1 and spelled_out(words) == options[0]:
            return figure(lookup, replace(q, metric=options[0], metric_score=100.0))  # 居民收入, as it is written out
        if len(options) == 1:
            return _which_of(lookup, q, region, words, options)  # 工业产值 is not surely 规上工业总产值: ask
    if not 2 <= len(options) <= 5:
        return None
    return _which_of(lookup, q, region, words, options)


def _pieces(words: str) -> list[str]:
    """居民收入 → 居民, 收入: four or six Han characters read as the two-character words they are most often
    made of (no segmenter: a one-shot question need not load one)."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{4}|[\u4e00-\u9fff]{6}", words):
        return [words]
    return [words[i:i + 2] for i in range(0, len(words), 2)]


def _holds_in_order(name: str, pieces: list[str]) -> bool:
    at = 0
    for piece in pieces:
        at = name.find(piece, at)
        if at == -1:
            return False
        at += len(piece)
    return True


def _which_of(lookup: Lookup, q: Query, region: Region, words: str, options: list[str]) -> Answer:
    """Ask back which stored metric the words mean, each option a question that settles it."""
    options = options[:5]
    if len(options) == 1:
        text = f"资料里没有{region.name}的“{words}”总数,只有{options[0]}:你指的是{options[0]}吗?"
    else:
        text = f"{region.name}有几项“{words}”数据:你指的是{'、'.join(options[:-1])}还是{options[-1]}?"
    named = any(form in q.simplified for form in (region.name, region.short, *region.aliases))
    # a follow-up (居民收入呢?) names no place: each option's question says the place and period itself
    when = describe_wanted(q.period) if q.period is not None and not q.period.latest else ""
    questions = [q.text.replace(words, m, 1) if named and words in q.text else f"{region.short}{when}{m}是多少?"
                 for m in options]
    return Answer(False, Intent.CLARIFY, text, suggestions=questions, choices=options)


def _no_figure(lookup: Lookup, q: Query, region: Region, asked: str | None = None) -> Answer:
    if not lookup.index.covers(region.code):
        return not_covered(lookup, region)
    what = asked or q.metric or ""
    known = lookup.known_metrics(region)
    # 渔业产值 not stored: 渔业总收入 and 远洋渔业产量 are offered before the place's other figures
    pairs = {what[i:i + 2] for i in range(len(what) - 1)}
    known = sorted(known, key=lambda m: -sum(p in m for p in pairs))
    text = f"资料里没有{region.name}的{what}数据,我不会编造数字。"
    if known:
        text += "我知道" + region.name + "的:" + "、".join(known[:6]) + "。"
    return Answer(False, Intent.FIGURE, text, suggestions=[f"{region.short}{m}是多少?" for m in known[:3]])
