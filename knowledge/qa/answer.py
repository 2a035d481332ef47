"""Answers: figures with period, growth and qualifiers; rankings; comparisons; each with its source.

An answer never borrows a number: if the base has no figure for the region, metric and period asked
about, it says so and suggests what it does know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from knowledge.extract.periods import parse_label
from knowledge.places.gazetteer import Gazetteer, Region
from knowledge.qa.index import FactRecord, Index, RankingRecord
from knowledge.qa.parse import OVERVIEW_WORDS, PeriodWanted, Query
from knowledge.text.snippets import snippet_around

EXAMPLES = (
    "临清上半年生产总值是多少?", "聊城综合评议第一名是谁?", "冠县排第几?", "周村区2024年规上工业总产值增长多少?",
    "高质量发展先进县有哪些?", "山东药玻什么地位?", "介绍一下冠县",
)


@dataclass(slots=True)
class Answer:
    found: bool
    intent: str
    text: str
    facts: list[dict[str, object]] = field(default_factory=list)
    sources: list[dict[str, object]] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    not_comparable: bool = False

    def to_json(self) -> dict[str, object]:
        return {"found": self.found, "intent": self.intent, "text": self.text, "facts": self.facts,
                "sources": self.sources, "suggestions": self.suggestions}


class Answerer:
    """Turns a parsed `Query` into an `Answer` using one immutable `Index`."""

    def __init__(self, index: Index, gazetteer: Gazetteer) -> None:
        self.index = index
        self.gaz = gazetteer

    def answer(self, q: Query) -> Answer:
        handler = getattr(self, f"_{q.intent}", self._out_of_scope)
        return handler(q)

    # --- figures -------------------------------------------------------------------------------
    def _figure(self, q: Query) -> Answer:
        if not q.regions:
            return self._region_needed(q)
        if q.metric is None:
            return self._overview(q)
        region = q.regions[0]
        metric = self._region_metric(region, q)
        facts = self._facts(region, metric) if metric else []
        if not facts and q.metric_score < 100 and OVERVIEW_WORDS.search(q.simplified):
            return self._overview(q)  # 临清市经济怎么样: a general question, not a missing metric
        if not facts:
            return self._no_figure(q, region)
        q.metric = metric
        chosen = [f for f in facts if _period_matches(f, q.period)]
        if not chosen:
            have = "、".join(dict.fromkeys(parse_label(f.period_label).describe() for f in facts))
            return Answer(False, "figure", f"没有找到{region.name}在{_describe(q.period)}的{q.metric}数据。"
                          f"我有的是:{have}。", suggestions=[f"{region.short}{q.metric}是多少?"])
        newest = max(f.period_key for f in chosen)
        top = [f for f in chosen if f.period_key == newest]
        lines = [self._fact_line(region, f) for f in _distinct(top)]
        if len({(f.value, f.growth) for f in top}) > 1:
            lines.append("注意:不同来源的数字不一致,以上均列出。")
        older = [f for f in chosen if f.period_key != newest]
        if older:
            lines.append("其他时期:" + ";".join(self._short_fact(f) for f in _distinct(older)[:4]))
        shown = top + older[:4]
        return self._with_sources(Answer(True, "figure", "\n".join(lines), facts=[self._fact_json(f) for f in shown]),
                                  shown)

    def _region_metric(self, region: Region, q: Query) -> str | None:
        """The stored metric of this region that the question means: exact, else the closest name."""
        known = self._metrics_of(region)
        if q.metric in known:
            return q.metric
        words = q.residual or (q.metric or "")
        if len(words) < 2 or not known:
            return None
        best = process.extractOne(words, known, scorer=fuzz.partial_ratio, score_cutoff=60)
        if best is None or len(set(words) & set(best[0])) < 2:
            return None
        return best[0]

    def _facts(self, region: Region, metric: str) -> list[FactRecord]:
        ids = self.index.by_region_metric.get((region.code, metric), [])
        return sorted((self.index.facts[i] for i in ids), key=lambda f: f.period_key, reverse=True)

    def _no_figure(self, q: Query, region: Region) -> Answer:
        known = self._metrics_of(region)
        text = f"资料里没有{region.name}的{q.metric}数据,我不会编造数字。"
        if known:
            text += "我知道" + region.name + "的:" + "、".join(known[:6]) + "。"
        return Answer(False, "figure", text, suggestions=[f"{region.short}{m}是多少?" for m in known[:3]])

    def _metrics_of(self, region: Region) -> list[str]:
        ids = self.index.by_region.get(region.code, [])
        return list(dict.fromkeys(self.index.facts[i].metric for i in ids))

    def _fact_line(self, region: Region, f: FactRecord) -> str:
        period = parse_label(f.period_label).describe()
        parts = [f"{region.name} {period} {f.metric}"]
        if f.value_text is not None:
            qual = f"({f.qualifier})" if f.qualifier else ""
            parts.append(f" {f.value_text}{f.unit or ''}{qual}")
        growth = _growth_text(f)
        if growth:
            parts.append(("," if f.value_text else " ") + growth)
        if f.value_text is None and f.qualifier:
            parts.append(f"({f.qualifier})")
        return "".join(parts)

    def _short_fact(self, f: FactRecord) -> str:
        value = f"{f.value_text}{f.unit or ''}" if f.value_text else ""
        growth = _growth_text(f)
        return f"{parse_label(f.period_label).describe()} {value}{',' if value and growth else ''}{growth}".strip()

    def _fact_json(self, f: FactRecord) -> dict[str, object]:
        region = self.gaz.get(f.region_code)
        return {"region": region.name, "metric": f.metric, "value": f.value_text, "unit": f.unit,
                "period": f.period_label, "growth": plain_number(f.growth), "growth_pp": plain_number(f.growth_pp),
                "qualifier": f.qualifier}

    # --- sources -------------------------------------------------------------------------------
    def _with_sources(self, answer: Answer, facts: list[FactRecord] | None = None,
                      sentence_ids: list[int] | None = None, needle: str | None = None) -> Answer:
        seen: set[int] = set()
        pairs = [(f.sentence_id, f.value_text) for f in facts or []] + [(s, needle) for s in sentence_ids or []]
        for sentence_id, mark in pairs:
            if sentence_id in seen or len(seen) >= 3:
                continue
            seen.add(sentence_id)
            answer.sources.append(self.source(sentence_id, mark))
        if answer.sources:
            src = answer.sources[0]
            answer.text += f"\n来源:《{src['title']}》{_pub(src)}\n原文:“{src['snippet']}”"
        return answer

    def source(self, sentence_id: int, mark: str | None) -> dict[str, object]:
        article = self.index.sources[self.index.sentence_article[sentence_id]]
        return {"title": article.title, "date": article.published.isoformat() if article.published else None,
                "publisher": article.publisher,
                "snippet": snippet_around(self.index.sentences[sentence_id], mark)}

    # --- rankings ------------------------------------------------------------------------------
    def _ranking_list(self, q: Query) -> Answer:
        ranking = self._pick_ranking(q)
        if ranking is None:
            return self._out_of_scope(q)
        q.ranking_title = ranking.title
        if q.position is not None:
            position = len(ranking.entries) if q.position == -1 else q.position
            entry = next((e for e in ranking.entries if e.position == position), None)
            if entry is None:
                return Answer(False, "ranking_list", f"《{ranking.title}》只有{len(ranking.entries)}名。")
            note = f"(原文作“{entry.original}”)" if entry.original else ""
            text = f"{ranking.title}:第{entry.position}名是{entry.name}{note}。"
            return self._with_sources(Answer(True, "ranking_list", text), sentence_ids=[ranking.sentence_id],
                                      needle=entry.original or entry.name)
        return self._with_sources(Answer(True, "ranking_list", _render_ranking(ranking)),
                                  sentence_ids=[ranking.sentence_id], needle=ranking.entries[0].original
                                  or ranking.entries[0].name)

    def _pick_ranking(self, q: Query) -> RankingRecord | None:
        if not self.index.rankings:
            return None
        if q.ranking_title and len(q.residual) <= 3:
            return next((r for r in self.index.rankings if r.title == q.ranking_title), None)
        words = q.simplified
        for region in q.regions:
            words = words.replace(region.name, "").replace(region.short, "")

        def score(r: RankingRecord) -> float:
            s = 100 * LCSseq.similarity(words, r.title) / max(4, len(words)) + fuzz.partial_ratio(words, r.title) / 10
            if r.scope_name and any(reg.name == r.scope_name for reg in q.regions):
                s += 15
            if any(e.region_code for e in r.entries):
                s += 5  # between equals, a ranking of places beats one of departments
            return s

        best = max(self.index.rankings, key=score)
        return best if score(best) >= 45 else None

    def _rank_position(self, q: Query) -> Answer:
        if not q.regions:
            return self._entry_position(q)
        region = q.regions[0]
        hits = [(r, e) for r in self.index.rankings for e in r.entries if e.region_code == region.code]
        hits = [(r, e) for r, e in hits if r.kind == "ordered"] or hits
        if not hits:
            return self._no_ranking(region)
        lines = []
        for r, e in hits[:3]:
            where = f"第{e.position}名" if e.position else "在列"
            top = "、".join(f"{x.position}.{x.name}" for x in r.entries[:3] if x.position)
            lines.append(f"{region.name}在《{r.title}》中{where}({e.name})" + (f"。前三名:{top}" if top else ""))
        r, e = hits[0]
        return self._with_sources(Answer(True, "rank_position", "\n".join(lines)), sentence_ids=[r.sentence_id],
                                  needle=e.original or e.name)

    def _entry_position(self, q: Query) -> Answer:
        """A ranked entry that is not a region (市发展改革委): find it by name in the rankings."""
        hits = [(r, e) for r in self.index.rankings for e in r.entries if len(e.name) >= 3 and e.name in q.simplified]
        if not hits:
            return self._region_needed(q)
        hits.sort(key=lambda re_: -LCSseq.similarity(q.simplified, re_[0].title))
        r, e = hits[0]
        text = f"{e.name}在《{r.title}》中排第{e.position}名(共{len(r.entries)}名)。"
        q.ranking_title = r.title
        return self._with_sources(Answer(True, "rank_position", text), sentence_ids=[r.sentence_id], needle=e.name)

    def _membership(self, q: Query) -> Answer:
        if not q.regions:
            return self._region_needed(q)
        region = q.regions[0]
        if region.level in ("city", "province") and re.search(r"哪些|哪几", q.simplified):
            return self._members_within(q, region)
        sets = [r for r in self.index.rankings if any(e.region_code == region.code for e in r.entries)]
        if not sets:
            return self._no_ranking(region)
        lines = [f"{region.name}入选《{r.title}》(共{len(r.entries)}个)" if r.kind == "set"
                 else f"{region.name}在《{r.title}》中排第{_pos(r, region)}名" for r in sets]
        return self._with_sources(Answer(True, "membership", "\n".join(lines)), sentence_ids=[sets[0].sentence_id],
                                  needle=region.name)

    def _members_within(self, q: Query, region: Region) -> Answer:
        """淄博有哪些县入选…: the entries of named lists that lie inside this city."""
        lines, first = [], None
        for r in self.index.rankings:
            inside = [e for e in r.entries if e.region_code and self._within(e.region_code, region)]
            if inside and r.kind == "set":
                first = first or r
                lines.append(f"《{r.title}》:" + "、".join(e.name for e in inside))
        if first is None:
            return self._no_ranking(region)
        text = f"{region.name}入选的:\n" + "\n".join(lines)
        return self._with_sources(Answer(True, "membership", text), sentence_ids=[first.sentence_id],
                                  needle=region.short)

    def _within(self, code: str, region: Region) -> bool:
        return any(up.code == region.code for up in self.gaz.chain(self.gaz.get(code)))

    def _no_ranking(self, region: Region) -> Answer:
        return Answer(False, "rank_position", f"资料里没有{region.name}的排名或入选名单。",
                      suggestions=[f"介绍一下{region.short}"])

    # --- comparison, overview, company, topic, help -------------------------------------------------
    def _comparison(self, q: Query) -> Answer:
        from knowledge.qa.compare import compare

        return compare(self, q)

    def _overview(self, q: Query) -> Answer:
        from knowledge.qa.overview import overview

        return overview(self, q)

    def _company(self, q: Query) -> Answer:
        from knowledge.qa.overview import company

        return company(self, q)

    def _topic(self, q: Query) -> Answer:
        from knowledge.qa.overview import topic

        return topic(self, q)

    def _help(self, q: Query) -> Answer:
        text = ("你好!我是区域经济问答机器人,回答山东各地经济数据的问题,每个数字都注明出处。\n例如:\n"
                + "\n".join(f"· {e}" for e in EXAMPLES))
        return Answer(True, "help", text, suggestions=list(EXAMPLES[:4]))

    def _region_needed(self, q: Query) -> Answer:
        text = "请告诉我是哪个地区,例如:临清上半年生产总值是多少?"
        return Answer(False, q.intent, text, suggestions=list(EXAMPLES[:3]))

    def _out_of_scope(self, q: Query) -> Answer:
        if q.elsewhere:
            text = f"我的资料只覆盖山东省的地区,没有{q.elsewhere}的数据,不会用其他地方的数字代替。"
        else:
            text = "这个问题超出了我的资料范围。我能回答山东各地的经济数字、排名和名单。"
        near = [] if q.elsewhere else self.gaz.suggest(q.simplified, limit=2)
        suggestions = [f"介绍一下{r.short}" for r in near]
        return Answer(False, "out_of_scope", text + "\n可以试试:" + "、".join(EXAMPLES[:3]),
                      suggestions=suggestions + list(EXAMPLES[:3]))


def _period_matches(f: FactRecord, wanted: PeriodWanted | None) -> bool:
    if wanted is None:
        return True
    p = parse_label(f.period_label)
    if wanted.label and wanted.label == f.period_label:
        return True
    if wanted.year is not None and p.year != wanted.year:
        return False
    if wanted.start is None:
        return p.year == wanted.year
    if p.kind == "asof" or p.kind == "target":
        return False
    return (p.start, p.end) == (wanted.start, wanted.end)


def _describe(period: PeriodWanted | None) -> str:
    if period is None:
        return "所问时期"
    if period.label:
        return parse_label(period.label).describe()
    return f"{period.start}-{period.end}月"


def _growth_text(f: FactRecord) -> str:
    parts = []
    if f.growth is not None:
        word = "增长" if f.growth >= 0 else "下降"
        parts.append(f"同比{word}{plain_number(abs(f.growth))}%")
    if f.growth_pp is not None:
        word = "提高" if f.growth_pp >= 0 else "下降"
        parts.append(f"同比{word}{plain_number(abs(f.growth_pp))}个百分点")
    return ",".join(parts)


def plain_number(value: Decimal | float | None) -> str | None:
    """4.0 → "4", 6.8 → "6.8": figures as an article would write them."""
    if value is None:
        return None
    return format(Decimal(repr(value) if isinstance(value, float) else value).normalize(), "f")


def _distinct(facts: list[FactRecord]) -> list[FactRecord]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for f in facts:
        key = (f.period_label, f.value_text, f.growth, f.unit)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _render_ranking(r: RankingRecord) -> str:
    lines = [f"《{r.title}》" + (f"({r.scope_name})" if r.scope_name else "")]
    for i, e in enumerate(r.entries, 1):
        note = f"(原文作“{e.original}”)" if e.original else ""
        lines.append(f"{e.position or i}. {e.name}{note}")
    return "\n".join(lines)


def _pos(r: RankingRecord, region: Region) -> int | None:
    return next((e.position for e in r.entries if e.region_code == region.code), None)


def _pub(src: dict[str, object]) -> str:
    bits = [str(b) for b in (src.get("publisher"), src.get("date")) if b]
    return f"({','.join(bits)})" if bits else ""
