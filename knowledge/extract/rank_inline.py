"""Numbered lists written on one line: 排名:1.昆山 2.江阴 3.张家港, 1、甲;2、乙;3、丙, ①甲、②乙、③丙.

The numbers must run on one by one and every item open with a place; the lead before the first number says
whether the list is a ranking (排名, 前三, 榜单: ordered) or a named list (名单: a set), else it is an outline.
"""

from __future__ import annotations

import re

from knowledge.extract.context import ArticleContext
from knowledge.extract.rank_entries import ExtractedEntry, ExtractedRanking, alt, link_entry, make_ranking
from knowledge.extract.rank_lists import ranked
from knowledge.text.document import Document

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# a number that opens an item: at the line's start or after a space or a separator, never inside a figure
# (① is read as 1 once the text is normalised: 1昆山、2江阴)
_MARK = re.compile(rf"(?:^|(?<=[\s::;;,,、。]))(?:(?P<n>\d{{1,3}})[.、.](?!\d)|(?P<c>[{CIRCLED}])"
                   r"|(?P<m>\d{1,2})(?=[\u4e00-\u9fff]))\s*")
_NAME_END = re.compile(r"[\s,,::;;、((。|\d]")
_FIGURE = re.compile(r"-?\d+(?:\.\d+)?\s*(?:%|[万亿千百]{0,2}[元个家人户]?)")


def only_places(name: str, ctx: ArticleContext) -> bool:
    """Whether a name is one place, or places one inside the other (江苏昆山), and nothing else: 青岛要加快…
    opens with a place but is a sentence."""
    at = 0
    for m in sorted(ctx.mentions(name), key=lambda m: (m.start, -m.end)):
        if m.start == at:
            at = m.end
    return at == len(name) > 0


def in_rank_order(numbers: list[int]) -> bool:
    """1 2 3, and ties as rankings write them (1 2 2 4: a shared rank, then the count goes on)."""
    return all(n in (numbers[i - 1], numbers[0] + i) for i, n in enumerate(numbers) if i)


def inline_lists(doc: Document, ctx: ArticleContext) -> tuple[set[int], list[ExtractedRanking]]:
    """The lists written on one line, and the positions of the sentences they fill."""
    used: set[int] = set()
    found: list[ExtractedRanking] = []
    previous = doc.title or ""
    for raw in doc.reading_lines:
        line = raw.strip()
        if not line:
            continue
        ranking = _inline(line, previous, doc, ctx)
        if ranking is not None:
            found.append(ranking)
            used.update(s.position for s in doc.sentences if s.text and s.text in line)
        previous = line
    return used, found


def _inline(line: str, previous: str, doc: Document, ctx: ArticleContext) -> ExtractedRanking | None:
    marks = list(_MARK.finditer(line))
    if len(marks) < 2:
        return None
    numbers = [int(m["n"] or m["m"]) if m["n"] or m["m"] else CIRCLED.index(m["c"]) + 1 for m in marks]
    if not in_rank_order(numbers):
        return None
    entries: list[ExtractedEntry] = []
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        item = line[m.end() : nxt.start() if nxt else len(line)]
        end = _NAME_END.search(item)
        name = item[: end.start()] if end else item
        entry = link_entry(None, name, ctx)
        if entry.region_code is None or not only_places(name, ctx):
            return None  # 1.抓项目 2.稳就业: an outline, not a list of places
        figure = _FIGURE.search(item, len(name))
        entry.value = figure.group().replace(" ", "") if figure else None
        entries.append(entry)
    lead = re.sub(r"[\s::]+$", "", line[: marks[0].start()]) or previous
    position = next((s.position for s in doc.sentences if s.text and s.text in line), 0)
    title = re.sub(r"(?:如下|名单如下)?[::。]*$", "", lead) or "排名"
    if ranked(lead):
        for number, entry in zip(numbers, entries, strict=True):
            entry.position = number
        return make_ranking(title, "ordered", lead, entries, position, doc, ctx)
    if any(w in lead for w in alt("announce").split("|")):
        return make_ranking(title, "set", lead, entries, position, doc, ctx)
    return None
