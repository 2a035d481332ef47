"""Tables found among lines: which runs of lines are tables and how their rows are cut (lines written for
the test)."""

from __future__ import annotations

from knowledge.extract.table_layout import find_tables


def test_prose_with_numbers_on_short_lines_is_no_table():
    lines = ["全市经济运行稳中向好,主要指标好于预期。", "一、综合", "2023年", "生产总值增长5%。"]
    assert find_tables(lines) == []


def test_spaced_rows_need_a_header_of_known_words():
    # figures after words on short lines, but no header naming the columns: no table
    lines = ["今年计划 投资 50", "新建项目 12", "开工项目 8"]
    assert find_tables(lines) == []


def test_spaced_rows_of_another_shape_are_left_out():
    lines = ["表1 主要指标", "指标 数值 增长(%)", "进出口总额 980.5 6.2", "一般公共预算收入 260.1",
             "外贸 依存度 40.1 2.2"]
    (table,) = find_tables(lines)
    assert [kind.kind for kind in table.columns] == ["value", "growth"]
    assert table.rows == [("进出口总额", ["980.5", "6.2"]), ("外贸依存度", ["40.1", "2.2"])]
    assert (table.caption, table.label) == ("表1 主要指标", "指标")


def test_a_header_word_padded_apart_is_joined_again():
    lines = ["2023年主要指标", "指  标  单位  数值  增长(%)", "进出口总额  亿元  60.4  12.2",
             "一般公共预算收入  亿元  30.8  3.5"]
    (table,) = find_tables(lines)
    assert [c.kind for c in table.columns] == ["unit", "value", "growth"]
    assert table.label == "指标"


def test_known_header_cells_are_never_joined_to_fit_short_rows():
    # the rows lack their last cell: 2023年 and 增长 must not be read as one growth header of 2023
    lines = ["主要指标", "指标  2022年  2023年  增长(%)", "进出口总额  60.4  62.2", "一般公共预算收入  30.8  31.5"]
    assert find_tables(lines) == []
