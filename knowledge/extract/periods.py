"""Time periods in Chinese news text, resolved against the article's publication date.

今年上半年 in a 2022-07-28 article is 2022 H1; 去年1至11月份 in an early-2025 article is 2024 Jan–Nov.
A `Period` has a canonical label used everywhere: 2024, 2022H1, 2022Q3, 2022Q1-Q3, 2024M01-M11,
asof:2024-12-31, target:2026.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from knowledge.extract.period_bases import is_comparison_base
from knowledge.extract.vocab import alternation
from knowledge.text.numbers import cn_int

_NUM = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九两])"
_YEAR = r"(?:(?P<year>(?:19|20)\d\d)\s*年(?:度)?|(?P<rel>今年|去年|前年|本年|上年|当年|明年))"
_SPAN = (
    rf"(?P<half>上半年|下半年)(?P<hend>末(?!期))?"
    rf"|(?P<qs>前(?P<qn>[一二三])季度)"
    rf"|(?P<firstn>[前首](?P<fn>1[0-2]|[2-9]|十[一二]?|[二三四五六七八九两])个?月)"
    rf"|(?P<qr>(?:第)?[1一]\s*[至到~\-—]\s*(?:第)?(?P<qe>[2-4二三四])\s*季度)"
    rf"|(?P<q>(?:第)?(?P<qi>[一二三四1-4])季度)(?P<qend>末(?!期))?"
    rf"|(?P<months>(?P<m1>{_NUM})\s*(?:月份?)?\s*[至到~\-—]\s*(?P<m2>{_NUM})\s*月份?)"
    rf"|(?P<month>(?P<mm>{_NUM})\s*月份(?!\d))"
    rf"|(?P<day>(?P<dm>1[0-2]|0?[1-9])\s*月\s*(?P<dd>3[01]|[12]\d|0?[1-9])\s*[日号](?:零时|24时)?)"
    rf"|(?P<mon>(?P<mo>1[0-2]|0?[1-9])\s*月\s*(?P<moend>底|末)?(?![\d日号]))"
    rf"|(?P<ytd>以来|来(?=\s*[,,、]))"
    rf"|(?P<fullyear>全年)"
    rf"|(?P<yearend>年底|年末|底|末)"
)
# Every alternative starts with one of these characters; the lookahead keeps the scan from trying at
# every position of the text. The first alternative needs a year or a span, so it never matches empty.
_FIRST = "0-9截今去前首本上当明下一二三四五六七八九十两第以年底力计预到目现如这过全"
# Several years at once: a five-year plan's time (“十四五”时期, 十三五以来), the years a report looks back on
# (过去五年, 五年来, 这五年). A stated range (2021-2023年) is left to its last year: it heads tables of rows a year.
_COUNT = r"[二三四五六七八九十两]"
_MULTI = (
    rf"(?P<plan>[“\"「]?十(?P<plan_n>[一二三四五六七八九])五[”\"」]?\s*(?P<plan_how>时期|期间|以来|这五年|五年来|期末|末))"
    rf"|(?P<back>(?:过去|近|这)(?P<nback>{_COUNT})年(?!级|代|前)|(?P<nsince>{_COUNT})年来)"
    rf"|(?P<ahead>(?:今后|未来|此后)(?P<nahead>{_COUNT})年(?!级|代|前))"
)
_SOME = re.sub(r"\(\?P<\w+>", "(?:", rf"(?:截至|截止到|截止)?\s*(?:{_YEAR}|{_SPAN})")  # the same, unnamed
_ALTERNATIVES = (
    rf"(?P<multi>{_MULTI})"
    rf"|(?=[{_FIRST}])(?={_SOME})(?P<asof>截至|截止到|截止)?\s*(?:{_YEAR})?\s*(?:{_SPAN})?"
    rf"|(?P<target>(?:力争|计划|预计)?到(?P<tyear>(?:19|20)\d\d)年)"
    rf"|(?P<now>目前|当前|截至目前|现已|如今)"
    rf"|(?P<thisyear>这一年|过去一年|年内)"
)
# The characters any alternative may start with (_FIRST, and the first of _MULTI, targets, 目前, 这一年): a
# lookahead on them lets the scan pass, in one test, the positions where none can start (the matches are
# the same: tests/extract/test_period_opening.py).
_OPENING = rf"{_FIRST}“\"「十{_COUNT[1:-1]}过近这今未此力计预到目当截现如年"
PERIOD_RE = re.compile(rf"(?=[{_OPENING}])(?:{_ALTERNATIVES})")
PeriodKind = Literal["year", "half", "quarter", "quarters", "months", "month", "asof", "target", "span", "undated"]
_RELATIVE = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved period."""

    kind: PeriodKind
    year: int | None
    start: int | None = None  # first month
    end: int | None = None  # last month
    asof: date | None = None
    first: int | None = None  # a span's first year; `year` is its last

    @property
    def label(self) -> str:
        y = self.year
        match self.kind:
            case "year":
                return f"{y}"
            case "half":
                return f"{y}H{1 if self.start == 1 else 2}"
            case "quarter":
                return f"{y}Q{(self.end or 3) // 3}"
            case "quarters":
                return f"{y}Q1-Q{(self.end or 3) // 3}"
            case "months":
                return f"{y}M{self.start:02d}-M{self.end:02d}"
            case "month":
                return f"{y}M{self.start:02d}"
            case "asof":
                return f"asof:{self.asof.isoformat()}" if self.asof else "asof"
            case "target":
                return f"target:{y}"
            case "span":
                return f"{self.first}-{y}"
        return "undated"

    @property
    def sort_key(self) -> tuple[int, int]:
        """Later periods sort higher; used to put the newest figure first."""
        if self.asof:
            return (self.asof.year, self.asof.month)
        if self.kind == "span":
            return (self.year or 0, 0)  # years gone by: after the year before, before any figure of its last year
        return (self.year or 0, self.end or 12)

    def describe(self) -> str:
        """Human-readable Chinese, e.g. 2022年上半年, 2024年1-11月, 截至2024年12月31日."""
        y = self.year
        match self.kind:
            case "year":
                return f"{y}年"
            case "half":
                return f"{y}年{'上' if self.start == 1 else '下'}半年"
            case "quarter":
                return f"{y}年第{'一二三四'[(self.end or 3) // 3 - 1]}季度"
            case "quarters":
                return f"{y}年前{'一二三四'[(self.end or 3) // 3 - 1]}季度"
            case "months":
                return f"{y}年{self.start}-{self.end}月"
            case "month":
                return f"{y}年{self.start}月"
            case "asof":
                return f"截至{self.asof.year}年{self.asof.month}月{self.asof.day}日" if self.asof else "目前"
            case "target":
                return f"目标年份{y}年"
            case "span":
                return f"{self.first}-{y}年"
        return "时间不详"


UNDATED = Period("undated", None)


def parse_label(label: str) -> Period:
    """The inverse of `Period.label`."""
    if m := re.fullmatch(r"(\d{4})", label):
        return Period("year", int(m[1]), 1, 12)
    if m := re.fullmatch(r"(\d{4})H([12])", label):
        return Period("half", int(m[1]), 1 if m[2] == "1" else 7, 6 if m[2] == "1" else 12)
    if m := re.fullmatch(r"(\d{4})Q([1-4])", label):
        q = int(m[2])
        return Period("quarter", int(m[1]), 3 * q - 2, 3 * q)
    if m := re.fullmatch(r"(\d{4})Q1-Q([1-4])", label):
        return Period("quarters", int(m[1]), 1, 3 * int(m[2]))
    if m := re.fullmatch(r"(\d{4})M(\d\d)-M(\d\d)", label):
        return Period("months", int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})M(\d\d)", label):
        return Period("month", int(m[1]), int(m[2]), int(m[2]))
    if m := re.fullmatch(r"asof:(\d{4})-(\d\d)-(\d\d)", label):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return Period("asof", d.year, asof=d)
    if m := re.fullmatch(r"(\d{4})-(\d{4})", label):
        return Period("span", int(m[2]), 1, 12, first=int(m[1]))
    if m := re.fullmatch(r"target:(\d{4})", label):
        return Period("target", int(m[1]))
    return UNDATED


@dataclass(frozen=True, slots=True)
class PeriodMention:
    start: int
    end: int
    period: Period
    explicit_year: bool

    @property
    def stated_year(self) -> int | None:
        """The year when the text writes it out (2024年上半年 → 2024); None for targets (到2026年) and bare spans."""
        if self.explicit_year and self.period.kind != "target":
            return self.period.year
        return None


def find_periods(text: str, *, published: date | None, default_year: int | None = None,
                 relative_year: int | None = None) -> list[PeriodMention]:
    """Every period expression in `text`, resolved. `default_year` is used for bare spans like 上半年 and for
    当年/本年; `relative_year`, when given, is the year 今年/去年 count from (a bulletin's own year)."""
    return list(_find_periods(text, published, default_year, relative_year))


@lru_cache(maxsize=8192)
def _find_periods(text: str, published: date | None, default_year: int | None,
                  relative_year: int | None) -> tuple[PeriodMention, ...]:
    found: list[PeriodMention] = []
    for m in _readings(text):
        period = _resolve(m, published=published, default_year=default_year, relative_year=relative_year)
        if period is not None:
            found.append(PeriodMention(m.start(), m.end(), period, bool(m.group("year"))))
    return tuple(found)


@lru_cache(maxsize=8192)  # a sentence is read for its periods under several dates and default years
def _readings(text: str) -> tuple[re.Match[str], ...]:
    """The period expressions of `text` before they are resolved: they do not depend on the dates."""
    text, found = _scan(text)
    return tuple(m for m in found if not is_comparison_base(text, m) and not _names_a_document(text, m))


def _names_a_document(text: str, m: re.Match[str]) -> bool:
    """制定2023年工作要点: a year in a document's name."""
    return bool(m.group("year")) and m.group(0).strip().endswith(("年", "年度")) \
        and _year_documents().match(text, m.end()) is not None


@lru_cache(maxsize=1)
def _year_documents() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{alternation('year_documents')})")


@lru_cache(maxsize=16384)
def _scan(text: str) -> tuple[str, tuple[re.Match[str], ...]]:
    """`text` with its years in digits, and the period expressions in it (one regex pass per text)."""
    text = arabic_years(text)
    return text, tuple(m for m in PERIOD_RE.finditer(text) if _has_content(m))


def period_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names a period or a comparison base (2016年, 上半年, 全年, 比上年), targets left out."""
    return [m.span() for m in _scan(text)[1] if not m.group("target")]


_CN_YEAR = re.compile(r"[一二][〇零○一二三四五六七八九]{3}(?=\s*年)")
_CN_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")


def arabic_years(text: str) -> str:
    """二〇二三年 written as 2023年: the same length, so offsets into `text` stay valid."""
    if "〇" not in text and "零" not in text and "○" not in text:
        return text  # cheap test first: a year in words has a zero in it (2000-2099, 1900-1999 aside)
    return _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGITS), text)


_STATED_YEAR = re.compile(r"(?:19|20)\d\d\s*年")


def stated_years(text: str, *, published: date | None) -> list[int]:
    """Years written out in `text` (2024年上半年 → 2024), targets such as 到2026年 left out."""
    if not _STATED_YEAR.search(arabic_years(text)):
        return []  # cheap test first: most sentences name no year
    return [year for m in find_periods(text, published=published) if (year := m.stated_year)]


_CONTENT = ("multi", "year", "rel", "half", "qs", "firstn", "qr", "q", "months", "month", "mon", "day", "ytd",
            "fullyear", "target", "now", "thisyear")


def _has_content(m: re.Match[str]) -> bool:
    return any(m.group(*_CONTENT)) \
        or bool(m.group("yearend") and (m.group("year") or m.group("yearend") not in ("底", "末")))


def _resolve(m: re.Match[str], *, published: date | None, default_year: int | None,
             relative_year: int | None) -> Period | None:
    if m.group("target"):
        by_year = int(m.group("tyear"))
        if published is not None and by_year < published.year and m.group("target").startswith("到"):
            return Period("year", by_year, 1, 12)  # 到2025年底…达到8000公里 in a 2026 report: what was reached
        return Period("target", by_year)
    if m.group("multi"):
        return _multi(m, published=published, default_year=default_year)
    if m.group("now"):
        return Period("asof", published.year, asof=published) if published else None
    base = relative_year or (published.year if published else default_year)
    year: int | None
    if m.group("thisyear") == "过去一年" and published is not None:
        # a report given in the first half of a year looks back on the year before
        year = published.year - 1 if published.month <= 6 else published.year
        return Period("year", year, 1, 12)
    if m.group("thisyear"):
        year = default_year or base
        return Period("year", year, 1, 12) if year else None
    if m.group("year"):
        year = int(m.group("year"))
    elif m.group("rel") in ("当年", "本年"):
        year = default_year or base  # 当年新增: the year being talked about, whenever it was published
    elif m.group("rel"):
        year = base + _RELATIVE[m.group("rel")] if base else None
    else:
        year = default_year or base
    if year is None:
        return None
    return _span(m, year, published, asof=bool(m.group("asof")))


_FIRST_PLAN = 2006  # the eleventh five-year plan's first year; each plan is five years on from the last


def _multi(m: re.Match[str], *, published: date | None, default_year: int | None) -> Period | None:
    """A span of years; the year it ends in is the article's year (a report given early in a year looks back
    on the year before, as with 过去一年). A plan's time still to come (十五五时期 in 2026) sets goals: a target
    of its last year; any other span not ended by then is None."""
    if published is not None and default_year is None:
        default_year = published.year - 1 if published.month <= 6 else published.year
    if default_year is None:
        return None
    if m.group("plan"):
        first = _FIRST_PLAN + 5 * ((cn_int(m.group("plan_n")) or 1) - 1)
        last = first + 4
        if m.group("plan_how") in ("期末", "末"):  # 十三五末: the plan's last year, a goal while still to come
            return Period("year", last, 1, 12) if last <= default_year else Period("target", last)
        if m.group("plan_how") == "以来" and first <= default_year < last:
            return Period("span", default_year, 1, 12, first=first)  # 十四五以来 in 2023: 2021-2023
        if last <= default_year:
            return Period("span", last, 1, 12, first=first)
        # “十五五”时期,地区生产总值年均增长5.5% in a plan given in 2026: the plan's goals
        return Period("target", last) if m.group("plan_how") in ("时期", "期间") else None
    if m.group("ahead"):  # 今后五年 in a report on 2025: the years 2026-2030, whose figures are goals
        ahead = cn_int(m.group("nahead"))
        return Period("target", default_year + ahead) if ahead and ahead >= 2 else None
    count = cn_int(m.group("nback") or m.group("nsince") or "")
    if not count or count < 2:
        return None
    return Period("span", default_year, 1, 12, first=default_year - count + 1)


def _span(m: re.Match[str], year: int, published: date | None, *, asof: bool) -> Period | None:
    if m.group("half"):
        first = m.group("half") == "上半年"
        if m.group("hend"):
            return _month_end(year, 6 if first else 12)  # 上半年末: the stock on its last day
        return Period("half", year, 1 if first else 7, 6 if first else 12)
    # The patterns admit only numerals cn_int reads (一-十二, 1-12), so its None never shows here.
    if m.group("qs") and (qn := cn_int(m.group("qn"))):
        return Period("quarters", year, 1, 3 * qn)
    if m.group("firstn") and (n := cn_int(m.group("fn"))):
        return _first_months(year, n)
    if m.group("qr") and (qe := cn_int(m.group("qe"))):
        return Period("quarters", year, 1, 3 * qe)  # 1-3季度, 一至三季度: the quarters from the first
    if m.group("q") and (q := cn_int(m.group("qi"))):
        if m.group("qend"):
            return _month_end(year, 3 * q)  # 三季度末: the stock on the quarter's last day
        return Period("quarter", year, 3 * q - 2, 3 * q)
    if m.group("months") and (a := cn_int(m.group("m1"))) and (b := cn_int(m.group("m2"))):
        if a < b:
            return Period("months", year, a, b)
        return None
    if m.group("month") and (mm := cn_int(m.group("mm"))):
        if asof:
            return Period("asof", year, asof=date(year, mm, calendar.monthrange(year, mm)[1]))
        return Period("month", year, mm, mm)
    if m.group("day"):
        # 截至2022年6月30日, 截至6月30日, 2020年11月1日零时: the stock on that day (a bare day with no year dates
        # the report, not its figures)
        if not (m.group("year") or m.group("rel") or m.group("asof")):
            return None
        try:
            return Period("asof", year, asof=date(year, int(m.group("dm")), int(m.group("dd"))))
        except ValueError:
            return Period("year", year, 1, 12)  # no such day: the year alone
    if m.group("mon") and (mo := cn_int(m.group("mo"))):
        # 截至4月, 6月底: the stock at the month's end; a bare 8月 is that month
        if asof or m.group("moend"):
            return Period("asof", year, asof=date(year, mo, calendar.monthrange(year, mo)[1]))
        return Period("month", year, mo, mo)
    if m.group("fullyear"):
        return Period("year", year, 1, 12)  # 2023年全年, 去年全年: the whole of that year
    if m.group("ytd"):
        if published and published.year == year and published.month > 1:
            return Period("months", year, 1, published.month)
        return Period("year", year, 1, 12)
    if m.group("yearend") or asof:
        return Period("asof", year, asof=date(year, 12, 31))
    if not (m.group("year") or m.group("rel")):
        return None  # a bare 以来/底 without a year means nothing on its own
    return Period("year", year, 1, 12)


def _first_months(year: int, n: int) -> Period:
    """前5个月, 首6个月: the year's first months, named as 上半年 or 前三季度 when they are those."""
    if n == 6:
        return Period("half", year, 1, 6)
    if n in (3, 9):
        return Period("quarter" if n == 3 else "quarters", year, 1, n)
    if n == 12:
        return Period("year", year, 1, 12)
    return Period("months", year, 1, n)


def _month_end(year: int, month: int) -> Period:
    return Period("asof", year, asof=date(year, month, calendar.monthrange(year, month)[1]))
