"""Figures in percentage points that qualify the fact just read rather than name a metric of their own: a part's
pull on a whole's growth (…产值增长11.2%,拉动全市工业产值增长2.6个百分点) is a figure of that part, named
〈part〉拉动〈whole〉增长."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from knowledge.extract.clauses import FILL
from knowledge.extract.metric_ellipsis import subject_of
from knowledge.extract.metricphrase import is_metric_name, metric_name
from knowledge.extract.vocab import alternation

if TYPE_CHECKING:
    from knowledge.extract.fact import ExtractedFact

# 拉动全市工业产值增长2.6个百分点: the verb, the whole pulled (its anaphor dropped) and the points
_PULL = re.compile(
    rf"(?:{alternation('contribution_verbs')})(?:{alternation('anaphora')})?"
    r"(?P<whole>[\u4e00-\u9fff]{2,16}?)增长(?P<num>\d+(?:\.\d+)?)个百分点"
)


def points_after(clause: str, last: ExtractedFact) -> ExtractedFact | None:
    """The clause `clause` (as written) when it is the pull in points of the fact `last`, read before it in the
    same sentence, on a whole's growth: a fact of its own, of `last`'s place and period, in 个百分点."""
    pull = _PULL.fullmatch(clause.replace(FILL, "").strip().rstrip("。"))
    # a part pulls a whole by growing: only after the part's own growth rate, and only a whole a metric names
    if pull is None or last.growth is None or metric_name(pull.group("whole")) is None:
        return None
    try:
        value = Decimal(pull.group("num"))
    except InvalidOperation:
        return None
    metric = f"{subject_of(last.metric_surface)}拉动{pull.group('whole')}增长"
    if not is_metric_name(metric, "个百分点"):
        return None  # the part is no noun phrase of its own
    return replace(last, metric=metric, metric_surface=metric, value=value, value_text=pull.group("num"),
                   unit="个百分点", growth=None, growth_pp=None, qualifiers=[])
