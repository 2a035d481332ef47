"""A Duckling-style example corpus of how rankings are published (issue 12): numbered lists, leads such as
依次为 and 名单如下, rank tables, ranks in prose, ties, ranks written after entries, scope words, partial lists
and unordered named sets. Every text is short, made up for this test (the figures are invented), and says
what the article must give: its lists as (kind, [(rank, entry, value)], scope, period), its rank claims as
"region | metric | rank | scope | period", or nothing at all.
"""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.extract.pipeline import parse_article
from knowledge.extract.rankings import ExtractedRanking
from knowledge.places.gazetteer import Gazetteer
from knowledge.text.corpus import ArticleMeta, RawArticle
from tests.extract.kit import claim_row


def _parsed(gazetteer: Gazetteer, title: str, body: str):
    raw = RawArticle("corpus.txt", f"{title}\n\n{body}\n".encode(), ArticleMeta(published=date(2024, 3, 1)))
    return parse_article(raw, gazetteer)


def _shown(r: ExtractedRanking) -> tuple:
    return (r.kind, [(e.position, e.name, e.value) for e in r.entries], r.scope_name, r.period_label)


def _top3(names: list[str], values: list[str | None] | None = None, first: int = 1) -> list:
    values = values or [None] * len(names)
    return [(first + i, n, v) for i, (n, v) in enumerate(zip(names, values, strict=True))]


def _set(names: list[str]) -> list:
    return [(None, n, None) for n in names]


SD3 = ["青岛市", "济南市", "烟台市"]

# (id, title, body, expected lists)
LISTS = [
    # ---- numbered lines ----
    ("lines 1.", "山东省2023年经济",
     "2023年全省各市GDP排名如下:\n1. 青岛市 1500亿元\n2. 济南市 1200亿元\n3. 烟台市 1000亿元",
     [("ordered", _top3(SD3, ["1500亿元", "1200亿元", "1000亿元"]), "山东省", "2023")]),
    ("lines 1、", "潍坊市2022年财政",
     "2022年全市各县市区一般公共预算收入排名:\n1、寿光市 90亿元\n2、青州市 50亿元\n3、诸城市 45亿元",
     [("ordered", _top3(["寿光市", "青州市", "诸城市"], ["90亿元", "50亿元", "45亿元"]), "潍坊市", "2022")]),
    ("lines (1)", "山东省县域经济", "2023年全省县域经济综合排名前三:\n(1)胶州市\n(2)龙口市\n(3)荣成市",
     [("ordered", _top3(["胶州市", "龙口市", "荣成市"]), "山东省", "2023")]),
    ("lines 第N位:", "山东省2023年经济", "2023年全省GDP排名\n第1位:青岛市\n第2位:济南市\n第3位:烟台市",
     [("ordered", _top3(SD3), "山东省", "2023")]),
    ("lines NO.N", "江苏省2023年经济", "2023年江苏各市GDP榜单\nNO.1 苏州市\nNO.2 南京市\nNO.3 无锡市",
     [("ordered", _top3(["苏州市", "南京市", "无锡市"]), "江苏省", "2023")]),
    ("lines TOP N lead", "青岛市经济", "2023年全市区市GDP TOP3:\n1. 黄岛区\n2. 市南区\n3. 城阳区",
     [("ordered", _top3(["黄岛区", "市南区", "城阳区"]), "青岛市", "2023")]),
    ("lines ①", "江苏省县域经济", "2023年全省县域GDP排名如下:\n①昆山市\n②江阴市\n③张家港市",
     [("ordered", _top3(["昆山市", "江阴市", "张家港市"]), "江苏省", "2023")]),
    ("lines with the rank last", "江苏省县域经济",
     "2023年全省县域GDP排名\n昆山市 5000亿元 第1位\n江阴市 4800亿元 第2位\n张家港市 3300亿元 第3位",
     [("ordered", _top3(["昆山市", "江阴市", "张家港市"], ["5000亿元", "4800亿元", "3300亿元"]), "江苏省", "2023")]),
    ("lines 第N名, with commas", "江苏省县域经济",
     "2023年全省县域GDP排名:\n第一名,昆山市,5000亿元;\n第二名,江阴市,4800亿元;\n第三名,张家港市,3300亿元。",
     [("ordered", _top3(["昆山市", "江阴市", "张家港市"], ["5000亿元", "4800亿元", "3300亿元"]), "江苏省", "2023")]),
    ("lines TOPN", "江苏省2023年经济", "2023年江苏各市GDP排名\nTOP1 苏州\nTOP2 南京\nTOP3 无锡",
     [("ordered", _top3(["苏州", "南京", "无锡"]), "江苏省", "2023")]),
    ("one line 1. 2. 3.", "江苏省县域经济", "2023年全省县域GDP排名:1.昆山市 2.江阴市 3.张家港市",
     [("ordered", _top3(["昆山市", "江阴市", "张家港市"]), "江苏省", "2023")]),
    ("one line 1、;2、", "江苏省县域经济", "2023年全省县域GDP排名:1、昆山市;2、江阴市;3、张家港市。",
     [("ordered", _top3(["昆山市", "江阴市", "张家港市"]), "江苏省", "2023")]),
    ("one line ①、②", "江苏省县域经济", "2023年全省县域GDP排名:①昆山市、②江阴市、③张家港市。",
     [("ordered", _top3(["昆山市", "江阴市", "张家港市"]), "江苏省", "2023")]),
    ("one line of an outline is no list", "江苏省工作要点", "2024年重点任务:1.抓项目 2.稳就业 3.促消费", []),
    ("ties in numbered lines", "山东省2023年经济",
     "2023年全省GDP增速排名如下:\n1. 日照市 7.0%\n2. 临沂市 6.8%\n2. 烟台市 6.8%\n4. 潍坊市 6.5%",
     [("ordered", [(1, "日照市", "7.0%"), (2, "临沂市", "6.8%"), (2, "烟台市", "6.8%"), (4, "潍坊市", "6.5%")],
       "山东省", "2023")]),
    ("ties on one line", "山东省2023年经济", "2023年全省GDP增速排名:1.日照市 2.临沂市 2.烟台市 4.潍坊市",
     [("ordered", [(1, "日照市", None), (2, "临沂市", None), (2, "烟台市", None), (4, "潍坊市", None)], "山东省",
       "2023")]),
    ("numbers that skip are no list", "山东省2023年经济", "2023年全省GDP增速排名如下:\n1. 日照市\n3. 临沂市", []),
    ("lines of places with their province", "全国县域经济",
     "2023年全国百强县榜单\n1. 江苏昆山\n2. 江苏江阴\n3. 福建晋江",
     [("ordered", _top3(["江苏昆山", "江苏江阴", "福建晋江"]), "全国", "2023")]),
    ("第一, 第二 points of an outline are no list", "山东省发展要点",
     "2023年全省发展排名要点\n第一,青岛要发挥龙头作用。\n第二,济南要强化省会担当。", []),
    ("lines of an outline are no list", "青岛市工作要点", "2024年重点任务:\n1. 黄岛区建港口\n2. 市南区抓金融", []),
    # ---- 第N名 / 第N位 in prose ----
    ("第N名为", "烟台市考核", "2023年全市招商考核中,第一名为莱州市,第二名为龙口市,第三名为招远市。",
     [("ordered", _top3(["莱州市", "龙口市", "招远市"]), "烟台市", "2023")]),
    ("第N位 spaced", "青岛市经济", "2023年各区GDP排名:第1位 黄岛区,第2位 市南区,第3位 城阳区。",
     [("ordered", _top3(["黄岛区", "市南区", "城阳区"]), "青岛市", "2023")]),
    ("第N名: colon", "青岛市经济", "2023年区市营商环境评价:第一名:胶州市;第二名:平度市;第三名:莱西市。",
     [("ordered", _top3(["胶州市", "平度市", "莱西市"]), "青岛市", "2023")]),
    # ---- leads ----
    ("依次为", "山东省2023年经济", "2023年,全省GDP排名前五的城市依次为青岛、济南、烟台、潍坊、临沂。",
     [("ordered", _top3(["青岛", "济南", "烟台", "潍坊", "临沂"]), "山东省", "2023")]),
    ("由高到低依次是", "济南市2023年经济", "2023年,全市各区县GDP由高到低依次是历下区、槐荫区、历城区。",
     [("ordered", _top3(["历下区", "槐荫区", "历城区"]), "济南市", "2023")]),
    ("位列前三的是", "江苏省县域经济", "2023年,全省县域GDP位列前三的是昆山市、江阴市、张家港市。",
     [("ordered", _top3(["昆山市", "江阴市", "张家港市"]), "江苏省", "2023")]),
    ("前三名为", "山东省2023年经济", "2023年全省GDP前三名为青岛、济南、烟台。",
     [("ordered", _top3(["青岛", "济南", "烟台"]), "山东省", "2023")]),
    ("前两位 of a wider list", "山东省2023年经济", "2023年,全省GDP排名前两位的是青岛和济南。",
     [("ordered", _top3(["青岛", "济南"]), "山东省", "2023")]),
    ("TOP N with a colon", "全国城市观察", "2023年全国城市GDP TOP5:上海、北京、深圳、广州、重庆。",
     [("ordered", _top3(["上海", "北京", "深圳", "广州", "重庆"]), "全国", "2023")]),
    ("排名: with falling figures", "全国城市观察",
     "2023年全国城市GDP排名:上海(4.7万亿元)、北京(4.4万亿元)、深圳(3.5万亿元)。",
     [("ordered", _top3(["上海", "北京", "深圳"], ["4.7万亿元", "4.4万亿元", "3.5万亿元"]), "全国", "2023")]),
    ("排名: with figures out of order is no ranking", "全国城市观察",
     "2023年全国城市GDP排名:北京(4.4万亿元)、上海(4.7万亿元)、深圳(3.5万亿元)。", []),
    ("前三: with commas", "全国城市观察", "2023年全国城市GDP前三:上海4.7万亿元,北京4.4万亿元,深圳3.5万亿元。",
     [("ordered", _top3(["上海", "北京", "深圳"], ["4.7万亿元", "4.4万亿元", "3.5万亿元"]), "全国", "2023")]),
    ("the top N by a superlative, 依次为", "全国经济观察",
     "2023年,GDP增速最快的五个省份依次为西藏、海南、内蒙古、甘肃、吉林。",
     [("ordered", _top3(["西藏", "海南", "内蒙古", "甘肃", "吉林"]), "全国", "2023")]),
    ("the lowest N, 依次为, is no top", "全国经济观察", "2023年,GDP增速最慢的三个省份依次为天津、青海、黑龙江。",
     [("set", _set(["天津", "青海", "黑龙江"]), "全国", "2023")]),
    ("a partial top is not the whole list", "山东省2023年经济", "2023年,全省GDP排名前五的城市为青岛、济南、烟台。", []),
    # ---- ranks written after entries ----
    ("(第N) after each", "山东省2023年经济", "2023年全省GDP排名中,青岛(第1)、济南(第2)、烟台(第3)。",
     [("ordered", _top3(["青岛", "济南", "烟台"]), "山东省", "2023")]),
    ("第一、第二 after each", "江苏省2023年经济", "2023年,全省GDP排名中苏州第一、南京第二、无锡第三。",
     [("ordered", _top3(["苏州", "南京", "无锡"]), "江苏省", "2023")]),
    ("a tie written after the entries", "山东省2023年经济", "2023年全省GDP增速排名中,临沂(第2)、烟台(第2)、潍坊(第4)。",
     [("ordered", [(2, "临沂", None), (2, "烟台", None), (4, "潍坊", None)], "山东省", "2023")]),
    ("(第N位) after each", "全国百强县观察", "2023年全国百强县中,山东上榜的有胶州市(第19位)、龙口市(第24位)。",
     [("ordered", [(19, "胶州市", None), (24, "龙口市", None)], "全国", "2023")]),
    # ---- rank tables ----
    ("table 排名|地区|GDP|增速", "山东省2023年各市经济",
     "2023年全省各市GDP排名\n排名 | 地区 | GDP(亿元) | 增速(%)\n1 | 青岛市 | 1500 | 5.9\n2 | 济南市 | 1200 | 6.1\n"
     "3 | 烟台市 | 1000 | 6.2",
     [("ordered", _top3(SD3, ["1500", "1200", "1000"]), "山东省", "2023")]),
    ("table aligned with spaces", "山东省2023年各市经济",
     "2023年全省各市GDP排名\n排名   地区     GDP(亿元)\n1      青岛市   1500\n2      济南市   1200\n"
     "3      烟台市   1000",
     [("ordered", _top3(SD3, ["1500", "1200", "1000"]), "山东省", "2023")]),
    ("table with 位次 last", "江苏省2023年各市经济",
     "2023年各设区市GDP\n城市 | GDP(亿元) | 位次\n苏州 | 2400 | 1\n南京 | 1700 | 2\n无锡 | 1500 | 3",
     [("ordered", _top3(["苏州", "南京", "无锡"], ["2400", "1700", "1500"]), "江苏省", "2023")]),
    ("table with a scoped rank header", "江苏省2023年经济",
     "2023年江苏各市GDP排名\n城市 | GDP(亿元) | 全省排名\n苏州 | 2400 | 1\n南京 | 1700 | 2\n无锡 | 1500 | 3",
     [("ordered", _top3(["苏州", "南京", "无锡"], ["2400", "1700", "1500"]), "江苏省", "2023")]),
    ("Markdown table with its rule row", "江苏省2023年经济",
     "2023年江苏各市GDP排名\n| 排名 | 城市 | GDP(亿元) |\n|---|---|---|\n| 1 | 苏州 | 2400 |\n| 2 | 南京 | 1700 |\n"
     "| 3 | 无锡 | 1500 |",
     [("ordered", _top3(["苏州", "南京", "无锡"], ["2400", "1700", "1500"]), "江苏省", "2023")]),
    ("table cells with the province noted", "全国县域经济",
     "2023年全国百强县排名\n排名 | 县市 | GDP(亿元)\n1 | 昆山市(江苏) | 5000\n2 | 江阴市(江苏) | 4800\n"
     "3 | 晋江市(福建) | 3300",
     [("ordered", _top3(["昆山市", "江阴市", "晋江市"], ["5000", "4800", "3300"]), "全国", "2023")]),
    ("two rank columns, two rankings", "山东省2023年经济",
     "2023年全省各市主要指标\n城市 | GDP(亿元) | 位次 | 增速(%) | 位次\n青岛 | 1500 | 1 | 5.9 | 3\n"
     "济南 | 1200 | 2 | 6.1 | 2\n烟台 | 1000 | 3 | 6.2 | 1",
     [("ordered", _top3(["青岛", "济南", "烟台"], ["1500", "1200", "1000"]), "山东省", "2023"),
      ("ordered", _top3(["烟台", "济南", "青岛"], ["6.2", "6.1", "5.9"]), "山东省", "2023")]),
    ("a metric's rank column without its figures", "山东省2023年经济",
     "2023年全省各市GDP\n城市 | GDP(亿元) | 总量排名 | 增速排名\n青岛 | 1500 | 1 | 3\n济南 | 1200 | 2 | 2\n"
     "烟台 | 1000 | 3 | 1",
     [("ordered", _top3(["青岛", "济南", "烟台"]), "山东省", "2023"),
      ("ordered", _top3(["烟台", "济南", "青岛"]), "山东省", "2023")]),
    ("a former rank's column is no ranking", "山东省2023年经济",
     "2023年全省各市GDP\n城市 | GDP(亿元) | 排名 | 上年排名\n青岛 | 1500 | 1 | 1\n济南 | 1200 | 2 | 3\n"
     "烟台 | 1000 | 3 | 2",
     [("ordered", _top3(["青岛", "济南", "烟台"], ["1500", "1200", "1000"]), "山东省", "2023")]),
    ("a 序号 column of a 名单 is no order", "山东省2023年示范县",
     "2023年省级乡村振兴示范县名单\n序号 | 地区\n1 | 胶州市\n2 | 寿光市\n3 | 荣成市",
     [("set", _set(["胶州市", "寿光市", "荣成市"]), "山东省", "2023")]),
    # ---- scope and year ----
    ("全国 scope", "全国经济观察", "2023年,全国GDP排名前三的省份依次是广东、江苏、山东。",
     [("ordered", _top3(["广东", "江苏", "山东"]), "全国", "2023")]),
    ("本省 scope", "四川省经济观察", "2022年,本省GDP排名前三的城市依次是成都、绵阳、宜宾。",
     [("ordered", _top3(["成都", "绵阳", "宜宾"]), "四川省", "2022")]),
    ("全市 scope", "青岛市经济", "2021年,全市GDP排名前三的区市依次为黄岛区、市南区、城阳区。",
     [("ordered", _top3(["黄岛区", "市南区", "城阳区"]), "青岛市", "2021")]),
    # ---- lists followed by the top they make ----
    ("分列前三", "山东省2023年经济", "2023年,青岛、济南、烟台GDP分列全省前三位。",
     [("ordered", _top3(["青岛", "济南", "烟台"]), "山东省", "2023")]),
    ("位列全国GDP前三: the metric after the scope", "全国经济观察", "2023年,广东、江苏、山东继续位列全国GDP前三。",
     [("set", _set(["广东", "江苏", "山东"]), "全国", "2023")]),
    ("居前三 without 分列 is a set", "山东省2023年经济", "2023年,青岛、济南、烟台GDP居全省前三。",
     [("set", _set(["青岛", "济南", "烟台"]), "山东省", "2023")]),
    # ---- unordered named sets ----
    ("入选名单", "潍坊市农业", "2023年,寿光市、诸城市、高密市入选全国农业现代化示范区名单。",
     [("set", _set(["寿光市", "诸城市", "高密市"]), "全国", "2023")]),
    ("获评", "济宁市文明创建", "2023年,曲阜市、邹城市获评全国文明城市。",
     [("set", _set(["曲阜市", "邹城市"]), "全国", "2023")]),
    ("榜单 without order", "全国百强县观察", "2023年全国百强县榜单中,山东入围的县市有胶州市、龙口市、荣成市。",
     [("set", _set(["胶州市", "龙口市", "荣成市"]), "全国", "2023")]),
    ("名单如下 set", "山东省县域评价", "2023年度全省县域经济先进县名单如下:邹城市、寿光市、诸城市。",
     [("set", _set(["邹城市", "寿光市", "诸城市"]), "山东省", "2023")]),
    ("a set closed by its count", "广东省经济", "2023年,广东的万亿城市有深圳、广州、佛山、东莞4个。",
     [("set", _set(["深圳", "广州", "佛山", "东莞"]), "广东省", "2023")]),
    ("a class by 超…的城市为", "广东省经济", "2023年,广东GDP超万亿元的城市为深圳、广州、佛山和东莞。",
     [("set", _set(["深圳", "广州", "佛山", "东莞"]), "广东省", "2023")]),
    ("分别是 set", "山东省外贸", "2023年,进出口总额超过千亿元的城市分别是青岛、烟台、济南。",
     [("set", _set(["青岛", "烟台", "济南"]), "山东省", "2023")]),
    ("numbered 入选名单 lines are a set", "山东省示范县",
     "2023年度省级示范县入选名单如下:\n1. 胶州市\n2. 寿光市\n3. 荣成市",
     [("set", _set(["胶州市", "寿光市", "荣成市"]), "山东省", "2023")]),
]

# (id, title, body, expected rank claims)
CLAIMS = [
    ("以N亿元居全省第N位", "烟台市2023年经济", "2023年,烟台市地区生产总值以1000亿元居全省第3位。",
     ["烟台市 | 地区生产总值 | 3 | 山东省 | 2023"]),
    ("排名第五", "潍坊市2023年经济", "2023年,潍坊市地区生产总值760亿元,排名全省第五。",
     ["潍坊市 | 地区生产总值 | 5 | 山东省 | 2023"]),
    ("位居榜首", "潍坊市2023年财政", "2023年,寿光市一般公共预算收入90亿元,位居全市榜首。",
     ["寿光市 | 一般公共预算收入 | 1 | 潍坊市 | 2023"]),
    ("首位 of a growth rate", "临沂市2023年经济运行", "2023年,全市固定资产投资增长12.0%,增速居全省首位。",
     ["临沂市 | 固定资产投资增速 | 1 | 山东省 | 2023"]),
    ("第二位的是Y", "山东省2023年经济", "2023年,全省GDP居第二位的是济南市。",
     ["济南市 | 地区生产总值 | 2 | 山东省 | 2023"]),
    ("全国首位", "广东省2023年经济", "2023年,广东省地区生产总值13万亿元,连续35年居全国首位。",
     ["广东省 | 地区生产总值 | 1 | 全国 | 2023"]),
    ("本省", "绵阳市2023年经济", "2023年,绵阳市地区生产总值4000亿元,总量居本省第二位。",
     ["绵阳市 | 地区生产总值 | 2 | 四川省 | 2023"]),
    ("全市 scope of a county", "青岛市2023年工业", "2023年,胶州市规上工业增加值增长9.0%,增速居全市第一。",
     ["胶州市 | 规上工业增加值增速 | 1 | 青岛市 | 2023"]),
    ("在全省N市中排名第N", "德州市2022年经济", "2022年,德州市地区生产总值3600亿元,在全省16市中排名第13。",
     ["德州市 | 地区生产总值 | 13 | 山东省 | 2022"]),
    ("名列全国第N", "河南省2023年经济", "2023年,河南省地区生产总值5.9万亿元,名列全国第六。",
     ["河南省 | 地区生产总值 | 6 | 全国 | 2023"]),
    ("ties: 并列第一", "山东省2023年经济", "2023年,德州市和聊城市GDP增速并列全省第一。",
     ["德州市 | 地区生产总值增速 | 1 | 山东省 | 2023", "聊城市 | 地区生产总值增速 | 1 | 山东省 | 2023"]),
    ("排在第N位的是X", "山东省2023年经济", "2023年,全省GDP排在第三位的是烟台市。",
     ["烟台市 | 地区生产总值 | 3 | 山东省 | 2023"]),
    ("a claim with its year apart from the article's", "德州市经济观察",
     "2022年,德州市地区生产总值3600亿元,居全省第13位。", ["德州市 | 地区生产总值 | 13 | 山东省 | 2022"]),
    ("a place before a rank is whom it ranks, not its scope", "江苏省2023年经济",
     "2023年,全省GDP排名中苏州第一、南京第二。", []),
    ("a rank after a growth rate ranks the rate", "山东省经济", "2023年,青岛市GDP增速为5.9%,在全省排第8位。",
     ["青岛市 | 地区生产总值增速 | 8 | 山东省 | 2023"]),
    ("经济总量 is GDP", "江苏省经济", "2023年,江苏省地区生产总值12.8万亿元,经济总量稳居全国第二。",
     ["江苏省 | 地区生产总值 | 2 | 全国 | 2023"]),
    ("在全国 is where, not what", "陕西省经济", "2023年,西安市GDP在全国排第23位。",
     ["西安市 | 地区生产总值 | 23 | 全国 | 2023"]),
    ("counted among N places", "临沂市2023年经济", "2023年,兰陵县GDP居全省136个县(市、区)第25位。",
     ["兰陵县 | 地区生产总值 | 25 | 山东省 | 2023"]),
    ("counted among N zones of another kind is no place's rank", "临沂市2023年经济",
     "2023年,临沂综保区进出口总额居全省7个海关特殊监管区第一。", []),
    ("a move in rank is no figure", "临沂市2023年经济", "2023年,临沂市GDP增速较上年提升3个位次,居全省第4位。",
     ["临沂市 | 地区生产总值增速 | 4 | 山东省 | 2023"]),
    ("前移N位,至第N", "临沂市2023年经济", "2023年,临沂市GDP排名前移2位,至全省第6。",
     ["临沂市 | 地区生产总值 | 6 | 山东省 | 2023"]),
    ("a quarter's rank", "临沂市2023年经济", "2023年前三季度,临沂市GDP增速居全省第2位。",
     ["临沂市 | 地区生产总值增速 | 2 | 山东省 | 2023Q1-Q3"]),
    ("months' rank", "临沂市2023年经济", "2023年1-11月,临沂市规上工业增加值增速居全省第3位。",
     ["临沂市 | 规上工业增加值增速 | 3 | 山东省 | 2023M01-M11"]),
    ("拔得头筹, 位居次席", "山东省2023年经济", "2023年,青岛市GDP拔得头筹,济南市位居次席。",
     ["青岛市 | 地区生产总值 | 1 | 山东省 | 2023", "济南市 | 地区生产总值 | 2 | 山东省 | 2023"]),
    ("稳坐头把交椅", "山东省2023年经济", "2023年,青岛市GDP稳坐头把交椅。",
     ["青岛市 | 地区生产总值 | 1 | 山东省 | 2023"]),
    ("a lead naming the ranking, then 以N亿元排名第N", "山东省2023年经济",
     "2023年全省16市GDP排名中,青岛市以1500亿元排名第一,济南市以1200亿元排名第二。",
     ["青岛市 | 地区生产总值 | 1 | 山东省 | 2023", "济南市 | 地区生产总值 | 2 | 山东省 | 2023"]),
    ("分列第二、三位: the later ranks drop their 第", "江苏省2023年经济",
     "2023年,江阴市、张家港市GDP分列全省第二、三位。",
     ["江阴市 | 地区生产总值 | 2 | 江苏省 | 2023", "张家港市 | 地区生产总值 | 3 | 江苏省 | 2023"]),
    ("分别位居第2、3位", "江苏省2023年经济", "2023年,南京、无锡GDP分别位居全省第2、3位。",
     ["南京市 | 地区生产总值 | 2 | 江苏省 | 2023", "无锡市 | 地区生产总值 | 3 | 江苏省 | 2023"]),
    ("第一、二产业 is no list of ranks", "淄博市2023年经济", "2023年,淄博市第一、二产业增加值分别增长3.0%、5.0%。", []),
    ("a rank aimed at is no claim", "淄博市2023年经济", "2023年,淄博市GDP进入全省前五、力争第四。", []),
    ("争创第一 is no claim", "淄博市2023年经济", "2023年,淄博市争创全省第一。", []),
    ("a rank held in a target assessment is a claim", "淄博市2023年经济",
     "2023年,淄博市目标任务完成情况考核居全省第一。", ["淄博市 | 目标任务完成情况考核 | 1 | 山东省 | 2023"]),
    ("排名第一的企业 is a firm's rank", "淄博市2023年经济", "2023年,淄博市排名第一的企业营业收入达500亿元。", []),
    ("同行业第一 is a firm's rank", "淄博市2023年经济", "2023年,淄博市某企业出口额居全国同行业第一。", []),
    ("第三方 is no rank", "淄博市2023年经济", "2023年,淄博市开展全省第三方评估。", []),
    ("第一等次 is a tier", "淄博市2023年经济", "2023年,淄博市获得全省营商环境评价第一等次。", []),
    ("前十 is a claim without a rank", "青岛市县域经济", "2023年,胶州市GDP首次进入全国百强县前十。", []),
    ("前列 is a claim without a rank", "淄博市2023年经济", "2023年,淄博市研发投入强度位居全省前列。", []),
    ("第一产业 is no rank", "淄博市2023年经济", "2023年,淄博市第一产业增加值增长3.5%。", []),
    ("前三季度 is no rank", "淄博市2023年经济", "2023年前三季度,淄博市GDP增长5.1%。", []),
    ("首批 is no rank", "淄博市2023年经济", "2023年,淄博市入选全国首批数字乡村试点。", []),
    ("全省第一个 is no rank", "淄博市2023年经济", "2023年,淄博市建成全省第一个氢能产业园。", []),
    ("倒数第二 is no rank", "淄博市2023年经济", "2023年,淄博市GDP增速居全省倒数第二。", []),
    ("第N位以内 is no rank", "淄博市2023年经济", "2023年,淄博市力争GDP保持全省第10位以内。", []),
]


@pytest.mark.parametrize(("title", "body", "expected"), [c[1:] for c in LISTS], ids=[c[0] for c in LISTS])
def test_published_ranking_gives_its_lists(gazetteer: Gazetteer, title: str, body: str, expected: list) -> None:
    rankings = sorted(_parsed(gazetteer, title, body).rankings, key=lambda r: r.sentence)
    assert [_shown(r) for r in rankings] == expected


@pytest.mark.parametrize(("title", "body", "expected"), [c[1:] for c in CLAIMS], ids=[c[0] for c in CLAIMS])
def test_published_rank_claim_gives_its_claims(gazetteer: Gazetteer, title: str, body: str, expected: list) -> None:
    claims = _parsed(gazetteer, title, body).claims
    assert [claim_row(c) for c in claims if c.position is not None] == expected


def test_the_corpus_is_large_enough_to_stand_for_the_forms() -> None:
    assert len(LISTS) + len(CLAIMS) >= 40


# (id, title, body, expected claims as (subject, rank, scope), ranks or not): a rank that leads a list is each
# listed place's, counted within the lead's scope, or nobody's, never the article's own place's
LEADS = [
    ("前N的是 X、Y、Z: each place's, in the lead's scope", "江苏省县域经济",
     "2023年,全省县域GDP位列前三的是昆山市、江阴市、张家港市。",
     [("昆山市", None, "江苏省"), ("江阴市", None, "江苏省"), ("张家港市", None, "江苏省")]),
    ("前N的区市依次为: not the city's own rank", "青岛市经济",
     "2021年,全市GDP排名前三的区市依次为黄岛区、市南区、城阳区。", []),
    ("前N名为: not the province's own rank", "山东省2023年经济", "2023年全省GDP前三名为青岛、济南、烟台。", []),
    ("前N: on the lines below", "山东省县域经济",
     "2023年全省县域经济综合排名前三:\n(1)胶州市\n(2)龙口市\n(3)荣成市", []),
]


@pytest.mark.parametrize(("title", "body", "expected"), [c[1:] for c in LEADS], ids=[c[0] for c in LEADS])
def test_a_rank_that_leads_a_list_is_the_listed_places(gazetteer: Gazetteer, title: str, body: str,
                                                       expected: list) -> None:
    claims = _parsed(gazetteer, title, body).claims
    assert [(c.subject, c.position, c.scope_name) for c in claims] == expected
