"""Names several places share: settled from an article's context, asked back in a question, settled by a
follow-up. The articles are short and written for the test, one context clue each."""

from __future__ import annotations

import pytest

from knowledge.extract.pipeline import parse_article
from knowledge.places.gazetteer import Gazetteer
from knowledge.text.corpus import ArticleMeta, RawArticle

# (shared name, the city that settles it). Every pair is a real unit; each name has two or more.
SHARED = [
    ("朝阳区", "北京市"), ("朝阳区", "长春市"), ("通州区", "北京市"), ("通州区", "南通市"),
    ("和平区", "天津市"), ("和平区", "沈阳市"), ("河东区", "天津市"), ("河东区", "临沂市"),
    ("长安区", "石家庄市"), ("长安区", "西安市"), ("桥西区", "石家庄市"), ("桥西区", "张家口市"),
    ("新华区", "石家庄市"), ("新华区", "沧州市"), ("新华区", "平顶山市"), ("青山区", "包头市"),
    ("青山区", "武汉市"), ("铁西区", "沈阳市"), ("铁西区", "鞍山市"), ("铁西区", "四平市"),
    ("铁东区", "鞍山市"), ("铁东区", "四平市"), ("海州区", "阜新市"), ("海州区", "连云港市"),
    ("西安区", "辽源市"), ("西安区", "牡丹江市"), ("向阳区", "鹤岗市"), ("向阳区", "佳木斯市"),
    ("南山区", "鹤岗市"), ("南山区", "深圳市"), ("宝山区", "双鸭山市"), ("宝山区", "上海市"),
    ("普陀区", "上海市"), ("普陀区", "舟山市"), ("鼓楼区", "南京市"), ("鼓楼区", "徐州市"),
    ("鼓楼区", "福州市"), ("鼓楼区", "开封市"), ("西湖区", "杭州市"), ("西湖区", "南昌市"),
    ("江北区", "宁波市"), ("江北区", "重庆市"), ("永定区", "龙岩市"), ("永定区", "张家界市"),
    ("市中区", "济南市"), ("市中区", "枣庄市"), ("市中区", "内江市"), ("市中区", "乐山市"),
    ("白云区", "广州市"), ("白云区", "贵阳市"), ("龙华区", "深圳市"), ("龙华区", "海口市"),
    ("城中区", "柳州市"), ("城中区", "西宁市"), ("城关区", "拉萨市"), ("城关区", "兰州市"),
    ("鼓楼", "福州市"), ("通州", "南通市"), ("朝阳区", "北京市"),
]
# Where the article says whose it is: the issuing office, the title, the same sentence, an earlier one.
CLUES = ["publisher", "title", "same sentence", "earlier sentence"]
CASES = [(name, city, CLUES[i % len(CLUES)]) for i, (name, city) in enumerate(SHARED)]


def _article(name: str, city: str, clue: str) -> RawArticle:
    figure = f"2023年前三季度,{name}地区生产总值完成321.5亿元,同比增长5.5%。"
    meta = ArticleMeta(title="前三季度经济运行简况")
    lines = [figure]
    if clue == "publisher":
        meta.publisher = f"{city}统计局"
    elif clue == "title":
        meta.title = f"{city}前三季度经济运行简况"
    elif clue == "same sentence":
        lines = [f"据{city}统计局数据,{figure}"]
    else:
        lines = [f"今年以来,{city}经济运行稳中有进。", figure]
    return RawArticle("shared.txt", "\n".join(lines).encode("utf-8"), meta)


@pytest.mark.parametrize(("name", "city", "clue"), CASES, ids=[f"{n}-{c}-{k}" for n, c, k in CASES])
def test_a_shared_name_is_settled_by_the_articles_context(gazetteer: Gazetteer, name: str, city: str,
                                                          clue: str) -> None:
    parsed = parse_article(_article(name, city, clue), gazetteer)
    [fact] = [f for f in parsed.facts if f.value is not None]
    assert gazetteer.describe(fact.region) == city + fact.region.name
    assert fact.region.name.startswith(name)


@pytest.mark.parametrize(("name", "city", "clue"), CASES, ids=[f"{n}-{c}" for n, c, _k in CASES])
def test_a_question_asks_back_and_a_follow_up_settles(gazetteer: Gazetteer, name: str, city: str,
                                                      clue: str) -> None:
    choices = gazetteer.candidates(name)
    assert len(choices) >= 2 and len({gazetteer.describe(r) for r in choices}) == len(choices)
    assert gazetteer.resolve(name) is None
    follow_up = gazetteer.resolve(city)  # "南京的" answers "你指的是福州市鼓楼区还是南京市鼓楼区?"
    [settled] = gazetteer.candidates(name, context_city=follow_up)
    assert settled in choices and gazetteer.describe(settled) == city + settled.name


def test_a_shared_name_with_no_clue_is_skipped_with_a_warning(gazetteer: Gazetteer) -> None:
    raw = RawArticle("open.txt", "2023年前三季度,鼓楼区地区生产总值完成321.5亿元,同比增长5.5%。".encode(),
                     ArticleMeta(title="经济运行简况"))
    parsed = parse_article(raw, gazetteer)
    assert parsed.facts == []
    assert any("鼓楼区" in w.zh and "福州市鼓楼区" in w.zh and "南京市鼓楼区" in w.zh for w in parsed.warnings)


def test_the_province_word_is_the_articles_province(gazetteer: Gazetteer) -> None:
    raw = RawArticle("fj.txt", "2023年全省地区生产总值完成54355亿元,同比增长4.5%。".encode(),
                     ArticleMeta(title="福建省2023年经济运行情况", publisher="福建省统计局"))
    [fact] = parse_article(raw, gazetteer).facts
    assert fact.region.name == "福建省"


def test_a_remembered_resolution_is_kept_per_context_city(gazetteer):
    """resolve() remembers its answers (typed.py); the context city is part of what it remembers by."""
    nanjing, fuzhou = gazetteer.by_name("南京市"), gazetteer.by_name("福州市")
    for _ in range(2):  # the second round is answered from memory
        assert gazetteer.resolve("鼓楼区", context_city=nanjing).parent == nanjing.code
        assert gazetteer.resolve("鼓楼区", context_city=fuzhou).parent == fuzhou.code
        assert gazetteer.resolve("鼓楼区") is None  # four cities have one: no context settles none
