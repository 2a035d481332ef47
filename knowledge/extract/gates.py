"""Refuse facts the extractor cannot read reliably: a wrong fact is worse than a missing one.

Each gate is one general reason to leave a fact out, measured on the development corpus:

- undated: neither the sentence, the article nor its publication gives a year, so nobody can say which
  period the figure is of (such facts were never right on the development corpus).

The others judge facts read from sentences only (a table's rows and columns name metric and period
outright), and most judge open metrics only (a catalogue name is a known indicator):

- a bare head: an open metric that is only a kind or a measure (企业, 行业, 零售额, 总产量; words in
  knowledge/data/gates.toml) says nothing of what it is of; the words that said which (汽车类零售额,
  粮食总产量) were elsewhere in the sentence.
- a one-word measure: an amount (元, 吨, 亩, %, or a growth rate alone) under an open name of one word
  before it (耕地96.5万亩, 开工率95%, 注册资本7737.8亿元) lacks what it measures or whose it is; a count
  (个体户1.7万户, 20个镇) is named by the thing counted, and so is an amount written before its thing
  (拿出2000万元财政资金): one word does that.
- a lone verb (新增, 开工) names an act, not a quantity, whatever unit follows it; and a rate of acts
  alone (开复工率, 完成率) does not say of which things.
- a flow as of a day: an amount of money or output, or a growth rate, dated to a single day (asof) names
  no span it was earned or produced in; the extractor fell back on a date (the publication's, a 目前) for
  want of a period. A stock (余额, 存栏, 产能; words in gates.toml) does stand at a date, and a count too.
- a name the text gives another figure: when the sentence writes the fact's words right after a different
  number (有8万家工业企业、0.6万家规上工业企业、900多家…), that number is theirs, and the value stored
  with them belongs to the next item of the list (quote marks aside: 3名“两院”院士 writes 两院院士).
- a bound on an open amount: 超过, 近, 约, 余 before a round figure (交易额超80亿元, 收入约35亿元) mark an
  estimate given in passing, and its words are seldom an indicator's name; an exact figure so given
  (营业收入超208.85亿元), a count of things, and a catalogue indicator (地区生产总值约420亿元) are kept.
- an occurrence: an open count in 次 (调度16次, 致贺信2次) is the times an act was done; its words name an
  actor or an act, not an indicator.

knowledge/extract/metric_quality.py holds the checks on an open name the grammar left as a clause or a fragment
(cut inside a number, a list of acts).

knowledge/extract/scope_gates.py holds the gates on whose figure a fact is and what it was measured against
(a sub-unit's, a place's name for a metric, a yardstick, two statements run together, a base year, a growth
restated).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import lru_cache

from knowledge.extract.fact import ExtractedFact
from knowledge.extract.metric_quality import is_a_list_of_acts, is_cut_in_a_number
from knowledge.extract.metrics import UNITS, metrics
from knowledge.extract.nounphrase import is_lone_verb, is_one_word, is_only_verbs
from knowledge.extract.scope_gates import (
    as_of_publication,
    fold_restated_growth,
    gate_words,
    is_a_firm_figure,
    is_a_lists_figure,
    is_a_plan,
    is_a_policy_count,
    is_a_sub_unit,
    is_a_yardstick_share,
    names_a_place,
    on_census_day,
    runs_statements_together,
    without_base_figures,
    without_base_year_growth,
)
from knowledge.text.document import Document

_INFERRED = "newest year mentioned"  # the publication dates inferred from the text (pipeline.infer_published)
_SPACES = re.compile(r"\s|(?<=\d),(?=\d)|[“”‘’\"]")  # spaces, quote marks, and the commas inside 16,197.6


def is_undated(fact: ExtractedFact) -> bool:
    """No stated or inferable year: the figure is of an unknown period."""
    return fact.period.kind == "undated" or fact.period.year is None


def is_open(fact: ExtractedFact) -> bool:
    """A metric outside the catalogue: the sentence's own words for it."""
    return fact.metric not in metrics()


def _words() -> dict[str, frozenset[str]]:
    return gate_words()


def bare_heads() -> frozenset[str]:
    """The kinds and measures that name nothing on their own (knowledge/data/gates.toml)."""
    return _words()["bare_kinds"] | _words()["bare_measures"]


def is_counted(unit: str | None) -> bool:
    """Does a figure in `unit` count things (户, 个, 万人) rather than measure an amount (亿元, 吨, %)?"""
    return unit is not None and unit.lstrip("万亿") in _words()["counters"]


def is_bare_head(fact: ExtractedFact, _sentence: str = "") -> bool:
    """An open metric that is only a kind or a measure, without what it is of."""
    return is_open(fact) and fact.metric in bare_heads()


def is_one_word_measure(fact: ExtractedFact, sentence: str) -> bool:
    """An open metric of one word whose figure is an amount, not a count, unless the name follows the figure."""
    if not is_open(fact) or is_counted(fact.unit) or not is_one_word(fact.metric):
        return False
    written = f"{fact.value_text}{fact.unit or ''}{fact.metric}"
    return fact.value_text is None or written not in sentence


def is_an_act(fact: ExtractedFact, _sentence: str = "") -> bool:
    """An open metric that is one verb, or the rate of acts alone (开复工率: the rate of whose starting work?)."""
    if not is_open(fact):
        return False
    act = fact.metric.removesuffix("率")
    return is_lone_verb(fact.metric) or (act != fact.metric and is_only_verbs(act))


def is_flow(fact: ExtractedFact) -> bool:
    """An amount of money or output, or a growth rate alone: a quantity over a span of time, not at a day."""
    if any(word in fact.metric for word in _words()["stock_words"]):
        return False
    if fact.value is None:
        return True
    unit = (fact.unit or "").lstrip("万亿千")
    return any(unit.endswith(flow) for flow in _words()["flow_units"])


def is_a_flow_at_a_day(fact: ExtractedFact, _sentence: str = "") -> bool:
    """A flow whose period is a single day."""
    return fact.period.kind == "asof" and is_flow(fact)


_NUMBER_AND_UNIT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?:多|余)?(?:万|亿)?(?:"
                              + "|".join(map(re.escape, sorted(UNITS, key=len, reverse=True))) + ")")


def is_paired_elsewhere(fact: ExtractedFact, sentence: str) -> bool:
    """The sentence writes the fact's metric words right after a number other than its value."""
    words = fact.metric_surface
    if fact.value_text is None or len(words) < 2:
        return False
    return any(sentence.startswith(words, end) and number != fact.value_text
               for end, number in _numbers_and_units(sentence))


@lru_cache(maxsize=1024)  # pure; every fact of a sentence looks at its numbers
def _numbers_and_units(sentence: str) -> tuple[tuple[int, str], ...]:
    """(end, number) of each number with a unit in `sentence`."""
    return tuple((m.end(), m.group(1)) for m in _NUMBER_AND_UNIT.finditer(sentence))


_BOUNDS = frozenset({"超过", "近", "约", "余"})


def is_a_bound(fact: ExtractedFact, _sentence: str = "") -> bool:
    """An open metric whose figure is a bound or a round figure (超过, 近, 约, 余), not an exact value."""
    if not is_open(fact) or is_counted(fact.unit) or fact.unit == "倍":
        return False  # a count names the things counted; 增长近3倍 is a change, its words name what grew
    return not _BOUNDS.isdisjoint(fact.qualifiers) and is_round(fact.value_text)


def is_round(value_text: str | None) -> bool:
    """6, 122, 5000, 1.7: two significant digits at most, the figure of a rough estimate (208.85 is exact)."""
    digits = (value_text or "").replace(".", "").strip("0")
    return len(digits) <= 2


def is_an_occurrence_count(fact: ExtractedFact, _sentence: str = "") -> bool:
    """An open metric counted in occurrences (调度16次, 致贺信2次): the times an act was done, whose words
    name an actor or an act, not an indicator (人次 counts people, and is kept)."""
    return is_open(fact) and (fact.unit or "").lstrip("万亿") in _words()["occurrence_units"]


_PROSE_GATES: tuple[Callable[[ExtractedFact, str], bool], ...] = (
    is_bare_head, is_one_word_measure, is_an_act, is_a_bound, is_a_flow_at_a_day, is_paired_elsewhere,
    is_an_occurrence_count, is_a_sub_unit, is_a_yardstick_share, runs_statements_together, is_a_plan,
    is_a_firm_figure, is_a_lists_figure, is_a_policy_count, is_cut_in_a_number, is_a_list_of_acts,
)


def reliable(facts: list[ExtractedFact], *, prose: list[ExtractedFact], doc: Document,
             place_words: Collection[str] = frozenset()) -> list[ExtractedFact]:
    """The facts that pass every gate, in their order; `prose` are those read from sentences (the rest
    come from tables, whose rows and columns name metric and period outright); `place_words` are the words
    that name a place on their own (Gazetteer.place_words)."""
    read = {id(f) for f in prose}
    texts = {s.position: _SPACES.sub("", s.text) for s in doc.sentences}
    facts = on_census_day(_prose_repaired(fold_restated_growth(facts, read), read, texts), texts, read)
    if doc.date_rule and not doc.date_rule.startswith(_INFERRED):
        facts = as_of_publication(facts, doc.published)  # a date guessed from the years named says nothing of this
    return [f for f in facts if not is_undated(f)
            and not (id(f) in read and (names_a_place(f, place_words)
                                        or any(gate(f, texts.get(f.sentence, "")) for gate in _PROSE_GATES)))]


def _prose_repaired(facts: list[ExtractedFact], read: set[int], texts: dict[int, str]) -> list[ExtractedFact]:
    """Growth rates measured from another year taken off the facts read from sentences, and the figures a
    change is measured from left out (scope_gates.without_base_figures)."""
    kept = {id(f) for f in without_base_year_growth([f for f in facts if id(f) in read], texts)}
    return without_base_figures([f for f in facts if id(f) not in read or id(f) in kept], texts, read)
