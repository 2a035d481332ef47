"""Build knowledge/data/abroad.json: the Chinese names of the countries, world regions and cities outside China.

A question about 美国, 欧盟 or 东京 is outside a base of Chinese regions; these names let the question parser
say so instead of reading the question as a follow-up about the last place asked.

Data credit: the names come from the Unicode CLDR (Unicode License v3) through babel, which regionbot already
installs (trafilatura needs it): territory names and the time zones' exemplar cities of the zh_Hans_CN locale.
Only this script reads babel; regionbot reads the JSON it writes:

    .venv/bin/python scripts/build_abroad.py

China itself, 香港, 澳门 and 台湾 are left out (they are in the gazetteer), as are CLDR's placeholders
(未知地区), the world as a whole and the 中非 of Central Africa (in Chinese prose it is China-Africa), and
every city the gazetteer holds (上海, 乌鲁木齐).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from babel import Locale

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.places.gazetteer import Gazetteer

OUT = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "abroad.json"
CHINA = {"CN", "HK", "MO", "TW"}
# CLDR codes that are no place: pseudo-locales, unknown, the world, the UN; 017 is Central Africa (中非)
NOT_PLACES = {"XA", "XB", "ZZ", "UN", "QO", "001", "017"}


def _clean(name: str) -> str:
    return re.sub(r"[(\uff08].*?[)\uff09]", "", name).strip()  # 刚果（金） → 刚果


def main() -> None:
    zh = Locale.parse("zh_Hans_CN")
    gazetteer = Gazetteer.load()
    countries = sorted({_clean(name) for code, name in zh.territories.items() if code not in CHINA | NOT_PLACES})
    cities = sorted({_clean(zone["city"]) for zone in zh.time_zones.values() if "city" in zone})
    held = {name for name in countries + cities if gazetteer.resolve(name) or gazetteer.candidates(name)}
    data = {
        "source": "Unicode CLDR via babel (zh_Hans_CN territories and exemplar cities); scripts/build_abroad.py",
        "countries": [n for n in countries if n not in held and len(n) >= 2],
        "cities": [n for n in cities if n not in held and len(n) >= 2 and n not in countries],
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['countries'])} countries and regions, {len(data['cities'])} cities")


if __name__ == "__main__":
    main()
