"""A sentence's topic: 从GDP总量来看, 就一般公共预算收入看 opens a sentence whose sums name no metric of their own
(青岛以4620.3亿元总量, 只有禹城市超过300亿元); they are figures of the topic's metric."""

from __future__ import annotations

import re

from knowledge.extract.clauses import FILL, mask_spans
from knowledge.extract.metricphrase import metric_name
from knowledge.extract.metrics import metrics
from knowledge.extract.restated import base_unit

_TOPIC = re.compile(r"(?:而|再)?(?:从|就)(?P<metric>[\u4e00-\u9fffA-Z]{2,12}?)(?:来|上)?看")
_LISTED = "分别"
_DIGIT = re.compile(r"\d")
_CLAUSE = re.compile(r"[,;]")
_SUM = "元"  # the topic is read for sums only: a rate or a count names its own metric or none


def topic_metric(clause: str) -> str | None:
    """The catalogue metric a clause without a figure opens the sentence with, or None."""
    words = mask_spans(clause).replace(FILL, "").strip()  # 从前三季度GDP总量看: the period is no part of it
    topic = _TOPIC.fullmatch(words)
    if topic is None or (metric := metric_name(topic.group("metric"))) not in metrics():
        return None
    unit = metrics()[metric].unit
    return metric if unit is None or base_unit(unit) == _SUM else None


def topic_before(text: str) -> str | None:
    """The topic metric of the clauses of `text` (a sentence up to a list): 从GDP总量来看 before 甲、乙分别以
    a亿元和b亿元 names the metric of the list's sums, which name none of their own."""
    found = None
    for clause in _CLAUSE.split(text):
        if not _DIGIT.search(clause):
            found = topic_metric(clause) or found
    return found


def topic_fits(head: str, surface: str | None, unit: str | None) -> bool:
    """Does a sum whose words name no metric (`surface`) take the sentence's topic? `head` is its clause up to
    it: the sum comes first there (共有3个县市超过200亿元 is a count of places over a threshold), and in no 分别
    list, whose sums are other places' (烟台、济南分别以…), however the list was read."""
    return base_unit(unit) == _SUM and (surface is None or metric_name(surface, unit=unit) is None) \
        and _LISTED not in head and not _DIGIT.search(head)
