"""Other places' figures given in brackets beside the subject's: 增速高于全国(2.5%)、全省(3.6%),
GDP增速高于全国水平(4.1%). Each bracketed place gets its figure, of the quantity the clause compares, and only
when every item after the verb is a place with its value. And lists of places with their values in brackets
and no verb (广东(13.6万亿元)、江苏(12.8万亿元)…), of a catalogue metric the words before the list name."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from knowledge.extract.clauses import FILL, mask_spans
from knowledge.extract.context import ArticleContext
from knowledge.extract.forms import Listed, PeriodAt
from knowledge.extract.metricphrase import metric_name
from knowledge.extract.metrics import metrics
from knowledge.extract.vocab import alternation, word_classes
from knowledge.places.gazetteer import Region

if TYPE_CHECKING:
    from knowledge.extract.fact import ExtractedFact

_VERB = re.compile(alternation("yardstick_verbs"))
_BRACKETED = re.compile(
    rf"(?:{alternation('yardstick_words')})?[((](?P<num>-?\d+(?:\.\d+)?)(?P<unit>%|[万亿]?[\u4e00-\u9fff]{{1,3}})[))]"
)
_JOIN = re.compile(r"[、,和及与]")
_RATE = re.compile(rf"(?P<base>.*?)(?:{alternation('rate_heads')})$")
_CLAUSE_MARK = re.compile(r"[,;。:!?]")
_SENTENCE_MARK = re.compile(r"[,;。!?]")
_WHOLE = re.compile("|".join(w for w in word_classes()["anaphora"] if w.startswith("全")))
_END = re.compile(r"\s*(?:[,;。:!?]|$)")
_ITEM_VALUE = re.compile(r"[((](?P<num>\d+(?:\.\d+)?)(?P<unit>%|[万亿]?[\u4e00-\u9fff]{1,3})[))]")
_LIST_JOIN = re.compile(r"[、和及与]")
# the words that pick places out of a whole, at the end of the words before their list: 排名前三的省份为, 前五位
#依次是:, 位居前列的城市有
_SELECTOR = re.compile(
    rf"(?:(?:{alternation('list_selectors')})?(?:前|后)[\d一二三四五六七八九十]+(?:位|名|强)?|的|[::]"
    rf"|(?:{alternation('place_sets')})|(?:分别|依次)?(?:为|是|有|包括)|{alternation('list_selectors')})$"
)


def _has_brackets(text: str) -> bool:
    return "(" in text or "(" in text


def compared_places(text: str, ctx: ArticleContext, earlier: list[ExtractedFact]) -> list[ExtractedFact]:
    """The bracketed places' figures of the sentence `text`; `earlier` are the facts read before, last last."""
    out: list[ExtractedFact] = []
    if not _has_brackets(text):
        return out  # cheap test first: every value compared so is in brackets
    mentions = {at: (region, surface) for at, region, surface in ctx.places(text, (0, len(text)))}
    for word in _WHOLE.finditer(text):  # 全省, 全市: the unit the subject belongs to, as a yardstick
        if (found := ctx.subject_at(text, word.start(), clause=word.group(0))) is not None:
            mentions.setdefault(word.start(), found)
    for verb in _VERB.finditer(text):
        items: list[tuple[tuple[Region, str], re.Match[str]]] = []
        at = verb.end()
        while at in mentions and (m := _BRACKETED.match(text, at + len(mentions[at][1]))):
            items.append((mentions[at], m))
            at = m.end()
            if not (join := _JOIN.match(text, at)) or (at + 1) not in mentions:
                break
            at = join.end()
        if not items or not _END.match(text, at):
            continue  # not every item after the verb is a place with its value
        start = max((c.end() for c in _CLAUSE_MARK.finditer(text, 0, verb.start())), default=0)
        phrase = _bare(text, start, verb.start(), mentions)
        rate = _RATE.fullmatch(phrase)
        if rate is None:
            continue  # only a growth rate compared so is read: a level's yardstick names no quantity here
        metric = metric_name(rate.group("base")) if rate.group("base") else None
        referent = next((f for f in reversed([*earlier, *out]) if f.growth is not None
                         and (metric is None or f.metric == metric)), None)
        if referent is None:
            continue
        for (region, surface), m in items:
            if m.group("unit") != "%" or (value := _decimal(m.group("num"))) is None:
                continue
            out.append(replace(referent, region=region, region_surface=surface, value=None, value_text=None,
                               unit=None, growth=value, growth_pp=None, qualifiers=[]))
    return out


def bracketed_places(text: str, ctx: ArticleContext, period_at: PeriodAt) -> list[Listed]:
    """广东省(13.6万亿元)、江苏省(12.8万亿元)、山东省(9.2万亿元) after 地区生产总值排名前三的省份为: each place gets
    its value, when the words before the list (less places, periods and the words that pick the places) are
    a catalogue metric, or its 增速 for values in %; a list whose metric the sentence does not name is left."""
    out: list[Listed] = []
    if not _has_brackets(text):
        return out  # cheap test first: every value listed so is in brackets
    mentions = {at: (region, surface) for at, region, surface in ctx.places(text, (0, len(text)))}
    end = -1
    for first in sorted(mentions):
        if first < end:
            continue
        items: list[tuple[tuple[Region, str], re.Match[str]]] = []
        at = first
        while at in mentions and (m := _ITEM_VALUE.match(text, at + len(mentions[at][1]))):
            items.append((mentions[at], m))
            at = m.end()
            if not (join := _LIST_JOIN.match(text, at)) or join.end() not in mentions:
                break
            at = join.end()
        if len(items) < 2 or len({m.group("unit") for _p, m in items}) > 1:
            continue
        end = at
        start = max((c.end() for c in _SENTENCE_MARK.finditer(text, 0, first)), default=0)
        named = _listed_metric(_unselected(_bare(text, start, first, mentions)), items[0][1].group("unit"))
        if named is None:
            continue
        metric, growth = named
        for (region, surface), m in items:
            if (value := _decimal(m.group("num"))) is None:
                continue
            if growth:
                out.append(Listed(m.start("num"), region, surface, metric, metric, None, None, None,
                                  period_at(m.start()), growth=value))
            else:
                out.append(Listed(m.start("num"), region, surface, metric, metric, value, m.group("num"),
                                  m.group("unit"), period_at(m.start())))
    return out


def _unselected(phrase: str) -> str:
    """地区生产总值排名前三的省份为 → 地区生产总值: the words picking the places out taken off the end."""
    while (cut := _SELECTOR.sub("", phrase)) != phrase:
        phrase = cut
    return phrase


def _listed_metric(phrase: str, unit: str) -> tuple[str, bool] | None:
    """(metric, is its growth) the phrase before a bracketed list names, or None: only a catalogue metric."""
    rate = _RATE.fullmatch(phrase)
    if unit == "%" and rate is not None and (base := metric_name(rate.group("base"))) in metrics():
        return base, True
    metric = metric_name(phrase) if phrase else None
    if metric not in metrics() or (unit == "%") != (metrics()[metric].unit == "%"):
        return None
    return metric, False


def _bare(text: str, start: int, end: int, mentions: dict[int, tuple[Region, str]]) -> str:
    """The clause's words before the verb without places, periods and blanks: 山东上半年GDP增速 → GDP增速."""
    words = list(mask_spans(text[start:end]))
    for at, (_region, surface) in mentions.items():
        if start <= at < end:
            words[at - start : at - start + len(surface)] = FILL * len(surface)
    return "".join(words).replace(FILL, "").strip()


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None
