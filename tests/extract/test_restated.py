"""The earlier and later values of one quantity in a clause (knowledge/extract/restated.py: two_periods)."""

from __future__ import annotations

from knowledge.extract.clauses import FILL
from knowledge.extract.periods import Period
from knowledge.extract.restated import two_periods

YEAR = Period("year", 2020, 1, 12)


def test_the_earlier_value_and_its_verb_are_blanked_with_offsets_kept() -> None:
    clause = "城镇化率从48.2%提高到55.6%"
    blanked, shifts = two_periods(clause, clause, YEAR)
    assert blanked == "城镇化率" + FILL * len("从48.2%提高到") + "55.6%"
    assert shifts == []  # no period named for the earlier value


def test_a_named_earlier_period_is_read_from_the_written_clause() -> None:
    written = "比重由上年的20.5%下降至19.2%"
    masked = written.replace("上年", FILL * 2)  # the span tagger blanks period words
    assert two_periods(masked, written, YEAR)[1] == [("19.2", "20.5", Period("year", 2019, 1, 12), [])]
    written = "城镇化率由2015年的48.2%提高到55.6%"
    assert two_periods(written, written, YEAR)[1] == [("55.6", "48.2", Period("year", 2015, 1, 12), [])]


def test_values_in_different_units_are_left_as_written() -> None:
    for clause in ("产量从50万吨增加到60万亩", "排名由第15位上升至第9位", "之比从1.5∶1提升至2.1∶1"):
        assert two_periods(clause, clause, YEAR) == (clause, [])


def test_an_approximate_earlier_value_keeps_its_bound() -> None:
    written = "养老机构由2015年的80余家增至现在的130余家"
    assert two_periods(written, written, YEAR)[1] == [("130", "80", Period("year", 2015, 1, 12), ["余"])]
