"""What a digest says at scale: capped to a readable size, and the same 今日一数 for one filter all day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import insert
from sqlmodel import Session

from bot.delivery import body_parts, digest_body
from knowledge.digest.build import DigestCache, build_digest
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


def add_fact(engine, region, value: int, created_at: datetime) -> None:  # type: ignore[no-untyped-def]
    """One fact of `region`, stored at `created_at`, in its own article."""
    with Session(engine) as s:
        article = Article(source=f"f{value}.txt", content_hash=f"{value:064d}", title=f"文{value}",
                          original_text="", text="", ingested_at=created_at, updated_at=created_at)
        s.add(article)
        s.flush()
        sentence = SentenceRow(article_id=article.id, position=0, paragraph=0, text=f"{region.name}总量为{value}亿元。",
                               original="")
        s.add(sentence)
        s.flush()
        s.add(Fact(article_id=article.id, sentence_id=sentence.id, region_code=region.code,
                   region_surface=region.name, metric="地区生产总值", metric_surface="地区生产总值",
                   value=Decimal(value), value_text=str(value), unit="亿元", period_kind="year", period_year=2025,
                   period_label="2025", created_at=created_at))
        s.commit()


def test_chats_sharing_a_filter_and_a_window_share_one_build(engine, gazetteer):
    add_facts(engine, gazetteer, per_region=2)
    since, until = datetime.now(UTC) - timedelta(hours=1), datetime.now(UTC)
    county = next(r for r in gazetteer.regions() if r.level == "county")
    cache = DigestCache()
    first = build_digest(engine, gazetteer, since=since, until=until, regions=[], day=DAY, cache=cache)
    second = build_digest(engine, gazetteer, since=since, until=until, regions=[], day=DAY, cache=cache)
    assert first is not None and second is not None and first.text == second.text and cache.built == 1
    alone = build_digest(engine, gazetteer, since=since, until=until, regions=[county.code], day=DAY, cache=cache)
    assert cache.built == 2 and alone is not None and alone.new_items == 2
    assert f"【{county.name}】" in alone.text and "另有" not in alone.text
    # A different window is a different digest, built afresh (here: nothing new, so the highlight).
    later = build_digest(engine, gazetteer, since=until, regions=[], day=DAY, cache=cache)
    assert cache.built == 3 and later is not None and later.new_items == 0


def test_a_digest_covers_its_window_and_the_next_one_takes_what_came_after(engine, gazetteer):
    first_region, second_region = [r for r in gazetteer.regions() if r.level == "county"][:2]
    cut = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    add_fact(engine, first_region, 111, cut - timedelta(minutes=5))
    add_fact(engine, second_region, 222, cut + timedelta(seconds=1))  # stored while the broadcast ran
    add_fact(engine, second_region, 333, cut - timedelta(days=2))  # before the chat's last digest
    today = build_digest(engine, gazetteer, since=cut - timedelta(days=1), until=cut, regions=[], day=DAY)
    assert today is not None and today.new_items == 1
    assert "111亿元" in today.text and "222" not in today.text and "333" not in today.text
    assert "新文章:《文111》" in today.text  # the articles of the window too, and only those
    tomorrow = build_digest(engine, gazetteer, since=cut, until=cut + timedelta(days=1), regions=[], day=DAY)
    assert tomorrow is not None and tomorrow.new_items == 1
    assert "222亿元" in tomorrow.text and "111" not in tomorrow.text
