"""The quality checks on an open metric name (one outside the catalogue) that a stored fact must pass: a name
the grammar left as a clause or a fragment names no indicator, and its figure is better not stored.

- a name cut inside a number: 亿梯队成员 from 4千亿梯队成员, the magnitude of a figure taken for a word;
- a list of acts: 企业认定、政府认账授权企业, items that say what was done, not what is counted (an act that
  opens an item is the one the items share: 新增省级技术中心、工程研究中心 is kept).
"""

from __future__ import annotations

import re

from knowledge.extract.fact import ExtractedFact
from knowledge.extract.metrics import metrics
from knowledge.extract.nounphrase import tagged
from knowledge.extract.vocab import word_classes

_MAGNITUDE = "十百千万亿"
_ACT_TAGS = frozenset({"v", "vd"})
_DIGIT = re.compile(r"[\d.]")


def _is_open(fact: ExtractedFact) -> bool:
    return fact.metric not in metrics()


def is_cut_in_a_number(fact: ExtractedFact, _sentence: str = "") -> bool:
    """An open name that opens with a magnitude the surface writes after a digit (4千亿梯队成员 → 亿梯队成员)."""
    name, surface = fact.metric, fact.metric_surface
    if not _is_open(fact) or not name or name[0] not in _MAGNITUDE:
        return False
    at = surface.find(name)
    return at > 0 and (_DIGIT.match(surface[at - 1]) is not None or surface[at - 1] in _MAGNITUDE)


def is_a_list_of_acts(fact: ExtractedFact, _sentence: str = "") -> bool:
    """An open name listing items of which one says what was done (a verb, not a verbal noun)."""
    items = [item for item in fact.metric.split("、") if item]
    if not _is_open(fact) or len(items) < 2:
        return False
    heads = word_classes()["np_heads"]
    return any(tag in _ACT_TAGS and word not in heads for item in items for word, tag in tagged(item)[1:])
