"""knowledge/qa/packed.py: the sentence store, facts by sentence and postings answer as the dicts they replace."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from knowledge.qa.packed import _BLOCK, ArticleOf, FactsBySentence, SentenceStore, build_postings
from knowledge.text.segment import cut

WORDS = ["新能源汽车", "产量", "增长", "光伏组件", "出口", "港口", "吞吐量", "稳步", "提升", "𠀾字"]


def _texts(count: int, seed: int = 3) -> dict[int, tuple[int, str]]:
    """id → (article id, text), ids increasing with gaps, texts of made-up words (one with an astral char)."""
    rng = random.Random(seed)
    out: dict[int, tuple[int, str]] = {}
    sid = 0
    for _ in range(count):
        sid += rng.randint(1, 3)
        out[sid] = (rng.randint(1, 40), "".join(rng.choices(WORDS, k=rng.randint(0, 5))) + "。")
    return out


def _store(texts: dict[int, tuple[int, str]]) -> SentenceStore:
    store = SentenceStore()
    for sid, (aid, text) in texts.items():
        store.add(sid, aid, text)
    return store


@pytest.mark.parametrize("sealed", [True, False])
def test_the_store_gives_back_every_text_across_blocks(sealed: bool) -> None:
    texts = _texts(2 * _BLOCK + 17)
    store = _store(texts)
    if sealed:
        store.seal()
    assert len(store) == len(texts)
    assert list(store) == list(texts)
    assert dict(store.items()) == {sid: text for sid, (_aid, text) in texts.items()}
    assert list(store.values()) == [text for _aid, text in texts.values()]
    some = random.Random(1).sample(list(texts), 300)
    assert [store[sid] for sid in some] == [texts[sid][1] for sid in some]
    articles = ArticleOf(store)
    assert [articles[sid] for sid in some] == [texts[sid][0] for sid in some]
    assert store.get(max(texts) + 1) is None
    with pytest.raises(KeyError):
        store[0]
    with pytest.raises(KeyError):
        articles[-5]


def test_the_store_refuses_ids_out_of_order_and_additions_once_sealed() -> None:
    store = SentenceStore()
    store.add(5, 1, "甲")
    with pytest.raises(ValueError, match="after 5"):
        store.add(5, 1, "乙")
    store.seal()
    with pytest.raises(ValueError, match="sealed"):
        store.add(6, 1, "丙")
    assert store[5] == "甲"


def test_facts_by_sentence_keep_index_order_whatever_order_they_come_in() -> None:
    rng = random.Random(4)
    pairs = [(rng.randint(1, 50), i) for i in range(500)]
    expected: dict[int, list[int]] = defaultdict(list)
    grouped = FactsBySentence()
    for sid, fact in pairs:
        expected[sid].append(fact)
        grouped.add(sid, fact)
    assert {sid: list(grouped[sid]) for sid in grouped} == dict(expected)
    assert len(grouped) == len(expected)
    missing = next(sid for sid in range(1, 60) if sid not in expected)
    assert grouped.get(missing, []) == []
    assert grouped.get(missing) is None
    in_order = FactsBySentence()
    for fact, sid in enumerate([1, 1, 2, 4, 4, 4]):
        in_order.add(sid, fact)
    assert list(in_order.get(4, [])) == [3, 4, 5]


def test_postings_list_each_token_s_sentences_in_id_order() -> None:
    texts = _texts(400, seed=8)
    store = _store(texts)
    expected: dict[str, list[int]] = defaultdict(list)
    for sid, (_aid, text) in texts.items():  # the dict-of-arrays build that packed postings replaced
        for token in dict.fromkeys(cut(text)):
            if len(token) >= 2 and token not in "的了和与及在是为对把被将从等,、。;:":
                expected[token].append(sid)
    postings = build_postings(store)
    assert {token: list(ids) for token, ids in postings.items()} == dict(expected)
    assert build_postings(SentenceStore()) == {}
