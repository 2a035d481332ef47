"""A running knowledge base sees articles that another process ingested, without a restart."""

from __future__ import annotations

from pathlib import Path

from knowledge.service import KnowledgeBase
from knowledge.store.engine import make_engine
from knowledge.store.ingest import ingest_paths

FIRST = "冠县经济简报\n发布日期:2023-07-30\n2023年上半年,冠县实现地区生产总值120.3亿元,同比增长6.2%。\n"
LATER = "临清经济简报\n发布日期:2023-08-02\n2023年上半年,临清市实现地区生产总值160.5亿元,同比增长5.1%。\n"


def test_an_ingest_by_another_process_is_seen_by_the_running_base(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "guanxian.txt").write_text(FIRST, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    running = KnowledgeBase(make_engine(url), articles)
    running.start(warm=False)
    running.freshness_seconds = 0.0  # check before every question in the test
    assert not running.ask("临清2023年上半年GDP是多少?").answer.found

    (articles / "linqing.txt").write_text(LATER, encoding="utf-8")
    other = make_engine(url)  # a second engine: as `regionbot ingest` in another process would be
    ingest_paths([articles], engine=other, gazetteer=running.gazetteer)

    answer = running.ask("临清2023年上半年GDP是多少?").answer
    assert answer.found and "160.5亿元" in answer.text.split("\n来源")[0]


def test_the_version_check_is_throttled(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "guanxian.txt").write_text(FIRST, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    running = KnowledgeBase(make_engine(url), articles)
    running.start(warm=False)
    running.freshness_seconds = 3600.0
    running.ask("冠县GDP是多少?")  # start() just read the version: no question in the next hour checks
    (articles / "linqing.txt").write_text(LATER, encoding="utf-8")
    ingest_paths([articles], engine=make_engine(url), gazetteer=running.gazetteer)
    assert not running.ask("临清2023年上半年GDP是多少?").answer.found
