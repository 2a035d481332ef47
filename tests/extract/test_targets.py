"""A work report's goals for the year it is given in (主要预期目标): target periods and the bounds on rates."""

from __future__ import annotations

from datetime import date

from tests.extract.kit import facts_of, row

REPORT_DAY = date(2026, 1, 25)
VENUE = "(2026年1月20日在甘肃省人代会上)\n二、今年的目标\n"


def test_a_bound_after_a_target_rate_is_its_qualifier(gazetteer) -> None:
    body = VENUE + ("今年全省发展主要预期目标:地区生产总值增长5.5%左右,规上工业增加值增长6%以上,"
                    "一般公共预算收入增长4.5%。")
    facts = facts_of(gazetteer, "政府工作报告", body, REPORT_DAY)
    assert [(row(f), f.qualifier) for f in facts] == [
        ("甘肃省 | 地区生产总值 | target:2026 | - | 5.5", "左右"),
        ("甘肃省 | 规上工业增加值 | target:2026 | - | 6", "以上"),
        ("甘肃省 | 一般公共预算收入 | target:2026 | - | 4.5", None),
    ]


def test_a_yearly_average_over_a_plans_years_to_come_is_the_plans_goal(gazetteer) -> None:
    body = VENUE + ("“十五五”时期,全省地区生产总值年均增长5.5%左右。到2028年,全省研发经费投入年均增长10%以上。"
                    "今年目标:规上工业增加值两年平均增长6%。")
    facts = facts_of(gazetteer, "甘肃省政府工作报告", body, REPORT_DAY)
    assert [(row(f), f.qualifier) for f in facts] == [
        ("甘肃省 | 地区生产总值 | target:2030 | - | 5.5", "左右"),
        ("甘肃省 | 研发经费投入 | target:2028 | - | 10", "以上"),
    ]  # an average over two years is no goal for the year


def test_a_target_held_at_a_level_or_a_bound(gazetteer) -> None:
    body = VENUE + ("今年全省发展主要预期目标:粮食产量稳定在250亿斤以上,城镇登记失业率控制在3.5%以内,"
                    "居民消费价格涨幅控制在2%左右,规上工业增加值增速保持在6%以上。")
    facts = facts_of(gazetteer, "甘肃省政府工作报告", body, REPORT_DAY)
    assert [(row(f), f.qualifier) for f in facts] == [
        ("甘肃省 | 粮食产量 | target:2026 | 250 | -", "以上"),
        ("甘肃省 | 城镇登记失业率 | target:2026 | 3.5 | -", "以内"),
        ("甘肃省 | 居民消费价格指数 | target:2026 | - | 2", "左右"),
        ("甘肃省 | 规上工业增加值 | target:2026 | - | 6", "以上"),
    ]


def test_the_years_ahead_of_a_report_set_goals_for_their_last(gazetteer) -> None:
    body = ("(2026年1月20日在甘肃省人代会上)\n一、2025年工作回顾\n全省地区生产总值达到1.35万亿元。\n"
            "今后五年,全省城镇化率达到65%,居民人均可支配收入年均增长6%。未来五年,全省新增城镇就业150万人。")
    facts = facts_of(gazetteer, "甘肃省政府工作报告", body, REPORT_DAY)
    assert [row(f) for f in facts] == [
        "甘肃省 | 地区生产总值 | 2025 | 1.35 | -",
        "甘肃省 | 城镇化率 | target:2030 | 65 | -",
        "甘肃省 | 居民人均可支配收入 | target:2030 | - | 6",
        "甘肃省 | 城镇新增就业 | target:2030 | 150 | -",
    ]


def test_a_by_year_already_past_is_what_was_reached(gazetteer) -> None:
    body = ("(2026年1月20日在甘肃省人代会上)\n一、2025年工作回顾\n到2025年底,全省高速公路通车里程达到8000公里。\n"
            "二、2026年工作安排\n到2027年,全省城镇化率达到63%。")
    facts = facts_of(gazetteer, "甘肃省政府工作报告", body, REPORT_DAY)
    assert [row(f) for f in facts] == ["甘肃省 | 高速公路通车里程 | 2025 | 8000 | -",
                                       "甘肃省 | 城镇化率 | target:2027 | 63 | -"]
