"""Ranks given as a list, one to each place or metric named before them.

济宁、临沂两市分别居全省第6位和第7位 (摘得亚军和季军); A、B排名从去年同期的第7名和第14名上升到今年的第5名和
第13名 (the old ranks are claims of the earlier period); 总量和增速分别居全省第3位、第5位. A list of ranks that
matches neither the places nor the metrics before it in number is read as nothing: whose rank is which is unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.claim_metrics import clean, without_comparison
from knowledge.extract.claim_words import COMPARISON, COUNTED_FROM_END, NUM, SCOPE, VERB, alt, words
from knowledge.extract.context import ArticleContext
from knowledge.places.gazetteer import Region
from knowledge.text.numbers import cn_int

_ORDINAL = alt(list(words()["ordinal_words"]))
_ONE = rf"(?:第(?:{NUM})(?:位|名)?|{_ORDINAL})"
# 第二、三位: the later ranks of a list may drop their 第 (not 第一、二产业: a bare one is a rank only before 位/名
# or another rank)
_BARE = rf"(?:{NUM})(?=[、和及与]|位|名)"
_LIST = rf"{_ONE}(?:[、和及与](?:{_ONE}|{_BARE}))+(?:位|名)?"
_LIST_RE = re.compile(_LIST)  # in every spread: a sentence without it has none
_MOVE = rf"(?:{VERB}|上升|下降|提升|回落|前移|后移)*(?:到|至)?"
SPREAD = re.compile(
    rf"(?:分别)?(?:{VERB})*"
    rf"(?:(?:从|由)(?P<old_when>[^,;。第]{{0,8}}?)的?(?P<old>{_LIST})[,,]?{_MOVE}(?P<new_when>[^,;。第]{{0,6}}?)的?)?"
    rf"在?(?P<scope>{SCOPE})?(?P<qual>)(?P<ranks>{_LIST})"
)
_ONE_RE = re.compile(rf"第(?P<n>{NUM})|(?P<word>{_ORDINAL})|(?<=[、和及与])(?P<bare>{NUM})")
_ONE_TEXT = re.compile(rf"{_ONE}|(?<=[、和及与])(?:{NUM})(?:位|名)?")
_SEPARATOR = re.compile(r"\s*(?:、|和|及|与|以及)?\s*")
_COUNT = re.compile(r"^(?:[一二两三四五六七八九十\d]+[个座]?(?:城市|市|县|区|省|州|地))?")
_SAME_TIME_LAST_YEAR = re.compile(r"^(?:去年|上年)同期$")
_GAP = re.compile(r"仅?(?:相差|相距|差距|差)")  # 甲和乙总量仅相差8亿元: the gap between them is no metric word


@dataclass(slots=True)
class Spread:
    """One list of ranks, and whose they are: `places` (one each) or the metric items of `phrase` (one each)."""

    match: re.Match[str]
    ranks: list[int]
    old_ranks: list[int]
    old_when: str  # the words naming the period of the old ranks (去年同期, 2015年)
    places: list[Region]
    phrase: str  # the words between the places (or the clause start) and the ranks
    texts: list[str]  # each rank as written (第6位), then each old rank


def rank_lists(text: str, ctx: ArticleContext) -> list[Spread]:
    """Every list of two or more ranks in a sentence, with the places named before it."""
    out: list[Spread] = []
    if not _LIST_RE.search(text):
        return out  # cheap test first
    for m in SPREAD.finditer(text):
        ranks = _numbers(m["ranks"])
        if ranks is None or COUNTED_FROM_END.search(text, max(0, m.start("ranks") - 4), m.start("ranks") + 1):
            continue
        old = _numbers(m["old"]) if m["old"] else []
        part_start = text.rfind(";", 0, m.start()) + 1
        places, end = _place_run(text, part_start, m.start(), ctx)
        if places:  # 济宁、临沂、滨州3市,排名则…: the count and the comma after the places name nothing
            phrase = re.sub(r"[,,::]", "", _COUNT.sub("", text[end : m.start()]))
        elif (held := _places_after(text, m.end(), ctx)) and len(held[0]) == len(ranks):
            places, phrase = held  # 排名第6位、第7位的甲和乙经济总量…: the places after 的 hold the ranks
        else:
            phrase = text[_clause_start(text, m.start()) : m.start()]
        texts = [x.group(0) for x in _ONE_TEXT.finditer(m["ranks"])]
        old_texts = [x.group(0) for x in _ONE_TEXT.finditer(m["old"] or "")]
        out.append(Spread(m, ranks, old or [], m["old_when"] or "", places, phrase, texts + old_texts))
    return out


def items_of(phrase: str) -> list[str]:
    """The metric items a list of ranks may be spread over (总量和增速 → [总量, 增速])."""
    return [i for i in (clean(x) for x in re.split(r"[、和及与]", without_comparison(phrase))) if i]


def is_same_time_last_year(words: str) -> bool:
    return bool(_SAME_TIME_LAST_YEAR.match(words))


def _numbers(listed: str | None) -> list[int] | None:
    if not listed:
        return None
    found = [cn_int(x["n"] or x["bare"]) if x["n"] or x["bare"] else int(words()["ordinal_words"][x["word"]])
             for x in _ONE_RE.finditer(listed)]
    return [n for n in found if n is not None] if all(n is not None for n in found) else None


def _place_run(text: str, start: int, end: int, ctx: ArticleContext) -> tuple[list[Region], int]:
    """The last run of places joined by 、/和 before `end` (济宁、临沂、滨州3市), and where it ends."""
    run: list[tuple[Region, int, int]] = []
    for at, region, surface in ctx.places(text, (start, end)):
        a, b = start + at, start + at + len(surface)
        if COMPARISON.search(text, max(start, a - 4), a):
            continue
        if run and not _SEPARATOR.fullmatch(text[run[-1][2] : a]):
            run = []
        if not run or region.code != run[-1][0].code:
            run.append((region, a, b))
    return [r for r, _, _ in run], (run[-1][2] if run else end)


def _places_after(text: str, end: int, ctx: ArticleContext) -> tuple[list[Region], str] | None:
    """排名第6位、第7位的甲和乙经济总量…: the run of places right after 的, and the metric words after them (up
    to a figure, a comparison or the clause's end)."""
    if not text.startswith("的", end):
        return None
    clause_end = min((i for i in (text.find(x, end) for x in ",,;。") if i >= 0), default=len(text))
    places, stop = _place_run(text, end + 1, clause_end, ctx)
    first = ctx.places(text, (end + 1, clause_end))
    if not places or not first or first[0][0] != 0:
        return None
    after = re.match(r"[^\d,,;。]*", text[stop:clause_end])
    words_after = after.group(0) if after else ""
    cut = COMPARISON.search(words_after) or _GAP.search(words_after)
    return places, words_after[: cut.start()] if cut else words_after


def _clause_start(text: str, at: int) -> int:
    return max(text.rfind(x, 0, at) for x in ",,;:") + 1
