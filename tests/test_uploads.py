"""Uploads and HTML articles (issue 9, defects 5 and 7): where uploads go, names, duplicates, broken HTML."""

from __future__ import annotations

import pytest

from knowledge.store.ingest import ingest_paths
from tests.botkit import ADMIN, running_bot

ARTICLE = "日期:2024-03-01\n2023年,莘县地区生产总值完成512.3亿元,同比增长5.1%。\n".encode()
UNDATED = "今年前三季度,莘县地区生产总值完成412.3亿元,同比增长5.1%。\n".encode()
HTML = ("<html><head><title>阳谷县经济运行</title></head><body><article><h1>阳谷县经济运行</h1>"
        "<p>日期:2024-02-01</p><p>2023年,阳谷县地区生产总值完成401.7亿元,同比增长6.2%。</p>"
        "</article></body></html>").encode()


@pytest.fixture
async def bot(tmp_path):
    async with running_bot(tmp_path) as running:
        yield running


def _break_trafilatura(monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)


def test_an_html_article_is_ingested(engine, gazetteer, tmp_path):
    (tmp_path / "yanggu.html").write_bytes(HTML)
    report = ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer)
    assert report.new == ["yanggu.html"] and report.added["figures"] >= 1 and not report.bad


def test_an_html_file_that_cannot_be_parsed_is_a_named_bad_file(engine, gazetteer, tmp_path, monkeypatch):
    _break_trafilatura(monkeypatch)
    (tmp_path / "yanggu.html").write_bytes(HTML)
    (tmp_path / "shenxian.txt").write_bytes(ARTICLE)
    report = ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer)
    assert report.new == ["shenxian.txt"] and [name for name, _ in report.bad] == ["yanggu.html"]
    assert report.exit_code == 1


async def test_a_broken_html_upload_gets_a_reason(bot, monkeypatch):
    _break_trafilatura(monkeypatch)
    bot.fake.send_document(ADMIN, "yanggu.html", HTML, "text/html")
    [reply] = await bot.fake.wait_for_message(ADMIN, timeout=20)
    assert "无法导入 yanggu.html" in reply.text and "网页" in reply.text and "抱歉" not in reply.text


async def test_uploads_go_to_the_upload_folder_and_survive_a_reload(bot):
    bundled = sorted(p.name for p in bot.settings.knowledge_dir.iterdir())
    bot.fake.send_document(ADMIN, "shenxian.txt", ARTICLE, "text/plain")
    [summary] = await bot.fake.wait_for_message(ADMIN, timeout=20)
    assert "已导入 shenxian.txt" in summary.text
    assert (bot.settings.upload_dir / "shenxian.txt").read_bytes() == ARTICLE
    assert sorted(p.name for p in bot.settings.knowledge_dir.iterdir()) == bundled
    mark = bot.fake.mark()
    bot.fake.send_command(ADMIN, "/reload")
    replies = await bot.fake.wait_for_message(ADMIN, since=mark, count=2, timeout=30)
    assert "重新载入完成" in replies[-1].text and "删除" not in replies[-1].text
    mark = bot.fake.mark()
    bot.fake.send_text(ADMIN, "莘县2023年GDP是多少?")
    [answer] = await bot.fake.wait_for_message(ADMIN, since=mark, timeout=10)
    assert "512.3" in answer.text


async def test_a_long_name_keeps_its_extension(bot):
    long_name = "莘" * 200 + ".txt"
    bot.fake.send_document(ADMIN, long_name, ARTICLE, "text/plain")
    [summary] = await bot.fake.wait_for_message(ADMIN, timeout=20)
    assert "已导入" in summary.text
    [saved] = list(bot.settings.upload_dir.iterdir())
    assert saved.suffix == ".txt" and len(saved.name.encode()) <= 200


async def test_an_upload_named_like_an_existing_article_gets_a_new_name(bot):
    existing = next(p.name for p in bot.settings.knowledge_dir.iterdir() if p.suffix == ".txt")
    kb = bot.app.bot_data["regionbot.services"].kb
    before = len(kb.index.facts)
    bot.fake.send_document(ADMIN, existing, ARTICLE, "text/plain")
    [summary] = await bot.fake.wait_for_message(ADMIN, timeout=20)
    renamed = existing.removesuffix(".txt") + "-2.txt"
    assert f"已导入 {renamed}" in summary.text and (bot.settings.upload_dir / renamed).exists()
    assert len(kb.index.facts) > before  # the old article's facts are all still there


async def test_identical_content_under_a_new_name_is_not_ingested_twice(bot):
    bot.fake.send_document(ADMIN, "shenxian.txt", ARTICLE, "text/plain")
    await bot.fake.wait_for_message(ADMIN, timeout=20)
    kb = bot.app.bot_data["regionbot.services"].kb
    facts = len(kb.index.facts)
    mark = bot.fake.mark()
    bot.fake.send_document(ADMIN, "copy.txt", ARTICLE, "text/plain")
    [reply] = await bot.fake.wait_for_message(ADMIN, since=mark, timeout=20)
    assert "已有相同内容的文章:shenxian.txt" in reply.text
    assert len(kb.index.facts) == facts and not (bot.settings.upload_dir / "copy.txt").exists()


async def test_an_undated_upload_says_why_its_figures_were_skipped(bot):
    bot.fake.send_document(ADMIN, "undated.txt", UNDATED, "text/plain")
    [summary] = await bot.fake.wait_for_message(ADMIN, timeout=20)
    assert "已导入 undated.txt" in summary.text and "没有年份" in summary.text and "412.3" not in summary.text


async def test_a_captions_day_dates_an_undated_upload_and_is_kept_for_a_rebuild(bot, engine, gazetteer):
    bot.fake.send_document(ADMIN, "dated.txt", UNDATED, "text/plain", caption="发布日期 2024-11-06")
    [summary] = await bot.fake.wait_for_message(ADMIN, timeout=20)
    assert "发布日期:2024-11-06(依据:上传说明或清单)" in summary.text and "412.3" in summary.text
    mark = bot.fake.mark()
    bot.fake.send_text(ADMIN, "莘县2024年前三季度GDP是多少?")
    [answer] = await bot.fake.wait_for_message(ADMIN, since=mark, timeout=10)
    assert "412.3" in answer.text
    # a base built afresh from the upload folder reads the file with the day it came with
    report = ingest_paths([bot.settings.upload_dir], engine=engine, gazetteer=gazetteer)
    assert report.new == ["dated.txt"] and report.added["figures"] >= 1 and not report.warnings


async def test_an_upload_is_kept_when_its_folders_manifest_cannot_be_read(bot):
    bot.settings.upload_dir.mkdir(parents=True, exist_ok=True)
    (bot.settings.upload_dir / "manifest.toml").write_text("this is [not toml", "utf-8")
    bot.fake.send_document(ADMIN, "dated.txt", UNDATED, "text/plain", caption="2024-11-06")
    [summary] = await bot.fake.wait_for_message(ADMIN, timeout=20)
    assert "已导入 dated.txt" in summary.text and "没能写入 manifest.toml" in summary.text
    assert (bot.settings.upload_dir / "dated.txt").read_bytes() == UNDATED
