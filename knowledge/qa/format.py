"""The one formatter for figures: answers, digests and upload summaries all print a fact the same way."""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from knowledge.extract.periods import parse_label


class Figure(Protocol):
    """What a printable figure has: an index record, a stored fact row or a freshly extracted fact."""

    @property
    def metric(self) -> str: ...
    @property
    def value_text(self) -> str | None: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def qualifier(self) -> str | None: ...
    @property
    def growth(self) -> Decimal | float | None: ...
    @property
    def growth_pp(self) -> Decimal | float | None: ...
    @property
    def period_label(self) -> str: ...


def plain_number(value: Decimal | float | None) -> str | None:
    """4.0 → "4", 6.8 → "6.8": figures as an article would write them."""
    if value is None:
        return None
    return format(Decimal(repr(value) if isinstance(value, float) else value).normalize(), "f")


def growth_text(f: Figure) -> str:
    """同比增长6.8%, 同比下降2.1%, 同比提高1.5个百分点, 年均增长4.7% over 2021-2025: the sign is a word, never a
    minus after 增长."""
    parts = []
    # over several years (2021-2025) the growth stored is the yearly average the text gives, no 同比 of one year
    basis = "年均" if parse_label(f.period_label).kind == "span" else "同比"
    if (growth := f.growth) is not None:
        word = "增长" if growth >= 0 else "下降"
        parts.append(f"{basis}{word}{plain_number(-growth if growth < 0 else growth)}%")
    if (points := f.growth_pp) is not None:
        word = "提高" if points >= 0 else "下降"
        parts.append(f"{basis}{word}{plain_number(-points if points < 0 else points)}个百分点")
    return ",".join(parts)


def fact_line(f: Figure, region_name: str | None = None) -> str:
    """临清市 2022年上半年 地区生产总值 140.08亿元,同比增长4%; without a region, from the period on."""
    period = parse_label(f.period_label).describe()
    parts = [f"{region_name} {period} {f.metric}" if region_name else f"{period} {f.metric}"]
    if f.value_text is not None:
        qual = f"({f.qualifier})" if f.qualifier else ""
        parts.append(f" {f.value_text}{f.unit or ''}{qual}")
    growth = growth_text(f)
    if growth:
        parts.append(("," if f.value_text else " ") + growth)
    if f.value_text is None and f.qualifier:
        parts.append(f"({f.qualifier})")
    return "".join(parts)


def short_fact(f: Figure) -> str:
    """2021年 120亿元,同比增长3%: a figure of another period, in one breath."""
    value = f"{f.value_text}{f.unit or ''}" if f.value_text else ""
    growth = growth_text(f)
    return f"{parse_label(f.period_label).describe()} {value}{',' if value and growth else ''}{growth}".strip()


def source_suffix(publisher: object, published: object) -> str:
    """(大众日报,2022-07-28): who published the source and when, where known."""
    bits = [str(b) for b in (publisher, published) if b]
    return f"({','.join(bits)})" if bits else ""
