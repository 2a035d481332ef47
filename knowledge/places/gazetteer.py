"""China's places: find them in news text, settle shared names from context, and resolve what people type.

Data: knowledge/data/gazetteer.json (every province, prefecture and county; built by
scripts/build_gazetteer.py from jionlp, Apache-2.0) and knowledge/data/zones.json (zones, hand-written).

Forms, best first: canonical name, alias of a province or city, alias of a county or zone, former name
(filed under today's unit), OCR slip. Typed input (resolve, candidates) also tries a bare stem, a city
prefix (枣庄市中区), pinyin, and a homophone or look-alike typo: see knowledge/places/typed.py.

Ambiguity is settled, never guessed. Candidates narrow in this order: the city named right before the form
(枣庄市市中区), the city named last before it in the same text, the caller's context city, the
caller's context province; then the best kind of form wins, and if two regions still tie there is no
answer (find_mentions skips the form and reports it in `unsettled`; resolve returns None; candidates()
returns them all so a question can ask back). Generic zone words (开发区, 高新区) need a city context, and a
unit whose name is an ordinary word (城区, 矿区) needs its city right before it.

History: a renamed unit keeps its code, and its former names lead to it (茌平县 → 茌平区): the territory
is the same, so its figures of any year are stored and answered under today's unit. A unit merged into
others (莱芜市 2019, 长岛县 2020) stays a Region of its own with `until` and `successors`: a text about a
year before the merger (year=2015) means that unit, and its figures are stored under its own code, since
they cannot be split between its successors; about a later or unknown year its names lead to its first
successor (莱芜市 → 莱芜区), as "原莱芜市" in a 2022 article means. A question about such a unit is
answered from its own figures, and describe() marks it (莱芜市(2019年撤销)) so the answer can say so.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property, lru_cache
from importlib.resources import files

from knowledge.places.fuzzy import CONFUSABLES as CONFUSABLES  # re-exported: part of this module's API
from knowledge.places.fuzzy import ocr_variants
from knowledge.places.listed import LIST_MARK, listed_stems
from knowledge.places.matching import FormMatcher
from knowledge.places.nation import NATION
from knowledge.places.region import MUNICIPALITIES, Candidate, Mention, Region, add_candidate, region_from_entry
from knowledge.places.typed import TypedInput

GENERIC_ZONE_TERMS = frozenset({"开发区", "经开区", "高新区", "度假区", "临港区"})
_VIA_RANK = {"name": 0, "former": 3, "ocr": 4}
_ALIAS_RANK = {"nation": 1, "province": 1, "city": 1, "county": 2, "zone": 2}


__all__ = ["CONFUSABLES", "GENERIC_ZONE_TERMS", "Gazetteer", "Mention", "Region"]


class Gazetteer(TypedInput):
    """Every region with every form it is known by; build once with Gazetteer.load()."""

    def __init__(self, regions: Iterable[Region]) -> None:
        self._regions = {region.code: region for region in regions}
        self._children: dict[str, list[Region]] = defaultdict(list)
        for region in self._regions.values():
            if region.parent:
                self._children[region.parent].append(region)
        self._city_codes = {code: self._find_city(region) for code, region in self._regions.items()}
        self._simplified_of: dict[str, str] = {}  # a Traditional form → the Simplified one it writes
        self._province_codes = {code: self.chain(region)[-1].code for code, region in self._regions.items()}
        self._cities = [r for r in self._regions.values() if r.level == "city" or r.code in MUNICIPALITIES]
        self._forms = self._index_forms()
        guarded = {f for f, found in self._forms.items() if all(c[1] == "alias" for c in found)}
        self._adjacent_only = {f for f, found in self._forms.items() if all(c[0].generic for c in found)}
        self._sole = {f: found[0][:2] for f, found in self._forms.items()
                      if len(found) == 1 and f not in GENERIC_ZONE_TERMS and f not in self._adjacent_only
                      and not found[0][0].merged_away and not self._successor_of_merged(found[0][0])}
        self._matcher = FormMatcher(self._forms, guarded, simplified=self._simplified_of)

    @classmethod
    def load(cls) -> Gazetteer:
        """The bundled gazetteer, read once per process."""
        return _load_bundled()

    # --- the tree ---

    def get(self, code: str) -> Region:
        """The region with this code; KeyError if there is none."""
        return self._regions[code]

    def regions(self, *, merged: bool = False) -> list[Region]:
        """Every region by code; units merged away only when `merged` is set."""
        return sorted((r for r in self._regions.values() if merged or not r.merged_away), key=lambda r: r.code)

    def by_name(self, name: str) -> Region | None:
        """Today's region with exactly this canonical name, or None if no region or several bear it."""
        found = [c[0] for c in self._forms.get(name, ()) if c[1] == "name" and not c[0].merged_away]
        return found[0] if len(found) == 1 else None

    def parent(self, region: Region) -> Region | None:
        return self._regions.get(region.parent) if region.parent else None

    def chain(self, region: Region) -> list[Region]:
        """The region, its parent, grandparent … up to the province."""
        chain = [region]
        while (up := self.parent(chain[-1])) is not None:
            chain.append(up)
        return chain

    def children(self, region: Region) -> list[Region]:
        """Today's units directly under the region: administrative ones by code, then zones."""
        found = (r for r in self._children.get(region.code, ()) if not r.merged_away)
        return sorted(found, key=lambda r: (r.level == "zone", r.code))

    def city_of(self, region: Region) -> Region | None:
        """The prefecture (or municipality) the region lies in, itself if one; None for a province."""
        code = self._city_codes.get(region.code)
        return self._regions[code] if code else None

    def province_of(self, region: Region) -> Region:
        """The province-level unit the region lies in (itself if one)."""
        return self._regions[self._province_codes[region.code]]

    def successors(self, region: Region) -> list[Region]:
        """The units that took over a merged unit (莱芜市 → 莱芜区, 钢城区); empty for today's units."""
        return [self._regions[code] for code in region.successors if code in self._regions]

    def describe(self, region: Region) -> str:
        """The name that tells shared names apart: 福州市鼓楼区, 辽宁省朝阳市, 北京市, 莱芜市(2019年撤销)."""
        up = self.parent(region)
        prefix = up.name if up is not None and region.level in ("county", "city") else ""
        if region.level == "zone":
            prefix = ""
        text = prefix + region.name
        return f"{text}({region.until}年撤销)" if region.until else text

    @cached_property
    def place_words(self) -> frozenset[str]:
        """Every name, alias, former name and stem (二字 or longer) of a unit that is no generic zone word: the
        words that, standing alone, name a place."""
        return frozenset(form for r in self._regions.values() if not r.generic
                         for form in (r.name, *r.aliases, *r.former, *r.stems) if len(form) >= 2)

    def surfaces(self) -> list[tuple[str, Region]]:
        """Every name, alias and former name of today's units, e.g. for a jieba user dictionary."""
        return [(form, r) for r in self._regions.values() if not r.merged_away
                for form in (r.name, *r.aliases, *r.former)]

    def sharing(self, form: str) -> list[tuple[Region, str]]:
        """Every region known by `form` and how the form names it ("name", "former" …), by code."""
        return sorted({(c[0], c[1]) for c in self._forms.get(form, ())}, key=lambda c: c[0].code)

    # --- text ---

    def find_mentions(self, text: str, *, context_city: Region | None = None,
                      context_province: Region | None = None, year: int | None = None,
                      unsettled: set[str] | None = None) -> list[Mention]:
        """Places named in Simplified text, in order, settled as the module docstring says.

        `year` is the year the text is about (it decides merged units). A name that several places
        share and the context does not settle is left out; when `unsettled` is given, such names
        (generic zone words and ordinary-word names aside) are added to it.
        """
        city = self.city_of(context_city) if context_city else None
        province = self.province_of(context_province) if context_province else None
        mentions: list[Mention] = []
        for start, end in self._matcher.spans(text):
            surface = text[start:end]
            chosen = self._sole.get(surface)
            if chosen is None:
                generic = surface in GENERIC_ZONE_TERMS
                adjacent = self._adjacent_city(mentions, text, start)
                if surface in self._adjacent_only:
                    contexts: list[Region | None] = [adjacent]
                    strict = True
                else:
                    contexts = [adjacent, *self._earlier_cities(mentions), city]
                    strict = generic
                chosen = self.choose(self._forms[surface], contexts, province=None if strict else province,
                                     year=year, strict=strict)
                if chosen is None and unsettled is not None and not strict:
                    unsettled.add(surface)
            if chosen is not None:
                mentions.append(Mention(start, end, surface, chosen[0], chosen[1]))
        if mentions and LIST_MARK in text:
            return listed_stems(text, mentions, self._listed_stem_regions, self.province_of)
        return mentions

    def _listed_stem_regions(self, stem: str) -> list[Region]:
        return self._stem_regions.get(stem, [])

    @cached_property
    def _stem_regions(self) -> dict[str, list[Region]]:
        """Today's units by the stems that are no form of their own (大冶 for 大冶市): list items only."""
        stems: dict[str, list[Region]] = defaultdict(list)
        for region in self._regions.values():
            if not region.merged_away and not region.generic:
                for stem in region.stems:
                    if stem not in self._forms:
                        stems[stem].append(region)
        return dict(stems)

    def choose(self, candidates: list[Candidate], cities: list[Region | None], *, province: Region | None = None,
               year: int | None = None, strict: bool = False) -> tuple[Region, str] | None:
        """The one candidate the context settles, or None: the ambiguity rule of the module docstring."""
        pool = self.in_year(candidates, year)
        for city in cities:
            local = [c for c in pool if city is not None and self._city_codes[c[0].code] == city.code]
            if local:
                pool = local
                break
        else:
            if strict:
                return None
            if province is not None:
                pool = [c for c in pool if self._province_codes[c[0].code] == province.code] or pool
        if not pool:
            return None
        best = min(rank for _region, _via, rank in pool)
        top = [c for c in pool if c[2] == best]
        if len({region.code for region, _via, _rank in top}) != 1:
            return None
        return top[0][0], top[0][1]

    def in_year(self, candidates: list[Candidate], year: int | None) -> list[Candidate]:
        """Candidates that existed in `year`; a merged unit that did displaces its successors."""
        alive = [c for c in candidates if c[0].existed_in(year)]
        merged = {code for region, _via, _rank in alive if region.merged_away for code in region.successors}
        return [c for c in alive if c[0].code not in merged]

    def _adjacent_city(self, mentions: list[Mention], text: str, start: int) -> Region | None:
        if not mentions or self.city_of(mentions[-1].region) != mentions[-1].region:
            return None
        gap = text[mentions[-1].end:start]
        return mentions[-1].region if len(gap) <= 1 and not gap.strip() else None

    def _earlier_cities(self, mentions: list[Mention]) -> list[Region | None]:
        """The city named last before this point of the text (南京市统计局 … 鼓楼区), if any.

        Only the last: in 枣庄市市中区、淄博市高新区和市中区 the second 市中区 is not 枣庄's by default.
        """
        return [next((m.region for m in reversed(mentions) if self.city_of(m.region) == m.region), None)]

    # --- building the indexes ---

    def _find_city(self, region: Region) -> str | None:
        return next((up.code for up in self.chain(region) if up.level == "city" or up.code in MUNICIPALITIES),
                    None)

    def _successor_of_merged(self, region: Region) -> bool:
        return region.code in self._heirs

    @cached_property
    def _heirs(self) -> frozenset[str]:
        return frozenset(code for r in self._regions.values() if r.merged_away for code in r.successors)

    def _index_forms(self) -> dict[str, list[Candidate]]:
        forms: dict[str, list[Candidate]] = defaultdict(list)
        twins: list[tuple[str, str, Candidate]] = []  # Traditional forms, added once every Simplified one is known

        def add(region: Region, form: str, candidate: Candidate) -> None:
            add_candidate(forms, form, candidate)
            if (twin := _traditional_twin(region, form)) is not None:
                twins.append((twin, form, candidate))

        for region in self._regions.values():
            alias_rank = _ALIAS_RANK[region.level]
            add(region, region.name, (region, "name", _VIA_RANK["name"]))
            for form in region.aliases:
                add(region, form, (region, "alias", alias_rank))
            for form in region.former:
                add_candidate(forms, form, (region, "former", _VIA_RANK["former"]))
            heirs = [code for code in region.successors if code in self._regions]
            if region.merged_away and not region.generic and heirs:
                heir = self._regions[heirs[0]]  # after the merger its names mean its successor
                for form in (region.name, *region.aliases):
                    add(region, form, (heir, "former", _VIA_RANK["former"]))
        simplified = set(forms)
        for twin, form, candidate in twins:
            if twin not in simplified:  # 乾县 is a name of its own, not a Traditional 干县
                add_candidate(forms, twin, candidate)
                self._simplified_of[twin] = form
        known = set(forms)
        for region in self._regions.values():
            if region.level in ("city", "county") and not region.merged_away:
                for variant in ocr_variants(region.name):
                    if variant not in known:
                        add_candidate(forms, variant, (region, "ocr", _VIA_RANK["ocr"]))
        return dict(forms)


def _traditional_twin(region: Region, form: str) -> str | None:
    """The Traditional writing of the region's name, or of a short form that begins it (中山區, 大連), when it
    differs from the Simplified: mixed writing (中山區生产总值) reaches find_mentions unconverted."""
    hant = region.traditional
    if not hant or len(hant) != len(region.name) or not region.name.startswith(form):
        return None
    twin = hant[:len(form)]
    return twin if twin != form else None


def is_bundled(region: Region) -> bool:
    return bool(_load_bundled.cache_info().currsize) and _load_bundled()._regions.get(region.code) is region


def bundled_region(code: str) -> Region:
    return _load_bundled().get(code)


@lru_cache(maxsize=1)
def _load_bundled() -> Gazetteer:
    data = files("knowledge").joinpath("data")
    regions = [
        region_from_entry(entry)
        for file in ("gazetteer.json", "zones.json")
        for entry in json.loads(data.joinpath(file).read_text(encoding="utf-8"))["entries"]
    ]
    return Gazetteer([*regions, NATION])  # 全国/我国/中国: national figures have a unit of their own
