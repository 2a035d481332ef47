"""Shared lookups over one immutable index: a region's facts and metrics, sources, period matching.

Every intent module answers through a `Lookup`; none reaches into another's internals.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from knowledge.extract.metrics import canonical_metric, metrics
from knowledge.extract.periods import parse_label
from knowledge.places.gazetteer import Gazetteer, Region
from knowledge.places.nation import is_nation
from knowledge.qa.answer import Answer
from knowledge.qa.format import plain_number, source_suffix
from knowledge.qa.index import EntryRecord, FactRecord, Index, RankingRecord
from knowledge.qa.metric_match import acceptable, best_metric
from knowledge.qa.parse import PeriodWanted, Query
from knowledge.text.normalize import to_simplified
from knowledge.text.snippets import snippet_around

MAX_SOURCES = 3
# 临清和冠县谁高: the joining word and the asking words are not part of the metric
_COMPARE_TALK = re.compile(
    r"^[和与跟同及]|(?:谁|哪个|哪一个)?(?:的|更|比较)?[高多大快低少强慢](?:一些|些)?$|^(?:谁|哪个)")


@dataclass(frozen=True, slots=True)
class Lookup:
    index: Index
    gaz: Gazetteer

    def facts(self, region: Region, metric: str) -> list[FactRecord]:
        """The region's facts for one metric, newest period first."""
        ids = self.index.by_region_metric.get((region.code, metric), [])
        return sorted((self.index.facts[i] for i in ids), key=lambda f: f.period_key, reverse=True)

    def metrics_of(self, region: Region) -> list[str]:
        ids = self.index.by_region.get(region.code, [])
        return list(dict.fromkeys(self.index.facts[i].metric for i in ids))

    def name_of(self, region: Region) -> str:
        """The region's name, with its city when the name alone is shared (海州区 → 连云港市海州区)."""
        shared = len(self.gaz.candidates(region.name)) > 1
        return self.gaz.describe(region) if shared else region.name

    def entry_name(self, e: EntryRecord) -> str:
        """A ranked place by its full name (大冶 → 大冶市, 宁夏 → 宁夏回族自治区); a full name as written (即墨市
        stays 即墨市 in a ranking of the years before it became 即墨区); other entries as written."""
        if not e.region_code:
            return e.name
        region = self.gaz.get(e.region_code)
        return self.name_of(region) if region.name.startswith(e.name) else e.name

    def known_metrics(self, region: Region) -> list[str]:
        """The region's metrics worth offering: catalogue names first, then open names (ingest stores an open
        name only when it passes the noun-phrase check, so serving never loads the POS tagger)."""
        catalogue = metrics()
        names = [m for m in self.metrics_of(region) if not any(ch.isdigit() for ch in m)]
        return [m for m in names if m in catalogue] + [m for m in names if m not in catalogue]

    def share_metric(self, region: Region, part: str) -> str | None:
        """The region's stored share metric that a 占…比重 question means: 二产 → 第二产业占比."""
        shares = [m for m in self.metrics_of(region) if "占" in m or "比重" in m or m.endswith(("占比", "比例"))]
        if not part or not shares:
            return None
        forms = {part}
        for guess in (part, part + "增加值"):  # 二产 is a sector: the catalogue knows 二产增加值
            if (canonical := canonical_metric(guess)) is not None:
                forms.add(canonical.removesuffix("增加值") if guess != part else canonical)
        best = max(((max(fuzz.partial_ratio(f, m) for f in forms), m) for m in shares), default=(0.0, ""))
        return best[1] if best[0] >= 80 else None

    def region_metric(self, region: Region, q: Query) -> str | None:
        """The stored metric of this region that the question means (knowledge/qa/metric_match)."""
        # a question mixing scripts is left unconverted by the parser: names are matched in Simplified
        words = to_simplified(without_compare_talk(q.residual)) or (q.metric or "")
        text = to_simplified(q.simplified)
        known, exact = self.metrics_of(region), q.metric_score >= 100
        chosen = best_metric(known, text, words, q.metric, exact=exact)
        if chosen is None or q.period is None or self.has_period(region, chosen, q.period):
            return chosen
        # the name asked has no figure of the period asked: a close name that has one answers (有效高新技术企业
        # for 高新技术企业); narrowing names (人均, 城镇, 累计…) are never close (metric_match.acceptable)
        others = [m for m in acceptable(known, words, q.metric, exact=exact) if m != chosen]
        return next((m for m in others if self.has_period(region, m, q.period)), chosen)

    def has_period(self, region: Region, metric: str, wanted: PeriodWanted) -> bool:
        facts = (self.index.facts[i] for i in self.index.by_region.get(region.code, []))
        return any(f.metric == metric and period_matches(f, wanted) for f in facts)

    def fact_json(self, f: FactRecord) -> dict[str, object]:
        region = self.gaz.get(f.region_code)
        return {"region": region.name, "metric": f.metric, "value": f.value_text, "unit": f.unit,
                "period": f.period_label, "growth": plain_number(f.growth), "growth_pp": plain_number(f.growth_pp),
                "qualifier": f.qualifier}

    def within(self, code: str, region: Region) -> bool:
        """Whether the place `code` lies in `region` (or is it); every place lies in the nation (全国)."""
        return is_nation(region) or any(up.code == region.code for up in self.gaz.chain(self.gaz.get(code)))

    def source(self, sentence_id: int, mark: str | None) -> dict[str, object]:
        article = self.index.sources[self.index.sentence_article[sentence_id]]
        return {"title": article.title, "date": article.published.isoformat() if article.published else None,
                "publisher": article.publisher,
                "snippet": snippet_around(self.index.sentences[sentence_id], mark)}

    def with_sources(self, answer: Answer, facts: list[FactRecord] | None = None,
                     sentence_ids: list[int] | None = None, needle: str | None = None,
                     limit: int = MAX_SOURCES) -> Answer:
        """Attach the cited sentences (three unless every figure shown needs its own), quote the first."""
        seen: set[int] = set()
        pairs = [(f.sentence_id, f.value_text) for f in facts or []] + [(s, needle) for s in sentence_ids or []]
        for sentence_id, mark in pairs:
            if sentence_id in seen or len(seen) >= limit:
                continue
            seen.add(sentence_id)
            answer.sources.append(self.source(sentence_id, mark))
        if answer.sources:
            src = answer.sources[0]
            answer.text += (f"\n来源:《{src['title']}》{source_suffix(src.get('publisher'), src.get('date'))}"
                            f"\n原文:“{src['snippet']}”")
        return answer


def without_compare_talk(words: str) -> str:
    """和哪个夏粮产量高 → 夏粮产量: the joining and asking words of a comparison, each in turn."""
    while (shorter := _COMPARE_TALK.sub("", words)) != words:
        words = shorter
    return words


def period_matches(f: FactRecord, wanted: PeriodWanted | None) -> bool:
    if wanted is None:
        return True
    p = parse_label(f.period_label)
    if wanted.latest:  # any period of the span asked (the caller keeps the newest), never a target
        return p.kind != "target" and (wanted.start is None or (p.start, p.end) == (wanted.start, wanted.end))
    if wanted.label and wanted.label == f.period_label:
        return True
    if wanted.label and parse_label(wanted.label).kind == "span":
        return False  # 十四五期间 (2021-2025) is answered by a figure of those years together, not of 2025
    if p.kind == "target" or (wanted.label or "").startswith("target:"):
        return False  # a plan's target is never an outcome, nor an outcome a target
    if p.kind == "asof" and p.asof is not None and (p.asof.month, p.asof.day) == (12, 31) \
            and wanted.year == p.year and wanted.start in (None, 1) and wanted.end in (None, 12):
        return True  # 2018年常住人口 is the stock at the end of 2018
    if wanted.year is not None and p.year != wanted.year:
        return False
    if wanted.start is None:
        return p.year == wanted.year
    if p.kind == "asof":
        return False
    return (p.start, p.end) == (wanted.start, wanted.end)


def describe_wanted(period: PeriodWanted | None) -> str:
    if period is None:
        return "所问时期"
    if period.latest:
        return "最新时期"
    if period.label:
        return parse_label(period.label).describe()
    year = f"{period.year}年" if period.year else ""
    return f"{year}{period.start}-{period.end}月" if period.start else f"{year}"


def distinct(facts: list[FactRecord]) -> list[FactRecord]:
    """One of each (period, value, growth, unit): the same figure reported twice is shown once."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for f in facts:
        key = (f.period_label, f.value_text, f.growth, f.unit)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def ranking_heading(r: RankingRecord) -> str:
    """《title》(聊城市,2022年上半年): a ranking always shows where and when it applies, when known."""
    bits = [b for b in (r.scope_name, parse_label(r.period_label).describe() if r.period_label else None) if b]
    return f"《{r.title}》" + (f"({','.join(bits)})" if bits else "")


def render_ranking(r: RankingRecord, name: Callable[[EntryRecord], str] = lambda e: e.name) -> str:
    """An ordered ranking is numbered; a named set is not, since its order means nothing."""
    lines = [ranking_heading(r)]
    for e in r.entries:
        note = f"(原文作“{e.original}”)" if e.original else ""
        # an entry without a stated rank is never numbered by where it stands in the list
        lines.append(f"{e.position}. {name(e)}{note}" if r.kind == "ordered" and e.position else f"· {name(e)}{note}")
    return "\n".join(lines)


def position_in(r: RankingRecord, region: Region) -> int | None:
    return next((e.position for e in r.entries if e.region_code == region.code), None)


def nearest(facts: list[FactRecord], wanted: PeriodWanted | None) -> FactRecord:
    """The figure of the period closest to the one asked (same span first), for "最近的是…"."""
    def distance(f: FactRecord) -> tuple[int, int, tuple[int, int]]:
        p = parse_label(f.period_label)
        year_gap = abs((p.year or 0) - wanted.year) if wanted and wanted.year else 0
        same_span = wanted is not None and wanted.start is not None and (p.start, p.end) == (wanted.start, wanted.end)
        return (not same_span, year_gap, (-f.period_key[0], -f.period_key[1]))

    dated = [f for f in facts if parse_label(f.period_label).kind != "undated"] or facts
    return min(dated, key=distance)
