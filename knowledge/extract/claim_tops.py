"""The top named by a superlative: 总量最高的城市为甲, 收入最多的乙 — the place holds the first rank of the
metric, among its peers (the unit above it), when the words before the superlative name a catalogue metric.

Word classes are data: knowledge/data/rankings.toml (tops; 最低/最慢 would count from the end)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from knowledge.extract.claim_metrics import aspect_of, clean, metrics
from knowledge.extract.claim_scope import scope_of_rank
from knowledge.extract.claim_words import alt, words
from knowledge.extract.context import ArticleContext
from knowledge.extract.metrics import canonical_metric, metric_in_phrase
from knowledge.text.document import Sentence

if TYPE_CHECKING:
    from knowledge.extract.claims import ExtractedClaim

_FASTEST = "最快"  # 增速最快的: the growth rate is ranked
_TOP = re.compile(
    rf"(?P<phrase>[^,;。:、\s]{{1,16}}?)(?P<top>{alt(words()['lists']['tops'])})的"
    rf"(?:(?:{alt(words()['group_units'])})?(?:则|是|为)+)?"
)
_TOP_WORDS = tuple(words()["lists"]["tops"])
_NO_SCOPE = re.compile(r"(?P<scope>)(?P<qual>)")
_OTHER_SCOPE = re.compile(rf"{alt([w for listed in words()['scopes'].values() for w in listed])}|历史|同期|以来")


def tops(sentence: Sentence, ctx: ArticleContext, headline: str | None) -> list[ExtractedClaim]:
    """总量最高的城市为青岛: one first-rank claim per superlative followed by the place that holds it."""
    from knowledge.extract.claims import ExtractedClaim

    out: list[ExtractedClaim] = []
    text = sentence.text
    if not any(w in text for w in _TOP_WORDS):
        return out  # cheap test first: the pattern needs a superlative
    for m in _TOP.finditer(text):
        held = [x for x in ctx.mentions(text[m.end() : m.end() + 12]) if x.start == 0]
        phrase = m["phrase"]
        if not held or _OTHER_SCOPE.search(phrase) or re.search(r"\d", phrase):
            continue  # 历史最高的, 全国最大的: a record or a stated scope (superlatives.py), not a peer rank
        metric = _metric(phrase, m["top"], headline, ctx)
        if metric is None:
            continue
        region = held[0].region
        unstated = _NO_SCOPE.match("")  # no scope word: the unit above the place
        scope_name = scope_of_rank(unstated, region, ctx)[1] if unstated else None
        if scope_name is None or scope_name == region.name:
            continue
        out.append(ExtractedClaim(region.name, "region", region.code, m.group(0) + held[0].surface, None, 1,
                                  metric, sentence.position, scope_name))
    return out


def _metric(phrase: str, top: str, headline: str | None, ctx: ArticleContext) -> str | None:
    """The catalogue metric before the superlative (总量 alone is the headline's), growth for 最快."""
    words_ = clean(phrase)
    base, aspect = aspect_of(words_)
    if aspect == "" and base != words_ and canonical_metric(words_):
        base = words_
    if base and not (canonical_metric(base) or metric_in_phrase(base)):
        return None  # an open phrase (风景最美的) names no figure
    named = metrics(words_, headline, ctx)
    metric = named[0] if len(named) == 1 else None
    if metric is None:
        return None
    return metric + "增速" if top == _FASTEST and not aspect_of(metric)[1] else metric
