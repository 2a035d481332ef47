"""Ingest throughput on a synthetic corpus, next to raw jieba segmentation of the same text.

    .venv/bin/python bench/ingest.py --articles 10000
    .venv/bin/python bench/ingest.py --articles 10000 --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test

Articles are generated from regions × years × periods × metrics in varied sentence patterns, so the
number of facts is known. Prints articles/s and chars/s for the full ingest (parse + extract + store),
with its process pool and in one process, and for jieba alone, and the ratios between them. The
timings alternate over several rounds so that a busy moment on the machine does not favour either side.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import jieba
from sqlalchemy import text
from sqlalchemy.engine import Engine

from knowledge.places.gazetteer import Gazetteer
from knowledge.store.engine import make_engine, migrate
from knowledge.store.ingest import ingest_paths
from knowledge.text.segment import cut

METRICS = [("生产总值", "亿元"), ("一般公共预算收入", "亿元"), ("规模以上工业增加值", "亿元"),
           ("固定资产投资", "亿元"), ("社会消费品零售总额", "亿元"), ("进出口总额", "亿元")]
PERIODS = ["上半年", "前三季度", "1至11月份", "全年"]
PATTERNS = [
    "{period},{region}{metric}完成{value}{unit},同比增长{growth}%。",
    "{period}{region}实现{metric}{value}{unit},增长{growth}%。",
    "据统计,{year}年{period}{region}{metric}预计达到{value}{unit},同比增长{growth}%。",
]


def make_article(rng: random.Random, regions: list[str], index: int) -> str:
    year = rng.choice([2021, 2022, 2023, 2024])
    region = rng.choice(regions)
    lines = [f"{region}经济运行情况通报之{index}", f"日期:{year}-12-20"]
    for metric, unit in rng.sample(METRICS, 4):
        pattern = rng.choice(PATTERNS)
        lines.append(pattern.format(period=rng.choice(PERIODS), region=region, metric=metric, unit=unit,
                                    value=f"{rng.uniform(10, 900):.2f}", growth=f"{rng.uniform(1, 12):.1f}",
                                    year=year))
    lines.append(f"{region}坚持项目为王,持续优化营商环境,推动经济高质量发展。")
    return "\n".join(lines) + "\n"


@contextmanager
def _database(url: str | None, sqlite_file: Path) -> Iterator[Engine]:
    """A migrated, empty database: a fresh SQLite file, or a throwaway schema on the PostgreSQL server."""
    if url is None:
        engine = make_engine(f"sqlite:///{sqlite_file}")
        migrate(engine)
        yield engine
        engine.dispose()
        return
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = make_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    engine = make_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        migrate(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'drop schema "{schema}" cascade'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3,
                        help="jieba and ingest are timed in alternation this many times; best and median are shown")
    parser.add_argument("--database-url", default=None,
                        help="a PostgreSQL URL to ingest into (a throwaway schema per run); default: temp SQLite")
    args = parser.parse_args()
    gazetteer = Gazetteer.load()
    regions = [r.name for r in gazetteer.regions() if r.level == "county"]
    rng = random.Random(args.seed)
    texts = [make_article(rng, regions, i) for i in range(args.articles)]
    # 市中区 is in both 济南 and 枣庄: with no city in the article the extractor rightly refuses to guess
    unique = sum(1 for t in texts if gazetteer.by_name(t.split("经济运行", 1)[0]) is not None)
    chars = sum(len(t) for t in texts)
    cut("预热")  # load jieba's dictionary outside the timings
    jieba.lcut("预热")
    timings: dict[str, list[float]] = {"jieba.lcut (default, HMM)": [], "jieba precise, no HMM": [],
                                       "full ingest": [], "full ingest, one process": []}
    figures = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
        for n in range(args.rounds):
            start = time.perf_counter()
            for text in texts:
                jieba.lcut(text)  # jieba's default: precise mode with the HMM for unknown words
            timings["jieba.lcut (default, HMM)"].append(time.perf_counter() - start)
            start = time.perf_counter()
            for text in texts:
                cut(text)  # the mode regionbot itself uses: precise, no HMM
            timings["jieba precise, no HMM"].append(time.perf_counter() - start)
            for name, workers in (("full ingest", None), ("full ingest, one process", 1)):
                with _database(args.database_url, Path(tmp) / f"bench{n}-{workers}.db") as engine:
                    start = time.perf_counter()
                    report = ingest_paths([folder], engine=engine, gazetteer=gazetteer, workers=workers)
                    timings[name].append(time.perf_counter() - start)
                figures = report.added["figures"]
    print(f"articles: {args.articles:,}, chars: {chars:,}, figures extracted: {figures:,} "
          f"(expected {unique * 4:,}; {(args.articles - unique) * 4:,} more name an ambiguous place and are refused)")
    print(f"rounds: {args.rounds}, cores: {os.cpu_count()} (ingest parses in a process pool, jieba in one process)")
    for name, runs in timings.items():
        best, middle = min(runs), statistics.median(runs)
        print(f"{name:26s}: best {args.articles / best:8.1f} articles/s {chars / best:11,.0f} chars/s"
              f"   median {args.articles / middle:8.1f} articles/s")
    for ingest in ("full ingest", "full ingest, one process"):
        for name in ("jieba.lcut (default, HMM)", "jieba precise, no HMM"):
            runs = timings[ingest]
            print(f"{ingest} as a share of {name}: best {min(timings[name]) / min(runs):.0%}, "
                  f"median {statistics.median(timings[name]) / statistics.median(runs):.0%}")


if __name__ == "__main__":
    main()
