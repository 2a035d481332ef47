"""What the gazetteer hands out: a Region (one unit, today's or one merged away) and a Mention of it in text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Province-level cities: their districts count as lying in a city (全市 in a 北京 article is 北京市).
MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})


@dataclass(frozen=True, slots=True)
class Region:
    """One place: a province, a prefecture, a county-level unit or a functional zone.

    `until` is set on a unit merged away in that year (莱芜市, 2019), and `successors` names the units that
    took it over. `former` are earlier names of this same unit, `former_until` their last years.
    """

    code: str
    name: str
    level: str  # "province" | "city" | "county" | "zone"
    parent: str | None
    aliases: tuple[str, ...]
    former: tuple[str, ...]
    former_until: tuple[int | None, ...] = ()
    stems: tuple[str, ...] = ()  # short forms for what people type, too common a word to match in prose
    pinyin: tuple[str, ...] = ()  # readings of the name, syllables space-separated, usual first
    traditional: str | None = None
    until: int | None = None
    successors: tuple[str, ...] = ()
    generic: bool = False  # the name itself is an ordinary word (城区, 矿区)

    @property
    def short(self) -> str:
        """The name to show where space is short: the first alias, else the full name."""
        return self.aliases[0] if self.aliases else self.name

    @property
    def merged_away(self) -> bool:
        return self.until is not None

    def existed_in(self, year: int | None) -> bool:
        """Whether a text about `year` can mean this unit (a merged unit only before its merger)."""
        return self.until is None or (year is not None and year < self.until)

    def __reduce__(self) -> tuple[Any, ...]:
        # A bundled region travels between processes (the ingest pool) as its code alone.
        from knowledge.places.gazetteer import bundled_region, is_bundled

        if is_bundled(self):
            return bundled_region, (self.code,)
        return Region, (self.code, self.name, self.level, self.parent, self.aliases, self.former,
                        self.former_until, self.stems, self.pinyin, self.traditional, self.until,
                        self.successors, self.generic)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place named in a text: where, as written, and which region it is."""

    start: int
    end: int
    surface: str
    region: Region
    via: str  # "name" | "alias" | "former" | "ocr" | "pinyin" | "fuzzy"


def region_from_entry(entry: dict[str, Any]) -> Region:
    """A Region from one entry of gazetteer.json or zones.json."""
    former = entry.get("former", [])
    names = tuple(f["name"] if isinstance(f, dict) else f[0] for f in former)
    years = tuple(f.get("until") if isinstance(f, dict) else f[1] for f in former)
    return Region(entry["code"], entry["name"], entry["level"], entry["parent"], tuple(entry.get("aliases", ())),
                  names, years, tuple(entry.get("stems", ())), tuple(entry.get("py", ())), entry.get("hant"),
                  entry.get("until"), tuple(entry.get("successors", ())), bool(entry.get("generic", False)))


Candidate = tuple[Region, str, int]  # region, how the form names it, rank (lower is better)


def add_candidate(index: dict[str, list[Candidate]], form: str, candidate: Candidate) -> None:
    """Record a form, keeping one candidate per region: the best-ranked."""
    bucket = index[form]
    for i, (region, _via, rank) in enumerate(bucket):
        if region.code == candidate[0].code:
            if candidate[2] < rank:
                bucket[i] = candidate
            return
    bucket.append(candidate)
