"""Elliptical metric phrases completed from the one named before them in the clause chain: 增加值 after 规模以上
工业企业 → 规上工业增加值, 总投资 after 重点项目 → 重点项目总投资, 占…比重 → X占…比重, a bare thing taking the measure
head of the quantity before it (果用瓜 after 蔬菜播种面积 → 果用瓜播种面积). knowledge/extract/metricphrase.py reads
the phrase itself."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.extract.entities import MASK
from knowledge.extract.metricphrase import PARK, metric_name
from knowledge.extract.metrics import canonical_metric, metric_in_phrase
from knowledge.extract.nounphrase import is_one_word, noun_phrase_in
from knowledge.extract.vocab import alternation, word_classes

_CLASSES = word_classes()
_ELLIPTICAL = _CLASSES["elliptical_heads"]
_MEASURE_HEADS = _CLASSES["measure_heads"]
_QUANTITY_WORD = re.compile(r"[额量数率值价比]$|增|减")
# A growth or averaging word left in a phrase means the value after it is a rate of change of something
# named earlier (…增长2.9%、7.7%; 两年平均增长), not a metric of its own.
_RATE_LEFT = re.compile(rf"(?:{alternation('growth_up', 'growth_down')})(?:\d|$)")
# A verb right before a count means the noun comes after it (聚焦20条重点产业链): not a stated figure.
_BARE_VERBS = frozenset(_CLASSES["bare_verbs"])
_GENERIC_WORDS = frozenset(_CLASSES["generic_words"]) | {""}
_OUTPUT_HEADS = ("产量", *_CLASSES["output_heads"])  # 养殖产量, 蔬菜总产量: an output, whose value (产值) may follow
# Totals that only make sense attached to the metric just before: 重点项目107个,总投资763亿元; …,增量2811亿元.
_ATTACHED = _CLASSES["attached_heads"]
_SHARED_ACT = re.compile(rf"(?:(?:{alternation('shared_acts')})[、和]?)*(?:{alternation('shared_acts')})")
# 过500亿元的 after 地区生产总值过千亿元的县: a bar on a sum, named without the quantity it bars
_BAR = re.compile(rf"^(?:{alternation('bar_words')})(?=[\d百千万亿])")
_BAR_INSIDE = re.compile(rf"(?:{alternation('bar_words')})(?=[\d百千万亿])")
# 全国31个省市, 两市: places counted or named, not a quantity of the subject
_PLACE_SET = re.compile(rf"^(?:[两二三四五六七八九十\d]+个?)?(?:{alternation('place_sets')})$")
# 对经济增长贡献率, 对全部投资增长贡献率: the contribution of the metric named before to a total's growth
_CONTRIBUTION = re.compile(r"^对[\u4e00-\u9fffA-Z]{1,10}增长的?贡献率$")
_SHARE_HEADS = ("占比", "比重")
# 园区, 产业园区 alone: the kind of thing a count counts (启动8个园区规划建设), not one park whose details are given
_PARK_KIND = re.compile(r"(?:产业|工业|科技)?园区?")
_CHANGE_RE = re.compile(r"(?:比|相比|较)\d*年?.*(?:多|少|增加|减少|提高|降低)|(?:增加|减少|降低了?|多|少)$")


@lru_cache(maxsize=8192)
def complete_metric(phrase: str, previous: str | None) -> str | None:
    """Fill in elliptical metrics from the one before: 增加值 → 规上工业增加值, 占…比重 → X占…比重."""
    if previous and phrase in _GENERIC_WORDS and phrase in _ELLIPTICAL and previous.endswith(_OUTPUT_HEADS):
        return _inherit_subject(phrase, previous)  # 海水养殖产量6.2万吨,实现产值2.8亿元: the value of that output
    if phrase in _GENERIC_WORDS or len(phrase) < 2 or MASK in phrase or phrase in _BARE_VERBS \
            or _PLACE_SET.match(phrase.replace(" ", "")):
        return None
    if any(verb in phrase for verb in _CLASSES["contribution_verbs"]):
        return None  # 拉动经济(增长4.1个百分点): a contribution to another quantity's growth
    if _RATE_LEFT.search(phrase):
        return None  # 增长2.9%、7.7% / 两年平均: a rate of change, its metric named before it
    if "项目" in phrase and not phrase.endswith(("项目", "项目数")) and not phrase.startswith("项目") \
            and "重点项目" not in phrase:
        return None  # a single project's details, not a regional figure
    if previous and _CONTRIBUTION.match(phrase):
        return subject_of(previous) + phrase  # 第三产业增加值…,对经济增长贡献率 → 第三产业对经济增长贡献率
    if _CHANGE_RE.search(phrase) or (phrase.startswith(("每", "按照", "对", "向", "从", "与", "和"))
                                     and canonical_metric(phrase) is None) \
            or phrase.endswith(("和", "及", "与")) or (PARK.search(phrase) and not _PARK_KIND.fullmatch(phrase)):
        return None  # a change (比2017年多5个), a per-unit figure or a prepositional phrase, not a level
        # (a catalogue indicator per head, 每万人口发明专利拥有量, is one)
    if phrase in _ATTACHED:
        return f"{_counted_things(previous)}{phrase}" if previous else None
    if previous and _is_bare_rate(phrase) and (owner := metric_name(previous)) and _names_things(owner):
        return owner + phrase  # 86个重点项目开工建设,开工率91.2%: the rate of the things just counted
    if previous and _BAR.match(phrase):
        phrase = _measure_of_bar(previous) + phrase
    if previous and phrase.endswith("的") and "的" in previous:
        return phrase + previous.rpartition("的")[2]  # …过千亿元的县有16个,过500亿元的有49个
    if previous and phrase.startswith(("占", "在")):
        return previous + phrase
    if previous and phrase in _ELLIPTICAL:
        return _inherit_subject(phrase, previous)
    return phrase


def _measure_of_bar(previous: str) -> str:
    """地区生产总值 of 地区生产总值过千亿元的县, for a bar after it named without its quantity (过500亿元的)."""
    at = next((m.start() for m in _BAR_INSIDE.finditer(previous) if m.start() >= 2), None)
    measure = previous[:at] if at is not None else ""
    return measure if measure and noun_phrase_in(measure) == measure else ""


def with_shared_act(phrase: str, first: str) -> str:
    """产业路 after 新建村组公路 in one list: the item takes the act its list's item before it was named with."""
    act = _SHARED_ACT.match(first)
    if act is None or _SHARED_ACT.match(phrase) or len(first) <= act.end():
        return phrase
    return act.group(0) + phrase


def _counted_things(previous: str) -> str:
    """确定重点项目 → 重点项目, 省级重点项目总数 → 省级重点项目: what an attached total (总投资) is of, without the
    verb that introduced it or the measure of its count."""
    things = noun_phrase_in(previous) or previous
    for measure in _CLASSES["count_measures"]:
        if things.endswith(measure) and len(things) > len(measure) + 1:
            return things[: -len(measure)]
    return things


def _is_bare_rate(phrase: str) -> bool:
    """开工率, 开复工率: a rate of one word that says not whose it is (城镇化率 and the catalogue's say so)."""
    return phrase.endswith("率") and canonical_metric(phrase) is None and is_one_word(phrase)


def _names_things(metric: str) -> bool:
    """重点项目, 省级重点建设类项目: things counted, not an amount (增加值, 总投资, 存款余额, 城镇化率)."""
    return not (_QUANTITY_WORD.search(metric) or metric.endswith(_MEASURE_HEADS + _ELLIPTICAL + _CLASSES["np_heads"]))


def with_head(phrase: str, previous: str | None) -> str:
    """果用瓜 after 蔬菜播种面积 (in the same unit) → 果用瓜播种面积: a bare thing takes the measure head of the
    quantity before it; a phrase naming a quantity of its own keeps its words."""
    # a thing is short; 交通运输、仓储邮政业 is one industry named by two words
    longest = max(map(len, phrase.split("、")))
    if previous is None or longest > 8 or canonical_metric(phrase) or metric_in_phrase(phrase) \
            or phrase.endswith(_MEASURE_HEADS + _CLASSES["np_heads"] + _ELLIPTICAL) or _QUANTITY_WORD.search(phrase):
        return phrase  # 净增额, 增粮: a quantity of its own, not a thing
    head = next((h for h in _MEASURE_HEADS if previous.endswith(h) and len(previous) > len(h)), None)
    if head is None or noun_phrase_in(phrase) != phrase:
        return phrase
    return phrase + head


def subject_of(metric: str) -> str:
    """第三产业增加值 → 第三产业, 服务业占比 → 服务业: the metric's subject words without its measure head."""
    for head in sorted(_ELLIPTICAL + _SHARE_HEADS, key=len, reverse=True):
        if metric.endswith(head) and len(metric) > len(head) + 1:
            return metric[: -len(head)]
    return metric


def _inherit_subject(phrase: str, previous: str) -> str:
    """规模以上工业企业1860家,…主营业务收入7003.4亿元: the elliptical head takes the subject words of the
    metric before it in the clause chain (what is left of it once its own head is cut)."""
    for head in sorted(_ELLIPTICAL + _CLASSES["subject_heads"], key=len, reverse=True):
        if previous.endswith(head) and len(previous) > len(head):
            return previous[: -len(head)] + phrase
    return phrase
