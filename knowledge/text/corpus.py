"""Article files on disk: discovery, size limits, metadata from a manifest or front matter, HTML to text.

The bundled corpus lives in knowledge/articles/ with a manifest.toml; the files themselves are kept
byte for byte as received.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import threading
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from knowledge.errors import BadArticleError

BUNDLED_DIR = Path(__file__).resolve().parents[1] / "articles"
MANIFEST = "manifest.toml"
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_ARTICLE_BYTES = 5_000_000
_FRONT_MATTER_RE = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.S)
# A folder's own documentation (README.md, SOURCES.md, LICENSE.txt, CHANGELOG.md) describes the articles; it is
# not one. Such files go by a few conventional names, in any case, maybe with a language tag (README_zh.md).
_DOCUMENTATION_NAMES = frozenset({"readme", "sources", "license", "licence", "copying", "changelog", "changes",
                                  "notice", "authors", "contributing"})


@dataclass(slots=True)
class ArticleMeta:
    """Metadata known before reading the text: from the manifest, front matter or HTML head."""

    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    url: str | None = None
    date_note: str | None = None


@dataclass(slots=True)
class RawArticle:
    source: str
    data: bytes
    meta: ArticleMeta = field(default_factory=ArticleMeta)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def suffix(self) -> str:
        return Path(self.source).suffix.lower()


def is_documentation(name: str) -> bool:
    """README.md, SOURCES.md, LICENSE: a file that documents a folder of articles rather than being one."""
    stem = re.sub(r"[_-][a-z]{2}(?:[_-][a-z]{2})?$", "", name.split(".", 1)[0].lower())
    return stem in _DOCUMENTATION_NAMES


def discover(paths: Iterable[Path], *, skipped: list[Path] | None = None) -> list[Path]:
    """Article files under the given files or folders, sorted, without duplicates.

    A folder's documentation files (`is_documentation`) are left out, and listed in `skipped` when given;
    a file named explicitly is always taken.
    """
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            root = path.resolve()  # once per folder: resolving every file costs a syscall per path component
            children: list[str] = []
            for folder, _dirs, names in os.walk(root):  # like rglob, symlinked folders are not entered
                for name in names:
                    if not name.lower().endswith(ARTICLE_SUFFIXES) or name.startswith("."):
                        continue
                    if is_documentation(name):
                        if skipped is not None:
                            skipped.append(Path(folder, name))
                        continue
                    children.append(os.path.join(folder, name))
            for child in sorted(children):
                if os.path.isfile(child):
                    found[Path(child)] = None
        elif path.exists():
            found[path.resolve()] = None
        else:
            raise BadArticleError(f"{path}: no such file or folder", zh=f"{path}:没有这个文件或文件夹")
    return list(found)


def load_manifest(folder: Path) -> dict[str, ArticleMeta]:
    """file name → metadata, from folder/manifest.toml if present."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return {}
    try:
        raw = tomllib.loads(manifest.read_text("utf-8"))
        return {name: _meta(spec) for name, spec in raw.items() if isinstance(spec, dict)}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, ValueError) as exc:
        # every file of the folder is then refused by name (a stored version is kept), rather than read undated
        raise BadArticleError(f"{manifest} cannot be read ({exc}); fix it or remove it",
                              zh=f"{manifest} 无法读取({exc}),请修正或删除它") from exc


def _meta(spec: dict[str, object]) -> ArticleMeta:
    published = spec.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    return ArticleMeta(
        title=_str(spec.get("title")), publisher=_str(spec.get("publisher")),
        published=published if isinstance(published, date) else None, url=_str(spec.get("url")),
        date_note=_str(spec.get("date_note")),
    )


_MANIFEST_LOCK = threading.Lock()


def record_in_manifest(folder: Path, name: str, meta: ArticleMeta) -> None:
    """Keep `meta` for `folder/name` in folder/manifest.toml (replaced atomically), so that a rebuild or a
    reload reads the file with the date and address it came with; other files' entries are kept as written.

    Raises OSError or tomllib.TOMLDecodeError (a hand-edited manifest that is no TOML); the caller decides."""
    fields: dict[str, object] = {"title": meta.title, "publisher": meta.publisher, "url": meta.url,
                                 "date_note": meta.date_note, "published": meta.published}
    fields = {key: value for key, value in fields.items() if value}
    if not fields:
        return
    with _MANIFEST_LOCK:
        path = folder / MANIFEST
        entries = tomllib.loads(path.read_text("utf-8")) if path.is_file() else {}
        entries[name] = fields
        text = "".join(f"[{json.dumps(key, ensure_ascii=False)}]\n"
                       + "".join(f"{k} = {_toml_value(v)}\n" for k, v in spec.items()) + "\n"
                       for key, spec in entries.items() if isinstance(spec, dict))
        tmp = folder / f".{MANIFEST}.part"
        tmp.write_text(text, "utf-8")
        tmp.replace(path)


def _toml_value(value: object) -> str:
    """A value as TOML writes it: a date bare (2024-11-06), a string quoted (a JSON string is a TOML basic
    string: the same quotes and escapes), numbers and booleans as they are, lists item by item."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, int, float)):  # datetime is a date: isoformat gives TOML's local date-time
        return value.isoformat() if isinstance(value, date) else repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def read_file(path: Path, *, manifests: dict[Path, dict[str, ArticleMeta]] | None = None,
              max_bytes: int = MAX_ARTICLE_BYTES) -> RawArticle:
    """Read one article file; raises BadArticleError for a wrong type or a file over the size limit."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise BadArticleError(f"unsupported file type {path.suffix or '(none)'}; use .txt, .md or .html",
                              zh=f"不支持的文件类型 {path.suffix or '(无后缀)'},请用 .txt、.md 或 .html")
    size = path.stat().st_size
    if size > max_bytes:
        raise BadArticleError(f"the file is {size:,} bytes, over the {max_bytes:,}-byte limit",
                              zh=f"文件 {size:,} 字节,超过 {max_bytes:,} 字节的上限")
    if manifests is not None and path.parent not in manifests:
        manifests[path.parent] = load_manifest(path.parent)
    meta = (manifests or {}).get(path.parent, {}).get(path.name, ArticleMeta())
    return RawArticle(path.name, path.read_bytes(), meta)


def split_front_matter(text: str, meta: ArticleMeta) -> str:
    """Strip `---`-delimited `key: value` front matter from Markdown, filling in `meta`."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return text
    fields: dict[str, str] = {}
    for line in m["body"].splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip().lower()] = value.strip().strip("\"'")
    meta.title = meta.title or fields.get("title")
    meta.publisher = meta.publisher or fields.get("publisher") or fields.get("source")
    meta.url = meta.url or fields.get("url")
    if not meta.published and (raw := fields.get("date") or fields.get("published")):
        with contextlib.suppress(ValueError):
            meta.published = date.fromisoformat(raw[:10])
    return text[m.end() :]


def html_to_text(html: str, meta: ArticleMeta) -> str:
    """Main text of an HTML page via trafilatura; fills in title, site name, date and URL."""
    try:
        import trafilatura  # imported lazily: it is only needed for HTML and is slow to import
        from trafilatura.settings import Document as Page

        # Dates only from the page's markup and metadata: htmldate's extensive search falls back on a guess
        # (the same day for every page that states none), and a guessed day would date every figure wrongly.
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                                favor_precision=True,
                                                date_extraction_params={"extensive_search": False,
                                                                        "original_date": True})
    except Exception as exc:  # a broken HTML stack (lxml without lxml_html_clean): one bad file, not a failed run
        raise BadArticleError(f"the HTML could not be read ({exc.__class__.__name__}: {str(exc)[:120]})",
                              zh=f"无法解析这个网页({exc.__class__.__name__}:{str(exc)[:120]})") from exc
    page = extracted if isinstance(extracted, Page) else None  # a dict only comes back with as_dict=True
    text = page.text if page is not None else None
    if page is None or text is None or not text.strip():
        raise BadArticleError("no article text could be found in the HTML page", zh="网页里找不到正文")
    meta.title = meta.title or page.title
    meta.publisher = meta.publisher or page.sitename
    meta.url = meta.url or page.url
    if not meta.published and page.date:
        with contextlib.suppress(ValueError):
            meta.published = date.fromisoformat(str(page.date)[:10])
    return text
