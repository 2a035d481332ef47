"""Question answering end to end on the varied synthetic corpus: text is ingested, then asked about.

    .venv/bin/python bench/qa.py --sizes 1000 10000 100000 --questions 500

For each size, articles from bench/synthetic.py are generated until they state that many facts, written to
files and ingested through the real path (extraction, then the store); no fact is inserted directly. Then
questions about stated facts are asked in varied phrasings (full and short names, metric synonyms,
Traditional, follow-ups 那X呢 / 去年呢). Prints, for regionbot (in a process of its own, as the bot runs):
strict accuracy (bench/answer_scoring.py: the value in the answer body, before 来源, with its region and
period), accuracy on the facts extraction stored right, p50, p99 and peak RSS; and for bm25s over the
stored sentences, top-1 (right when that sentence holds the value), in the same run.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.answer_scoring import problems
from bench.synthetic import Expected, Generator
from bench.synthetic_patterns import INDICATORS
from bench.synthetic_score import score, stored_facts
from knowledge.places.gazetteer import Gazetteer, Region
from knowledge.service import KnowledgeBase
from knowledge.store.engine import make_engine, migrate
from knowledge.store.ingest import ingest_paths
from knowledge.text.normalize import to_traditional
from knowledge.text.segment import cut

Key = tuple[str, str, str]  # region code, metric, period label
ASK = ("{R}{P}{M}是多少?", "{P}{R}的{M}是多少?", "{R}{P}{M}多少", "{R}{M}{P}有多少?", "{P}{R}{M}",
       "请问{R}{P}{M}是多少")
ASK_GROWTH = ("{R}{P}{M}增长多少?", "{R}{P}{M}增速是多少?", "{P}{R}{M}增长了多少", "{R}{P}{M}同比增长多少?")


def period_words(label: str) -> str:
    """How a question names the period of a label: 2023年上半年, 2023年1-11月, 2023年末."""
    if label.startswith("asof:"):
        return f"{label[5:9]}年末"
    year, rest = label[:4], label[4:]
    spans = {"": "", "H1": "上半年", "Q1-Q3": "前三季度", "Q1": "一季度"}
    if rest in spans:
        return f"{year}年{spans[rest]}"
    return f"{year}年1-{int(rest[-2:])}月"


def previous(label: str) -> str:
    if label.startswith("asof:"):
        return f"asof:{int(label[5:9]) - 1}{label[9:]}"
    return f"{int(label[:4]) - 1}{label[4:]}"


class Asker:
    """Questions about stated facts, in varied phrasings, with follow-up chains."""

    def __init__(self, gazetteer: Gazetteer, truth: dict[Key, Expected], right: set[Key], seed: int) -> None:
        self.gaz, self.truth, self.right, self.rng = gazetteer, truth, right, random.Random(seed)
        self.by_metric_period: dict[tuple[str, str], list[str]] = defaultdict(list)
        for code, metric, period in truth:
            self.by_metric_period[(metric, period)].append(code)

    def name(self, region: Region) -> str:
        unique = self.gaz.by_name(region.name) is not None
        full = region.name if unique else self.gaz.describe(region)
        short = region.short if unique and self.gaz.resolve(region.short) == region else full
        return self.rng.choice([full, short])

    def item(self, key: Key, n: int, *, after: str | None = None, text: str | None = None) -> dict[str, Any]:
        code, metric, period = key
        fact = self.truth[key]
        region = self.gaz.get(code)
        expect: dict[str, Any] = {"region": region.name if self.gaz.by_name(region.name) else
                                  self.gaz.describe(region), "period": period}
        if fact.value is not None:
            expect["values"] = [fact.value]
        else:
            expect["growth"] = [fact.growth]
        if text is None:
            forms = ASK if fact.value is not None else ASK_GROWTH
            text = self.rng.choice(forms).format(R=self.name(region), P=period_words(period),
                                                 M=self.rng.choice(INDICATORS[metric].forms))
            if self.rng.random() < 0.15:
                text = to_traditional(text)
        item = {"id": f"q{n}", "q": text, "found": True, "expect": expect, "stored_right": key in self.right}
        if after:
            item["after"] = after
        return item

    def items(self, count: int) -> list[dict[str, Any]]:
        keys = sorted(self.truth)
        out: list[dict[str, Any]] = []
        for key in self.rng.sample(keys, min(count, len(keys))):
            out.append(self.item(key, len(out)))
            if self.rng.random() < 0.2:  # a follow-up on the same metric: another place, or the year before
                code, metric, period = key
                others = [c for c in self.by_metric_period[(metric, period)] if c != code]
                before = (code, metric, previous(period))
                if before in self.truth and self.rng.random() < 0.5:
                    out.append(self.item(before, len(out), after=out[-1]["id"], text="去年呢?"))
                elif others:
                    other = self.gaz.get(self.rng.choice(others))
                    out.append(self.item((other.code, metric, period), len(out), after=out[-1]["id"],
                                         text=f"那{self.name(other)}呢?"))
        return out


def run(size: int, n_questions: int, seed: int, gazetteer: Gazetteer, shown: int = 6) -> None:
    started = time.perf_counter()
    articles = list(Generator(gazetteer, seed).articles(facts=size))
    stated = sum(len(a.facts) for a in articles)
    print(f"\n{stated:,} facts stated in {len(articles):,} articles", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for article in articles:
            (folder / f"{article.name}.txt").write_text(article.text, encoding="utf-8")
        db = Path(tmp) / "qa.db"
        engine = make_engine(f"sqlite:///{db}")
        migrate(engine)
        done = [0]

        def progress(_: str) -> None:
            done[0] += 1
            if done[0] % 2000 == 0:
                print(f"  ingested {done[0]:,}/{len(articles):,} articles", flush=True)

        ingest_paths([folder], engine=engine, gazetteer=gazetteer, progress=progress)
        report = score(articles, stored_facts(engine))
        print(f"  ingest {time.perf_counter() - started:.0f} s; {report.lines(worst=0)[0]}", flush=True)
        truth: dict[Key, Expected] = {}
        for article in articles:
            for fact in article.facts:
                if INDICATORS[fact.metric].family != "share":  # open share names are not asked about
                    truth.setdefault((fact.region, fact.metric, fact.period), fact)
        items = Asker(gazetteer, truth, report.right_keys, seed).items(n_questions)
        (Path(tmp) / "items.json").write_text(json.dumps(items, ensure_ascii=False), "utf-8")
        served = subprocess.run([sys.executable, __file__, "--serve", str(db), str(Path(tmp) / "items.json")],
                                capture_output=True, text=True)
        if served.returncode:
            print(f"  the serving process failed (exit {served.returncode}):\n{served.stderr[-3000:]}")
            return
        ours = json.loads(served.stdout.strip().splitlines()[-1])
        base = bm25_baseline(engine, Path(tmp), items)
    n = len(items)
    print(f"  {n} questions ({sum('after' in i for i in items)} follow-ups, "
          f"{sum(i['stored_right'] for i in items)} about facts extraction stored right)")
    print(f"  regionbot   accuracy {ours['accuracy']:6.1%} (on facts stored right {ours['accuracy_stored']:6.1%})"
          f"   p50 {ours['p50']:6.2f} ms   p99 {ours['p99']:6.2f} ms   peak RSS {ours['rss']:.0f} MB")
    print(f"  bm25s top-1 accuracy {base[0]:6.1%} (value in the top sentence)   p50 {base[1]:6.2f} ms   "
          f"p99 {base[2]:6.2f} ms")
    for q, why in ours["misses"][:shown]:
        print(f"    miss: {q} — {'; '.join(why)}")


def bm25_baseline(engine: Any, folder: Path, items: list[dict[str, Any]]) -> tuple[float, float, float]:
    import bm25s

    kb = KnowledgeBase(engine, folder)
    kb.refresh(warm=False)
    corpus = [kb.index.sentences[i] for i in sorted(kb.index.sentences)]
    retriever = bm25s.BM25()
    retriever.index([cut(t) for t in corpus], show_progress=False)
    hits, times = 0, []
    for item in items:
        start = time.perf_counter()
        docs, _ = retriever.retrieve([cut(item["q"])], k=1, show_progress=False)
        top = corpus[int(docs[0][0])]
        times.append((time.perf_counter() - start) * 1000)
        want = (item["expect"].get("values") or item["expect"].get("growth"))[0]
        hits += want.lstrip("-") in top
    times.sort()
    return hits / len(items), statistics.median(times), times[max(0, int(len(times) * 0.99) - 1)]


def _peak_mb() -> float:
    """This process's own peak RSS: VmHWM, the high-water mark of its memory since exec. (ru_maxrss is kept
    across exec on Linux, so a child spawned by this bench would report the parent's peak: the synthetic
    corpus and the ingest held here.)"""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def serve(db: str, items_file: str) -> None:
    """Child process: load the base like the bot does, ask the questions in order, report figures as JSON."""
    kb = KnowledgeBase(make_engine(f"sqlite:///{db}"), Path(db).parent)
    kb.refresh()
    items = json.loads(Path(items_file).read_text("utf-8"))
    states: dict[str, Any] = {}
    times, right, right_stored, misses = [], 0, 0, []
    for item in items:
        start = time.perf_counter()
        asked = kb.ask(item["q"], states.get(item.get("after", "")))
        times.append((time.perf_counter() - start) * 1000)
        states[item["id"]] = asked.state
        why = problems(item, asked.answer)
        right += not why
        right_stored += item["stored_right"] and not why
        if why and item["stored_right"]:
            misses.append((item["q"], why))
    times.sort()
    stored = sum(i["stored_right"] for i in items) or 1
    print(json.dumps({"accuracy": right / len(items), "accuracy_stored": right_stored / stored,
                      "p50": statistics.median(times), "p99": times[max(0, int(len(times) * 0.99) - 1)],
                      "rss": _peak_mb(), "misses": misses[:20]}, ensure_ascii=False))


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--serve":
        serve(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--questions", type=int, default=500)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--misses", type=int, default=6, help="how many misses to list per size (at most 20)")
    args = parser.parse_args()
    gazetteer = Gazetteer.load()
    for size in args.sizes:
        run(size, args.questions, args.seed, gazetteer, args.misses)


if __name__ == "__main__":
    main()
