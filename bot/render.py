"""Replies as Telegram-flavoured HTML, escaped, and split under the 4096-character message limit.

No Telegram objects here: just strings, so the rules are tested without a bot.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from knowledge.qa.answer import Answer

MESSAGE_LIMIT = 4096
SOURCE_KEYS = ("title", "publisher", "date", "snippet")
SourceCard = tuple[tuple[str, str], ...]  # a source's (key, text) pairs among SOURCE_KEYS


def answer_html(answer: Answer) -> str:
    """The answer text with everything escaped; the first line (the figure or verdict) in bold."""
    lines = answer.text.split("\n")
    head, rest = lines[0], lines[1:]
    body = [f"<b>{html.escape(head)}</b>"]
    for line in rest:
        if line.startswith(("来源:", "來源:")):
            body.append(f"<i>{html.escape(line)}</i>")
        else:
            body.append(html.escape(line))
    return "\n".join(body)


def sources_html(sources: Iterable[SourceCard]) -> str:
    """The sources message: a numbered title, publisher and date, and the snippet of each source."""
    parts = []
    for i, card in enumerate(sources, 1):
        src = dict(card)
        meta = ",".join(x for x in (src.get("publisher"), src.get("date")) if x)
        parts.append(f"{i}. 《{html.escape(src.get('title', ''))}》{html.escape(f'({meta})' if meta else '')}\n"
                     f"“{html.escape(src.get('snippet', ''))}”")
    return "\n\n".join(parts) if parts else "这条回答没有引用来源。"


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split at paragraph boundaries (then lines, then hard cuts) so each part fits in one message."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for block in _blocks(text, limit):
        joiner = "\n\n" if current else ""
        if len(current) + len(joiner) + len(block) <= limit:
            current += joiner + block
        else:
            if current:
                parts.append(current)
            current = block
    if current:
        parts.append(current)
    return parts


def _blocks(text: str, limit: int) -> list[str]:
    out: list[str] = []
    for paragraph in text.split("\n\n"):
        if len(paragraph) <= limit:
            out.append(paragraph)
            continue
        line_block = ""
        for line in paragraph.split("\n"):
            while len(line) > limit:  # a single line longer than a message: cut it, never drop it
                out.append(line[:limit])
                line = line[limit:]
            if len(line_block) + len(line) + 1 > limit:
                out.append(line_block)
                line_block = line
            else:
                line_block = f"{line_block}\n{line}" if line_block else line
        if line_block:
            out.append(line_block)
    return out
