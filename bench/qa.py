"""Question answering on a synthetic corpus with known answers, against two baselines, in one run.

    .venv/bin/python bench/qa.py --sizes 1000 10000 100000 --questions 500

The corpus is regions × years × periods × metrics, one sentence per fact, stored through the real
SQLite store. For each size it prints accuracy and ms per question (p50, p99) for:
  - regionbot: the index + rapidfuzz candidate scoring used by the bot;
  - bm25s over jieba-tokenised sentences, top sentence (correct when it holds the expected value);
  - a naive rapidfuzz WRatio scan over every fact's "region period metric" string;
and the process's peak RSS.
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
from decimal import Decimal
from pathlib import Path

import psutil
from rapidfuzz import fuzz, process
from sqlalchemy import insert

from knowledge.extract.metrics import metrics
from knowledge.places.gazetteer import Gazetteer
from knowledge.service import KnowledgeBase
from knowledge.store.engine import make_engine, migrate, session_scope
from knowledge.store.models import Article, Fact, SentenceRow
from knowledge.text.segment import cut

PERIODS = [("上半年", "H1", 1, 6), ("前三季度", "Q1-Q3", 1, 9), ("1至11月", "M01-M11", 1, 11), ("全年", "", 1, 12)]
YEARS = list(range(2014, 2025))


def universe(gazetteer: Gazetteer) -> list[tuple]:
    regions = [r for r in gazetteer.regions() if r.level in ("city", "county")]
    names = [m for m in metrics() if not m.endswith(("比重", "率"))][:15]  # amounts and counts, not shares
    return [(r, y, p, m) for r in regions for y in YEARS for p in PERIODS for m in names]


def label(year: int, period: tuple) -> str:
    return f"{year}{period[1]}" if period[1] else str(year)


def build(engine, rows: list[tuple], rng: random.Random) -> dict[tuple, str]:  # type: ignore[no-untyped-def]
    answers: dict[tuple, str] = {}
    with session_scope(engine) as s:
        article = Article(source="synthetic", content_hash="0" * 64, title="合成数据", original_text="", text="")
        s.add(article)
        s.flush()
        sentences, facts = [], []
        for i, (region, year, period, metric) in enumerate(rows):
            value = f"{rng.uniform(1, 9000):.2f}"
            growth = f"{rng.uniform(0.5, 15):.1f}"
            answers[(region.code, year, period[0], metric)] = value
            text = f"{year}年{period[0]},{region.name}{metric}完成{value}亿元,同比增长{growth}%。"
            sentences.append({"id": i + 1, "article_id": article.id, "position": i, "paragraph": i, "text": text,
                              "original": text})
            facts.append({"article_id": article.id, "sentence_id": i + 1, "region_code": region.code,
                          "region_surface": region.name, "metric": metric, "metric_surface": metric,
                          "value": Decimal(value), "value_text": value, "unit": "亿元", "growth": Decimal(growth),
                          "period_kind": "half" if period[1] == "H1" else "year", "period_year": year,
                          "period_start": period[2], "period_end": period[3], "period_label": label(year, period)})
        for chunk in range(0, len(rows), 5000):
            s.execute(insert(SentenceRow), sentences[chunk : chunk + 5000])
            s.execute(insert(Fact), facts[chunk : chunk + 5000])
    return answers


def questions(rows: list[tuple], answers: dict, rng: random.Random, n: int) -> list[tuple[str, str]]:
    out = []
    for region, year, period, metric in rng.sample(rows, min(n, len(rows))):
        syn = rng.choice([metric, *metrics()[metric].synonyms[:2]])
        name = rng.choice([region.name, region.short])
        out.append((f"{name}{year}年{period[0]}{syn}是多少?", answers[(region.code, year, period[0], metric)]))
    return out


def timed(fn, qs: list[tuple[str, str]]) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    hits, times = 0, []
    for q, want in qs:
        start = time.perf_counter()
        got = fn(q)
        times.append((time.perf_counter() - start) * 1000)
        hits += want in got
    times.sort()
    return hits / len(qs), statistics.median(times), times[int(len(times) * 0.99) - 1]


def run(size: int, rows_all: list[tuple], n_questions: int, seed: int) -> None:
    rng = random.Random(seed)
    rows = rng.sample(rows_all, size)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'qa.db'}")
        migrate(engine)
        answers = build(engine, rows, rng)
        qs = questions(rows, answers, rng, n_questions)
        del answers
        db = Path(tmp) / "qa.db"
        (Path(tmp) / "qs.json").write_text(json.dumps(qs, ensure_ascii=False), "utf-8")
        # regionbot is measured in a process of its own, as the bot would run: its peak RSS is its own
        served = subprocess.run([sys.executable, __file__, "--serve", str(db), str(Path(tmp) / "qs.json")],
                                capture_output=True, text=True, check=True)
        ours_acc, ours_p50, ours_p99, serve_peak = json.loads(served.stdout.strip().splitlines()[-1])
        ours = (ours_acc, ours_p50, ours_p99)
        kb = KnowledgeBase(engine, Path(tmp))
        kb.refresh()
        corpus = [kb.index.sentences[i] for i in sorted(kb.index.sentences)]
        import bm25s

        retriever = bm25s.BM25()
        retriever.index([cut(t) for t in corpus], show_progress=False)

        def bm25(q: str) -> str:
            docs, _ = retriever.retrieve([cut(q)], k=1, show_progress=False)
            return corpus[int(docs[0][0])]

        keys = [f"{f.region_code and kb.gazetteer.get(f.region_code).name}{f.period_label}{f.metric}"
                for f in kb.index.facts]
        values = [f.value_text or "" for f in kb.index.facts]

        def scan(q: str) -> str:
            best = process.extractOne(q, keys, scorer=fuzz.WRatio)
            return values[best[2]] if best else ""

        base = timed(bm25, qs)
        naive = timed(scan, qs[: max(50, n_questions // 5)])
    rss = psutil.Process().memory_info().rss / 2**20
    peak = getattr(psutil.Process().memory_info(), "peak_wset", None) or _peak_mb()
    print(f"\n{size:>7,} facts, {len(qs)} questions")
    for name, (acc, p50, p99) in (("regionbot", ours), ("bm25s top-1", base), ("rapidfuzz full scan", naive)):
        print(f"  {name:<20} accuracy {acc:6.1%}   p50 {p50:7.2f} ms   p99 {p99:7.2f} ms")
    print(f"  peak RSS: regionbot serving process {serve_peak:.0f} MB; benchmark process {peak:.0f} MB "
          f"(generator + both baselines), now {rss:.0f} MB")


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def serve(db: str, questions_file: str) -> None:
    """Child process: load the base like the bot does, answer the questions, report figures as JSON."""
    kb = KnowledgeBase(make_engine(f"sqlite:///{db}"), Path(db).parent)
    kb.refresh()
    qs = [tuple(q) for q in json.loads(Path(questions_file).read_text("utf-8"))]
    acc, p50, p99 = timed(lambda q: kb.ask(q).answer.text, qs)
    print(json.dumps([acc, p50, p99, _peak_mb()]))


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--serve":
        serve(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--questions", type=int, default=500)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rows_all = universe(Gazetteer.load())
    print(f"universe: {len(rows_all):,} (region, year, period, metric) combinations")
    for size in args.sizes:
        run(min(size, len(rows_all)), rows_all, args.questions, args.seed)


if __name__ == "__main__":
    main()
