"""Places named in a question: exact names, 全省/我省, functional zones, typos and pinyin, shared names."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.extract.metrics import canonical_metric
from knowledge.places.gazetteer import Gazetteer, Region
from knowledge.qa.index import Index
from knowledge.text.segment import token_bounds, tokens_at


def find_regions(text: str, gazetteer: Gazetteer, index: Index | None = None, *,
                 ambiguous: dict[str, list[Region]] | None = None, assumed: list[str] | None = None,
                 read_as_places: list[str] | None = None) -> list[Region]:
    """Places named in a question: exact forms, province words, functional zones, typos, pinyin.

    What was read as a place without being one of its forms (yunnan, 临青, 兵团) goes to `read_as_places`,
    so that it is not read again as part of the metric.

    A shared name (鼓楼区) that the question does not settle is settled by the base when only one of its
    places has data (noted in `assumed`); otherwise its places go to `ambiguous`, to ask back.
    """
    unsettled: set[str] = set()
    mentions = gazetteer.find_mentions(text, unsettled=unsettled)
    found: list[tuple[int, Region]] = [(m.start, m.region) for m in mentions]
    written = {(m.start, m.region.code): m.surface for m in mentions}
    for name in sorted(unsettled):
        places = gazetteer.candidates(name)
        covered = [r for r in places if index is not None and index.covers(r.code)]
        if len(covered) == 1:
            found.append((text.find(name), covered[0]))
            if assumed is not None:
                assumed.append(f"“{name}”按{gazetteer.describe(covered[0])}理解(资料里只有它的数据)")
        elif len(places) > 1 and ambiguous is not None:
            ambiguous[name] = covered or places
    found += _whole_province(text, gazetteer, index, found)
    found += _zones(text, gazetteer, index)
    named = {region for _, region in found}
    tails = [(tail, zone) for tail, zone in _province_less_zones(gazetteer).items()
             if tail in text and zone not in named]
    found += [(text.find(tail), zone) for tail, zone in tails]
    surfaces = [tail for tail, _ in tails]
    if not found:
        found = _whole_words(text, gazetteer)
    if not found:
        slips = _fuzzy_regions(text, gazetteer, index, assumed)
        found = [(at, region) for at, region, _ in slips]
        surfaces += [text[at:at + size] for at, _, size in slips]
    if read_as_places is not None:
        read_as_places += sorted(surfaces, key=len, reverse=True)
    ordered: list[Region] = []
    last_at = -1
    for at, region in sorted(found, key=lambda pair: pair[0]):
        if ordered and region.parent == ordered[-1].code:
            # 淄博市周村区 means 周村区; the city's name is part of the place, not of the metric asked
            if read_as_places is not None and (parent := written.get((last_at, ordered[-1].code))):
                read_as_places.append(parent)
            ordered[-1] = region
        elif region not in ordered:
            ordered.append(region)
        last_at = at
    return ordered


def _whole_province(text: str, gazetteer: Gazetteer, index: Index | None,
                    found: list[tuple[int, Region]]) -> list[tuple[int, Region]]:
    """全省/我省: the province of the places named with it, else the one province the base covers."""
    m = re.search(r"全省|我省|本省", text)
    if m is None:
        return []
    provinces = {gazetteer.province_of(r) for _, r in found}
    if not provinces and index is not None:
        provinces = {gazetteer.province_of(gazetteer.get(c)) for c in index.by_region}
    return [(m.start(), provinces.pop())] if len(provinces) == 1 else []


def _zones(text: str, gazetteer: Gazetteer, index: Index | None) -> list[tuple[int, Region]]:
    """度假区/开发区/高新区 without a city: the zone the base actually has data about, if only one."""
    out = []
    for term in ("度假区", "开发区", "高新区"):
        at = text.find(term)
        if at == -1 or index is None:
            continue
        zones = {r for r in gazetteer.regions() if r.level == "zone" and term in "".join(r.aliases) + r.name}
        known = [z for z in zones if z.code in index.by_region or z.code in index.ranked_regions]
        if len(known) == 1:
            out.append((at, known[0]))
    return out


# what a zone of a kind ends with (新区, 工业园区, 经济开发区): no name of one zone, even where one zone alone ends so
_ZONE_KIND_TAIL = re.compile(r"(?:新区|园区|开发区|经开区|高新区|度假区|实验区|港区|示范区)$")


@lru_cache(maxsize=4)
def _province_less_zones(gazetteer: Gazetteer) -> dict[str, Region]:
    """兵团 for 新疆生产建设兵团: a zone's name or alias without the place it starts with, when no other zone
    ends so, it is no place's own form and no word of a zone kind."""
    tails: dict[str, set[Region]] = {}
    zones = [r for r in gazetteer.regions() if r.level == "zone"]
    for zone in zones:
        above = {form for place in gazetteer.chain(zone)[1:] for form in (place.name, *place.aliases)}
        for form in (zone.name, *zone.aliases):
            for head in above:
                if form.startswith(head) and len(form) - len(head) >= 2:
                    tails.setdefault(form[len(head):], set()).add(zone)
    return {tail: next(iter(found)) for tail, found in tails.items()
            if len(found) == 1 and not _ZONE_KIND_TAIL.search(tail) and gazetteer.resolve(tail) is None
            and sum(any(f.endswith(tail) for f in (z.name, *z.aliases)) for z in zones) == 1}


def _fuzzy_regions(text: str, gazetteer: Gazetteer, index: Index | None = None,
                   assumed: list[str] | None = None) -> list[tuple[int, Region, int]]:
    """Typos (临青, 聊成) and pinyin (linqing): try latin words, then 2-3 character windows. Pinyin shared by
    several places (jining: 济宁市, 集宁区) is settled by the base when only one of them has data."""
    for word in re.findall(r"[a-z]{4,}", text):
        region = gazetteer.resolve(word)
        if region is None and index is not None:
            covered = [r for r in gazetteer.candidates(word) if index.covers(r.code)]
            region = covered[0] if len(covered) == 1 else None
            if region is not None and assumed is not None:
                assumed.append(f"“{word}”按{gazetteer.describe(region)}理解(资料里只有它的数据)")
        if region is not None:
            return [(text.find(word), region, len(word))]
    bounds = token_bounds(text)
    for size in (3, 2):
        for start in range(0, max(0, len(text) - size + 1)):
            window = text[start : start + size]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", window) or canonical_metric(window):
                continue
            if start not in bounds or start + size not in bounds:
                continue  # a slip is a whole word of the question: 增长了 never reads as 长乐
            region = gazetteer.resolve(window) or _only_covered(window, gazetteer, index, assumed)
            if region is not None and region.level != "province":
                return [(start, region, size)]
    return []


def _only_covered(window: str, gazetteer: Gazetteer, index: Index | None,
                  assumed: list[str] | None) -> Region | None:
    """荣城: a slip that may be several places (荣成市, 容城县, 榕城区) is the one of them the base has data about,
    said so in the answer; with none or several of them covered it is no place."""
    if index is None:
        return None
    covered = [r for r in gazetteer.candidates(window) if index.covers(r.code) and r.level != "province"]
    if len(covered) != 1:
        return None
    if assumed is not None:
        assumed.append(f"“{window}”按{gazetteer.describe(covered[0])}理解(资料里只有它的数据)")
    return covered[0]


def _whole_words(text: str, gazetteer: Gazetteer) -> list[tuple[int, Region]]:
    """上海上半年: a place's own form that the running-text reading refuses (海上 is a word there) is still the
    place when jieba cuts the question so that the form is a word of its own."""
    out = []
    for at, token in tokens_at(text):
        places = {region for region, _via in gazetteer.sharing(token)} if len(token) >= 2 else set()
        if len(places) == 1:
            out.append((at, places.pop()))
    return out
