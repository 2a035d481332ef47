"""Replies as Telegram-flavoured HTML, escaped, and split under the 4096-character message limit.

No Telegram objects here: just strings, so the rules are tested without a bot.
"""

from __future__ import annotations

import html

from knowledge.qa.answer import Answer

MESSAGE_LIMIT = 4096


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


def sources_html(answer: Answer) -> str:
    if not answer.sources:
        return "这条回答没有引用来源。"
    parts = []
    for i, src in enumerate(answer.sources, 1):
        meta = ",".join(str(x) for x in (src.get("publisher"), src.get("date")) if x)
        parts.append(f"{i}. 《{html.escape(str(src['title']))}》{html.escape(f'({meta})' if meta else '')}\n"
                     f"“{html.escape(str(src['snippet']))}”")
    return "\n\n".join(parts)


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
