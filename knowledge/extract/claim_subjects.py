"""Who a rank claim is about: the place named before the rank (read back clause by clause), the place named
right after it (排名第一的义乌市), or a list of places that shares it (甲、乙、丙均位列前十)."""

from __future__ import annotations

import re

from knowledge.extract.claim_metrics import RANK_MOVE, clean, without_among, without_comparison
from knowledge.extract.claim_spans import rank_spans
from knowledge.extract.claim_words import COMPARISON, VERB, scope_levels, words
from knowledge.extract.context import ArticleContext
from knowledge.extract.entities import company_spans
from knowledge.places.gazetteer import Region

# a clause ends at a comma, a colon or a stop, and at a space between two Chinese words (a title's two parts:
# 某榜单发布 某县位居第二)
_BEFORE = re.compile(r"[,;:。]|(?<=[\u4e00-\u9fffA-Za-z0-9%])[ \u3000]+(?=[\u4e00-\u9fff])")
# 紧跟A和B, 跻身某省…先进县: a place after a comparison or a rank verb is what is compared with or joined
_COMPARED = re.compile(rf"(?:{COMPARISON.pattern}|{VERB})(?:[^,;。]{{0,2}})$")
_CLASSES = "|".join(sorted(words()["lists"]["classes"], key=len, reverse=True))
_LINKED = re.compile(rf"的(?:{_CLASSES})?(?:分别|依次)?(?:是|为)[::]?")
_HEADS = "|".join(words()["facility_heads"])
_NAMED_PLACE = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{_HEADS})")
_FIRM_WORD = re.compile(rf"[^,;。]{{0,4}}?(?:{'|'.join(words()['firm_words'])})")
_OPENING_NAME = re.compile(rf"(?:\d{{4}}年)?(?P<name>(?P<before>[\u4e00-\u9fff]{{2,8}}?)(?:{_HEADS}))")
# 江苏省昆山市, 潍坊市下辖的寿光市: a unit named right after the place holding it is the subject
_UNDER = re.compile(r"(?:(?:下辖|所辖|辖内|辖区内)的?|的)?")
_JOINED = re.compile(r"\s*(?:、|和|及|与|以及)\s*")


def group_before(text: str, start: int, at: int, ctx: ArticleContext) -> list[Region]:
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


def _past_joined(text: str, end: int, at: int, ctx: ArticleContext) -> int:
    """Past the places joined to the subject (甲市和乙市GDP增速并列第一): what is ranked follows them."""
    while (joined := _JOINED.match(text, end, at)) is not None:
        following = [m for m in ctx.mentions(text[joined.end() : at]) if m.start == 0]
        if not following:
            break
        end = joined.end() + max(m.end for m in following)
    return end


def inside_focus(region: Region, ctx: ArticleContext) -> bool:
    """A figure's place can stand for an unnamed subject only inside the article's own unit: a place of another
    province in a province's report is a misread name, not what the report ranks."""
    return ctx.focus is None or any(r.code == ctx.focus.code for r in ctx.gazetteer.chain(region))


def subject_and_phrase(text: str, clause_start: int, at: int, ctx: ArticleContext,
                        stop: int = 0) -> tuple[Region | None, str]:
    """The region ranked and the words naming what is ranked, read back from the rank clause by clause.

    Back over clauses without a figure (生产总值总量、…和社零增幅,均居山东省第三), and to the subject
    of the sentence part before it (某省GDP超过5万亿元,稳居第一), never past a semicolon. A clause that
    names its own metric and no place keeps the subject that opens a clause, not a place inside one.
    """
    subject, end = subject_before(text, clause_start, at, ctx)
    if subject is not None:
        end = _past_joined(text, end, at, ctx)
    phrase = text[end:at] if subject is not None else text[clause_start:at]
    own = bool(metric_words(phrase))
    start = clause_start
    past_figure = False  # 甲完成,新增企业296家,居全省首位: what is ranked is the figure, not the clause before it
    while start - 1 > stop and text[start - 1] != ";" and (subject is None or not metric_words(phrase)):
        prev_start = start_of_clause(text, start - 1)
        prev = text[prev_start : start - 1]
        found, end = subject_before(text, prev_start, start - 1, ctx)
        if found is not None and own and len(clean(text[prev_start : end])) > len(found.name) + 2:
            found = None  # 新昆楚大、临清等40条高速公路: a place inside a name, not the clause's subject
        figure_in_prev = re.search(r"\d", RANK_MOVE.sub("", without_among(prev)))  # 提升3个位次: no figure
        if not metric_words(phrase) and not figure_in_prev and not past_figure:
            phrase = _before_rank(text[end : start - 1] if found is not None else prev)
        past_figure = past_figure or bool(figure_in_prev)
        if subject is None and found is not None:
            subject = found
            if figure_in_prev:
                break  # 而B以900亿元超过A,排名升至第四: what is ranked is this clause's figure
        start = prev_start
    return subject, phrase


def _before_rank(clause: str) -> str:
    """甲市GDP排名第一的是乙市,丙市排名第二: the clause before names what is ranked up to its own rank."""
    spans = rank_spans(clause)
    return clause[: spans[0].start()] if spans else clause


def metric_words(phrase: str) -> str:
    """The metric words of a phrase before any comparison in it (收入紧跟A → 收入)."""
    return clean(without_comparison(phrase))


def start_of_clause(text: str, at: int) -> int:
    starts = [m.end() for m in _BEFORE.finditer(text, 0, at)]
    return starts[-1] if starts else 0


def subject_before(text: str, start: int, end: int, ctx: ArticleContext) -> tuple[Region | None, int]:
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
            if following and _UNDER.fullmatch(text, start + p_at + len(p_surface), start + following[0]) and \
                    region in ctx.gazetteer.chain(following[1]):
                region, at, surface = following[1], start + following[0], following[2]  # 江苏省昆山市
            break
    if at > start and _COMPARED.search(text, start, at):
        return None, start  # 紧跟A和B,位列第三: a place compared with is not the subject
    if at >= 0 and surface not in scope_levels() and _NAMED_PLACE.match(text, at + len(surface)):
        return None, start  # 昆明长水国际机场…: a place that opens a facility's name is not the subject
    return region, (at + len(surface)) if at >= 0 else start


def subject_after(text: str, end: int, ctx: ArticleContext) -> Region | None:
    """排名第一的义乌市: the subject named right after the rank."""
    if not text.startswith("的", end):
        return None
    for m in ctx.mentions(text):
        if m.start == end + 1:
            return m.region
    return None


def places_linked_after(text: str, end: int, ctx: ArticleContext) -> list[Region]:
    """排名第一的是唐山市, 前三的城市分别为甲、乙、丙: the places linked to the rank by 是/为 after it."""
    m = _LINKED.match(text, end)
    if m is None:
        return []
    run: list[tuple[Region, int]] = []
    for x in sorted(ctx.mentions(text), key=lambda x: x.start):
        at = run[-1][1] if run else m.end()
        if x.start < at:
            continue
        if x.start != at and not (run and _JOINED.fullmatch(text, at, x.start)):
            break
        run.append((x.region, x.end))
    return [r for r, _ in run]


def only_in_names(text: str, region: Region, ctx: ArticleContext) -> bool:
    """Whether the place is named in the text only as the opening of a facility's name (昆明长水国际机场)."""
    found = [m for m in ctx.mentions(text) if m.region.code == region.code]
    return bool(found) and all(_NAMED_PLACE.match(text, m.end) for m in found)


def names_another_subject(text: str, start: int, end: int, subject: Region | None, ctx: ArticleContext) -> bool:
    """Whether the words before a rank name a firm or an institution as what is ranked, and not the place found
    as subject: a company's name, a place that opens a facility's name (山东大学, 青岛港), a word standing for a
    firm (该企业)."""
    firms = [(a, b) for a, b in company_spans(text) if start <= a < end]
    facilities = [(m.start, m.end) for m in ctx.mentions(text) if start <= m.start < end
                  and text[m.start : m.end] not in scope_levels() and _NAMED_PLACE.match(text, m.end)]
    opening = _OPENING_NAME.match(text, start, end)
    if opening is not None and any(m.start == 0 for m in ctx.mentions(opening["before"])):
        facilities.append((opening.start("name"), opening.end("name")))  # 山东大学…: the scan reads no place
    if not firms and not facilities and not _FIRM_WORD.match(text, start, end):
        return False
    named = [m for m in ctx.mentions(text) if start <= m.start < end and subject is not None
             and m.region.code == subject.code and not any(a <= m.start < b for a, b in firms + facilities)]
    return not any(not _NAMED_PLACE.match(text, m.end) for m in named)
