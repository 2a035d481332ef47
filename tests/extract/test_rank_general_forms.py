"""General forms of published rankings (issue 12 item 6), beyond the formats of any one article: a ranking told
clause by clause (甲居首,乙次之; 第一是甲,第二是乙; 冠军甲,亚军乙), figures shared out by 分别/依次 before the top
they make, 一、 lines, the rank of a line in words after its figure, lines of a place and its figure under the lead
of a ranking, 排名(单位): leads, some of a top (进入前十的城市有:), places a title was given to (先进县(市):), a 名单
named before its places, and one ranking told in two parts. Every text is made up for this test (the figures are
invented); each says the lists the article must give as (kind, [(rank, entry, value)], scope, period), or none.
"""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.extract.pipeline import parse_article
from knowledge.extract.rankings import ExtractedRanking
from knowledge.places.gazetteer import Gazetteer
from knowledge.text.corpus import ArticleMeta, RawArticle


def _lists(gazetteer: Gazetteer, title: str, body: str) -> list[ExtractedRanking]:
    raw = RawArticle("forms.txt", f"{title}\n\n{body}\n".encode(), ArticleMeta(published=date(2024, 3, 1)))
    return sorted(parse_article(raw, gazetteer).rankings, key=lambda r: r.sentence)


def _shown(r: ExtractedRanking) -> tuple:
    return (r.kind, [(e.position, e.name, e.value) for e in r.entries], r.scope_name, r.period_label)


def _ranked(names: list[str], values: list[str | None] | None = None, first: int = 1) -> list:
    return [(first + i, n, v) for i, (n, v) in enumerate(zip(names, values or [None] * len(names), strict=True))]


def _set(names: list[str], values: list[str | None] | None = None) -> list:
    return [(None, n, v) for n, v in zip(names, values or [None] * len(names), strict=True)]


# (id, title, body, expected lists)
CASES = [
    # ---- a ranking told clause by clause ----
    ("居首, 次之, 第三", "山东省2023年经济",
     "2023年,全省GDP青岛居首,济南次之,烟台第三。",
     [("ordered", _ranked(["青岛市", "济南市", "烟台市"]), "山东省", "2023")]),
    ("排名第一的是, 第二是", "全国经济观察",
     "2023年GDP排名第一的是广东,第二是江苏,第三是山东。",
     [("ordered", _ranked(["广东省", "江苏省", "山东省"]), "全国", "2023")]),
    ("排名第N, clause by clause", "山西省2023年经济",
     "2023年山西各市GDP排名中,太原排名第一,长治排名第二,吕梁排名第三。",
     [("ordered", _ranked(["太原市", "长治市", "吕梁市"]), "山西省", "2023")]),
    ("冠军, 亚军, 季军", "全国县域观察",
     "2022年县域经济竞争力榜单:冠军昆山,亚军江阴,季军晋江。",
     [("ordered", _ranked(["昆山市", "江阴市", "晋江市"]), "全国", "2022")]),
    ("a figure after each place", "浙江省2023年经济",
     "2023年浙江11市GDP排行榜:杭州20000亿元居首,宁波16000亿元次之,温州8700亿元第三。",
     [("ordered", _ranked(["杭州市", "宁波市", "温州市"], ["20000亿元", "16000亿元", "8700亿元"]), "浙江省", "2023")]),
    ("居首, then 分列第二、三位", "浙江省2023年经济",
     "2023年,杭州居全省首位,宁波和温州分列第二、三位。",
     [("ordered", _ranked(["杭州市", "宁波市", "温州市"]), "浙江省", "2023")]),
    ("分别以 figures 摘得亚军和季军", "浙江省2022年经济",
     "2022年,杭州以18700亿元居全省首位,宁波、温州则分别以15700亿元和8000亿元摘得亚军和季军。",
     [("ordered", _ranked(["杭州市", "宁波市", "温州市"], ["18700亿元", "15700亿元", "8000亿元"]), "浙江省", "2022")]),
    ("分别位居第二和第三", "浙江省2022年经济", "2022年,杭州居首,宁波、温州分别位居第二和第三。",
     [("ordered", _ranked(["杭州市", "宁波市", "温州市"]), "浙江省", "2022")]),
    ("首位, 其次是", "江苏省2022年经济",
     "2022年,全省进出口总额苏州居首位,其次是南京。",
     [("ordered", _ranked(["苏州市", "南京市"]), "江苏省", "2022")]),
    ("the ranks listed, then 分别是", "福建省2022年经济", "2022年,位列全省第一、第二、第三的分别是泉州、福州、厦门。",
     [("ordered", _ranked(["泉州", "福州", "厦门"]), "福建省", "2022")]),
    ("the ranks listed without 第 again", "福建省2022年经济",
     "2022年,全省GDP排名第一、二、三位的分别是泉州、福州、厦门。",
     [("ordered", _ranked(["泉州", "福州", "厦门"]), "福建省", "2022")]),
    ("分居前三", "湖南省2022年经济", "2022年,长沙、岳阳、常德GDP分居全省前三。",
     [("ordered", _ranked(["长沙", "岳阳", "常德"]), "湖南省", "2022")]),
    ("全区 of an autonomous region", "广西2023年经济", "2023年,南宁、柳州、桂林GDP分居全区前三。",
     [("ordered", _ranked(["南宁", "柳州", "桂林"]), "广西壮族自治区", "2023")]),
    ("全区 in a series", "内蒙古2022年经济", "2022年,鄂尔多斯GDP居全区首位,包头次之,呼和浩特第三。",
     [("ordered", _ranked(["鄂尔多斯市", "包头市", "呼和浩特市"]), "内蒙古自治区", "2022")]),
    ("分别位列第一至第三位", "四川省2021年经济", "2021年,成都、绵阳、宜宾GDP分别位列全省第一至第三位。",
     [("ordered", _ranked(["成都", "绵阳", "宜宾"]), "四川省", "2021")]),
    ("包揽前三 says no order", "福建省2022年经济", "2022年,泉州、福州、厦门包揽全省GDP前三。",
     [("set", _set(["泉州", "福州", "厦门"]), "福建省", "2022")]),
    ("the places that follow one", "全国城市观察", "2022年,南京、宁波、青岛紧随无锡,彼此相差不多。",
     [("set", _set(["南京", "宁波", "青岛"]), "全国", "2022")]),
    ("紧随其后 names no place followed", "全国城市观察", "2022年,南京、宁波、青岛紧随其后。", []),
    # ---- not a ranking ----
    ("a tie is no series", "山东省2023年经济",
     "2023年,济南与青岛并列第一,烟台第三。", []),
    ("two scopes are two rankings", "山东省2023年经济",
     "2023年,青岛居全省第一,济南居全国第二。", []),
    ("two metrics are two rankings", "山东省2023年经济",
     "2023年,青岛市GDP居全省第一,济南市增速居全省第二。", []),
    ("a team's ranks are no place's", "山东省2023年运动会",
     "2023年全省运动会上,枣庄代表队获得冠军,日照代表队获得亚军。", []),
    ("ranks aimed at", "山东省2024年目标",
     "2024年,青岛力争第一,济南力争第二。", []),
    ("one place is no list", "山东省2023年经济",
     "全省GDP排名中,青岛第一。", []),
    ("the ranks of a year before the article's are a comparison", "山东省2023年经济运行",
     "2023年,全省GDP青岛居首,烟台第二,济南第三。2022年,烟台居全省第三,潍坊居全省第四。",
     [("ordered", _ranked(["青岛市", "烟台市", "济南市"]), "山东省", "2023")]),
    ("former ranks claim by claim make no ranking", "山东省2023年经济运行",
     "2023年,青岛市GDP居全省第一。烟台市GDP居全省第二。2022年,潍坊市GDP居全省第五。2022年,临沂市GDP居全省第六。",
     [("ordered", _ranked(["青岛市", "烟台市"]), "山东省", "2023")]),
    # ---- figures shared out before a top ----
    ("分别以 figures 位列前三", "湖北省2023年经济",
     "2023年,武汉、襄阳、宜昌分别以20000亿元、5800亿元、5700亿元位列全省前三。",
     [("ordered", _ranked(["武汉", "襄阳", "宜昌"], ["20000亿元", "5800亿元", "5700亿元"]), "湖北省", "2023")]),
    ("figures 分别为, then 位列前三", "安徽省2022年经济",
     "2022年,合肥、芜湖、滁州GDP分别为12000亿元、4500亿元、3400亿元,位列全省前三。",
     [("ordered", _ranked(["合肥", "芜湖", "滁州"], ["12000亿元", "4500亿元", "3400亿元"]), "安徽省", "2022")]),
    ("依次为 figures, 稳居前三", "河南省2021年经济",
     "2021年,郑州、洛阳、南阳GDP依次为12700亿元、5400亿元、4300亿元,稳居全省前三。",
     [("ordered", _ranked(["郑州", "洛阳", "南阳"], ["12700亿元", "5400亿元", "4300亿元"]), "河南省", "2021")]),
    ("figures out of order make a set", "山东省2023年经济",
     "2023年,烟台、潍坊、临沂GDP增速分别为6.5%、6.8%、6.2%,位列全省前三。",
     [("set", _set(["烟台", "潍坊", "临沂"], ["6.5%", "6.8%", "6.2%"]), "山东省", "2023")]),
    ("the top first, then 分别为 figures", "全国经济观察",
     "2023年,从增速来看,西藏、海南、内蒙古位列全国前三,增速分别为9.5%、9.2%、7.3%。",
     [("ordered", _ranked(["西藏", "海南", "内蒙古"], ["9.5%", "9.2%", "7.3%"]), "全国", "2023")]),
    ("the top first, figures rising make a set", "四川省2022年经济",
     "2022年,宜宾、绵阳、成都GDP增速居全省前三,分别为4.0%、4.5%、2.8%。",
     [("set", _set(["宜宾", "绵阳", "成都"], ["4.0%", "4.5%", "2.8%"]), "四川省", "2022")]),
    ("figures without a top are facts", "山东省2023年经济",
     "2023年,青岛、济南、烟台分别增长5.9%、6.1%、6.5%。", []),
    # ---- numbered lines and tables ----
    ("一、 lines", "山东省2023年经济",
     "2023年全省各市GDP排名:\n一、青岛市 15000亿元\n二、济南市 12000亿元\n三、烟台市 10000亿元",
     [("ordered", _ranked(["青岛市", "济南市", "烟台市"], ["15000亿元", "12000亿元", "10000亿元"]), "山东省", "2023")]),
    ("一、 lines of an outline", "山东省2023年工作",
     "2023年重点工作:\n一、青岛市要加快港口建设\n二、济南市要抓好金融", []),
    ("第一 after the figure of a line", "河南省2023年经济",
     "2023年河南GDP排名:\n郑州市 13600亿元 第一\n洛阳市 5800亿元 第二\n南阳市 4600亿元 第三",
     [("ordered", _ranked(["郑州市", "洛阳市", "南阳市"], ["13600亿元", "5800亿元", "4600亿元"]), "河南省", "2023")]),
    ("a place and its figure a line", "全国经济观察",
     "2023年各省份GDP排名如下:\n广东 135000亿元\n江苏 128000亿元\n山东 92000亿元\n浙江 82000亿元",
     [("ordered", _ranked(["广东", "江苏", "山东", "浙江"], ["135000亿元", "128000亿元", "92000亿元", "82000亿元"]),
       "全国", "2023")]),
    ("a place, what its figure is, the figure, a remark", "全国经济观察",
     "2021年各省GDP排名如下:\n广东省:GDP为124000亿元,增长8.0%\n江苏省:GDP为116000亿元,增长8.6%\n"
     "山东省:GDP为83000亿元,增长8.3%",
     [("ordered", _ranked(["广东省", "江苏省", "山东省"], ["124000亿元", "116000亿元", "83000亿元"]), "全国", "2021")]),
    ("lines 1)", "河北省2023年经济", "2023年河北各市GDP排名\n1)唐山市\n2)石家庄市\n3)沧州市",
     [("ordered", _ranked(["唐山市", "石家庄市", "沧州市"]), "河北省", "2023")]),
    ("lines 【1】", "河北省2023年经济", "2023年河北各市GDP排名\n【1】唐山市\n【2】石家庄市\n【3】沧州市",
     [("ordered", _ranked(["唐山市", "石家庄市", "沧州市"]), "河北省", "2023")]),
    ("numbered headings, each over its own text", "2022年河北各市GDP排名",
     "1、唐山市\n2022年唐山市GDP为8900亿元。\n2、石家庄市\n2022年石家庄市GDP为7100亿元。\n3、沧州市\n2022年沧州市GDP为4400亿元。",
     [("ordered", _ranked(["唐山市", "石家庄市", "沧州市"]), "河北省", "2022")]),
    ("NO.N headings, each over its own text", "2022年河北各市GDP排名",
     "NO.1 唐山市\n唐山市GDP居首。\nNO.2 石家庄市\n石家庄市GDP居次。\nNO.3 沧州市\n沧州市GDP第三。",
     [("ordered", _ranked(["唐山市", "石家庄市", "沧州市"]), "河北省", "2022")]),
    ("numbered headings of an outline", "河北省2023年工作要点",
     "一、唐山市\n唐山要加快港口建设。\n二、石家庄市\n石家庄要抓好金融。\n三、沧州市\n沧州要扩大开放。", []),
    ("lines whose figures rise are no ranking", "山东省2023年经济",
     "2023年各市GDP排名如下:\n青岛 15000亿元\n济南 16000亿元\n烟台 10000亿元", []),
    ("lines under no ranking", "山东省2023年经济",
     "2023年全省经济运行:\n青岛 5.9%\n济南 6.1%\n烟台 6.5%", []),
    ("a caption read as a header hides no table", "全国经济观察",
     "2023年各省份GDP排名\n排名\n省份\nGDP(亿元)\n1\n广东\n135000\n2\n江苏\n128000\n3\n山东\n92000",
     [("ordered", _ranked(["广东", "江苏", "山东"], ["135000", "128000", "92000"]), "全国", "2023")]),
    ("a table one space apart, its rank last", "全国经济观察",
     "2022年各省份GDP排名\n省份 GDP(亿元) 排名\n广东 129000 1\n江苏 122000 2\n山东 87000 3",
     [("ordered", _ranked(["广东", "江苏", "山东"], ["129000", "122000", "87000"]), "全国", "2022")]),
    ("a table one space apart under its caption", "江苏省2021年经济",
     "表2 2021年各市GDP\n城市 GDP(亿元) 位次\n苏州 22700 1\n南京 16300 2\n无锡 14000 3",
     [("ordered", _ranked(["苏州", "南京", "无锡"], ["22700", "16300", "14000"]), "江苏省", "2021")]),
    # ---- prose leads ----
    ("排名如下: with commas", "全国经济观察",
     "2022年各省份GDP排名如下:广东129000亿元,江苏122000亿元,山东87000亿元。",
     [("ordered", _ranked(["广东", "江苏", "山东"], ["129000亿元", "122000亿元", "87000亿元"]), "全国", "2022")]),
    ("排名(单位):", "江苏省2023年经济",
     "2023年江苏13市GDP排名(亿元):苏州24653、南京17421、无锡15456。",
     [("ordered", _ranked(["苏州", "南京", "无锡"], ["24653", "17421", "15456"]), "江苏省", "2023")]),
    ("a top with its places one space apart", "全国县域观察", "2022年百强县前四:昆山 江阴 晋江 常熟",
     [("ordered", _ranked(["昆山", "江阴", "晋江", "常熟"]), "全国", "2022")]),
    ("some of a top, 有:", "全国经济观察",
     "2023年,进入全国GDP前十的城市有:上海、北京、深圳、广州、重庆。",
     [("set", _set(["上海", "北京", "深圳", "广州", "重庆"]), "全国", "2023")]),
    ("a title given, then a colon", "河南省县域经济",
     "2023年度河南省县域经济高质量发展先进县(市):巩义市、新郑市、长垣市。",
     [("set", _set(["巩义市", "新郑市", "长垣市"]), "河南省", "2023")]),
    ("a 名单 named before its places", "湖南省县域经济",
     "2023年湖南省县域经济十强县名单公布,浏阳市、长沙县、宁乡市入选。",
     [("set", _set(["浏阳市", "长沙县", "宁乡市"]), "湖南省", "2023")]),
    ("分列四至六位 joins 前三", "陕西省2023年经济",
     "2023年陕西各市GDP排名:西安、榆林、咸阳位居前三,延安、渭南、宝鸡分列四至六位。",
     [("ordered", _ranked(["西安", "榆林", "咸阳", "延安", "渭南", "宝鸡"]), "陕西省", "2023")]),
    ("a number chosen is no named list", "潍坊市2023年项目", "2023年,寿光、青州入选省重点项目12个。", []),
    ("a count after the list is no figure", "湖南省2023年经济",
     "2023年,全省GDP超过4000亿元的市州有长沙、岳阳、常德3个。",
     [("set", _set(["长沙", "岳阳", "常德"]), "湖南省", "2023")]),
]


@pytest.mark.parametrize(("title", "body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_general_form_gives_its_lists(gazetteer: Gazetteer, title: str, body: str, expected: list) -> None:
    assert [_shown(r) for r in _lists(gazetteer, title, body)] == expected
