"""Reading place names as people type them: cleaning a query, pinyin keys, and the homophone, look-alike
and OCR slips that the gazetteer forgives.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from knowledge.text.normalize import to_simplified

# Look-alike characters met in OCR output and hurried typing of Shandong names, used both ways. A variant
# is made only for full names of three or more characters ending in 区/县/市 (short ones would match too
# much) and only when it is not itself a known form.
CONFUSABLES: tuple[tuple[str, str], ...] = (
    ("茌", "在"), ("茌", "荏"), ("兖", "衮"), ("峄", "峰"), ("菏", "荷"), ("潍", "维"),
    ("滕", "腾"), ("滕", "藤"), ("朐", "胸"), ("沭", "沐"), ("垦", "恳"), ("莱", "菜"),
    ("历", "厉"), ("鄄", "甄"), ("淄", "缁"), ("郯", "剡"), ("芝", "之"),
)
_CONFUSABLE_SET = frozenset(CONFUSABLES) | frozenset((b, a) for a, b in CONFUSABLES)
_LATIN_RE = re.compile(r"[A-Za-z0-9 '’\-·.]+")


def ocr_variants(name: str) -> Iterator[str]:
    """The name with one character swapped for a look-alike from CONFUSABLES (full names of 3+ only)."""
    if len(name) < 3 or name[-1] not in "区县市":
        return
    for a, b in CONFUSABLES:
        for real, lookalike in ((a, b), (b, a)):
            for i, char in enumerate(name):
                if char == real:
                    yield name[:i] + lookalike + name[i + 1:]


def is_slip(query: str, form: str) -> bool:
    """Same length, and every difference (one, or two in long names) a homophone or a look-alike."""
    if len(query) != len(form) or len(query) < 2:
        return False
    diffs = [(q, f) for q, f in zip(query, form, strict=True) if q != f]
    if not 1 <= len(diffs) <= (2 if len(query) >= 6 else 1):
        return False
    return all(sounds_alike(q, f) or (q, f) in _CONFUSABLE_SET for q, f in diffs)


# pypinyin is imported where used: it takes a quarter second, which find_mentions never needs to pay.
@lru_cache(maxsize=4096)
def sounds_alike(typed: str, meant: str) -> bool:
    """Would typing the usual pinyin of ``typed`` offer ``meant`` too? (Rare readings don't count: 广 yǎn.)"""
    from pypinyin import Style, lazy_pinyin, pinyin

    return lazy_pinyin(typed)[0] in pinyin(meant, style=Style.NORMAL, heteronym=True)[0]


def readings(form: str, cap: int = 32) -> list[str]:
    """The usual toneless reading of a form first, then rarer ones (单县 is shan xian, not dan xian)."""
    from pypinyin import Style, lazy_pinyin, pinyin

    usual = pinyin_key("".join(lazy_pinyin(form)))
    options = pinyin(form, style=Style.NORMAL, heteronym=True)
    others = {pinyin_key("".join(p)) for p in itertools.islice(itertools.product(*options), cap)}
    return [usual, *sorted(others - {usual})]


def is_latin(text: str) -> bool:
    return bool(_LATIN_RE.fullmatch(text)) and any(c.isalpha() for c in text)


def pinyin_key(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalpha()).replace("ü", "u").replace("v", "u")


def clean_query(name: str) -> str:
    """Pinyin loses its tone marks (Línqīng); Chinese loses inner spaces and turns Simplified."""
    text = unicodedata.normalize("NFKC", name).strip()
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return bare if is_latin(bare) else to_simplified("".join(text.split()))
