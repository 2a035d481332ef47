"""Places named as members of a class set by a bar: 新增甲、乙2个过3000亿元城市, 甲、乙两个千亿县, 甲跨入万亿级城市
行列, 甲、乙两市地区生产总值均超过3000亿元. Each place named is over the bar; a class of places by an amount is
a class by their 地区生产总值 unless the words name another indicator."""

from __future__ import annotations

import re
from decimal import Decimal

from knowledge.extract.context import ArticleContext
from knowledge.extract.forms import Listed, PeriodAt
from knowledge.extract.metricphrase import metric_name
from knowledge.extract.metrics import metrics
from knowledge.extract.periods import Period
from knowledge.places.gazetteer import Region

_Placed = tuple[int, Region, str]  # (offset, region, surface), as ArticleContext.places gives them

_PRODUCT = "地区生产总值"
_DIGITS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# the bar: 3000亿元, 5万亿元, 千亿, 三千亿, 两万亿 (an amount of 亿 or 万亿, its 元 perhaps left out)
_BAR = r"(?P<bar>(?P<num>\d+(?:\.\d+)?|[两二三四五六七八九]?[千百]|[两二三四五六七八九])?(?P<mag>万亿|亿)元?)"
# …2个过3000亿元城市, …成为两个千亿县, 跻身万亿级城市: the class (a kind of place) the bar sets (千亿市场 and a
# class of firms, projects or parks are no places)
_CLASS = re.compile(r"(?:成为|跻身|跨入|迈入|进入|晋级为?)?"
                    rf"(?P<count>\d+|[两二三四五六七八九十])?个?(?P<over>过|超过|超|突破)?{_BAR}级?"
                    r"(?P<kind>城市|县市|县区|市|县|区)(?!场|[\u4e00-\u9fff]{0,2}(?:企业|项目|产业|园区|集群))")
# …两市地区生产总值均超过3000亿元: the places share one bar, over which their indicator stands
_SHARED = re.compile(rf"(?P<count>\d+|[两二三四五六七八九十])?个?(?:城市|市|县|区|地)?"
                     rf"(?P<words>[\u4e00-\u9fffA-Z]{{0,10}}?)均(?P<over>超过|突破|迈上|跨过|过){_BAR}")
_JOIN = re.compile(r"[、和及与]")
_CHEAP = re.compile(r"[千万百\d]亿元?级?(?:城市|县市|县区|市|县|区)|均(?:超过|突破|迈上|跨过|过)")


def has_place_bar(text: str) -> bool:
    """A cheap test first: does `text` name a class of places by an amount, or a bar several places share?"""
    return _CHEAP.search(text) is not None


def read_place_bars(text: str, ctx: ArticleContext, period_at: PeriodAt) -> list[tuple[int, int, list[Listed]]]:
    """The bars places are named over in `text`, as (start, end, facts) spans."""
    out: list[tuple[int, int, list[Listed]]] = []
    placed = ctx.places(text, (0, len(text)))
    for _at, _region, named in placed:
        end = _at + len(named)
        m = _CLASS.match(text, end) or _SHARED.match(text, end)  # right after the last place of the members
        if m is None:
            continue
        members = _members_before(text, end, placed)
        if not members or not _count_agrees(m.group("count"), len(members)):
            continue
        metric = _PRODUCT if m.re is _CLASS else _named_metric(m.group("words"))
        value, unit = _bar_value(m)
        if metric is None or value is None:
            continue
        period = period_at(m.start("bar"))
        if period.kind == "span":  # 这五年…新增甲、乙2个过3000亿元城市: over the bar at the span's end
            period = Period("year", period.year, 1, 12)
        # the class's count stays to be read (新增甲、乙2个千亿县: the whole's 千亿县, 2); a shared bar is theirs
        last = end if m.re is _CLASS else m.end()
        out.append((members[0][0], last, [
            Listed(m.start("bar"), region, surface, metric, metric, value, _plain(value), unit, period,
                   qualifiers=["超过"]) for _at, region, surface in members]))
    return out


def _members_before(text: str, end: int, placed: list[_Placed]) -> list[_Placed]:
    """The places written right before `end`, joined by 、/和 (甲、乙和丙), the last touching `end`."""
    members: list[_Placed] = []
    cursor = end
    for at, region, surface in reversed(placed):
        stop = at + len(surface)
        if stop > cursor:
            continue
        gap = text[stop:cursor]
        if members and not _JOIN.fullmatch(gap):
            break
        if not members and gap:
            break
        members.insert(0, (at, region, surface))
        cursor = at
    if members and members[0][0] > 0 and text[members[0][0] - 1] in "、和及与":
        return []  # the run goes on past a name the gazetteer does not know: the list is not whole
    return members


def _count_agrees(count: str | None, n: int) -> bool:
    if count is None:
        return True
    number = int(count) if count.isdigit() else {**_DIGITS, "十": 10}.get(count)
    return number == n


def _named_metric(words: str) -> str | None:
    """The indicator of …两市地区生产总值均超过…: a catalogue metric, or none at all (the product then)."""
    if not words:
        return _PRODUCT
    name = metric_name(words)
    return name if name in metrics() else None


def _bar_value(m: re.Match[str]) -> tuple[Decimal | None, str]:
    """(value, unit) of the bar as written: 3000亿元 → 3000 亿元, 千亿 → 1000 亿元, 两万亿 → 2 万亿元."""
    num, mag = m.group("num"), m.group("mag")
    unit = f"{mag}元"
    if num is None:
        return Decimal(1), unit
    if num[0].isdigit():
        return Decimal(num), unit
    if num in _DIGITS:
        return Decimal(_DIGITS[num]), unit
    scale = {"千": 1000, "百": 100}[num[-1]]
    lead = _DIGITS.get(num[0], 1) if len(num) == 2 else 1
    return Decimal(lead * scale), unit


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
