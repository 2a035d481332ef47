"""The metric named before a value: what is left of the words once spans and predicates are cut, completed
from the clause chain (增加值 after 规模以上工业企业 → 规模以上工业增加值) and kept only if it names a quantity."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.extract.clauses import FILL
from knowledge.extract.entities import MASK
from knowledge.extract.metrics import canonical_metric, clean_phrase, metric_in_phrase, short_form
from knowledge.extract.nounphrase import (
    drop_leading_verb,
    first_word,
    is_lone_verb,
    is_one_word,
    last_object,
    names_an_action,
    noun_phrase_in,
)
from knowledge.extract.nounphrase import has_verb as _has_verb
from knowledge.extract.nounphrase import is_only_verbs as _only_verbs
from knowledge.extract.vocab import alternation, word_classes

_CLASSES = word_classes()
# an inner predicate is cut only with a word after it: 第一产业实现增加值, never 投资完成率
_INNER_PREDICATE = re.compile(rf"(?:{alternation('inner_predicates')})(?=[\u4e00-\u9fff]{{2}})")
_VERBS = _CLASSES["predicates"]
_VERB_AT_END = re.compile(f"(?:{alternation('predicates', 'currency_words', 'trailing_adverbs')})$")
# single characters begin nouns (有机产品, 现代服务业): only longer predicates are cut at the start
_VERB_AT_START = re.compile("|".join(sorted((re.escape(v) for v in _VERBS if len(v) > 1), key=len, reverse=True)))
_LEADING_NOISE = re.compile(rf"^(?:{alternation('leading_noise', 'anaphora')}|的)+")
_ELLIPTICAL = _CLASSES["elliptical_heads"]
_MEASURE_HEADS = _CLASSES["measure_heads"]
_QUANTITY_WORD = re.compile(r"[额量数率值价比]$|增|减")
_ACTION_UNITS = frozenset(_CLASSES["action_units"])
_COUNT_UNITS = frozenset(_CLASSES["count_units"])
# 占全国新增市场, 高于全省: a place named as the whole or the yardstick of the subject's own figure
_SCOPED = re.compile(rf"(?:{alternation('scope_markers')})\0")
_RANK_NOUNS = frozenset(_CLASSES["rank_nouns"])
# A growth or averaging word left in a phrase means the value after it is a rate of change of something
# named earlier (…增长2.9%、7.7%; 两年平均增长), not a metric of its own.
_RATE_LEFT = re.compile(rf"(?:{alternation('growth_up', 'growth_down')})(?:\d|$)")
_AVERAGING = re.compile(rf"^(?:{alternation('averaging')})")
# A verb right before a count means the noun comes after it (聚焦20条重点产业链): not a stated figure.
_BARE_VERBS = frozenset(_CLASSES["bare_verbs"])
_GENERIC_WORDS = frozenset(_CLASSES["generic_words"]) | {""}
_OUTPUT_HEADS = ("产量", *_CLASSES["output_heads"])  # 养殖产量, 蔬菜总产量: an output, whose value (产值) may follow
# Totals that only make sense attached to the metric just before: 重点项目107个,总投资763亿元; …,增量2811亿元.
_ATTACHED = _CLASSES["attached_heads"]
_PLANS = tuple(_CLASSES["plan_words"])
_COUNT_LEAD = re.compile(r"^\d+(?:\.\d+)?[个家项所条]")  # 29个省级重点项目…: the things counted, not their number
_SHARED_ACT = re.compile(rf"(?:(?:{alternation('shared_acts')})[、和]?)*(?:{alternation('shared_acts')})")
# 过500亿元的 after 地区生产总值过千亿元的县: a bar on a sum, named without the quantity it bars
_BAR = re.compile(rf"^(?:{alternation('bar_words')})(?=[\d百千万亿])")
_BAR_INSIDE = re.compile(rf"(?:{alternation('bar_words')})(?=[\d百千万亿])")
_GROWTH_QUALIFIERS = frozenset(_CLASSES["growth_qualifiers"])
# 全国31个省市, 两市: places counted or named, not a quantity of the subject
_PLACE_SET = re.compile(rf"^(?:[两二三四五六七八九十\d]+个?)?(?:{alternation('place_sets')})$")
_PLACE_SETS = frozenset(_CLASSES["place_sets"])
# a count or amount inside the words before a value (为3120家企业发放补贴6400万元): what the value
# measures is the object of the last verb after it
_BENEFICIARY = re.compile(rf"^(?:{alternation('beneficiary_preps')})?\d")
_INNER_FIGURE = re.compile(r"\d+(?:\.\d+)?[万亿]?[\u4e00-\u9fff%]")
_DIGIT = re.compile(r"\d")
_LABELLED = re.compile(r"^“([^”]{1,10})”([\u4e00-\u9fff]{1,8})$")
_QUOTED = re.compile(r"^“[^”]{1,10}”")
_LABEL_AFTER = re.compile(r"^([\u4e00-\u9fff]{1,8})“([^”]{1,10})”$")
_TWO_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
_YARDSTICK = re.compile(r"(?:平均)?(?:水平)?$")
# 对经济增长贡献率, 对全部投资增长贡献率: the contribution of the metric named before to a total's growth
_CONTRIBUTION = re.compile(r"^对[\u4e00-\u9fffA-Z]{1,10}增长的?贡献率$")
_SHARE_HEADS = ("占比", "比重")
_HONOURED = re.compile(rf"(?P<noun>[\u4e00-\u9fff]{{1,6}}?)(?:{alternation('honour_verbs')})"
                       r"(?P<kind>[\u4e00-\u9fff“”]{2,24}?)(?=[,、。;]|$)")
_BATCH = re.compile(r"第[一二三四五六七八九十\d]+批")
_LISTED = re.compile(rf"(?:{alternation('honour_lists')})$")
_NOTED = re.compile(r"([^()]{1,10})\(([^()]{1,6})\)")
# 八大传统优势产业拉动工业产值增长: a part's pull on a whole's growth (knowledge/extract/points.py)
_PULLED = re.compile(rf"([^()]{{2,16}}?)(?:{alternation('contribution_verbs')})([^()]{{2,16}})增长")
_CHANGE_HEAD = "增量"  # the change of a metric over its period: 存款余额增量
# 第一产业增加值占生产总值的比重, 民生支出占一般公共预算支出的: a part (two characters at least), 占, the whole
_SHARE = re.compile(r"^(?P<part>[^占]{2,}?)占(?P<whole>[^占]+?)(?P<end>的|的?比重|的?比例)?$")
_SCOPE_WHOLE = re.compile(r"^全(?:国|省|市|县|区)")
# 1-9月工业总产值 with the month blanked leaves "1-": the start of a range, not part of the name
_PERIOD_LEFTOVER = re.compile(r"^\d{1,2}\s*[-—~至]\s*")
_TARGET_LEAD = re.compile(r"提出|力争|目标是|到\d{4}年")
_TOPIC = re.compile(r"方面")
_BRACKETED = re.compile(r"[((][^))]*[))]|《[^》]*》")
PARK = re.compile(r"产业园|园区|工业园|科技园")  # an industrial park named in a phrase
# 园区, 产业园区 alone: the kind of thing a count counts (启动8个园区规划建设), not one park whose details are given
_PARK_KIND = re.compile(r"(?:产业|工业|科技)?园区?")
_CHANGE_RE = re.compile(r"(?:比|相比|较)\d*年?.*(?:多|少|增加|减少|提高|降低)|(?:增加|减少|降低了?|多|少)$")


@lru_cache(maxsize=8192)  # pure, and the same phrases come back across articles
def strip_words(text: str) -> str:
    """The words before a value without blanked spans, brackets, target wording and predicates."""
    if (tail := _after_blank(text)) is not None:
        return tail
    text = _BRACKETED.sub("", text.replace(FILL, ""))
    # "提出力争到2026年产业规模": the metric starts after the target wording
    text = _TARGET_LEAD.split(text)[-1]
    # "投资和消费方面全市消费品市场零售额": a topic named with 方面 is not part of the metric after it
    text = _TOPIC.split(text)[-1]
    text = clean_phrase(_PERIOD_LEFTOVER.sub("", _INNER_PREDICATE.sub("", text)))
    text = _LEADING_NOISE.sub("", text)
    if (whole := _summed_parts(text)) is not None:
        return whole
    if text in _GROWTH_QUALIFIERS:
        return ""  # 实际增长8.1%: the growth of the metric named before it
    if _AVERAGING.match(text):
        return ""  # 两年平均增长: the average belongs to the metric named before it, and is not its growth
    changed = True
    while changed and text:
        changed = False
        end = _VERB_AT_END.search(text)
        if end and end.start() > 0:
            text, changed = text[: end.start()], True
        start = _VERB_AT_START.match(text)
        if start and len(text) > start.end() + 1:
            text, changed = text[start.end() :], True
        text = clean_phrase(text)
    if text in _VERBS or len(text) > 24 or (_DIGIT.search(text) and not _TWO_HAN.search(text)):
        return ""
    return text


_SUMMED = re.compile(r"^(?P<parts>(?:[\u4e00-\u9fff]{1,4}[、和及])+)(?P<last>[\u4e00-\u9fff]{3,16}?)"
                     r"(?:合计|总计|共计)$")
_PART_LENGTH = 4


def _summed_parts(text: str) -> str | None:
    """铁路、公路、水路旅客周转量合计 → 旅客周转量: the parts listed and summed give the catalogue indicator
    after the last of them; the list is its breakdown, not part of its name."""
    m = _SUMMED.match(text)
    if m is None:
        return None
    last = m.group("last")
    for cut in range(1, _PART_LENGTH + 1):
        if canonical_metric(last[cut:]) is not None:
            return last[cut:]
    return None


def _after_blank(text: str) -> str | None:
    """经济概况[全年]实现生产总值 → 生产总值: words, a blanked span, then a catalogue metric: the words before the
    span are a heading or a scope, unless with the metric they still name a catalogue one (城镇居民…收入)."""
    head, _, tail = text.strip(FILL).rpartition(FILL)
    head = head.replace(FILL, "")
    if len(head) < 2 or not tail:
        return None
    found = strip_words(tail)
    glued = strip_words(head + tail)
    if not found or canonical_metric(found) is None or canonical_metric(glued) or metric_in_phrase(glued):
        return None
    return found


@lru_cache(maxsize=16384)  # pure: a metric phrase is named again at every figure and every pass
def metric_name(surface: str, *, unit: str | None = None) -> str | None:
    """The catalogue name of a metric phrase; an open phrase only when it is a noun phrase (or, for a count
    of people or households, a phrase naming what was done for them), else None. An open name is written
    with the short forms of statistical writing (规模以上 as 规上, 限额以上单位 as 限上), as the catalogue is."""
    name = _metric_name(surface, unit=unit)
    return short_form(name) if name is not None and canonical_metric(name) is None else name


def _metric_name(surface: str, *, unit: str | None = None) -> str | None:
    if labelled := _LABELLED.match(surface):  # “免证办”事项: a quoted label before a noun names a kind of it
        head = noun_phrase_in(labelled.group(2))
        return f"“{labelled.group(1)}”{head}" if head else None
    if (known := canonical_metric(surface) or share_name(surface) or metric_in_phrase(surface)) is not None:
        return known
    if surface.endswith(_CHANGE_HEAD) and (base := canonical_metric(surface[: -len(_CHANGE_HEAD)])
                                          or metric_in_phrase(surface[: -len(_CHANGE_HEAD)])):
        return base + _CHANGE_HEAD  # GDP总量增量 → 地区生产总值增量
    if _DIGIT.search(surface):
        surface = object_after_figure(surface)
        if not surface:
            return None
        if (known := canonical_metric(surface)) is not None:
            return known
    if (output := _production(surface)) is not None:
        return output
    found = noun_phrase_in(surface)  # 规模以上工业企业发展至 → 规模以上工业企业 → 规上工业企业
    if found is None and unit and unit.lstrip("万亿") in _ACTION_UNITS and names_an_action(surface):
        return surface
    return (canonical_metric(found) or found) if found else None


def share_name(surface: str) -> str | None:
    """A part's share of a whole, named as the catalogue names shares: 第一产业增加值占生产总值的比重 → 第一产业占比,
    民生支出占一般公共预算支出的 → 民生支出占比; a share of the parent region keeps it (…占全省比重)."""
    m = _SHARE.match(surface)
    if m is None or not _TWO_HAN.search(m["part"]):
        return None
    part, whole = m["part"], m["whole"]
    scope = _SCOPE_WHOLE.match(whole)
    rest = whole[scope.end() :] if scope else whole
    if not m["end"] and not (rest and canonical_metric(rest)):
        return None  # 占全国新增市场份额, 占年度计划: a share named by its own words, or a rate of completion
    if whole.endswith(_PLANS):
        return f"{_COUNT_LEAD.sub('', part)}占{whole}比重"  # 完成投资占年度计划的64.6%: progress against a plan
    named = [part] + [part[: -len(h)] for h in _ELLIPTICAL if part.endswith(h) and len(part) > len(h) + 1]
    for name in named:
        if (known := canonical_metric(f"{name}占比")) is not None:
            return known
    if noun_phrase_in(part) != part:
        return None
    return f"{part}占{scope.group(0)}比重" if scope else f"{part}占比"


def _production(surface: str) -> str | None:
    """水果总产 → 水果产量: a crop's or product's output is named by the catalogue's head 产量."""
    for head in _CLASSES["output_heads"]:
        thing = surface.removesuffix(head)
        if thing != surface and len(thing) >= 2 and noun_phrase_in(thing) == thing:
            return canonical_metric(f"{thing}产量") or f"{thing}产量"
    return None


def is_metric_name(name: str, unit: str | None = None) -> bool:
    """Would `name` be stored as it is? A catalogue name, a labelled kind, a noun phrase, or an action counted
    in people: the check every stored name must pass."""
    if canonical_metric(name) is not None or (_QUOTED.match(name) and noun_phrase_in(name[name.index("”") + 1 :])):
        return True
    if is_lone_verb(name):
        return False  # 新增, 开工: an act, whatever it is counted in
    if noun_phrase_in(name) == name:
        return True
    if (noted := _NOTED.fullmatch(name)) and all(noun_phrase_in(part) == part for part in noted.groups()):
        return True  # 乡镇(街道): a noun and, in brackets, the other noun it counts with
    if (pulled := _PULLED.fullmatch(name)) and all(noun_phrase_in(part) == part for part in pulled.groups()):
        return True  # 高端装备产业拉动工业产值增长: two nouns, the part and the whole it pulls
    if unit is not None and unit.lstrip("万亿") in _COUNT_UNITS and _things_acted_on(name):
        return True  # 省级重点项目开工 (115个): of the things counted, how many the act was done to
    return unit is not None and unit.lstrip("万亿") in _ACTION_UNITS and names_an_action(name)


def _things_acted_on(name: str) -> bool:
    """省级重点项目开复工: a noun phrase naming things, then acts alone."""
    return any(_only_verbs(name[k:]) and noun_phrase_in(name[:k]) == name[:k] for k in range(2, len(name) - 1))


def object_after_figure(phrase: str) -> str:
    """Words before a value that hold a figure of their own: 发放创业担保贷款1.74万笔 → 创业担保贷款 (a count
    after the metric), 为5957家企业发放稳岗补贴 → 稳岗补贴 (whom it was for, then what), 17个重点行业增加值 →
    重点行业增加值; "" for a sum over places (15个省份GDP总量); 过500亿元的县 and 29个项目完成投资占… stay."""
    figures = list(_INNER_FIGURE.finditer(phrase))
    if not figures:
        return phrase
    last = figures[-1]
    if last.end() == len(phrase):
        head = object_after_figure(phrase[: last.start()]) if last.start() >= 2 else ""
        return drop_leading_verb(head) if head else ""
    rest = phrase[last.end() :]
    if first_word(rest) in _PLACE_SETS:
        return ""
    if phrase.startswith("的", last.end()):
        return phrase  # the figure qualifies the head: 过500亿元的县
    if not _BENEFICIARY.match(phrase) or "占" in phrase:
        return phrase  # 29个重点项目完成投资占年度计划: a share keeps its subject
    if (found := last_object(rest)) is not None:
        return found
    return rest if len(rest) >= 2 and not _has_verb(rest) else ""


def counted_noun(text: str) -> str:
    """The thing counted after a count (8938项事项“免证办”): the noun, its quoted label put before it."""
    if labelled := _LABEL_AFTER.match(text):
        return f"“{labelled.group(2)}”{labelled.group(1)}"
    noun = clean_phrase(text)
    return "" if noun in _RANK_NOUNS else noun


def honoured_kind(after: str) -> str | None:
    """4家企业入选省第三批瞪羚企业 → 省瞪羚企业, 2家企业获制造业单项冠军 → 制造业单项冠军企业: things counted
    by the kind they joined (a batch number is no part of the kind)."""
    if (m := _HONOURED.match(after)) is None:
        return None
    kind = clean_phrase(_BATCH.sub("", _LISTED.sub("", m.group("kind"))))
    if len(kind) < 2 or noun_phrase_in(kind) is None:
        return None
    # 集群 joining 特色产业群: a kind with the counted noun's head character is already a kind of those things
    return kind if kind.endswith((m.group("noun"), m.group("noun")[-1])) else kind + m.group("noun")


def names_other_places(phrase: str, surfaces: list[str]) -> bool:
    """孝感、黄冈 / 山东和浙江的GDP增速: a phrase still naming places after the subject was taken off is
    a list's size or a comparison between places, not the subject's own figure."""
    return any(len(s) > 1 and s in phrase and not _SCOPED.search(phrase.replace(s, "\0")) for s in surfaces)


def ends_with_place(phrase: str, surfaces: list[str]) -> bool:
    """增速高于全国(2.5%), 快于全省平均水平(5.5%): a figure right after a place is that place's, not the subject's."""
    bare = _YARDSTICK.sub("", phrase)
    return any(len(s) > 1 and bare.endswith(s) and bare != s for s in surfaces)


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
