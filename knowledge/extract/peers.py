"""Places paired with figures by ellipsis: 甲市地区生产总值4900亿元,乙市4800亿元 / 乙市增长5.0%.

A writer comparing places names the metric once, for the first, and then gives each further place with nothing
but its figure. A clause that opens with a place of its own (not the one the figure before is about) and holds
nothing else but a figure in the same unit as that figure, or a growth rate alone, is that place's figure of the
same metric. A clause naming a place and a growth rate only is never the growth of another place's level.
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.extract.clauses import FILL
from knowledge.extract.context import ArticleContext
from knowledge.extract.fact import ExtractedFact
from knowledge.extract.focus import inside, same_province
from knowledge.extract.growths import GROWTH_RE, decimal_of, is_averaged, set_growth
from knowledge.extract.metrics import AMOUNT, pre_qualifier
from knowledge.extract.periods import Period
from knowledge.extract.vocab import ANAPHOR_MARKS
from knowledge.places.gazetteer import Gazetteer, Region
from knowledge.places.nation import is_nation

# what may stand between the place and its figure: a connective and a plain verb of attainment, nothing that
# names a quantity
_LEAD = r"(?:其中|而|则|也|分别)*(?:为|是|达到|达|实现|完成)?"
_VALUE = re.compile(rf"{_LEAD}{AMOUNT}")
_GROWTH_ONLY = re.compile(rf"{_LEAD}(?:同比|比上年)?")


def peer_figure(words: str, subject: tuple[Region, str], earlier: list[ExtractedFact], period: Period,
                position: int) -> ExtractedFact | None:
    """The figure of the clause `words` (its places dropped, spans blanked), which names the place `subject` and
    nothing but a figure, when the figure before it in the sentence is another place's; else None."""
    region, surface = subject
    if surface[:1] in ANAPHOR_MARKS:  # 全市, 该县: a place spoken of again, not a further one
        return None
    prior = next((f for f in reversed(earlier) if f.region.code != region.code), None) if earlier else None
    if prior is None or earlier[-1] is not prior:
        return None  # the figure just before is this place's own, or there is none
    text = words.replace(FILL, "").strip().rstrip("。 ")
    if (m := _VALUE.fullmatch(text)) is not None:
        if prior.value is None or prior.unit != m.group("unit"):
            return None  # another unit is another quantity
        qualifiers = [pre_qualifier(m.group("pre"))] if m.group("pre") else []
        return ExtractedFact(region, surface, prior.metric, prior.metric_surface, decimal_of(m.group("num")),
                             m.group("num"), m.group("unit"), None, None, period, qualifiers, position)
    growth = GROWTH_RE.search(text)
    if growth is None or is_averaged(text, growth) or growth.end() != len(text) \
            or not _GROWTH_ONLY.fullmatch(text, 0, growth.start()):
        return None
    fact = replace(prior, region=region, region_surface=surface, value=None, value_text=None, unit=None,
                   growth=None, growth_pp=None, period=period, qualifiers=[], sentence=position)
    set_growth(fact, growth)
    return fact


# 其中, / 分县(市、区)看, / 从各县市区看,: the sentence gives the parts of the whole just given
_PARTS = re.compile(r"\s*(?:其中|(?:从|分)各?(?:县|市|区|地区|乡镇)[^,;:。]{0,8}?(?:来)?看)[,:]?")
_PARTS_HEAD = re.compile(r"(?:^|[,:])\s*其中[^;。]*。?$")  # a clause of the parts: 其中 opens it or a clause before


def whole_before(text: str, position: int, before: list[ExtractedFact]) -> list[ExtractedFact]:
    """The figure a sentence opening with 其中 gives the parts of (全市生产总值增长6%。其中,甲县增长8%): the
    last figure of the sentence right before; [] otherwise."""
    if not before or before[-1].sentence != position - 1 or not _PARTS.match(text):
        return []
    return before[-1:]


def parts_of(text: str, position: int, before: list[ExtractedFact], ctx: ArticleContext) -> list[ExtractedFact]:
    """whole_before, when the sentence names a place inside that whole: its parts take the whole's metric."""
    whole = whole_before(text, position, before)
    return whole if whole and any(inside(ctx.gazetteer, whole[0].region, m.region)
                                  for m in ctx.mentions(text)) else []


def foreign_part(head: str, subject: tuple[Region, str], wholes: list[ExtractedFact], gazetteer: Gazetteer) -> bool:
    """全市实际利用外资12亿美元,其中香港地区8亿美元: a part (其中 opens a clause of `head`, the sentence up to
    the clause, with no ; after it) named by a place neither the whole's region nor inside it is a breakdown
    of the whole by partner or origin, not a figure of that place."""
    if not wholes or not _PARTS_HEAD.search(head):
        return False
    whole, part = wholes[-1].region, subject[0]
    # a place of the whole's own province may be a unit the gazetteer files elsewhere (a zone, a city under the
    # province): only a place of another province is surely no part
    return not is_nation(whole) and not inside(gazetteer, whole, part) and not same_province(gazetteer, whole, part)


_FIGURE_THEN_MARK = re.compile(rf"{AMOUNT}、")  # 11432亿元、 / 7.2%、: a figure with its unit, then the mark


def peer_breaks(text: str, ctx: ArticleContext) -> str:
    """`text` with a 、 turned into a clause mark where it follows a figure and opens on a place: in
    甲市地区生产总值4900亿元、乙市增长5% the rate is 乙市's, in a clause of its own, never 甲市's level's."""
    if "、" not in text:
        return text
    starts = {m.start for m in ctx.mentions(text)}
    marks = [m.end() - 1 for m in _FIGURE_THEN_MARK.finditer(text) if m.end() in starts]
    for at in marks:
        text = text[:at] + "," + text[at + 1 :]
    return text
