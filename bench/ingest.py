"""Ingest throughput on a synthetic corpus, next to raw jieba segmentation of the same text.

    .venv/bin/python bench/ingest.py --articles 10000

Articles are generated from regions × years × periods × metrics in varied sentence patterns, so the
number of facts is known. Prints articles/s and chars/s for the full ingest (parse + extract + store)
and for jieba alone, and the ratio between them.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import jieba

from knowledge.db import make_engine, migrate
from knowledge.gazetteer import Gazetteer
from knowledge.ingest import ingest_paths
from knowledge.segment import cut

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    gazetteer = Gazetteer.load()
    regions = [r.name for r in gazetteer.regions() if r.level == "county"]
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        texts = [make_article(rng, regions, i) for i in range(args.articles)]
        for i, text in enumerate(texts):
            (folder / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
        chars = sum(len(t) for t in texts)
        cut("预热")  # load jieba's dictionary outside the timings
        jieba.lcut("预热")
        start = time.perf_counter()
        for text in texts:
            jieba.lcut(text)  # jieba's default: precise mode with the HMM for unknown words
        jieba_s = time.perf_counter() - start
        start = time.perf_counter()
        for text in texts:
            cut(text)  # the mode regionbot itself uses: precise, no HMM
        jieba_nohmm_s = time.perf_counter() - start
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        migrate(engine)
        start = time.perf_counter()
        report = ingest_paths([folder], engine=engine, gazetteer=gazetteer)
        ingest_s = time.perf_counter() - start
    print(f"articles: {args.articles}, chars: {chars:,}, figures extracted: {report.added['figures']:,} "
          f"(expected {args.articles * 4:,})")
    print(f"jieba.lcut (default, HMM): {args.articles / jieba_s:10.1f} articles/s {chars / jieba_s:12,.0f} chars/s")
    print(f"jieba precise, no HMM    : {args.articles / jieba_nohmm_s:10.1f} articles/s "
          f"{chars / jieba_nohmm_s:12,.0f} chars/s")
    print(f"full ingest              : {args.articles / ingest_s:10.1f} articles/s {chars / ingest_s:12,.0f} chars/s")
    print(f"ingest speed as a share of raw jieba: {jieba_s / ingest_s:.0%} of the default, "
          f"{jieba_nohmm_s / ingest_s:.0%} of no-HMM")


if __name__ == "__main__":
    main()
