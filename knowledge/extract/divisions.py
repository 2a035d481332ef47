"""Counts of the administrative divisions a place governs: 辖4区、6市、2县,62个镇、57个街道 gives 市辖区 4,
县级市 6, 县 2, 镇 62 and 街道 57; and a whole's divisions counted as one set (全市134个乡镇(街道)全部…,
在全省136个县(市、区)中) gives the whole its count (words in knowledge/data/lists.toml [divisions])."""

from __future__ import annotations

import re
from decimal import Decimal

from knowledge.extract.context import ArticleContext
from knowledge.extract.forms import Listed, PeriodAt, Subject, alt, data
from knowledge.extract.vocab import word_classes

_D = data()["divisions"]
_WORD = alt(_D["words"])
# at a clause's start or right after the place that governs (潍坊市辖, 全县辖); never inside 管辖, 直辖
_GOVERNS = re.compile(rf"(?:^|[,;:。]|(?<=[省市县区]))\s*(?:{alt(_D['verbs'])})")
# one item: 4 区, 62个镇, 2个市(县级), 18个乡镇(街道); what follows it ends the item
_ITEM = re.compile(rf"\s*(?P<num>\d+)\s*个?\s*(?P<word>{_WORD})(?:[((](?P<note>[^()()]{{1,6}})[))])?(?=[、,;。和及]|$)")
_JOIN = re.compile(r"[、,]|和|及")
_STANDING = ("year", "asof")  # the periods a count of divisions is given for: a year's, or a day's
_WHOLE = alt([w for w in word_classes()["anaphora"] if w.startswith("全")])
# 全市134个乡镇(街道)全部…: the set right after its whole (an anaphor, or a place the caller finds before it)
_SET = re.compile(rf"(?P<whole>{_WHOLE})?(?P<num>\d+)个(?P<word>{_WORD})(?:[((](?P<note>[^()()]{{1,6}})[))])?"
                  rf"(?={alt(_D['set_followers'])})")


def read_divisions(text: str, subject: Subject | None, period_at: PeriodAt) -> list[tuple[int, int, list[Listed]]]:
    """The division counts of `text`, as (start, end, facts) spans."""
    if subject is None:
        return []
    region, surface = subject
    out: list[tuple[int, int, list[Listed]]] = []
    for verb in _GOVERNS.finditer(text):
        at = end = verb.end()
        made: list[Listed] = []
        while (item := _ITEM.match(text, at)) is not None:
            name = _name(item.group("word"), item.group("note"))
            made.append(Listed(item.start("num"), region, surface, name, name, Decimal(item.group("num")),
                               item.group("num"), "个", period_at(item.start("num"))))
            at = end = item.end()
            if (join := _JOIN.match(text, at)) is None:
                break
            at = join.end()
        if made:
            out.append((verb.end(), end, made))
    return out


def has_division_set(text: str) -> bool:
    """A cheap test first: does `text` count a whole's divisions as one set?"""
    return "个" in text and _SET.search(text) is not None  # the set's count is always of 个


def read_division_sets(text: str, ctx: ArticleContext, period_at: PeriodAt) -> list[tuple[int, int, list[Listed]]]:
    """The whole's counts of its divisions as one set (全市134个乡镇(街道)全部…), as (start, end, facts) spans."""
    out: list[tuple[int, int, list[Listed]]] = []
    if "个" not in text:
        return out  # cheap test first (has_division_set)
    for m in _SET.finditer(text):
        whole, period = _whole(text, m, ctx), period_at(m.start("num"))
        if whole is None or period.kind not in _STANDING:
            continue  # 前三季度…在全省137个县中的排名: the divisions do not stand for a part of a year
        region, surface = whole
        name = _name(m.group("word"), m.group("note"))
        out.append((m.start("num"), m.end(), [Listed(m.start("num"), region, surface, name, name,
                                                      Decimal(m.group("num")), m.group("num"), "个", period)]))
    return out


def _whole(text: str, m: re.Match[str], ctx: ArticleContext) -> Subject | None:
    """The place whose divisions the set `m` counts: its anaphor's (全省 in a city's text is the province), or the
    place named right before the count."""
    if m.group("whole"):
        return ctx.subject_at(text, m.start("whole"), clause=m.group("whole"))
    named = [(region, surface) for at, region, surface in ctx.places(text, (0, m.start()))
             if at + len(surface) == m.start()]
    return named[-1] if named else None


def _name(word: str, note: str | None) -> str:
    """区 → 市辖区, 市(县级) → 县级市, 乡镇(街道) → 乡镇(街道), 县(市、区) → 县(市、区)."""
    if note and all(part in _D["words"] for part in note.split("、")):
        return f"{word}({note})"
    if note == "县级" and word == "市":
        return "县级市"
    names: dict[str, str] = _D["names"]
    return names.get(word, word)
