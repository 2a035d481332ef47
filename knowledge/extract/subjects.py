"""Who a clause is about, word by word: a place that is its subject, not an object, a list member, a source,
a scope of comparison or part of an organisation's name (knowledge/data/context.toml holds the word classes)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from knowledge.extract.period_clauses import context_words
from knowledge.extract.periods import period_spans
from knowledge.extract.vocab import ANAPHOR_MARKS
from knowledge.places.gazetteer import Gazetteer, Mention

# The issuing office names the article's unit: 济宁市统计局, 荣成市人民政府.
OFFICE = re.compile(r"(?:统计局|人民政府|政府|调查队|发展和改革委员会|发改委|财政局)")
# 经某市统计局核算, 经某省统一核算: what follows 经 when it names the figures' source
_OFFICE_OR_COUNT = re.compile(rf"[\u4e00-\u9fff]{{0,8}}?(?:{OFFICE.pattern}|核算|测算|统计|审定)")


def alternation_of(name: str) -> str:
    return "|".join(map(re.escape, context_words()[name]))


# 成立全省首家, 居全国第一: a scope of comparison (第三产业, 第一季度, 首次 are no ranks)
_SCOPE_OF_COMPARISON = re.compile(
    r"(?:全省|全国|全市|省内|国内)?(?:首(?![次破超度季])|第(?![一二三]产业|[一二三四]季度)|唯一|前列|领先|最)")
_ONLY_COMMAS = re.compile(r"[\s,]*$")
_PREPOSITIONS = set("占比在向对与到于和及给为从居入")
_SOURCE_MARKERS = context_words()["source_markers"]
_LIST_MARKS = ("、", "等")
FOCUS_HEADS = context_words()["focus_heads"]
BARE_BEFORE = ANAPHOR_MARKS  # 全区, 该合作区: still the zone itself
# 国内生产总值 is the country's product (a region's is 地区生产总值): a sentence naming no place that states it is
# about the nation, not the place of the heading or paragraph above it (outside a unit's own bulletin or report,
# which may call its own product so)
NATIONAL_FIGURE = re.compile(r"国内生产总值")


def is_object(span: str, start: int, surface: str) -> bool:
    """A region after 占/在/入选… is an object (占全国新增市场), not the subject of the clause."""
    head = span[max(0, start - 6) : start]
    if _SCOPE_OF_COMPARISON.match(span, start + len(surface)):
        return True  # 成立全省首家…: a scope of comparison, not a subject
    if span.startswith("级", start + len(surface)) or span.endswith("级", 0, start):
        return True  # 威海市级龙头企业, 省级经济技术开发区: a rank of the thing, not the place spoken of
    if span.endswith(_SOURCE_MARKERS, 0, start) and (
            not span.endswith("经", 0, start) or _OFFICE_OR_COUNT.match(span, start + len(surface))):
        return True  # 经济南市统计局核算: where the figures come from (经横琴口岸: the way through, a subject)
    if span.startswith(("(", "("), start + len(surface)):
        return True  # 中国(山东)自由贸易试验区: the outer name of a thing
    if in_byline(span, start):
        return True  # (记者 某某 通讯员 某市统计局 某某): the writer's unit
    return any(ch in _PREPOSITIONS for ch in head) and not _ONLY_COMMAS.match(head)


_BYLINE = re.compile(rf"[((]\s*(?:{alternation_of('byline_words')})[^()()]*$")


def in_byline(span: str, start: int) -> bool:
    """Does `start` fall inside an open bracket that begins with a byline word ((记者 某某 通讯员 某市统计局…)?"""
    return ("(" in span or "(" in span) and _BYLINE.search(span, 0, start) is not None


def in_list(span: str, start: int, surface: str) -> bool:
    """甲、乙3市均…, 新增甲、乙4个千亿县, …等丙品牌: a member of a list (一、 numbers a section, not a list)."""
    if span.startswith(_LIST_MARKS, start + len(surface)):
        return True
    return span.endswith(_LIST_MARKS, 0, start) and not _SECTION_NUMBER.search(span, 0, start)


_SECTION_NUMBER = re.compile(r"(?:^|[\s。;:])[一二三四五六七八九十\d]{1,3}、$")


_FIGURE = re.compile(r"\d+(?:\.\d+)?(?![\d.]|\s*(?:年|月|日|季度|号))")


@lru_cache(maxsize=4096)  # pure; each sentence is opened by the facts', the claims' and the rankings' passes
def opening(text: str) -> str:
    """The words of a sentence before its first figure (years, months, days and spans such as 1-11月 are
    not figures)."""
    spans = period_spans(text)
    for m in _FIGURE.finditer(text):
        if not any(a <= m.start() < b for a, b in spans):
            return text[: m.start()]
    return text



ORGANISATION = re.compile(rf"(?:{alternation_of('organisation_heads')})(?!业|生)")
# 某市长水国际机场, 某地职业技术大学: a place, a proper name of two to six characters and an institution's head
# are one name; the name holds no word of running text (某市新建大学, 某市医院数量 speak of the place)
_NAME_CHAR = rf"(?:(?![{''.join(context_words()['not_in_names'])}])[\u4e00-\u9fff])"
INSTITUTION = re.compile(rf"{_NAME_CHAR}{{2,6}}?(?:{alternation_of('institution_heads')})(?!生)"
                         # 某市第一中学, 某县第二人民医院: an ordinal names one institution of the place's
                         rf"|第[一二三四五六七八九十\d]{{1,3}}(?:人民|中心|实验)?(?:{alternation_of('institution_heads')})(?!生)")


# 市人民医院, 县第一中学: a level word standing alone at the head of a clause, then an institution's name, is the
# unit's own institution, named without the place (县城, 县域, 市区: the level word opens a word of the area)
_BARE_LEVEL = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=年))[市县区](?![城区域县市])(?=[\u4e00-\u9fff])")


def names_institution(gazetteer: Gazetteer, text: str) -> bool:
    """Whether `text` names an institution after a place (某市长水国际机场) or after a level word alone (市人民医院):
    what follows is about it."""
    return any(INSTITUTION.match(text, m.end) for m in gazetteer.find_mentions(text)) \
        or any(INSTITUTION.match(text, b.end()) for b in _BARE_LEVEL.finditer(text))


def places_in(gazetteer: Gazetteer, text: str, **settle: Any) -> list[Mention]:
    """The gazetteer's mentions in `text`, less those naming an organisation (某省大学, 某地生产建设兵团) or an
    institution (某市长水国际机场): the place there is part of a name, not a place spoken of."""
    out: list[Mention] = []
    name_end = -1  # the end of the institution's name a place opened (某市商城集团: 商城 is part of it)
    for m in gazetteer.find_mentions(text, **settle):
        if m.start < name_end or ORGANISATION.match(text, m.end):
            continue
        if named := INSTITUTION.match(text, m.end):
            name_end = named.end()
            continue
        out.append(m)
    return out


_CLAUSE_START = re.compile(r"[,;:。,;:]")
_SECTION = re.compile(r"^\s*[一二三四五六七八九十\d]{1,3}、")  # 一、全国夏粮…: a section's number


def opens_clause(span: str, start: int) -> bool:
    """Whether a word stands at the head of its clause, dates aside (上半年,全国…; 2021年我国…), rather than
    inside a phrase (…领域中国质量奖, 牵头建设全国重点实验室)."""
    marks = list(_CLAUSE_START.finditer(span, 0, start)) or list(_SECTION.finditer(span, 0, start))
    head = marks[-1].end() if marks else 0
    spans = period_spans(span)
    rest = "".join(ch for i, ch in enumerate(span[head:start], head) if not any(a <= i < b for a, b in spans))
    return not rest.strip() or rest.strip() in _CLAUSE_OPENERS


_CLAUSE_OPENERS = {"其中", "同期", "同时", "而", "此外", "另外", "目前"}
