"""An article's header lines (title, date, publisher, author, dateline) read as metadata, not as text.

The labels are data (knowledge/data/header.toml); a place named in a byline or a dateline is never a subject.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources


@dataclass(slots=True)
class HeaderMeta:
    """What the header lines said."""

    title: str | None = None
    publisher: str | None = None
    date_label: date | None = None
    credits: list[str] = field(default_factory=list)
    venue: str | None = None  # where a report was given (某市第十八届人民代表大会第三次会议): whose report it is
    dateline: str | None = None  # an outlet's dateline cut from the first words (中新网义乌7月26日电)


@lru_cache(maxsize=1)
def header_words() -> dict[str, tuple[str, ...]]:
    raw = tomllib.loads(resources.files("knowledge.data").joinpath("header.toml").read_text("utf-8"))
    return {name: tuple(sorted(words, key=len, reverse=True)) for name, words in raw.items()}


def _alt(*classes: str) -> str:
    words = sorted({w for c in classes for w in header_words()[c]}, key=len, reverse=True)
    return "|".join(map(re.escape, words))


_YMD = (r"(?P<y>(?:19|20)\d\d)\s*(?:[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})"
        r"|年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日?)")
_TIME = r"(?:\s*\d{1,2}[::]\d{2}(?:[::]\d{2})?)?"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_RFC = re.compile(r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s*)?(?P<rd>\d{1,2})\s+(?P<rm>[A-Z][a-z]{2})[a-z]*\s+"
                  r"(?P<ry>(?:19|20)\d\d)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:GMT|UTC|[+-]\d{4}))?$")
_DATE_AT = re.compile(_YMD + _TIME)
# (2020年3月23日) or ——2020年1月9日在…会议上: the day a report was given
_SPEECH_DATE = re.compile(rf"^[((\[【]?\s*[—\-]*\s*{_YMD}{_TIME}\s*(?:在(?P<venue>[^。]{{0,60}}?)上)?\s*[))\]】]?$")
# ——在某市第十八届人民代表大会第三次会议上: where a report was given, its day on another line
_VENUE_LINE = re.compile(r"^[((]?\s*[—\-]*\s*在(?P<venue>[^。,,]{2,60}?(?:代表大会|会议)[^。,,]{0,20}?)上\s*[))]?$")
# 某某晚报 2021-01-19 05:12, 2021-03-01 09:00 某某新闻网: an outlet's name and the day, the line holding
# nothing else; 2020年8月5日 星期三, 2023-06-12 15:30 发布于山东: the day with its weekday or the poster's place
_OUTLET = rf"[\u4e00-\u9fff·]{{0,10}}(?:{_alt('outlet_suffixes')})"
_OUTLET_DATE = re.compile(rf"^(?P<outlet>{_OUTLET})\s+{_YMD}{_TIME}\s*$")
_DATE_OUTLET = re.compile(rf"^{_YMD}{_TIME}\s+(?:(?P<outlet>{_OUTLET})|(?:星期|周)[一二三四五六日天]"
                          rf"|发布于[\u4e00-\u9fff]{{2,8}})\s*$")
_TRAILING_DATE = re.compile(rf"(?<=\s){_YMD}{_TIME}\s*$")
_LABEL = re.compile(rf"(?P<label>{_alt('date_labels', 'source_labels', 'title_labels', 'other_labels')})"
                    r"\s*(?P<colon>[::])?\s*")
_BULLET = re.compile(r"^[•·●■◆▲\-*\s]+")
_SEPARATORS = " \t|丨/"
# 《某某周刊》记者 张三 | 北京报道: who wrote it and where from, not what it says
_REPORTER = re.compile(r"^[^。,;]{0,24}?(?:记者|通讯员|作者)\s*[\u4e00-\u9fff]{2,4}(?:[ 、,]+[\u4e00-\u9fff]{2,4})*"
                       r"\s*(?:[|丨/]\s*[\u4e00-\u9fff]{2,8}报道)?$")
_CAPTION = re.compile(rf"^(?:[((][^()()]{{0,20}}(?:{_alt('caption_words')})[^()()]{{0,20}}[))]"
                      rf"|(?:{_alt('caption_prefixes')}).{{0,40}}"
                      rf"|[^,。;:!?,;:]{{2,16}}(?<!拍)(?:{_alt('caption_suffixes')}))$")
# 中新网杭州5月3日电(李四) / 央广网青岛3月9日消息(记者王五): the outlet's dateline before the first sentence
_DATELINE = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,20}?\d{1,2}月\d{1,2}日(?:电|讯|消息)(?=[\s((]|题)"
                       r"\s*(?:[((][^()()]{0,30}[))])?\s*")
_MAX_TITLE = 60


# /2021-01-27/, /2023/0811/, /2019/4/24/, t20211224_…, content_20151207: the day a page was filed under (a
# month alone, /201808/, names no day: it is left out, as a wrong day would date 目前 wrongly)
_URL_DAYS = (re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_]?(?P<m>0[1-9]|1[0-2])[-_]?(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
             re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/](?P<m>0?[1-9]|1[0-2])/?(?P<d>0?[1-9]|[12]\d|3[01])/"))


def date_in_url(url: str | None) -> date | None:
    """The day a page's address names (news sites file pages under it), or None."""
    if not url:
        return None
    path = re.sub(r"^(?:[a-z]+://)?[^/]+", "", url)  # a host name's digits are no date
    for pattern in _URL_DAYS:
        for m in pattern.finditer(path):
            if (day := _safe(int(m.group("y")), int(m.group("m")), int(m.group("d")))) is not None:
                return day
    return None


_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'“”,,。()]+", re.IGNORECASE)


def caption_metadata(caption: str | None) -> tuple[date | None, str | None]:
    """(publication day, address) that an uploader wrote beside a file (2019-10-28, 2019年10月28日, a URL).

    The day is read from the text without the address, whose digits are a path's, not a date the uploader gave.
    """
    if not caption:
        return None, None
    m_url = _URL_IN_TEXT.search(caption)
    url = re.sub(r"[.)]+$", "", m_url.group(0)) if m_url else None  # a sentence's full stop or bracket
    rest = _URL_IN_TEXT.sub(" ", caption)
    day = next((d for m in _DATE_AT.finditer(rest) if (d := _ymd(m)) is not None), None)
    return day, url


def is_caption(line: str) -> bool:
    """(资料图片), 图源…: a picture's caption, neither title nor text."""
    return bool(_CAPTION.match(line.strip()))


def strip_dateline(line: str) -> str:
    """The line without an outlet's dateline at its start (中新网杭州5月3日电(李四)…)."""
    return _DATELINE.sub("", line, count=1)


def read_header_line(line: str, meta: HeaderMeta) -> bool:
    """True when `line` (Simplified) is a header line; what it says goes into `meta`."""
    s = _BULLET.sub("", line).strip()
    if not s:
        return False
    if m := _SPEECH_DATE.match(s):
        _set_date(meta, _ymd(m))
        meta.venue = meta.venue or m.group("venue")
        return True
    if m := _VENUE_LINE.match(s):
        meta.venue = meta.venue or m.group("venue")
        return True
    if m := _RFC.match(s):
        _set_date(meta, _rfc(m))
        return True
    if m := _OUTLET_DATE.match(s) or _DATE_OUTLET.match(s):
        meta.publisher = meta.publisher or m.group("outlet")
        _set_date(meta, _ymd(m))
        return True
    start = _metadata_start(s)
    if start is None:
        return bool(_REPORTER.match(s)) and "。" not in s
    prefix = s[:start].strip(_SEPARATORS)
    if "。" in prefix or len(prefix) > _MAX_TITLE:
        return False  # a sentence that happens to contain 时间:, not a header line
    if prefix and meta.title is None and len(prefix) >= 4:
        meta.title = prefix  # 荣成市…开门红 发布日期:2019-04-24 …: the title shares the line with its date
    _read_fields(s[start:], meta)
    return True


def _metadata_start(s: str) -> int | None:
    """Where the metadata of a line starts: a date opening the line, a label opening it, or a label: value."""
    if m := _DATE_AT.match(s):
        rest = s[m.end():].lstrip(_SEPARATORS)
        label = _LABEL.match(rest)
        if not rest or label:
            return 0
        return None  # 2023年1月5日,全市召开…: a sentence that opens with a day
    first = _LABEL.match(s)
    if first and (first.group("colon") or _followed_by_space(s, first)):
        return 0
    for m in _LABEL.finditer(s):
        if m.group("colon") and m.start() > 0:
            return m.start()
    return None


def _followed_by_space(s: str, m: re.Match[str]) -> bool:
    return m.end() > m.end("label") and m.end() < len(s)


def _read_fields(text: str, meta: HeaderMeta) -> None:
    if m := _DATE_AT.match(text):
        _set_date(meta, _ymd(m))
    labels = [m for m in _LABEL.finditer(text) if m.group("colon") or m.start() == 0
              or text[m.start() - 1] in _SEPARATORS]
    words = header_words()
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        value = text[m.end():end].strip(_SEPARATORS)
        label = m.group("label")
        if label in words["date_labels"]:
            if d := _DATE_AT.search(value):
                _set_date(meta, _ymd(d))
        elif label in words["source_labels"] and value:
            meta.publisher = meta.publisher or value.split()[0]
            if (day := _TRAILING_DATE.search(value)) and day.start() > 0:
                _set_date(meta, _ymd(day))  # 来源:某某日报 2024-10-25: the outlet, then its day
        elif label in words["title_labels"] and value:
            meta.title = meta.title or value


def _set_date(meta: HeaderMeta, day: date | None) -> None:
    if meta.date_label is None and day is not None:
        meta.date_label = day


def _ymd(m: re.Match[str]) -> date | None:
    month, day = m.group("m") or m.group("m2"), m.group("d") or m.group("d2")
    return _safe(int(m.group("y")), int(month), int(day))


def _rfc(m: re.Match[str]) -> date | None:
    name = m.group("rm").lower()
    if name not in _MONTHS:
        return None
    return _safe(int(m.group("ry")), _MONTHS.index(name) + 1, int(m.group("rd")))


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
