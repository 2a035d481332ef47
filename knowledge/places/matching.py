"""Where place forms occur in a text: one Aho-Corasick pass, then the covering that reads best."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path

import ahocorasick

# A short form right before one of these names a street or an institution elsewhere (青岛's 聊城路).
STREET_WORDS = ("路", "街", "巷", "大道", "大街", "大学", "胡同")
# The first months or quarters of a year (前三季度, 前5个月, 首季, 首半年) open a word after a place's name:
# 厦门前三季度 is 厦门 + 前三季度, though 门前 is a word.
_FIRST_PART_OF_YEAR = re.compile(r"[前首](?:[一二三四五六七八九十两\d]|季|半年)")
# Characters that stand alone as a conjunction or preposition (and, or, at, to, from …): a two-character
# name made of one of them and its suffix (和县) is read as that word when its suffix starts the name of
# an organ of that level (县委, 县政府): 部署和县委… is "deploy, and the county committee".
FUNCTION_CHARACTERS = frozenset("和与及并或在对向从把被将让给于由跟同")
SUFFIXES = "省市区县"
OFFICE_WORDS = ("委", "政府", "人大", "政协")  # after a suffix: 县委, 市政府, 区人大, 省政协


class FormMatcher:
    """Finds every known form in a text in one automaton pass; `guarded` forms must also look like words."""

    def __init__(self, forms: Iterable[str], guarded: set[str], *, simplified: dict[str, str] | None = None) -> None:
        """`simplified` gives the Simplified writing of Traditional forms (中山區 → 中山区): whether a form is
        read where it stands is judged on that writing."""
        self._automaton = ahocorasick.Automaton()
        for form in forms:
            self._automaton.add_word(form, len(form))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()
        # Where a form may start: its first two characters. pyahocorasick looks a character up among a
        # node's children one by one, and the root has over a thousand (every first character of a place),
        # so the automaton is run only over the stretches that may hold a form (a third of the time).
        known = list(self._automaton.keys())
        self._openings = frozenset(form[:2] for form in known)
        self._reach = max(map(len, known), default=0)
        self._windowed = bool(known) and min(map(len, known)) >= 2
        self._guarded = guarded
        self._simplified = simplified or {}
        # the same sentence is scanned with and without a city context: the spans do not depend on it
        self.spans = lru_cache(maxsize=4096)(self._longest_spans)

    def _longest_spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """Non-overlapping spans covering the most text, then with the fewest (so longest) forms.

        Plain leftmost-longest would read 青岛市南区 as 青岛市 + 南区; covering the most gives 青岛 + 市南区.
        """
        if self._empty:
            return ()
        spans = []
        for last, length in self.occurrences(text):
            start = last + 1 - length
            surface = text[start:last + 1]
            written = self._simplified.get(surface, surface)
            if ((surface not in self._guarded or plausible(text, start, written))
                    and not function_word_then_office(text, start, written)
                    and not tail_of_a_word(text, start, written)):
                spans.append((start, last + 1))
        spans.sort(key=lambda span: (span[0], -span[1]))  # at one start, the longer form first
        starts = [start for start, _end in spans]
        best = [(0, 0)] * (len(spans) + 1)  # (characters covered, -forms used) from span k onwards
        take = [False] * len(spans)
        for k in range(len(spans) - 1, -1, -1):
            start, end = spans[k]
            after = best[bisect_left(starts, end)]
            with_k = (after[0] + end - start, after[1] - 1)
            take[k] = with_k >= best[k + 1]
            best[k] = with_k if take[k] else best[k + 1]
        chosen, k = [], 0
        while k < len(spans):
            if take[k]:
                chosen.append(spans[k])
                k = bisect_left(starts, spans[k][1])
            else:
                k += 1
        return tuple(chosen)


    def occurrences(self, text: str) -> Iterator[tuple[int, int]]:
        """(last index, length) of every occurrence of every form, as the automaton's `iter` gives them."""
        if not self._windowed:
            yield from self._automaton.iter(text)
            return
        openings, start, end = self._openings, 0, -1
        for i in [i for i in range(len(text) - 1) if text[i : i + 2] in openings]:  # where a form may start
            if i >= end and end > 0:
                yield from self._automaton.iter(text, start, min(end, len(text)))
            if i >= end:
                start = i
            end = i + self._reach  # a form starting here ends within its reach
        if end > 0:
            yield from self._automaton.iter(text, start, min(end, len(text)))


def plausible(text: str, start: int, surface: str) -> bool:
    """A short form (`surface`, Simplified) is refused before a street word or where it ends inside a word
    (新平|台, 提高|青年)."""
    end = start + len(surface)
    if text.startswith(STREET_WORDS, end):
        return False
    if end == len(text):
        return True
    # 山东|经济: the straddled word (东经) loses when the text after the form is a word of its own (经济)
    return (surface[-1] + text[end] not in common_words() or text[end : end + 2] in common_words()
            or _FIRST_PART_OF_YEAR.match(text, end) is not None)


def function_word_then_office(text: str, start: int, surface: str) -> bool:
    """部署和县委…: a name (`surface`, Simplified) of a function word and a suffix (和县) right before an
    office word (县委, 县政府) reads as that function word, then the office (和县经济, 和县上半年 stay 和县)."""
    return (len(surface) == 2 and surface[0] in FUNCTION_CHARACTERS and surface[1] in SUFFIXES
            and text.startswith(OFFICE_WORDS, start + 2))


def tail_of_a_word(text: str, start: int, surface: str) -> bool:
    """示范县: a name (`surface`, Simplified) of one character and a suffix (范县) whose character ends a
    word begun right before it (示范) is that word and a bare suffix; a longer name there (长沙县) is
    matched as itself."""
    return (len(surface) == 2 and surface[1] in SUFFIXES and start > 0
            and text[start - 1] + surface[0] in common_words())


COMMON_WORDS_FILE = "common_words.txt"  # in knowledge/data, from scripts/build_gazetteer.py --words-only
_COMMON_WORDS_HEADER = "# two-character words seen 100 times or more in jieba's dict.txt of {size} bytes (MIT)"


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Two-character words jieba has seen 100 times or more: enough to see a short form straddle two."""
    return read_common_words(Path(str(files("knowledge").joinpath("data", COMMON_WORDS_FILE))), jieba_dictionary())


def read_common_words(saved: Path, dictionary: Path) -> frozenset[str]:
    """The saved list when it was made from a dictionary of this one's size; else the dictionary's own
    words, which takes ten times as long (5 MB read and scanned)."""
    try:
        header, _, words = saved.read_text(encoding="utf-8").partition("\n")
    except FileNotFoundError:
        header, words = "", ""
    if header == _COMMON_WORDS_HEADER.format(size=dictionary.stat().st_size):
        return frozenset(words.split())
    return words_of_dictionary(dictionary)


def words_of_dictionary(dictionary: Path) -> frozenset[str]:
    return frozenset(re.findall(r"^(\S\S) \d{3,} ", dictionary.read_text(encoding="utf-8"), re.MULTILINE))


def common_words_file(dictionary: Path) -> str:
    """The text of the saved list for this jieba dictionary."""
    words = sorted(words_of_dictionary(dictionary))
    return "\n".join([_COMMON_WORDS_HEADER.format(size=dictionary.stat().st_size), *words]) + "\n"


def jieba_dictionary() -> Path:
    # found, not imported: importing jieba (and the pkg_resources it pulls in) costs a one-shot ask 0.2 s
    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba")
    return Path(spec.submodule_search_locations[0]) / "dict.txt"
