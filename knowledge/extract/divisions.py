"""Counts of the administrative divisions a place governs: 辖4区、6市、2县,62个镇、57个街道 gives 市辖区 4,
县级市 6, 县 2, 镇 62 and 街道 57 (words in knowledge/data/lists.toml [divisions])."""

from __future__ import annotations

import re
from decimal import Decimal

from knowledge.extract.forms import Listed, PeriodAt, Subject, alt, data

_D = data()["divisions"]
_WORD = alt(_D["words"])
# at a clause's start or right after the place that governs (潍坊市辖, 全县辖); never inside 管辖, 直辖
_GOVERNS = re.compile(rf"(?:^|[,;:。]|(?<=[省市县区]))\s*(?:{alt(_D['verbs'])})")
# one item: 4 区, 62个镇, 2个市(县级), 18个乡镇(街道); what follows it ends the item
_ITEM = re.compile(rf"\s*(?P<num>\d+)\s*个?\s*(?P<word>{_WORD})(?:[((](?P<note>[^()()]{{1,6}})[))])?(?=[、,;。和及]|$)")
_JOIN = re.compile(r"[、,]|和|及")


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


def _name(word: str, note: str | None) -> str:
    """区 → 市辖区, 市(县级) → 县级市, 乡镇(街道) → 乡镇(街道)."""
    if note and note in _D["words"]:
        return f"{word}({note})"
    if note == "县级" and word == "市":
        return "县级市"
    names: dict[str, str] = _D["names"]
    return names.get(word, word)
