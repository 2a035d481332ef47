"""The metric vocabulary (knowledge/data/metrics.toml) and the units figures are given in.

`canonical_metric("规模以上工业增加值")` gives 规上工业增加值; a phrase that is not in the vocabulary keeps
its own words as the metric name, so new articles still yield facts. The spellings that name one indicator
(限额以上 and 限上, 零售总额 and 零售额, 本外币各项存款余额 and 存款余额) are rules in knowledge/data/metric_forms.toml,
so the catalogue lists each name once.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

UNITS = (
    "亿美元", "万美元", "亿元", "万元", "千元", "元", "个百分点", "%", "万吨", "吨", "万千瓦", "千瓦", "万亩", "亩",
    "万平方米", "平方米", "平方公里", "公里", "万人次", "万人", "人次", "人", "万户", "户", "家", "个", "项", "座",
    "处", "条", "所", "天", "台套", "台", "辆", "枚", "件", "套", "栋", "班", "立方米", "万立方米", "千公顷",
    "类", "次", "席", "位", "名", "场", "批", "款", "种",
)
# the units as one regex alternation, longest first (亿元 before 元)
UNIT_ALTERNATION = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
# a figure written with its unit, and perhaps a word of approximation before it (约, 近, 超过, 超, 逾)
AMOUNT = rf"(?P<pre>约|近|超过|超|逾)?(?P<num>\d+(?:\.\d+)?)(?P<unit>(?:万|亿)?(?:{UNIT_ALTERNATION}))"
# 超3000亿元, 逾120家: the word before a figure as the qualifier it is stored with (约 and 近 as written)
PRE_QUALIFIERS = {"超": "超过", "逾": "超过"}


def pre_qualifier(word: str) -> str:
    return PRE_QUALIFIERS.get(word, word)


_PUNCT_STRIP = "“”‘’\"'()()[]【】《》、,,:;。 "


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    synonyms: tuple[str, ...]
    unit: str | None = None  # the unit the indicator is usually given in


@lru_cache(maxsize=1)
def metrics() -> dict[str, Metric]:
    """Canonical name → Metric."""
    raw = tomllib.loads(resources.files("knowledge.data").joinpath("metrics.toml").read_text("utf-8"))
    return {
        name: Metric(name, tuple(spec.get("synonyms", [])), spec.get("unit")) for name, spec in raw.items()
    }


@lru_cache(maxsize=1)
def _surface_map() -> dict[str, str]:
    table: dict[str, str] = {}
    for metric in metrics().values():
        table[_key(metric.name)] = metric.name
        for syn in metric.synonyms:
            table.setdefault(_key(syn), metric.name)
    return table


_KEY_DROP = re.compile(r"[“”‘’\"'()()的\s]")
_QUOTES = re.compile(r"[“”‘’\"]")


_Pairs = tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def _forms() -> tuple[_Pairs, _Pairs, _Pairs]:
    """(words that are the same inside a name, endings that are the same, the short forms open names are written
    with) from metric_forms.toml."""
    raw = tomllib.loads(resources.files("knowledge.data").joinpath("metric_forms.toml").read_text("utf-8"))
    def pairs(table: str) -> _Pairs:
        return tuple((a, b) for a, b in raw[table])

    return pairs("same_words"), pairs("same_endings"), pairs("short_forms")


@lru_cache(maxsize=16384)
def _key(phrase: str) -> str:
    # 规模以上 and 规上 are one word, and so on: the catalogue lists each name once
    key = _KEY_DROP.sub("", phrase).lower()
    for written, same in _forms()[0]:
        key = key.replace(written, same)
    return key


def short_form(name: str) -> str:
    """规模以上服务业企业数 → 规上服务业企业数: an open name written with the short forms of statistical writing."""
    for written, short in _forms()[2]:
        name = name.replace(written, short)
    return name


def _known(key: str, table: dict[str, str]) -> str | None:
    """The catalogue name of a key as written, or with one ending written the other way (零售额, 零售总额)."""
    if key in table:
        return table[key]
    for ending, same in _forms()[1]:
        if key.endswith(ending) and len(key) - len(ending) >= 2:
            other = key[: len(key) - len(ending)] + same
            if other in table:
                return table[other]
    return None


def surfaces() -> list[str]:
    """Every canonical name and synonym, for the jieba user dictionary and question matching."""
    out: list[str] = []
    for metric in metrics().values():
        out.append(metric.name)
        out.extend(metric.synonyms)
    return out


@lru_cache(maxsize=8192)
def canonical_metric(phrase: str) -> str | None:
    """The canonical name when `phrase` is a known metric (allowing a leading 全市/全年-style modifier)."""
    key = _key(phrase)
    table = _surface_map()
    if (known := _known(key, table)) is not None:
        return known
    for prefix in ("全市", "全县", "全区", "全省", "全年", "年内", "实现", "完成"):
        if key.startswith(prefix) and (known := _known(key[len(prefix) :], table)) is not None:
            return known
    return None


def clean_phrase(phrase: str) -> str:
    """Trim punctuation and quotes around a metric phrase and drop inner quotes."""
    phrase = phrase.strip(_PUNCT_STRIP)
    return _QUOTES.sub("", phrase)


# What may stand around a catalogue name inside a phrase without changing what it names: predicates and
# modifiers of the clause (预计地区生产总值迈上…), never a share (占…比重) or a narrower kind (民间固定资产投资).
_AROUND_LEFT = re.compile(r"(?:^|预计|累计|实现|完成|全年|年内|其中|全部|总量|全市|全县|全区|全省)$")
_NOT_SAME = re.compile(r"占|比重|比例|率|人均|平均|每|增速|增幅|增量|净|同期|以上|以下|中")


@lru_cache(maxsize=8192)
def metric_in_phrase(phrase: str) -> str | None:
    """The catalogue metric a longer phrase names: 预计地区生产总值迈上 → 地区生产总值; None when the extra
    words change what is measured (第一产业占地区生产总值比重, 民间固定资产投资)."""
    key = _key(phrase)
    best: tuple[int, str] | None = None
    for surface, name in _surface_map().items():
        at = key.find(surface)
        if at < 0 or len(surface) < 2 or (best and len(surface) <= best[0]):
            continue
        left, right = key[:at], key[at + len(surface) :]
        if _AROUND_LEFT.search(left) and len(right) <= 2 and not _NOT_SAME.search(left + right):
            best = (len(surface), name)
    return best[1] if best else None
