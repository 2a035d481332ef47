"""What rankings and named lists are made of: entries linked to regions, and a list's scope and period.

Shared by the prose list forms (rank_lists.py), rank tables (rank_tables.py) and rankings.py.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from knowledge.extract.context import ArticleContext
from knowledge.extract.kinds import RankingKind
from knowledge.extract.periods import find_periods
from knowledge.places.nation import NATION, is_nation
from knowledge.places.region import Region
from knowledge.text.document import Document

_NOTE = re.compile(r"(?P<name>[^((]{2,12})\s*[((][^))]{1,8}[))]")
_ENTRY_SUFFIXES = ("人民政府", "政府", "管委会", "管理委员会")
_SHORT_FORM, _LONGEST_NAME = 4, 12  # 克孜勒苏柯尔克孜自治州 has 11 characters
_UNIT_ENDS = frozenset("省市区县旗州盟")


@dataclass(slots=True)
class ExtractedEntry:
    position: int | None
    name: str
    original: str | None = None
    region_code: str | None = None
    value: str | None = None  # the figure the list gives with the entry (浙江23个 → 23个), as written


@dataclass(slots=True)
class ExtractedRanking:
    title: str
    kind: RankingKind
    scope_code: str | None
    scope_name: str | None
    period_label: str | None
    sentence: int
    entries: list[ExtractedEntry] = field(default_factory=list)


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """knowledge/data/rankings.toml, read once."""
    return tomllib.loads(resources.files("knowledge.data").joinpath("rankings.toml").read_text("utf-8"))


@lru_cache(maxsize=256)  # a few dozen names, over data read once
def alt(name: str) -> str:
    """A regex alternation of the list words of `name` ([lists] table), longest first."""
    return "|".join(map(re.escape, sorted(words()["lists"][name], key=len, reverse=True)))


def link_entry(position: int | None, raw: str, ctx: ArticleContext, value: str | None = None) -> ExtractedEntry:
    """An entry as written, linked to the region it names (茌平区政府 → 茌平区), OCR slips repaired."""
    raw = raw.strip(" “”\"")
    noted = _NOTE.fullmatch(raw)
    if noted is not None and ctx.mentions(noted["name"]):
        raw = noted["name"]  # 昆山市(江苏): the province noted after a county is no part of its name
    mentions = ctx.mentions(raw)
    base = raw
    for suffix in _ENTRY_SUFFIXES:
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    whole = [m for m in mentions if m.start == 0 and m.end >= len(base)]
    region = whole[0].region if whole else (mentions[-1].region if mentions and mentions[-1].end == len(raw) else None)
    if region is None:
        resolved = ctx.gazetteer.resolve(base, context_city=ctx.city) if _may_be_a_name(base) else None
        known = resolved.name + "".join(resolved.aliases) if resolved is not None else ""
        region = resolved if resolved is not None and len(base) >= 2 and base[:2] in known else None
    name, original = raw, None
    if whole and whole[0].via == "ocr":
        name = whole[0].region.name + raw[whole[0].end :]
        original = raw
    return ExtractedEntry(position, name, original, region.code if region else None, value)


def _may_be_a_name(base: str) -> bool:
    """Worth the typo search (在平区 for 茌平区, 荣城 for 荣成): a short form, or a name ending in a unit word. A
    heading or a phrase (国内贸易和旅游, 第二产业增加值分别为) is neither."""
    return 2 <= len(base) <= _SHORT_FORM or (2 <= len(base) <= _LONGEST_NAME and base[-1] in _UNIT_ENDS)


def scope_of(lead: str, entries: list[ExtractedEntry], ctx: ArticleContext) -> Region | None:
    """The unit a list is drawn from: the scope word of its lead (全国, 全省 → the article's province), else
    the smallest unit holding every entry (宁夏、山西、陕西 → 全国), else the article's own unit."""
    scopes = words()["scopes"]
    if any(w in lead for w in scopes["nation"]):
        return NATION
    if any(w in lead for w in scopes["province"]) and ctx.province is not None:
        return ctx.province
    if any(w in lead for w in words()["lists"]["national"]) and not any(w in lead for w in scopes["city"]) \
            and not ctx.mentions(lead):
        return NATION  # 2023年百强县榜单: the hundred strongest of the nation, wherever the names listed lie
    named = _named_unit(lead, entries, ctx)
    if named is not None:
        return named
    common = _common_unit(entries, ctx)
    if common is not None:
        return common
    if any(w in lead for w in scopes["city"]):
        return ctx.focus if ctx.focus is not None and ctx.focus.level == "city" else ctx.city
    return ctx.focus or ctx.city


def _named_unit(lead: str, entries: list[ExtractedEntry], ctx: ArticleContext) -> Region | None:
    """The finest place the lead names that holds every entry (湖南省十强县名单: 浏阳市、宁乡市 → 湖南省, not
    长沙市, the finest unit holding them)."""
    codes = {e.region_code for e in entries}
    if len(codes) < 2 or None in codes:
        return None
    holders = []
    for m in ctx.mentions(lead):
        if m.region.code in codes:
            continue
        if all(m.region.code in {r.code for r in ctx.gazetteer.chain(ctx.gazetteer.get(c))} for c in codes if c):
            holders.append(m.region)
    levels = ("nation", "province", "city", "county")
    return max(holders, key=lambda r: levels.index(r.level) if r.level in levels else -1, default=None)


def _common_unit(entries: list[ExtractedEntry], ctx: ArticleContext) -> Region | None:
    codes = [e.region_code for e in entries]
    if len(codes) < 2 or any(c is None for c in codes):
        return None
    chains = [[r.code for r in ctx.gazetteer.chain(ctx.gazetteer.get(c))] for c in codes if c]
    if any(is_nation(ctx.gazetteer.get(chain[-1])) for chain in chains if chain):
        return NATION  # 全国 itself among the entries
    shared = set(chains[0]).intersection(*chains[1:])
    if not shared:
        return NATION  # entries from several provinces: a national list
    # the finest shared unit, but never one of the entries themselves (济南、济南市中区 is no 济南 list)
    for code in chains[0]:
        if code in shared and code not in codes:
            return ctx.gazetteer.get(code)
    return None


def period_of(lead: str, doc: Document, ctx: ArticleContext) -> str | None:
    """The period the lead names (its last one), else None: the caller decides what carries over."""
    periods = find_periods(lead, published=doc.published, default_year=ctx.focus_year,
                           relative_year=ctx.relative_year)
    return periods[-1].period.label if periods else None


def make_ranking(title: str, kind: RankingKind, lead: str, entries: list[ExtractedEntry], sentence: int,
                 doc: Document, ctx: ArticleContext) -> ExtractedRanking:
    scope = scope_of(lead, entries, ctx)
    ranking = ExtractedRanking(title, kind, scope.code if scope else None, scope.name if scope else None,
                               period_of(lead, doc, ctx), sentence)
    ranking.entries = entries
    return ranking
