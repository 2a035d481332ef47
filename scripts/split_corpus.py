"""Choose the development/test split of ../shared/corpus once, with a fixed seed, stratified by genre and
by Shandong versus elsewhere. Writes tests/gold/corpus/split.json. Run once; the split is then frozen."""

from __future__ import annotations

import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

SEED = 20261201
TEST_SHARE = 1 / 3


def genre_of(cell: str) -> str:
    cell = cell.lower()
    for key, genre in (("ranking", "ranking"), ("bulletin", "bulletin"), ("release", "bulletin"),
                       ("yearbook", "bulletin"), ("work report", "workreport"), ("profile", "bulletin")):
        if key in cell:
            return genre
    return "news"


def main(corpus: Path, out: Path) -> None:
    rows = []
    for line in (corpus / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        m = re.match(r"(d\d+_[^<\s]+?)\.txt", cells[0]) if cells else None
        if not m or len(cells) < 8:
            continue
        rows.append({"file": m.group(1) + ".txt", "genre": genre_of(cells[4]),
                     "shandong": cells[6].strip().lower() == "shandong"})
    strata: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for r in rows:
        strata[(r["genre"], r["shandong"])].append(r["file"])
    rng = random.Random(SEED)
    test: list[str] = []
    for key in sorted(strata):
        files = sorted(strata[key])
        rng.shuffle(files)
        test += files[: round(len(files) * TEST_SHARE)]
    dev = sorted(r["file"] for r in rows if r["file"] not in test)
    out.write_text(json.dumps({"seed": SEED, "test": sorted(test), "dev": dev,
                               "strata": {f"{g}/{'shandong' if s else 'elsewhere'}": len(v)
                                          for (g, s), v in sorted(strata.items())}},
                              ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rows)} files: {len(dev)} dev, {len(test)} test")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"), Path("tests/gold/corpus/split.json"))
