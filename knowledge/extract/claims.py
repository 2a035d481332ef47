"""Rank claims in prose (居全省第N位, 增速全国第一, 位列第三, 居首, 位居全国前列) and superlatives (亚洲最大).

A claim keeps its subject, the metric it ranks, its scope (the unit it is counted within) and the period of
the figure it is about. Word classes are data: knowledge/data/rankings.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from knowledge.extract.claim_metrics import (
    aspect_of,
    clean,
    figure_metric,
    headline_metric,
    metrics,
    names_metric,
    phrase_after,
    without_among,
    without_comparison,
)
from knowledge.extract.claim_scope import scope_of_rank, share_scope
from knowledge.extract.claim_spread import Spread, is_same_time_last_year, items_of, rank_lists
from knowledge.extract.claim_words import COMPARISON, NUM, SCOPE, VERB, alt, words
from knowledge.extract.context import ArticleContext
from knowledge.extract.figures import ExtractedFact
from knowledge.extract.periods import find_periods
from knowledge.extract.superlatives import SubjectKind, superlatives
from knowledge.places.gazetteer import Region
from knowledge.text.document import Document, Sentence
from knowledge.text.numbers import cn_int


@dataclass(slots=True)
class ExtractedClaim:
    subject: str
    subject_kind: SubjectKind
    region_code: str | None
    claim: str
    scope: str | None  # the scope word as written (全省), or a named group (经济四强省)
    position: int | None  # None for 前列, 前三 and superlatives: a claim, not a rank
    about: str | None  # the metric ranked
    sentence: int
    scope_name: str | None = None  # the scope resolved: 山东省, 全国, 全球, or the group as written
    period_label: str | None = None


_RANK = (
    rf"(?:第(?P<pos>{NUM})(?!(?:位|名)?[至到~\-—]第?(?:{NUM}))(?:位|名)?(?!产业|季度|批|次|大|个|家|届|阶段|梯队|轮|期|种|类|条|[\d.])"
    rf"|(?P<word>{alt(list(words()['ordinal_words']))})(?![次批家个创届季府都先要台店发])"
    rf"|前(?P<top>{NUM})(?:名|位|强)?(?![季\d.个年月])"
    rf"|(?P<front>{alt(words()['no_rank']['words'])}))"
)
# a qualifier between scope and rank (全省县级首位, 居全市12县区第8) holds no clause word or old rank (从…的第7名)
_QUAL = r"(?P<qual>[^\s,。;:、()“”\"第前首之从由的以在]{0,8}?)"
_WITH_VERB = re.compile(rf"(?P<verb>(?:{VERB})+)在?(?P<scope>{SCOPE})?{_QUAL}中?{_RANK}")
_BARE_SCOPE = re.compile(rf"(?P<scope>{SCOPE}){_QUAL}{_RANK}")
_IN_GROUP = re.compile(rf"在(?P<group>[^,。;:、]{{2,16}}?)中(?P<verb>{VERB})?(?:{_RANK}|(?P<bare>\d{{1,3}})(?:位|名))")
_LEADS = re.compile(rf"(?:{alt(words()['no_rank']['leads'])})(?P<scope>{SCOPE})")
_CHAIN = re.compile(rf"、在?(?P<scope>{SCOPE})?{_QUAL}中?(?:{VERB})?{_RANK}")
_BEFORE = re.compile(r"[,;:。]")
# 紧跟A和B, 跻身某省…先进县: a place after a comparison or a rank verb is what is compared with or joined
_COMPARED = re.compile(rf"(?:{COMPARISON.pattern}|{VERB})(?:[^,;。]{{0,2}})$")
_GROUP_SCOPE = re.compile(rf"^(?:{SCOPE})")
_SHARE_OF = re.compile(r"占[^,;。]{0,6}$")
_LEAD_SCOPE = re.compile(rf"在(?P<scope>{SCOPE})(?P<qual>)")
_FROM_RANK = re.compile(r"(?:从|由)[^,;。第]{0,8}$")  # 由第95位上升至第77位: the old rank is not a claim
_JOINED = re.compile(r"\s*(?:、|和|及|与|以及)\s*")
_TIED = re.compile(r"并列|同居|同为")
_AFTER_GROWTH = re.compile(r"(?:增长|增速|增幅|下降|提高)[^,;、]{0,6}?\d+(?:\.\d+)?%$")


def extract_claims(doc: Document, ctx: ArticleContext, facts: list[ExtractedFact]) -> list[ExtractedClaim]:
    """Rank claims and superlatives with their subject, metric, scope and period, in reading order.

    A claim said again (in the title and the text) is kept once."""
    by_sentence: dict[int, list[ExtractedFact]] = {}
    for fact in facts:
        by_sentence.setdefault(fact.sentence, []).append(fact)
    claims: list[ExtractedClaim] = []
    seen: set[tuple[object, ...]] = set()
    reading = _Reading()
    for sentence in doc.sentences:
        if sentence.paragraph != reading.paragraph:
            reading.paragraph, reading.carry = sentence.paragraph, None
        here = by_sentence.get(sentence.position, [])
        ranked = _rank_claims(sentence, ctx, doc, here, reading)
        share_scope(ranked, ctx.gazetteer)
        for claim in ranked + superlatives(sentence, ctx):
            key = (claim.subject, claim.about, claim.position, claim.scope_name, claim.period_label)
            if key not in seen:
                seen.add(key)
                claims.append(claim)
        if here:
            reading.carry = here[-1]
        stated = _stated_periods(sentence.text, ctx, doc)
        if stated:
            reading.period = stated[-1]
    return claims


@dataclass(slots=True)
class _Reading:
    """What the claim reader keeps between sentences: the last figure of the paragraph, the last period."""

    paragraph: int = -1
    carry: ExtractedFact | None = None
    period: str | None = None


def _stated_periods(text: str, ctx: ArticleContext, doc: Document) -> list[str]:
    """Periods a text states, history spans (自2016年以来) and targets left out."""
    out = []
    for p in find_periods(text, published=doc.published, default_year=ctx.focus_year):
        history = p.start > 0 and text[p.start - 1] in "自从由"
        if history or p.period.kind in ("target", "asof") or p.period.year is None:
            continue
        out.append(p.period.label)
    return out


def _spans(text: str) -> list[re.Match[str]]:
    """Rank spans of a sentence, the more specific patterns first, without overlaps."""
    found: list[re.Match[str]] = []
    for pattern in (_IN_GROUP, _WITH_VERB, _BARE_SCOPE, _LEADS):
        for m in pattern.finditer(text):
            if not any(m.start() < o.end() and o.start() < m.end() for o in found):
                found.append(m)
    return sorted(found, key=lambda m: m.start())


def _rank_claims(sentence: Sentence, ctx: ArticleContext, doc: Document, here: list[ExtractedFact],
                 reading: _Reading) -> list[ExtractedClaim]:
    text = sentence.text
    listed = rank_lists(text, ctx)
    found = [(x.match.start(), _spread_claims(x, text, sentence.position, ctx, doc, here, reading)) for x in listed]
    out: list[ExtractedClaim] = []
    consumed = 0
    made: list[ExtractedClaim] = []
    for m in _spans(text):
        rank_at = _rank_start(m)
        if m.start() < consumed or _FROM_RANK.search(text[max(0, rank_at - 10) : rank_at]):
            continue
        if any(m.start() < x.match.end() and x.match.start() < m.end() for x in listed):
            continue
        made = _claims_at(text, m, sentence.position, ctx, doc, here, reading, made, consumed)
        out = list(made)
        consumed = m.end()
        while made and (chained := _CHAIN.match(text, consumed)):
            made = [_chained(c, chained, ctx) for c in made]
            out.extend(made)
            consumed = chained.end()
        found.append((m.start(), out))
    return [c for _, claims in sorted(found, key=lambda x: x[0]) for c in claims]  # in reading order


def _spread_claims(spread: Spread, text: str, position: int, ctx: ArticleContext, doc: Document,
                   here: list[ExtractedFact], reading: _Reading) -> list[ExtractedClaim]:
    """One claim per place (or per metric) of a list of ranks; nothing when the counts differ."""
    m = spread.match
    n = len(spread.ranks)
    if len(spread.places) == n:
        subjects = spread.places
    elif len(spread.places) <= 1:
        subject = spread.places[0] if spread.places else _subject_and_phrase(
            text, _clause_start(text, m.start()), m.start(), ctx)[0] or ctx.focus or ctx.city
        if subject is None:
            return []
        subjects = [subject] * n
    else:
        return []
    out = []
    for i, subject in enumerate(subjects):
        stated = _about_fact(text, m.start(), here, subject)
        carried = reading.carry if reading.carry and reading.carry.region.code == subject.code else None
        about = stated or carried  # the figure before is another place's: its metric is not this list's
        named = metrics(spread.phrase, about.metric if about else _headline(doc), ctx)
        if len(spread.places) != n:
            if len(items_of(spread.phrase)) != n or len(named) != n:
                return []  # 总量和增速分别居第3位、第5位 needs two metrics for two ranks
            metric = named[i]
        else:
            metric = named[0] if len(named) == 1 else None
        scope_word, scope_name = scope_of_rank(m, subject, ctx)
        period = _period(text[: m.start()], about, ctx, doc) or reading.period
        claim = ExtractedClaim(subject.name, "region", subject.code, spread.texts[i], scope_word, spread.ranks[i],
                               metric, position, scope_name, period)
        out.append(claim)
        old = _old_period(spread.old_when, period, ctx, doc)
        if old is not None and len(spread.old_ranks) == n:
            out.append(ExtractedClaim(subject.name, "region", subject.code, spread.texts[n + i], scope_word,
                                      spread.old_ranks[i], metric, position, scope_name, old))
    return out


def _headline(doc: Document) -> str | None:
    """The one metric the title names, or the first line's when the title is another line (a short first line
    is the headline of a news text)."""
    first = doc.sentences[0].text if doc.sentences else ""
    return headline_metric(doc.title or "") or (headline_metric(first) if len(first) <= 40 else None)


def _old_period(words: str, period: str | None, ctx: ArticleContext, doc: Document) -> str | None:
    """The period of the old ranks of 从去年同期的第7名上升到第5名: the same span a year before, or as named."""
    if is_same_time_last_year(words):
        return f"{int(period[:4]) - 1}{period[4:]}" if period and period[:4].isdigit() else None
    stated = _stated_periods(words, ctx, doc)
    return stated[-1] if stated else None


def _rank_start(m: re.Match[str]) -> int:
    starts = [m.start(g) for g in ("pos", "word", "top", "front", "bare") if m.groupdict().get(g)]
    return min(starts) if starts else m.start()


def _position(m: re.Match[str]) -> int | None:
    groups = m.groupdict()
    if groups.get("pos"):
        return cn_int(groups["pos"])
    if groups.get("bare"):
        return int(groups["bare"])
    if groups.get("word"):
        return int(words()["ordinal_words"][groups["word"]])
    if m.re is _LEADS:
        return 1
    return None


def _claims_at(text: str, m: re.Match[str], position: int, ctx: ArticleContext, doc: Document,
               here: list[ExtractedFact], reading: _Reading, earlier: list[ExtractedClaim],
               stop: int) -> list[ExtractedClaim]:
    claims = _claims_of_one(text, m, position, ctx, doc, here, reading, earlier, stop)
    group = _group_before(text, max(_clause_start(text, m.start()), stop), m.start(), ctx)
    if not group or not claims:
        return claims
    if _position(m) is not None and not _TIED.search(text, _clause_start(text, m.start()), _rank_start(m)):
        return []  # 甲、乙居第二: whose rank it is is not said
    # 甲、乙、丙位列全国前十, 甲、乙并列第一: the rank is each place's
    return [replace(c, subject=r.name, region_code=r.code) for c in claims for r in group]


def _group_before(text: str, start: int, at: int, ctx: ArticleContext) -> list[Region]:
    """The places of a list that is the subject of a rank (甲、乙、丙两市均位列…), else []: two or more places
    joined by 、/和 (江苏省昆山市 is one place), with no other place between them and the rank."""
    run: list[tuple[Region, int]] = []
    for offset, region, surface in ctx.places(text, (start, at)):
        a = start + offset
        if run and not (_JOINED.fullmatch(text, run[-1][1], a) and region.code != run[-1][0].code):
            run = []
        run.append((region, a + len(surface)))
    if len(run) < 2 or _COMPARED.search(text, start, run[0][1]):
        return []
    return [r for r, _ in run]


def _claims_of_one(text: str, m: re.Match[str], position: int, ctx: ArticleContext, doc: Document,
                   here: list[ExtractedFact], reading: _Reading, earlier: list[ExtractedClaim],
                   stop: int) -> list[ExtractedClaim]:
    clause_start = _clause_start(text, m.start())
    subject, phrase = _subject_and_phrase(text, max(clause_start, stop), m.start(), ctx, stop)
    after = _subject_after(text, m.end(), ctx)
    if after is not None:
        subject, phrase = after, text[max(clause_start, stop) : m.start()]
    stated = _about_fact(text, m.start(), here, subject)
    about = stated or reading.carry
    if after is None and earlier and earlier[0].region_code and ";" not in text[stop : m.start()] \
            and _subject_before(text, clause_start, m.start(), ctx)[0] is None:
        # 居全省第一,在中部某组城市中居第2位: the next rank of the sentence is about the same place
        subject = ctx.gazetteer.get(earlier[0].region_code)
    if subject is None:
        subject = about.region if about is not None and _inside_focus(about.region, ctx) else (ctx.focus or ctx.city)
    if subject is None:
        return []
    scope_word, scope_name = scope_of_rank(m, subject, ctx)
    lead = _LEAD_SCOPE.search(text, clause_start, m.start())
    if scope_word is None and lead is not None:  # 在全国百强县排名由第9位升至第7位
        scope_word, scope_name = scope_of_rank(lead, subject, ctx)
    if earlier and not clean(phrase) and ";" not in text[stop : m.start()]:
        return [ExtractedClaim(subject.name, "region", subject.code, _claim_text(m), scope_word, _position(m),
                               c.about, position, scope_name, c.period_label) for c in earlier]
    period = _period(text[: m.start()], about, ctx, doc) or reading.period
    if not clean(phrase) and _AFTER_GROWTH.search(text[:clause_start].rstrip(",;:、")):
        phrase = "增速"  # 增长10.0%,居全市第8: the rank is the growth rate's
    group = m.groupdict().get("group") or ""
    if group and _GROUP_SCOPE.match(group) and not _named(phrase):
        phrase = _GROUP_SCOPE.sub("", group)  # 在全国县域经济竞争力百强中列45位: the list names what is ranked
    qual = m.groupdict().get("qual") or ""
    if qual and names_metric(qual):  # 勇夺GDP增速第一; 居全省各市州增速第二 (各市州 is where it is counted)
        named = aspect_of(qual)[1] if m.groupdict().get("scope") else qual
        phrase = phrase if named and phrase.endswith(named) else phrase + named
    if after is not None:
        phrase = phrase + phrase_after(text, m.end(), after, ctx)  # 排名第二的X县城镇居民收入为…
    elif text.endswith("以", 0, m.start()) and not _named(phrase[:-1]):
        phrase = phrase_after(text, m.end(), None, ctx)  # 以全省第四的GDP增速…: the metric follows
    # the metric of the figure before, else of the rank said before in the sentence (总量居第4,增量排第3)
    inherited = aspect_of(earlier[0].about)[0] if earlier and earlier[0].about else None
    fallback = (stated.metric if stated else None) or figure_metric(text, clause_start, stop) or inherited \
        or (about.metric if about else _headline(doc))
    return [ExtractedClaim(subject.name, "region", subject.code, _claim_text(m), scope_word,
                           _position(m), metric, position, scope_name, period)
            for metric in metrics(phrase, fallback, ctx)]


def _inside_focus(region: Region, ctx: ArticleContext) -> bool:
    """A figure's place can stand for an unnamed subject only inside the article's own unit: a place of another
    province in a province's report is a misread name, not what the report ranks."""
    return ctx.focus is None or any(r.code == ctx.focus.code for r in ctx.gazetteer.chain(region))


def _claim_text(m: re.Match[str]) -> str:
    claim_text = m.group(0)
    if m.groupdict().get("verb"):
        claim_text = claim_text[claim_text.find(m["verb"]) + len(m["verb"]) :]
    return claim_text.lstrip("在")


def _subject_and_phrase(text: str, clause_start: int, at: int, ctx: ArticleContext,
                        stop: int = 0) -> tuple[Region | None, str]:
    """The region ranked and the words naming what is ranked, read back from the rank clause by clause.

    Back over clauses without a figure (生产总值总量、…和社零增幅,均居山东省第三), and to the subject
    of the sentence part before it (某省GDP超过5万亿元,稳居第一), never past a semicolon. A clause that
    names its own metric and no place keeps the subject that opens a clause, not a place inside one.
    """
    subject, end = _subject_before(text, clause_start, at, ctx)
    phrase = text[end:at] if subject is not None else text[clause_start:at]
    own = bool(_named(phrase))
    start = clause_start
    while start - 1 > stop and text[start - 1] != ";" and (subject is None or not _named(phrase)):
        prev_start = _clause_start(text, start - 1)
        prev = text[prev_start : start - 1]
        found, end = _subject_before(text, prev_start, start - 1, ctx)
        if found is not None and own and len(clean(text[prev_start : end])) > len(found.name) + 2:
            found = None  # 新昆楚大、临清等40条高速公路: a place inside a name, not the clause's subject
        if not _named(phrase) and not re.search(r"\d", without_among(prev)):
            phrase = text[end : start - 1] if found is not None else prev
        if subject is None and found is not None:
            subject = found
            if re.search(r"\d", without_among(prev)):
                break  # 而B以900亿元超过A,排名升至第四: what is ranked is this clause's figure
        start = prev_start
    return subject, phrase


def _named(phrase: str) -> str:
    """The metric words of a phrase before any comparison in it (收入紧跟A → 收入)."""
    return clean(without_comparison(phrase))


def _chained(prev: ExtractedClaim, m: re.Match[str], ctx: ArticleContext) -> ExtractedClaim:
    """增速居全省第2位、中部六省省会城市第3位: the next rank of a chain keeps the subject and metric."""
    region = ctx.gazetteer.get(prev.region_code) if prev.region_code else None
    scope_word, scope_name = (prev.scope, prev.scope_name)
    if m["scope"] or m["qual"]:
        scope_word, scope_name = scope_of_rank(m, region, ctx) if region else (m["scope"], m["scope"])
    return ExtractedClaim(prev.subject, prev.subject_kind, prev.region_code, m.group(0).lstrip("、"),
                          scope_word, _position(m), prev.about, prev.sentence, scope_name, prev.period_label)


def _clause_start(text: str, at: int) -> int:
    starts = [m.end() for m in _BEFORE.finditer(text, 0, at)]
    return starts[-1] if starts else 0


def _subject_before(text: str, start: int, end: int, ctx: ArticleContext) -> tuple[Region | None, int]:
    """The region a clause is about (its first named place or anaphor before the rank) and where it ends."""
    places = [(at, region, surface) for at, region, surface in ctx.places(text, (start, end))]
    found = ctx.subject_at(text, start, clause=text[start:end])
    if found is None:
        return None, start
    region, surface = found
    at = text.find(surface, start, end)
    for i, (p_at, p_region, p_surface) in enumerate(places):
        if p_region.code == region.code:
            at, surface = start + p_at, p_surface
            following = places[i + 1] if i + 1 < len(places) else None
            if following and following[0] == p_at + len(p_surface) and \
                    region in ctx.gazetteer.chain(following[1]):
                region, at, surface = following[1], start + following[0], following[2]  # 江苏省昆山市
            break
    if at > start and _COMPARED.search(text, start, at):
        return None, start  # 紧跟A和B,位列第三: a place compared with is not the subject
    return region, (at + len(surface)) if at >= 0 else start


def _subject_after(text: str, end: int, ctx: ArticleContext) -> Region | None:
    """排名第一的义乌市: the subject named right after the rank."""
    if not text.startswith("的", end):
        return None
    for m in ctx.mentions(text):
        if m.start == end + 1:
            return m.region
    return None


def _about_fact(text: str, at: int, here: list[ExtractedFact], subject: Region | None) -> ExtractedFact | None:
    """The figure a claim is about: the subject's last one stated before it in the sentence."""
    best: tuple[int, ExtractedFact] | None = None
    for fact in here:
        where = text.rfind(fact.metric_surface, 0, at) if fact.metric_surface else -1
        mine = subject is None or fact.region.code == subject.code
        if where >= 0 and _SHARE_OF.search(text, max(0, where - 8), where):
            continue  # 占山东总存量的15%: a share of the metric, not the metric ranked
        if where >= 0 and mine and (best is None or where >= best[0]):
            best = (where, fact)
    if best is not None:
        return best[1]
    # a figure named only after the rank (增速居第3位;实现收入80亿元) is not what the rank is about
    mine_any = [f for f in here
                if (subject is None or f.region.code == subject.code) and not _after_or_share(text, f, at)]
    return mine_any[-1] if mine_any else None


def _after_or_share(text: str, fact: ExtractedFact, at: int) -> bool:
    where = text.find(fact.metric_surface) if fact.metric_surface else -1
    return where >= at or (where > 0 and bool(_SHARE_OF.search(text, max(0, where - 8), where)))


def _period(before: str, about: ExtractedFact | None, ctx: ArticleContext, doc: Document) -> str | None:
    if about is not None and about.period.kind == "span":
        return str(about.period.year)  # a standing after years of change (五年来…居全国第2位): where they ended
    if about is not None and about.period.label != "undated":
        return about.period.label
    periods = _stated_periods(before, ctx, doc)
    if periods:
        return periods[-1]
    if ctx.focus_period is not None:
        return ctx.focus_period.label
    titled = _stated_periods(doc.title or "", ctx, doc)
    return titled[0] if titled else None
