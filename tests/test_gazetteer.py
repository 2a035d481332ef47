"""The gazetteer on Shandong's places: the tree, every form a place goes by, mentions in text, user input.

The national checks (every province, renamings, shared names) live in tests/places/."""

from __future__ import annotations

import json
from collections import Counter
from importlib.resources import files

import pytest

from knowledge.places.gazetteer import GENERIC_ZONE_TERMS, Gazetteer, Mention


def _names(mentions: list[Mention]) -> list[tuple[str, str, str]]:
    return [(m.surface, m.region.name, m.via) for m in mentions]


def test_the_province_has_its_sixteen_cities(gazetteer: Gazetteer) -> None:
    province = gazetteer.by_name("山东省")
    assert province is not None and province.level == "province" and province.short == "山东"
    cities = [r for r in gazetteer.children(province) if r.level == "city"]
    assert len(cities) == 16
    assert {"济南市", "青岛市", "淄博市", "聊城市", "菏泽市", "日照市"} <= {c.name for c in cities}


def test_every_parent_exists_and_codes_are_unique(gazetteer: Gazetteer) -> None:
    regions = gazetteer.regions()
    assert len({r.code for r in regions}) == len(regions)
    assert all(gazetteer.parent(r) is not None for r in regions if r.level not in ("province", "nation"))
    shandong = gazetteer.by_name("山东省")
    assert sum(r.level == "county" and gazetteer.province_of(r) == shandong for r in regions) == 136


def test_the_data_credits_jionlp() -> None:
    data = json.loads(files("knowledge").joinpath("data", "gazetteer.json").read_text(encoding="utf-8"))
    assert "jionlp" in data["source"] and "Apache-2.0" in data["source"]


def test_linqing_lies_in_liaocheng(gazetteer: Gazetteer) -> None:
    linqing = gazetteer.by_name("临清市")
    assert linqing is not None
    assert gazetteer.parent(linqing) == gazetteer.by_name("聊城市")
    assert [r.name for r in gazetteer.chain(linqing)] == ["临清市", "聊城市", "山东省"]
    assert gazetteer.city_of(linqing) == gazetteer.by_name("聊城市")


def test_city_of_a_city_is_itself_and_the_province_has_none(gazetteer: Gazetteer) -> None:
    liaocheng = gazetteer.by_name("聊城市")
    assert liaocheng is not None and gazetteer.city_of(liaocheng) == liaocheng
    province = gazetteer.by_name("山东省")
    assert province is not None and gazetteer.city_of(province) is None


def test_zones_hang_under_their_city(gazetteer: Gazetteer) -> None:
    liaocheng = gazetteer.by_name("聊城市")
    assert liaocheng is not None
    zones = [r.name for r in gazetteer.children(liaocheng) if r.level == "zone"]
    assert zones == ["聊城经济技术开发区", "聊城高新技术产业开发区", "江北水城旅游度假区"]
    zone = gazetteer.by_name("淄博高新技术产业开发区")
    assert zone is not None and gazetteer.city_of(zone) == gazetteer.by_name("淄博市")


@pytest.mark.parametrize(
    ("name", "aliases"),
    [
        ("临清市", ("临清",)),
        ("周村区", ("周村",)),
        ("聊城市", ("聊城",)),
        ("东昌府区", ("东昌府",)),
        ("茌平区", ("茌平",)),
        ("冠县", ()),
        ("莘县", ()),
        ("市中区", ()),
        ("平原县", ()),
        ("河口区", ()),
        ("东营区", ()),
        ("山东省", ("山东",)),
    ],
    ids=["临清市", "周村区", "聊城市", "东昌府区", "茌平区", "冠县", "莘县", "市中区-shared", "平原县-word",
         "河口区-elsewhere", "东营区-city-has-it", "山东省-no-鲁"],
)
def test_aliases_are_short_forms_that_cannot_mislead(gazetteer: Gazetteer, name: str,
                                                     aliases: tuple[str, ...]) -> None:
    regions = [r for r in gazetteer.regions() if r.name == name]
    assert regions and all(r.aliases == aliases for r in regions)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("临清市", "临清市"),
        ("临清", "临清市"),
        ("周村", "周村区"),
        ("聊城", "聊城市"),
        ("山东", "山东省"),
        ("茌平县", "茌平区"),
        ("蓬莱市", "蓬莱区"),
        ("莱芜市", "莱芜区"),
        ("陵县", "陵城区"),
        ("在平区", "茌平区"),
        ("臨清", "临清市"),
        ("聊城市東昌府區", "东昌府区"),
        ("linqing", "临清市"),
        ("Liaocheng", "聊城市"),
        ("zhoucun", "周村区"),
        ("Línqīng", "临清市"),
        ("shanxian", "单县"),
        ("临青", "临清市"),
        ("聊成", "聊城市"),
        ("荷泽", "菏泽市"),
        ("城阳", "城阳区"),
        ("临清县", "临清市"),
        ("山东省聊城市临清市", "临清市"),
        ("枣庄市中区", "市中区"),
        ("东营", "东营市"),
    ],
    ids=["full", "alias", "alias-周村", "city-alias", "province", "former-茌平县", "former-蓬莱市",
         "former-莱芜市", "former-陵县", "ocr", "traditional", "traditional-path", "pinyin",
         "pinyin-capital", "pinyin-周村", "pinyin-tones", "pinyin-heteronym", "typo-临青", "typo-聊成",
         "typo-荷泽", "bare-stem", "wrong-suffix", "full-path", "city-then-shared", "city-over-district"],
)
def test_resolve_finds_what_people_mean(gazetteer: Gazetteer, query: str, expected: str) -> None:
    region = gazetteer.resolve(query)
    assert region is not None and region.name == expected


@pytest.mark.parametrize(
    "query",
    ["天气", "鲁", "", "市中区", "开发区", "高新区", "市中", "鼓楼区", "通州"],
    ids=["天气", "鲁", "empty", "shared-name", "generic-zone", "generic-高新区", "shared-stem", "鼓楼区", "通州"],
)
def test_resolve_says_none_rather_than_guess(gazetteer: Gazetteer, query: str) -> None:
    assert gazetteer.resolve(query) is None


@pytest.mark.parametrize(
    ("city", "expected_city"),
    [("济南市", "济南市"), ("枣庄市", "枣庄市")],
    ids=["济南", "枣庄"],
)
def test_shared_name_follows_the_city_context(gazetteer: Gazetteer, city: str, expected_city: str) -> None:
    context = gazetteer.by_name(city)
    region = gazetteer.resolve("市中区", context_city=context)
    assert region is not None and region.name == "市中区"
    assert gazetteer.city_of(region) == gazetteer.by_name(expected_city)


def test_a_former_shared_name_follows_the_city_context(gazetteer: Gazetteer) -> None:
    jining = gazetteer.by_name("济宁市")
    region = gazetteer.resolve("市中区", context_city=jining)
    assert region is not None and region.name == "任城区"


def test_every_name_and_alias_resolves_to_its_own_region(gazetteer: Gazetteer) -> None:
    counts = Counter(form for form, _region in gazetteer.surfaces())
    shared = {form for form, n in counts.items() if n > 1} | GENERIC_ZONE_TERMS
    wrong = [(form, region.name) for form, region in gazetteer.surfaces()
             if form not in shared and gazetteer.resolve(form) != region]
    assert wrong == []


def test_by_name_refuses_a_shared_name(gazetteer: Gazetteer) -> None:
    assert gazetteer.by_name("市中区") is None


def test_generic_zone_words_need_a_city(gazetteer: Gazetteer) -> None:
    liaocheng = gazetteer.by_name("聊城市")
    zone = gazetteer.resolve("开发区", context_city=liaocheng)
    assert zone is not None and zone.name == "聊城经济技术开发区"
    resort = gazetteer.resolve("度假区", context_city=liaocheng)
    assert resort is not None and resort.name == "江北水城旅游度假区"
    assert gazetteer.resolve("度假区") is None
    zibo_zone = gazetteer.resolve("高新区", context_city=gazetteer.by_name("淄博市"))
    assert zibo_zone is not None and zibo_zone.name == "淄博高新技术产业开发区"


def test_ocr_slip_is_found_with_its_original_surface(gazetteer: Gazetteer) -> None:
    text = "今年在平区地区生产总值增长6%。"
    [mention] = gazetteer.find_mentions(text)
    assert (mention.surface, mention.region.name, mention.via) == ("在平区", "茌平区", "ocr")
    assert text[mention.start:mention.end] == "在平区"


def test_ocr_variants_are_not_offered_as_names(gazetteer: Gazetteer) -> None:
    forms = {form for form, _region in gazetteer.surfaces()}
    assert "茌平区" in forms and "茌平县" in forms and "在平区" not in forms


def test_mentions_take_the_longest_form_with_exact_offsets(gazetteer: Gazetteer) -> None:
    text = "聊城市东昌府区和茌平区，临清的企业"
    found = gazetteer.find_mentions(text)
    assert _names(found) == [
        ("聊城市", "聊城市", "name"),
        ("东昌府区", "东昌府区", "name"),
        ("茌平区", "茌平区", "name"),
        ("临清", "临清市", "alias"),
    ]
    assert [(m.start, m.end) for m in found] == [(0, 3), (3, 7), (8, 11), (12, 14)]
    assert all(text[m.start:m.end] == m.surface for m in found)


def test_a_longer_overlapping_form_beats_an_earlier_short_one(gazetteer: Gazetteer) -> None:
    assert _names(gazetteer.find_mentions("德州平原县")) == [("德州", "德州市", "alias"), ("平原县", "平原县", "name")]


def test_former_names_map_to_todays_unit(gazetteer: Gazetteer) -> None:
    found = gazetteer.find_mentions("2018年茌平县撤县设区，莱芜市并入济南")
    assert _names(found) == [
        ("茌平县", "茌平区", "former"),
        ("莱芜市", "莱芜区", "former"),
        ("济南", "济南市", "alias"),
    ]


def test_a_city_right_before_a_shared_name_settles_it(gazetteer: Gazetteer) -> None:
    found = gazetteer.find_mentions("枣庄市市中区、淄博市高新区和市中区")
    assert [(m.surface, m.region.code) for m in found] == [
        ("枣庄市", "370400"),
        ("市中区", "370402"),
        ("淄博市", "370300"),
        ("高新区", "370300-z1"),
    ]


def test_generic_zone_words_in_text_need_a_context(gazetteer: Gazetteer) -> None:
    text = "全省开发区改革"
    assert gazetteer.find_mentions(text) == []
    [mention] = gazetteer.find_mentions(text, context_city=gazetteer.by_name("聊城市"))
    assert mention.region.name == "聊城经济技术开发区" and mention.surface == "开发区"


@pytest.mark.parametrize(
    "text",
    ["平均工资提高", "提高青年就业", "黄金乡村", "担任城市规划", "家住聊城路", "山东大学", "该市南部"],
    ids=["平均", "提高青年", "黄金乡村", "担任城市", "street", "university", "市南-fragment"],
)
def test_short_forms_do_not_fire_inside_other_words(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.find_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("青岛市南区", [("青岛", "370200"), ("市南区", "370202")]),
     ("济南市中区", [("济南", "370100"), ("市中区", "370103")])],
    ids=["青岛市南区", "济南市中区"],
)
def test_a_city_name_may_end_where_a_district_begins(gazetteer: Gazetteer, text: str,
                                                     expected: list[tuple[str, str]]) -> None:
    assert [(m.surface, m.region.code) for m in gazetteer.find_mentions(text)] == expected


def test_a_short_form_at_a_real_boundary_still_counts(gazetteer: Gazetteer) -> None:
    assert _names(gazetteer.find_mentions("东阿阿胶")) == [("东阿", "东阿县", "alias")]
    assert _names(gazetteer.find_mentions("来自高唐的报道")) == [("高唐", "高唐县", "alias")]


def test_many_mentions_in_a_long_text_are_all_found(gazetteer: Gazetteer) -> None:
    sentence = "聊城市在平区今年增长5%，临清市和周村区也有进展；枣庄市市中区发展迅速。"
    once = [(m.start, m.end, m.region.code) for m in gazetteer.find_mentions(sentence)]
    assert len(once) == 6
    found = [(m.start, m.end, m.region.code) for m in gazetteer.find_mentions(sentence * 2000)]
    step = len(sentence)
    expected = [(start + k * step, end + k * step, code) for k in range(2000) for start, end, code in once]
    assert found == expected


def test_suggest_offers_the_nearest_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.suggest("临青")[0].name == "临清市"
    assert gazetteer.suggest("liaochen", limit=1)[0].name == "聊城市"
    assert len(gazetteer.suggest("临清", limit=2)) == 2


def test_surfaces_cover_names_aliases_and_former_names(gazetteer: Gazetteer) -> None:
    pairs = {(form, region.name) for form, region in gazetteer.surfaces()}
    assert ("临清市", "临清市") in pairs and ("临清", "临清市") in pairs
    assert ("茌平县", "茌平区") in pairs and ("聊城开发区", "聊城经济技术开发区") in pairs
