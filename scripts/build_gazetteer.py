"""Build knowledge/data/gazetteer.json: every province-, prefecture- and county-level unit of China, with
short names, former names, merged units and their years, Traditional forms and pinyin.

Data credit: the division tree (names, adcodes, short names) and the change list come from jionlp,
https://github.com/dongrixinyu/JioNLP, licensed Apache-2.0 (its dictionary/china_location.zip and
dictionary/china_location_change.txt). jionlp is needed only to run this script, never by regionbot, and is
never imported (its import loads far more than this needs); the script reads its data files:

    python3 -m venv /tmp/jio && /tmp/jio/bin/pip install jionlp
    .venv/bin/python scripts/build_gazetteer.py \
        --jionlp-dictionary /tmp/jio/lib/python3.11/site-packages/jionlp/dictionary

What goes in: 31 mainland provinces with their prefectures and counties (functional zones, whose codes have
7 as the fifth digit, are left to the hand-written zones.json); 香港, 澳门 and 台湾 as province-level names
only (台湾's districts would only add false matches such as 中山区 and 大安区). A municipality's districts
hang under the municipality itself, and 省直辖 county-level cities (济源, 仙桃) under their province.

Names per unit: `aliases` are short forms matched in running text (jionlp's short name, 恩施州 for a 自治州);
`stems` are short forms kept for what people type only, because in prose they are ordinary words (和平,
新华, 城区); `generic` marks a unit whose very name is an ordinary word (城区, 矿区), which the matcher
accepts only right after its city. `former` lists renamings [name, last year]; a unit merged into another
(莱芜市 2019, 长岛县 2020) is kept as its own entry with `until` and `successors` (see knowledge/places).
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import itertools
import json
import sys
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import opencc
from pypinyin import Style, lazy_pinyin, pinyin

OUTPUT = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "gazetteer.json"
SOURCE = (
    "Division tree, short names and the change list: jionlp (https://github.com/dongrixinyu/JioNLP, "
    "Apache-2.0), dictionary/china_location.zip and dictionary/china_location_change.txt; other former names, "
    "merged units and the alias rules: regionbot's scripts/build_gazetteer.py"
)
NAME_ONLY = ("香港特别行政区", "澳门特别行政区", "台湾省")
SUFFIXES = "省市区县"

# Short forms that are everyday words or fragments in prose even where jieba calls them places
# (平原 plain, 天桥 overpass, 新城 new town, 长安 as in 长安汽车, 曲松 in 头孢曲松钠); typing only.
COMMON_WORD_STEMS = frozenset({
    "平原", "天桥", "牡丹", "惠民", "山亭", "市南", "市北", "滨城", "高密", "新城", "长安", "城关", "新区",
    "江北", "江南", "河东", "河西", "城中", "城东", "城西", "城北", "城南", "东区", "西区", "南区", "北区",
    "白云", "海南州", "青山", "南山", "北山", "东山", "西山", "永和", "向阳", "前进", "红旗", "新华",
    "和平", "建设", "光明", "宝山", "新兴", "金山", "开发", "高新", "安定", "大方", "和田",
    "阿里", "合作", "东方", "长江", "凤凰", "太平", "复兴", "文明", "团结", "胜利", "公安",
    "南部", "比如", "通道", "友好", "友谊", "解放", "振兴", "工农", "港口", "温泉", "清水", "莲花", "运河",
    "互助", "共和", "富裕", "宏伟", "延长", "会同", "平安", "东风", "二七", "中方", "台前", "三元", "前锋",
    "建华", "建安", "清新", "高明", "万年", "大观", "平和", "太和", "市中", "河口", "新市", "郊区", "矿区",
    "新建", "武功", "长子", "洞口", "石门", "芙蓉", "光泽", "石棉", "民权", "同心", "小店", "元宝", "宝塔",
    "双桥", "高台", "名山", "月湖", "九龙", "永福", "黄龙", "石林", "石柱", "石龙", "文峰", "凤山", "桃源",
    "全州", "高新区", "经开区", "开发区", "方城", "河间", "新平", "大关", "上高", "江山", "曲松",
})
JIEBA_WORD_FLOOR = 300  # a jieba word this frequent and not a noun is an ordinary word (开发, 前进)

# Renamings jionlp's short change list lacks: (current name, its city, former name, last year in use).
HAND_FORMER: tuple[tuple[str, str, str, int], ...] = (
    ("长清区", "济南市", "长清县", 2001), ("章丘区", "济南市", "章丘市", 2016),
    ("莱芜区", "济南市", "莱城区", 2019), ("黄岛区", "青岛市", "胶南市", 2012),
    ("市北区", "青岛市", "四方区", 2012), ("即墨区", "青岛市", "即墨市", 2017),
    ("垦利区", "东营市", "垦利县", 2016), ("文登区", "威海市", "文登市", 2014),
    ("沾化区", "滨州市", "沾化县", 2014), ("陵城区", "德州市", "陵县", 2014),
    ("兖州区", "济宁市", "兖州市", 2013), ("任城区", "济宁市", "市中区", 2013),
    ("兰陵县", "临沂市", "苍山县", 2014), ("定陶区", "菏泽市", "定陶县", 2016),
    ("牟平区", "烟台市", "牟平县", 1994), ("吴江区", "苏州市", "吴江市", 2012),
    ("萧山区", "杭州市", "萧山市", 2001), ("通州区", "南通市", "通州市", 2009),
    ("通州区", "北京市", "通县", 1997), ("普洱市", "普洱市", "思茅市", 2007),
    ("姜堰区", "泰州市", "姜堰市", 2012), ("江都区", "扬州市", "江都市", 2011),
    ("富阳区", "杭州市", "富阳市", 2014), ("临安区", "杭州市", "临安市", 2017),
)

# Units merged into others, kept as their own entries: (name, code, level, parent code, successor codes,
# last year). Their codes are the old adcodes where known, else "<successor>-h<n>".
HAND_MERGED: tuple[tuple[str, str, str, str, tuple[str, ...], int], ...] = (
    ("莱芜市", "371200", "city", "370000", ("370116", "370117"), 2019),
    ("巢湖市", "341400", "city", "340000", ("340181",), 2011),
    ("下城区", "330103", "county", "330100", ("330105",), 2021),
    ("江干区", "330104", "county", "330100", ("330102",), 2021),
    ("港闸区", "320611", "county", "320600", ("320602",), 2020),
    ("湾里区", "360105", "county", "360100", ("360112",), 2019),
    ("三山区", "340208", "county", "340200", ("340203",), 2020),
)
# Slips in jionlp's change list, and targets its (older) tree does not have yet under the new name.
CHANGE_FIXES = {"云岗区": "云冈区", "大菁山县": "大箐山县", "玉环区": "玉环市"}
_MERGED_FROM_CHANGES = 2  # a target named by this many different old units in one change is a merger


@dataclass
class Unit:
    """One unit while the file is being built."""

    code: str
    name: str
    level: str
    parent: str | None
    city: str  # name of its prefecture (or municipality); "" for a province
    province: str
    shorts: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    stems: list[str] = field(default_factory=list)
    former: list[tuple[str, int]] = field(default_factory=list)
    until: int | None = None
    successors: list[str] = field(default_factory=list)

    def as_json(self, s2t: opencc.OpenCC, words: dict[str, tuple[int, str]]) -> dict[str, object]:
        entry: dict[str, object] = {"code": self.code, "name": self.name, "level": self.level,
                                    "parent": self.parent}
        for key, value in (("aliases", self.aliases), ("stems", self.stems),
                           ("former", [list(f) for f in sorted(set(self.former), key=lambda f: (f[1], f[0]))]),
                           ("successors", self.successors)):
            if value:
                entry[key] = value
        if self.until:
            entry["until"] = self.until
        if is_common_word(self.name, words):
            entry["generic"] = True
        if (hant := s2t.convert(self.name)) != self.name:
            entry["hant"] = hant
        entry["py"] = readings(self.name)
        return entry


def readings(name: str, cap: int = 3) -> list[str]:
    """Space-separated syllables, one per character: the usual reading, then up to cap-1 others.

    Other readings vary only the first two characters (单县 shan xian); later ones, and the suffix, take
    their usual reading, as a person typing pinyin does.
    """
    usual = lazy_pinyin(name)
    options = pinyin(name[:2], style=Style.NORMAL, heteronym=True)
    if len(usual) != len(name) or len(options) != min(2, len(name)):
        return [" ".join(usual)]
    heads = itertools.islice(itertools.product(*options), 8)
    return list(dict.fromkeys(" ".join([*head, *usual[len(head):]]) for head in [usual[:2], *heads]))[:cap]


def jionlp_dictionary_dir() -> Path:
    """Where the installed jionlp keeps its data, found without importing the package."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("jionlp is not installed here; pass --jionlp-dictionary (see this script's docstring)")
    return Path(next(iter(spec.submodule_search_locations))) / "dictionary"


def read_location_lines(dictionary: Path) -> list[str]:
    with zipfile.ZipFile(dictionary / "china_location.zip") as archive:
        raw = archive.read("china_location.txt")
    return io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8").read().splitlines()


def parse_divisions(lines: list[str]) -> list[Unit]:
    """Provinces, prefectures and counties from jionlp's tree (tab depth 0, 1, 2; deeper are towns)."""
    units: list[Unit] = []
    province: Unit | None = None
    city: Unit | None = None
    for line in lines:
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 2 or not line.strip():
            continue
        name, *rest = line.strip().split("\t")
        code, shorts = (rest[0], rest[1].split("/")) if len(rest) >= 2 else ("", [])
        if depth == 0:
            province = Unit(code, name, "province", None, "", name, shorts)
            units.append(province)
            continue
        assert province is not None
        if province.name in NAME_ONLY:
            continue
        if depth == 1:
            if code == province.code:  # a municipality lists itself again as its only prefecture
                city = province
            elif name == "省直辖行政区划":  # county-level cities run by the province itself
                city = None
            else:
                city = Unit(code, name, "city", province.code, name, province.name, shorts)
                units.append(city)
            continue
        if code[4] == "7" or (city and code == city.code):
            continue  # a functional zone (see zones.json), or a city without counties listing itself
        parent = city.code if city else province.code
        units.append(Unit(code, name, "county", parent, city.name if city else "", province.name, shorts))
    return units


def jieba_words() -> dict[str, tuple[int, str]]:
    text = files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    return {w: (int(f), tag) for w, f, tag in (line.split(" ") for line in text.splitlines() if line)}


def is_common_word(form: str, words: dict[str, tuple[int, str]]) -> bool:
    found = words.get(form)
    return form in COMMON_WORD_STEMS or (found is not None and found[0] >= JIEBA_WORD_FLOOR
                                         and not found[1].startswith("n"))


def assign_aliases(units: list[Unit], words: dict[str, tuple[int, str]]) -> Counter[str]:
    """Short forms for text (aliases) and for typing only (stems); returns why forms were held back."""
    why: Counter[str] = Counter()
    for unit in units:
        forms = [s for s in unit.shorts if s and s != unit.name]
        if unit.name.endswith("自治州") and forms:
            forms.append(forms[0] + "州")  # 恩施州, 延边州
        if unit.name.endswith("自治县") and forms:
            forms.append(forms[0] + "县")  # 长阳县
        for form in dict.fromkeys(forms):
            if len(form) < 2:
                why["one character"] += 1
            elif form in COMMON_WORD_STEMS or (unit.level == "county" and is_common_word(form, words)):
                unit.stems.append(form)
                why["ordinary word: typing only"] += 1
            else:
                unit.aliases.append(form)
    return why


Change = tuple[str, str, str, str, str, int]  # new name, new city, old name, old short, old city, year


def parse_changes(dictionary: Path) -> list[Change]:
    """jionlp's changes where the name changed."""
    found = []
    text = (dictionary / "china_location_change.txt").read_text(encoding="utf-8")
    for line in map(str.strip, text.splitlines()):
        if "=>" not in line:
            continue
        before, after = line.split("=>")
        date, _kind, _province, _short, *old = before.split("\t")
        new = after.split("\t")
        old_name, old_short = (old[2], old[3]) if len(old) >= 4 else (old[0], old[1])
        new_name, new_city = CHANGE_FIXES.get(new[-1], new[-1]), new[1] if len(new) >= 3 else new[-1]
        if old_name != new_name:
            found.append((new_name, new_city, old_name, old_short, old[0] if len(old) >= 4 else old_name,
                          int(date[:4])))
    return found


def apply_changes(units: list[Unit], changes: list[Change], words: dict[str, tuple[int, str]]) -> list[Unit]:
    """Renamings become former names; a target several old units went into gets those as merged units.

    jionlp's tree is older than its change list in places: an old unit still in the tree is renamed in
    place (无为县 → 无为市), or becomes the merged unit with its real code (长岛县), or is dropped.
    """
    index = {(u.name, u.city or u.name): u for u in units}
    sources: dict[tuple[str, str], set[str]] = defaultdict(set)
    for new, city, old, _short, _old_city, _year in changes:
        sources[(new, city)].add(old)
    merged: list[Unit] = []
    for new, city, old, short, old_city, year in changes:
        target = index.get((new, city))
        stale = index.get((old, old_city))
        if target is None and stale is not None:
            stale.name = new
            index[(new, city)] = target = stale
            stale = None
        if target is None:
            print(f"warning: change to unknown unit {city}{new}, skipped", file=sys.stderr)
            continue
        if stale is not None and stale is not target:
            units.remove(stale)
            del index[(old, old_city)]
        if len(sources[(new, city)]) >= _MERGED_FROM_CHANGES:
            if not any(m.name == old and m.successors == [target.code] for m in merged):
                n = sum(m.successors == [target.code] for m in merged) + 1
                code = stale.code if stale is not None else f"{target.code}-h{n}"
                merged.append(Unit(code, old, target.level, target.parent, target.city, target.province,
                                   until=year, successors=[target.code],
                                   aliases=[short] if short != old and len(short) >= 2 else []))
            continue
        if not is_common_word(old, words):
            target.former.append((old, year))
        if short != old and len(short) >= 2 and short != target.name and not is_common_word(short, words) \
                and short not in target.aliases and not new.startswith(short):
            target.former.append((short, year))  # 襄樊 for 襄阳市
    return merged


def add_hand_history(units: list[Unit]) -> list[Unit]:
    index = {(u.name, u.city or u.name): u for u in units}
    for name, city, former, until in HAND_FORMER:
        unit = index.get((name, city))
        if unit is None:
            sys.exit(f"HAND_FORMER names an unknown unit: {city}{name}")
        unit.former.append((former, until))
    by_code = {u.code: u for u in units}
    merged = []
    for name, code, level, parent, successors, until in HAND_MERGED:
        if (stale := by_code.get(code)) is not None and stale.name == name:
            units.remove(stale)  # jionlp's tree still lists it
        if not all(s in by_code for s in successors):
            sys.exit(f"HAND_MERGED {name}: unknown successor in {successors}")
        first = by_code[successors[0]]
        stem = name[:-1] if name[-1] in SUFFIXES and len(name) >= 3 else ""
        merged.append(Unit(code, name, level, parent, first.city if level == "county" else name,
                           first.province, until=until, successors=list(successors),
                           aliases=[stem] if stem and level == "city" else []))
    return merged


def build(dictionary: Path) -> dict[str, object]:
    words = jieba_words()
    units = parse_divisions(read_location_lines(dictionary))
    why = assign_aliases(units, words)
    merged = apply_changes(units, parse_changes(dictionary), words) + add_hand_history(units)
    codes = Counter(u.code for u in units + merged)
    if clash := [c for c, n in codes.items() if n > 1]:
        sys.exit(f"two units share a code: {clash}")
    for reason, n in sorted(why.items()):
        print(f"short forms held back ({reason}): {n}", file=sys.stderr)
    s2t = opencc.OpenCC("s2t")
    ordered = sorted(units + merged, key=lambda u: u.code)
    return {"source": SOURCE, "entries": [u.as_json(s2t, words) for u in ordered]}


def to_json(data: dict[str, object]) -> str:
    """One entry a line, so a diff shows what changed, and no spaces to keep the file small."""
    entries = data["entries"]
    assert isinstance(entries, list)
    dump = json.dumps
    head = [f"{dump(key, ensure_ascii=False)}:{dump(value, ensure_ascii=False)}," for key, value in data.items()
            if key != "entries"]
    body = ",\n".join(dump(e, ensure_ascii=False, separators=(",", ":")) for e in entries)
    return "{" + "\n".join(head) + '\n"entries":[\n' + body + "\n]}\n"


def level_counts(entries: list[dict[str, object]]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for entry in entries:
        counts[f"{entry['level']} (merged away)" if "until" in entry else str(entry["level"])] += 1
    return dict(sorted(counts.items()))


def write_common_words() -> None:
    """knowledge/data/common_words.txt: the two-character words of the installed jieba's dictionary that the
    place matcher reads (knowledge/places/matching.py), saved so that it need not scan the 5 MB file."""
    sys.path.insert(0, str(OUTPUT.parents[2]))
    from knowledge.places.matching import COMMON_WORDS_FILE, common_words_file, jieba_dictionary

    target = OUTPUT.with_name(COMMON_WORDS_FILE)
    target.write_text(common_words_file(jieba_dictionary()), encoding="utf-8")
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--jionlp-dictionary", type=Path, help="jionlp's dictionary/ folder if not installed")
    parser.add_argument("--words-only", action="store_true",
                        help="only write knowledge/data/common_words.txt (no jionlp needed)")
    args = parser.parse_args()
    write_common_words()
    if args.words_only:
        return
    data = build(args.jionlp_dictionary or jionlp_dictionary_dir())
    entries = data["entries"]
    assert isinstance(entries, list)
    args.out.write_text(to_json(data), encoding="utf-8")
    for level, n in level_counts(entries).items():
        print(f"{level:24s} {n:5d}")
    print(f"wrote {len(entries)} entries ({args.out.stat().st_size:,} bytes) to {args.out}")


if __name__ == "__main__":
    main()

