"""Stems named as items of a list of places.

A stem (大冶 for 大冶市) is too common a word to be read as a place in running prose. As a whole item of a
list whose neighbour item is a place of the same level (甲、乙、大冶3个县级市), it is that place: the list says
what kind of thing its items are. Only a stem that fills its item exactly, between list marks, is taken, and
only when one unit of that level in the neighbour's province has it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from knowledge.places.region import Mention, Region

LIST_MARK = "、"
# what may close a list's last item: another list word, a count, punctuation, the end
_ITEM_ENDS = frozenset("、和及与等,。;:)( 0123456789一二两三四五六七八九十几")
_ITEM_STARTS = frozenset("、,。;:( ")
_LENGTHS = (2, 3)

StemLookup = Callable[[str], list[Region]]


def listed_stems(text: str, mentions: list[Mention], stems_of: StemLookup,
                 province_of: Callable[[Region], Region]) -> list[Mention]:
    """`mentions` with the stems that stand as list items beside them added, in text order."""
    found = {m.start: m for m in mentions}
    frontier = list(mentions)
    while frontier:
        added: list[Mention] = []
        for mention in frontier:
            for item in (_item_after(text, mention, stems_of, province_of),
                         _item_before(text, mention, stems_of, province_of)):
                if item is not None and not _overlaps(item, found.values()):
                    found[item.start] = item
                    added.append(item)
        frontier = added
    return sorted(found.values(), key=lambda m: m.start)


def _item_after(text: str, mention: Mention, stems_of: StemLookup,
                province_of: Callable[[Region], Region]) -> Mention | None:
    start = mention.end + 1
    if text[mention.end : start] != LIST_MARK:
        return None
    for length in _LENGTHS:
        end = start + length
        if (end <= len(text) and (end == len(text) or text[end] in _ITEM_ENDS)
                and (region := _peer(text[start:end], mention.region, stems_of, province_of)) is not None):
            return Mention(start, end, text[start:end], region, "alias")
    return None


def _item_before(text: str, mention: Mention, stems_of: StemLookup,
                 province_of: Callable[[Region], Region]) -> Mention | None:
    end = mention.start - 1
    if end < 0 or text[end] != LIST_MARK:
        return None
    for length in _LENGTHS:
        start = end - length
        if (start >= 0 and (start == 0 or text[start - 1] in _ITEM_STARTS)
                and (region := _peer(text[start:end], mention.region, stems_of, province_of)) is not None):
            return Mention(start, end, text[start:end], region, "alias")
    return None


def _peer(stem: str, neighbour: Region, stems_of: StemLookup,
          province_of: Callable[[Region], Region]) -> Region | None:
    """The one unit of the neighbour's level and province that `stem` names, else None."""
    home = province_of(neighbour).code
    peers = {r.code: r for r in stems_of(stem) if r.level == neighbour.level and province_of(r).code == home}
    return next(iter(peers.values())) if len(peers) == 1 else None


def _overlaps(item: Mention, mentions: Iterable[Mention]) -> bool:
    return any(item.start < m.end and m.start < item.end for m in mentions)
