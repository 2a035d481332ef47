"""Reading place names as people type them: cleaning a query, pinyin keys, and the homophone, look-alike
and OCR slips that the gazetteer forgives.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

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
_CONFUSABLE_CHARS = frozenset(c for pair in CONFUSABLES for c in pair)
_LATIN_RE = re.compile(r"[A-Za-z0-9 '’\-·.]+")


def ocr_variants(name: str) -> Iterator[str]:
    """The name with one character swapped for a look-alike from CONFUSABLES (full names of 3+ only)."""
    if len(name) < 3 or name[-1] not in "区县市" or _CONFUSABLE_CHARS.isdisjoint(name):
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


@lru_cache(maxsize=4096)
def sounds_alike(typed: str, meant: str) -> bool:
    """Would typing the usual pinyin of the character ``typed`` offer the character ``meant`` too? (Rare
    readings don't count: 广 yǎn.)"""
    return spoken(typed)[0] in char_readings(meant)


# --- pypinyin's readings, held compactly ---
# Importing pypinyin holds 52 MB for a serving bot (its phrase table decoded from JSON as nested lists of
# strings), for what fits in 2: its two data files are read here, without importing it, into packed strings.
# spoken() gives what pypinyin.lazy_pinyin (style NORMAL) gives, word for word (tests/places/test_fuzzy.py
# compares the two on every character and phrase it knows); build-time code may still import pypinyin.

# The characters pypinyin reads as Han, whatever the dictionary (its constants.RE_HANS): runs of them are
# split into phrases, anything else stays as written.
_HAN_RE = re.compile("[\u3007\ue815-\ue864\ufa18\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                     "\U00020000-\U0002A6DF\U0002A703-\U0002B73F\U0002B740-\U0002B81D\U0002B825-\U0002BF6E"
                     "\U0002C029-\U0002CE93\U0002D016\U0002D11B-\U0002EBD9\U0002F80A-\U0002FA1F"
                     "\U00030000-\U0003134A\U000300F7-\U00031288\U00030EDD\U00030EDE\U00031350-\U00032389]+")
# Style NORMAL: tone marks go, ü is written v, ê stays.
_TONELESS = str.maketrans({**{c: "a" for c in "āáǎà"}, **{c: "e" for c in "ēéěè"}, **{c: "i" for c in "īíǐì"},
                           **{c: "o" for c in "ōóǒò"}, **{c: "u" for c in "ūúǔù"}, **{c: "v" for c in "üǖǘǚǜ"},
                           **{c: "n" for c in "ńňǹ"}, "ḿ": "m", "ế": "ê", "ề": "ê",
                           "\u0300": None, "\u0301": None, "\u0304": None, "\u030c": None})
_PHRASE_RE = re.compile(r'"([^"]+)":\s*\[((?:\s*\[[^\]]*\],?)*)\s*\]')
_FIRST_READING_RE = re.compile(r'\[\s*"([^"]*)"')
_CHAR_RE = re.compile(r'"(\d+)":\s*"([^"]*)"')


class _Packed:
    """Sorted keys and their values, each kind in one string with offsets: a few bytes an entry."""

    def __init__(self, pairs: Callable[[], Iterable[tuple[str, str]]]) -> None:
        """`pairs` makes the entries; in key order they are packed as they come (no list of them all)."""
        try:
            self._pack(pairs(), check=True)
        except _OutOfOrder:
            self._pack(sorted(pairs()), check=False)

    def _pack(self, pairs: Iterable[tuple[str, str]], *, check: bool) -> None:
        self._key_ends, self._value_ends = array("I"), array("I")
        keys: list[str] = []
        values: list[str] = []
        previous = None
        for key, value in pairs:
            if check and previous is not None and key <= previous:
                raise _OutOfOrder
            previous = key
            for texts, ends, text in ((keys, self._key_ends, key), (values, self._value_ends, value)):
                ends.append((ends[-1] if ends else 0) + len(text))
                texts.append(text)
                if len(texts) % 1024 == 0:  # a string of every 1024: few objects alive at once
                    texts[-1024:] = ["".join(texts[-1024:])]
        self._keys, self._values = "".join(keys), "".join(values)

    def __len__(self) -> int:
        return len(self._key_ends)

    def __getitem__(self, i: int) -> str:  # the i-th key: enough for bisect
        return self._keys[self._key_ends[i - 1] if i else 0:self._key_ends[i]]

    def value(self, i: int) -> str:
        return self._values[self._value_ends[i - 1] if i else 0:self._value_ends[i]]

    def find(self, key: str) -> tuple[int, bool]:
        """Where `key` is or would be, and whether some key starts with it."""
        i = bisect_left(self, key)
        return i, i < len(self) and self[i].startswith(key)


class _OutOfOrder(Exception):
    pass


def _pypinyin_file(name: str) -> str:
    spec = find_spec("pypinyin")  # found, not imported: importing it loads both tables in full
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pypinyin")
    return (Path(spec.submodule_search_locations[0]) / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _chars() -> _Packed:
    """Each character's toneless readings, usual first, comma-separated."""
    text = _pypinyin_file("pinyin_dict.json")
    return _Packed(lambda: ((chr(int(m[1])), ",".join(dict.fromkeys(m[2].translate(_TONELESS).split(","))))
                            for m in _CHAR_RE.finditer(text)))


@lru_cache(maxsize=1)
def _phrases() -> _Packed:
    """Each phrase's toneless reading, one syllable per character, space-separated (the first reading of
    each, as pypinyin takes). Read with a pattern, not json: decoded, the file takes 35 MB."""
    text = _pypinyin_file("phrases_dict.json")
    return _Packed(lambda: ((m[1], " ".join(_FIRST_READING_RE.findall(m[2])).translate(_TONELESS))
                            for m in _PHRASE_RE.finditer(text)))


def char_readings(char: str) -> list[str]:
    """Every toneless reading of one character, the usual first; the character itself if it has none."""
    chars = _chars()
    i, _ = chars.find(char)
    return chars.value(i).split(",") if i < len(chars) and chars[i] == char else [char]


def spoken(text: str) -> list[str]:
    """The toneless reading of each character, as pypinyin.lazy_pinyin reads it: Han runs are cut into the
    longest phrases its dictionary knows, which give their own readings (重庆 chong qing); other text stays
    whole."""
    out: list[str] = []
    at = 0
    for run in _HAN_RE.finditer(text):
        if run.start() > at:
            out.append(text[at:run.start()])
        for word in _phrase_cut(run[0]):
            out.extend(_phrase_reading(word) if len(word) > 1 else char_readings(word)[:1])
        at = run.end()
    if at < len(text):
        out.append(text[at:])
    return out


def _phrase_reading(word: str) -> list[str]:
    phrases = _phrases()
    return phrases.value(phrases.find(word)[0]).split(" ")


def _phrase_cut(run: str) -> Iterator[str]:
    """pypinyin's forward maximum matching (its seg.mmseg, strict mode): at each point the longest phrase,
    else one character; a rest that only begins a phrase goes character by character."""
    phrases = _phrases()
    while run:
        longest = 0
        for end in range(1, len(run) + 1):
            i, begins = phrases.find(run[:end])
            if not begins:
                break
            if phrases[i] == run[:end]:
                longest = end
        else:
            if not longest:
                yield from run
                return
        if longest:
            yield run[:longest]
            run = run[longest:]
        else:
            yield run[0]
            run = run[1:]


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
