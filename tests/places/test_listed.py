"""Stems as list items (knowledge/places/listed.py): a common-word stem is a place only beside its peers."""

from __future__ import annotations

import pytest

from knowledge.places.gazetteer import Gazetteer


def named(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.region.name) for m in gazetteer.find_mentions(text)]


@pytest.mark.parametrize("text, expected", [
    # last item of a list, closed by a count
    ("宜都、大冶两个县级市增速领先", [("宜都", "宜都市"), ("大冶", "大冶市")]),
    # first item, then a place the matcher knows
    ("今年大冶、宜都均进入百强", [("宜都", "宜都市")]),  # 今年大冶: the stem does not start an item
    (",大冶、宜都均进入百强", [("大冶", "大冶市"), ("宜都", "宜都市")]),
    # a chain: each found stem lets the next one be read
    ("潜江、宜都、大冶3市", [("潜江", "潜江市"), ("宜都", "宜都市"), ("大冶", "大冶市")]),
])
def test_a_stem_filling_a_list_item_beside_a_peer_is_that_place(gazetteer: Gazetteer, text: str,
                                                                 expected: list[tuple[str, str]]) -> None:
    assert named(gazetteer, text) == expected


@pytest.mark.parametrize("text", [
    "他在大冶钢厂工作多年",  # prose: the stem stays a word
    "大冶和宜都",  # no list mark beside the stem
    "湖北省、大冶",  # the neighbour is a province, not a peer of its level
])
def test_a_stem_outside_a_list_of_its_peers_is_no_place(gazetteer: Gazetteer, text: str) -> None:
    assert "大冶市" not in [name for _surface, name in named(gazetteer, text)]
