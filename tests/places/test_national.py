"""The national gazetteer: the generated file's counts, every province, a sample of every province's
prefectures and counties, unique keys, renamings both ways and merged units by year."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest

from knowledge.places.gazetteer import Gazetteer, Region

_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"


def _entries() -> list[dict]:
    return json.loads(files("knowledge").joinpath("data", "gazetteer.json").read_text(encoding="utf-8"))["entries"]


def _build_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_gazetteer", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def test_the_build_script_counts_units_by_level_as_the_file_holds_them() -> None:
    counts = _build_script().level_counts(_entries())
    assert counts["province"] == 34  # 31 mainland, 香港, 澳门, 台湾
    assert 330 <= counts["city"] <= 340
    assert 2800 <= counts["county"] <= 2900
    assert counts["city (merged away)"] >= 1 and counts["county (merged away)"] >= 1


def test_the_file_stays_small_and_credits_jionlp() -> None:
    path = files("knowledge").joinpath("data", "gazetteer.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "jionlp" in data["source"] and "Apache-2.0" in data["source"]
    assert len(path.read_bytes()) < 600_000


def _provinces(gazetteer: Gazetteer) -> list[Region]:
    return [r for r in gazetteer.regions() if r.level == "province"]


def test_every_province_resolves_by_full_and_short_name(gazetteer: Gazetteer) -> None:
    provinces = _provinces(gazetteer)
    assert len(provinces) == 34
    assert {"香港特别行政区", "澳门特别行政区", "台湾省"} <= {p.name for p in provinces}
    for province in provinces:
        assert gazetteer.resolve(province.name) == province, province.name
        assert gazetteer.resolve(province.short) == province, province.short


def _sample(gazetteer: Gazetteer, province: Region, level: str) -> list[Region]:
    """The first, middle and last unit of the level by code: a spread over the province."""
    units = [r for r in gazetteer.regions() if r.level == level and gazetteer.province_of(r) == province]
    return list(dict.fromkeys([units[0], units[len(units) // 2], units[-1]])) if units else []


@pytest.mark.parametrize("level", ["city", "county"])
def test_a_sample_of_every_provinces_units_resolves_or_asks_back(gazetteer: Gazetteer, level: str) -> None:
    sampled = 0
    for province in _provinces(gazetteer):
        for region in _sample(gazetteer, province, level):
            sampled += 1
            found = gazetteer.candidates(region.name)
            assert region in found, region.name
            if len(found) > 1:  # a shared name: the city settles it
                city = gazetteer.city_of(region) or province
                assert gazetteer.candidates(region.name, context_city=city) == [region], region.name
            else:
                assert gazetteer.resolve(region.name) == region
    assert sampled >= (31 * 3 if level == "county" else 27 * 3)


def test_no_two_units_share_a_canonical_key(gazetteer: Gazetteer) -> None:
    regions = gazetteer.regions(merged=True)
    assert len({r.code for r in regions}) == len(regions)
    described = Counter(gazetteer.describe(r) for r in regions)
    assert [key for key, n in described.items() if n > 1] == []
    assert all(gazetteer.parent(r) is not None for r in regions if r.level not in ("province", "nation"))


def _renamings(gazetteer: Gazetteer) -> list[tuple[str, Region]]:
    return [(old, r) for r in gazetteer.regions() for old in r.former]


def test_each_rename_resolves_both_ways(gazetteer: Gazetteer) -> None:
    """Old name → today's unit (with its city, as in an article or a follow-up); unit → its old names."""
    renamings = _renamings(gazetteer)
    assert len(renamings) >= 80
    wrong = []
    for old, region in renamings:
        city = gazetteer.city_of(region) or gazetteer.province_of(region)
        settled = gazetteer.resolve(old, context_city=city)
        if settled != region or old not in region.former or region not in gazetteer.candidates(region.name):
            wrong.append((old, region.name, settled.name if settled else None))
    assert wrong == []


@pytest.mark.parametrize(
    ("old", "new"),
    [("茌平县", "茌平区"), ("襄樊市", "襄阳市"), ("襄樊", "襄阳市"), ("通县", "通州区"), ("思茅市", "普洱市"),
     ("无为县", "无为市"), ("吴江市", "吴江区")],
    ids=["茌平", "襄樊市", "襄樊", "通县", "思茅", "无为", "吴江"],
)
def test_a_former_name_in_text_is_todays_unit_whatever_the_year(gazetteer: Gazetteer, old: str, new: str) -> None:
    for year in (2005, 2023, None):
        [mention] = gazetteer.find_mentions(f"{old}经济", year=year)
        assert mention.region.name == new and mention.via == "former"


def test_a_merged_unit_is_itself_before_its_merger_and_its_successor_after(gazetteer: Gazetteer) -> None:
    [before] = gazetteer.find_mentions("莱芜市经济", year=2015)
    assert before.region.code == "371200" and before.region.until == 2019
    assert [r.name for r in gazetteer.successors(before.region)] == ["莱芜区", "钢城区"]
    assert gazetteer.describe(before.region) == "山东省莱芜市(2019年撤销)"
    [after] = gazetteer.find_mentions("原莱芜市经济", year=2022)
    assert after.region.name == "莱芜区"
    assert gazetteer.resolve("莱芜市", year=2015) == before.region
    assert gazetteer.resolve("莱芜市") == after.region


def test_merged_units_are_not_listed_as_todays(gazetteer: Gazetteer) -> None:
    jinan = gazetteer.by_name("济南市")
    assert jinan is not None
    assert "莱芜市" not in {r.name for r in gazetteer.regions()}
    assert "莱芜市" in {r.name for r in gazetteer.regions(merged=True)}
    assert gazetteer.by_name("莱芜市") is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("昆山", "苏州市昆山市"), ("恩施州", "湖北省恩施土家族苗族自治州"), ("恩施", "湖北省恩施土家族苗族自治州"),
     ("延边", "吉林省延边朝鲜族自治州"), ("崑山", "苏州市昆山市"), ("kunshan", "苏州市昆山市"),
     ("广州", "广东省广州市"), ("北京", "北京市"), ("beijing", "北京市"), ("和平", None), ("乾县", "咸阳市乾县"),
     ("内蒙古", "内蒙古自治区"), ("香港", "香港特别行政区")],
    ids=["昆山", "恩施州", "恩施", "延边", "traditional", "pinyin", "广州", "北京", "beijing", "shared-stem-和平",
         "乾县-not-traditional", "内蒙古", "香港"],
)
def test_short_names_traditional_and_pinyin_resolve(gazetteer: Gazetteer, typed: str, expected: str | None) -> None:
    region = gazetteer.resolve(typed)
    assert (gazetteer.describe(region) if region else None) == expected


def test_a_municipalitys_districts_lie_in_the_municipality(gazetteer: Gazetteer) -> None:
    beijing = gazetteer.by_name("北京市")
    chaoyang = gazetteer.resolve("朝阳区", context_city=beijing)
    assert beijing is not None and chaoyang is not None
    assert gazetteer.city_of(chaoyang) == beijing and gazetteer.describe(chaoyang) == "北京市朝阳区"


@pytest.mark.parametrize("text", ["城区建设加快", "新建校舍", "搭建新平台", "和平发展", "矿区治理"],
                         ids=["城区", "新建", "新平台", "和平", "矿区"])
def test_ordinary_words_that_are_also_place_names_are_not_read_as_places(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.find_mentions(text) == []


def test_a_unit_named_with_an_ordinary_word_counts_right_after_its_city(gazetteer: Gazetteer) -> None:
    [city, district] = gazetteer.find_mentions("阳泉市城区经济")
    assert city.region.name == "阳泉市" and gazetteer.describe(district.region) == "阳泉市城区"


@pytest.mark.parametrize(
    ("typed", "zone", "host"),
    [("两江新区", "重庆两江新区", "重庆市"), ("雄安新区", "河北雄安新区", "保定市"),
     ("横琴", "横琴粤澳深度合作区", "珠海市"), ("江北新区", "南京江北新区", "南京市")],
    ids=["两江", "雄安", "横琴", "江北新区"],
)
def test_zones_are_non_administrative_under_their_host_city(gazetteer: Gazetteer, typed: str, zone: str,
                                                            host: str) -> None:
    region = gazetteer.resolve(typed)
    assert region is not None and region.name == zone and region.level == "zone"
    city = gazetteer.city_of(region)
    assert city is not None and city.name == host
    assert not region.code.isdigit()  # no adcode of its own: a zone is not an administrative unit
