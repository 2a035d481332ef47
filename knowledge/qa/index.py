"""An in-memory index over the fact base, so answering never scans every fact.

Facts are keyed by region, by (region, metric) and by metric; rapidfuzz only scores the distinct metric
names (hundreds), never the facts themselves. Sentences have token postings for topic search. The index
is immutable once built; the service swaps in a new one atomically when the base changes.

Memory: at 100k facts a serving bot holds the index for its whole life, so facts are columns (FactTable)
and sentences, facts by sentence and postings are packed arrays and strings (knowledge/qa/packed.py); the
per-component figures are printed by bench/startup.py.
"""

from __future__ import annotations

import threading
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from sys import intern
from typing import NamedTuple, overload

from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.extract.periods import parse_label
from knowledge.qa.packed import ArticleOf, FactsBySentence, SentenceStore, build_postings, positions
from knowledge.store.models import Article, Claim, Entity, Fact, MentionRow, Ranking, RankingEntry, SentenceRow


@dataclass(frozen=True, slots=True)
class Source:
    article_id: int
    title: str
    published: date | None
    publisher: str | None


class FactRecord(NamedTuple):
    """One stored figure. A named tuple, not a dataclass: the fact table makes one on every read, and a
    tuple is made five times faster (records compare, hash and print as the frozen dataclass did)."""

    id: int
    region_code: str
    metric: str
    metric_surface: str
    value: float | None  # floats, not Decimals: a third of the memory, and value_text keeps the exact digits
    value_text: str | None
    unit: str | None
    growth: float | None
    growth_pp: float | None
    period_label: str
    qualifier: str | None
    article_id: int
    sentence_id: int

    @property
    def period_key(self) -> tuple[int, int]:
        return parse_label(self.period_label).sort_key


_make = FactRecord._make
_NONE = float("nan")  # a missing number in a float column (no stored figure is NaN)
_TEXT_BLOCK = 4096
RECENT_FACTS = 8192  # about 3 MB of records


class FactTable(Sequence[FactRecord]):
    """The facts as columns: arrays of numbers, and numbers into one table of the (few) distinct strings.

    A FactRecord per fact, with its floats, ints and strings, took about 300 bytes; a row here takes 90.
    Reading `facts[i]` makes the record afresh (equal to the one appended: records compare by value).
    """

    def __init__(self) -> None:
        self._strings: list[str | None] = [None]
        self._numbers: dict[str | None, int] = {None: 0}
        self._ints = array("q")  # id, article_id, sentence_id
        self._refs = array("I")  # region_code, metric, metric_surface, unit, period_label, qualifier
        self._floats = array("d")  # value, growth, growth_pp
        self._text_ends = array("I")  # value_text, packed by blocks; a missing one is flagged
        self._text_missing = bytearray()
        self._text_blocks: list[str] = []
        self._text_open: list[str] = []
        self._text_at = 0
        # The records read last, kept made: a question reads a region's facts, and the next one often too.
        self._recent = lru_cache(maxsize=RECENT_FACTS)(self._record)

    def _ref(self, text: str | None) -> int:
        number = self._numbers.get(text)
        if number is None:
            number = self._numbers[text] = len(self._strings)
            self._strings.append(text)
        return number

    def append(self, f: FactRecord) -> None:
        self._ints.extend((f.id, f.article_id, f.sentence_id))
        self._refs.extend(map(self._ref, (f.region_code, f.metric, f.metric_surface, f.unit, f.period_label,
                                          f.qualifier)))
        self._floats.extend(_NONE if x is None else x for x in (f.value, f.growth, f.growth_pp))
        self._text_missing.append(f.value_text is None)
        text = f.value_text or ""
        self._text_at += len(text)
        self._text_ends.append(self._text_at)
        self._text_open.append(text)
        if len(self._text_open) == _TEXT_BLOCK:
            self._text_blocks.append("".join(self._text_open))
            self._text_open, self._text_at = [], 0

    def _text(self, i: int) -> str:
        block, first = divmod(i, _TEXT_BLOCK)
        if block == len(self._text_blocks):
            return self._text_open[first]
        start = self._text_ends[i - 1] if first else 0
        return self._text_blocks[block][start:self._text_ends[i]]

    def __len__(self) -> int:
        return len(self._text_missing)

    @overload
    def __getitem__(self, i: int) -> FactRecord: ...

    @overload
    def __getitem__(self, i: slice) -> list[FactRecord]: ...

    def __getitem__(self, i: int | slice) -> FactRecord | list[FactRecord]:
        if isinstance(i, slice):
            return [self._record(k) for k in range(*i.indices(len(self)))]
        return self._recent(i + len(self._text_missing) if i < 0 else i)

    def _record(self, i: int) -> FactRecord:
        missing = self._text_missing[i]  # IndexError past the end
        ints, refs, floats, strings = self._ints, self._refs, self._floats, self._strings
        r, n = 6 * i, 3 * i
        value, growth, growth_pp = floats[n], floats[n + 1], floats[n + 2]
        return _make((ints[n], strings[refs[r]], strings[refs[r + 1]], strings[refs[r + 2]],
                      None if value != value else value, None if missing else self._text(i), strings[refs[r + 3]],
                      None if growth != growth else growth, None if growth_pp != growth_pp else growth_pp,
                      strings[refs[r + 4]], strings[refs[r + 5]], ints[n + 1], ints[n + 2]))

    def __iter__(self) -> Iterator[FactRecord]:
        return (self._record(i) for i in range(len(self)))  # a scan of all: past the cache


@dataclass(frozen=True, slots=True)
class EntryRecord:
    position: int | None
    name: str
    original: str | None
    region_code: str | None


@dataclass(frozen=True, slots=True)
class RankingRecord:
    id: int
    title: str
    kind: str
    scope_name: str | None
    period_label: str | None
    article_id: int
    sentence_id: int
    entries: tuple[EntryRecord, ...]


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    subject: str
    subject_kind: str
    region_code: str | None
    claim: str
    scope: str | None
    position: int | None
    about: str | None
    article_id: int
    sentence_id: int
    period_label: str | None = None  # the period the extractor read for the standing, when it read one


@dataclass(slots=True)
class Index:
    """Everything the answer layer looks up, in memory."""

    facts: FactTable = field(default_factory=FactTable)
    # fact indexes in arrays, not lists: 4 bytes each, with no int object behind
    by_region: dict[str, Sequence[int]] = field(default_factory=lambda: defaultdict[str, Sequence[int]](positions))
    by_region_metric: dict[tuple[str, str], Sequence[int]] = field(
        default_factory=lambda: defaultdict[tuple[str, str], Sequence[int]](positions))
    by_metric: dict[str, Sequence[int]] = field(default_factory=lambda: defaultdict[str, Sequence[int]](positions))
    metric_names: list[str] = field(default_factory=list)
    rankings: list[RankingRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    companies: dict[str, str] = field(default_factory=dict)  # any name form → canonical company name
    sources: dict[int, Source] = field(default_factory=dict)
    sentences: SentenceStore = field(default_factory=SentenceStore)
    postings: dict[str, array] = field(default_factory=dict)
    sentence_article: Mapping[int, int] = field(init=False)
    ranked_regions: set[str] = field(default_factory=set)
    warm_hook: Callable[[], None] | None = None
    _postings_ready: bool = False
    _postings_lock: threading.Lock = field(default_factory=threading.Lock)
    by_sentence: FactsBySentence = field(default_factory=FactsBySentence)
    entry_names: set[str] = field(default_factory=set)
    company_grams: dict[str, str] = field(default_factory=dict)
    version: int = 0
    # Example questions, verified answerable: the service sets them, or a source that makes them on first
    # use (asking each candidate loads jieba and pypinyin, which a one-shot question need not pay for).
    examples_source: Callable[[], list[str]] | None = None
    _examples: list[str] | None = None
    _examples_lock: threading.RLock = field(default_factory=threading.RLock)
    _examples_computing: bool = False
    _vocabulary: str | None = None

    def __post_init__(self) -> None:
        self.sentence_article = ArticleOf(self.sentences)

    @property
    def examples(self) -> list[str]:
        return self.ensure_examples()

    @examples.setter
    def examples(self, questions: list[str]) -> None:
        self._examples = questions

    def ensure_examples(self) -> list[str]:
        """The example questions, made by `examples_source` on first use."""
        if self._examples is None:
            with self._examples_lock:
                if self._examples_computing:
                    return []  # the source asks its candidates on this index: they see no examples yet
                if self._examples is None:
                    self._examples_computing = True
                    try:
                        self._examples = self.examples_source() if self.examples_source is not None else []
                    finally:
                        self._examples_computing = False
        return self._examples

    @property
    def vocabulary(self) -> str:
        """The base's own names in one text (metric names, ranking titles and scopes, claim scopes, list
        entries): a word found in it is a word of the base, not a place outside it."""
        if self._vocabulary is None:
            names = [*self.metric_names, *self.entry_names]
            names += [part for r in self.rankings for part in (r.title, r.scope_name) if part]
            names += [part for c in self.claims for part in (c.claim, c.scope, c.about) if part]
            self._vocabulary = "\n".join(names)
        return self._vocabulary

    def covers(self, code: str) -> bool:
        """Whether the base has a figure or a ranking entry for this place."""
        return code in self.by_region or code in self.ranked_regions

    @property
    def empty(self) -> bool:
        return not self.facts and not self.rankings

    def add_fact(self, fact: FactRecord) -> None:
        i = len(self.facts)
        self.facts.append(fact)
        _append(self.by_region[fact.region_code], i)
        _append(self.by_region_metric[(fact.region_code, fact.metric)], i)
        _append(self.by_metric[fact.metric], i)
        self.by_sentence.add(fact.sentence_id, i)

    def idf(self, token: str) -> float:
        import math

        return math.log((len(self.sentences) + 1) / (len(self.sentences_with(token)) + 1))

    def sentences_with(self, token: str) -> set[int]:
        """Sentences containing `token`: its postings, or (small bases only) a substring scan."""
        hits = self.ensure_postings().get(token)
        if hits is not None:
            return set(hits)
        if len(self.sentences) >= 5000:
            return set()
        return {sid for sid, text in self.sentences.items() if token in text}

    def add_sentence(self, sentence_id: int, article_id: int, text: str) -> None:
        """Add a sentence; ids must come in increasing order."""
        self.sentences.add(sentence_id, article_id, text)

    def ensure_postings(self) -> dict[str, array]:
        """Token postings for topic search, built on first use: jieba's dictionary takes most of a second
        to load, and a figure question never needs it. The bot builds them at start instead."""
        if self._postings_ready:
            return self.postings
        with self._postings_lock:
            if not self._postings_ready:
                if self.warm_hook is not None:
                    self.warm_hook()
                self.postings = build_postings(self.sentences)
                self._postings_ready = True
        return self.postings

    def finish(self) -> None:
        self.sentences.seal()
        self.by_sentence.seal()
        self.metric_names = sorted(self.by_metric)
        self.entry_names = {e.name for r in self.rankings for e in r.entries if len(e.name) >= 3 and not e.region_code}
        # four-character pieces of company names, so 大亚金属 finds 淄博大亚金属科技股份有限公司
        for name, canonical in sorted(self.companies.items(), key=lambda kv: len(kv[0])):
            for start in range(len(name) - 3):
                gram = name[start : start + 4]
                if not gram.endswith(("有限", "公司", "股份", "集团")):
                    self.company_grams.setdefault(gram, canonical)


def _append(found: Sequence[int], i: int) -> None:
    assert isinstance(found, array)  # the index's own arrays, read-only to everyone else
    found.append(i)


def build_index(engine: Engine, *, version: int = 0) -> Index:
    """Read the whole fact base into a fresh Index (a few hundred ms per 100k facts)."""
    index = Index(version=version)
    with Session(engine) as session:
        articles = sa_select(col(Article.id), col(Article.title), col(Article.published), col(Article.publisher))
        for aid, title, published, publisher in session.execute(articles):
            index.sources[aid] = Source(aid, title or "", published, publisher)
        # Plain column tuples, streamed: ORM objects for 100k rows would double the peak memory.
        query = sa_select(col(SentenceRow.id), col(SentenceRow.article_id), col(SentenceRow.text)).order_by(
            col(SentenceRow.id)).execution_options(yield_per=5000)
        rows = session.execute(query)
        for sid, aid, text in rows:
            index.add_sentence(sid, aid, text)
        columns = (Fact.id, Fact.region_code, Fact.metric, Fact.metric_surface, Fact.value, Fact.value_text, Fact.unit,
                   Fact.growth, Fact.growth_pp, Fact.period_label, Fact.qualifier, Fact.article_id, Fact.sentence_id)
        for f in session.execute(sa_select(*(col(c) for c in columns)).execution_options(yield_per=5000)):
            index.add_fact(FactRecord(
                f[0], intern(f[1]), intern(f[2]), intern(f[3]), _float(f[4]), f[5], _opt_intern(f[6]),
                _float(f[7]), _float(f[8]),
                intern(f[9]), _opt_intern(f[10]), f[11], f[12],
            ))
        _load_rankings(session, index)
        for c in session.exec(select(Claim)).all():
            index.claims.append(ClaimRecord(c.subject, c.subject_kind, c.region_code, c.claim, c.scope,
                                            c.position, c.about, c.article_id, c.sentence_id, c.period_label))
        mentioned = set(session.exec(select(MentionRow.entity_id)).all())
        for e in session.exec(select(Entity).where(Entity.kind == "company")).all():
            if e.id in mentioned:
                index.companies[e.name] = e.name
                if e.short:
                    index.companies.setdefault(e.short, e.name)
    for claim in index.claims:
        if claim.subject_kind == "company":
            index.companies.setdefault(claim.subject, claim.subject)
    index.finish()
    return index


def _float(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _opt_intern(text: str | None) -> str | None:
    return intern(text) if text is not None else None


def _load_rankings(session: Session, index: Index) -> None:
    entries: dict[int, list[EntryRecord]] = defaultdict(list)
    rows = session.exec(select(RankingEntry).order_by(col(RankingEntry.ranking_id), col(RankingEntry.id))).all()
    for e in rows:
        entries[e.ranking_id].append(EntryRecord(e.position, e.name, e.original_name, e.region_code))
    for r in session.exec(select(Ranking).order_by(col(Ranking.id))).all():
        assert r.id is not None  # read back from the database
        index.ranked_regions.update(e.region_code for e in entries.get(r.id, ()) if e.region_code)
        index.rankings.append(RankingRecord(r.id, r.title, r.kind, r.scope_name, r.period_label, r.article_id,
                                            r.sentence_id, tuple(entries.get(r.id, ()))))
