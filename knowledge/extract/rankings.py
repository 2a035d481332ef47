"""Rankings and named lists: 第一名:…;第二名:…, 10个“高质量发展先进县”为… (claims: knowledge/extract/claims.py).

Rankings keep their title and scope; entries that are regions (茌平区政府) are linked to them, with the
original spelling kept when the text had it wrong (在平区政府).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from knowledge.extract.claims import ExtractedClaim as ExtractedClaim  # re-exported for the pipeline
from knowledge.extract.claims import SubjectKind as SubjectKind  # re-exported for the store models
from knowledge.extract.claims import extract_claims as extract_claims
from knowledge.extract.context import ArticleContext
from knowledge.extract.periods import find_periods
from knowledge.text.document import Document, Sentence
from knowledge.text.numbers import cn_int

RankingKind = Literal["ordered", "set"]  # a numbered ranking, or a named list without positions
_ENTRY_RE = re.compile(r"第(?P<pos>[一二三四五六七八九十]{1,3}|\d{1,3})名[::]\s*(?P<name>[^;;。,]+)")
_SET_RE = re.compile(
    r"(?P<count>\d{1,3}|[一二三四五六七八九十]{1,3})个“?(?P<title>[^”“,。;]{2,24}?)”?(?:为|是|分别是|分别为|包括)[::]?"
    r"(?P<items>[^。;]+)"
)
_HEADING_ENUM = re.compile(r"^(?:[一二三四五六七八九十]+、|[((][一二三四五六七八九十]+[))]|\d+[.、])\s*")
_ENTRY_SUFFIXES = ("人民政府", "政府", "管委会", "管理委员会")


@dataclass(slots=True)
class ExtractedEntry:
    position: int | None
    name: str
    original: str | None = None
    region_code: str | None = None


@dataclass(slots=True)
class ExtractedRanking:
    title: str
    kind: RankingKind
    scope_code: str | None
    scope_name: str | None
    period_label: str | None
    sentence: int
    entries: list[ExtractedEntry] = field(default_factory=list)




def extract_rankings(doc: Document, ctx: ArticleContext) -> list[ExtractedRanking]:
    """Numbered rankings (grouped by their heading) and named sets."""
    rankings: list[ExtractedRanking] = []
    headings: list[str] = []
    current: ExtractedRanking | None = None
    for sentence in doc.sentences:
        entries = list(_ENTRY_RE.finditer(sentence.text))
        if not entries:
            if _looks_like_heading(sentence):
                headings = _push_heading(headings, _HEADING_ENUM.sub("", sentence.text).rstrip("。:"))
                current = None
            rankings.extend(_sets(sentence, ctx, doc))
            continue
        if current is None:
            current = _new_ranking(headings, sentence, ctx, doc)
            rankings.append(current)
        for m in entries:
            current.entries.append(_entry(cn_int(m["pos"]), m["name"], ctx))
    return [r for r in rankings if len(r.entries) >= 2]


def _looks_like_heading(sentence: Sentence) -> bool:
    return sentence.is_heading or (bool(_HEADING_ENUM.match(sentence.text)) and len(sentence.text) <= 60)


def _push_heading(headings: list[str], text: str) -> list[str]:
    """Keep a short outline: a sub-heading such as (一)经济部门 sits under its numbered parent."""
    if headings and len(text) <= 16:
        return [headings[0], text]
    return [text]


def _new_ranking(headings: list[str], sentence: Sentence, ctx: ArticleContext, doc: Document) -> ExtractedRanking:
    if len(headings) == 2:
        title = f"{headings[0]}({headings[1]})"
    elif headings:
        title = headings[0]
    else:
        title = "排名"
    periods = find_periods(title, published=doc.published, default_year=ctx.focus_year)
    scope = ctx.city
    return ExtractedRanking(
        title, "ordered", scope.code if scope else None, scope.name if scope else None,
        periods[0].period.label if periods else None, sentence.position,
    )


def _entry(position: int | None, raw: str, ctx: ArticleContext) -> ExtractedEntry:
    raw = raw.strip(" “”\"")
    mentions = ctx.mentions(raw)
    base = raw
    for suffix in _ENTRY_SUFFIXES:
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    whole = [m for m in mentions if m.start == 0 and m.end >= len(base)]
    region = whole[0].region if whole else (mentions[-1].region if mentions and mentions[-1].end == len(raw) else None)
    if region is None:
        resolved = ctx.gazetteer.resolve(base, context_city=ctx.city) if base else None
        known = resolved.name + "".join(resolved.aliases) if resolved is not None else ""
        region = resolved if resolved is not None and len(base) >= 2 and base[:2] in known else None
    name, original = raw, None
    if whole and whole[0].via == "ocr":
        name = whole[0].region.name + raw[whole[0].end :]
        original = raw
    return ExtractedEntry(position, name, original, region.code if region else None)


def _sets(sentence: Sentence, ctx: ArticleContext, doc: Document) -> list[ExtractedRanking]:
    found: list[ExtractedRanking] = []
    for m in _SET_RE.finditer(sentence.text):
        items = [i.strip(" “”") for i in re.split(r"[、,]|和|及", m["items"]) if i.strip(" “”")]
        expected = cn_int(m["count"])  # None for 七八个: not a count to check the list against
        if expected is None or len(items) < 2 or abs(len(items) - expected) > 1:
            continue
        periods = find_periods(sentence.text[: m.start()], published=doc.published, default_year=ctx.focus_year)
        period = periods[-1].period.label if periods else None
        year = period[:4] if period else ""
        province_wide = any(w in sentence.text for w in ("全省", "山东省", "省政府")) or (
            found and found[-1].scope_code == (ctx.province.code if ctx.province else None))
        scope = ctx.province if province_wide else ctx.city
        title = f"{year}年度{m['title']}" if year else m["title"]
        ranking = ExtractedRanking(title, "set", scope.code if scope else None, scope.name if scope else None,
                                   period, sentence.position)
        ranking.entries = [_entry(None, item, ctx) for item in items]
        found.append(ranking)
    return found
