"""What a statistical table's header cells mean (knowledge/data/tables.toml), and the small readers of cells
that every table layout shares."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from knowledge.extract.metrics import UNITS, canonical_metric
from knowledge.extract.periods import find_periods

ColumnKind = Literal["value", "growth", "share", "unit", "label", "ignored", "measure", "unknown"]
_KINDS: tuple[ColumnKind, ...] = ("growth", "share", "value", "unit", "label", "ignored")


@dataclass(frozen=True, slots=True)
class Column:
    """What one column of a table holds, as its header says."""

    kind: ColumnKind
    name: str  # the header without spaces and brackets
    unit: str | None = None  # from the header's brackets: 绝对数(亿元)
    points: bool = False  # a growth column in percentage points
    year_end: bool = False  # 年末数: a stock at the end of the year
    year: int | None = None  # a value column headed by its own year: 2022年 | 2023年
    back: int = 0  # a value column of the year before the table's: 上年同期
    months: tuple[int, int] | None = None  # a value column of the months from January: 1-6月, 前三季度
    last_month: bool = False  # 本月: a value column of the last month of the table's span of months


@dataclass(slots=True)
class Table:
    """A table: its caption line, the unit of a 单位:… line, its value columns and its rows."""

    caption: str
    unit: str | None
    columns: list[Column]
    rows: list[tuple[str, list[str]]]  # (label, one cell per column)
    label: str = ""  # the header over the labels (指标, 产品名称, 地区), when there is one


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """knowledge/data/tables.toml, read once."""
    return tomllib.loads(resources.files("knowledge.data").joinpath("tables.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def known_units() -> frozenset[str]:
    return frozenset(UNITS) | frozenset(vocabulary()["units"])


_SPACE = re.compile(r"[\s\u3000]+")
_BRACKET = re.compile(r"[((]([^))]*)[))]|\[[^\]]*\]|【[^】]*】")
_WITH_UNIT = re.compile(r"([-−]?[\d,]+(?:\.\d+)?)(\D+)")
_NUMBER = re.compile(r"[-−]?\d+(?:\.\d+)?")
_NO_VALUE = frozenset({"-", "--", "—", "——", "…", "……", "...", "/", "—-", "-—"})
_LEADING_YEAR = re.compile(r"((?:19|20)\d\d)年")
_YEAR_HEADER = re.compile(r"((?:19|20)\d\d)年?(末|底)?(?:数|值)?")
_UNIT_LINE = re.compile(r"^单位[::](?P<unit>.+)$")
_CAPTION_UNIT = re.compile(r"[((]单位[::]([^))]+)[))]")
_UNIT_SPLIT = re.compile(r"[、,,;;]")
_CAPTION_UNIT_TAIL = re.compile(r"(?<=\S)\s*单位[::]\s*([^\s()()]+)\s*$")  # 主要指标    单位:亿元
_LABEL_PUNCT = re.compile(r"[()()、,,]")  # 县(市、区) names the same column as 县市区


def is_number(cell: str) -> bool:
    return _NUMBER.fullmatch(cell.replace(",", "").rstrip("%")) is not None


def is_value_cell(cell: str) -> bool:
    return is_number(cell) or cell in _NO_VALUE


def split_unit(cell: str) -> tuple[str, str | None]:
    """A figure written with its unit in the cell: 6105.1亿元 → (6105.1, 亿元); else the cell and None."""
    m = _WITH_UNIT.fullmatch(squeeze(cell))
    if m is None or m.group(2) not in known_units() or m.group(2) in vocabulary()["cell_units_not_figures"]:
        return cell, None
    return m.group(1), m.group(2)


def squeeze(cell: str) -> str:
    return _SPACE.sub("", cell)


def column_of(cell: str) -> Column | None:
    """The meaning of a header cell; None when the vocabulary does not know it."""
    text = squeeze(cell)
    columns = vocabulary()["columns"]
    if (plain := _LABEL_PUNCT.sub("", text)) in columns["label"]:
        return Column("label", plain)
    brackets = _BRACKET.findall(text)
    units = [b for b in brackets if b in known_units()]
    name = _BRACKET.sub("", text)
    if name.endswith("%"):
        name, units = name[:-1], ["%", *units]
    if not name:
        return None
    year_end = name.startswith(tuple(vocabulary()["caption"]["year_end"]))
    if (dated := _YEAR_HEADER.fullmatch(name)) is not None:
        return Column("value", name, units[0] if units else None, year=int(dated.group(1)),
                      year_end=bool(dated.group(2)))
    if (months := _months_header(name)) is not None:
        return Column("value", name, units[0] if units else None, months=months)
    if (lead := _LEADING_YEAR.match(name)) is not None and lead.end() < len(name):
        return _of_year(int(lead.group(1)), name, text[lead.end() :])
    if name in columns["last_month"]:
        return Column("value", name, units[0] if units else None, last_month=True)
    if name in columns["previous"]:
        return Column("value", name, units[0] if units else None, year_end=name.endswith(("末", "底")), back=1)
    for kind in _KINDS:
        if name in columns[kind]:
            if kind == "growth" and any(u not in ("%", "个百分点", "百分点") for u in units):
                return Column("ignored", name)  # 比上年增减(亿元): a change in the row's unit, no rate
            points = kind == "growth" and any("百分点" in b for b in (name, *brackets))
            unit = "%" if kind in ("growth", "share") else (units[0] if units else None)
            return Column(kind, name, unit, points, year_end)
    if name in columns["measures"] or canonical_metric(name):
        return Column("measure", name, units[0] if units else None)
    return None


def _of_year(year: int, name: str, rest: str) -> Column | None:
    """2023年绝对数, 2023年1-9月, 2023年增长(%): a header of a value or a growth, dated by the year before it."""
    column = column_of(rest)
    if column is None or column.kind not in ("value", "growth") or column.year is not None or column.back:
        return None
    return replace(column, name=name, year=year)


def _months_header(name: str) -> tuple[int, int] | None:
    """1-6月, 1-6月累计, 前三季度, 上半年 → (1, 6), (1, 9)…: a header that is a span of months from January."""
    found = find_periods(name, published=None, default_year=2000)
    if len(found) != 1 or found[0].explicit_year or found[0].start != 0:
        return None
    period, rest = found[0].period, name[found[0].end :]
    if period.start != 1 or period.end is None or period.end == 12 or rest not in vocabulary()["columns"]["span_ends"]:
        return None
    return period.start, period.end


def year_of(label: str) -> int | None:
    """The year a row label or a header is (2022年, 2022), else None."""
    found = _YEAR_HEADER.fullmatch(squeeze(label))
    return int(found.group(1)) if found and not found.group(2) else None


def label_unit(label: str) -> tuple[str, str | None]:
    """A row label without the unit it gives in brackets: 地区生产总值(亿元) → (地区生产总值, 亿元)."""
    text = squeeze(label)
    units = [b for b in _BRACKET.findall(text) if b in known_units()]
    return (_BRACKET.sub("", text), units[0]) if units else (text, None)


def unit_line(cell: str) -> str | None:
    """The unit of a 单位:亿元 line (the first, when it names several: 单位:万元、%)."""
    m = _UNIT_LINE.match(squeeze(cell))
    return _UNIT_SPLIT.split(m.group("unit"))[0] if m else None


def caption_unit(caption: str) -> str | None:
    """The unit a caption gives in brackets, 主要指标(单位:亿元), or after it, 主要指标  单位:亿元."""
    m = _CAPTION_UNIT.search(squeeze(caption)) or _CAPTION_UNIT_TAIL.search(caption)
    return _UNIT_SPLIT.split(m.group(1))[0] if m else None


def without_unit(caption: str) -> str:
    """The caption without the 单位:… it ends with."""
    return _CAPTION_UNIT_TAIL.sub("", caption).rstrip()
