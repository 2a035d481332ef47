"""The article as a whole: whose it is (its focus unit), which year it talks about, and the period of a
figure that names none (its title's or opening's)."""

from __future__ import annotations

import re
from collections import Counter

from knowledge.extract.entities import mask_companies
from knowledge.extract.period_clauses import is_history
from knowledge.extract.periods import Period, find_periods, stated_years
from knowledge.extract.subjects import OFFICE, alternation_of, is_object, places_in
from knowledge.places.gazetteer import Gazetteer, Region
from knowledge.places.nation import NATION, is_nation
from knowledge.text.document import INFERRED_YEAR_END, Document


def focus_year(doc: Document) -> int | None:
    """The year the article mostly talks about (targets such as 到2026年 do not count)."""
    years: Counter[int] = Counter()
    for sentence in doc.sentences:
        if stated_years(sentence.text, published=doc.published):  # cheap test first
            years.update(m.period.year for m in find_periods(sentence.text, published=doc.published)
                         if m.stated_year and m.period.year and not is_history(sentence.text, m))
    if doc.published is not None:
        years = Counter({y: n for y, n in years.items() if y <= doc.published.year}) or years
    if not years:
        return doc.published.year if doc.published else None
    return max(years, key=lambda y: (years[y], y))  # on a tie the later year: history comes first in a text


_MIN_FOCUS_MENTIONS = 3
# 山东17市, 湖南14市州, 全省137个县市区: a count of a place's units, all of them spoken of together
# 31省份前三季度GDP, 26个省区市: provinces counted in a title that names no place are the nation's
_PROVINCES_COUNT = re.compile(r"^\s*(?:\d{1,2}|[二三四五六七八九十]{1,3})\s*个?(?:省份|省区市|省市区)")
_PARTS_COUNT = re.compile(r"\s*(?:\d{1,3}|[一二三四五六七八九十两]{1,3})\s*个?"
                          r"(?:设区市|地级市|县级市|地市|市州|县市区|县区|区县|市|县|区|州|盟|省份|省区市|省)")


def focus_unit(doc: Document, gazetteer: Gazetteer, city: Region | None) -> Region | None:
    """The article's unit: the place its title names (the finer of 聊城市茌平区), unless the issuing office
    (某市统计局发布) is a unit inside it; else the office's unit; else the place the article opens with; else
    its most mentioned place."""
    title = mask_companies(doc.title or "")
    named_all = places_in(gazetteer, title, context_city=city)
    if (named_all and is_nation(named_all[0].region) and _PARTS_COUNT.match(title, named_all[0].end)) \
            or _PROVINCES_COUNT.match(title):
        return NATION  # 全国31省份GDP出炉, 31省份前三季度GDP: the provinces compared are the nation's
    mentions = [m for m in named_all if not is_nation(m.region)]
    found = [m.region for m in mentions]
    office = _office_unit(doc, gazetteer, city)
    if found:
        # 山东17市GDP出炉 淄博领跑: a place followed by a count of its parts compares them; it is the unit
        named = found[0] if _PARTS_COUNT.match(title, mentions[0].end) else _finest_leading(gazetteer, found)
        return office if office is not None and inside(gazetteer, named, office) else named
    venue = _venue_unit(doc, gazetteer, city)
    if venue is not None:
        return venue  # (在某县第N届人民代表大会第M次会议上): the report is that unit's
    if office is not None:
        return office
    own = _own_unit(gazetteer, title, city)
    if own is not None:
        return own  # 前三季度我市县域…: the title speaks as the city the text names most (我省: its province)
    opening = _opening_place(doc, gazetteer, city)
    if opening is not None:
        return opening
    counts: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    national = False
    for sentence in doc.sentences:
        for m in places_in(gazetteer, mask_companies(sentence.text), context_city=city):
            if is_nation(m.region):
                national = True
                continue
            counts[m.region.code] += 1
            provinces[gazetteer.province_of(m.region).code] += 1
    if national and _spread(provinces):
        return NATION  # 31省份前三季度GDP…: an article comparing provinces is about the nation
    # one stray mention is not a focus: an article about another province may name 山东 once
    best = counts.most_common(1)
    return gazetteer.get(best[0][0]) if best and best[0][1] >= _MIN_FOCUS_MENTIONS else None


_SPREAD_PROVINCES = 5  # an article naming this many provinces…
_SPREAD_SHARE = 0.4  # …none of them in this share of its mentions compares them


def _spread(provinces: Counter[str]) -> bool:
    total = sum(provinces.values())
    top = provinces.most_common(1)
    return len(provinces) >= _SPREAD_PROVINCES and bool(top) and top[0][1] < _SPREAD_SHARE * total


def declared_focus(doc: Document, gazetteer: Gazetteer, city: Region | None) -> bool:
    """Whether the article says whose it is (its title, issuing office or first words name a place), rather
    than the focus being only its most mentioned place."""
    title = mask_companies(doc.title or "")
    return (any(not is_nation(m.region) for m in places_in(gazetteer, title, context_city=city))
            or _own_unit(gazetteer, title, city) is not None or _venue_unit(doc, gazetteer, city) is not None
            or _office_unit(doc, gazetteer, city) is not None or _opening_place(doc, gazetteer, city) is not None)


_OWN_UNIT = re.compile(r"(?:我|本)(?P<level>市|省)")


def _own_unit(gazetteer: Gazetteer, title: str, city: Region | None) -> Region | None:
    """The unit a title speaking as 我市/我省 is: the city the text names most, or that city's province."""
    m = _OWN_UNIT.search(title)
    if m is None or city is None:
        return None
    return city if m.group("level") == "市" else gazetteer.province_of(city)


_OFFICE_SENTENCES = 3
_LOCAL_BRANCH = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:调查总队|调查队)")
_OPENING_REACH = 12  # 2023年某县国民经济…: the place an article opens with stands within its first words


def _office_unit(doc: Document, gazetteer: Gazetteer, city: Region | None) -> Region | None:
    """The unit of the issuing office (信息来源:某区统计局) or of the office the first sentences name (记者从某市
    统计局获悉, 由某市统计局发布)."""
    for text in (doc.publisher or "", *(s.text for s in doc.sentences[:_OFFICE_SENTENCES])):
        for office in OFFICE.finditer(text):
            near = places_in(gazetteer, text[max(0, office.start() - 12) : office.start()], context_city=city)
            near = [m for m in near if not is_nation(m.region)]
            if near:
                return _finest_leading(gazetteer, [m.region for m in near])
            if text.endswith("国家", 0, office.start()) and not _LOCAL_BRANCH.match(text, office.end()):
                return NATION  # 国家统计局关于…的公告 (国家统计局某市调查队 is that city's)
    return None


def _venue_unit(doc: Document, gazetteer: Gazetteer, city: Region | None) -> Region | None:
    """The unit whose assembly a report was given at (某市第十八届人民代表大会第三次会议)."""
    found = [m.region for m in places_in(gazetteer, doc.venue or "", context_city=city) if not is_nation(m.region)]
    return _finest_leading(gazetteer, found) if found else None


def _opening_place(doc: Document, gazetteer: Gazetteer, city: Region | None) -> Region | None:
    """The place named in the first words of the article (a title line of a place's name, 2023年某县…)."""
    opening = doc.sentences[:2] if doc.sentences and doc.sentences[0].is_heading else doc.sentences[:1]
    for sentence in opening:  # the title line, when it is one, and the first sentence
        head = mask_companies(sentence.text)[:_OPENING_REACH]
        found = [m.region for m in places_in(gazetteer, head, context_city=city)
                 if not is_nation(m.region) and not is_object(head, m.start, m.surface)]
        if found:
            return _finest_leading(gazetteer, found)
    return None


def same_province(gazetteer: Gazetteer, a: Region, b: Region | None) -> bool:
    return b is not None and gazetteer.province_of(a).code == gazetteer.province_of(b).code


def inside(gazetteer: Gazetteer, outer: Region, inner: Region) -> bool:
    return inner.code != outer.code and any(r.code == outer.code for r in gazetteer.chain(inner))


def _finest_leading(gazetteer: Gazetteer, regions: list[Region]) -> Region:
    """The first place named, or the one named after it that lies inside it (浙江义乌, 聊城市茌平区)."""
    first = regions[0]
    if len(regions) > 1 and inside(gazetteer, first, regions[1]):
        return regions[1]
    return first


def focus_period(doc: Document, year: int | None) -> Period | None:
    """The period of the title, else of the opening sentence (2023年,… / 今年上半年,…).

    A work report's title names the year it is given in (2020年…政府工作报告); its figures are about the
    year before. A year after the words (政府工作报告划重点:2018年…) is the figures' own."""
    title = doc.title or ""
    report = WORK_REPORT.search(title)
    for text in (title, *(s.text for s in doc.sentences[:2] if not s.is_heading)):
        for mention in find_periods(text, published=doc.published, default_year=year):
            period = mention.period
            if period.kind in ("target", "asof") or period.year is None or _DAY_AFTER.match(text, mention.end):
                continue  # (2016年2月16日): the day a report is given, not the period its figures cover
            if is_history(text, mention):
                continue  # 1987年6月,撤销…设立…: a founding, not the period of the article's figures
            if _EVENT_AFTER.match(text, mention.end):
                continue  # 2022年第一次工作会议, 2023年首届论坛: which meeting of the year, not the figures' period
            if text is title and report and mention.end <= report.start() and period.kind == "year":
                return Period("year", period.year - 1, 1, 12)
            return period
    if doc.date_rule == INFERRED_YEAR_END and year is not None:
        return Period("year", year, 1, 12)  # no day is known: a figure naming no period is the article's year's
    if report and doc.published is not None:
        # a report given in the first half of a year looks back on the year before, one given late on its own
        reviewed = doc.published.year - 1 if doc.published.month <= 6 else doc.published.year
        return Period("year", reviewed, 1, 12)
    return None


WORK_REPORT = re.compile(alternation_of("work_report_titles"))
_DAY_AFTER = re.compile(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_EVENT_AFTER = re.compile(r"\s*度?(?:第[一二三四五六七八九十\d]+[次届]|首[次届])")
