"""A named list that states no ranks (名单如下 and ten names) is a set: no member is ever said to be 第N名, and 第一名
or 排第几 about it says the list has no order. A ranking is counted from its end (最后一名, 倒数第二) only when it is
whole, never from the end of a top five."""

from __future__ import annotations

import re

import pytest

from knowledge.service import KnowledgeBase
from tests.qa.kbkit import base_from, body

# Written for the test; the lists are made up.
ARTICLES = {
    "hebei.txt": "河北省公布特色产业示范县\n发布日期:2023-05-10\n2023年度河北省县域特色产业示范县名单如下:"
                 "辛集市、晋州市、新乐市、定州市、安国市、高碑店市、涿州市、三河市、霸州市、任丘市。\n",
    "jining.txt": "济宁市通报考核结果\n发布日期:2023-02-10\n2022年度济宁市各县(市、区)综合考核排名:第一名:邹城市;"
                  "第二名:曲阜市;第三名:兖州区;第四名:嘉祥县;第五名:微山县。\n"
                  "2022年,全省县域经济十强县排在前五位的依次是:邹城市、荣成市、寿光市、滕州市、龙口市。\n",
}
_RANK_SAID = re.compile(r"第\s*\d+\s*名")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return base_from(tmp_path_factory.mktemp("unranked_lists"), ARTICLES)


@pytest.mark.parametrize("question", [
    "晋州在县域特色产业示范县中排第几?", "县域特色产业示范县第一名是谁?", "县域特色产业示范县前三名是谁?",
], ids=["rank-of-a-member", "first-place", "top-three"])
def test_a_list_without_ranks_gives_no_rank(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question).answer
    said = body(answer.text)
    assert not answer.found and "不分先后" in said and not _RANK_SAID.search(said)
    assert "晋州市" in said and answer.sources  # the list itself is shown, with its source


def test_a_member_of_a_list_without_ranks_is_never_ranked(kb: KnowledgeBase) -> None:
    for question in ("晋州市入选了什么?", "晋州是县域特色产业示范县吗?"):
        answer = kb.ask(question).answer
        assert answer.found and "示范县" in body(answer.text) and not _RANK_SAID.search(body(answer.text))


@pytest.mark.parametrize("follow_up", ["第二名呢?", "最后一名是谁?"], ids=["second", "last"])
def test_a_place_asked_after_a_list_without_ranks_is_none(kb: KnowledgeBase, follow_up: str) -> None:
    shown = kb.ask("县域特色产业示范县有哪些?")
    assert shown.answer.found and "· 晋州市" in shown.answer.text  # a set is listed without numbers
    answer = kb.ask(follow_up, shown.state).answer
    assert not answer.found and "不分先后" in answer.text and not _RANK_SAID.search(body(answer.text))


@pytest.mark.parametrize("follow_up, shown", [
    ("最后一名是谁?", "第5名是微山县"), ("倒数第一", "第5名是微山县"), ("倒数第二名呢?", "第4名是嘉祥县"),
], ids=["last", "last-bare", "second-to-last"])
def test_a_whole_ranking_is_counted_from_its_end(kb: KnowledgeBase, follow_up: str, shown: str) -> None:
    ranking = kb.ask("济宁各县综合考核排名")
    assert ranking.answer.found and "1. 邹城市" in ranking.answer.text
    answer = kb.ask(follow_up, ranking.state).answer
    assert answer.found and shown in body(answer.text)


def test_the_end_of_a_top_five_is_no_last_place(kb: KnowledgeBase) -> None:
    top = kb.ask("十强县排在前五位的有哪些?")
    assert top.answer.found and "5. 龙口市" in top.answer.text
    answer = kb.ask("最后一名是谁?", top.state).answer
    assert not answer.found and "龙口" not in body(answer.text)
    fifth = kb.ask("第五名是谁?", top.state).answer
    assert fifth.found and "第5名是龙口市" in body(fifth.text)


def test_an_entry_without_a_stated_rank_is_never_numbered_by_its_place_in_the_list() -> None:
    from knowledge.qa.index import EntryRecord, RankingRecord
    from knowledge.qa.lookup import render_ranking

    entries = (EntryRecord(1, "邹城市", None, None), EntryRecord(None, "荣成市", None, None),
               EntryRecord(3, "寿光市", None, None))
    shown = render_ranking(RankingRecord(1, "某榜单", "ordered", None, None, 1, 1, entries)).splitlines()
    assert shown[1:] == ["1. 邹城市", "· 荣成市", "3. 寿光市"]
