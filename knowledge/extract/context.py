"""What a reader keeps in mind while reading an article: its city and province, its year, and who 该市 is.

Company names are masked before regions are looked for, so that 山东骏程金属科技有限公司 is not read as
a statement about 山东省.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from knowledge.extract.entities import MASK, mask_companies
from knowledge.extract.periods import Period, context_words, find_periods, is_history, period_spans, stated_years
from knowledge.extract.vocab import alternation
from knowledge.places.gazetteer import Gazetteer, Mention, Region
from knowledge.places.nation import is_nation
from knowledge.text.document import INFERRED_YEAR_END, Document

# The bundled corpus is about Shandong: an article naming no place at all is taken to be about it.
_ANAPHORA_RE = re.compile(rf"{alternation('anaphora')}|市区")
# The issuing office names the article's unit: 济宁市统计局, 荣成市人民政府.
_OFFICE = re.compile(r"(?:统计局|人民政府|政府|调查队|发展和改革委员会|发改委|财政局)")
# 经某市统计局核算, 经某省统一核算: what follows 经 when it names the figures' source
_OFFICE_OR_COUNT = re.compile(rf"[\u4e00-\u9fff]{{0,8}}?(?:{_OFFICE.pattern}|核算|测算|统计|审定)")


@dataclass(slots=True)
class ArticleContext:
    """Reading state for one article; `advance` is called after each sentence."""

    gazetteer: Gazetteer
    city: Region | None
    focus_year: int | None
    province: Region | None
    focus: Region | None = None  # the article's own unit: 全市 in a 荣成市 article is 荣成市
    focus_period: Period | None = None  # the period of a figure that names none (title, opening)
    last: dict[str, tuple[Region, str]] = field(default_factory=dict)
    paragraph: int = -1
    _seen: dict[str, list[Mention]] = field(default_factory=dict, repr=False)
    unsettled: set[str] = field(default_factory=set)  # shared names the article never pins to one place
    sentence_subject: tuple[Region, str] | None = None  # the place the sentence being read opens with
    previous_subject: tuple[Region, str] | None = None  # … and the one before it
    bulletin: bool = False  # a statistics bulletin: it speaks of its own year only
    work_report: bool = False  # a government's report: it speaks of its own unit throughout
    declared: bool = False  # the title, issuing office or first words name the focus: it is each sentence's default

    @classmethod
    def for_document(cls, doc: Document, gazetteer: Gazetteer) -> ArticleContext:
        """The article's city and province: the ones its title, publisher (南京市统计局) and text name most."""
        year = _focus_year(doc)
        cities: Counter[str] = Counter()
        provinces: Counter[str] = Counter()
        # the title and the issuing office say whose article it is: they weigh like several mentions
        texts = [(doc.title or "", 3), (doc.publisher or "", 3), *((s.text, 1) for s in doc.sentences)]
        for text, weight in texts:  # sentence by sentence, as read later
            for mention in _places_in(gazetteer, mask_companies(text), year=year):
                if is_nation(mention.region):
                    continue  # 全国 is a scope every article names; it is never the article's own unit
                provinces[gazetteer.province_of(mention.region).code] += weight
                city = gazetteer.city_of(mention.region)
                if city is not None:
                    cities[city.code] += weight
        city = gazetteer.get(cities.most_common(1)[0][0]) if cities else None
        focus = _focus_unit(doc, gazetteer, city)
        if focus is not None and city is not None and not _same_province(gazetteer, focus, city):
            # a city named in passing from another province (a highway's name) is not the article's city
            own = [(code, n) for code, n in cities.most_common()
                   if _same_province(gazetteer, focus, gazetteer.get(code))]
            city = gazetteer.get(own[0][0]) if own else None
        report = bool(_WORK_REPORT.search(doc.title or ""))
        bulletin = any(word in (doc.title or "") for word in context_words()["bulletin_titles"])
        # a bulletin or a work report is its unit's own text, whatever its title names
        declared = focus is not None and (bulletin or report or _declared_focus(doc, gazetteer, city))
        # 全省 is the focus unit's province (福建 in a 福建 article); with no focus, the province named most
        province: Region | None = None
        anchor = focus or city
        if anchor is not None:
            province = gazetteer.province_of(anchor)
        elif provinces:
            province = gazetteer.get(provinces.most_common(1)[0][0])
        period = _focus_period(doc, year)
        if _WORK_REPORT.search(doc.title or "") and period is not None and period.kind == "year":
            year = period.year  # a report's own year is the one it reviews: its 全年 and 当年 are that year
        return cls(gazetteer, city, year, province, focus, period, bulletin=bulletin, work_report=report,
                   declared=declared)

    @property
    def relative_year(self) -> int | None:
        """The year 今年/去年 count from: a statistics bulletin's own year, else (None) its publication's."""
        return self.focus_year if self.bulletin else None

    def fresh(self) -> ArticleContext:
        """The same article-level knowledge with the reading state reset, for another pass."""
        fresh = ArticleContext(self.gazetteer, self.city, self.focus_year, self.province, self.focus,
                               self.focus_period, bulletin=self.bulletin, work_report=self.work_report,
                               declared=self.declared)
        fresh._seen = self._seen  # the same article: its mentions stay valid
        fresh.unsettled = self.unsettled
        return fresh

    def start_paragraph(self, paragraph: int) -> None:
        if paragraph != self.paragraph:
            self.paragraph = paragraph
            self.last.pop("paragraph", None)

    def mentions(self, text: str) -> list[Mention]:
        """Region mentions in `text`, memoised per article: the same sentence is looked at several times."""
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = _places_in(
                self.gazetteer, text, context_city=self.city, context_province=self.province, year=self.focus_year,
                unsettled=self.unsettled)
        return found

    def places(self, text: str, part: tuple[int, int]) -> list[tuple[int, Region, str]]:
        """(offset, region, surface) of the mentions inside the slice `part` of `text`, offsets in the slice.

        A slice cut at clause punctuation has exactly the mentions of the whole that fall inside it, as no
        place name spans a comma, so clauses reuse their sentence's scan.
        """
        start, end = part
        return [(m.start - start, m.region, m.surface)
                for m in self.mentions(text) if start <= m.start and m.end <= end]

    def subject_at(self, text: str, start: int, *, clause: str | None = None) -> tuple[Region, str] | None:
        """The region a clause talks about: its first named region or anaphor, else None."""
        # a sentence's subject is a place named at its start, before its first figure (改造提升传统产业,17个…,
        # 绍兴黄酒…: 绍兴 is no subject of the sentence); a clause's is any place it names
        span, at = (_opening(text), 0) if clause is None else (clause, start)
        placed = self.places(text, (at, at + len(span)))
        listed = [c[0] for c in placed if _in_list(span, c[0], c[2])]
        candidates = [c for c in placed if not _is_object(span, c[0], c[2]) and c[0] not in listed]
        for a in _ANAPHORA_RE.finditer(span):
            region = self._anaphor(a.group(0))
            if region is not None and not _is_object(span, a.start(), a.group(0)):
                candidates.append((a.start(), region, a.group(0)))
        candidates.extend(self._focus_heads(span, placed))
        if listed and (not candidates or min(listed) < min(c[0] for c in candidates)):
            # the clause is about several places at once: none of them, nor the paragraph's, is its subject
            if clause is None:
                self.sentence_subject = None
            return None
        if candidates:
            candidates.sort(key=lambda c: c[0])
            _, region, surface = candidates[0]
            for _, child, child_surface in candidates[1:2]:
                # 聊城市茌平区, 浙江义乌: the unit named right after a place containing it is the subject
                if self._contains(region, child) and span.find(child_surface) == span.find(surface) + len(surface):
                    region, surface = child, child_surface
            if clause is None:
                # the sentence's own subject carries through its paragraph; a place named in a later
                # clause (…,威海市级31家) is that clause's alone
                self.sentence_subject = (region, surface)
                if not self._below_reporting_unit(region):
                    self.last["paragraph"] = self.sentence_subject
            return region, surface
        if clause is None:
            self.sentence_subject = None
            if MASK in span or _ORGANISATION.search(span):
                # a company (masked as □) or an organisation named before the first figure is what it is about
                return None
            return self.last.get("paragraph") or self.last.get("heading") or self._focus_subject()
        return None

    def note_heading(self, text: str) -> None:
        """A heading's place carries to the sentences under it; a heading naming the focus unit among others
        (这就是山东|…看枣庄…: a column's name, then the article's own city) is about the focus."""
        mentions = [m for m in self.mentions(text) if not is_nation(m.region)]
        if not mentions:
            return
        focus = self.focus
        if focus is not None and all(m.region.code == focus.code or self._contains(m.region, focus)
                                     for m in mentions):
            self.last["heading"] = (focus, focus.name)  # 挑起河南经济大梁 over a 郑州 article: still 郑州's
            return
        own = next((m for m in mentions if focus is not None and m.region.code == focus.code), None)
        chosen = own or mentions[0]
        self.last["heading"] = (chosen.region, chosen.surface)

    def advance(self, text: str) -> None:
        self.previous_subject, self.sentence_subject = self.sentence_subject, None
        for mention in self.mentions(text):
            name = mention.region.name
            self.last["any"] = (mention.region, mention.surface)
            for suffix in ("市", "县", "区"):
                if name.endswith(suffix):
                    self.last[suffix] = (mention.region, mention.surface)

    def _anaphor(self, word: str) -> Region | None:
        if word in ("全省", "我省", "本省"):
            return self.province
        suffix = word[-1]
        peer = self._peer_of_focus(suffix)
        if peer is not None and word != "市区":
            return peer  # 据青岛市统计局…。全市生产总值…: in a 济南 article, 全市 right after 青岛 is 青岛
        if self.focus is not None and self.focus.name.endswith(suffix) and word != "市区":
            return self.focus  # 全市/该市 in an article about 荣成市 is 荣成市, not its prefecture
        if word in ("全市", "我市", "本市", "市区"):
            return self.city
        if word.startswith("该") or word.startswith("全") or word.startswith("本"):
            found = self.last.get(suffix)
            if found:
                return found[0]
            if suffix == "市":
                return self.city
        return None


    def _focus_subject(self) -> tuple[Region, str] | None:
        """A sentence naming no place, under no place-naming heading or paragraph, is about the article's
        declared unit (a bulletin's 全年粮食产量…); a focus that is only the most mentioned place is no default."""
        return (self.focus, self.focus.name) if self.focus is not None and self.declared else None

    def _contains(self, outer: Region, inner: Region) -> bool:
        return _inside(self.gazetteer, outer, inner)

    def _focus_heads(self, span: str, placed: list[tuple[int, Region, str]]) -> list[tuple[int, Region, str]]:
        """合作区 standing alone in an article about 某某深度合作区 is that zone."""
        focus = self.focus
        head = next((h for h in _FOCUS_HEADS if focus is not None and focus.name.endswith(h)
                     and len(focus.name) > len(h)), None)
        if focus is None or head is None:
            return []
        out = []
        for m in re.finditer(re.escape(head), span):
            inside = any(at <= m.start() < at + len(surface) for at, _r, surface in placed)
            before = span[m.start() - 1] if m.start() else ""
            bare = not before or not ("\u4e00" <= before <= "\u9fff") or before in _BARE_BEFORE
            if bare and not inside and not _is_object(span, m.start(), head):
                out.append((m.start(), focus, head))
        return out

    def _below_reporting_unit(self, region: Region) -> bool:
        """A city named in a province's work report (昆明长水国际机场…) is an aside: its paragraph stays the
        province's."""
        focus = self.focus
        return (self.work_report and focus is not None and focus.level == "province"
                and region.code != focus.code and self.gazetteer.province_of(region).code == focus.code)

    def _peer_of_focus(self, suffix: str) -> Region | None:
        """The unit this sentence, else the previous one, opened with, when it is of the focus unit's own level
        and suffix (而乙市…,按全市常住人口计算: 全市 is 乙市 in an article about 甲市)."""
        if self.focus is None:
            return None
        for opened in (self.sentence_subject, self.previous_subject):
            if opened is None:
                continue
            region = opened[0]
            same_kind = region.level == self.focus.level and region.name.endswith(suffix)
            return region if same_kind and region.code != self.focus.code else None
        return None


_SCOPE_OF_COMPARISON = re.compile(r"(?:全省|全国|全市|省内|国内)?(?:首(?![次破超度季])|第(?![一二三]产业|[一二三四]季度)|唯一|前列|领先|最)")
_ONLY_COMMAS = re.compile(r"[\s,]*$")
_PREPOSITIONS = set("占比在向对与到于和及给为从居入")
_SOURCE_MARKERS = context_words()["source_markers"]
_LIST_MARKS = ("、", "等")
_FOCUS_HEADS = context_words()["focus_heads"]
_BARE_BEFORE = set("全该本我")  # 全区, 该合作区: still the zone itself


def _is_object(span: str, start: int, surface: str) -> bool:
    """A region after 占/在/入选… is an object (占全国新增市场), not the subject of the clause."""
    head = span[max(0, start - 6) : start]
    if _SCOPE_OF_COMPARISON.match(span, start + len(surface)):
        return True  # 成立全省首家…: a scope of comparison, not a subject
    if span.startswith("级", start + len(surface)) or span.endswith("级", 0, start):
        return True  # 威海市级龙头企业, 省级经济技术开发区: a rank of the thing, not the place spoken of
    if span.endswith(_SOURCE_MARKERS, 0, start) and not (span.endswith("经", 0, start) and not _OFFICE_OR_COUNT.match(
            span, start + len(surface))):
        return True  # 经济南市统计局核算: where the figures come from (经横琴口岸: the way through, a subject)
    if span.startswith(("(", "("), start + len(surface)):
        return True  # 中国(山东)自由贸易试验区: the outer name of a thing
    return any(ch in _PREPOSITIONS for ch in head) and not _ONLY_COMMAS.match(head)


def _in_list(span: str, start: int, surface: str) -> bool:
    """甲、乙3市均…, 新增甲、乙4个千亿县, …等丙品牌: a member of a list (一、 numbers a section, not a list)."""
    if span.startswith(_LIST_MARKS, start + len(surface)):
        return True
    return span.endswith(_LIST_MARKS, 0, start) and not _SECTION_NUMBER.search(span, 0, start)


_SECTION_NUMBER = re.compile(r"(?:^|[\s。;:])[一二三四五六七八九十\d]{1,3}、$")


_FIGURE = re.compile(r"\d+(?:\.\d+)?(?![\d.]|\s*(?:年|月|日|季度|号))")


def _opening(text: str) -> str:
    """The words of a sentence before its first figure (years, months, days and spans such as 1-11月 are
    not figures)."""
    spans = period_spans(text)
    for m in _FIGURE.finditer(text):
        if not any(a <= m.start() < b for a, b in spans):
            return text[: m.start()]
    return text


def _focus_year(doc: Document) -> int | None:
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


def alternation_of(name: str) -> str:
    return "|".join(map(re.escape, context_words()[name]))


def _focus_unit(doc: Document, gazetteer: Gazetteer, city: Region | None) -> Region | None:
    """The article's unit: the place its title names (the finer of 聊城市茌平区), unless the issuing office
    (某市统计局发布) is a unit inside it; else the office's unit; else the place the article opens with; else
    its most mentioned place."""
    title = mask_companies(doc.title or "")
    found = [m.region for m in _places_in(gazetteer, title, context_city=city) if not is_nation(m.region)]
    office = _office_unit(doc, gazetteer, city)
    if found:
        named = _finest_leading(gazetteer, found)
        return office if office is not None and _inside(gazetteer, named, office) else named
    if office is not None:
        return office
    if city is not None and _OWN_CITY.search(title):
        return city  # 前三季度我市县域…: the title speaks as the city the text names most
    opening = _opening_place(doc, gazetteer, city)
    if opening is not None:
        return opening
    counts: Counter[str] = Counter()
    for sentence in doc.sentences:
        counts.update(m.region.code for m in _places_in(gazetteer, mask_companies(sentence.text),
                                                                     context_city=city) if not is_nation(m.region))
    # one stray mention is not a focus: an article about another province may name 山东 once
    best = counts.most_common(1)
    return gazetteer.get(best[0][0]) if best and best[0][1] >= _MIN_FOCUS_MENTIONS else None


def _declared_focus(doc: Document, gazetteer: Gazetteer, city: Region | None) -> bool:
    """Whether the article says whose it is (its title, issuing office or first words name a place), rather
    than the focus being only its most mentioned place."""
    title = mask_companies(doc.title or "")
    return (any(not is_nation(m.region) for m in _places_in(gazetteer, title, context_city=city))
            or (city is not None and _OWN_CITY.search(title) is not None)
            or _office_unit(doc, gazetteer, city) is not None or _opening_place(doc, gazetteer, city) is not None)


_OWN_CITY = re.compile(r"我市|本市")
_OFFICE_SENTENCES = 3
_OPENING_REACH = 12  # 2023年某县国民经济…: the place an article opens with stands within its first words


def _office_unit(doc: Document, gazetteer: Gazetteer, city: Region | None) -> Region | None:
    """The unit of the office the first sentences name (记者从某市统计局获悉, 由某市统计局发布)."""
    for sentence in doc.sentences[:_OFFICE_SENTENCES]:
        for office in _OFFICE.finditer(sentence.text):
            near = _places_in(gazetteer, sentence.text[max(0, office.start() - 12) : office.start()],
                                           context_city=city)
            near = [m for m in near if not is_nation(m.region)]
            if near:
                return _finest_leading(gazetteer, [m.region for m in near])
    return None


def _opening_place(doc: Document, gazetteer: Gazetteer, city: Region | None) -> Region | None:
    """The place named in the first words of the article (a title line of a place's name, 2023年某县…)."""
    for sentence in doc.sentences[:2]:  # the title line, when it is one, and the first sentence
        head = mask_companies(sentence.text)[:_OPENING_REACH]
        found = [m.region for m in _places_in(gazetteer, head, context_city=city)
                 if not is_nation(m.region) and not _is_object(head, m.start, m.surface)]
        if found:
            return _finest_leading(gazetteer, found)
    return None


_ORGANISATION = re.compile(rf"(?:{alternation_of('organisation_heads')})(?!业|生)")


def _places_in(gazetteer: Gazetteer, text: str, **settle: Any) -> list[Mention]:
    """The gazetteer's mentions in `text`, less those naming an organisation (某省大学, 某地生产建设兵团): the
    place there is part of a name, not a place spoken of."""
    return [m for m in gazetteer.find_mentions(text, **settle) if not _ORGANISATION.match(text, m.end)]


def _same_province(gazetteer: Gazetteer, a: Region, b: Region | None) -> bool:
    return b is not None and gazetteer.province_of(a).code == gazetteer.province_of(b).code


def _inside(gazetteer: Gazetteer, outer: Region, inner: Region) -> bool:
    return inner.code != outer.code and any(r.code == outer.code for r in gazetteer.chain(inner))


def _finest_leading(gazetteer: Gazetteer, regions: list[Region]) -> Region:
    """The first place named, or the one named after it that lies inside it (浙江义乌, 聊城市茌平区)."""
    first = regions[0]
    if len(regions) > 1 and _inside(gazetteer, first, regions[1]):
        return regions[1]
    return first


def _focus_period(doc: Document, year: int | None) -> Period | None:
    """The period of the title, else of the opening sentence (2023年,… / 今年上半年,…).

    A work report's title names the year it is given in (2020年…政府工作报告); its figures are about the
    year before. A year after the words (政府工作报告划重点:2018年…) is the figures' own."""
    title = doc.title or ""
    report = _WORK_REPORT.search(title)
    for text in (title, *(s.text for s in doc.sentences[:2] if not s.is_heading)):
        for mention in find_periods(text, published=doc.published, default_year=year):
            period = mention.period
            if period.kind in ("target", "asof") or period.year is None or _DAY_AFTER.match(text, mention.end):
                continue  # (2016年2月16日): the day a report is given, not the period its figures cover
            if is_history(text, mention):
                continue  # 1987年6月,撤销…设立…: a founding, not the period of the article's figures
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


_WORK_REPORT = re.compile(alternation_of("work_report_titles"))
_DAY_AFTER = re.compile(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
