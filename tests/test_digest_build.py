"""What a digest says at scale: capped to a readable size, and the same 今日一数 for one filter all day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import insert
from sqlmodel import Session

from bot.delivery import body_parts, digest_body
from knowledge.digest.build import build_digest
from knowledge.store.models import Article, Fact, SentenceRow

DAY = date(2026, 12, 1)


def add_facts(engine, gazetteer, per_region: int) -> int:  # type: ignore[no-untyped-def]
    regions = [r for r in gazetteer.regions() if r.level == "county"][:40]
    with Session(engine) as s:
        article = Article(source="a.txt", content_hash="0" * 64, title="测试", original_text="", text="")
        s.add(article)
        s.flush()
        sentences, facts = [], []
        for i, (region, n) in enumerate((r, n) for r in regions for n in range(per_region)):
            text = f"{region.name}指标{n}完成{i + 1}亿元。"
            sentences.append({"id": i + 1, "article_id": article.id, "position": i, "paragraph": i, "text": text,
                              "original": text})
            facts.append({"article_id": article.id, "sentence_id": i + 1, "region_code": region.code,
                          "region_surface": region.name, "metric": "地区生产总值", "metric_surface": "地区生产总值",
                          "value": Decimal(i + 1), "value_text": str(i + 1), "unit": "亿元", "period_kind": "year",
                          "period_year": 2025, "period_label": "2025"})
        s.execute(insert(SentenceRow), sentences)
        s.execute(insert(Fact), facts)
        s.commit()
    return len(regions)


def test_a_day_with_many_new_facts_is_one_or_two_messages(engine, gazetteer):
    regions = add_facts(engine, gazetteer, per_region=12)
    digest = build_digest(engine, gazetteer, since=datetime.now(UTC) - timedelta(hours=1), regions=[], day=DAY)
    assert digest is not None and digest.new_items == regions * 12
    assert len(body_parts(digest_body(digest))) <= 2
    assert f"另有 {regions - 10} 个地区的 {(regions - 10) * 12} 条新数据" in digest.text
    assert "……另有 4 条" in digest.text  # 12 facts in a region, 8 shown


def test_the_highlight_is_the_same_for_one_filter_all_day_and_skips_recent_ones(engine, gazetteer):
    add_facts(engine, gazetteer, per_region=2)
    later = datetime.now(UTC) + timedelta(hours=1)  # nothing new since: a quiet day
    first = build_digest(engine, gazetteer, since=later, regions=[], day=DAY)
    again = build_digest(engine, gazetteer, since=later, regions=[], day=DAY)
    assert first is not None and again is not None and first.highlight == again.highlight is not None
    other = build_digest(engine, gazetteer, since=later, regions=[], day=DAY, recent_highlights={first.highlight})
    assert other is not None and other.highlight not in (None, first.highlight)
