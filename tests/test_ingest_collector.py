"""Ingest runs the garbage collector less often while it parses, and gives the process its thresholds back."""

from __future__ import annotations

import gc

import pytest

from knowledge.store.ingest import ingest_paths
from knowledge.store.workers import PARSE_GC_THRESHOLD
from tests.conftest import SEEDS


def test_ingest_restores_the_collector_thresholds_it_found(engine, gazetteer):
    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    ingest_paths([SEEDS], engine=engine, gazetteer=gazetteer, progress=lambda _name: seen.append(gc.get_threshold()))
    assert seen and set(seen) == {PARSE_GC_THRESHOLD}
    assert gc.get_threshold() == before


def test_ingest_restores_the_thresholds_when_the_write_fails(engine, gazetteer, tmp_path):
    before = gc.get_threshold()
    (tmp_path / "a.txt").write_text("2023年,某市生产总值完成100亿元,增长5%。\n", encoding="utf-8")

    def fail(_name: str) -> None:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer, progress=fail)
    assert gc.get_threshold() == before
