"""A rank answer gives the period the claim was read with (its sentence's, else its paragraph's), not the
period most of the place's figures elsewhere in the article have. Articles written for the test."""

from __future__ import annotations

import pytest

from tests.qa.kbkit import base_from, body


def test_a_rank_answer_gives_the_period_of_its_paragraph(tmp_path_factory: pytest.TempPathFactory) -> None:
    kb = base_from(tmp_path_factory.mktemp("claim_paragraph"), {"gaotang.txt": (
        "高唐经济简报\n发布日期:2023-02-10\n2022年,高唐县地区生产总值312.4亿元,一般公共预算收入15.6亿元。\n"
        "2021年上半年,高唐县经济稳中有进。高唐县社会消费品零售总额增速居全市第2位。\n")})
    text = body(kb.ask("高唐县社会消费品零售总额增速在全市排第几?").answer.text)
    assert "第2名" in text and "2021年上半年" in text and "2022年" not in text
