"""Clean source snippets of at most about 120 characters, centred on the figure, never across damage."""

from __future__ import annotations

from knowledge.text.normalize import DAMAGE

MAX_SNIPPET = 120


def snippet_around(sentence: str, mark: str | None, *, limit: int = MAX_SNIPPET) -> str:
    """The part of `sentence` around `mark` (a figure or a name), trimmed to `limit` characters."""
    pieces = [p for p in sentence.split(DAMAGE) if p.strip()]
    text = next((p for p in pieces if mark and mark in p), max(pieces, key=len) if pieces else "")
    text = text.strip()
    if len(text) <= limit:
        return text
    at = text.find(mark) if mark else -1
    if at < 0:
        return text[: limit - 1] + "…"
    start = max(0, min(at - limit // 3, len(text) - limit + 1))
    # prefer to start after a clause boundary so the snippet reads naturally
    for boundary in (",", ";", ":", ","):
        cut = text.rfind(boundary, start, at)
        if cut != -1 and at - cut < limit - 10:
            start = cut + 1
            break
    end = min(len(text), start + limit - 2)
    return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")
