"""The clause grammar's span tagger: periods, comparison bases, anaphora and notes are blanked out of a
clause (offsets kept), so that the words left before a value are the metric's noun phrase."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.extract.periods import period_spans
from knowledge.extract.vocab import alternation

FILL = "\u3000"  # an ideographic space stands in for a blanked span: offsets and clause punctuation survive
_BLANKED = re.compile(
    rf"{alternation('comparison_bases', 'anaphora')}"
    r"|[\[【〔][\d一二三四五六七八九十]{1,2}[\]】〕]"  # a footnote mark: 地区生产总值[2]
    r"|[((]下同[))]|[((]注[^))]{0,20}[))]"
    r"|按[^,;。按]{1,10}?计算|扣除[^,;。]{1,12}?因素后?"  # how it was counted: 按常住人口计算, 扣除价格因素
)


@lru_cache(maxsize=16384)  # pure, and every clause is looked at once per pass
def mask_spans(clause: str) -> str:
    """`clause` with its period, comparison-base, anaphor and note spans replaced by FILL."""
    chars = list(clause)
    spans = period_spans(clause) + [m.span() for m in _BLANKED.finditer(clause)]
    for start, end in spans:
        chars[start:end] = FILL * (end - start)
    return "".join(chars)
