"""Lists and rank tables read from a Traditional-script text's lines (Document.reading_lines): the same lists,
with the same canonical names, as the Simplified twin of the text."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.extract.pipeline import parse_article
from knowledge.places.gazetteer import Gazetteer
from knowledge.text.corpus import ArticleMeta, RawArticle
from knowledge.text.normalize import to_traditional

CASES = [
    ("a rank table", "青岛市区市经济",
     "2023年各区市GDP排名\n排名 | 地区 | GDP(亿元)\n1 | 胶州市 | 1610\n2 | 平度市 | 990\n3 | 莱西市 | 870",
     [("ordered", [(1, "胶州市", "1610"), (2, "平度市", "990"), (3, "莱西市", "870")], "青岛市", "2023")]),
    ("a line of names under its lead", "山东省县域评价",
     "2022年度全省县域经济进步县名单如下:\n郓城县、莒南县、临朐县\n评价每年一次。",
     [("set", [(None, "郓城县", None), (None, "莒南县", None), (None, "临朐县", None)], "山东省", "2022")]),
]


def _shown(title: str, body: str, gazetteer: Gazetteer) -> list[tuple]:
    raw = RawArticle("t.txt", f"{title}\n\n{body}\n".encode(), ArticleMeta(published=date(2024, 3, 1)))
    return [(r.kind, [(e.position, e.name, e.value) for e in r.entries], r.scope_name, r.period_label)
            for r in parse_article(raw, gazetteer).rankings]


@pytest.mark.parametrize(("title", "body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_traditional_text_gives_the_lists_of_its_simplified_twin(
        gazetteer: Gazetteer, title: str, body: str, expected: list) -> None:
    assert _shown(title, body, gazetteer) == expected
    assert _shown(to_traditional(title), to_traditional(body), gazetteer) == expected
