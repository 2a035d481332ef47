"""Structured figure forms inside a sentence: share ratios (三次产业结构为a:b:c), 分别 lists pairing names with
values in order, and multiples (增长N倍). Word lists live in knowledge/data/lists.toml."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Any

from knowledge.extract.clauses import FILL, mask_spans
from knowledge.extract.context import ArticleContext
from knowledge.extract.entities import MASK
from knowledge.extract.metrics import UNITS, canonical_metric, clean_phrase, metric_in_phrase
from knowledge.extract.nounphrase import noun_phrase_in
from knowledge.extract.periods import Period
from knowledge.extract.vocab import word_classes
from knowledge.places.gazetteer import Region

PeriodAt = Callable[[int], Period]


@dataclass(slots=True)
class Listed:
    """One figure read from a structured form; `at` is the value's offset in the sentence."""

    at: int
    region: Region
    region_surface: str
    metric: str
    metric_surface: str
    value: Decimal | None
    value_text: str | None
    unit: str | None
    period: Period
    growth: Decimal | None = None
    growth_pp: Decimal | None = None
    qualifiers: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return tomllib.loads(resources.files("knowledge.data").joinpath("lists.toml").read_text("utf-8"))


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


_D = _data()
_W = word_classes()
_NUM = r"\d+(?:\.\d+)?"
_UNIT_ALT = _alt([*UNITS, _D["fold"]["unit"]])
_VALUE = re.compile(
    rf"(?<![\d.第])(?P<pre>约|近|超过|超|逾)?(?P<num>{_NUM})(?P<approx>余|多)?"
    rf"(?P<unit>(?:万|亿)?(?:{_UNIT_ALT}))?(?P<post>左右|以上)?(?![\d.年月日])"
)
_SEPARATORS = "".join(_D["list"]["separators"]) + "".join(_D["list"]["conjunctions"])
_CONJ = re.compile(_alt(_D["list"]["conjunctions"]))
_CLAUSE_MARK = re.compile(r"[,;。:!?]")
# A cheap test first: most sentences hold no list, no ratio and no multiple.
_CANDIDATE = re.compile(rf"\d[^\d,;。]{{0,8}}[{_SEPARATORS}]\s*\d|\d\s*[:∶]\s*\d|\d{re.escape(_D['fold']['unit'])}")

_RATIO_VALUES = rf"{_NUM}(?:\s*[:∶]\s*{_NUM}){{1,5}}"
_RATIO = re.compile(
    rf"(?P<name>{_alt(_D['ratio']['names'])})(?P<mid>(?:[^\d,;。]|\d{{4}}年){{0,12}}?)(?P<a>{_RATIO_VALUES})"
    rf"(?:(?P<link>{_alt(_D['ratio']['links'])})(?P<mid2>(?:[^\d,;。]|\d{{4}}年){{0,8}}?)(?P<b>{_RATIO_VALUES}))?"
)
_ENUMERATED_RATIO = re.compile(
    rf"(?P<names>[\u4e00-\u9fff]{{1,8}}(?:、[\u4e00-\u9fff]{{1,8}})+)(?P<tail>[\u4e00-\u9fff]{{0,6}}?)"
    rf"(?:{_alt(_D['ratio']['enumerated_ends'])})(?P<a>{_RATIO_VALUES})"
)
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_LINK_ONLY = re.compile(rf"^(?:{_alt(_D['ratio']['links'])})?$")

_PEEL_WORDS = [*_D["list"]["adverbs"], *_W["predicates"], *_W["growth_up"], *_W["growth_down"],
               *_W["growth_links"], "以"]
_PEEL_END = re.compile(rf"(?:{_alt(_PEEL_WORDS)})$")
_PEEL_START = re.compile(rf"^(?:{_alt(_PEEL_WORDS)})")
_GROWTH_WORDS = frozenset(_W["growth_up"]) | frozenset(_W["growth_down"])
_DOWN_WORDS = frozenset(_W["growth_down"])
_LEAD = re.compile(rf"^(?:{_alt(_D['list']['lead_words'])})+")
_NOT_NAMES = re.compile("|".join(_D["list"]["not_names"]))
_MEASURE_END = tuple(_D["list"]["measure_ends"])
_INDUSTRY = frozenset(_D["list"]["industry_heads"])
_HEADS = sorted(_D["list"]["heads"], key=len, reverse=True)
_PLACE_GROUP = re.compile(rf"^(?:{_alt(_D['list']['place_groups'])})?的?")
_CAUSE = re.compile(_alt(_D["fold"]["cause_verbs"]))
_DIGIT = re.compile(r"\d")
_ORDINALS = "".join(_D["list"]["ordinals"])
_FOLD = re.compile(rf"(?P<verb>{_alt(_D['fold']['verbs'])})(?P<pre>近|约|超过)?(?P<num>{_NUM}){_D['fold']['unit']}")


def read_lists(text: str, ctx: ArticleContext, subject: tuple[Region, str] | None,
               period_at: PeriodAt) -> tuple[list[Listed], str]:
    """The figures of the structured forms in a sentence, and the sentence with their spans blanked out
    (offsets kept) so that the clause-by-clause reading does not read them again."""
    if not _CANDIDATE.search(text):
        return [], text
    chars = list(text)
    found: list[Listed] = []
    for start, end, made in (*_ratios(text, ctx, subject, period_at), *_lists(text, ctx, subject, period_at)):
        if any(c == FILL for c in chars[start:end]):
            continue  # already read as another form
        found.extend(made)
        chars[start:end] = FILL * (end - start)
    blanked = "".join(chars)
    for start, end, made in _folds(blanked, ctx, subject, period_at):
        found.extend(made)
        chars[start:end] = FILL * (end - start)
    return found, "".join(chars)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _clause_start(text: str, at: int) -> int:
    starts = [m.end() for m in _CLAUSE_MARK.finditer(text, 0, at)]
    return starts[-1] if starts else 0


def _subject(text: str, ctx: ArticleContext, at: int,
             subject: tuple[Region, str] | None) -> tuple[Region, str] | None:
    """The region the clause at `at` talks about: the last one named in a clause up to it, as read in order."""
    start = 0
    for mark in (*_CLAUSE_MARK.finditer(text, 0, at), None):
        end = mark.start() if mark else (m.start() if (m := _CLAUSE_MARK.search(text, at)) else len(text))
        subject = ctx.subject_at(text, start, clause=text[start:end]) or subject
        start = end + 1
    return subject


# ---- ratios -------------------------------------------------------------------------------------------


def _ratio_numbers(text: str) -> list[str]:
    return re.split(r"\s*[:∶]\s*", text.strip())


def _shares(numbers: list[str], parts: list[str]) -> list[Decimal] | None:
    values = [_decimal(n) for n in numbers]
    if len(values) != len(parts) or any(v is None for v in values):
        return None
    total = sum(v for v in values if v is not None)
    if abs(total - Decimal(_D["ratio"]["total"])) > Decimal(str(_D["ratio"]["tolerance"])):
        return None  # not shares of one whole
    return [v for v in values if v is not None]


def _earlier_period(mid: str, later: Period) -> Period | None:
    if year := _YEAR.search(mid):
        return Period("year", int(year.group(1)), 1, 12)
    words = mid.replace("的", "")
    bare = any(words == w for w in _D["ratio"]["from"])
    if (bare or any(w in words for w in _D["ratio"]["year_before"])) and later.kind == "year" and later.year:
        return Period("year", later.year - 1, 1, 12)
    return None  # 由建市之初的…: a base this reading cannot date


def _share_facts(numbers: list[str], parts: list[str], at: int, text: str, region: tuple[Region, str],
                 period: Period) -> list[Listed]:
    values = _shares(numbers, parts)
    if values is None:
        return []
    out, cursor = [], at
    for number, value, part in zip(numbers, values, parts, strict=True):
        cursor = text.find(number, cursor)
        out.append(Listed(cursor, region[0], region[1], canonical_metric(part) or part, part, value, number,
                          "%", period))
        cursor += len(number)
    return out


def _ratios(text: str, ctx: ArticleContext, subject: tuple[Region, str] | None,
            period_at: PeriodAt) -> list[tuple[int, int, list[Listed]]]:
    out: list[tuple[int, int, list[Listed]]] = []
    parts = list(_D["ratio"]["parts"])
    for m in _RATIO.finditer(text):
        region = _subject(text, ctx, m.start(), subject)
        if region is None:
            continue
        mid = m.group("mid").strip()
        if m.group("b") is None:
            if not _LINK_ONLY.match(mid.replace("比例", "").replace("优化", "")):
                continue  # 由…without a later ratio: half a statement
            made = _share_facts(_ratio_numbers(m.group("a")), parts, m.start("a"), text, region,
                                period_at(m.start()))
        else:
            # the period before the name is the later ratio's; a year after the link word is its own
            year = _YEAR.search(m.group("mid2"))
            later = Period("year", int(year.group(1)), 1, 12) if year else period_at(m.start())
            made = _share_facts(_ratio_numbers(m.group("b")), parts, m.start("b"), text, region, later)
            earlier = _earlier_period(mid.lstrip("".join(_D["ratio"]["from"])) if mid[:1] in
                                      _D["ratio"]["from"] and len(mid) > 1 else mid, later)
            if made and earlier is not None:
                made = _share_facts(_ratio_numbers(m.group("a")), parts, m.start("a"), text, region,
                                    earlier) + made
        if made:
            out.append((m.start(), m.end(), made))
    for m in _ENUMERATED_RATIO.finditer(text):
        region = _subject(text, ctx, m.start(), subject)
        names = _LEAD.sub("", mask_spans(m.group("names")).replace(FILL, ""))
        lead = max((s for s, _r in _surfaces(text, ctx).items() if names.startswith(s)), key=len, default="")
        enumerated = [f"{n}占比" for n in _distribute(names[len(lead) :].split("、"))]
        if region is not None and (made := _share_facts(_ratio_numbers(m.group("a")), enumerated, m.start("a"),
                                                        text, region, period_at(m.start()))):
            out.append((m.start(), m.end(), made))
    return out


# ---- 分别 lists ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Values:
    start: int
    end: int
    matches: list[re.Match[str]]


def _value_lists(text: str) -> list[_Values]:
    """Runs of two or more values joined by 、/和/及/与; a value without a unit takes the next one's."""
    runs: list[_Values] = []
    for m in _VALUE.finditer(text):
        last = runs[-1] if runs else None
        gap = text[last.end : m.start()] if last else ""
        if last and len(gap.strip()) == 1 and gap.strip() in _SEPARATORS:
            last.matches.append(m)
            last.end = m.end()
        else:
            runs.append(_Values(m.start(), m.end(), [m]))
    return [r for r in runs if len(r.matches) >= 2 and r.matches[-1].group("unit")]


def _units(run: _Values) -> list[str]:
    units: list[str] = []
    following = ""
    for m in reversed(run.matches):
        unit = m.group("unit") or following
        if unit == "个" and following == "个百分点":
            unit = following  # 3.6个、1.0个、4.3个百分点
        units.insert(0, unit)
        following = unit
    return units


@dataclass(slots=True)
class _Head:
    names: str
    tail: str
    growth: bool
    down: bool


def _peel_end(text: str, verbs: list[str]) -> str:
    while (m := _PEEL_END.search(text)) and m.start() < len(text):
        verbs.append(m.group(0))
        text = text[: m.start()]
    return text


def _read_head(head: str) -> _Head:
    """'城镇和农村居民人均可支配收入分别同比增长' → names, the words after 分别, and whether it is a growth."""
    text = mask_spans(head).replace(FILL, "").strip()
    verbs: list[str] = []
    names, tail = text, ""
    for word in _D["list"]["respectively"]:
        if word in text:
            names, tail = text[: text.rfind(word)], text[text.rfind(word) + len(word) :]
            while (m := _PEEL_START.match(tail)) and m.end() > 0:
                verbs.append(m.group(0))
                tail = tail[m.end() :]
            tail = _peel_end(tail, verbs)
    names = _peel_end(names, verbs)
    growth = any(v in _GROWTH_WORDS for v in verbs)
    return _Head(names, tail, growth, any(v in _DOWN_WORDS for v in verbs))


def _split_names(part: str, n: int) -> list[str] | None:
    items = part.split("、")
    i = len(items) - 1
    while len(items) < n and i >= 0:
        m = _CONJ.search(items[i])
        if m and m.start() > 0 and m.end() < len(items[i]):
            items[i : i + 1] = [items[i][: m.start()], items[i][m.end() :]]
        else:
            i -= 1
    if len(items) == 1 and n > 1:
        for word, parts in _D["list"]["collectives"].items():
            if part.startswith(word) and len(parts) == n:
                return [p + part[len(word) :] for p in parts]
    return items if len(items) == n and all(items) else None


def _sector(name: str) -> str:
    sectors: dict[str, str] = _D["list"]["sectors"]
    return sectors.get(name, name)


def _heads_of(name: str) -> tuple[str, list[str]]:
    """'高新技术产业增加值' → ('高新技术', ['产业', '增加值']): the heads a list's last name may share."""
    heads: list[str] = []
    peeled = True
    while peeled:
        peeled = False
        for head in _HEADS:
            if name.endswith(head) and len(name) > len(head):
                name, peeled = name[: -len(head)], True
                heads.insert(0, head)
                break
    return name, heads


def _join(name: str, tail: str) -> str:
    """'城镇居民' + '居民人均可支配收入' → '城镇居民人均可支配收入': the overlap is written once."""
    for k in range(min(len(name), len(tail)), 0, -1):
        if name.endswith(tail[:k]):
            return name + tail[k:]
    return name + tail


def _distribute(items: list[str]) -> list[str]:
    """Give every name the heads the last one carries (第一、二、三产业增加值 → 第一产业增加值…)."""
    first = items[0]
    if re.fullmatch(rf"第?[{_ORDINALS}]", first) and all(i[:1] in _ORDINALS for i in items[1:]):
        items = ["第" + i.removeprefix("第") for i in items]
    items = [_sector(i) for i in items]
    shared = _heads_of(items[-1])[1]
    out = []
    for item in items[:-1]:
        own = _heads_of(item)[1]
        if not shared or canonical_metric(item) or metric_in_phrase(item) or item.endswith(_MEASURE_END) \
                or (own and own[-1] == shared[-1]):
            out.append(item)  # already a whole metric name: 制造业投资、高技术产业投资
            continue
        overlap = next((k for k in range(min(len(own), len(shared)), 0, -1) if own[-k:] == shared[:k]), 0)
        rest = shared[overlap:]
        while item.endswith("业") and rest and rest[0] in _INDUSTRY:
            rest = rest[1:]  # 电子信息工业 is an industry already: it takes 增加值, not 制造业增加值
        out.append(_join(item, "".join(rest)))
    out.append(items[-1])
    return out


def _metric_of(name: str) -> str | None:
    name = clean_phrase(name)
    if len(name) < 2 or MASK in name:
        return None
    return canonical_metric(name) or metric_in_phrase(name) or noun_phrase_in(name)


def _place_items(items: list[str], surfaces: dict[str, Region]) -> tuple[list[tuple[Region, str]], str] | None:
    """Every name a place (the last may carry the metric: 浙江的GDP) → the places and that metric phrase."""
    places: list[tuple[Region, str]] = []
    for item in items[:-1]:
        if item not in surfaces:
            return None
        places.append((surfaces[item], item))
    last = items[-1]
    surface = max((s for s in surfaces if last.startswith(s)), key=len, default=None)
    if surface is None:
        return None
    places.append((surfaces[surface], surface))
    return places, _PLACE_GROUP.sub("", last[len(surface) :])


def _surfaces(text: str, ctx: ArticleContext) -> dict[str, Region]:
    return {s: r for _at, r, s in ctx.places(text, (0, len(text)))}


def _lists(text: str, ctx: ArticleContext, subject: tuple[Region, str] | None,
           period_at: PeriodAt) -> list[tuple[int, int, list[Listed]]]:
    out: list[tuple[int, int, list[Listed]]] = []
    surfaces = _surfaces(text, ctx)
    previous: list[Listed] = []
    for run in _value_lists(text):
        start = _clause_start(text, run.start)
        head = _read_head(text[start : run.start])
        n = len(run.matches)
        if not head.names and not head.tail:
            if head.growth and len(previous) == n and all(p.growth is None and p.growth_pp is None
                                                          for p in previous):
                for fact, m, unit in zip(previous, run.matches, _units(run), strict=True):
                    _set_growth(fact, m, unit, head.down)
                out.append((start, run.end, []))
            continue
        made = _list_facts(text, start, run, head, surfaces, ctx, subject, period_at)
        previous = made
        if made:
            out.append((start, run.end, made))
    return out


def _list_facts(text: str, start: int, run: _Values, head: _Head, surfaces: dict[str, Region],
                ctx: ArticleContext, subject: tuple[Region, str] | None, period_at: PeriodAt) -> list[Listed]:
    n = len(run.matches)
    names = _LEAD.sub("", head.names)
    if MASK in names or _NOT_NAMES.search(names + head.tail):
        return []
    lead = max((s for s in surfaces if names.startswith(s) and len(names) > len(s)), key=len, default="")
    items = _split_names(names, n)
    places = _place_items(items, surfaces) if items else None
    if places is None and lead:
        items = _split_names(_LEAD.sub("", names[len(lead) :]), n)
    if items is None and n > 1 and "、" not in names:
        previous = text[_clause_start(text, max(0, start - 1)) : max(0, start - 1)]
        parts = re.split("[、和]", previous)[-n:]
        ends = [max((s for s in surfaces if p.endswith(s)), key=len, default="") for p in parts]
        if len(parts) == n and all(ends) and all(p == e for p, e in zip(parts[1:], ends[1:], strict=True)):
            places = [(surfaces[e], e) for e in ends], names
    if places is not None:
        regions, metric_phrase = places
        metrics = [metric_phrase + head.tail] * n
    elif items is not None:
        region = (surfaces[lead], lead) if lead else _subject(text, ctx, run.start, subject)
        if region is None:
            return []
        regions = [region] * n
        metrics = [m + head.tail for m in _distribute(items)]
    else:
        return []
    return _pair(run, regions, metrics, head, period_at)


def _pair(run: _Values, regions: list[tuple[Region, str]], phrases: list[str], head: _Head,
          period_at: PeriodAt) -> list[Listed]:
    made: list[Listed] = []
    for (region, surface), phrase, m, unit in zip(regions, phrases, run.matches, _units(run), strict=True):
        growth = head.growth
        for word in _D["list"]["growth_heads"]:
            if phrase.endswith(word) and unit == "%":
                phrase, growth = phrase[: -len(word)], True
        metric = _metric_of(phrase)
        if metric is None:
            return []  # one name that is no metric: the pairing cannot be trusted
        value = _decimal(m.group("num"))
        fact = Listed(m.start(), region, surface, metric, phrase, value, m.group("num"), unit or None,
                      period_at(m.start()), qualifiers=_qualifiers(m))
        if growth:
            if unit not in ("%", "个百分点", _D["fold"]["unit"]):
                return []
            fact.value, fact.value_text, fact.unit = None, None, None
            _set_growth(fact, m, unit, head.down)
        made.append(fact)
    return made


def _qualifiers(m: re.Match[str]) -> list[str]:
    words = {"超": "超过", "逾": "超过"}
    return [words.get(q, q) for q in (m.group("pre"), m.group("post")) if q]


def _set_growth(fact: Listed, m: re.Match[str], unit: str, down: bool) -> None:
    number = _decimal(m.group("num"))
    if number is None:
        return
    if unit == _D["fold"]["unit"]:
        if down:
            return
        fact.metric = fact.metric_surface = fact.metric_surface + _D["fold"]["suffix"]
        fact.value, fact.value_text, fact.unit = number, m.group("num"), unit
        return
    number = -number if down else number
    if unit == "个百分点":
        fact.growth_pp = number
    else:
        fact.growth = number


# ---- 增长N倍 ------------------------------------------------------------------------------------------


def _folds(text: str, ctx: ArticleContext, subject: tuple[Region, str] | None,
           period_at: PeriodAt) -> list[tuple[int, int, list[Listed]]]:
    out: list[tuple[int, int, list[Listed]]] = []
    for m in _FOLD.finditer(text):
        start = _clause_start(text, m.start())
        phrase = _peel_end(_LEAD.sub("", mask_spans(text[start : m.start()]).replace(FILL, "").strip()), [])
        phrase = _CAUSE.split(phrase)[-1]  # 带动在线旅游收入增长: what grew comes after the cause
        if _DIGIT.search(phrase):
            continue  # 企业162.5万户、增长1.1倍: the multiple belongs to the figure before it
        region = _subject(text, ctx, m.start(), subject)
        metric = _metric_of(phrase) if phrase and not _NOT_NAMES.search(phrase) else None
        if region is None or metric is None:
            continue
        name = f"{phrase}{_D['fold']['suffix']}"
        value = _decimal(m.group("num"))
        qualifiers = [m.group("pre")] if m.group("pre") else []
        out.append((start, m.end(), [Listed(m.start("num"), region[0], region[1], name, name, value,
                                            m.group("num"), _D["fold"]["unit"], period_at(m.start()),
                                            qualifiers=qualifiers)]))
    return out
