"""Where a place stands: rank claims (全省第三, 全国首位) and ranking entries, for the metric and scope asked.

A rank answer must be about the metric the question names: 郴州GDP总量全省排第几 is never answered with
another ranking the place happens to be in. A claim's period is the one read with it, else the period of
the figures its sentence states about the same place, shown only when known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from knowledge.extract.metrics import canonical_metric, surfaces
from knowledge.extract.periods import parse_label
from knowledge.places.gazetteer import Region
from knowledge.qa.index import ClaimRecord, RankingRecord
from knowledge.qa.lookup import Lookup, period_matches
from knowledge.qa.parse import Query

_GROWTH = re.compile(r"增速|增幅|增长|涨幅")
_RANK_WORDS = re.compile(
    r"排名?第几位?|排在第几|第几名|第几位|名次|排多少|排位|排名|位居|位列|排|居|在|全[省市国县区]|县级|各?[市县区]|全部|里|中")
# the scope a question or a claim names: 全国, 全省, 全市 (a claim's own scope text is free, e.g. 渝东南)
_SCOPE_LEVEL = (("全国", "nation"), ("国内", "nation"), ("中国", "nation"), ("全省", "province"), ("省", "province"),
                ("全市", "city"), ("市", "city"))
_PERIOD_WORDS = re.compile(
    r"(?:19|20)\d\d年?|上半年|下半年|前三季度|[一二三四]季度|全年|今年|去年|[??!!。,,\s]|的|了|吗|呢")
RELEVANT = 60.0


@dataclass(frozen=True, slots=True)
class Standing:
    """One answerable rank: from a claim or from a ranking's entry."""

    score: float
    position: int
    label: str  # what the rank is of: 地区生产总值增速, 《title》
    scope: str | None
    period_label: str | None
    sentence_id: int
    needle: str
    ranking: RankingRecord | None = None


def metric_words(q: Query, region: Region) -> str:
    """What the rank is of, from the question: the metric named, else the residual words less rank talk."""
    words = q.simplified
    for r in q.regions:
        for form in (r.name, r.short, *r.aliases):
            words = words.replace(form, "")
    words = _PERIOD_WORDS.sub("", words)
    words = _RANK_WORDS.sub("", words)
    if q.metric and (len(words) < 2 or q.metric_score >= 100):
        return q.metric + ("增速" if _GROWTH.search(q.simplified) and not _GROWTH.search(q.metric) else "")
    return words


def asked_scope(q: Query, region: Region, lookup: Lookup) -> str | None:
    """The level the rank is within: 全国 → nation, 全省/在山东 → province, 全市/在临沂 → city."""
    for word, level in _SCOPE_LEVEL[:5]:
        if word in q.simplified:
            return level
    others = [r for r in q.regions if r.code != region.code]
    return others[0].level if others else None


def claim_period(lookup: Lookup, claim: ClaimRecord) -> str | None:
    """The period the claim was read with, else that of the figures stated about the same place beside it: in
    its sentence, else in its article (the claim's metric first, else the period most of the place's figures
    there have)."""
    if claim.period_label is not None:
        return claim.period_label
    index = lookup.index
    about = claim.about or ""
    for step, ids in enumerate((index.by_sentence.get(claim.sentence_id, []),
                                index.by_region.get(claim.region_code or "", []))):
        same = [index.facts[i] for i in ids]
        same = [f for f in same if f.region_code == claim.region_code and f.article_id == claim.article_id
                and parse_label(f.period_label).kind not in ("undated", "target")]
        if not same and step == 0 and (year := _year_written_before(index.sentences.get(claim.sentence_id, ""),
                                                                    claim.claim)):
            return year  # 截至2019年,…排名上升至第77位: the year the sentence gives its claim
        if not same:
            continue
        own = [f.period_label for f in same if about and about.startswith(f.metric)]
        labels = own or [f.period_label for f in same]
        return max(sorted(set(labels)), key=labels.count)
    # the period the article's figures are for, when the place has none of its own there
    labels = [f.period_label for f in index.facts if f.article_id == claim.article_id
              and parse_label(f.period_label).kind not in ("undated", "target")]
    return max(sorted(set(labels)), key=labels.count) if labels else None


def _year_written_before(sentence: str, claim: str) -> str | None:
    """The one year a sentence writes before its claim (截至2019年, 2022年…), when it writes only one."""
    at = sentence.find(claim)
    years = set(re.findall(r"((?:19|20)\d\d)年(?![底末]?[一二三四]季度|上半年|下半年|\d{1,2}月)",
                           sentence[: at if at >= 0 else len(sentence)]))
    return years.pop() if len(years) == 1 else None


def claim_targets(lookup: Lookup, claim: ClaimRecord) -> list[str]:
    """What a claim may be a rank of: its metric, else the metrics its sentence states for the place, else
    the words just before it (全省各市州增速第二 after GDP增长8.6%)."""
    if claim.about:
        return [claim.about]
    sentence = lookup.index.sentences.get(claim.sentence_id, "")
    at = sentence.find(claim.claim)
    context = sentence[max(0, at - 24): at if at > 0 else len(sentence)] + claim.claim
    growth = "增速" if _GROWTH.search(context) else ""
    metrics = {lookup.index.facts[i].metric for i in lookup.index.by_sentence.get(claim.sentence_id, [])
               if lookup.index.facts[i].region_code == claim.region_code}
    said = {m for s in surfaces() if s.lower() in context.lower() and (m := canonical_metric(s))}
    return [m + growth for m in sorted(metrics | said)] + [context]


def _scope_level(text: str | None) -> str | None:
    return next((level for word, level in _SCOPE_LEVEL if text and word in text), None)


def relevance(words: str, q: Query, target: str) -> float:
    """How well `target` (a claim's metric or context, a ranking's title) is what the question asks a rank of."""
    if len(words) < 2:
        return RELEVANT  # 排第几? names no metric: any standing of the place answers
    score = float(fuzz.partial_ratio(words, target))
    if len(set(words) & set(target)) < 2:
        score = min(score, 40.0)
    if bool(_GROWTH.search(words) or _GROWTH.search(q.simplified)) != bool(_GROWTH.search(target)):
        score -= 25  # GDP总量 and GDP增速 are different ranks
    return score


def standings(lookup: Lookup, q: Query, region: Region) -> list[Standing]:
    """The place's ranks that answer the question, best first; empty when none is about what was asked."""
    words = metric_words(q, region)
    scope = asked_scope(q, region, lookup)
    out: list[Standing] = []
    for c in lookup.index.claims:
        if c.region_code != region.code or not c.position:
            continue
        targets = claim_targets(lookup, c)
        score, target = max((relevance(words, q, t), t) for t in targets)
        claim_scope = _scope_level(c.scope) or _scope_level(c.claim)
        if scope and claim_scope and scope != claim_scope:
            continue  # 全国第四 never answers 全省排第几
        period = claim_period(lookup, c)
        if q.period is not None and period is not None and not period_matches_label(period, q):
            continue
        label = target if target in targets[:-1] or c.about else (words or "")
        out.append(Standing(score, c.position, label, c.scope, period, c.sentence_id, c.claim))
    for r in lookup.index.rankings:
        if r.kind != "ordered":
            continue
        for e in r.entries:
            if e.region_code == region.code and e.position:
                score = relevance(words, q, r.title)
                if scope and r.scope_name:
                    level = lookup.gaz.by_name(r.scope_name)
                    if level is not None and level.level != scope:
                        continue
                if q.period is not None and r.period_label and not period_matches_label(r.period_label, q):
                    continue
                out.append(Standing(score, e.position, f"《{r.title}》", r.scope_name, r.period_label, r.sentence_id,
                                    e.original or e.name, r))
    return sorted((s for s in out if s.score >= RELEVANT), key=lambda s: -s.score)


def period_matches_label(label: str, q: Query) -> bool:
    p = parse_label(label)
    wanted = q.period
    if wanted is None or wanted.latest:
        return True
    if wanted.year is not None and p.year is not None and p.year != wanted.year:
        return False
    return wanted.start is None or p.start is None or (p.start, p.end) == (wanted.start, wanted.end)


__all__ = ["Standing", "claim_period", "period_matches", "standings"]
