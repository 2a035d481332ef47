"""Example tables for each layout and row kind, with the facts each must give (Duckling-style).

Every table here is written for the test; a row says (title, body) → the facts expected, as
"region | metric | period | value unit | growth".
"""

from __future__ import annotations

import pytest

from tests.extract.kit import facts_of, row_with_unit

PIPE_ROWS = [
    ("临沂市2023年国民经济和社会发展统计公报",
     "全市经济运行稳中向好。\n表1 2023年临沂市生产总值\n| 绝对值(亿元) | 比上年增长(%) |\n"
     "地区生产总值 | 6105.1 | 5.6 |\n第一产业 | 522.3 | 3.9 |\n其中:建筑业 | 401.7 | 4.2 |",
     ["临沂市 | 地区生产总值 | 2023 | 6105.1亿元 | 5.6",
      "临沂市 | 第一产业增加值 | 2023 | 522.3亿元 | 3.9",
      "临沂市 | 建筑业增加值 | 2023 | 401.7亿元 | 4.2"]),
    ("临沂市2023年经济运行情况",
     "各县区主要指标如下。\n2023年各县区地区生产总值\n| 排名 | 地区 | 地区生产总值(亿元) | 增速(%) |\n"
     "| 1 | 兰山区 | 1500.2 | 6.1 |\n| 2 | 罗庄区 | 700.4 | 5.2 |",
     ["兰山区 | 地区生产总值 | 2023 | 1500.2亿元 | 6.1",
      "罗庄区 | 地区生产总值 | 2023 | 700.4亿元 | 5.2"]),
    # a Markdown rule under the header, a unit column
    ("威海市2023年经济运行情况",
     "主要指标如下。\n表1 威海市2023年主要指标完成情况\n| 指标 | 单位 | 数值 | 比上年增长(%) |\n"
     "| --- | --- | --- | --- |\n| 社会消费品零售总额 | 亿元 | 1450.3 | 6.0 |\n| 实际使用外资 | 亿美元 | 5.2 | -12.1 |",
     ["威海市 | 社会消费品零售总额 | 2023 | 1450.3亿元 | 6.0",
      "威海市 | 实际使用外资 | 2023 | 5.2亿美元 | -12.1"]),
    # the unit in the caption's brackets, a 比上年±% header
    ("日照市2023年经济运行情况",
     "主要指标如下。\n表1 2023年日照市主要指标(单位:亿元)\n| 指标 | 数值 | 比上年±% |\n"
     "| 进出口总额 | 980.5 | 6.2 |\n| 一般公共预算收入 | 260.1 | -4.4 |",
     ["日照市 | 进出口总额 | 2023 | 980.5亿元 | 6.2", "日照市 | 一般公共预算收入 | 2023 | 260.1亿元 | -4.4"]),
]

ALIGNED_ROWS = [
    ("菏泽市2022年经济运行情况",
     "主要指标完成情况见下表。\n2022年菏泽市主要经济指标\n指标            单位      数值      增长(%)\n"
     "一般公共预算收入  亿元      260.4     4.1\n进出口总额        亿元      803.2     12.5",
     ["菏泽市 | 一般公共预算收入 | 2022 | 260.4亿元 | 4.1",
      "菏泽市 | 进出口总额 | 2022 | 803.2亿元 | 12.5"]),
    # Traditional script, names padded with ideographic spaces
    ("菏澤市2022年經濟運行情況",
     "主要指標完成情況見下表。\n2022年菏澤市主要經濟指標\n指標            單位      數值      增長(%)\n"
     "一般公共預算收入\u3000\u3000億元      260.4     4.1\n進出口總額\u3000\u3000\u3000\u3000億元      803.2     12.5",
     ["菏泽市 | 一般公共预算收入 | 2022 | 260.4亿元 | 4.1",
      "菏泽市 | 进出口总额 | 2022 | 803.2亿元 | 12.5"]),
]

FLATTENED = [
    ("国家统计局关于2023年秋粮产量的公告",
     "各地秋粮生产情况如下。\n2023年各地区秋粮产量情况\n总产量\n(万吨)\n播种面积\n(千公顷)\n"
     "山  东\n2100.5\n3300.2\n河  南\n1900.0\n2800.7\n内蒙古\n湖  北\n800.3\n1200.9",
     ["山东省 | 秋粮总产量 | 2023 | 2100.5万吨 | -", "山东省 | 秋粮播种面积 | 2023 | 3300.2千公顷 | -",
      "河南省 | 秋粮总产量 | 2023 | 1900.0万吨 | -", "河南省 | 秋粮播种面积 | 2023 | 2800.7千公顷 | -",
      "湖北省 | 秋粮总产量 | 2023 | 800.3万吨 | -", "湖北省 | 秋粮播种面积 | 2023 | 1200.9千公顷 | -"]),
    ("莒县2023年国民经济和社会发展统计公报",
     "年末人口情况如下。\n表2 2023年末莒县户籍人口数及构成\n指 标 |\n年末数(人) |\n比重(%) |\n"
     "全县户籍人口 |\n1012345 |\n100.0 |\n按城乡分 |\n-- |\n-- |\n城镇人口 |\n452100 |\n44.7 |\n"
     "60岁以上 |\n201000 |\n19.9 |",
     ["莒县 | 户籍人口 | asof:2023-12-31 | 1012345人 | -",
      "莒县 | 户籍城镇人口 | asof:2023-12-31 | 452100人 | -",
      "莒县 | 户籍城镇人口比重 | asof:2023-12-31 | 44.7% | -",
      "莒县 | 60岁以上户籍人口 | asof:2023-12-31 | 201000人 | -",
      "莒县 | 60岁以上户籍人口比重 | asof:2023-12-31 | 19.9% | -"]),
    ("2023年莒县国民经济和社会发展统计公报",
     "全县经济平稳增长。\n2023年全县生产总值及增长速度\n单位:亿元\n绝对数\n比上年增长(%)\n"
     "地区生产总值\n455.8\n5.9\n其中:第二产业[1]\n170.2\n6.3\n交通运输、仓储和邮政业\n20.5\n7.7",
     ["莒县 | 地区生产总值 | 2023 | 455.8亿元 | 5.9",
      "莒县 | 第二产业增加值 | 2023 | 170.2亿元 | 6.3",
      "莒县 | 交通运输、仓储和邮政业增加值 | 2023 | 20.5亿元 | 7.7"]),
    # a header broken over two lines (比上年同期 / 增长(%)), the unit of another on a line of its own
    ("2023年莒县国民经济和社会发展统计公报",
     "全县经济平稳增长。\n2023年全县生产总值及增长速度\n绝对数\n(亿元)\n比上年同期\n增长(%)\n地区生产总值\n455.8\n5.9\n"
     "第一产业\n60.2\n3.3\n第二产业\n170.2\n6.3",
     ["莒县 | 地区生产总值 | 2023 | 455.8亿元 | 5.9", "莒县 | 第一产业增加值 | 2023 | 60.2亿元 | 3.3",
      "莒县 | 第二产业增加值 | 2023 | 170.2亿元 | 6.3"]),
]

SPACED = [
    # a text export: single spaces part the cells, and names are spaced out inside (花 生)
    ("沂水县2023年国民经济和社会发展统计公报",
     "农业生产总体平稳。\n表3 2023年主要农产品产量\n产品 产量(吨) 增长%\n粮 食 310200.5 2.1\n"
     "#小麦 120100.3 1.5\n花 生 45600.7 -3.2",
     ["沂水县 | 粮食产量 | 2023 | 310200.5吨 | 2.1", "沂水县 | 小麦产量 | 2023 | 120100.3吨 | 1.5",
      "沂水县 | 花生产量 | 2023 | 45600.7吨 | -3.2"]),
    # a price index: each category row is that category's index; the all-items row keeps its own name
    ("沂水县2023年国民经济和社会发展统计公报",
     "物价总体稳定。\n表2 2023年居民消费价格指数(上年=100)\n项 目 指数\n居民消费价格总指数 102.1\n"
     "食品烟酒 103.4\n衣 着 99.8",
     ["沂水县 | 居民消费价格指数 | 2023 | 102.1 | -", "沂水县 | 食品烟酒价格指数 | 2023 | 103.4 | -",
      "沂水县 | 衣着价格指数 | 2023 | 99.8 | -"]),
    # the same in Traditional script
    ("沂水縣2023年國民經濟和社會發展統計公報",
     "農業生產平穩。\n表3 2023年主要農產品產量\n產品 產量(噸) 增長%\n糧 食 310200.5 2.1\n花 生 45600.7 -3.2",
     ["沂水县 | 粮食产量 | 2023 | 310200.5吨 | 2.1", "沂水县 | 花生产量 | 2023 | 45600.7吨 | -3.2"]),
    # a unit column between the label and the figures; a header word split by a space (比上年 增长)
    ("平邑县2023年经济运行情况",
     "全年主要指标如下。\n2023年平邑县主要经济指标\n指 标 单位 绝对数 比上年 增长(%)\n"
     "一般公共预算收入 亿元 45.2 3.3\n进出口总额 亿元 30.1 -5.0",
     ["平邑县 | 一般公共预算收入 | 2023 | 45.2亿元 | 3.3", "平邑县 | 进出口总额 | 2023 | 30.1亿元 | -5.0"]),
]

TOTALS = [
    # the total row of a table of places is the table's own place (合计) or the place it names (全国总计)
    ("山东省2023年粮食生产情况",
     "各市粮食生产情况如下。\n2023年各市粮食产量\n| 地区 | 总产量(万吨) |\n| 合计 | 5655.3 |\n"
     "| 济南市 | 300.1 |\n| 青岛市 | 310.2 |",
     ["山东省 | 粮食产量 | 2023 | 5655.3万吨 | -", "济南市 | 粮食产量 | 2023 | 300.1万吨 | -",
      "青岛市 | 粮食产量 | 2023 | 310.2万吨 | -"]),
    ("国家统计局关于2023年早稻产量的公告",
     "各地早稻生产情况如下。\n2023年各地区早稻产量情况\n总产量\n(万吨)\n全国总计\n2834.0\n湖  南\n"
     "790.2\n江  西\n780.6\n广  东\n520.3",
     ["全国 | 早稻总产量 | 2023 | 2834.0万吨 | -", "湖南省 | 早稻总产量 | 2023 | 790.2万吨 | -",
      "江西省 | 早稻总产量 | 2023 | 780.6万吨 | -", "广东省 | 早稻总产量 | 2023 | 520.3万吨 | -"]),
]

ACROSS = [
    # the places are the columns and the rows are indicators, each with its unit in brackets
    ("山东省2023年经济运行情况",
     "两市主要指标如下。\n2023年两市主要指标对比\n| 指标 | 济南市 | 青岛市 |\n"
     "| 地区生产总值(亿元) | 12001.5 | 15002.6 |\n| 常住人口(万人) | 900.1 | 1001.2 |",
     ["济南市 | 地区生产总值 | 2023 | 12001.5亿元 | -", "青岛市 | 地区生产总值 | 2023 | 15002.6亿元 | -",
      "济南市 | 常住人口 | 2023 | 900.1万人 | -", "青岛市 | 常住人口 | 2023 | 1001.2万人 | -"]),
    # a growth column among place columns: whose growth it is, the layout does not say
    ("山东省2023年经济运行情况",
     "两市主要指标如下。\n2023年两市主要指标对比\n| 指标 | 济南市 | 青岛市 | 增长(%) |\n"
     "| 地区生产总值(亿元) | 12001.5 | 15002.6 | 5.1 |\n| 常住人口(万人) | 900.1 | 1001.2 | 0.3 |",
     []),
]

YEARS = [
    # a column a year: each its own period; the growth column belongs to the table's year
    ("日照市2023年统计公报",
     "主要指标如下。\n表1 日照市主要经济指标\n| 指标 | 单位 | 2023年 | 2022年 | 增长(%) |\n"
     "| 地区生产总值 | 亿元 | 2501.2 | 2350.4 | 6.3 |\n| 一般公共预算收入 | 亿元 | 210.7 | 198.1 | 5.9 |",
     ["日照市 | 地区生产总值 | 2023 | 2501.2亿元 | 6.3", "日照市 | 地区生产总值 | 2022 | 2350.4亿元 | -",
      "日照市 | 一般公共预算收入 | 2023 | 210.7亿元 | 5.9", "日照市 | 一般公共预算收入 | 2022 | 198.1亿元 | -"]),
    # 本期 and 上年同期 under a half-year caption: the same half of the year before
    ("平邑县2023年上半年经济运行情况",
     "上半年主要指标如下。\n2023年上半年平邑县主要指标\n指标 单位 本期 上年同期 增长(%)\n"
     "一般公共预算收入 亿元 12.4 11.8 5.1\n进出口总额 亿元 20.2 21.0 -3.8",
     ["平邑县 | 一般公共预算收入 | 2023H1 | 12.4亿元 | 5.1", "平邑县 | 一般公共预算收入 | 2022H1 | 11.8亿元 | -",
      "平邑县 | 进出口总额 | 2023H1 | 20.2亿元 | -3.8", "平邑县 | 进出口总额 | 2022H1 | 21.0亿元 | -"]),
    # a row a year: the caption names the metric, each row its year
    ("日照市2023年统计公报",
     "近年发展如下。\n表2 2021-2023年日照市地区生产总值\n| 年份 | 绝对数(亿元) | 增长(%) |\n"
     "| 2021年 | 2150.3 | 6.8 |\n| 2022年 | 2350.4 | 3.2 |\n| 2023年 | 2501.2 | 6.3 |",
     ["日照市 | 地区生产总值 | 2021 | 2150.3亿元 | 6.8", "日照市 | 地区生产总值 | 2022 | 2350.4亿元 | 3.2",
      "日照市 | 地区生产总值 | 2023 | 2501.2亿元 | 6.3"]),
    # rows of years under a caption naming no metric: the years are not metrics
    ("日照市2023年统计公报",
     "近年发展如下。\n表2 日照市近年发展概览\n| 年份 | 绝对数(亿元) | 增长(%) |\n"
     "| 2021年 | 2150.3 | 6.8 |\n| 2022年 | 2350.4 | 3.2 |",
     []),
]

PERIOD_AND_POINTS = [
    # the caption's own year wins over the article's
    ("济宁市2023年统计公报",
     "上年主要指标回顾如下。\n2022年济宁市主要指标\n| 数值 | 比上年增减百分点 |\n城镇化率 | 62.3 | 0.8 |\n"
     "常住人口 | 830.5 | 0.2 |",
     ["济宁市 | 城镇化率 | 2022 | 62.3 | 0.8pp", "济宁市 | 常住人口 | 2022 | 830.5 | 0.2pp"]),
]

PRECISION = [
    # a column whose header means nothing known gives no fact
    ("淄博市2023年统计公报",
     "重点行业情况如下。\n表3 2023年重点行业\n| 甲栏 | 乙栏 |\n化工 | 12.5 | 3.3 |\n机械 | 10.1 | 2.2 |",
     []),
    # a table of indicators of no known place gives nothing
    ("2023年主要指标",
     "主要指标如下。\n2023年主要指标\n| 绝对数(亿元) | 增长(%) |\n地区生产总值 | 100.5 | 3.1 |\n"
     "第一产业 | 20.5 | 2.0 |",
     []),
    # the table repeats the text's figure: one fact, not two
    ("日照市2023年统计公报",
     "2023年全市地区生产总值2450.6亿元,比上年增长6.1%。\n表1 2023年日照市生产总值\n"
     "| 绝对值(亿元) | 比上年增长(%) |\n地区生产总值 | 2450.6 | 6.1 |\n第三产业 | 1200.1 | 6.5 |",
     ["日照市 | 地区生产总值 | 2023 | 2450.6亿元 | 6.1", "日照市 | 第三产业增加值 | 2023 | 1200.1亿元 | 6.5"]),
    # rows of towns the gazetteer does not know, under a 乡镇 header: no fact of the county's own
    ("沂水县2023年统计公报",
     "各乡镇发展情况如下。\n表4 2023年各乡镇主要指标\n乡镇 地区生产总值(亿元) 增长%\n青禾镇 12.3 4.5\n"
     "石岭镇 10.8 3.9",
     []),
    # a measure column over rows without a label header: only a name the catalogue knows is made, and a
    # growth never goes to a bare row name
    ("沂水县2023年统计公报",
     "农业生产平稳。\n2023年主要农产品\n总产量(万吨)\n比上年增长(%)\n粮食\n31.2\n2.1\n中药材\n0.4\n-3.0",
     ["沂水县 | 粮食产量 | 2023 | 31.2万吨 | 2.1"]),
    # a note under the table is no row
    ("日照市2023年统计公报",
     "主要指标如下。\n表1 2023年日照市主要指标\n| 指标 | 数值 | 增长(%) |\n| 进出口总额 | 980.5 | 6.2 |\n"
     "| 一般公共预算收入 | 260.1 | 4.4 |\n| 注:部分数据 | 2 | 1 |",
     ["日照市 | 进出口总额 | 2023 | 980.5 | 6.2", "日照市 | 一般公共预算收入 | 2023 | 260.1 | 4.4"]),
]

CASES = PIPE_ROWS + ALIGNED_ROWS + FLATTENED + SPACED + TOTALS + ACROSS + YEARS + PERIOD_AND_POINTS + PRECISION
IDS = ([f"pipe-{i}" for i in range(len(PIPE_ROWS))] + [f"aligned-{i}" for i in range(len(ALIGNED_ROWS))]
       + [f"flattened-{i}" for i in range(len(FLATTENED))] + [f"spaced-{i}" for i in range(len(SPACED))]
       + [f"totals-{i}" for i in range(len(TOTALS))] + [f"across-{i}" for i in range(len(ACROSS))]
       + [f"years-{i}" for i in range(len(YEARS))]
       + [f"period-{i}" for i in range(len(PERIOD_AND_POINTS))]
       + [f"precision-{i}" for i in range(len(PRECISION))])


@pytest.mark.parametrize(("title", "body", "expected"), CASES, ids=IDS)
def test_example_table_gives_its_facts(gazetteer, title, body, expected):
    assert sorted(row_with_unit(f) for f in facts_of(gazetteer, title, body)) == sorted(expected)


def test_table_lines_joined_into_a_sentence_give_no_prose_fact(gazetteer):
    # 交通运输、仓储和邮政业 looks like a broken prose line, so the reader joins the cells after it
    body = ("全县经济平稳增长。\n2023年全县生产总值及增长速度\n单位:亿元\n绝对数\n比上年增长(%)\n"
            "交通运输、仓储和邮政业\n20.5\n7.7\n批发和零售业\n30.1\n5.5\n住宿和餐饮业\n10.2\n4.4\n金融业\n25.3\n6.6")
    facts = facts_of(gazetteer, "2023年莒县国民经济和社会发展统计公报", body)
    assert sorted(row_with_unit(f) for f in facts) == ["莒县 | 交通运输、仓储和邮政业增加值 | 2023 | 20.5亿元 | 7.7",
                                             "莒县 | 住宿和餐饮业增加值 | 2023 | 10.2亿元 | 4.4",
                                             "莒县 | 批发和零售业增加值 | 2023 | 30.1亿元 | 5.5",
                                             "莒县 | 金融业增加值 | 2023 | 25.3亿元 | 6.6"]


def test_a_title_holding_the_captions_words_keeps_the_prose_between_them(gazetteer):
    # the title says 主要经济指标运行情况 and the caption 主要经济指标: the caption is its own line, not the title
    body = ("2022年,全县地区生产总值180.5亿元,比上年增长4.4%。\n2022年莒县主要经济指标\n"
            "| 指标 | 单位 | 数值 | 比上年增长(%) |\n| 进口总额 | 亿元 | 29.4 | 11.0 |")
    facts = facts_of(gazetteer, "2022年莒县主要经济指标运行情况", body)
    assert sorted(row_with_unit(f) for f in facts) == ["莒县 | 地区生产总值 | 2022 | 180.5亿元 | 4.4",
                                             "莒县 | 进口总额 | 2022 | 29.4亿元 | 11.0"]
