"""No unsourced number: every number an answer states is in a source it cites, is a period or rank, or is computed.

Runs every seed gold question (follow-ups chained) and a list of computed-comparison questions on the bundled
base. A cited source is one of `answer.sources`; its snippet is widened to the whole sentence via the index.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from itertools import permutations

import pytest

from bench.answer_scoring import answer_body, ask_all, numbers_in, period_free, seed_questions
from knowledge.extract.cnvalues import arabic_values
from knowledge.qa.answer import Answer
from knowledge.qa.parse import Conversation
from knowledge.service import KnowledgeBase
from knowledge.store.engine import make_engine
from knowledge.text.corpus import BUNDLED_DIR
from knowledge.text.normalize import to_simplified

# Questions whose answer is computed from two figures (the comparisons, differences, ratios, shares,
# rankings over the base); each figure of theirs must come from a cited source or from two of them.
COMPUTED = [
    ("cmp-growth", "临清和聊城上半年规上工业增加值谁增长更快?"),
    ("cmp-rank", "冠县和临清综合评议谁排名更靠前?"),
    ("cmp-signed", "临清和冠县哪个招商签约项目多?"),
    ("cmp-not-comparable", "周村区和临清市规上工业增加值增速谁更高?"),
    ("diff-gdp-revenue", "临清上半年生产总值比一般公共预算收入多多少?"),
    ("diff-growth", "聊城规上工业增加值增速比规下工业增加值高多少?"),
    ("ratio-spending", "度假区一般公共预算支出是民生支出的几倍?"),
    ("share-livelihood", "度假区民生支出占一般公共预算支出多少?"),
    ("share-revenue-gdp", "临清一般公共预算收入占生产总值的比重是多少?"),
    ("rank-over-base", "聊城哪个县规上工业增加值增长最快?"),
    ("ranking-over-base", "各县一般公共预算收入排名"),
    ("group-count", "哪个市的高质量发展先进县最多?"),
    ("list-count", "山东有几个高质量发展先进县?"),
]

# Cases that fail today, with why; xfail strict, so a fix shows up as XPASS. Overviews failed at b03e47a
# (they listed figures from sentences they did not cite) and pass with the overview change in progress.
KNOWN: dict[str, str] = {}


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> KnowledgeBase:
    folder = tmp_path_factory.mktemp("kb")
    base = KnowledgeBase(make_engine(f"sqlite:///{folder / 'kb.db'}"), BUNDLED_DIR)
    base.start()
    return base


@pytest.fixture(scope="module")
def answers(kb) -> dict[str, Answer]:
    def ask(question: str, state: Conversation | None) -> tuple[Answer, Conversation]:
        asked = kb.ask(question, state)
        return asked.answer, asked.state

    items = seed_questions() + [{"id": qid, "q": q, "after": None} for qid, q in COMPUTED]
    return ask_all(items, ask)


def cited_numbers(kb: KnowledgeBase, answer: Answer) -> list[Decimal]:
    """Every number in the sentences the answer cites (a snippet is widened to its whole sentence)."""
    texts = []
    for source in answer.sources:
        snippet = to_simplified(str(source.get("snippet") or ""))
        core = max(snippet.split("…"), key=len)
        whole = [s for s in kb.index.sentences.values() if core and core in to_simplified(s)]
        texts += whole or [snippet]
    # a value the source writes in words (四分之一, 六百六十三家) is stated there as much as one in digits
    return [n for text in texts for n in numbers_in(arabic_values(to_simplified(text)))]


def computed_from(value: Decimal, cited: list[Decimal]) -> bool:
    """`value` is a sum, difference, ratio or percentage of two cited numbers, to the precision it is shown in."""
    exponent = value.as_tuple().exponent
    quantum = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    for a, b in permutations(set(cited), 2):
        candidates = [a + b, a - b] + ([a / b, a / b * 100] if b else [])
        if any(c.quantize(quantum, rounding=ROUND_HALF_UP) == value for c in candidates):
            return True
    return False


# 资料里只有1个地区有…数据 / 在资料覆盖的N个地区中: a count of the base itself, which no article states; and
# counts of a cited list's entries (共10个(资料所列), 10个入选地区, 各地:潍坊市2个…) or of places over a bound
COVERAGE = re.compile(r"资料(?:里|中)?(?:只有|覆盖的?)(?:全国)?\d+个|共\d+个(?=\(资料所列\))|的\d+个入选地区"
                      r"|的是.{2,12}?\(\d+个\)|的有\d+个|^各地:.*$", re.M)


def unsourced(kb: KnowledgeBase, answer: Answer) -> list[str]:
    cited = cited_numbers(kb, answer)
    stated = numbers_in(COVERAGE.sub(" ", period_free(answer_body(answer.text))))
    return [str(n) for n in stated if n not in cited and not computed_from(n, cited)]


CASES = [q["id"] for q in seed_questions()] + [qid for qid, _ in COMPUTED]


@pytest.mark.parametrize("qid", [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=KNOWN[c]))
                                 if c in KNOWN else c for c in CASES])
def test_every_number_in_an_answer_has_a_cited_source(kb, answers, qid):
    assert unsourced(kb, answers[qid]) == []


def test_an_unsourced_number_is_caught(kb, answers):
    answer = answers["linqing-gdp-h1"]
    forged = Answer(True, answer.intent, answer.text.replace("140.08", "150.08"), sources=answer.sources)
    assert unsourced(kb, forged) == ["150.08"]
