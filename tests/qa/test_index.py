"""knowledge/qa/index.py: the fact table gives back the records put in, and the index built from a base."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from knowledge.qa.index import _TEXT_BLOCK, FactRecord, FactTable
from tests.qa.kbkit import base_from


def _record(i: int, rng: random.Random) -> FactRecord:
    def number() -> float | None:
        return rng.choice([None, -0.0, 0.0, 12.5, -3.25, 1e12, rng.uniform(-100, 100)])

    return FactRecord(1000 + i, rng.choice(["370100", "370200", "110105"]), rng.choice(["地区生产总值", "进出口总额"]),
                      rng.choice(["GDP", "生产总值"]), number(), rng.choice([None, "", "140.08", f"{i}.5"]),
                      rng.choice([None, "亿元", "%"]), number(), number(), rng.choice(["2023", "2024H1"]),
                      rng.choice([None, "规上"]), rng.randint(1, 9), 5000 + i // 3)


def test_the_fact_table_gives_back_equal_records() -> None:
    rng = random.Random(2)
    records = [_record(i, rng) for i in range(2 * _TEXT_BLOCK + 5)]
    table = FactTable()
    for record in records:
        table.append(record)
    assert len(table) == len(records)
    assert list(table) == records
    assert [table[i] for i in (0, _TEXT_BLOCK - 1, _TEXT_BLOCK, len(records) - 1)] == [
        records[0], records[_TEXT_BLOCK - 1], records[_TEXT_BLOCK], records[-1]]
    assert table[-1] == records[-1] and table[3:7] == records[3:7]
    signs = [str(table[i].value) for i in range(len(records))]
    assert signs == [str(r.value) for r in records]  # -0.0 stays -0.0, None stays None
    with pytest.raises(IndexError):
        table[len(records)]
    assert not FactTable()


def test_an_index_built_from_a_base_finds_facts_by_sentence_and_region(tmp_path: Path) -> None:
    kb = base_from(tmp_path, {"a.txt": "某市统计局:2023年经济运行简况\n日期:2024-01-20\n"
                                       "2023年,临清市实现地区生产总值321.5亿元,同比增长5.2%。\n"
                                       "全年临清市进出口总额45.6亿元,增长8.1%。\n"})
    index = kb.index
    assert len(index.facts) >= 2
    for i, fact in enumerate(index.facts):
        assert i in index.by_sentence[fact.sentence_id]
        assert i in index.by_region[fact.region_code]
        assert i in index.by_region_metric[(fact.region_code, fact.metric)]
        assert index.sources[index.sentence_article[fact.sentence_id]].article_id == fact.article_id
        assert fact.value_text in index.sentences[fact.sentence_id]
