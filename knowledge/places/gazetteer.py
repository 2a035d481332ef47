"""Shandong's places: find them in news text and resolve what a person typed, under any name they go by.

Data: knowledge/data/gazetteer.json (province, cities, counties; built by scripts/build_gazetteer.py from
jionlp, Apache-2.0) and knowledge/data/zones.json (functional zones, hand-written).

Forms, best first: canonical name, alias, former name (filed under today's unit), OCR slip (a full name
with one character swapped for a look-alike from CONFUSABLES). resolve() then also tries a bare stem
(城阳 → 城阳区), a city prefix (枣庄市中区), pinyin, and a homophone or look-alike typo.

Ambiguity: when several regions share a form (市中区 in 济南 and 枣庄; 高新区 in many cities) the
candidates in the city context win: the caller's ``context_city`` or, in running text, a city named right
before the form (枣庄市市中区). Of what is left the best kind of form wins; if two regions still tie there
is no answer (find_mentions skips the form, resolve returns None). Generic zone words (开发区, 高新区 …)
need a city context even where only one zone carries them.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files
from typing import Any

from rapidfuzz import fuzz, process

from knowledge.places.fuzzy import CONFUSABLES as CONFUSABLES  # re-exported: part of this module's API
from knowledge.places.fuzzy import clean_query, is_latin, is_slip, ocr_variants, pinyin_key, readings

GENERIC_ZONE_TERMS = frozenset({"开发区", "经开区", "高新区", "度假区", "临港区"})
# A short form right before one of these names a street or an institution elsewhere (青岛's 聊城路).
_STREET_WORDS = ("路", "街", "巷", "大道", "大街", "大学", "胡同")
_SUFFIXES = "省市区县"
_RANK = {"name": 0, "alias": 1, "former": 2, "ocr": 3}
_STEM_RANK = {"province": 4, "city": 4, "county": 5}
_FORMER_STEM_RANK = 7
_ALT_READING = 10  # a pinyin key from a rarer reading ranks after every usual one
_SEPARATORS = " \t,，、/·-"


@dataclass(frozen=True, slots=True)
class Region:
    """One place: the province, a prefecture city, a county-level unit or a functional zone."""

    code: str
    name: str
    level: str  # "province" | "city" | "county" | "zone"
    parent: str | None
    aliases: tuple[str, ...]
    former: tuple[str, ...]

    @property
    def short(self) -> str:
        """The name to show where space is short: the first alias, else the full name."""
        return self.aliases[0] if self.aliases else self.name

    def __reduce__(self) -> tuple[Any, ...]:
        # A bundled region travels between processes (the ingest pool) as its code alone.
        if _load_bundled.cache_info().currsize and _load_bundled()._regions.get(self.code) is self:
            return _bundled_region, (self.code,)
        return Region, (self.code, self.name, self.level, self.parent, self.aliases, self.former)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place named in a text: where, as written, and which region it is."""

    start: int
    end: int
    surface: str
    region: Region
    via: str  # "name" | "alias" | "former" | "ocr" | "pinyin" | "fuzzy"


_Candidate = tuple[Region, str, int]  # region, how the form names it, rank (lower is better)


class Gazetteer:
    """Shandong's regions with every form they are known by; build once with Gazetteer.load()."""

    def __init__(self, regions: Iterable[Region]) -> None:
        self._regions = {region.code: region for region in regions}
        self._children: dict[str, list[Region]] = defaultdict(list)
        for region in self._regions.values():
            if region.parent:
                self._children[region.parent].append(region)
        self._city_codes = {
            code: next((up.code for up in self.chain(region) if up.level == "city"), None)
            for code, region in self._regions.items()
        }
        self._cities = [region for region in self._regions.values() if region.level == "city"]
        self._forms = self._index_forms()
        self._stems = self._index_stems()
        self._guarded = {f for f, found in self._forms.items() if all(c[1] == "alias" for c in found)}
        self._sole = {f: found[0][:2] for f, found in self._forms.items()
                      if len(found) == 1 and f not in GENERIC_ZONE_TERMS}  # no ambiguity to settle
        lengths: dict[str, set[int]] = defaultdict(set)
        for form in self._forms:
            lengths[form[0]].add(len(form))
        self._lengths = {char: sorted(found, reverse=True) for char, found in lengths.items()}
        self._starts = re.compile("[" + "".join(map(re.escape, self._lengths)) + "]")
        # the same sentence is scanned with and without a city context: the spans do not depend on it
        self._spans = lru_cache(maxsize=4096)(self._longest_spans)

    @classmethod
    def load(cls) -> Gazetteer:
        """The bundled gazetteer, read once per process."""
        return _load_bundled()

    def get(self, code: str) -> Region:
        """The region with this code; KeyError if there is none."""
        return self._regions[code]

    def regions(self) -> list[Region]:
        """Every region, by code."""
        return sorted(self._regions.values(), key=lambda r: r.code)

    def by_name(self, name: str) -> Region | None:
        """The region with exactly this canonical name, or None if no region or several bear it."""
        found = [c[0] for c in self._forms.get(name, ()) if c[1] == "name"]
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
        """Units directly under the region: administrative ones by code, then zones."""
        return sorted(self._children.get(region.code, ()), key=lambda r: (r.level == "zone", r.code))

    def city_of(self, region: Region) -> Region | None:
        """The prefecture city the region lies in (itself if a city; None for the province)."""
        code = self._city_codes.get(region.code)
        return self._regions[code] if code else None

    def surfaces(self) -> list[tuple[str, Region]]:
        """Every name, alias and former name with its region, e.g. for a jieba user dictionary."""
        return [(form, r) for r in self._regions.values() for form in (r.name, *r.aliases, *r.former)]

    def find_mentions(self, text: str, *, context_city: Region | None = None,
                      unsettled: set[str] | None = None) -> list[Mention]:
        """Places named in Simplified text, in order; overlaps are settled as in _longest_spans.

        A name that several places share and the context does not settle (市中区 with no city) is left
        out; when `unsettled` is given, such names (generic zone words aside) are added to it.
        """
        context = self.city_of(context_city) if context_city else None
        mentions: list[Mention] = []
        for start, end in self._spans(text):
            surface = text[start:end]
            chosen = self._sole.get(surface)
            if chosen is None:
                local = self._adjacent_city(mentions, text, start) or context
                generic = surface in GENERIC_ZONE_TERMS
                chosen = self._choose(self._forms[surface], local, generic=generic)
                if chosen is None and unsettled is not None and not generic:
                    unsettled.add(surface)
            if chosen is not None:
                mentions.append(Mention(start, end, surface, chosen[0], chosen[1]))
        return mentions

    def sharing(self, form: str) -> list[tuple[Region, str]]:
        """Every region known by `form` and how the form names it ("name", "former" …), by code."""
        return sorted({(c[0], c[1]) for c in self._forms.get(form, ())}, key=lambda c: c[0].code)

    def resolve(self, name: str, *, context_city: Region | None = None) -> Region | None:
        """The one region a person meant by ``name`` (any script, pinyin, a typo), or None."""
        query = clean_query(name)
        if not query:
            return None
        context = self.city_of(context_city) if context_city else None
        steps = (self._exact, self._stem, self._city_prefix, self._whole_mentions, self._pinyin, self._typo)
        for step in steps:
            candidates = step(query, context)
            if candidates:
                chosen = self._choose(candidates, context, generic=query in GENERIC_ZONE_TERMS)
                return chosen[0] if chosen else None
        return None

    def suggest(self, name: str, *, limit: int = 3) -> list[Region]:
        """The regions whose names look or sound most like ``name``, best first, for "did you mean"."""
        query = clean_query(name)
        if not query:
            return []
        scores: dict[str, float] = {}
        spoken = pinyin_key(query) if is_latin(query) else readings(query)[0]
        # a likeness in sound ranks just below the same likeness in writing
        for text, choices, cutoff, penalty in ((query, self._typo_forms, 50, 0),
                                               (spoken, list(self._pinyin_index), 75, 1)):
            for form, score, _ in process.extract(text, choices, scorer=fuzz.ratio, score_cutoff=cutoff,
                                                  limit=limit * 5):
                for region, _via, _rank in self._lookup(form):
                    scores[region.code] = max(scores.get(region.code, 0.0), score - penalty)
        ordered = sorted(scores, key=lambda code: (-scores[code], code))
        return [self._regions[code] for code in ordered[:limit]]

    # --- building the indexes ---

    def _index_forms(self) -> dict[str, list[_Candidate]]:
        forms: dict[str, list[_Candidate]] = defaultdict(list)
        for region in self._regions.values():
            for via, names in (("name", [region.name]), ("alias", region.aliases), ("former", region.former)):
                for form in names:
                    _add(forms, form, (region, via, _RANK[via]))
        known = set(forms)
        for region in self._regions.values():
            if region.level in ("city", "county"):
                for variant in ocr_variants(region.name):
                    if variant not in known:
                        _add(forms, variant, (region, "ocr", _RANK["ocr"]))
        return dict(forms)

    def _index_stems(self) -> dict[str, list[_Candidate]]:
        """Bare stems of names and former names, for what people type (城阳, 平原, 胶南)."""
        stems: dict[str, list[_Candidate]] = defaultdict(list)
        for region in self._regions.values():
            if region.level == "zone":
                continue
            for form, rank in ((region.name, _STEM_RANK[region.level]),
                               *((f, _FORMER_STEM_RANK) for f in region.former)):
                if form[-1] in _SUFFIXES and len(form) >= 3:
                    _add(stems, form[:-1], (region, "alias", rank))
        return dict(stems)

    @cached_property
    def _typo_forms(self) -> list[str]:
        ocr_only = {f for f, cands in self._forms.items() if all(c[1] == "ocr" for c in cands)}
        return [f for f in (*self._forms, *self._stems) if f not in ocr_only and f not in GENERIC_ZONE_TERMS]

    @cached_property
    def _pinyin_index(self) -> dict[str, list[_Candidate]]:
        """Toneless pinyin of every name, alias, stem and former name; built on first use, as it is slow."""
        index: dict[str, list[_Candidate]] = defaultdict(list)
        for form in self._typo_forms:
            for region, _via, rank in self._lookup(form):
                for n, key in enumerate(readings(form)):
                    _add(index, key, (region, "pinyin", rank + (_ALT_READING if n else 0)))
        return dict(index)

    # --- matching ---

    def _longest_spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """Non-overlapping spans covering the most text, then with the fewest (so longest) forms.

        Plain leftmost-longest would read 青岛市南区 as 青岛市 + 南区; covering the most gives 青岛 + 市南区.
        """
        spans = []
        forms, guarded = self._forms, self._guarded
        for match in self._starts.finditer(text):
            start = match.start()
            for n in self._lengths[text[start]]:
                form = text[start:start + n]
                if len(form) != n or form not in forms:
                    continue
                if form not in guarded or self._plausible(text, start, n):
                    spans.append((start, start + n))
        starts = [start for start, _end in spans]
        best = [(0, 0)] * (len(spans) + 1)  # (characters covered, -forms used) from span k onwards
        take = [False] * len(spans)
        for k in range(len(spans) - 1, -1, -1):
            start, end = spans[k]
            after = best[bisect_left(starts, end)]
            with_k = (after[0] + end - start, after[1] - 1)
            take[k] = with_k >= best[k + 1]
            best[k] = with_k if take[k] else best[k + 1]
        chosen, k = [], 0
        while k < len(spans):
            if take[k]:
                chosen.append(spans[k])
                k = bisect_left(starts, spans[k][1])
            else:
                k += 1
        return tuple(chosen)

    def _plausible(self, text: str, start: int, length: int) -> bool:
        """A short form is refused before a street word or where it straddles two words (提高|青年)."""
        end = start + length
        surface = text[start:end]
        if text.startswith(_STREET_WORDS, end):
            return False
        if start == 0 or end == len(text):
            return True
        words = _common_words()
        return not (text[start - 1] + surface[0] in words and surface[-1] + text[end] in words)

    def _adjacent_city(self, mentions: list[Mention], text: str, start: int) -> Region | None:
        if not mentions or mentions[-1].region.level != "city":
            return None
        gap = text[mentions[-1].end:start]
        return mentions[-1].region if len(gap) <= 1 and not gap.strip() else None

    def _choose(self, candidates: list[_Candidate], context: Region | None, *,
                generic: bool) -> tuple[Region, str] | None:
        """Apply the ambiguity rule from the module docstring."""
        local = [c for c in candidates if context and self._city_codes[c[0].code] == context.code]
        if generic and not local:
            return None
        pool = local or candidates
        best = min(rank for _region, _via, rank in pool)
        top = [c for c in pool if c[2] == best]
        if len({region.code for region, _via, _rank in top}) != 1:
            return None
        return top[0][0], top[0][1]

    # --- resolve steps: each returns candidates, or nothing to let the next step try ---

    def _exact(self, query: str, context: Region | None) -> list[_Candidate]:
        return self._forms.get(query, [])

    def _stem(self, query: str, context: Region | None) -> list[_Candidate]:
        found = list(self._stems.get(query, []))
        if query[-1] in _SUFFIXES and len(query) >= 3:  # the wrong suffix: 临清县 for 临清市
            found += self._forms.get(query[:-1], []) + self._stems.get(query[:-1], [])
        return found

    def _city_prefix(self, query: str, context: Region | None) -> list[_Candidate]:
        """枣庄市中区: a city's name, then a unit of that city."""
        for city in self._cities:
            for prefix in (city.name, *city.aliases):
                rest = query[len(prefix):]
                if query.startswith(prefix) and rest:
                    found = self._exact(rest, city) or self._stem(rest, city)
                    local = [c for c in found if self._city_codes[c[0].code] == city.code]
                    if local:
                        return local
        return []

    def _whole_mentions(self, query: str, context: Region | None) -> list[_Candidate]:
        """山东省聊城市临清市: places one after another; the last is the one meant."""
        mentions = self.find_mentions(query, context_city=context)
        rest = query
        for mention in reversed(mentions):
            rest = rest[:mention.start] + rest[mention.end:]
        if not mentions or rest.strip(_SEPARATORS):
            return []
        return [(mentions[-1].region, mentions[-1].via, 0)]

    def _pinyin(self, query: str, context: Region | None) -> list[_Candidate]:
        if not is_latin(query):
            return []
        key = pinyin_key(query)
        if key in self._pinyin_index or len(key) < 5:
            return self._pinyin_index.get(key, [])
        near = process.extract(key, list(self._pinyin_index), scorer=fuzz.ratio, score_cutoff=90, limit=5)
        best = max((score for _key, score, _ in near), default=0)
        return [c for found, score, _ in near if score == best for c in self._pinyin_index[found]]

    def _typo(self, query: str, context: Region | None) -> list[_Candidate]:
        """A form of the same length that differs only in homophones or look-alikes (临青, 聊成)."""
        if is_latin(query):
            return []
        near = process.extract(query, self._typo_forms, scorer=fuzz.ratio, score_cutoff=40, limit=20)
        slips = [(form, score) for form, score, _ in near if is_slip(query, form)]
        best = max((score for _form, score in slips), default=0)
        return [(region, "fuzzy", rank) for form, score in slips if score == best
                for region, _via, rank in self._lookup(form)]

    def _lookup(self, form: str) -> list[_Candidate]:
        """Candidates for a form, stem or pinyin key (the three never share a key)."""
        return self._forms.get(form) or self._stems.get(form) or self._pinyin_index.get(form, [])


def _add(index: dict[str, list[_Candidate]], form: str, candidate: _Candidate) -> None:
    """Record a form, keeping one candidate per region: the best-ranked."""
    bucket = index[form]
    for i, (region, _via, rank) in enumerate(bucket):
        if region.code == candidate[0].code:
            if candidate[2] < rank:
                bucket[i] = candidate
            return
    bucket.append(candidate)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Two-character words jieba has seen 100 times or more: enough to see a short form straddle two."""
    text = files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    return frozenset(re.findall(r"^(\S\S) \d{3,} ", text, re.MULTILINE))


def _region(entry: dict[str, Any]) -> Region:
    aliases, former = tuple(entry["aliases"]), tuple(f["name"] for f in entry["former"])
    return Region(entry["code"], entry["name"], entry["level"], entry["parent"], aliases, former)


def _bundled_region(code: str) -> Region:
    return _load_bundled().get(code)


@lru_cache(maxsize=1)
def _load_bundled() -> Gazetteer:
    data = files("knowledge").joinpath("data")
    regions = [
        _region(entry)
        for file in ("gazetteer.json", "zones.json")
        for entry in json.loads(data.joinpath(file).read_text(encoding="utf-8"))["entries"]
    ]
    return Gazetteer(regions)
