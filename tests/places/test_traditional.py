"""Traditional writing of place names in text that is not converted as a whole (a mixed question), and
in typed input. The phrases are written for the test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "described"), [
    ("中山區生产总值是多少", ["大连市中山区"]),  # not 中山市, whose alias 中山 begins it
    ("大連中山區", ["辽宁省大连市", "大连市中山区"]),
    ("福州市鼓樓區的工业", ["福建省福州市", "福州市鼓楼区"]),
    ("中山市的外贸", ["广东省中山市"]),
], ids=["district", "city-alias-then-district", "shared-name-settled-by-city", "simplified-city"])
def test_a_traditional_name_in_mixed_text_names_the_same_place_as_the_simplified(gazetteer, text, described):
    assert [gazetteer.describe(m.region) for m in gazetteer.find_mentions(text)] == described


def test_a_shared_traditional_name_stays_unsettled_like_the_simplified(gazetteer):
    unsettled: set[str] = set()
    assert gazetteer.find_mentions("鼓樓區的工业", unsettled=unsettled) == []
    assert unsettled == {"鼓樓區"}
    assert len(gazetteer.candidates("鼓樓區")) == len(gazetteer.candidates("鼓楼区")) == 4


def test_a_traditional_short_form_is_checked_as_its_simplified_writing(gazetteer):
    # 大丰 is 大丰区's short form; in 大豐收 (a bumper harvest) it ends inside a word, written either way
    assert gazetteer.find_mentions("今年糧食再获大豐收") == gazetteer.find_mentions("今年粮食再获大丰收") == []
    assert [m.region.name for m in gazetteer.find_mentions("大豐港吞吐量")] == ["大丰区"]


def test_typed_traditional_district_resolves_like_the_simplified(gazetteer):
    assert gazetteer.resolve("中山區") == gazetteer.resolve("中山区") == gazetteer.by_name("中山区")
