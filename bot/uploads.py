"""Admin uploads: validate, ingest, and only then keep the file in KNOWLEDGE_DIR."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.errors import BadArticleError
from knowledge.qa.format import fact_line
from knowledge.store.ingest import ingest_bytes

if TYPE_CHECKING:
    from knowledge.service import KnowledgeBase


def safe_name(name: str) -> str:
    """A plain file name: no folders, no hidden files, only harmless characters."""
    base = Path(name).name.lstrip(".")
    base = re.sub(r"[^\w.\-\u4e00-\u9fff]", "_", base)[:120]
    if not base or Path(base).suffix == "":
        raise BadArticleError("the file has no usable name", zh="文件名不可用")
    return base


def save_upload(kb: KnowledgeBase, name: str, data: bytes, *, max_bytes: int) -> str:
    """Ingest `data` as article `name`; on success write it into the knowledge folder and swap the index.

    Raises BadArticleError (nothing stored, nothing written) when the file is unusable.
    """
    filename = safe_name(name)
    if len(data) > max_bytes:
        raise BadArticleError(f"the file is {len(data):,} bytes, over the {max_bytes:,}-byte limit",
                              zh=f"文件 {len(data):,} 字节,超过 {max_bytes:,} 字节的上限")
    report, parsed = ingest_bytes(filename, data, engine=kb.engine, gazetteer=kb.gazetteer)
    if parsed is None:
        return f"{filename} 与已有文章完全相同,没有新内容。"
    folder = kb.knowledge_dir
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{filename}.part"
    tmp.write_bytes(data)
    tmp.replace(folder / filename)
    kb.refresh()
    lines = [f"已导入 {filename}:《{parsed.doc.title}》", *report.summary_lines_zh()]
    lines.extend(f"· {fact_line(fact, fact.region.name)}" for fact in parsed.facts[:10])
    if len(parsed.facts) > 10:
        lines.append(f"……共 {len(parsed.facts)} 条")
    return "\n".join(lines)
