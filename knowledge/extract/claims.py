"""Rank claims in prose (居全省第N位, 增速全国第一, 位列第三, 居首, 位居全国前列) and superlatives (亚洲最大).

A claim keeps its subject, the metric it ranks, its scope (the unit it is counted within) and the period of
the figure it is about. Word classes are data: knowledge/data/rankings.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from knowledge.extract.claim_figures import about_fact, claim_period, old_period, stated_periods
from knowledge.extract.claim_leads import (
    bare_ranks,
    chained_claim,
    follows_growth,
    headline,
    list_ranked,
    peer_named,
    place_scope,
    told_phrase,
    tops_in_turn,
    unread_lead,
)
from knowledge.extract.claim_metrics import (
    aspect_of,
    clean,
    figure_metric,
    is_assessment,
    metrics,
    names_metric,
    names_nothing,
    phrase_after,
)
from knowledge.extract.claim_scope import NATION, scope_of_rank, share_scope
from knowledge.extract.claim_spans import (
    CHAIN,
    IN_LIST,
    claim_text,
    first_of_a_kind,
    is_epithet,
    position_of,
    rank_spans,
    rank_start,
)
from knowledge.extract.claim_spread import Spread, items_of, rank_lists
from knowledge.extract.claim_subjects import (
    group_before,
    inside_focus,
    metric_words,
    names_another_subject,
    only_in_names,
    places_linked_after,
    start_of_clause,
    subject_after,
    subject_and_phrase,
    subject_before,
)
from knowledge.extract.claim_tops import tops
from knowledge.extract.claim_words import COUNTED_FROM_END, NUM, SCOPE, alt, words
from knowledge.extract.context import ArticleContext
from knowledge.extract.fact import ExtractedFact
from knowledge.extract.metrics import canonical_metric
from knowledge.extract.superlatives import SubjectKind, superlatives
from knowledge.text.document import Document, Sentence


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


_GROUP_SCOPE = re.compile(rf"^(?:{SCOPE})")
_LEAD_SCOPE = re.compile(rf"在(?P<scope>{SCOPE})(?P<qual>)")
_ANY_SCOPE = re.compile(rf"(?P<scope>{SCOPE})(?P<qual>)")
_LIST_HEADS = frozenset(words()["lists"]["list_heads"])
_NO_SCOPE = re.compile(r"(?P<scope>)(?P<qual>)")
# after a rank, a lead to the list that names who holds it: 前三的区市依次为…, 前三名为…
_LEADS_A_LIST = re.compile(r"的?[^,;。:的]{0,6}?(?:(?:依次|分别)?(?:是|为)[::]?|[::])")
_ANNOUNCES = re.compile(r"[^,;。:]{0,6}?[::]\s*$")  # 排名前三:, its list on the lines below
_FROM_RANK = re.compile(r"(?:从|由)[^,;。第]{0,8}第?$")  # 由第95位上升至第77位: the old rank is not a claim
# a lead clause naming the list the sentence's ranks are in: 在2023年全国百强县榜单中,…
_LEAD_LIST = re.compile(rf"(?:^|(?<=[,,]))[^,;。]{{0,12}}?在(?P<pre>[^,;。]{{0,12}}?)(?P<scope>{SCOPE})(?P<qual>)"
                        r"(?P<list>[^,;。]{2,24}?)(?:榜单|排行榜|排行|排名|评价|榜)?(?:中|里|上)[^,;。]{0,10}[,,]")
# …without 在, when the clause ends in the ranking's own word: 2023年全省16市GDP排名中,甲以…排名第一
_LEAD_RANKING = re.compile(rf"(?:^|(?<=[,,]))(?P<pre>[^,;。]{{0,12}}?)(?P<scope>{SCOPE})(?P<qual>)"
                           r"(?P<list>[^,;。]{2,24}?)(?:榜单|排行榜|排行|排名)中[,,]")
# a counted group of units as what is ranked (有5个县(市、区)…), not where it is ranked (12个县市区中)
_COUNTED_GROUP = re.compile(rf"(?:{NUM}|[两几多])个?(?:{alt(words()['group_units'])})(?:[((][^))]{{1,8}}[))])?"
                            r"(?![^,;。]{0,4}中)")
# 第50位以内, 第10名左右: a bound or an estimate, not a rank
_BOUND_AFTER = re.compile(rf"(?:位|名)?(?:{alt(words()['bounds_after_rank'])})")
# 在全省16市中, 在全国31个省份中: the group only counts the units ranked, it names no metric
UNITS_COUNTED = re.compile(rf"(?:{NUM})?个?(?:各)?(?:{alt(words()['group_units'] + words()['lists']['classes'])})")
UNITS_OPENING = re.compile(rf"^(?:(?:{NUM})个?|各)(?:{alt(words()['group_units'] + words()['lists']['classes'])})")
_PERSON = re.compile(alt(words()["person_words"]))
_TARGET = re.compile(alt(words()["target_words"]))
_AWARD = re.compile(alt(words()["award_words"]))
_RANKED_THING = re.compile(rf"的(?:{alt(words()['firm_words'] + words()['person_words'])})")
_FIRM_PEERS = re.compile(alt(words()["firm_peers"]))
_TIED = re.compile(r"并列|同居|同为")


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
            reading.paragraph, reading.carry, reading.paragraph_period = sentence.paragraph, None, None
        here = by_sentence.get(sentence.position, [])
        ranked = _rank_claims(sentence, ctx, doc, here, reading)
        share_scope(ranked, ctx.gazetteer)
        for claim in ranked + _tops_of(sentence, ctx, doc, ranked, reading) + superlatives(sentence, ctx):
            key = (claim.subject, claim.about, claim.position, claim.scope_name, claim.period_label)
            if key not in seen:
                seen.add(key)
                claims.append(claim)
        if here:
            reading.carry = here[-1]
        stated = stated_periods(sentence.text, ctx, doc)
        if stated:
            reading.period = reading.paragraph_period = stated[-1]
        if not sentence.is_heading:
            ctx.advance(sentence.text)  # the places named so far, as the facts read them (全市 = the city just named)
    return claims


@dataclass(slots=True)


class _Reading:
    """What the claim reader keeps between sentences: the last figure of the paragraph, the last period."""

    paragraph: int = -1
    carry: ExtractedFact | None = None
    period: str | None = None
    paragraph_period: str | None = None  # the last period stated in this paragraph before the sentence


def _rank_claims(sentence: Sentence, ctx: ArticleContext, doc: Document, here: list[ExtractedFact],
                 reading: _Reading) -> list[ExtractedClaim]:
    text = sentence.text
    listed = rank_lists(text, ctx)
    found = [(x.match.start(), _spread_claims(x, text, sentence.position, ctx, doc, here, reading)) for x in listed]
    out: list[ExtractedClaim] = []
    consumed = 0
    made: list[ExtractedClaim] = []
    for m in rank_spans(text):
        rank_at = rank_start(m)
        if m.start() < consumed or _FROM_RANK.search(text[max(0, rank_at - 10) : rank_at]) \
                or COUNTED_FROM_END.search(text, max(0, rank_at - 4), rank_at) or first_of_a_kind(m, text) \
                or _BOUND_AFTER.match(text, m.end()):
            continue
        if any(m.start() < x.match.end() and x.match.start() < m.end() for x in listed) or peer_named(m, ctx):
            continue
        made = _claims_at(text, m, sentence.position, ctx, doc, here, reading, made, consumed)
        out = list(made)
        consumed = m.end()
        while made and (chained := CHAIN.match(text, consumed)) and not peer_named(chained, ctx, made[0]) \
                and not aspect_of(chained["qual"] or "")[1] \
                and not _TARGET.search(chained.group(0)) and not IN_LIST.search(chained.group(0)):
            made = [chained_claim(c, chained, ctx) for c in made]
            out.extend(made)
            consumed = chained.end()
        found.append((m.start(), out))
    spreads = {x.match.start() for x in listed}
    bare = {start: (region, rank, said) for start, region, rank, said in bare_ranks(text, ctx)}
    found.extend((start, []) for start in bare)
    out = []
    said: tuple[int, ExtractedClaim] | None = None  # the last rank before with a metric
    for start, claims in sorted(found, key=lambda x: x[0]):  # in reading order
        if start in spreads and said is not None and ";" not in text[said[0] : start]:
            # 甲居首位,乙、丙分列第二、三位: ranks spread with no metric named share the rank's before them
            claims = [replace(c, about=said[1].about) if c.about is None else c for c in claims]
        code = said[1].region_code if said is not None else None
        if start in bare and said is not None and code and ";" not in text[said[0] : start]:
            # 甲排名第16位,乙第19位: a place and a rank alone share the rank's before them, among peers
            region, rank, words_ = bare[start]
            prev = said[1]
            held = ctx.gazetteer.get(code)
            if region.code != held.code and region.level == held.level and (
                    prev.scope_name == NATION or prev.scope_name in {r.name for r in ctx.gazetteer.chain(region)}):
                claims = [replace(prev, subject=region.name, region_code=region.code, position=rank, claim=words_)]
        out.extend(claims)
        said = next(((start, c) for c in reversed(claims) if c.about is not None), said)
    return out


def _spread_claims(spread: Spread, text: str, position: int, ctx: ArticleContext, doc: Document,
                   here: list[ExtractedFact], reading: _Reading) -> list[ExtractedClaim]:
    """One claim per place (or per metric) of a list of ranks; nothing when the counts differ."""
    m = spread.match
    n = len(spread.ranks)
    if len(spread.places) == n:
        subjects = spread.places
    elif len(spread.places) <= 1:
        subject = spread.places[0] if spread.places else subject_and_phrase(
            text, start_of_clause(text, m.start()), m.start(), ctx)[0] or ctx.focus or ctx.city
        if subject is None:
            return []
        subjects = [subject] * n
    else:
        return []
    out = []
    for i, subject in enumerate(subjects):
        stated = about_fact(text, m.start(), here, subject)
        carried = reading.carry if reading.carry and reading.carry.region.code == subject.code else None
        about = stated or carried  # the figure before is another place's: its metric is not this list's
        phrase = spread.phrase if len(spread.places) != n else told_phrase(spread.phrase, text, m.start(), ctx)
        named = metrics(phrase, about.metric if about else headline(doc), ctx)
        if len(spread.places) != n:
            if len(items_of(spread.phrase)) != n or len(named) != n:
                return []  # 总量和增速分别居第3位、第5位 needs two metrics for two ranks
            metric = named[i]
        else:
            metric = named[0] if len(named) == 1 else None
        scope_word, scope_name = scope_of_rank(m, subject, ctx)
        period = claim_period(text[: m.start()], stated, ctx, doc, carried_fact=None if stated else carried,
                              carried=reading.paragraph_period) or reading.period
        claim = ExtractedClaim(subject.name, "region", subject.code, spread.texts[i], scope_word, spread.ranks[i],
                               metric, position, scope_name, period)
        out.append(claim)
        old = old_period(spread.old_when, period, ctx, doc)
        if old is not None and len(spread.old_ranks) == n:
            out.append(ExtractedClaim(subject.name, "region", subject.code, spread.texts[n + i], scope_word,
                                      spread.old_ranks[i], metric, position, scope_name, old))
    return out


def _tops_of(sentence: Sentence, ctx: ArticleContext, doc: Document, ranked: list[ExtractedClaim],
             reading: _Reading) -> list[ExtractedClaim]:
    """总量最高的城市为甲: the top a superlative names, dated as the sentence's ranks are, when none of them is
    the same place's."""
    said = {c.region_code for c in ranked}
    return [replace(c, period_label=claim_period(sentence.text, None, ctx, doc, carried=reading.paragraph_period)
                    or reading.period)
            for c in tops(sentence, ctx, headline(doc)) if c.region_code not in said]


def _claims_at(text: str, m: re.Match[str], position: int, ctx: ArticleContext, doc: Document,
               here: list[ExtractedFact], reading: _Reading, earlier: list[ExtractedClaim],
               stop: int) -> list[ExtractedClaim]:
    """The claims of one rank span, of its subject or of each place of a group sharing it; a place is not
    ranked within itself (某省…居全省第一), nor the nation but among countries (全国…榜单发布 甲位居第二)."""
    return [c for c in _claims_of_span(text, m, position, ctx, doc, here, reading, earlier, stop)
            if c.scope_name != c.subject and not (c.subject == NATION and c.scope_name not in ("全球", "亚洲"))]


def _claims_of_span(text: str, m: re.Match[str], position: int, ctx: ArticleContext, doc: Document,
                    here: list[ExtractedFact], reading: _Reading, earlier: list[ExtractedClaim],
                    stop: int) -> list[ExtractedClaim]:
    claims = _claims_of_one(text, m, position, ctx, doc, here, reading, earlier, stop)
    linked = places_linked_after(text, m.end(), ctx)
    group = linked if len(linked) > 1 else group_before(text, max(start_of_clause(text, m.start()), stop),
                                                        m.start(), ctx)
    if not group or not claims:
        return claims
    if position_of(m) is not None and not _TIED.search(text, start_of_clause(text, m.start()), rank_start(m)):
        return []  # 甲、乙居第二: whose rank it is is not said
    # 甲、乙、丙位列全国前十, 甲、乙并列第一: the rank is each place's; 全省…前三的是甲、乙、丙 keeps the scope its
    # lead names
    lead = _ANY_SCOPE.fullmatch(claims[0].scope or "") if claims[0].scope else None
    if not linked and lead is None and claims[0].scope:
        lead = _NO_SCOPE.match("")  # a named group (中部省会城市) is the scope of each place
    in_turn = tops_in_turn(text, m, len(group))  # 甲、乙、丙分列全省前三位: first, second, third
    return [replace(c, subject=r.name, region_code=r.code, position=in_turn[i] if in_turn else c.position,
                    scope_name=(scope_of_rank(lead or m, r, ctx)[1] if lead is None or lead.group(0) else None)
                    or c.scope_name)
            for c in claims for i, r in enumerate(group)]


def _claims_of_one(text: str, m: re.Match[str], position: int, ctx: ArticleContext, doc: Document,
                   here: list[ExtractedFact], reading: _Reading, earlier: list[ExtractedClaim],
                   stop: int) -> list[ExtractedClaim]:
    clause_start = start_of_clause(text, m.start())
    subject, phrase = subject_and_phrase(text, max(clause_start, stop), m.start(), ctx, stop)
    after = subject_after(text, m.end(), ctx)
    linked_places = places_linked_after(text, m.end(), ctx)  # 排名第一的是X: what is ranked is named before it
    linked = linked_places[0] if len(linked_places) == 1 else None
    leads = _LEADS_A_LIST.match(text, m.end())
    if after is None and not linked_places and ((leads and any(x.start == 0 for x in ctx.mentions(
            text[leads.end() : leads.end() + 12].lstrip()))) or _ANNOUNCES.match(text, m.end())):
        return []  # 排名前三的区市依次为甲、乙、丙, 前三名为…, 前三:: the list after says who (read as a ranking)
    if after is not None or linked is not None:
        subject, phrase = after or linked, text[max(clause_start, stop) : m.start()]
    if m.groupdict().get("unit"):  # 经济第一大省广东: the place named right after holds the rank
        subject = next((x.region for x in ctx.mentions(text) if x.start == m.end()), subject)
        if subject is None or subject.level != words()["economy_units"][m["unit"]]:
            return []  # 第二经济强市 of a province, or of no place named: whose rank it is is not said
    stated = about_fact(text, m.start(), here, subject)
    about = stated or reading.carry
    if after is None and linked is None and earlier and earlier[0].region_code and ";" not in text[stop : m.start()] \
            and subject_before(text, clause_start, m.start(), ctx)[0] is None:
        # 居全省第一,在中部某组城市中居第2位: the next rank of the sentence is about the same place
        subject = ctx.gazetteer.get(earlier[0].region_code)
    if _PERSON.search(text, max(clause_start, stop), m.start()):
        return []  # 一名选手获全国冠军: a person's or a team's place, not the place's
    if _TARGET.search(text, max(clause_start, stop), m.start()):
        return []  # 力争第四, 争创全省第一: a rank aimed at, not one held
    if _AWARD.search(text, max(clause_start, stop), m.start()):
        return []  # 荣获全省文明城市第一名: a prize won, not a rank of a metric
    if unread_lead(text[:clause_start], ctx) and metrics(phrase, None, ctx) == [None]:
        return []  # 在营商环境评价中,甲居全省第一: ranked in what the lead names, which names no known metric
    if after is None and linked is None and (_RANKED_THING.match(text, m.end()) or _FIRM_PEERS.search(m.group(0))):
        return []  # 排名第一的企业, 居全国同行业第一: a firm's rank, not the place's
    counted = _COUNTED_GROUP.search(text, max(clause_start, stop), m.start())
    if after is None and linked is None and counted and not any(x.end == counted.start() for x in ctx.mentions(text)):
        return []  # 有5个县(市、区)GDP增速居全省前30位: the rank is a group's, not the place's
    if after is None and linked is None and names_another_subject(text, max(clause_start, stop), m.start(),
                                                                   subject, ctx):
        return []  # 山东大学综合排名…, 该企业出口额…: a firm's or an institution's rank, not a place's
    if subject is None:
        told = about is not None and inside_focus(about.region, ctx) and not only_in_names(text, about.region, ctx)
        subject = about.region if about is not None and told else (ctx.focus or ctx.city)
    if subject is None:
        return []
    scope_word, scope_name = scope_of_rank(m, subject, ctx)
    lead = _LEAD_SCOPE.search(text, clause_start, m.start())
    if lead is None and (after is not None or linked_places):  # 全省县域GDP位列前三的是…: the lead's scope
        lead = next(reversed(list(_ANY_SCOPE.finditer(text, max(clause_start, stop), m.start()))), None)
    if scope_word is None and lead is not None:  # 在全国百强县排名由第9位升至第7位
        scope_word, scope_name = scope_of_rank(lead, subject, ctx)
    if scope_word is None and (held := place_scope(text[clause_start : m.start()], subject, ctx)) is not None:
        scope_word, scope_name = held.name, held.name  # GDP在湖北省内排名第二
    if scope_word is None and not m.groupdict().get("group") and earlier and earlier[0].scope \
            and ";" not in text[stop : m.start()]:
        scope_name = earlier[0].scope_name  # 跻身全国城市前20强,位列第19位: counted where the rank before is
    listed = sorted((x for pattern in (_LEAD_LIST, _LEAD_RANKING) for x in pattern.finditer(text, 0, clause_start)
                     if ";" not in text[x.end() : clause_start]), key=lambda x: x.start())
    if scope_word is None and listed and after is None:  # 在全国…百强县榜单中,甲位列第四,乙位列第十
        scope_word, scope_name = scope_of_rank(listed[-1], subject, ctx)
        if not metric_words(phrase) or metrics(phrase, None, ctx) == [None]:  # 甲以1.5万亿元排名第一
            phrase = UNITS_OPENING.sub("", listed[-1]["list"])  # 16市GDP排名中: the count of units goes
    if m.groupdict().get("largest"):
        phrase = words()["nth_largest"][m["largest"]]  # 全国第五大经济体: the Nth by GDP
    if m.groupdict().get("unit"):
        phrase = words()["economy_rank"]
    if m.groupdict().get("listname"):
        phrase = m["listname"]  # 投资潜力百强第24位: the list is what is ranked
    if earlier and not clean(phrase) and ";" not in text[stop : m.start()]:
        return [ExtractedClaim(subject.name, "region", subject.code, claim_text(m), scope_word, position_of(m),
                               c.about, position, scope_name, c.period_label) for c in earlier]
    period = claim_period(text[: m.start()], stated, ctx, doc, carried_fact=None if stated else reading.carry,
                          carried=reading.paragraph_period) or reading.period
    if is_epithet(m.group(0)) and period and stated is None and not stated_periods(text, ctx, doc):
        period = period[:4] if period[:4].isdigit() else period  # 经济第一大省: a standing of the year
    if names_nothing(phrase) and follows_growth(text[:clause_start]):
        phrase = "增速"  # 增长10.0%,居全市第8: the rank is the growth rate's
    phrase = told_phrase(phrase, text, m.start(), ctx)
    group = m.groupdict().get("group") or ""
    if group and _GROUP_SCOPE.match(group) and not metric_words(phrase) \
            and not UNITS_COUNTED.fullmatch(_GROUP_SCOPE.sub("", group)):
        phrase = _GROUP_SCOPE.sub("", group)  # 在全国县域经济竞争力百强中列45位: the list names what is ranked
    elif group and metrics(phrase, None, ctx) == [None] and (assessed := list_ranked(None, "", group)):
        phrase = assessed  # 在某市县域经济综合考核中位列第一: the assessment is what is ranked
    qual = m.groupdict().get("qual") or ""
    if qual and (in_list := list_ranked(m.groupdict().get("scope"), phrase, qual)) is not None:
        phrase = in_list  # 位列全国百强县第7位: the list is what is ranked
    elif qual and names_metric(qual):  # 勇夺GDP增速第一; 居全省各市州增速第二 (各市州 is where it is counted)
        named = aspect_of(qual)[1] if m.groupdict().get("scope") and not (
            canonical_metric(qual) and metrics(phrase, None, ctx) == [None]) else qual  # 分列全省经济总量前三位
        phrase = phrase if named and phrase.endswith(named) else phrase + named
    if after is not None:
        phrase = phrase + phrase_after(text, m.end(), after, ctx)  # 排名第二的X县城镇居民收入为…
    elif text.endswith("以", 0, m.start()) and not metric_words(phrase[:-1]):
        phrase = phrase_after(text, m.end(), None, ctx)  # 以全省第四的GDP增速…: the metric follows
    # the metric of the figure before, else of the rank said before in the sentence (总量居第4,增量排第3)
    inherited = aspect_of(earlier[0].about)[0] if earlier and earlier[0].about else None
    fallback = (stated.metric if stated else None) or figure_metric(text, clause_start, stop) or inherited \
        or (about.metric if about else headline(doc))
    if m.groupdict().get("best") and metrics(phrase, None, ctx) == [None]:
        return []  # 全省最高 after no metric named: the first of what is not said
    named = metrics(phrase, fallback, ctx)
    if any(x in _LIST_HEADS for x in named):
        return []  # 未能跻身十强,居第15位: a bare top-N list is no metric, and the rank is counted elsewhere
    if any(is_assessment(x) for x in named if x) and not stated_periods(text, ctx, doc):
        return []  # an assessment's result is told after its year: without a year said, whose year is unknown
    return [ExtractedClaim(subject.name, "region", subject.code, claim_text(m), scope_word,
                           position_of(m), metric, position, scope_name, period)
            for metric in named]
