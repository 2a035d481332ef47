"""分别 lists inside a sentence (names or places paired with values in order, growth lists after levels) and
multiples (增长N倍); ratios are read first (ratios.py). Word lists live in knowledge/data/lists.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.clauses import FILL, mask_spans
from knowledge.extract.context import ArticleContext
from knowledge.extract.divisions import has_division_set, read_division_sets, read_divisions
from knowledge.extract.entities import MASK
from knowledge.extract.forms import (
    NUM,
    Listed,
    PeriodAt,
    Subject,
    alt,
    clause_start,
    data,
    decimal,
    distribute,
    metric_of,
    subject_of,
    surfaces,
)
from knowledge.extract.metrics import UNITS, pre_qualifier
from knowledge.extract.place_bars import has_place_bar, read_place_bars
from knowledge.extract.place_counts import has_place_count, read_place_counts
from knowledge.extract.place_values import has_place_values, read_place_values
from knowledge.extract.ratios import read_ratios
from knowledge.extract.restated import base_unit
from knowledge.extract.topics import topic_before
from knowledge.extract.vocab import word_classes
from knowledge.places.gazetteer import Region

_D = data()
_W = word_classes()
_UNIT_ALT = alt([*UNITS, _D["fold"]["unit"]])
_VALUE = re.compile(
    rf"(?<![\d.第])(?P<pre>约|近|超过|超|逾)?(?P<num>{NUM})(?P<approx>余|多)?"
    rf"(?P<unit>(?:万|亿)?(?:{_UNIT_ALT}))?(?P<post>左右|以上)?(?![\d.年月日])"
)
_SEPARATORS = "".join(_D["list"]["separators"]) + "".join(_D["list"]["conjunctions"])
_CONJ = re.compile(alt(_D["list"]["conjunctions"]))
# A cheap test first: most sentences hold no list, no ratio and no multiple.
_CANDIDATE = re.compile(rf"\d[^\d,;。]{{0,8}}[{_SEPARATORS}][^\d,;。]{{0,4}}\d|\d\s*[:∶]\s*\d"
                        rf"|\d{re.escape(_D['fold']['unit'])}|辖\s*\d")
_PEEL_WORDS = [*_D["list"]["adverbs"], *_W["predicates"], *_W["growth_up"], *_W["growth_down"],
               *_W["growth_links"], "以"]
_PEEL_END = re.compile(rf"(?:{alt(_PEEL_WORDS)})$")
_PEEL_START = re.compile(rf"^(?:{alt(_PEEL_WORDS)})")
_GROWTH_WORDS = frozenset(_W["growth_up"]) | frozenset(_W["growth_down"])
_DOWN_WORDS = frozenset(_W["growth_down"])
_LEAD = re.compile(rf"^(?:{alt(_D['list']['lead_words'])})+")
_NOT_NAMES = re.compile("|".join(_D["list"]["not_names"]))
_PLACE_GROUP = re.compile(_D["list"]["place_group"])
_GAP = re.compile(rf"\s*[{_SEPARATORS}]\s*(?P<verb>{alt(_W['growth_up'] + _W['growth_down'])})?"
                  rf"(?:{alt(_W['growth_links'])})?\s*")
_SHARE = tuple(_D["list"]["share_words"])
_PHRASE_STOP = re.compile(alt([*(w for w in _PEEL_WORDS if len(w) > 1), *_D["list"]["phrase_stops"]]))
_CAUSE = re.compile(alt(_D["fold"]["cause_verbs"]))
_DIGIT = re.compile(r"\d")
_COMMA_GAP = re.compile(r"\s*,\s*")
_FOLD = re.compile(rf"(?P<verb>{alt(_D['fold']['verbs'])})(?P<pre>近|约|超过)?(?P<num>{NUM}){_D['fold']['unit']}")


def read_lists(text: str, ctx: ArticleContext, subject: Subject | None,
               period_at: PeriodAt) -> tuple[list[Listed], str]:
    """The figures of the structured forms in a sentence, and the sentence with their spans blanked out
    (offsets kept) so that the clause-by-clause reading does not read them again."""
    if not (_CANDIDATE.search(text) or has_division_set(text) or has_place_count(text) or has_place_bar(text)
            or has_place_values(text)):
        return [], text
    chars = list(text)
    found: list[Listed] = []
    for start, end, made in (*read_ratios(text, ctx, subject, period_at), *read_divisions(text, subject, period_at),
                             *read_division_sets(text, ctx, period_at),
                             *read_place_counts(text, ctx, subject, period_at),
                             *(read_place_bars(text, ctx, period_at) if has_place_bar(text) else ()),
                             *_lists(text, ctx, subject, period_at),
                             *(read_place_values(text, ctx, period_at) if has_place_values(text) else ())):
        if any(c == FILL for c in chars[start:end]):
            continue  # already read as another form
        found.extend(made)
        chars[start:end] = FILL * (end - start)
    blanked = "".join(chars)
    for start, end, made in _folds(blanked, ctx, subject, period_at):
        found.extend(made)
        chars[start:end] = FILL * (end - start)
    return found, "".join(chars)


# ---- 分别 lists ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Values:
    start: int
    end: int
    matches: list[re.Match[str]]
    verbs: list[str | None]  # the growth verb written before each value, if any


def _value_lists(text: str) -> list[_Values]:
    """Runs of two or more values joined by 、/和/及/与 (each may have its own growth verb: 增长5%、下降3%)."""
    runs: list[_Values] = []
    for m in _VALUE.finditer(text):
        last = runs[-1] if runs else None
        gap = _GAP.fullmatch(text, last.end, m.start()) if last else None
        if last and gap:
            last.matches.append(m)
            last.verbs.append(gap.group("verb"))
            last.end = m.end()
        else:
            runs.append(_Values(m.start(), m.end(), [m], [None]))
    return [r for r in _comma_joined(text, runs) if len(r.matches) >= 2 and r.matches[-1].group("unit")]


def _comma_joined(text: str, runs: list[_Values]) -> list[_Values]:
    """'1.2万户,3.5万人和120.5亿元': a comma written for 、 inside an enumeration of values. Only a lone value
    and a joined run right after it, with nothing but the comma between and a unit on every value, are one run."""
    out: list[_Values] = []
    for run in runs:
        last = out[-1] if out else None
        if last is not None and len(last.matches) == 1 and len(run.matches) >= 2 \
                and _COMMA_GAP.fullmatch(text, last.end, run.start) \
                and all(m.group("unit") for m in (*last.matches, *run.matches)):
            out[-1] = _Values(last.start, run.end, [*last.matches, *run.matches], [*last.verbs, *run.verbs])
        else:
            out.append(run)
    return out


def _downs(run: _Values, head: _Head) -> list[bool]:
    """Each value's direction: its own verb's (分别增长5%、下降3%), else the head's."""
    return [verb in _DOWN_WORDS if verb else head.down for verb in run.verbs]


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
    """'城镇、农村居民收入分别同比增长' → names, the words after 分别, and whether it is a growth."""
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
            if tail.startswith(_SHARE):  # 分别占全省的8%: the whole is named, and the anaphor stays in
                tail = head[head.rfind(word) + len(word) :].strip().removesuffix("的")
                tail += "" if tail.endswith(("比重", "比例")) else "比重"
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


def _lists(text: str, ctx: ArticleContext, subject: Subject | None,
           period_at: PeriodAt) -> list[tuple[int, int, list[Listed]]]:
    out: list[tuple[int, int, list[Listed]]] = []
    named = surfaces(text, ctx)
    previous: list[Listed] = []
    for run in _value_lists(text):
        start = clause_start(text, run.start)
        head = _read_head(text[start : run.start])
        n = len(run.matches)
        if not head.names and not head.tail:
            if (head.growth or any(run.verbs)) and len(previous) == n and all(p.growth is None and p.growth_pp is None
                                                          for p in previous):
                for fact, m, unit, down in zip(previous, run.matches, _units(run), _downs(run, head), strict=True):
                    _set_growth(fact, m, unit, down)
                out.append((start, run.end, []))
            elif made := _names_before(text, start, run, head, named, period_at):
                out.append((clause_start(text, max(0, start - 1)), run.end, made))
            continue
        made = _list_facts(text, start, run, head, named, ctx, subject, period_at)
        previous = made
        if made:
            out.append((start, run.end, made))
    return out


def _list_facts(text: str, start: int, run: _Values, head: _Head, surfaces: dict[str, Region],
                ctx: ArticleContext, subject: Subject | None, period_at: PeriodAt) -> list[Listed]:
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
        previous = text[clause_start(text, max(0, start - 1)) : max(0, start - 1)]
        parts = re.split("[、和]", previous)[-n:]
        ends = [max((s for s in surfaces if p.endswith(s)), key=len, default="") for p in parts]
        if len(parts) == n and all(ends) and all(p == e for p, e in zip(parts[1:], ends[1:], strict=True)):
            places = [(surfaces[e], e) for e in ends], names
    if places is not None:
        regions, metric_phrase = places
        if not metric_phrase + head.tail and all(base_unit(u) == "元" for u in _units(run)):
            metric_phrase = topic_before(text[:start]) or ""  # 从GDP总量看,…甲、乙分别以a亿元和b亿元…
        metrics = [metric_phrase + head.tail] * n
    elif items is not None:
        region = (surfaces[lead], lead) if lead else subject_of(text, ctx, run.start, subject)
        if region is None:
            return []
        regions = [region] * n
        metrics = [m + head.tail for m in distribute(items)]
    else:
        return []
    return _pair(run, regions, metrics, head, period_at)


def _names_before(text: str, start: int, run: _Values, head: _Head, surfaces: dict[str, Region],
                  period_at: PeriodAt) -> list[Listed]:
    """'潍坊、淄博的GDP总量也突破…,分别实现a、b': the places and the metric open the clause before."""
    before = _LEAD.sub("", mask_spans(text[clause_start(text, max(0, start - 1)) : max(0, start - 1)])
                       .replace(FILL, "").strip())
    places: list[tuple[Region, str]] = []
    at = 0
    while surface := max((s for s in surfaces if before.startswith(s, at)), key=len, default=""):
        places.append((surfaces[surface], surface))
        at += len(surface)
        if before[at : at + 1] not in _SEPARATORS or not before[at : at + 1]:
            break
        at += 1
    rest = _PLACE_GROUP.sub("", before[at:])
    stop = _PHRASE_STOP.search(rest)
    if len(places) != len(run.matches) or stop is None:
        return []
    grown = stop.group(0) in _GROWTH_WORDS  # 东营和德州GDP增速出现,分别下降…
    phrase = rest[: stop.start()]
    return _pair(run, places, [phrase] * len(places), _Head("", "", head.growth or grown, head.down), period_at)


def _pair(run: _Values, regions: list[tuple[Region, str]], phrases: list[str], head: _Head,
          period_at: PeriodAt) -> list[Listed]:
    made: list[Listed] = []
    for (region, surface), phrase, m, unit, down, verb in zip(regions, phrases, run.matches, _units(run),
                                                             _downs(run, head), run.verbs, strict=True):
        growth = head.growth or verb is not None
        for word in _D["list"]["growth_heads"]:
            if phrase.endswith(word) and unit == "%":
                phrase, growth = phrase[: -len(word)], True
        metric = metric_of(phrase)
        if metric is None:
            return []  # one name that is no metric: the pairing cannot be trusted
        value = decimal(m.group("num"))
        fact = Listed(m.start(), region, surface, metric, phrase, value, m.group("num"), unit or None,
                      period_at(m.start()), qualifiers=_qualifiers(m))
        if growth:
            if unit not in ("%", "个百分点", _D["fold"]["unit"]):
                return []
            fact.value, fact.value_text, fact.unit = None, None, None
            _set_growth(fact, m, unit, down)
        made.append(fact)
    return made


def _qualifiers(m: re.Match[str]) -> list[str]:
    return [pre_qualifier(q) for q in (m.group("pre"), m.group("post")) if q]


def _set_growth(fact: Listed, m: re.Match[str], unit: str, down: bool) -> None:
    number = decimal(m.group("num"))
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


def _folds(text: str, ctx: ArticleContext, subject: Subject | None,
           period_at: PeriodAt) -> list[tuple[int, int, list[Listed]]]:
    out: list[tuple[int, int, list[Listed]]] = []
    for m in _FOLD.finditer(text):
        start = clause_start(text, m.start())
        phrase = _peel_end(_LEAD.sub("", mask_spans(text[start : m.start()]).replace(FILL, "").strip()), [])
        phrase = _CAUSE.split(phrase)[-1]  # 带动在线旅游收入增长: what grew comes after the cause
        if _DIGIT.search(phrase):
            continue  # 企业162.5万户、增长1.1倍: the multiple belongs to the figure before it
        region = subject_of(text, ctx, m.start(), subject)
        metric = metric_of(phrase) if phrase and not _NOT_NAMES.search(phrase) else None
        if region is None or metric is None:
            continue
        name = f"{phrase}{_D['fold']['suffix']}"
        value = decimal(m.group("num"))
        qualifiers = [m.group("pre")] if m.group("pre") else []
        out.append((start, m.end(), [Listed(m.start("num"), region[0], region[1], name, name, value,
                                            m.group("num"), _D["fold"]["unit"], period_at(m.start()),
                                            qualifiers=qualifiers)]))
    return out
