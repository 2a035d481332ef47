"""Whose a bare measure is: the things a sentence counted, carried into its later clauses.

A writer names the things once (省级重点项目120个) and then gives their measures with nothing but an act
and a head (开复工率91%, 投资完成率65%); the measure is theirs. What counts as bare is read off jieba's tags:
the words before the head are acts (verbs, verbal nouns), perhaps with the amount acted on, not things. A
catalogue indicator names a quantity of its own and is never glued to an owner, and neither is a measure
whose own words say whose it is (人均消费支出, 贷款余额).
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.extract.metric_ellipsis import complete_metric
from knowledge.extract.metricphrase import strip_words
from knowledge.extract.metrics import UNITS, canonical_metric, metric_in_phrase
from knowledge.extract.nounphrase import is_lone_verb, noun_phrase_in, tagged
from knowledge.extract.scope_gates import gate_words
from knowledge.extract.vocab import word_classes

_CLASSES = word_classes()
_NOMINAL_HEADS = frozenset(_CLASSES["np_heads"])
# measure heads, longest first, so 总产值 is cut whole and not as 产值
_HEADS = tuple(sorted({*_CLASSES["np_heads"], *_CLASSES["elliptical_heads"], *_CLASSES["measure_heads"]}
                      - set(_CLASSES["kind_heads"]), key=len, reverse=True))
_OBJECT_HEADS = frozenset(_CLASSES["object_heads"])
_ACT_TAGS = frozenset(_CLASSES["act_tags"])
_FRESH = _CLASSES["fresh_prefixes"]  # 新开工, 新建: "newly" before an act is part of the act
_THING_TAGS = ("n", "j", "b", "l", "i")
_COUNT_UNITS = frozenset(_CLASSES["count_units"])
_TOTALITY = frozenset(_CLASSES["totality_words"])
_UNIT_RE = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_FIGURE = re.compile(rf"\d+(?:\.\d+)?(?:余|多)?(?P<unit>(?:万|亿)?(?:{_UNIT_RE}))")
# the things a count names when it comes first: 162个重点项目, 120个重点项目全部开工
_THING_AFTER = re.compile(r"([\u4e00-\u9fff“”]{2,20})(?=$|[,、;。:])")


def clause_topic(words: str, topic: str | None) -> str | None:
    """The things the sentence is counting once its clause `words` (spans blanked, places dropped) are read:
    重点项目 after 重点项目开工120个 or 120个重点项目全部开工 (a count of named things sets it), kept through
    counts of acts alone (开复工152个) and bare measures (开工率91%), dropped at a figure named otherwise
    (地区生产总值500亿元)."""
    cursor = 0
    for m in _FIGURE.finditer(words):
        named = strip_words(words[cursor : m.start()].lstrip("、及和与"))
        cursor = m.end()
        if _counts(m.group("unit")):
            # 重点项目开工120个 names the things before the count; 安排120个重点项目, after it
            before = bool(named) and not _is_only_acts(named)
            after = _THING_AFTER.match(words, m.end())
            found = owner_words(named if before else (after.group(1) if after else ""))
            if found is not None:
                topic = found
            elif before:
                topic = None
        elif named and not is_bare_measure(named) and not _is_only_acts(named):
            topic = None
    return topic


def owner_words(counted: str) -> str | None:
    """The things a count names: 省级重点项目 of itself, of 省级重点项目开工, of 省级重点项目全部开工 and of
    确定省级重点项目. None when nothing nominal is left, or only a kind that says nothing of which (项目)."""
    parts = list(tagged(counted))
    while parts and (_is_act(*parts[-1]) or parts[-1][0] in _NOMINAL_HEADS or parts[-1][0] in _TOTALITY
                     or parts[-1][1] == "d"):
        parts.pop()  # 重点项目全部开工, 金融机构存款: acts, measures and "all of them" are no part of whose
    # the noun phrase of what is left: 确定省级重点项目 → 省级重点项目, as the count itself is named
    owner = noun_phrase_in("".join(w for w, _t in parts)) if parts else None
    if owner is None or len(owner) < 2 or owner in gate_words()["bare_kinds"] \
            or not any(t.startswith(_THING_TAGS) and w not in _NOMINAL_HEADS for w, t in tagged(owner)):
        return None
    return owner


@lru_cache(maxsize=8192)  # pure, asked of the same measure words at every figure
def is_bare_measure(phrase: str) -> bool:
    """开复工率, 投资完成率, 销售产值: a head after acts only (and perhaps the amount acted on), which says what
    was done but not to whose things; 人均消费支出, 贷款余额, 工业产值 say whose, 新增贷款 is an act and the
    thing it was done to, and a catalogue indicator names a quantity of its own."""
    if canonical_metric(phrase) or metric_in_phrase(phrase):
        return False
    if (head := _head(phrase)) is None or head in _OBJECT_HEADS:
        return False
    parts = tagged(phrase[: -len(head)])
    acts = [_is_act(w, t) for w, t in parts]
    return any(acts) and all(act or w in _NOMINAL_HEADS for (w, _t), act in zip(parts, acts, strict=True))


def completed_metric(phrase: str, owner: str | None, previous: str | None) -> str | None:
    """The metric words of a figure: `phrase` completed from the metric before (complete_metric), or, when
    that leaves a bare measure, the measure of the things the sentence counted (`owner`)."""
    completed = complete_metric(phrase, previous)
    if completed != phrase or owner is None or owner in phrase or not is_bare_measure(phrase):
        return completed  # no metric, or one the clause chain completed (增加值 after 规模以上工业企业)
    glued = owner + phrase
    if canonical_metric(glued) is None and metric_in_phrase(glued) is not None:
        return phrase  # the catalogue would read the glued words as another indicator
    return glued


def _head(surface: str) -> str | None:
    return next((h for h in _HEADS if surface.endswith(h) and len(surface) > len(h)), None)


@lru_cache(maxsize=8192)  # pure: the same few act words (开复工, 已开工) come back clause after clause
def _is_only_acts(words: str) -> bool:
    """开复工, 已开工: acts alone (and adverbs), naming no thing."""
    parts = tagged(words)
    return any(_is_act(w, t) for w, t in parts) and all(_is_act(w, t) or t == "d" for w, t in parts)


def _is_act(word: str, tag: str) -> bool:
    if tag in _ACT_TAGS:
        return True
    fresh = next((p for p in _FRESH if word.startswith(p) and len(word) > len(p)), None)
    return fresh is not None and is_lone_verb(word[len(fresh) :])


def _counts(unit: str | None) -> bool:
    return unit is not None and unit.lstrip("万亿") in _COUNT_UNITS
