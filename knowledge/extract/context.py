"""What a reader keeps in mind while reading an article: its city and province, its year, and who 该市 is.

Company names are masked before regions are looked for, so that 山东骏程金属科技有限公司 is not read as
a statement about 山东省. Whose the article is lives in focus.py; who a clause is about, word by word, in
subjects.py.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from knowledge.extract.entities import MASK, mask_companies
from knowledge.extract.focus import (
    WORK_REPORT,
    declared_focus,
    focus_period,
    focus_unit,
    focus_year,
    inside,
    same_province,
)
from knowledge.extract.period_clauses import context_words
from knowledge.extract.periods import Period, find_periods
from knowledge.extract.subjects import (
    BARE_BEFORE,
    FOCUS_HEADS,
    NATIONAL_FIGURE,
    ORGANISATION,
    alternation_of,
    in_list,
    is_object,
    names_institution,
    opening,
    opens_clause,
    places_in,
)
from knowledge.extract.vocab import alternation
from knowledge.places.gazetteer import Gazetteer, Mention, Region
from knowledge.places.nation import NATION, is_nation
from knowledge.text.document import Document

_ANAPHORA_RE = re.compile(rf"{alternation('anaphora')}|市区")
_PLAN_HEADING = re.compile(alternation_of("plan_headings"))
_REVIEW_HEADING = re.compile(alternation_of("review_headings"))
_NEXT_YEAR = re.compile(alternation_of("next_year_words"))


_ITEM_MARK = re.compile(r"[;;。]")
_FIGURE_OR_RANK = re.compile(r"\d|第|首|前列|领先|最|唯一|冠军")  # a rank (居全省第一) is a figure of its own


def _figureless_item(text: str, start: int) -> bool:
    """Whether the ;-item of a list sentence around `start` holds no figure or rank while the sentence goes on
    past it."""
    if ";" not in text:
        return False  # cheap test first: with no ; the sentence is no list of items
    marks = [m.end() for m in _ITEM_MARK.finditer(text, 0, start)]
    head = marks[-1] if marks else 0
    end = _ITEM_MARK.search(text, start)
    if end is None or text[end.start()] == "。":
        return False  # the last item, or a sentence that is no list of items
    return not _FIGURE_OR_RANK.search(text, head, end.start())


@lru_cache(maxsize=1024)
def _focus_head(name: str) -> str | None:
    """The head word (合作区) a focus unit's name ends in, which may stand alone for it."""
    return next((h for h in FOCUS_HEADS if name.endswith(h) and len(name) > len(h)), None)


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
    span: Period | None = None  # the years a passage looks back on (这五年,…): a figure naming no period falls in them

    @classmethod
    def for_document(cls, doc: Document, gazetteer: Gazetteer) -> ArticleContext:
        """The article's city and province: the ones its title, publisher (南京市统计局) and text name most."""
        year = focus_year(doc)
        cities: Counter[str] = Counter()
        provinces: Counter[str] = Counter()
        # the title and the issuing office say whose article it is: they weigh like several mentions
        texts = [(doc.title or "", 3), (doc.publisher or "", 3), (doc.venue or "", 3),
                 *((s.text, 1) for s in doc.sentences)]
        for text, weight in texts:  # sentence by sentence, as read later
            for mention in places_in(gazetteer, mask_companies(text), year=year):
                if is_nation(mention.region):
                    continue  # 全国 is a scope every article names; it is never the article's own unit
                provinces[gazetteer.province_of(mention.region).code] += weight
                city = gazetteer.city_of(mention.region)
                if city is not None:
                    cities[city.code] += weight
        if not cities and doc.dateline:
            # 青岛新闻网1月20日讯 …全市…: a text naming no city is the one its dateline was filed from
            for mention in places_in(gazetteer, mask_companies(doc.dateline), year=year):
                if (found := gazetteer.city_of(mention.region)) is not None:
                    cities[found.code] += 1
        city = gazetteer.get(cities.most_common(1)[0][0]) if cities else None
        focus = focus_unit(doc, gazetteer, city)
        if focus is not None and city is not None and not same_province(gazetteer, focus, city):
            # a city named in passing from another province (a highway's name) is not the article's city
            own = [(code, n) for code, n in cities.most_common()
                   if same_province(gazetteer, focus, gazetteer.get(code))]
            city = gazetteer.get(own[0][0]) if own else None
        report = bool(WORK_REPORT.search(doc.title or ""))
        bulletin = any(word in (doc.title or "") for word in context_words()["bulletin_titles"])
        # a bulletin or a work report is its unit's own text, whatever its title names
        declared = focus is not None and (bulletin or report or declared_focus(doc, gazetteer, city))
        # 全省 is the focus unit's province (福建 in a 福建 article); with no focus, the province named most
        province: Region | None = None
        anchor = focus or city
        if anchor is not None:
            province = gazetteer.province_of(anchor)
        elif provinces:
            province = gazetteer.get(provinces.most_common(1)[0][0])
        period = focus_period(doc, year)
        if (report or bulletin) and period is not None and period.kind == "year":
            # a report's own year is the one it reviews, a bulletin's the one its title names (not the year
            # of the day it is signed, 2024年3月): their 全年 and 当年 are that year
            year = period.year
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
            found = self._seen[text] = places_in(
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
        span, at = (opening(text), 0) if clause is None else (clause, start)
        if clause is None and (item := max(span.rfind(";"), span.rfind(";"))) != -1:
            # 甲区撤县设区,乙路通车;粮食产量保持在…: an item before the one holding the first figure names its
            # own topic, not the sentence's subject
            span, at = span[item + 1 :], item + 1
        elif clause is not None and _figureless_item(text, start):
            return None  # …and a place in such an item is its topic alone: it hands on no subject
        placed = self.places(text, (at, at + len(span)))
        if clause is not None and not placed and not _ANAPHORA_RE.search(span) and not self._names_focus_head(span):
            return None  # cheap test first: a clause naming no place, anaphor or head of the focus has no subject
        listed = [c[0] for c in placed if in_list(span, c[0], c[2])]
        # the nation is a subject only at the head of its clause: …中国质量奖, 建设全国重点实验室 name things, and
        # a clause naming one so is left without a subject rather than given the paragraph's
        inner = [c[0] for c in placed if is_nation(c[1]) and not opens_clause(span, c[0])
                 and not is_object(span, c[0], c[2])]
        listed += inner
        candidates = [c for c in placed if not is_object(span, c[0], c[2]) and c[0] not in listed]
        for a in _ANAPHORA_RE.finditer(span):
            region = self._anaphor(a.group(0))
            if region is not None and not is_object(span, a.start(), a.group(0)):
                candidates.append((a.start(), region, a.group(0)))
        candidates.extend(self._focus_heads(span, placed))
        if listed and (not candidates or min(listed) < min(c[0] for c in candidates)):
            # the clause is about several places at once, or names the nation inside a phrase: none of them,
            # nor the paragraph's, is its subject
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
            if MASK in span or ORGANISATION.search(span) or names_institution(self.gazetteer, span):
                # a company (masked as □), an organisation or an institution (某市机场) named before the first
                # figure is what it is about
                return None
            if NATIONAL_FIGURE.search(span) and not (self.bulletin or self.work_report):
                return NATION, NATION.name
            return self.last.get("paragraph") or self.last.get("heading") or self._focus_subject()
        return None

    def note_heading(self, text: str) -> None:
        """A heading's place carries to the sentences under it; a heading naming the focus unit among others
        (这就是山东|…看枣庄…: a column's name, then the article's own city) is about the focus."""
        self.previous_subject = self.sentence_subject = None  # a new section: 全县 under it is no earlier peer
        self.span = self._plan_section(text)  # …and no earlier section's years
        mentions = [m for m in self.mentions(text) if not is_nation(m.region)]
        if not mentions:
            return
        focus = self.focus
        own = next((m for m in mentions if focus is not None and m.region.code == focus.code), None)
        if own is not None:
            self.last["heading"] = (own.region, own.surface)
        elif focus is not None and all(self._contains(m.region, focus) for m in mentions):
            self.last["heading"] = (focus, focus.name)  # 挑起河南经济大梁 over a 郑州 article: still 郑州's
        else:
            self.last["heading"] = (mentions[0].region, mentions[0].surface)

    def _plan_section(self, heading: str) -> Period | None:
        """二、2024年工作安排 in a report reviewing 2023: a figure under it naming no period is a target."""
        if not self.work_report or self.focus_year is None or not _PLAN_HEADING.search(heading):
            return None
        if _REVIEW_HEADING.search(heading):
            return None  # 2024年重点工作完成情况: the review, not the plan
        years = [m.period.year for m in find_periods(heading, published=None, default_year=self.focus_year)
                 if m.stated_year]
        later = [y for y in years if y is not None and y > self.focus_year]
        if later:
            return Period("target", later[-1])
        if not years and _NEXT_YEAR.search(heading):
            return Period("target", self.focus_year + 1)  # 二、今年工作安排 in a report on the year before
        # 今后五年的主要任务: a plan whose year the heading does not give; its figures are of no known period
        return Period("undated", None) if not years else None

    def advance(self, text: str) -> None:
        self.previous_subject, self.sentence_subject = self.sentence_subject, None
        self._note_span(text)
        for mention in self.mentions(text):
            name = mention.region.name
            self.last["any"] = (mention.region, mention.surface)
            for suffix in ("市", "县", "区"):
                if name.endswith(suffix):
                    self.last[suffix] = (mention.region, mention.surface)

    def _note_span(self, text: str) -> None:
        """这五年,我们…: a sentence naming a span of years and no other period opens a passage about those
        years; a sentence opening with another period (2025年,…) starts a passage of its own."""
        periods = find_periods(text, published=None, default_year=self.focus_year)
        if periods and all(m.period.kind == "span" for m in periods):
            self.span = periods[-1].period
        elif periods and periods[0].start <= 1:
            self.span = None

    def _anaphor(self, word: str) -> Region | None:
        if word in ("全省", "我省", "本省"):
            return self.province
        suffix = word[-1]
        peer = self._peer_of_focus(suffix)
        if peer is not None and word != "市区":
            return peer  # 据青岛市统计局…。全市生产总值…: in a 济南 article, 全市 right after 青岛 is 青岛
        if self.focus is not None and self.focus.name.endswith(suffix) and word != "市区":
            return self.focus  # 全市/该市 in an article about 荣成市 is 荣成市, not its prefecture
        if word == "全市" and self.focus is not None and self.focus.level in ("province", "nation"):
            # 岳阳市实现GDP…。全市市场主体…: in an article about a province, 全市 is the city named last
            found = self.last.get("市")
            if found is not None and found[0].level == "city":
                return found[0]
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
        return inside(self.gazetteer, outer, inner)

    def _names_focus_head(self, span: str) -> bool:
        head = _focus_head(self.focus.name) if self.focus is not None else None
        return head is not None and head in span

    def _focus_heads(self, span: str, placed: list[tuple[int, Region, str]]) -> list[tuple[int, Region, str]]:
        """合作区 standing alone in an article about 某某深度合作区 is that zone."""
        focus = self.focus
        head = _focus_head(focus.name) if focus is not None else None
        if focus is None or head is None:
            return []
        out = []
        for m in re.finditer(re.escape(head), span):
            inside = any(at <= m.start() < at + len(surface) for at, _r, surface in placed)
            before = span[m.start() - 1] if m.start() else ""
            bare = not before or not ("\u4e00" <= before <= "\u9fff") or before in BARE_BEFORE
            if bare and not inside and not is_object(span, m.start(), head):
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
