"""Dump the parser's and the answerer's outputs, to check that a refactor changes nothing byte for byte.

    PYTHONHASHSEED=0 .venv/bin/python scripts/snapshot_outputs.py /tmp/before.txt
    (refactor)
    PYTHONHASHSEED=0 .venv/bin/python scripts/snapshot_outputs.py /tmp/after.txt && cmp /tmp/before.txt /tmp/after.txt

Parses the bundled articles, ../shared/corpus (when present) and 500 synthetic articles, printing every
fact, ranking, claim and warning; then answers every seed gold question (follow-ups chained) on a fresh
SQLite base, printing the intent, found flag and full answer text.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.extract.pipeline import parse_or_error
from knowledge.places.gazetteer import Gazetteer
from knowledge.service import KnowledgeBase
from knowledge.store.engine import make_engine
from knowledge.text.corpus import (
    BUNDLED_DIR,
    ArticleMeta,
    RawArticle,
    read_file,
)

ROOT = Path(__file__).resolve().parents[1]
METRICS = [("生产总值", "亿元"), ("一般公共预算收入", "亿元"), ("规模以上工业增加值", "亿元"),
           ("固定资产投资", "亿元"), ("社会消费品零售总额", "亿元"), ("进出口总额", "亿元")]
PERIODS = ["上半年", "前三季度", "1至11月份", "全年"]
PATTERNS = ["{period},{region}{metric}完成{value}{unit},同比增长{growth}%。",
            "{period}{region}实现{metric}{value}{unit},增长{growth}%。",
            "据统计,{year}年{period}{region}{metric}预计达到{value}{unit},同比增长{growth}%。"]


def make_article(rng: random.Random, regions: list[str], index: int) -> str:
    """A fixed, simple synthetic article (kept here so the snapshot never changes with the benchmarks)."""
    year = rng.choice([2021, 2022, 2023, 2024])
    region = rng.choice(regions)
    lines = [f"{region}经济运行情况通报之{index}", f"日期:{year}-12-20"]
    for metric, unit in rng.sample(METRICS, 4):
        lines.append(rng.choice(PATTERNS).format(period=rng.choice(PERIODS), region=region, metric=metric, unit=unit,
                                                 value=f"{rng.uniform(10, 900):.2f}",
                                                 growth=f"{rng.uniform(1, 12):.1f}", year=year))
    return "\n".join(lines) + "\n"


def parsed_lines(gazetteer: Gazetteer) -> list[str]:
    raws = [read_file(p) for p in sorted(BUNDLED_DIR.glob("*.txt"))]
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        raws += [read_file(p) for p in sorted(corpus.glob("*.*")) if p.suffix in (".txt", ".html")]
    rng = random.Random(7)
    regions = [r.name for r in gazetteer.regions() if r.level != "province"][:200]
    raws += [RawArticle(f"synthetic-{i}.txt", make_article(rng, regions, i).encode(), ArticleMeta())
             for i in range(500)]
    out = []
    for raw in raws:
        parsed = parse_or_error(raw, gazetteer)
        out.append(f"## {raw.source}")
        if isinstance(parsed, Exception):
            out.append(f"error {parsed}")
            continue
        out.append(f"doc {parsed.doc.title!r} {parsed.doc.published} {parsed.doc.date_rule!r}")
        out += [f"fact {f!r}" for f in parsed.facts]
        out += [f"ranking {r!r}" for r in parsed.rankings]
        out += [f"claim {c!r}" for c in parsed.claims]
        out += [f"warning {w}" for w in parsed.warnings]
    return out


def answer_lines() -> list[str]:
    questions = json.loads((ROOT / "tests" / "gold" / "questions.json").read_text(encoding="utf-8"))
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(make_engine(f"sqlite:///{tmp}/s.db"), BUNDLED_DIR)
        kb.start(warm=True)
        states: dict[str, object] = {}
        for item in questions:
            asked = kb.ask(item["q"], states.get(item["after"]) if item.get("after") else None)
            states[item["id"]] = asked.state
            a = asked.answer
            out.append(f"## {item['id']} {item['q']}\n{a.intent} {a.found}\n{a.text}")
    return out


def main(target: Path) -> None:
    gazetteer = Gazetteer.load()
    lines = parsed_lines(gazetteer) + answer_lines()
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines → {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
