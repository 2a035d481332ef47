"""Telegram-flavoured HTML to (plain text, entities), as strict as the real Bot API.

The real server rejects unknown tags and unescaped ``<``; the fake does the same, so a bot that
forgets ``html.escape`` fails in tests the way it would fail in production. Offsets and lengths
are in UTF-16 code units, like Telegram's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ._wire import ApiError

_TAG_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "code": "code",
    "pre": "pre",
    "a": "text_link",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_NAMED_REFS = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)>")
_ATTR_RE = re.compile(r"""([a-zA-Z_-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_REF_RE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);")


class HtmlEntityError(ValueError):
    """The text is not valid Telegram HTML; str(error) is the Bot API's description tail."""


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _OpenTag:
    name: str
    start: int
    entity: dict[str, Any] | None


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Return the visible text and the entities of a ``parse_mode="HTML"`` message."""
    return _HtmlScanner(source).run()


def render_text(text: str, parse_mode: str | None, entities: Any) -> tuple[str, list[dict[str, Any]]]:
    """Visible text and entities: explicit entities win; HTML is parsed; other modes pass through."""
    if entities:
        return text, list(entities)
    if (parse_mode or "").lower() == "html":
        try:
            return parse_html(text)
        except HtmlEntityError as exc:
            raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from exc
    return text, []


def unescape(value: str) -> str:
    """Resolve the character references Telegram supports, leaving the others as written."""
    return _REF_RE.sub(lambda m: _resolve_ref(m.group(1)) or m.group(0), value)


def _resolve_ref(name: str) -> str | None:
    if not name.startswith("#"):
        return _NAMED_REFS.get(name)
    number = int(name[2:], 16) if name[1:2] in ("x", "X") else int(name[1:])
    return chr(number) if 0 < number < 0x110000 else None


class _HtmlScanner:
    def __init__(self, source: str) -> None:
        self.source = source
        self.pieces: list[str] = []
        self.length = 0
        self.stack: list[_OpenTag] = []
        self.entities: list[dict[str, Any]] = []

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        pos = 0
        while pos < len(self.source):
            char = self.source[pos]
            if char == "<":
                pos = self._tag(pos)
            elif char == "&":
                pos = self._reference(pos)
            else:
                self._emit(char)
                pos += 1
        if self.stack:
            raise HtmlEntityError(f'Can\'t find end tag corresponding to start tag "{self.stack[-1].name}"')
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.pieces), self.entities

    def _emit(self, text: str) -> None:
        self.pieces.append(text)
        self.length += utf16_len(text)

    def _byte_offset(self, pos: int) -> int:
        return len(self.source[:pos].encode())

    def _reference(self, pos: int) -> int:
        match = _REF_RE.match(self.source, pos)
        resolved = _resolve_ref(match.group(1)) if match else None
        if match is None or resolved is None:
            self._emit("&")
            return pos + 1
        self._emit(resolved)
        return match.end()

    def _tag(self, pos: int) -> int:
        match = _TAG_RE.match(self.source, pos)
        if match is None:
            raise HtmlEntityError(f'Unsupported start tag "" at byte offset {self._byte_offset(pos)}')
        closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            self._close(name, pos)
        else:
            self._open(name, _parse_attrs(attrs), pos)
        return match.end()

    def _open(self, name: str, attrs: dict[str, str], pos: int) -> None:
        if name not in _TAG_TYPES:
            raise HtmlEntityError(f'Unsupported start tag "{name}" at byte offset {self._byte_offset(pos)}')
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise HtmlEntityError(f'Tag "span" must have class "tg-spoiler" at byte offset {self._byte_offset(pos)}')
        if name == "code" and self.stack and self.stack[-1].name == "pre":
            language = attrs.get("class", "")
            pre_entity = self.stack[-1].entity
            if language.startswith("language-") and pre_entity is not None:
                pre_entity["language"] = language.removeprefix("language-")
                self.stack.append(_OpenTag(name, self.length, None))
                return
        self.stack.append(_OpenTag(name, self.length, _entity_for(name, attrs)))

    def _close(self, name: str, pos: int) -> None:
        if not self.stack or self.stack[-1].name != name:
            raise HtmlEntityError(f'Unexpected end tag "{name}" at byte offset {self._byte_offset(pos)}')
        tag = self.stack.pop()
        if tag.entity is not None and self.length > tag.start:
            tag.entity.update(offset=tag.start, length=self.length - tag.start)
            self.entities.append(tag.entity)


def _parse_attrs(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _ATTR_RE.finditer(raw):
        value = next((g for g in match.groups()[1:] if g is not None), "")
        attrs[match.group(1).lower()] = unescape(value)
    return attrs


def _entity_for(name: str, attrs: dict[str, str]) -> dict[str, Any] | None:
    kind = _TAG_TYPES[name]
    if kind == "text_link":
        return {"type": kind, "url": attrs["href"]} if attrs.get("href") else None
    if kind == "blockquote" and "expandable" in attrs:
        return {"type": "expandable_blockquote"}
    if kind == "custom_emoji":
        return {"type": kind, "custom_emoji_id": attrs.get("emoji-id", "")}
    return {"type": kind}
