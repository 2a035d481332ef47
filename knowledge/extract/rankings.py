"""Rankings, named lists and claims: 第一名:…;第二名:…, 10个“高质量发展先进县”为…, 居全省第一位, 亚洲最大.

Rankings keep their title and scope; entries that are regions (茌平区政府) are linked to them, with the
original spelling kept when the text had it wrong (在平区政府).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from knowledge.extract.context import ArticleContext
from knowledge.extract.entities import company_spans
from knowledge.extract.periods import find_periods
from knowledge.text.document import Document, Sentence
from knowledge.text.numbers import cn_int
from knowledge.text.numbers import to_int as to_int  # re-exported: knowledge.qa.parse still imports it here

RankingKind = Literal["ordered", "set"]  # a numbered ranking, or a named list without positions
SubjectKind = Literal["region", "company"]
_ENTRY_RE = re.compile(r"第(?P<pos>[一二三四五六七八九十]{1,3}|\d{1,3})名[::]\s*(?P<name>[^;;。,]+)")
_SET_RE = re.compile(
    r"(?P<count>\d{1,3}|[一二三四五六七八九十]{1,3})个“?(?P<title>[^”“,。;]{2,24}?)”?(?:为|是|分别是|分别为|包括)[::]?"
    r"(?P<items>[^。;]+)"
)
_RANK_CLAIM_RE = re.compile(
    r"(?:居|位居|位列|排名|排在|列|位于|排)(?P<scope>全省|全市|全国|全球|世界|亚洲|国内|省内|全区|全县)?"
    r"第(?P<pos>[一二三四五六七八九十]{1,3}|\d{1,3})(?:位|名)?"
)
_SUPERLATIVE_RE = re.compile(
    r"(?P<scope>亚洲|全球|世界|全国|国内|全省|省内|中国|国际)"
    r"(?P<what>最大|最早|最长|最高|最全|领先|唯一|首家|首个|首批|第(?P<pos>[一二三四五六七八九十]|\d{1,2})(?:大|家|位|名)?|前(?P<top>[一二三四五十]|\d{1,2})(?:强|名|位)?)"
)
_HEADING_ENUM = re.compile(r"^(?:[一二三四五六七八九十]+、|[((][一二三四五六七八九十]+[))]|\d+[.、])\s*")
_ENTRY_SUFFIXES = ("人民政府", "政府", "管委会", "管理委员会")
_SUBJECT_VERB = re.compile(r"^(?P<subj>[\u4e00-\u9fffA-Za-z]{2,10}?)(?:保持|是|为|成为|作为|系|拥有|属于)")


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


@dataclass(slots=True)
class ExtractedClaim:
    subject: str
    subject_kind: SubjectKind
    region_code: str | None
    claim: str
    scope: str | None
    position: int | None
    about: str | None
    sentence: int


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


def extract_claims(
    doc: Document, ctx: ArticleContext, facts_by_sentence: dict[int, list[str]]
) -> list[ExtractedClaim]:
    """Rank claims (居全省第一位) and superlatives (亚洲最大, 全球前三) with their subject."""
    claims: list[ExtractedClaim] = []
    for sentence in doc.sentences:
        text = sentence.text
        for pattern in (_RANK_CLAIM_RE, _SUPERLATIVE_RE):
            for m in pattern.finditer(text):
                claims.append(_claim(sentence, m, ctx, facts_by_sentence.get(sentence.position, [])))
    return [c for c in claims if c.subject]


def _claim(sentence: Sentence, m: re.Match[str], ctx: ArticleContext, metrics: list[str]) -> ExtractedClaim:
    text = sentence.text
    pos_token = m.groupdict().get("pos") or m.groupdict().get("top")
    is_top = m.group(0).endswith(("最大", "唯一", "首家", "首个"))
    position = cn_int(pos_token) if pos_token else (1 if is_top else None)
    clause_start = max(text.rfind(c, 0, m.start()) for c in ",;:。—") + 1
    clause = text[clause_start : m.start()]
    subject, kind = _claim_subject(text, clause, m.start(), ctx)
    region = ctx.gazetteer.by_name(subject) if kind == "region" else None
    about = _claim_about(text, m, metrics)
    return ExtractedClaim(
        subject, kind, region.code if region else None, m.group(0).lstrip("居位列排于在"),
        m["scope"], position, about, sentence.position,
    )


def _claim_subject(text: str, clause: str, at: int, ctx: ArticleContext) -> tuple[str, SubjectKind]:
    """Who a claim is about: a firm in the clause, a named subject, the firm after a dash, or the region."""
    clause_start = at - len(clause)
    spans = company_spans(text)
    in_clause = [(a, b) for a, b in spans if clause_start <= a < at]
    if in_clause:
        return text[slice(*in_clause[-1])], "company"
    named = _SUBJECT_VERB.match(clause)
    if named and not _is_region_only(named["subj"], ctx) and not re.search(r"[量率额均]", named["subj"]):
        return named["subj"], "company"
    dash = text.find("——", at)
    after = [(a, b) for a, b in spans if dash != -1 and a == dash + 2 and dash - at < 30]
    if after:
        return text[slice(*after[0])], "company"
    before = [(a, b) for a, b in spans if a < at]
    if before and not ctx.mentions(text[before[-1][1] : at]):
        return text[slice(*before[-1])], "company"
    region = ctx.subject_at(text[:at], 0)
    return (region[0].name, "region") if region else ("", "region")


def _is_region_only(name: str, ctx: ArticleContext) -> bool:
    return any(m.start == 0 and m.end == len(name) for m in ctx.mentions(name))


def _claim_about(text: str, m: re.Match[str], metrics: list[str]) -> str | None:
    after = re.match(r"(?:的)?([\u4e00-\u9fff]{2,16}?)(?:位置|地位|,|。|;|$)", text[m.end() :])
    if after and not after.group(1).startswith(("同比", "的")):
        return after.group(1)
    return metrics[-1] if metrics else None
