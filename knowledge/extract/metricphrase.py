"""The metric named before a value: what is left of the words once spans and predicates are cut, kept only if
it names a quantity. Completing it from the clause chain (增加值 after 规模以上工业企业 → 规模以上工业增加值) is
knowledge/extract/metric_ellipsis.py."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.extract.clauses import FILL
from knowledge.extract.metrics import canonical_metric, clean_phrase, metric_in_phrase, short_form
from knowledge.extract.nounphrase import (
    drop_leading_verb,
    first_word,
    is_lone_verb,
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
_ACTION_UNITS = frozenset(_CLASSES["action_units"])
_COUNT_UNITS = frozenset(_CLASSES["count_units"])
# 占全国新增市场, 高于全省: a place named as the whole or the yardstick of the subject's own figure
_SCOPED = re.compile(rf"(?:{alternation('scope_markers')})\0")
_RANK_NOUNS = frozenset(_CLASSES["rank_nouns"])
_AVERAGING = re.compile(rf"^(?:{alternation('averaging')})")
_PLANS = tuple(_CLASSES["plan_words"])
_COUNT_LEAD = re.compile(r"^\d+(?:\.\d+)?[个家项所条]")  # 29个省级重点项目…: the things counted, not their number
_GROWTH_QUALIFIERS = frozenset(_CLASSES["growth_qualifiers"])
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
