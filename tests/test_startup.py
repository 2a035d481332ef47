"""A one-shot ask starts lean: no jieba, cn2an or pypinyin, no example questions until an answer shows them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.service import KnowledgeBase
from knowledge.store.engine import make_engine
from tests.conftest import SEEDS

HEAVY = ("jieba", "jieba.posseg", "cn2an", "pypinyin")
# A one-shot ask in a fresh process, as `regionbot ask` runs it, reporting which heavy modules it loaded.
_PROBE = """
import gc, json, sys
from bot.cli import _knowledge_base
kb = _knowledge_base()
frozen = gc.get_freeze_count()
answer = kb.ask(sys.argv[1]).answer
print(json.dumps({"text": answer.text, "loaded": sorted(set(sys.modules) & set(sys.argv[2].split(","))),
                  "frozen": frozen}, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def built_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite base already holding the bundled corpus (a first use ingests, and ingest needs jieba)."""
    database = tmp_path_factory.mktemp("startup") / "base.db"
    KnowledgeBase(make_engine(f"sqlite:///{database}"), SEEDS).start(warm=False)
    return database


def _ask_in_fresh_process(database: Path, question: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "KNOWLEDGE_"))}
    env.update(DATABASE_URL=f"sqlite:///{database}", KNOWLEDGE_DIR=str(SEEDS))
    out = subprocess.run([sys.executable, "-c", _PROBE, question, ",".join(HEAVY)], env=env, capture_output=True,
                         text=True, timeout=120, cwd=database.parent, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize(("question", "expected"), [
    ("临清上半年生产总值是多少?", "140.08"),
    ("昆山2023年GDP是多少?", "资料里还没有苏州市昆山市的数据"),
], ids=["figure", "place-without-data"])
def test_a_one_shot_ask_loads_no_segmenter_numeral_reader_or_pinyin(built_base: Path, question: str,
                                                                     expected: str) -> None:
    result = _ask_in_fresh_process(built_base, question)
    assert expected in str(result["text"])
    assert result["loaded"] == []


def test_a_one_shot_start_leaves_its_objects_out_of_the_collectors_sight(built_base: Path) -> None:
    """What the imports and the start made is frozen: no later collection, nor the last at exit, walks it."""
    result = _ask_in_fresh_process(built_base, "临清上半年生产总值是多少?")
    assert int(str(result["frozen"])) > 50_000


def test_examples_are_made_when_an_answer_first_shows_them(built_base: Path) -> None:
    served = KnowledgeBase(make_engine(f"sqlite:///{built_base}"), SEEDS)
    served.start(warm=True)
    one_shot = KnowledgeBase(make_engine(f"sqlite:///{built_base}"), SEEDS)
    one_shot.start(warm=False)
    answer = one_shot.ask("你能做什么?").answer
    assert served.examples, "the bundled corpus gives example questions"
    assert answer.suggestions == served.examples[:4]
    assert all(example in answer.text for example in served.examples)
    assert one_shot.examples == served.examples


_SERVING_PROBE = """
import json, sys
from bot.cli import _knowledge_base
kb = _knowledge_base()
kb.start(warm=True)
texts = [kb.ask(q).answer.text for q in sys.argv[1:]]
print(json.dumps({"texts": texts, "pypinyin": "pypinyin" in sys.modules}, ensure_ascii=False))
"""


def test_a_serving_bot_reads_typed_pinyin_and_typos_without_importing_pypinyin(built_base: Path) -> None:
    """pypinyin holds 52 MB once imported: serving reads its data files into compact tables instead."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "KNOWLEDGE_"))}
    env.update(DATABASE_URL=f"sqlite:///{built_base}", KNOWLEDGE_DIR=str(SEEDS))
    questions = ["临青上半年生产总值是多少?", "linqing上半年生产总值是多少?", "火星的天气怎么样"]
    out = subprocess.run([sys.executable, "-c", _SERVING_PROBE, *questions], env=env, capture_output=True,
                         text=True, timeout=300, cwd=built_base.parent, check=True)
    result = json.loads(out.stdout)
    typo, typed_pinyin, _elsewhere = result["texts"]
    assert "140.08" in typo and "140.08" in typed_pinyin
    assert result["pypinyin"] is False
