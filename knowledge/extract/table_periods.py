"""The periods of a table's columns: a span of months heading a value column (1-9月), a column of its own
year (2022年, 2023年1-9月), of the year before (上年同期) or of the span's last month (本月)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from knowledge.extract.periods import Period, find_periods
from knowledge.extract.table_columns import Column, Table


def months_column(table: Table, year: int) -> Period | None:
    """The span of months the table's value columns are headed by (1-9月), when they name one only."""
    spans = {c.name: c.months for c in table.columns if c.months is not None and c.year is None}
    if len(set(spans.values())) != 1:
        return None
    found = find_periods(next(iter(spans)), published=None, default_year=year)
    return found[0].period if len(found) == 1 else None


def in_period(column: Column, period: Period) -> bool:
    """A column headed by a span of months (1-6月) holds the table's period only when that is the span, or
    the months to date of a table of one month (1-9月 under 2023年9月); one that names its year too
    (2023年1-9月) has a period of its own."""
    if column.months is None or column.year is not None:
        return True
    return _same_span(column, period) or _to_date(column, period)


def is_dated(column: Column, period: Period) -> bool:
    """Whether a value column has a period other than the table's."""
    return column.kind == "value" and (column.year is not None or column.back > 0 or column.last_month or (
        column.months is not None and _to_date(column, period)))


def _same_span(column: Column, period: Period) -> bool:
    return period.kind != "year" and period.year is not None and (period.start, period.end) == column.months


def _to_date(column: Column, period: Period) -> bool:
    return period.kind == "month" and period.year is not None and column.months == (1, period.end)


def column_period(setting: Period, column: Column) -> Period | None:
    """The period of a column with a date of its own: 2022年 under a 2023 table, 上年同期 under 2023H1, or 本月
    under 1-9月 (September)."""
    if column.months is not None and (column.year is not None or _to_date(column, setting)):
        year = column.year if column.year is not None else setting.year  # 2023年1-9月, or 1-9月 under 9月
        found = find_periods(column.name, published=None, default_year=year)
        return found[0].period if len(found) == 1 and found[0].period.year == year else None
    if column.last_month:
        if setting.kind in ("months", "quarters", "half") and setting.year and setting.start == 1 and setting.end:
            return Period("month", setting.year, setting.end, setting.end)
        return setting if setting.kind == "month" else None
    year = column.year if column.year is not None else (setting.year - column.back if setting.year else None)
    if year is None:
        return None
    if column.year_end or setting.kind == "asof":
        return Period("asof", year, asof=date(year, 12, 31)) if column.year_end or (
            setting.asof and (setting.asof.month, setting.asof.day) == (12, 31)) else None
    if setting.kind in ("undated", "target"):
        return Period("year", year, 1, 12) if column.year is not None else None
    return replace(setting, year=year)
