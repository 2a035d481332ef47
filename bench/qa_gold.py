"""Strict question scoring on ../shared/corpus: a base built from the corpus alone, every gold question asked.

    .venv/bin/python bench/qa_gold.py [--misses [--half A|B]] [--seeds] [--corpus DIR]

Prints, per split, answerable questions answered right and unanswerable ones refused (bench/answer_scoring.py's
rule). `--misses` lists the development split's misses; the test split's misses are never printed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.answer_scoring import CORPUS_GOLD, Score, ask_all, corpus_questions, score, seed_questions
from knowledge.qa.answer import Answer
from knowledge.qa.parse import Conversation
from knowledge.service import KnowledgeBase
from knowledge.store.engine import make_engine
from knowledge.text.corpus import BUNDLED_DIR

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def scored(folder: Path, splits: dict[str, list[dict]]) -> dict[str, tuple[Score, dict[str, Answer]]]:
    """Build a fresh SQLite base from `folder` alone and score each split's questions on it."""
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(make_engine(f"sqlite:///{tmp}/gold.db"), folder)
        started = time.perf_counter()
        report = kb.start(warm=True)
        print(f"base from {folder}: {len(kb.index.facts)} facts, {len(kb.index.rankings)} rankings "
              f"({time.perf_counter() - started:.1f} s, {len(report.new) if report else 0} files)"
              + (f"; bad files: {report.bad}" if report and report.bad else ""))

        def ask(question: str, state: Conversation | None) -> tuple[Answer, Conversation]:
            asked = kb.ask(question, state)
            return asked.answer, asked.state

        out = {}
        for name, items in splits.items():
            answers = ask_all(items, ask)
            out[name] = (score(items, answers), answers)
        kb.engine.dispose()
    return out


def dev_halves() -> dict[str, set[str]]:
    """DEV-A and DEV-B: every other file of the sorted development list, as bench/extraction.py splits it."""
    files = sorted(json.loads((CORPUS_GOLD / "split.json").read_text(encoding="utf-8"))["dev"])
    return {"dev-a": {Path(f).stem for f in files[0::2]}, "dev-b": {Path(f).stem for f in files[1::2]}}


def line(name: str, s: Score) -> str:
    return (f"{name:>5}: answered right {s.right}/{s.answerable} ({s.right / max(s.answerable, 1):.1%}), "
            f"unanswerable refused {s.refused}/{s.unanswerable}; strict {s.accuracy:.1%} of {s.total}")


def print_misses(items: list[dict], result: Score, answers: dict[str, Answer]) -> None:
    by_id = {i["id"]: i for i in items}
    for qid, why in result.misses.items():
        first = answers[qid].text.splitlines()[0] if answers[qid].text else ""
        print(f"  {qid}: {by_id[qid]['q']} -> {'; '.join(why)}\n      answer: {first[:120]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the development split's misses")
    parser.add_argument("--seeds", action="store_true", help="also score the seeds' gold on the bundled base")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus folder (default ../shared/corpus)")
    parser.add_argument("--half", choices=("A", "B"), help="with --misses, list only this development half's misses")
    args = parser.parse_args()
    splits = {"dev": corpus_questions("dev"), "test": corpus_questions("test")}
    results = scored(args.corpus, splits)
    for name, (result, _) in results.items():
        print(line(name, result))
        if name == "dev":  # the halves of bench/extraction.py: tune on DEV-A, check on DEV-B
            for half, stems in dev_halves().items():
                items = [i for i in splits["dev"] if any(i["id"].startswith(f"{stem}-") for stem in stems)]
                print(line(half, score(items, results["dev"][1])))
    if args.seeds:
        seeds = seed_questions()
        seed_result, seed_answers = scored(BUNDLED_DIR, {"seeds": seeds})["seeds"]
        print(line("seeds", seed_result))
        if args.misses:
            print("seed misses:")
            print_misses(seeds, seed_result, seed_answers)
    if args.misses:
        dev = splits["dev"]
        if args.half:  # tune on DEV-A without reading DEV-B's misses
            stems = dev_halves()[f"dev-{args.half.lower()}"]
            dev = [i for i in dev if any(i["id"].startswith(f"{stem}-") for stem in stems)]
        print(f"development split misses{f' (DEV-{args.half})' if args.half else ''}:")
        print_misses(dev, score(dev, results["dev"][1]), results["dev"][1])


if __name__ == "__main__":
    main()
