"""Rankings, named sets and rank claims read their positions and counts with the shared number parser."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.extract.pipeline import ParsedArticle, parse_article
from knowledge.places.gazetteer import Gazetteer
from knowledge.text.corpus import ArticleMeta, RawArticle

# Written for this test: a numbered ranking, a named set with a Chinese count, a set whose "count" is a
# range (七八个), and a rank claim with a two-character position.
ARTICLE = """淄博市发布2023年县域考核结果

2023年县域经济考核结果出炉。
第一名:张店区;第二名:淄川区;第十一名:博山区。
全市三个“美丽乡村示范区”为张店区、淄川区和博山区。
全市七八个“特色小镇”为张店区、淄川区。
淄博市高新区地区生产总值增长6.1%,居全省第十二位。
"""


@pytest.fixture(scope="module")
def parsed(gazetteer: Gazetteer) -> ParsedArticle:
    raw = RawArticle("rankings.txt", ARTICLE.encode(), ArticleMeta(published=date(2024, 1, 5)))
    return parse_article(raw, gazetteer)


def test_numbered_entries_take_their_chinese_positions(parsed: ParsedArticle) -> None:
    ordered = [r for r in parsed.rankings if r.kind == "ordered"]
    assert [(e.position, e.name) for r in ordered for e in r.entries] == [(1, "张店区"), (2, "淄川区"), (11, "博山区")]


def test_a_named_set_is_kept_when_its_chinese_count_matches_the_list(parsed: ParsedArticle) -> None:
    sets = [r for r in parsed.rankings if r.kind == "set"]
    assert [(r.title, [e.name for e in r.entries]) for r in sets] == [
        ("美丽乡村示范区", ["张店区", "淄川区", "博山区"])]


def test_a_count_that_is_a_range_skips_the_set_instead_of_failing_the_article(parsed: ParsedArticle) -> None:
    assert all("特色小镇" not in r.title for r in parsed.rankings)


def test_a_rank_claim_reads_a_two_character_position(parsed: ParsedArticle) -> None:
    claim = parsed.claims[0]
    assert (claim.claim, claim.scope, claim.position) == ("全省第十二位", "全省", 12)
