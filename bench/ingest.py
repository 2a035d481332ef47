"""Ingest throughput and extraction quality on the varied synthetic corpus (bench/synthetic.py).

    .venv/bin/python bench/ingest.py --articles 10000
    .venv/bin/python bench/ingest.py --articles 10000 --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test
    .venv/bin/python bench/ingest.py --articles 10000 --vs-shandong

The articles are written to files and go through the real ingest path (read, decode, extract, store). Prints
articles/s and chars/s for the full ingest, with its process pool and in one process, and for jieba alone,
and the ratios between them; the timings alternate over several rounds so that a busy moment on the machine
does not favour either side. Then the stored facts are scored against the facts each article states:
precision and recall, overall and per metric family, pattern form, genre and pattern.

--vs-shandong asks what reading places all over China costs: articles about Shandong's places are ingested
with the national gazetteer and with one restricted to Shandong (its units, their zones and names, and the
nation: `shandong_gazetteer`), by the same code in one process each (the pool's workers load the bundled
gazetteer), in alternation, with jieba timed in the same rounds, all in CPU time of this process; the
region table of each new base is filled first, apart (a once-per-base cost). The full ingest with its pool
is timed against jieba.lcut too, by the wall clock. Target (issue 11): national within 15% of Shandong, and
ingest at least half as fast as jieba alone.
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
from knowledge.places.nation import NATION_CODE
from knowledge.store.engine import make_engine, migrate, session_scope
from knowledge.store.ingest import ingest_paths
from knowledge.store.queries import sync_regions
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


SHANDONG = "370000"


def shandong_gazetteer(national: Gazetteer) -> Gazetteer:
    """A gazetteer of Shandong's units only (with their zones and names) and the nation: the old one's scope."""
    return Gazetteer(r for r in national.regions(merged=True)
                     if national.province_of(r).code in (SHANDONG, NATION_CODE))


def compare_shandong(args: argparse.Namespace) -> None:
    national = Gazetteer.load()
    shandong = shandong_gazetteer(national)
    articles = list(Generator(shandong, args.seed).articles(articles=args.articles))
    texts = [a.text for a in articles]
    chars = sum(len(t) for t in texts)
    cut("预热")
    jieba.lcut("预热")
    timings: dict[str, list[float]] = {"jieba precise, no HMM": [], "ingest, Shandong gazetteer": [],
                                       "ingest, national gazetteer": []}
    gazetteers = {"ingest, Shandong gazetteer": shandong, "ingest, national gazetteer": national}
    walls: dict[str, list[float]] = {"jieba.lcut (default, HMM)": [], "full ingest (national, its process pool)": []}
    scored: dict[str, str] = {}
    region_rows: dict[str, list[float]] = {name: [] for name in gazetteers}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        warm = Path(tmp) / "warm"
        warm.mkdir()
        for i, article in enumerate(articles):
            (folder / f"{article.name}.txt").write_text(article.text, encoding="utf-8")
            if i < 20:
                (warm / f"{article.name}.txt").write_text(article.text, encoding="utf-8")
        for k, gazetteer in enumerate(gazetteers.values()):  # first uses (extractors, tables) are not timed
            with _database(args.database_url, Path(tmp) / f"warm{k}.db") as engine:
                ingest_paths([warm], engine=engine, gazetteer=gazetteer, workers=1)
        for n in range(args.rounds):
            start = time.process_time()
            for body in texts:
                cut(body)
            timings["jieba precise, no HMM"].append(time.process_time() - start)
            start = time.perf_counter()
            for body in texts:
                jieba.lcut(body)
            walls["jieba.lcut (default, HMM)"].append(time.perf_counter() - start)
            with _database(args.database_url, Path(tmp) / f"vs{n}-pool.db") as engine:
                start = time.perf_counter()
                ingest_paths([folder], engine=engine, gazetteer=national)
                walls["full ingest (national, its process pool)"].append(time.perf_counter() - start)
            order = list(gazetteers) if n % 2 == 0 else list(reversed(gazetteers))  # neither always goes first
            for name in order:
                with _database(args.database_url, Path(tmp) / f"vs{n}-{name[-18:-11]}.db") as engine:
                    start = time.process_time()
                    with session_scope(engine) as session:  # once per base, not per article: timed apart
                        sync_regions(session=session, gazetteer=gazetteers[name])
                    region_rows[name].append(time.process_time() - start)
                    start = time.process_time()
                    ingest_paths([folder], engine=engine, gazetteer=gazetteers[name], workers=1)
                    timings[name].append(time.process_time() - start)
                    scored[name] = score(articles, stored_facts(engine)).lines()[0]
                print(f"  round {n + 1}/{args.rounds}: {name} {timings[name][-1]:.1f} s CPU", flush=True)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"articles about Shandong's places: {args.articles:,}, chars: {chars:,}; rounds: {args.rounds}, "
          f"one process each, timed in CPU seconds (the machine's load moves them less); load average now {load}")
    print(f"units: Shandong gazetteer {len(shandong.regions(merged=True)):,}, "
          f"national {len(national.regions(merged=True)):,}")
    for name, runs in timings.items():
        best, middle = min(runs), statistics.median(runs)
        stored = f"\n{'':30s}{scored[name]}" if name in scored else ""
        print(f"{name:28s}: best {args.articles / best:7.1f} articles/CPU s   median {args.articles / middle:7.1f}"
              f"{stored}")
    print("filling the region table of a new base (once per base, not timed above): "
          + ", ".join(f"{name.split(', ')[1]} {min(runs):.2f} s CPU" for name, runs in region_rows.items()))
    sd, nat, jb = (timings[k] for k in ("ingest, Shandong gazetteer", "ingest, national gazetteer",
                                         "jieba precise, no HMM"))
    print(f"national as a share of Shandong's speed: best {min(sd) / min(nat):.0%}, "
          f"median {statistics.median(sd) / statistics.median(nat):.0%} (target ≥ 87%, i.e. within 15%)")
    for name, runs in (("Shandong", sd), ("national", nat)):
        print(f"ingest ({name}) as a share of jieba precise: best {min(jb) / min(runs):.0%}, "
              f"median {statistics.median(jb) / statistics.median(runs):.0%}")
    lcut, pool = walls.values()
    print(f"wall: full ingest (national, process pool of {min(os.cpu_count() or 1, 4)}) "
          f"best {args.articles / min(pool):.1f} articles/s; jieba.lcut best {args.articles / min(lcut):.1f}; "
          f"ingest as a share of jieba.lcut: best {min(lcut) / min(pool):.0%}, "
          f"median {statistics.median(lcut) / statistics.median(pool):.0%} (target ≥ 50%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3,
                        help="jieba and ingest are timed in alternation this many times; best and median are shown")
    parser.add_argument("--database-url", default=None,
                        help="a PostgreSQL URL to ingest into (a throwaway schema per run); default: temp SQLite")
    parser.add_argument("--vs-shandong", action="store_true",
                        help="compare the national gazetteer with one of Shandong only (see above)")
    args = parser.parse_args()
    if args.vs_shandong:
        compare_shandong(args)
        return
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
