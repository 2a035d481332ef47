"""Rank claims as stored (knowledge/extract/claim_storage.py, claim_figures.py): a rank names its metric and
takes a period from its clause, its paragraph or its article. Short articles written for the test; a row is
"region | metric | rank | scope | period"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.kit import claim_row, claims_of


def ranked(gazetteer, title: str, body: str, published: date | None = None) -> list[str]:
    return [claim_row(c) for c in claims_of(gazetteer, title, body, published) if c.position is not None]


def test_a_rank_of_nothing_named_keeps_its_text_but_no_position(gazetteer):
    claims = claims_of(gazetteer, "潍坊市2020年发展", "2020年,潍坊市各项工作扎实推进,成效明显,居全省第一。")
    assert [c.claim for c in claims if c.subject == "潍坊市"] == ["全省第一"]
    assert all(c.position is None for c in claims if c.about is None)


METRIC_OF_THE_FIGURE = [
    # the clause before the figure names no metric: the figure the rank follows is what is ranked
    ("济宁市2015年服务业", "2015年,济宁市改革任务基本完成,新增规模以上服务业企业300家,居全省首位。",
     ["济宁市 | 新增规上服务业企业 | 1 | 山东省 | 2015"]),  # the new ones are ranked, named short
    ("临沂市2019年发展", "临沂市园区建设加快推进,2019年引进外资项目86个,居全省第2位。",
     ["临沂市 | 引进外资项目 | 2 | 山东省 | 2019"]),
    # the places of a tie open the metric words without 的: whose the metric is, not part of its name
    ("无锡市2022年县域经济", "2022年,宜兴市、江阴市GDP增速并列全省第二。",
     ["宜兴市 | 地区生产总值增速 | 2 | 江苏省 | 2022", "江阴市 | 地区生产总值增速 | 2 | 江苏省 | 2022"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), METRIC_OF_THE_FIGURE, ids=["enterprises", "projects", "tie"])
def test_a_rank_after_a_figure_ranks_that_figure_not_an_earlier_clause(gazetteer, title, body, expected):
    assert ranked(gazetteer, title, body) == expected


PERIODS = [
    # the period the sentence states comes before the one of the paragraph's last figure
    ("德州市2020年经济", "2020年,德州市地区生产总值3150亿元。截至2019年,德州市GDP总量升至全省第6位。",
     ["德州市 | 地区生产总值 | 6 | 山东省 | 2019"]),
    # the paragraph's period, stated in the sentence before, comes before the article's
    ("潍坊市2020年经济运行", "2021年上半年,潍坊市经济稳中有进。潍坊市社会消费品零售总额增速居全省第2位。",
     ["潍坊市 | 社会消费品零售总额增速 | 2 | 山东省 | 2021H1"]),
    # a title's rank with no period is the standing the figures of the text report
    ("郑州市GDP增速全省第一", "郑州市统计局发布数据。上半年,郑州市地区生产总值达6500亿元,增长5.8%。",
     ["郑州市 | 地区生产总值增速 | 1 | 河南省 | 2023H1"]),
    # said in the title and in the text: kept once
    ("郑州市GDP增速全省第一", "上半年,郑州市地区生产总值达6500亿元,增长5.8%,增速居全省第一。",
     ["郑州市 | 地区生产总值增速 | 1 | 河南省 | 2023H1"]),
]


@pytest.mark.parametrize(("title", "body", "expected"), PERIODS, ids=["sentence", "paragraph", "article", "said-twice"])
def test_a_claim_takes_the_period_of_its_paragraph_else_of_its_article(gazetteer, title, body, expected):
    published = date(2023, 8, 10)  # only the last two leave their year to the date
    assert ranked(gazetteer, title, body, published) == expected

