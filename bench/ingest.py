"""Ingest throughput and extraction quality on the varied synthetic corpus (bench/synthetic.py).

    .venv/bin/python bench/ingest.py --articles 10000
    .venv/bin/python bench/ingest.py --articles 10000 --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test

The articles are written to files and go through the real ingest path (read, decode, extract, store). Prints
articles/s and chars/s for the full ingest, with its process pool and in one process, and for jieba alone,
and the ratios between them; the timings alternate over several rounds so that a busy moment on the machine
does not favour either side. Then the stored facts are scored against the facts each article states:
precision and recall, overall and per metric family, pattern form, genre and pattern.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import jieba
from sqlalchemy import text
from sqlalchemy.engine import Engine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synthetic import Generator
from bench.synthetic_score import score, stored_facts
from knowledge.places.gazetteer import Gazetteer
from knowledge.store.engine import make_engine, migrate
from knowledge.store.ingest import ingest_paths
from knowledge.text.segment import cut


def make_texts(count: int, seed: int = 7) -> list[str]:
    """The first `count` articles of the synthetic corpus (bench/ingest_instructions.py uses the same)."""
    return [a.text for a in Generator(Gazetteer.load(), seed).articles(articles=count)]


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
    articles = list(Generator(gazetteer, args.seed).articles(articles=args.articles))
    texts = [a.text for a in articles]
    chars = sum(len(t) for t in texts)
    cut("预热")  # load jieba's dictionary outside the timings
    jieba.lcut("预热")
    timings: dict[str, list[float]] = {"jieba.lcut (default, HMM)": [], "jieba precise, no HMM": [],
                                       "full ingest": [], "full ingest, one process": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for article in articles:
            (folder / f"{article.name}.txt").write_text(article.text, encoding="utf-8")
        for n in range(args.rounds):
            start = time.perf_counter()
            for body in texts:
                jieba.lcut(body)  # jieba's default: precise mode with the HMM for unknown words
            timings["jieba.lcut (default, HMM)"].append(time.perf_counter() - start)
            start = time.perf_counter()
            for body in texts:
                cut(body)  # the mode regionbot itself uses: precise, no HMM
            timings["jieba precise, no HMM"].append(time.perf_counter() - start)
            for name, workers in (("full ingest", None), ("full ingest, one process", 1)):
                with _database(args.database_url, Path(tmp) / f"bench{n}-{workers}.db") as engine:
                    start = time.perf_counter()
                    ingest_paths([folder], engine=engine, gazetteer=gazetteer, workers=workers)
                    timings[name].append(time.perf_counter() - start)
                    if n == args.rounds - 1 and workers is None:
                        report = score(articles, stored_facts(engine))
                print(f"  round {n + 1}/{args.rounds}: {name} {timings[name][-1]:.1f} s", flush=True)
    stated = sum(len(a.facts) for a in articles)
    print(f"articles: {args.articles:,}, chars: {chars:,}, facts stated: {stated:,}")
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
    print("\n".join(report.lines()))


if __name__ == "__main__":
    main()
