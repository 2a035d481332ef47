"""Chinese numerals read with cn2an: 一百二十 → 120, 第三 → 3, 上千家 → at least 1000, 四分之一 → 25%.

Every function returns None for text that is not the number it reads, so a regex that over-matches
(七八个, 第十十) never stops an article from parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# 两 is the colloquial 二 before a unit (两千, 两万) or on its own; cn2an's strict mode only knows 二.
_LIANG_RE = re.compile(r"两(?=[十百千万亿]|$)")
_ORDINAL_RE = re.compile(r"第\s*(\d+|[零一二两三四五六七八九十百千]+)")
_ROUND_RE = re.compile(r"(?P<qualifier>上|近|数|超|逾)(?P<unit>[十百千万亿]+)")
_DIGITS = "零一二两三四五六七八九十百千万"
_FRACTION_RE = re.compile(rf"(?P<whole>[{_DIGITS}]+)分之(?P<part>[{_DIGITS}点]+)")


@dataclass(frozen=True, slots=True)
class RoundNumber:
    """A round number used as a bound or estimate: 上千家 is RoundNumber(1000, "上")."""

    value: int
    qualifier: str  # 上 / 超 / 逾: at least; 近: nearly; 数: several times the unit


@lru_cache(maxsize=1024)
def cn_int(token: str) -> int | None:
    """A whole number written in Arabic or Chinese digits: '120', '一百二十', '十一', '两' → 120, 120, 11, 2.

    Sequences that are not one number (七八 'seven or eight', 十十) give None.
    """
    token = token.strip()
    if not token:
        return None
    if token.isdigit():
        try:
            return int(token)
        except ValueError:  # superscripts and other digit-like characters int() refuses
            return None
    value = _cn2an(_LIANG_RE.sub("二", token))
    if value is None or value != int(value):
        return None
    return int(value)


def to_int(token: str) -> int | None:
    """The former name of `cn_int`, kept for callers that still import it."""
    return cn_int(token)


def ordinal(text: str) -> int | None:
    """The position an ordinal names: '第三' → 3, '第12' → 12; None when `text` is not an ordinal."""
    m = _ORDINAL_RE.fullmatch(text.strip())
    return cn_int(m[1]) if m else None


def round_number(text: str) -> RoundNumber | None:
    """A round number with its qualifier: '上千家' → (1000, 上), '近万' → (10000, 近), '数百' → (100, 数)."""
    m = _ROUND_RE.match(text.strip())
    if m is None:
        return None
    value = cn_int("一" + m["unit"])
    return RoundNumber(value, m["qualifier"]) if value is not None else None


def fraction_percent(text: str) -> float | None:
    """A fraction as a percentage: '四分之一' → 25.0, '百分之三点五' → 3.5, '三分之二' → 66.67 (2 decimals)."""
    m = _FRACTION_RE.fullmatch(text.strip())
    if m is None:
        return None
    # 百分之二十 says 百 for 一百
    whole = cn_int("一" + m["whole"] if m["whole"] in ("百", "千", "万") else m["whole"])
    part = _cn2an(_LIANG_RE.sub("二", m["part"]))
    if not whole or part is None:
        return None
    return round(100 * part / whole, 2)


def _cn2an(token: str) -> float | None:
    import cn2an  # here: importing it takes 0.1-0.2 s, and most numbers are read without it

    try:
        return float(cn2an.cn2an(token, "strict"))
    except ValueError:
        return None
