"""Build knowledge/data/gazetteer.json: Shandong, its cities and counties, with aliases and former names.

Data credit: the division tree (names, adcodes) and part of the renamings come from jionlp,
https://github.com/dongrixinyu/JioNLP, licensed Apache-2.0 (its dictionary/china_location.zip and
dictionary/china_location_change.txt). jionlp is needed only to run this script, never by regionbot:

    python3 -m venv /tmp/jio && /tmp/jio/bin/pip install jionlp
    /tmp/jio/bin/python scripts/build_gazetteer.py            # writes knowledge/data/gazetteer.json

The data files are read straight from the installed package; jionlp itself is never imported, because its
import loads far more than this needs.

What goes in: 山东省, its 16 prefecture-level cities and their counties, county-level cities and districts.
Functional zones are left out here (their statistical codes have 7 as the fifth digit, e.g. 370171); the
hand-written knowledge/data/zones.json covers them.

Alias rule: the short form of a name is the name without its final 省/市/区/县, kept only when
  1. at least two characters remain (冠县 → 冠 is useless, so 冠县 has no alias);
  2. it is not an ordinary word or a fragment that often straddles words in prose (COMMON_WORD_STEMS);
  3. it is not also the short form or name of a county-or-higher unit elsewhere in China (河东 is also
     天津's, 栖霞 also 南京's, 市中 also 乐山's): news mentions those too;
  4. no other Shandong unit of the same or a higher level claims it (东营 stays with 东营市, not 东营区).
The dropped forms stay reachable through Gazetteer.resolve, which also tries a bare stem, since a person
who types 城阳 or 平原 into the bot means the place.

Former names come from jionlp's change list where it has them and from HAND_FORMER for the rest.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import sys
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PROVINCE = "山东省"
OUTPUT = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "gazetteer.json"
SOURCE = (
    "Division tree and part of the renamings: jionlp (https://github.com/dongrixinyu/JioNLP, Apache-2.0), "
    "dictionary/china_location.zip and dictionary/china_location_change.txt; aliases and the other former "
    "names: regionbot's scripts/build_gazetteer.py"
)
SUFFIXES = "省市区县"

# Short forms that are everyday words (平原 plain, 天桥 overpass, 牡丹 peony, 惠民 "benefit the people"),
# or that turn up across word boundaries (该市南部, 高密度), or nicknames shared with other cities (滨城 is
# also 大连). 城阳 and the like stay: the matcher refuses a short form that straddles two words.
COMMON_WORD_STEMS = frozenset({"平原", "天桥", "牡丹", "惠民", "山亭", "市南", "市北", "滨城", "高密"})

# (current full name, its city, former name, last year the former name was in use). Only what jionlp's
# change list lacks; years are those of the State Council approvals.
HAND_FORMER: tuple[tuple[str, str, str, int], ...] = (
    ("长清区", "济南市", "长清县", 2001),
    ("章丘区", "济南市", "章丘市", 2016),
    ("莱芜区", "济南市", "莱城区", 2019),
    # 莱芜市 (莱城区 + 钢城区) was merged into 济南 in 2019; its name lives on in 莱芜区, which also
    # carries most of its economy, so a mention of 莱芜市 is filed there rather than under all of 济南.
    ("莱芜区", "济南市", "莱芜市", 2019),
    ("黄岛区", "青岛市", "胶南市", 2012),
    ("市北区", "青岛市", "四方区", 2012),
    ("即墨区", "青岛市", "即墨市", 2017),
    ("垦利区", "东营市", "垦利县", 2016),
    ("文登区", "威海市", "文登市", 2014),
    ("沾化区", "滨州市", "沾化县", 2014),
    ("陵城区", "德州市", "陵县", 2014),
    ("兖州区", "济宁市", "兖州市", 2013),
    # 济宁's own 市中区 was merged into 任城区; the shared name is settled by city context at run time.
    ("任城区", "济宁市", "市中区", 2013),
    ("兰陵县", "临沂市", "苍山县", 2014),
    ("定陶区", "菏泽市", "定陶县", 2016),
    ("牟平区", "烟台市", "牟平县", 1994),
)


@dataclass
class Unit:
    """One administrative unit while the file is being built."""

    code: str
    name: str
    level: str
    parent: str | None
    city: str  # name of its prefecture city ("" for the province)
    aliases: list[str] = field(default_factory=list)
    former: list[dict[str, object]] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "level": self.level,
            "parent": self.parent,
            "aliases": self.aliases,
            "former": sorted(self.former, key=lambda f: (f["until"] or 0, f["name"])),
        }


def jionlp_dictionary_dir() -> Path:
    """Where the installed jionlp keeps its data, found without importing the package."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("jionlp is not installed here; see this script's docstring")
    return Path(next(iter(spec.submodule_search_locations))) / "dictionary"


def read_location_lines(dictionary: Path) -> list[str]:
    with zipfile.ZipFile(dictionary / "china_location.zip") as archive:
        raw = archive.read("china_location.txt")
    return io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8").read().splitlines()


def parse_divisions(lines: list[str]) -> tuple[list[Unit], set[str]]:
    """Shandong's units, and every county-or-higher name and short form outside Shandong."""
    units: list[Unit] = []
    elsewhere: set[str] = set()
    province = city = ""
    parent_codes: dict[int, str] = {}
    for line in lines:
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 2 or not line.strip():
            continue  # towns and villages
        name, *rest = line.strip().split("\t")
        code = rest[0] if rest else ""  # jionlp lists 台湾's districts without codes
        if depth == 0:
            province = name
        elif depth == 1:
            city = name
        if province != PROVINCE:
            elsewhere.update({name, *rest, stem_of(name) or name})
            continue
        if depth == 2 and code[4] == "7":
            continue  # functional zone: see zones.json
        level = ("province", "city", "county")[depth]
        units.append(Unit(code, name, level, parent_codes.get(depth - 1), city if depth else ""))
        parent_codes[depth] = code
    return units, elsewhere


def stem_of(name: str) -> str | None:
    if name[-1] in SUFFIXES and len(name) >= 3:
        return name[:-1]
    return None


def assign_aliases(units: list[Unit], elsewhere: set[str]) -> dict[str, str]:
    """Give each unit its short form per the rules in the module docstring; return dropped forms and why."""
    rank = {"province": 0, "city": 1, "county": 2}
    claims: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        stem = stem_of(unit.name)
        if stem:
            claims[stem].append(unit)
    names = {unit.name for unit in units}
    dropped: dict[str, str] = {}
    for stem, owners in claims.items():
        owners.sort(key=lambda u: rank[u.level])
        tied = len(owners) > 1 and rank[owners[0].level] == rank[owners[1].level]
        if stem in COMMON_WORD_STEMS:
            dropped[stem] = "common word"
        elif stem in elsewhere:
            dropped[stem] = "also a place outside Shandong"
        elif tied or stem in names:
            dropped[stem] = "shared inside Shandong"
        else:
            owners[0].aliases.append(stem)
            dropped.update({f"{stem} ({u.name})": "claimed by a higher level" for u in owners[1:]})
    return dropped


def parse_changes(dictionary: Path) -> list[tuple[str, str, str, int]]:
    """Shandong renamings from jionlp: (current name, its city, former name, year) where the name changed."""
    found = []
    text = (dictionary / "china_location_change.txt").read_text(encoding="utf-8")
    for line in map(str.strip, text.splitlines()):
        if "=>" not in line:
            continue
        before, after = line.split("=>")
        date, _kind, province, _short, *old = before.split("\t")
        new = after.split("\t")
        if province != PROVINCE:
            continue
        old_name = old[2] if len(old) >= 3 else old[0]  # county if the line has one, else the city
        new_name, new_city = new[-1], new[1]
        if old_name != new_name:
            found.append((new_name, new_city, old_name, int(date[:4])))
    return found


def assign_former(units: list[Unit], renamings: list[tuple[str, str, str, int]]) -> None:
    index = {(u.name, u.city if u.level == "county" else u.name): u for u in units}
    for name, city, former, until in renamings:
        unit = index.get((name, city))
        if unit is None:
            print(f"warning: renaming to unknown unit {city}{name}, skipped", file=sys.stderr)
        elif all(f["name"] != former for f in unit.former):
            unit.former.append({"name": former, "until": until})


def build(dictionary: Path) -> dict[str, object]:
    units, elsewhere = parse_divisions(read_location_lines(dictionary))
    dropped = assign_aliases(units, elsewhere)
    assign_former(units, [*parse_changes(dictionary), *HAND_FORMER])
    for stem, why in sorted(dropped.items()):
        print(f"no alias {stem}: {why}", file=sys.stderr)
    units.sort(key=lambda u: u.code)
    return {"source": SOURCE, "province": PROVINCE, "entries": [u.as_json() for u in units]}


def to_json(data: dict[str, object]) -> str:
    """Pretty enough to review: the header keys, then one entry a line, so a diff shows what changed."""
    entries = data["entries"]
    assert isinstance(entries, list)
    head = [
        f" {json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)},"
        for key, value in data.items()
        if key != "entries"
    ]
    body = ",\n".join(f"  {json.dumps(e, ensure_ascii=False)}" for e in entries)
    return "{\n" + "\n".join(head) + '\n "entries": [\n' + body + "\n ]\n}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--jionlp-dictionary", type=Path, help="jionlp's dictionary/ folder if not installed")
    args = parser.parse_args()
    data = build(args.jionlp_dictionary or jionlp_dictionary_dir())
    entries = data["entries"]
    assert isinstance(entries, list)
    levels = defaultdict(int)
    for entry in entries:
        levels[entry["level"]] += 1
    args.out.write_text(to_json(data), encoding="utf-8")
    print(f"wrote {len(entries)} entries {dict(levels)} to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
