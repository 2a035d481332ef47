"""A folder ingest takes articles only: its README/SOURCES-style documentation is skipped and said to be."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.store.ingest import ingest_paths
from knowledge.text.corpus import is_documentation

ARTICLE = "2023年,莘县实现地区生产总值333.3亿元,同比增长4.4%。\n"
README = "# 本文件夹说明\n\n| 文件 | 来源 | 年份 |\n| a.txt | 某报 | 2023年 |\n"


@pytest.mark.parametrize("name, documentation", [
    ("README.md", True), ("SOURCES.md", True), ("LICENSE", True), ("readme.txt", True), ("README_zh.md", True),
    ("Changelog.md", True), ("d01_shandong_2008q1_release.txt", False), ("sources_of_growth.txt", False),
    ("莘县经济.txt", False), ("GDP.txt", False),
], ids=["readme", "sources", "license", "lower-case", "language-tag", "changelog", "article", "word-inside",
        "chinese", "capitals-article"])
def test_documentation_files_are_told_by_their_conventional_names(name: str, documentation: bool) -> None:
    assert is_documentation(name) is documentation


def test_a_folder_ingest_skips_its_documentation_and_says_so(engine, gazetteer, tmp_path: Path) -> None:
    (tmp_path / "shenxian.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text(README, encoding="utf-8")
    report = ingest_paths([tmp_path], engine=engine, gazetteer=gazetteer)
    assert report.new == ["shenxian.txt"] and report.skipped == ["SOURCES.md"]
    assert any("SOURCES.md" in line for line in report.summary_lines())
    assert any("SOURCES.md" in line and "跳过" in line for line in report.summary_lines_zh())


def test_a_documentation_file_named_explicitly_is_still_ingested(engine, gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(ARTICLE, encoding="utf-8")
    report = ingest_paths([path], engine=engine, gazetteer=gazetteer)
    assert report.new == ["README.md"] and not report.skipped
