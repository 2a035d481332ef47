"""jieba segmentation with regionbot's user dictionary (place names, metric names, company names).

One `jieba.Tokenizer` per process, initialised lazily and warmed explicitly at start-up.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jieba

_lock = threading.Lock()
_added: set[str] = set()


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """The shared tokenizer, with jieba's main dictionary loaded (about 0.5 s the first time)."""
    import jieba  # here, not at the top: importing jieba alone costs a one-shot question 0.1-0.2 s

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


def add_words(words: Iterable[str], *, freq: int = 200_000) -> int:
    """Add user-dictionary words (idempotent); returns how many were new.

    A high frequency makes jieba keep the word whole, e.g. 周村区 or 规上工业增加值.
    """
    tok = tokenizer()
    new = 0
    with _lock:
        for word in words:
            word = word.strip()
            if len(word) < 2 or word in _added:
                continue
            tok.add_word(word, freq=freq)
            _added.add(word)
            new += 1
    return new


def cut(text: str) -> list[str]:
    """Precise-mode segmentation without the HMM (new words come from the user dictionary instead)."""
    return tokenizer().lcut(text, HMM=False)


def tokens_at(text: str) -> list[tuple[int, str]]:
    """`cut`'s tokens with the offset each starts at."""
    out, at = [], 0
    for token in cut(text):
        out.append((at, token))
        at += len(token)
    return out


def token_bounds(text: str, tokens: list[tuple[int, str]] | None = None) -> set[int]:
    """Offsets where a token starts or ends (0 and the text's end included); `tokens` when already cut."""
    return {0} | {at + len(token) for at, token in (tokens if tokens is not None else tokens_at(text))}


def word_coverage(text: str) -> float:
    """Share of Han characters that sit inside a multi-character dictionary word.

    Real Chinese scores high; text decoded with the wrong codec scores low.
    """
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 1.0
    covered = sum(len(w) for w in cut(text) if len(w) > 1 and all("\u4e00" <= c <= "\u9fff" for c in w))
    return covered / len(han)


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """The words jieba's own dictionary tags as place names (ns): 东京, 长三角, 黄河 (about 18,000 words,
    read in under 0.1 s on first use; only a question that names no known place needs them)."""
    words = set()
    with tokenizer().get_dict_file() as lines:
        for raw in lines:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3 and parts[2] == "ns" and len(parts[0]) >= 2:
                words.add(parts[0])
    return frozenset(words)
