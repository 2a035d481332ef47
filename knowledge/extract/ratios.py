"""Share ratios inside a sentence: 三次产业结构为a:b:c, 由上年的x:y:z调整为a:b:c (the earlier for the earlier
period), and enumerated ones (农、林、牧、渔业产值之比为…), one share fact per part."""

from __future__ import annotations

import re
from decimal import Decimal

from knowledge.extract.clauses import FILL, mask_spans
from knowledge.extract.context import ArticleContext
from knowledge.extract.forms import NUM, Listed, PeriodAt, Subject, alt, data, decimal, distribute, subject_of, surfaces
from knowledge.extract.metrics import canonical_metric
from knowledge.extract.periods import Period
from knowledge.text.document import Sentence

_D = data()

_RATIO_VALUES = rf"{NUM}(?:\s*[:∶]\s*{NUM}){{1,5}}"
_RATIO = re.compile(
    rf"(?P<name>{alt(_D['ratio']['names'])})(?P<mid>(?:[^\d,;。]|\d{{4}}年){{0,12}}?)(?P<a>{_RATIO_VALUES})"
    rf"(?:(?P<link>{alt(_D['ratio']['links'])})(?P<mid2>(?:[^\d,;。]|\d{{4}}年){{0,8}}?)(?P<b>{_RATIO_VALUES}))?"
)
_ENUMERATED_RATIO = re.compile(
    rf"(?P<names>[\u4e00-\u9fff]{{1,8}}(?:、[\u4e00-\u9fff]{{1,8}})+)(?P<tail>[\u4e00-\u9fff]{{0,6}}?)"
    rf"(?:{alt(_D['ratio']['enumerated_ends'])})(?P<a>{_RATIO_VALUES})"
)
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_LINK_ONLY = re.compile(rf"^(?:{alt(_D['ratio']['links'])})?$")
_BROKEN_END = re.compile(r"\d\s*[:∶]\s*$")
_BROKEN_START = re.compile(r"^\s*[:∶]\s*\d")
_PAIR = re.compile(rf"(?P<first>[\u4e00-\u9fff]{{1,6}}?)(?:{alt(_D['ratio']['pair_words'])})(?P<their>其)?"
                   r"(?P<second>[\u4e00-\u9fff]{2,12})")
_LEAD = re.compile(rf"^(?:{alt(_D['list']['lead_words'])})+")


def _ratio_numbers(text: str) -> list[str]:
    return re.split(r"\s*[:∶]\s*", text.strip())


def _shares(numbers: list[str], parts: list[str]) -> list[Decimal] | None:
    values = [decimal(n) for n in numbers]
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


def _share_facts(numbers: list[str], parts: list[str], at: int, text: str, region: Subject,
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


def read_ratios(text: str, ctx: ArticleContext, subject: Subject | None,
            period_at: PeriodAt) -> list[tuple[int, int, list[Listed]]]:
    out: list[tuple[int, int, list[Listed]]] = []
    parts = list(_D["ratio"]["parts"])
    for m in _RATIO.finditer(text):
        region = subject_of(text, ctx, m.start(), subject)
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
        region = subject_of(text, ctx, m.start(), subject)
        names = _LEAD.sub("", mask_spans(m.group("names") + m.group("tail")).replace(FILL, ""))
        lead = max((s for s, _r in surfaces(text, ctx).items() if names.startswith(s)), key=len, default="")
        enumerated = [f"{n}占比" for n in distribute(_last_pair(names[len(lead) :].split("、")))]
        if region is not None and (made := _share_facts(_ratio_numbers(m.group("a")), enumerated, m.start("a"),
                                                        text, region, period_at(m.start()))):
            out.append((m.start(), m.end(), made))
    return out


def _last_pair(names: list[str]) -> list[str]:
    """农、林、牧、渔及其服务业总产值 → 农, 林, 牧, 渔, 农林牧渔服务业总产值: the last name may join two by a
    conjunction; 其 (their), or a list of sectors before it, makes the second one of theirs, named by them run
    together as a compound (农林牧渔服务业, not the whole economy's 服务业)."""
    if (pair := _PAIR.fullmatch(names[-1])) is None:
        return names
    first, second = pair.group("first"), pair.group("second")
    sectors = set(_D["list"]["sectors"]) | set(_D["list"]["sectors"].values())
    if pair.group("their") or all(n in sectors for n in [*names[:-1], first]):
        second = "".join(n.removesuffix("业") for n in [*names[:-1], first]) + second
    return [*names[:-1], first, second]


def rejoin_ratios(sentences: list[Sentence]) -> list[Sentence]:
    """A ratio broken over a line (…为10.14∶55.38 / ∶34.48。) read as the one sentence it is."""
    out: list[Sentence] = []
    for sentence in sentences:
        last = out[-1] if out else None
        if last is not None and (_BROKEN_END.search(last.text) or (
                last.text[-1:].isdigit() and _BROKEN_START.match(sentence.text))):
            out[-1] = Sentence(last.position, last.paragraph, last.text + sentence.text,
                               last.original + sentence.original, sentence.is_heading)
        else:
            out.append(sentence)
    return out
