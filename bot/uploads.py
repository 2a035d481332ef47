"""Admin uploads: one check, then ingest, and only then keep the file in UPLOAD_DIR (never the bundled corpus)."""

from __future__ import annotations

import logging
import re
import tomllib
from pathlib import Path

from knowledge.errors import BadArticleError
from knowledge.qa.format import fact_line
from knowledge.service import KnowledgeBase
from knowledge.store.engine import session_scope
from knowledge.store.ingest import ingest_bytes
from knowledge.store.queries import article_hashes
from knowledge.text.corpus import ARTICLE_SUFFIXES, ArticleMeta, RawArticle, record_in_manifest
from knowledge.text.document import DATE_LABEL, METADATA_DATE, URL_DATE
from knowledge.text.header import caption_metadata

log = logging.getLogger(__name__)
MAX_NAME_BYTES = 180  # file systems allow 255 bytes per name; room is left for "-2" and the ".part" file


def _cut(stem: str, limit: int) -> str:
    return stem.encode()[:limit].decode(errors="ignore")


def check_upload(name: str, size: int | None, *, max_bytes: int) -> str:
    """The one upload check (type, name, size); returns the safe file name or raises BadArticleError."""
    base = Path(name).name.lstrip(".")
    suffix = Path(base).suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise BadArticleError(f"{base or name}: only .txt, .md or .html files are accepted",
                              zh="只接受 .txt、.md 或 .html 文件")
    stem = re.sub(r"[^\w.\-\u4e00-\u9fff]", "_", base[: -len(suffix)]).strip("._")
    if not stem:
        raise BadArticleError("the file has no usable name", zh="文件名不可用")
    if size is not None and size > max_bytes:
        raise BadArticleError(f"the file is {size:,} bytes, over the {max_bytes:,}-byte limit",
                              zh=f"文件 {size:,} 字节,超过 {max_bytes:,} 字节的上限")
    return _cut(stem, MAX_NAME_BYTES - len(suffix)) + suffix  # cut the stem, never the extension /reload reads


def _free_name(filename: str, taken: set[str]) -> str:
    """`filename`, or `stem-2.ext`, `stem-3.ext` … when an article or file already has that name."""
    path = Path(filename)
    candidate, n = filename, 1
    while candidate in taken:
        n += 1
        tail = f"-{n}{path.suffix}"
        candidate = _cut(path.stem, MAX_NAME_BYTES - len(tail.encode())) + tail
    return candidate


def save_upload(kb: KnowledgeBase, upload_dir: Path, name: str, data: bytes, *, max_bytes: int,
                caption: str | None = None) -> str:
    """Ingest `data` as a new article; on success write it into `upload_dir` and swap the index (blocking).

    A publication day or source address in `caption` (2019-10-28, a URL) dates the text, and is kept in the
    folder's manifest beside the file, so that a reload or a rebuild reads the file the same way.

    Raises BadArticleError (nothing stored, nothing written) when the file is unusable.
    """
    filename = check_upload(name, len(data), max_bytes=max_bytes)
    day, url = caption_metadata(caption)
    meta = ArticleMeta(published=day, url=url) if day or url else None
    with session_scope(kb.engine) as session:
        known = article_hashes(session=session)
    digest = RawArticle(filename, data).content_hash
    same = sorted(source for source, stored in known.items() if stored == digest)
    if same:
        return f"已有相同内容的文章:{'、'.join(same)},没有重复导入。"
    on_disk = {p.name for folder in (kb.knowledge_dir, upload_dir) if folder.is_dir() for p in folder.iterdir()}
    filename = _free_name(filename, set(known) | on_disk)
    report, parsed = ingest_bytes(filename, data, engine=kb.engine, gazetteer=kb.gazetteer, meta=meta)
    if parsed is None:  # unreachable after the hash check, unless another upload raced this one
        return f"{filename} 与已有文章完全相同,没有新内容。"
    upload_dir.mkdir(parents=True, exist_ok=True)
    tmp = upload_dir / f".{filename}.part"
    tmp.write_bytes(data)
    tmp.replace(upload_dir / filename)
    kept = _keep_metadata(upload_dir, filename, meta)
    kb.refresh()
    asked_for = check_upload(name, None, max_bytes=max_bytes)
    renamed = [] if filename == asked_for else [f"(已有同名文章 {asked_for},这篇保存为 {filename})"]
    dated = [f"发布日期:{parsed.doc.published.isoformat()}(依据:{_basis(parsed.doc.date_rule)})"] \
        if parsed.doc.published else []
    lines = [f"已导入 {filename}:《{parsed.doc.title}》", *renamed, *dated, *kept, *report.summary_lines_zh()]
    lines.extend(f"· {fact_line(fact, fact.region.name)}" for fact in parsed.facts[:10])
    if len(parsed.facts) > 10:
        lines.append(f"……共 {len(parsed.facts)} 条")
    return "\n".join(lines)


def _basis(rule: str | None) -> str:
    """Where the publication date came from, said to the uploader in Chinese."""
    if rule and rule.startswith(METADATA_DATE):
        return "上传说明或清单"
    return {URL_DATE: "网址中的日期", DATE_LABEL: "文首的日期"}.get(rule or "", "正文提到的年份和日期(推断)")


def _keep_metadata(upload_dir: Path, filename: str, meta: ArticleMeta | None) -> list[str]:
    """Record the caption's date or address in the folder's manifest; the article is stored either way, and a
    manifest that cannot be written is said (a rebuild would then read the file without them)."""
    if meta is None:
        return []
    try:
        record_in_manifest(upload_dir, filename, meta)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        log.warning("could not record %s in %s/manifest.toml (%s)", filename, upload_dir, exc.__class__.__name__)
        return ["(说明里的日期或网址没能写入 manifest.toml:重新导入时需要再提供。)"]
    return []
