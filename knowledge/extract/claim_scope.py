"""The scope of a rank: the unit it is counted within (全省 → the subject's province), and the scope of ranks
said without a scope word when one sentence ranks places of different units.

义乌市…居首,玉环市排名第二位;昆山市位列第三: the three are ranked against each other, so the scope is the
smallest unit holding them all (here the nation), not each one's own prefecture.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from knowledge.extract.claim_metrics import names_metric
from knowledge.extract.claim_words import scope_levels
from knowledge.extract.context import ArticleContext
from knowledge.places.gazetteer import Gazetteer, Region

if TYPE_CHECKING:
    from knowledge.extract.claims import ExtractedClaim

NATION = "全国"


def share_scope(claims: list[ExtractedClaim], gazetteer: Gazetteer) -> None:
    """Give the claims of one sentence without a scope word the smallest unit holding all their places."""
    implicit = [c for c in claims if c.scope is None and c.position is not None and c.region_code
                and c.subject_kind == "region"]
    codes = {c.region_code for c in implicit if c.region_code}
    if len(codes) < 2 or len({c.scope_name for c in implicit}) < 2:
        return
    chains = [[r.code for r in gazetteer.chain(gazetteer.get(code))] for code in codes]
    shared = [code for code in chains[0] if all(code in chain for chain in chains[1:])]
    if shared and shared[0] in codes:
        return  # a place and a unit inside it: not peers ranked against each other
    common = gazetteer.get(shared[0]).name if shared else NATION
    for c in implicit:
        c.scope_name = common


def scope_of_rank(m: re.Match[str], subject: Region | None, ctx: ArticleContext) -> tuple[str | None, str | None]:
    """(scope as written, scope resolved): 全省 → the subject's province; no scope → the unit above it."""
    groups = m.groupdict()
    word = groups.get("scope")
    qual = groups.get("qual") or ""
    if groups.get("group"):
        word, qual = None, groups["group"]
        opening = next((w for w in sorted(scope_levels(), key=len, reverse=True) if qual.startswith(w)), None)
        if opening is not None and scope_levels()[opening] != "nation":
            word, qual = opening, qual[len(opening) :]  # 在全省16个市中: counted within the province
        elif opening is not None:
            return opening, NATION  # 在中国中小城市综合实力百强县市中: a national list
    level = scope_levels().get(word or "")
    gaz = ctx.gazetteer
    if level == "nation":
        return word, NATION
    if level == "world":
        return word, "全球" if word in ("全球", "世界") else word
    named = [x for x in ctx.mentions(qual) if x.start == 0] if qual else []
    if level is None and named:
        return named[0].surface, named[0].region.name  # 居山东省第一
    if level is None and qual and groups.get("group"):
        return qual, qual
    if level is None and qual and not word and not names_metric(qual):
        return qual, qual  # 排渝东南第1位: a named group of units (勇夺GDP增速第一 names a metric)
    if subject is None:
        return word, None
    if level == "province" or (level is None and subject.level == "city"):
        return word, gaz.province_of(subject).name
    if level == "city" or (level is None and subject.level not in ("province", "city")):
        city = gaz.city_of(subject) if subject.level not in ("city", "province") else None
        unit = city or ctx.city or subject
        return word, unit.name
    if level == "county":
        return word, (ctx.focus or subject).name
    parent = gaz.parent(subject)
    return word, parent.name if parent is not None else NATION
