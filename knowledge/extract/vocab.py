"""The clause grammar's word classes, read once from knowledge/data/clauses.toml."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

# 全市, 该县, 本区, 我市: the first character of a place spoken of again, not a further place named
ANAPHOR_MARKS = frozenset("全该本我")


@lru_cache(maxsize=1)
def word_classes() -> dict[str, tuple[str, ...]]:
    """Class name → its words, longest first so that alternations prefer the longer form."""
    raw = tomllib.loads(resources.files("knowledge.data").joinpath("clauses.toml").read_text("utf-8"))
    return {name: tuple(sorted(words, key=len, reverse=True)) for name, words in raw.items()}


def alternation(*classes: str) -> str:
    """A regex alternation of the words of `classes`, longest first."""
    words = sorted({w for c in classes for w in word_classes()[c]}, key=len, reverse=True)
    return "|".join(map(re.escape, words))
