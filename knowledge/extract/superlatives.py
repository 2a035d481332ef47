"""Superlatives: 亚洲最大, 全国唯一, 全国首家 — claims without a rank, about a firm or the region named before them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from knowledge.extract.context import ArticleContext
from knowledge.extract.entities import company_spans
from knowledge.extract.kinds import SubjectKind
from knowledge.text.document import Sentence

if TYPE_CHECKING:
    from knowledge.extract.claims import ExtractedClaim

_SUPERLATIVE = re.compile(
    r"(?P<scope>亚洲|全球|世界|全国|国内|全省|省内|中国|国际)"
    r"(?P<what>最大|最早|最长|最高|最全|最低|唯一|首家|首个|首批"
    r"|(?P<rank>第[一二三四五六七八九十\d]{1,3}大?|前[一二三四五六七八九十\d]{1,3}(?:强|位|名)?))"
)
_BEFORE = re.compile(r"[,;:。]")


def _clause_start(text: str, at: int) -> int:
    starts = [m.end() for m in _BEFORE.finditer(text, 0, at)]
    return starts[-1] if starts else 0


def superlatives(sentence: Sentence, ctx: ArticleContext) -> list[ExtractedClaim]:
    """亚洲最大, 全国唯一, 全国首家 in one sentence."""
    from knowledge.extract.claims import ExtractedClaim  # the claim type lives with the rank claims

    out = []
    text = sentence.text
    for m in _SUPERLATIVE.finditer(text):
        subject, kind = _superlative_subject(text, m.start(), ctx)
        if not subject or (m["rank"] and kind != "company"):
            continue  # a place's 全省第一 is a rank claim (claims.py); a firm's 全球前三 is said here
        region = ctx.gazetteer.by_name(subject) if kind == "region" else None
        about = re.match(r"(?:的)?([\u4e00-\u9fff]{2,16}?)(?:位置|地位|,|。|;|$)", text[m.end() :])
        out.append(ExtractedClaim(subject, kind, region.code if region else None, m.group(0), m["scope"], None,
                                  about.group(1) if about else None, sentence.position))
    return out


_SUBJECT_VERB = re.compile(r"^(?P<subj>[\u4e00-\u9fffA-Za-z]{2,10}?)(?:保持|是|为|成为|作为|系|拥有|属于)")


def _superlative_subject(text: str, at: int, ctx: ArticleContext) -> tuple[str, SubjectKind]:
    """A firm in the clause, a named subject, the firm after a dash, or the region."""
    clause_start = _clause_start(text, at)
    clause = text[clause_start:at]
    spans = company_spans(text)
    in_clause = [(a, b) for a, b in spans if clause_start <= a < at]
    if in_clause:
        return text[slice(*in_clause[-1])], "company"
    named = _SUBJECT_VERB.match(clause)
    if named and not any(x.start == 0 and x.end == len(named["subj"]) for x in ctx.mentions(named["subj"])) \
            and not re.search(r"[量率额均]", named["subj"]):
        return named["subj"], "company"
    dash = text.find("——", at)
    after = [(a, b) for a, b in spans if dash != -1 and a == dash + 2 and dash - at < 30]
    if after:
        return text[slice(*after[0])], "company"
    region = ctx.subject_at(text[:at], 0)
    return (region[0].name, "region") if region else ("", "region")
