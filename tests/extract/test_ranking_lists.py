"""Ranking lists and named sets, one example text per form (written for this test): ordered lists keep their
positions, sets never get any, and every list keeps its scope and period."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.extract.pipeline import parse_article
from knowledge.extract.rankings import ExtractedRanking
from knowledge.places.gazetteer import Gazetteer
from knowledge.text.corpus import ArticleMeta, RawArticle

# (title line, body, expected lists as (kind, [(position, entry, value)], scope, period))
CASES = [
    ("依次是", "山东省县域经济排名", "2023年全省县域经济排名前三位的依次是:胶州市、寿光市、诸城市。",
     [("ordered", [(1, "胶州市", None), (2, "寿光市", None), (3, "诸城市", None)], "山东省", "2023")]),
    ("前N位的是 with values", "山东省外资简报",
     "2022年,全省实际使用外资前三位的是,青岛12亿美元、济南8亿美元、烟台5亿美元。",
     [("ordered", [(1, "青岛", "12亿美元"), (2, "济南", "8亿美元"), (3, "烟台", "5亿美元")], "山东省", "2022")]),
    ("其余N强", "全国经济观察",
     "2021年前三季度GDP增速前五的省份中,湖北居首,海南第二,其余五强分别是:北京10.4%、浙江10.2%、山西10.1%。",
     # the first two told clause by clause head the rest: one ranking
     [("ordered", [(1, "湖北省", None), (2, "海南省", None), (3, "北京", "10.4%"), (4, "浙江", "10.2%"),
                   (5, "山西", "10.1%")], "全国", "2021Q1-Q3")]),
    ("分别是 set", "淄博市经济简报", "2023年,全市GDP过百亿元的县区分别是张店区、淄川区和桓台县。",
     [("set", [(None, "张店区", None), (None, "淄川区", None), (None, "桓台县", None)], "淄博市", "2023")]),
    ("a set's scope from its entries", "经济观察", "2022年上半年,GDP增速最高的三个省份分别是宁夏、山西和陕西。",
     [("set", [(None, "宁夏", None), (None, "山西", None), (None, "陕西", None)], "全国", "2022H1")]),
    ("counted set", "山东省县域经济", "2017年前三季度,日照、青岛两市县域生产总值增幅超过9%。",
     [("set", [(None, "日照", None), (None, "青岛", None)], "山东省", "2017Q1-Q3")]),
    ("counted set with a class noun", "湖北省情况", "2024年新增襄阳、宜昌、荆州3个过四千亿元城市。",
     [("set", [(None, "襄阳", None), (None, "宜昌", None), (None, "荆州", None)], "湖北省", "2024")]),
    ("a last name the scan skips, closed by the count", "湖北省情况", "2024年新增仙桃、潜江、大冶3个千亿县。",
     [("set", [(None, "仙桃", None), (None, "潜江", None), (None, "大冶", None)], "湖北省", "2024")]),
    ("places chosen for a named list", "四川省情况", "2023年,德阳、绵阳入选全国首批智慧城市试点名单。",
     [("set", [(None, "德阳", None), (None, "绵阳", None)], "全国", "2023")]),
    ("a count without a measure is no set", "经济观察", "2021年浙江和江苏两省平分秋色。", []),
    ("a count that the list runs past", "经济观察", "昆山、江阴、常熟三市和太仓市均入围前十。", []),
    ("figures shared out are facts, not a set", "山东省经济", "2023年GDP增速分别是:济南5.1%、青岛5.9%、烟台6.0%。", []),
    ("two names without a count", "山东省经济", "2016年上半年GDP增长最快和最慢的城市分别为潍坊和东营。", []),
    ("numbered lines under a ranking", "青岛市经济",
     "2023年全市各区市GDP排名如下:\n1. 胶州市 1520亿元\n2. 平度市 980亿元\n3. 莱西市 850亿元",
     [("ordered", [(1, "胶州市", "1520亿元"), (2, "平度市", "980亿元"), (3, "莱西市", "850亿元")], "青岛市",
       "2023")]),
    ("numbered lines of a named list are a set", "青岛市通报",
     "2023年全市乡村振兴示范区名单如下:\n(1)胶州市\n(2)平度市\n(3)莱西市",
     [("set", [(None, "胶州市", None), (None, "平度市", None), (None, "莱西市", None)], "青岛市", "2023")]),
    ("numbered lines of an outline", "青岛市工作要点", "2023年重点工作:\n1. 胶州市抓项目\n2. 平度市抓农业", []),
    ("第N名 lines", "青岛市考核结果", "2023年区市考核结果:\n第1名 胶州市\n第2名 平度市\n第3名 莱西市",
     [("ordered", [(1, "胶州市", None), (2, "平度市", None), (3, "莱西市", None)], "青岛市", "2023")]),
    ("rank table", "青岛市2023年区市GDP排名",
     "2023年各区市GDP排名\n排名 | 地区 | GDP(亿元)\n1 | 胶州市 | 1520\n2 | 平度市 | 980\n3 | 莱西市 | 850",
     [("ordered", [(1, "胶州市", "1520"), (2, "平度市", "980"), (3, "莱西市", "850")], "青岛市", "2023")]),
    ("rank table, one cell a line, two blocks side by side", "县域经济百强榜",
     "2017年县域经济百强名单\n排名\n县\n排名\n县\n1\n昆山市\n51\n蓬莱市\n2\n江阴市\n52\n诸城市\n百强县经济总量继续增长。",
     [("ordered", [(1, "昆山市", None), (2, "江阴市", None), (51, "蓬莱市", None), (52, "诸城市", None)], "全国",
       "2017")]),
    ("a top N after its lead with 分别 is a set", "全国经济观察", "2022年,出口增速前三的省份分别是江西、安徽和湖南。",
     [("set", [(None, "江西", None), (None, "安徽", None), (None, "湖南", None)], "全国", "2022")]),
    ("values in brackets after the entries", "全国经济观察",
     "2023年GDP总量前三位的依次为广东(13.1万亿元)、江苏(12.6万亿元)、山东(9.1万亿元)。",
     [("ordered", [(1, "广东", "13.1万亿元"), (2, "江苏", "12.6万亿元"), (3, "山东", "9.1万亿元")], "全国",
       "2023")]),
    ("a list followed by the top it makes is a set", "县域经济观察", "2022年,宜兴市、余姚市、慈溪市均位列全国前三。",
     [("set", [(None, "宜兴市", None), (None, "余姚市", None), (None, "慈溪市", None)], "全国", "2022")]),
    ("分列前N gives each place its rank", "县域经济观察", "2022年,宜兴市、余姚市和慈溪市分列全国前三位。",
     [("ordered", [(1, "宜兴市", None), (2, "余姚市", None), (3, "慈溪市", None)], "全国", "2022")]),
    ("places entering a wider top are a set of those named", "县域经济观察", "2022年,宜兴市、余姚市进入全国前十强。",
     [("set", [(None, "宜兴市", None), (None, "余姚市", None)], "全国", "2022")]),
    ("a top N with a colon", "县域经济观察", "2022年全国百强县前3名:宜兴市、余姚市、慈溪市。",
     [("ordered", [(1, "宜兴市", None), (2, "余姚市", None), (3, "慈溪市", None)], "全国", "2022")]),
    ("a class of places named by a threshold without a class noun", "江苏经济观察",
     "2023年,GDP超过9000亿元的有常州、徐州。",
     [("set", [(None, "常州", None), (None, "徐州", None)], "江苏省", "2023")]),
    ("a class of places named by a threshold, figures and all", "全国经济观察",
     "2023年,GDP超过9万亿元的省份有广东(13.1万亿元)、江苏(12.6万亿元)、山东(9.1万亿元)。",
     [("set", [(None, "广东", "13.1万亿元"), (None, "江苏", "12.6万亿元"), (None, "山东", "9.1万亿元")], "全国",
       "2023")]),
    ("a count said before 分别是", "山东省县域经济", "2023年,GDP超过900亿元的县有2个,分别是寿光市和胶州市。",
     [("set", [(None, "寿光市", None), (None, "胶州市", None)], "山东省", "2023")]),
    ("第N名 run on into the place", "青岛市考核结果", "2023年区市考核中,第一名胶州市,第二名平度市,第三名莱西市。",
     [("ordered", [(1, "胶州市", None), (2, "平度市", None), (3, "莱西市", None)], "青岛市", "2023")]),
    ("rows of a rank table copied as text", "青岛市经济",
     "2023年全市各区市GDP排名\n1 胶州市 1520亿元\n2 平度市 980亿元\n3 莱西市 850亿元",
     [("ordered", [(1, "胶州市", "1520亿元"), (2, "平度市", "980亿元"), (3, "莱西市", "850亿元")], "青岛市",
       "2023")]),
    ("a span of ranks given in order", "山东省经济观察", "2023年,潍坊、临沂、济宁依次位列全省第四至第六位。",
     [("ordered", [(4, "潍坊", None), (5, "临沂", None), (6, "济宁", None)], "山东省", "2023")]),
    ("a span of ranks as the lead", "山东省经济观察", "2023年,GDP排名第七至第九的分别是淄博、菏泽、德州。",
     [("ordered", [(7, "淄博", None), (8, "菏泽", None), (9, "德州", None)], "山东省", "2023")]),
    ("a span without 依次 gives no one's rank", "山东省经济观察", "2023年,潍坊、临沂位列全省第四至第五位。", []),
    ("a rank table with the rank column last", "江苏省设区市GDP",
     "2023年各设区市GDP排名\n| 城市 | GDP(亿元) | 排名 |\n| 常州 | 9800 | 5 |\n| 徐州 | 8900 | 6 |\n"
     "| 扬州 | 7400 | 7 |",
     [("ordered", [(5, "常州", "9800"), (6, "徐州", "8900"), (7, "扬州", "7400")], "江苏省", "2023")]),
    ("a tab-separated rank table with 第N名 cells", "江苏省设区市GDP",
     "2023年各设区市GDP排名\n名次\t城市\tGDP(亿元)\n第5名\t常州\t9800\n第6名\t徐州\t8900",
     [("ordered", [(5, "常州", "9800"), (6, "徐州", "8900")], "江苏省", "2023")]),
    ("commas between the places after a list's lead", "江苏经济观察", "2023年,GDP排名前三的城市依次为:苏州,南京,无锡。",
     [("ordered", [(1, "苏州", None), (2, "南京", None), (3, "无锡", None)], "江苏省", "2023")]),
    ("commas without a lead make no list", "江苏经济观察", "2023年,苏州,南京,无锡的GDP均有增长。", []),
    ("lines of names under the lines announcing them", "山东省县域评价",
     "2022年度全省县域经济先进县名单如下:\n诸城市、莱州市、平度市\n进步县(3个):\n郓城县 莒南县 临朐县\n评价每年一次。",
     [("set", [(None, "诸城市", None), (None, "莱州市", None), (None, "平度市", None)], "山东省", "2022"),
      ("set", [(None, "郓城县", None), (None, "莒南县", None), (None, "临朐县", None)], "山东省", "2022")]),
    ("a line of names whose count is not the lead's is no list", "山东省县域评价",
     "2022年度全省县域经济进步县(4个):\n郓城县 莒南县 临朐县\n评价每年一次。", []),
    ("a count with a colon before the list", "德州市县域经济",
     "2023年,GDP超过300亿元的县(市、区)有3个:齐河县、禹城市、乐陵市。",
     [("set", [(None, "齐河县", None), (None, "禹城市", None), (None, "乐陵市", None)], "德州市", "2023")]),
    ("共N个,分别为", "德州市县域经济", "2023年,GDP增速高于全市的县市区共3个,分别为齐河、禹城、乐陵。",
     [("set", [(None, "齐河", None), (None, "禹城", None), (None, "乐陵", None)], "德州市", "2023")]),
    ("the count after a tier's list is no figure of its last place", "德州市县域经济",
     "2023年,GDP在200亿元至300亿元之间的有临邑县、平原县、夏津县3个县。",
     [("set", [(None, "临邑县", None), (None, "平原县", None), (None, "夏津县", None)], "德州市", "2023")]),
    ("each place with its rank written after it", "全国百强县榜单",
     "2023年全国百强县中,河南入围的县市分别是:巩义市(第50位)、新郑市(第61位)、长垣市(第93位)。",
     [("ordered", [(50, "巩义市", None), (61, "新郑市", None), (93, "长垣市", None)], "全国", "2023")]),
    ("numbered lines under a TOP N lead are ranked", "青岛市经济",
     "2023年全市经济TOP3区市如下:\n1. 黄岛区 5000亿元\n2. 市南区 2000亿元\n3. 城阳区 1500亿元",
     [("ordered", [(1, "黄岛区", "5000亿元"), (2, "市南区", "2000亿元"), (3, "城阳区", "1500亿元")], "青岛市",
       "2023")]),
    ("a hundred-strongest list is national wherever its names lie", "县域经济观察",
     "2023年全国县域经济百强榜发布。\n2023年百强县榜单:\n第1名 昆山市\n第2名 江阴市\n第3名 张家港市",
     [("ordered", [(1, "昆山市", None), (2, "江阴市", None), (3, "张家港市", None)], "全国", "2023")]),
    ("two sets announced together share scope and period", "山东省县域经济评价",
     "2021年度全省3个“先进县”为邹城市、寿光市、诸城市。3个“进步县”为曲阜市、桓台县、嘉祥县。",
     [("set", [(None, "邹城市", None), (None, "寿光市", None), (None, "诸城市", None)], "山东省", "2021"),
      ("set", [(None, "曲阜市", None), (None, "桓台县", None), (None, "嘉祥县", None)], "山东省", "2021")]),
    ("some of a top N announced as a list: a set, never ranks", "县域绿色发展观察",
     "2022年度县域绿色二十强名单如下:宜兴市、德清县、安吉县。",
     [("set", [(None, "宜兴市", None), (None, "德清县", None), (None, "安吉县", None)], "全国", "2022")]),
]


def _lists(gazetteer: Gazetteer, title: str, body: str) -> list[ExtractedRanking]:
    raw = RawArticle("lists.txt", f"{title}\n\n{body}\n".encode(), ArticleMeta(published=date(2024, 3, 1)))
    return sorted(parse_article(raw, gazetteer).rankings, key=lambda r: r.sentence)


def _shown(r: ExtractedRanking) -> tuple:
    return (r.kind, [(e.position, e.name, e.value) for e in r.entries], r.scope_name, r.period_label)


@pytest.mark.parametrize(("title", "body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_example_text_gives_its_lists(gazetteer: Gazetteer, title: str, body: str, expected: list) -> None:
    assert [_shown(r) for r in _lists(gazetteer, title, body)] == expected


def test_entries_of_a_list_are_linked_to_their_regions(gazetteer: Gazetteer) -> None:
    (ranking,) = _lists(gazetteer, "淄博市经济简报", "2023年,全市GDP过百亿元的县区分别是张店区、淄川区和桓台县。")
    linked = [gazetteer.get(e.region_code).name for e in ranking.entries if e.region_code]
    assert linked == ["张店区", "淄川区", "桓台县"]


def test_a_list_keeps_its_title_in_the_texts_words(gazetteer: Gazetteer) -> None:
    (ranking,) = _lists(gazetteer, "山东省县域经济", "2017年前三季度,日照、青岛两市县域生产总值增幅超过9%。")
    assert ranking.title == "县域生产总值增幅超过9%的市"
