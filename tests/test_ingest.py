"""Ingest: incremental, idempotent, atomic; bad files get a reason and lose nothing (SQLite and PostgreSQL)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session, select

from knowledge.errors import IngestError
from knowledge.store.engine import session_scope
from knowledge.store.ingest import ingest_paths
from knowledge.store.models import Article, Fact, Ranking, RankingEntry, SentenceRow
from knowledge.store.queries import counts
from tests.conftest import SEEDS

# the year is stated: a figure with no year at all is not stored (knowledge/extract/gates.py)
ARTICLE = "2022年上半年,临清市生产总值预计完成140.08亿元,增长4%;一般公共预算收入完成11.9亿元,同比增长6.8%。\n"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_bundled_corpus_ingests_and_second_run_adds_nothing(engine, gazetteer):
    first = ingest_paths([SEEDS], engine=engine, gazetteer=gazetteer)
    assert len(first.new) == 5 and not first.bad
    with session_scope(engine) as s:
        before = counts(session=s)
    assert before.articles == 5 and before.facts >= 60 and before.rankings >= 5
    second = ingest_paths([SEEDS], engine=engine, gazetteer=gazetteer)
    assert second.unchanged and not second.new and not second.changed
    with session_scope(engine) as s:
        assert counts(session=s) == before


def test_linqing_gdp_is_stored_with_growth_period_and_source(engine, gazetteer):
    ingest_paths([SEEDS], engine=engine, gazetteer=gazetteer)
    with Session(engine) as s:
        fact = s.exec(select(Fact).where(Fact.metric == "地区生产总值", Fact.value_text == "140.08")).one()
        sentence = s.get(SentenceRow, fact.sentence_id)
    assert (fact.unit, str(fact.growth), fact.period_label, fact.qualifier) == ("亿元", "4.0000", "2022H1", "预计")
    assert fact.region_code == "371581"
    assert sentence is not None and "140.08亿元" in sentence.text


def test_ranking_keeps_corrected_and_original_spelling(engine, gazetteer):
    ingest_paths([SEEDS], engine=engine, gazetteer=gazetteer)
    with Session(engine) as s:
        first = s.exec(select(RankingEntry).where(RankingEntry.position == 1,
                                                  RankingEntry.original_name == "在平区政府")).one()
        ranking = s.get(Ranking, first.ranking_id)
        size = len(s.exec(select(RankingEntry).where(RankingEntry.ranking_id == first.ranking_id)).all())
    assert first.name == "茌平区政府" and ranking is not None and size == 11


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t \n", "empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("latin.txt", b"hello world, no chinese here", "no Chinese"),
        ("image.png", b"\x89PNG\r\n", "unsupported"),
    ],
    ids=["empty", "whitespace", "binary", "no-chinese", "wrong-type"],
)
def test_bad_file_is_reported_and_good_ones_still_ingest(engine, gazetteer, tmp_path, name, data, reason):
    _write(tmp_path, "good.txt", ARTICLE.encode())
    _write(tmp_path, name, data)
    report = ingest_paths([tmp_path / "good.txt", tmp_path / name], engine=engine, gazetteer=gazetteer)
    assert report.new == ["good.txt"]
    assert len(report.bad) == 1 and report.bad[0][0] == name and reason in report.bad[0][1]
    assert report.exit_code == 1


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-8-sig"], ids=["gb18030", "big5", "utf8-bom"])
def test_legacy_encodings_are_detected(engine, gazetteer, tmp_path, encoding):
    text = ARTICLE if encoding != "big5" else "2022年上半年,臨清市生產總值預計完成140.08億元,增長4%。\n"
    _write(tmp_path, "a.txt", text.encode(encoding))
    report = ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer)
    assert report.new == ["a.txt"] and not report.bad
    with Session(engine) as s:
        fact = s.exec(select(Fact).where(Fact.metric == "地区生产总值")).one()
        article = s.exec(select(Article)).one()
    assert fact.value_text == "140.08" and article.script == ("hant" if encoding == "big5" else "hans")


def test_a_corrupted_new_version_keeps_the_old_content(engine, gazetteer, tmp_path):
    path = _write(tmp_path, "a.txt", ARTICLE.encode())
    ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer)
    path.write_bytes(b"\x00\x01\x02" * 100)
    report = ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer, prune=True)
    assert report.bad and not report.removed
    with Session(engine) as s:
        assert s.exec(select(Fact).where(Fact.value_text == "140.08")).first() is not None


def test_changed_file_replaces_its_facts(engine, gazetteer, tmp_path):
    path = _write(tmp_path, "a.txt", ARTICLE.encode())
    ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer)
    path.write_text(ARTICLE.replace("140.08", "150.5"), encoding="utf-8")
    report = ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer)
    assert report.changed == ["a.txt"]
    with Session(engine) as s:
        values = set(s.exec(select(Fact.value_text).where(Fact.metric == "地区生产总值")).all())
    assert values == {"150.5"}


def test_failed_transaction_leaves_previous_base_intact(engine, gazetteer, tmp_path, monkeypatch):
    _write(tmp_path, "a.txt", ARTICLE.encode())
    ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer)
    (tmp_path / "a.txt").write_text(ARTICLE.replace("140.08", "999.9"), encoding="utf-8")
    shutil.copy(SEEDS / "003_baad52db8d0c6aae.txt", tmp_path / "b.txt")

    import knowledge.store.ingest as ingest_module
    from knowledge.store import queries as store

    def write_then_fail(*, session, parsed):
        store.save_articles(session=session, parsed=parsed)  # the rows are written inside the transaction …
        from sqlalchemy.exc import OperationalError

        raise OperationalError("insert", {}, Exception("disk full"))  # … and then the disk fills up

    monkeypatch.setattr(ingest_module, "save_articles", write_then_fail)
    with pytest.raises(IngestError):
        ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer)
    with Session(engine) as s:
        assert set(s.exec(select(Fact.value_text).where(Fact.metric == "地区生产总值")).all()) == {"140.08"}
        assert len(s.exec(select(Article)).all()) == 1


def test_large_runs_parse_in_parallel_with_the_same_result(engine, gazetteer, tmp_path):
    for i in range(210):
        _write(tmp_path, f"a{i:03d}.txt", f"2023年,莘县地区生产总值完成{100 + i}.5亿元,同比增长5.1%。\n".encode())
    _write(tmp_path, "zz_bad.txt", b"\x00" * 50)
    report = ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer, workers=2)
    assert len(report.new) == 210 and [name for name, _ in report.bad] == ["zz_bad.txt"]
    with Session(engine) as s:
        values = set(s.exec(select(Fact.value_text)).all())
    assert values == {f"{100 + i}.5" for i in range(210)}


def test_a_write_failing_after_earlier_batches_keeps_nothing_of_the_run(engine, gazetteer, tmp_path, monkeypatch):
    import knowledge.store.ingest as ingest_module
    from knowledge.store import queries as store

    _write(tmp_path, "a000.txt", ARTICLE.encode())
    ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer)
    for i in range(1, 210):
        _write(tmp_path, f"a{i:03d}.txt", f"2023年,莘县地区生产总值完成{100 + i}.5亿元,同比增长5.1%。\n".encode())
    monkeypatch.setattr(ingest_module, "_BATCH", 40)  # several batches are written while the pool still parses
    written: list[int] = []

    def fail_on_third_batch(*, session, parsed):
        if len(written) == 2:
            from sqlalchemy.exc import OperationalError

            raise OperationalError("insert", {}, Exception("disk full"))
        written.append(len(parsed))
        return store.save_articles(session=session, parsed=parsed)

    monkeypatch.setattr(ingest_module, "save_articles", fail_on_third_batch)
    with pytest.raises(IngestError):
        ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer, workers=2)
    assert written == [40, 40]  # two batches reached the database inside the transaction …
    with Session(engine) as s:  # … and were rolled back with it
        assert [a.source for a in s.exec(select(Article)).all()] == ["a000.txt"]
        assert set(s.exec(select(Fact.value_text)).all()) == {"140.08", "11.9"}


def test_folders_are_searched_recursively_for_article_files_only(engine, gazetteer, tmp_path):
    (tmp_path / "2024" / "06").mkdir(parents=True)
    _write(tmp_path / "2024" / "06", "deep.txt", ARTICLE.encode())
    _write(tmp_path, "top.md", ARTICLE.replace("临清市", "冠县").encode())
    _write(tmp_path, ".hidden.txt", ARTICLE.encode())
    _write(tmp_path, "notes.docx", b"PK\x03\x04")
    (tmp_path / "dir.txt").mkdir()  # a folder named like an article is not one
    report = ingest_paths([tmp_path, tmp_path / "top.md"], engine=engine, gazetteer=gazetteer)
    assert sorted(report.new) == ["deep.txt", "top.md"] and not report.bad


def test_a_pool_started_beside_other_threads_spawns_its_workers(engine, gazetteer, tmp_path):
    """The bot reloads from a worker thread: forking there could copy a held lock, so workers are spawned."""
    import threading

    from knowledge.store.ingest import _start_method

    for i in range(210):
        _write(tmp_path, f"a{i:03d}.txt", f"2024年,冠县地区生产总值完成{200 + i}.5亿元,同比增长4.2%。\n".encode())
    outcome: dict[str, object] = {}

    def reload_in_thread() -> None:
        outcome["method"] = _start_method().get_start_method()
        outcome["report"] = ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer, workers=2)

    worker = threading.Thread(target=reload_in_thread)
    worker.start()
    worker.join(timeout=120)
    assert outcome["method"] == "spawn"
    assert len(outcome["report"].new) == 210  # type: ignore[attr-defined]
    with Session(engine) as s:
        assert set(s.exec(select(Fact.value_text)).all()) == {f"{200 + i}.5" for i in range(210)}


def test_a_shared_place_name_the_article_does_not_settle_is_reported_not_guessed(engine, gazetteer, tmp_path):
    _write(tmp_path, "a.txt", "2023年上半年,市中区生产总值完成86.49亿元,同比增长5.6%。\n".encode())
    _write(tmp_path, "b.txt", "枣庄市经济运行简报\n2023年上半年,市中区生产总值完成91.2亿元,同比增长6.1%。\n".encode())
    report = ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer)
    [warning] = [w for w in report.warnings if w.startswith("a.txt: 市中区")]
    assert "济南市市中区" in warning and "枣庄市市中区" in warning and "skipped" in warning
    assert not any(w.startswith("b.txt: 市中区") for w in report.warnings)
    with Session(engine) as s:
        rows = s.exec(select(Fact.value_text, Fact.region_code)).all()
    assert [value for value, _ in rows] == ["91.2"]
    assert gazetteer.city_of(gazetteer.get(rows[0][1])).name == "枣庄市"


def test_two_files_with_one_name_keep_the_first_and_name_the_clash(engine, gazetteer, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _write(tmp_path / "a", "x.txt", ARTICLE.encode())
    _write(tmp_path / "b", "x.txt", ARTICLE.replace("140.08", "150.5").encode())
    _write(tmp_path / "b", "y.txt", ARTICLE.replace("临清市", "冠县").encode())
    report = ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer)
    assert sorted(report.new) == ["x.txt", "y.txt"] and report.exit_code == 1
    [(name, reason)] = report.bad
    assert name == "x.txt" and str(tmp_path / "a" / "x.txt") in reason and str(tmp_path / "b" / "x.txt") in reason
    with Session(engine) as s:
        assert set(s.exec(select(Fact.value_text).where(Fact.metric == "地区生产总值")).all()) == {"140.08"}


def _worker_dies(raw):  # stands in for a parse worker killed by the kernel (out of memory)
    import os

    os._exit(9)


def test_a_parse_worker_killed_mid_run_fails_cleanly_and_keeps_the_base(engine, gazetteer, tmp_path, monkeypatch):
    import knowledge.store.ingest as ingest_module

    _write(tmp_path, "a000.txt", ARTICLE.encode())
    ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer)
    for i in range(1, 210):
        _write(tmp_path, f"a{i:03d}.txt", f"2023年,莘县地区生产总值完成{100 + i}.5亿元。\n".encode())
    monkeypatch.setattr(ingest_module, "parse_in_worker", _worker_dies)
    with pytest.raises(IngestError, match="stopped unexpectedly"):
        ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer, workers=2)
    with Session(engine) as s:
        assert [a.source for a in s.exec(select(Article)).all()] == ["a000.txt"]


def test_reasons_and_warnings_carry_chinese_even_from_pool_workers(engine, gazetteer, tmp_path):
    for i in range(205):
        _write(tmp_path, f"a{i:03d}.txt", f"2023年,莘县地区生产总值完成{100 + i}.5亿元。\n".encode())
    _write(tmp_path, "zz_bad.txt", b"\x00" * 50)
    _write(tmp_path, "zz_vague.txt", "2023年上半年,市中区生产总值完成86.49亿元。\n".encode())
    report = ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer, workers=2)
    [(name, reason)] = report.bad
    assert name == "zz_bad.txt" and "binary" in reason and "二进制" in reason.zh  # type: ignore[attr-defined]
    zh = report.summary_lines_zh()
    assert zh[0] == "文章:新增 206 篇,更新 0 篇,未变 0 篇,移除 0 篇"
    assert zh[1].startswith("新增数据:数字 205 条")
    assert "无法导入 zz_bad.txt:文件像是二进制文件(含有 NUL 字节),不是文本" in zh
    assert any(line.startswith("提醒:zz_vague.txt:市中区 可能是济南市市中区、枣庄市市中区") and "没有收录" in line
               for line in zh)
    assert not any(line.isascii() for line in zh)


_FORKED_POOL = """
import sys
from pathlib import Path
from knowledge.extract import nounphrase
from knowledge.places.gazetteer import Gazetteer
from knowledge.store.engine import make_engine, migrate
from knowledge.store.ingest import _start_method, ingest_paths

folder = Path(sys.argv[1])
assert _start_method().get_start_method() == "fork", "one thread: the pool forks"
engine = make_engine(f"sqlite:///{folder / 'base.db'}")
migrate(engine)
report = ingest_paths([folder], engine=engine, gazetteer=Gazetteer.load(), workers=2)
print(len(report.new), nounphrase._tagger.cache_info().currsize)
"""


def test_a_forked_pool_inherits_the_tagger_its_parent_loaded_once(tmp_path):
    """jieba's POS tagger reads every dictionary word's tag when it loads: the CLI's parent process loads it
    before forking, so that each worker does not load its own. Run in a process of its own, with one thread,
    as the CLI runs (a test session may hold other threads, and then the pool spawns)."""
    for i in range(210):
        _write(tmp_path, f"a{i:03d}.txt", f"2023年,莘县地区生产总值完成{100 + i}.5亿元。\n".encode())
    run = subprocess.run([sys.executable, "-c", _FORKED_POOL, str(tmp_path)], capture_output=True, text=True,
                         timeout=120, cwd=Path(__file__).resolve().parents[1])
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["210", "1"]
