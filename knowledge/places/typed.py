"""What people type for a place: resolve it to one region, list every candidate to ask back, or suggest.

Steps, first that finds anything wins: the exact form (any script), a bare stem (城阳 → 城阳区), a city
prefix (枣庄市中区), a run of places (山东省聊城市临清市), pinyin (linqing), a homophone or look-alike typo.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable
from functools import cached_property

from rapidfuzz import fuzz, process

from knowledge.places.fuzzy import clean_query, is_latin, is_slip, pinyin_key, spoken
from knowledge.places.region import Candidate, Mention, Region, add_candidate

_SUFFIXES = "省市区县"
_STEM_RANK = {"nation": 5, "province": 5, "city": 5, "county": 6, "zone": 6}
_TYPED_STEM_RANK = 6
_FORMER_STEM_RANK = 8
_ALT_READING = 10  # a pinyin key from a rarer reading ranks after every usual one
_SEPARATORS = " \t,，、/·-"
# A slip never turns a grammatical particle into a name character: 长了 is "grew", not a typo for 长乐.
_PARTICLES = frozenset("了的地得着过是在和与及也都就还吗呢吧啊么")
_RESOLVED_KEPT = 20_000  # names remembered by resolve() before it starts afresh
_GENERIC = frozenset({"开发区", "经开区", "高新区", "度假区", "临港区"})


class TypedInput:
    """Resolving typed names; mixed into Gazetteer, whose indexes it reads."""

    _regions: dict[str, Region]
    _forms: dict[str, list[Candidate]]
    _simplified_of: dict[str, str]
    _cities: list[Region]
    _city_codes: dict[str, str | None]
    choose: Callable[..., tuple[Region, str] | None]
    in_year: Callable[[list[Candidate], int | None], list[Candidate]]
    city_of: Callable[[Region], Region | None]
    find_mentions: Callable[..., list[Mention]]

    def resolve(self, name: str, *, context_city: Region | None = None, year: int | None = None) -> Region | None:
        """The one region a person meant by ``name`` (any script, pinyin, a typo), or None.

        Remembered per name and context: the typo search behind it is the dearest step of reading a
        ranking's entries, which name the same few places again and again."""
        key = (name, context_city.code if context_city else None, year)
        if key in self._resolved:
            return self._resolved[key]
        query, found = self._typed_candidates(name, context_city, year)
        chosen = None
        if found:
            context = self.city_of(context_city) if context_city else None
            chosen = self.choose(found, [context], year=year, strict=query in _GENERIC)
        if len(self._resolved) >= _RESOLVED_KEPT:
            self._resolved.clear()
        self._resolved[key] = chosen[0] if chosen else None
        return self._resolved[key]

    @cached_property
    def _resolved(self) -> dict[tuple[str, str | None, int | None], Region | None]:
        return {}

    def candidates(self, name: str, *, context_city: Region | None = None,
                   year: int | None = None) -> list[Region]:
        """Every region ``name`` may mean, best first: one if it is settled, several to ask back, or none.

        A generic zone word (高新区) without a context city has no candidates: it names no place by itself.
        """
        query, found = self._typed_candidates(name, context_city, year)
        context = self.city_of(context_city) if context_city else None
        chosen = self.choose(found, [context], year=year, strict=query in _GENERIC) if found else None
        if chosen is not None:
            return [chosen[0]]
        if query in _GENERIC and context is None:
            return []
        found = self.in_year(found, year)
        best: dict[str, int] = {}
        for region, _via, rank in found:
            best[region.code] = min(rank, best.get(region.code, rank))
        return [self._regions[code] for code in sorted(best, key=lambda code: (best[code], code))]

    def suggest(self, name: str, *, limit: int = 3) -> list[Region]:
        """The regions whose names look or sound most like ``name``, best first, for "did you mean"."""
        query = clean_query(name)
        if not query:
            return []
        scores: dict[str, float] = {}
        spoken = pinyin_key(query) if is_latin(query) else self._reading_of(query)
        # a likeness in sound ranks just below the same likeness in writing
        for text, choices, cutoff, penalty in ((query, self._typo_forms, 50, 0),
                                               (spoken, list(self._pinyin_index), 75, 1)):
            for form, score, _ in process.extract(text, choices, scorer=fuzz.ratio, score_cutoff=cutoff,
                                                  limit=limit * 5):
                for region, _via, _rank in self._lookup(form):
                    if not region.merged_away:
                        scores[region.code] = max(scores.get(region.code, 0.0), score - penalty)
        ordered = sorted(scores, key=lambda code: (-scores[code], code))
        return [self._regions[code] for code in ordered[:limit]]

    def _typed_candidates(self, name: str, context_city: Region | None,
                          year: int | None) -> tuple[str, list[Candidate]]:
        query = clean_query(name)
        if not query:
            return query, []
        context = self.city_of(context_city) if context_city else None
        written = "".join(unicodedata.normalize("NFKC", name).split())
        if written != query and written in self._forms:  # 乾县 is no Traditional 干县
            return written, self.in_year(self._forms[written], year)
        steps = (self._exact, self._stem, self._city_prefix, self._whole_mentions, self._pinyin, self._typo)
        for step in steps:
            found = self.in_year(step(query, context), year)
            if found:
                return query, found
        return query, []

    # --- indexes for typed input only, built on first use ---

    @cached_property
    def _stems(self) -> dict[str, list[Candidate]]:
        """Bare stems of names and former names, and typing-only short forms (城阳, 平原, 和平)."""
        stems: dict[str, list[Candidate]] = defaultdict(list)
        for region in self._regions.values():
            if region.level == "zone":
                continue
            for form, rank in ((region.name, _STEM_RANK[region.level]),
                               *((f, _FORMER_STEM_RANK) for f in region.former)):
                if form[-1] in _SUFFIXES and len(form) >= 3:
                    add_candidate(stems, form[:-1], (region, "alias", rank))
            for form in region.stems:
                add_candidate(stems, form, (region, "alias", _TYPED_STEM_RANK))
        return dict(stems)

    @cached_property
    def _traditional(self) -> dict[str, list[Candidate]]:
        found: dict[str, list[Candidate]] = defaultdict(list)
        for region in self._regions.values():
            if region.traditional:
                add_candidate(found, region.traditional, (region, "name", 0))
        return dict(found)

    @cached_property
    def _typo_forms(self) -> list[str]:
        # typed input is read as Simplified: the Traditional forms of running text would only add noise
        ocr_only = {f for f, cands in self._forms.items() if all(c[1] == "ocr" for c in cands)}
        return [f for f in (*self._forms, *self._stems)
                if f not in ocr_only and f not in _GENERIC and f not in self._simplified_of]

    @cached_property
    def _pinyin_index(self) -> dict[str, list[Candidate]]:
        """Toneless pinyin of names, stems and short forms that begin the name, from the stored readings."""
        index: dict[str, list[Candidate]] = defaultdict(list)
        for region in self._regions.values():
            for n, reading in enumerate(region.pinyin):
                syllables = reading.split(" ")
                if len(syllables) != len(region.name):
                    continue
                extra = _ALT_READING if n else 0
                forms = [(region.name, 0)] + [(f, 1) for f in (*region.aliases, *region.stems)
                                              if region.name.startswith(f)]
                if region.name[-1] in _SUFFIXES and len(region.name) >= 3:
                    forms.append((region.name[:-1], _STEM_RANK[region.level]))
                for form, rank in forms:
                    add_candidate(index, "".join(syllables[:len(form)]), (region, "pinyin", rank + extra))
        return dict(index)

    def _reading_of(self, query: str) -> str:
        return pinyin_key("".join(spoken(query)))

    # --- steps: each returns candidates, or nothing to let the next step try ---

    def _exact(self, query: str, context: Region | None) -> list[Candidate]:
        return self._forms.get(query) or self._traditional.get(query, [])

    def _stem(self, query: str, context: Region | None) -> list[Candidate]:
        found = list(self._stems.get(query, []))
        if query[-1] in _SUFFIXES and len(query) >= 3:  # the wrong suffix: 临清县 for 临清市
            found += self._forms.get(query[:-1], []) + self._stems.get(query[:-1], [])
        return found

    def _city_prefix(self, query: str, context: Region | None) -> list[Candidate]:
        """枣庄市中区: a city's name, then a unit of that city."""
        for city in self._cities:
            for prefix in (city.name, *city.aliases):
                rest = query[len(prefix):]
                if query.startswith(prefix) and rest:
                    found = self._exact(rest, city) or self._stem(rest, city)
                    local = [c for c in found if self._city_codes[c[0].code] == city.code and c[0] != city]
                    if local:
                        return local
        return []

    def _whole_mentions(self, query: str, context: Region | None) -> list[Candidate]:
        """山东省聊城市临清市: places one after another; the last is the one meant."""
        mentions = self.find_mentions(query, context_city=context)
        rest = query
        for mention in reversed(mentions):
            rest = rest[:mention.start] + rest[mention.end:]
        if not mentions or rest.strip(_SEPARATORS):
            return []
        return [(mentions[-1].region, mentions[-1].via, 0)]

    def _pinyin(self, query: str, context: Region | None) -> list[Candidate]:
        if not is_latin(query):
            return []
        key = pinyin_key(query)
        if key in self._pinyin_index or len(key) < 5:
            return self._pinyin_index.get(key, [])
        near = process.extract(key, list(self._pinyin_index), scorer=fuzz.ratio, score_cutoff=90, limit=5)
        best = max((score for _key, score, _ in near), default=0)
        return [c for found, score, _ in near if score == best for c in self._pinyin_index[found]]

    def _typo(self, query: str, context: Region | None) -> list[Candidate]:
        """A form of the same length that differs only in homophones or look-alikes (临青, 聊成)."""
        if is_latin(query):
            return []
        near = {form for i in range(len(query)) for form in self._masked.get(_mask(query, i), ())}
        slips = [form for form in near if is_slip(query, form) and not _slips_a_particle(query, form)]
        if not slips and len(query) >= 6:  # long names may carry two slips
            found = process.extract(query, self._typo_forms, scorer=fuzz.ratio, score_cutoff=60, limit=20)
            slips = [form for form, _score, _ in found if is_slip(query, form)]
        return [(region, "fuzzy", rank) for form in sorted(slips) for region, _via, rank in self._lookup(form)]

    @cached_property
    def _masked(self) -> dict[str, list[str]]:
        """Each typo form with one character masked, so a one-character slip is a dictionary lookup."""
        masked: dict[str, list[str]] = defaultdict(list)
        for form in self._typo_forms:
            for i in range(len(form)):
                masked[_mask(form, i)].append(form)
        return dict(masked)

    def _lookup(self, form: str) -> list[Candidate]:
        """Candidates for a form, stem or pinyin key (the three never share a key)."""
        return self._forms.get(form) or self._stems.get(form) or self._pinyin_index.get(form, [])


def _slips_a_particle(query: str, form: str) -> bool:
    return any(q != f and q in _PARTICLES for q, f in zip(query, form, strict=True))


def _mask(form: str, i: int) -> str:
    return form[:i] + "\0" + form[i + 1:]


