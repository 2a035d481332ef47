"""What the words right before a rank say of it, when they name no scope word and no metric: a named place it
is counted within (在福建省内排名第一), and a growth rate it follows (增幅高于全省0.3个百分点,居全省第8位)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from knowledge.extract.claim_metrics import aspect_of, clean, headline_metric, metrics
from knowledge.extract.claim_scope import scope_of_rank
from knowledge.extract.claim_spans import position_of
from knowledge.extract.claim_words import NUM, alt, scope_levels, words
from knowledge.extract.context import ArticleContext
from knowledge.extract.metrics import canonical_metric, metric_in_phrase
from knowledge.places.gazetteer import Region
from knowledge.text.document import Document
from knowledge.text.numbers import cn_int

if TYPE_CHECKING:
    from knowledge.extract.claims import ExtractedClaim

# 在福建省内排名第一, GDP在湖北省排第二: the place closing the words before the rank is where it is counted
_AT_PLACE = re.compile(r"在(?P<place>[\u4e00-\u9fff]{2,10}?)(?:范围内|域内|内)?$")
# a clause stating a growth rate: 增长7.0%, 同比下降2.1%, 增速为8%
_GROWTH_RATE = re.compile(r"(?:增长|增速|增幅|下降|提高)[^,;、]{0,6}?\d+(?:\.\d+)?%$")
# a clause comparing a growth rate with another unit's: 增幅高于全省0.3个百分点, 增速比全国快1.2个百分点
_GROWTH_COMPARED = re.compile(r"^(?:增速|增幅|增长率|增长速度)[^,;。]{0,12}?\d+(?:\.\d+)?个百分点$")
_ABOVE_AVERAGE = re.compile(r"^(?:高于|低于|快于|慢于|高出|低出|比)[^,;。\d]{0,10}?\d+(?:\.\d+)?个百分点$")
_CLAUSE = re.compile(r"[,;:。]")
_TOPIC = re.compile(r"从(?P<topic>[^,;。从]{1,12}?)(?:上|方面)?(?:来)?看[,,]")
_TOPIC_AMONG = re.compile(r"在(?P<topic>[^,;。在]{1,12}?)(?:指标|方面)(?:中|上)?[,,]")  # 在出口指标中,…
# 在营商环境评价中,…: an assessment the ranks after it are within
_TOPIC_ASSESSED = re.compile(rf"在(?P<topic>[^,;。在]{{2,16}}?(?:{alt(words()['lists']['assessment_heads'])}))"
                             r"(?:中|里)[,,]")
_RATE_GIVEN = re.compile(r"以[^,;。]{0,8}?\d+(?:\.\d+)?%")



def place_scope(before: str, subject: Region, ctx: ArticleContext) -> Region | None:
    """The named place the words before a rank close with (在福建省内), when it holds the subject."""
    m = _AT_PLACE.search(before)
    if m is None:
        return None
    place = m["place"]
    named = [x for x in ctx.mentions(place) if x.start == 0 and x.end == len(place)]
    if not named:
        return None
    region = named[0].region
    if region.code == subject.code or all(r.code != region.code for r in ctx.gazetteer.chain(subject)):
        return None  # a place that does not hold the subject is not where it is ranked
    return region


def follows_growth(before: str) -> bool:
    """Whether the clauses right before a rank that names no metric state a growth rate: 增长7.0%,居…;
    增长7.0%,增幅高于全省0.3个百分点,居…; 增速比全国高1个百分点,居…."""
    clauses = [c for c in _CLAUSE.split(before.rstrip(",;:、")) if c]
    if not clauses:
        return False
    last = clauses[-1]
    if _GROWTH_RATE.search(last) or _GROWTH_COMPARED.match(last):
        return True
    # 高于全省平均0.3个百分点 compares the rate of the clause before it
    return bool(_ABOVE_AVERAGE.match(last)) and len(clauses) > 1 and bool(_GROWTH_RATE.search(clauses[-2]))


_LEADING = re.compile(r"^(?:以|的|在|其)+|的$")  # 以4580亿元的地区生产总值: the figure's words go
_LIST_HEAD = re.compile(rf"(?:{alt(words()['lists']['list_heads'])})(?:县市区|县市|县区|城市|县|市|区)?$"
                        rf"|(?:{alt(words()['lists']['assessment_heads'])})$")


def list_ranked(scope: str | None, phrase: str, qual: str) -> str | None:
    """位列全国百强县第7位, 综合实力居全国百强县第7位: a named list between scope and rank is what is ranked
    (全国百强县, 全国综合实力百强县) unless the words before it name a catalogue metric (GDP位列全国百强县第二)."""
    if not _LIST_HEAD.search(qual):
        return None
    words_before = _LEADING.sub("", clean(phrase))
    if words_before and (canonical_metric(words_before) or metric_in_phrase(words_before)):
        return None
    nation = scope if scope and scope_levels().get(scope) == "nation" else ""
    return f"{nation}{words_before}{qual}"


_IN_TURN = re.compile(r"分列|分居|依次|分别")


def tops_in_turn(text: str, m: re.Match[str], places: int) -> list[int] | None:
    """甲、乙、丙分列全省前三位, 依次位居前三: a top N shared in turn by N places gives them ranks 1 to N."""
    top = m.groupdict().get("top")
    if not top or cn_int(top) != places:
        return None
    clause = max(text.rfind(x, 0, m.start()) for x in ",;:。") + 1
    said = (m.groupdict().get("verb") or "") + text[clause : m.start()]
    return list(range(1, places + 1)) if _IN_TURN.search(said) else None


def headline(doc: Document) -> str | None:
    """The one metric the title names, or the first line's when the title is another line (a short first line
    is the headline of a news text)."""
    first = doc.sentences[0].text if doc.sentences else ""
    return headline_metric(doc.title or "") or (headline_metric(first) if len(first) <= 40 else None)


def told_phrase(phrase: str, text: str, at: int, ctx: ArticleContext) -> str:
    """What is ranked, when the words before the rank name nothing: the sentence's topic (从增速看, 在收入指标中), else
    the growth rate when a rate is given (分别以9.2%和7.3%位列第二、第三)."""
    if metrics(phrase, None, ctx) != [None]:
        return phrase
    topics = [t for pattern in (_TOPIC, _TOPIC_AMONG, _TOPIC_ASSESSED) for t in pattern.finditer(text, 0, at)
              if metrics(t["topic"], None, ctx) != [None] or aspect_of(t["topic"])[1]]
    if topics:
        return max(topics, key=lambda t: t.start())["topic"]
    return "增速" if _RATE_GIVEN.search(phrase) else phrase


_BARE_RANK = re.compile(rf"(?:^|(?<=[,,]))(?P<place>[\u4e00-\u9fff]{{2,10}}?)第(?P<pos>{NUM})(?:位|名)(?=[,,;。]|$)")


def bare_ranks(text: str, ctx: ArticleContext) -> list[tuple[int, Region, int, str]]:
    """甲排名第16位,乙第19位,丙第22位: clauses that are only a place and a rank, (start, place, rank, said)."""
    out = []
    for m in _BARE_RANK.finditer(text):
        named = [x for x in ctx.mentions(m["place"]) if x.start == 0 and x.end == len(m["place"])]
        position = cn_int(m["pos"])
        if named and position is not None:
            out.append((m.start(), named[0].region, position, m.group(0)[len(m["place"]) :]))
    return out


def peer_named(m: re.Match[str], ctx: ArticleContext, prev: ExtractedClaim | None = None) -> bool:
    """排名中苏州第一, 苏州第一、南京第二: a place named right before the rank is whom it ranks, not where it is
    counted (居山东省第一 names its scope: a unit holding the place ranked before)."""
    qual = (m.groupdict().get("qual") or "").removeprefix("中")
    places = [x for x in ctx.mentions(qual) if x.start == 0] if qual else []
    if not places:
        return False
    if prev is None:
        return (m.groupdict().get("qual") or "").startswith("中")
    held = ctx.gazetteer.get(prev.region_code) if prev.region_code else None
    return held is None or all(r.code != places[0].region.code for r in ctx.gazetteer.chain(held))


def chained_claim(prev: ExtractedClaim, m: re.Match[str], ctx: ArticleContext) -> ExtractedClaim:
    """增速居全省第2位、中部六省省会城市第3位: the next rank of a chain keeps the subject and metric."""
    region = ctx.gazetteer.get(prev.region_code) if prev.region_code else None
    scope_word, scope_name = (prev.scope, prev.scope_name)
    if m["scope"] or m["qual"]:
        scope_word, scope_name = scope_of_rank(m, region, ctx) if region else (m["scope"], m["scope"])
    return replace(prev, claim=m.group(0).lstrip("、"), scope=scope_word, position=position_of(m),
                   scope_name=scope_name)


# a lead clause naming what the ranks after it are within: 在营商环境评价中, 在全国文明城市评选中
_LEAD_AMONG = re.compile(r"在(?P<among>[^,;。在]{2,16}?)(?:中|里)[,,]$")


def unread_lead(before: str, ctx: ArticleContext) -> bool:
    """Whether the clause right before the rank's is a lead 在X中 whose X is no group of places (在全省16市中) and
    names no metric (在营商环境评价中 does not, and ranks of it are not the headline's)."""
    m = _LEAD_AMONG.search(before)
    if m is None:
        return False
    among = m["among"]
    if any(x.start == 0 for x in ctx.mentions(among)) or re.match(rf"(?:{alt(list(scope_levels()))})", among):
        return False  # 在全省16市中, 在山东省各市中: where the ranks are counted (the scope's reading)
    named = metrics(among, None, ctx)
    return named == [None] or any(x is None for x in named)
