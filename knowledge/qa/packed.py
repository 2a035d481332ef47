"""Compact parts of the question index: sentence texts, facts by sentence and topic postings.

Each is a few arrays and long strings instead of a Python object per entry, which at 100k facts made most
of a serving bot's memory.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import ItemsView, Iterator, Mapping, ValuesView
from sys import intern

from knowledge.text.segment import cut

_STOP_TOKENS = set("的了和与及在是为对把被将从等,、。;:“”‘’()()《》 \n")
_BLOCK = 4096  # sentences per packed string: one rare astral character widens only its own block


class SentenceStore(Mapping[int, str]):
    """Sentence texts by id, packed: ids and article ids in arrays, texts joined into a few long strings.

    A dict of 178k sentence strings (with their int keys and a second dict for the articles) took 55 MB;
    packed they take the characters and 20 bytes each. Ids must be added in increasing order.
    """

    def __init__(self) -> None:
        self._ids = array("q")
        self._articles = array("q")
        self._ends = array("I")  # end of each text within its block
        self._blocks: list[str] = []
        self._open: list[str] = []  # texts of the block being filled
        self._at = 0

    def add(self, sentence_id: int, article_id: int, text: str) -> None:
        if self._ids and sentence_id <= self._ids[-1]:
            raise ValueError(f"sentence {sentence_id} added after {self._ids[-1]}")
        if len(self._blocks) * _BLOCK > len(self._ids):
            raise ValueError("the store is sealed")
        self._ids.append(sentence_id)
        self._articles.append(article_id)
        self._at += len(text)
        self._ends.append(self._at)
        self._open.append(text)
        if len(self._open) == _BLOCK:
            self.seal()

    def seal(self) -> None:
        """Join the last texts into their block: the store takes no more."""
        if self._open:
            self._blocks.append("".join(self._open))
            self._open, self._at = [], 0

    def _text(self, k: int) -> str:
        block, first = divmod(k, _BLOCK)
        if block == len(self._blocks):
            return self._open[first]
        start = self._ends[k - 1] if first else 0
        return self._blocks[block][start:self._ends[k]]

    def _position(self, sentence_id: int) -> int:
        k = bisect_left(self._ids, sentence_id)
        if k == len(self._ids) or self._ids[k] != sentence_id:
            raise KeyError(sentence_id)
        return k

    def __getitem__(self, sentence_id: int) -> str:
        return self._text(self._position(sentence_id))

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids)

    def items(self) -> ItemsView[int, str]:
        return _Items(self)

    def values(self) -> ValuesView[str]:
        return _Values(self)

    def last_id(self) -> int:
        return self._ids[-1] if self._ids else 0

    def article_of(self, sentence_id: int) -> int:
        return self._articles[self._position(sentence_id)]

    def in_order(self) -> Iterator[tuple[int, str]]:
        """(id, text) in id order, without a lookup each."""
        for k, sentence_id in enumerate(self._ids):
            yield sentence_id, self._text(k)


class _Items(ItemsView[int, str]):
    _mapping: SentenceStore

    def __iter__(self) -> Iterator[tuple[int, str]]:
        return self._mapping.in_order()


class _Values(ValuesView[str]):
    _mapping: SentenceStore

    def __iter__(self) -> Iterator[str]:
        return (text for _sid, text in self._mapping.in_order())


class ArticleOf(Mapping[int, int]):
    """sentence id → article id, read from the sentence store."""

    def __init__(self, store: SentenceStore) -> None:
        self._store = store

    def __getitem__(self, sentence_id: int) -> int:
        return self._store.article_of(sentence_id)

    def __len__(self) -> int:
        return len(self._store)

    def __iter__(self) -> Iterator[int]:
        return iter(self._store)


class FactsBySentence(Mapping[int, "array[int]"]):
    """sentence id → the indexes of its facts, in index order: two sorted arrays, not a list per sentence."""

    def __init__(self) -> None:
        self._sentences = array("q")
        self._facts = array("I")
        self._sorted = True

    def add(self, sentence_id: int, fact: int) -> None:
        if self._sentences and sentence_id < self._sentences[-1]:
            self._sorted = False
        self._sentences.append(sentence_id)
        self._facts.append(fact)

    def seal(self) -> None:
        """Sort what came out of order (facts mostly come sentence by sentence: then nothing is sorted)."""
        if not self._sorted:
            pairs = sorted(zip(self._sentences, self._facts, strict=True))
            self._sentences = array("q", (sid for sid, _ in pairs))
            self._facts = array("I", (fact for _, fact in pairs))
            self._sorted = True

    def __getitem__(self, sentence_id: int) -> array[int]:
        self.seal()
        start = bisect_left(self._sentences, sentence_id)
        end = bisect_right(self._sentences, sentence_id, lo=start)
        if end == start:
            raise KeyError(sentence_id)
        return self._facts[start:end]

    def __len__(self) -> int:
        self.seal()
        return len(dict.fromkeys(self._sentences))

    def __iter__(self) -> Iterator[int]:
        self.seal()
        return iter(dict.fromkeys(self._sentences))


def positions() -> array[int]:
    return array("I")


def build_postings(sentences: SentenceStore) -> dict[str, array]:
    """token → the ids of the sentences that hold it, in id order.

    Tokens are first written sentence by sentence into one array of token numbers, then turned around in
    one counting pass: growing an array per token as sentences come in left 60 MB of freed pieces behind.
    """
    numbers: dict[str, int] = {}
    tokens = array("I")
    ends = array("I")
    for _sid, text in sentences.in_order():
        for token in dict.fromkeys(cut(text)):
            if len(token) >= 2 and token not in _STOP_TOKENS:
                tokens.append(numbers.setdefault(token, len(numbers)))
        ends.append(len(tokens))
    counts = array("I", bytes(4 * len(numbers)))
    for number in tokens:
        counts[number] += 1
    code = "I" if sentences.last_id() < 2**32 else "q"
    lists = [array(code, bytes(array(code).itemsize * n)) for n in counts]
    filled = array("I", bytes(4 * len(numbers)))
    start = 0
    for sentence_id, end in zip(sentences, ends, strict=True):
        for k in range(start, end):
            number = tokens[k]
            lists[number][filled[number]] = sentence_id
            filled[number] += 1
        start = end
    return {intern(token): lists[number] for token, number in numbers.items()}
