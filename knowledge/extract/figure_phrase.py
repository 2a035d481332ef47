"""The words of one figure in a clause: the metric phrase named before it (or the thing counted after it), its
qualifiers (预计, 约, 以上, 目标…), and the level a growth rate led to (knowledge/extract/figures.py)."""

from __future__ import annotations

import re

from knowledge.extract.clauses import FILL
from knowledge.extract.fact import ExtractedFact
from knowledge.extract.figure_roles import is_count
from knowledge.extract.growths import decimal_of
from knowledge.extract.metricphrase import counted_noun, honoured_kind, metric_name
from knowledge.extract.metrics import pre_qualifier
from knowledge.extract.nounphrase import is_only_verbs
from knowledge.extract.vocab import alternation

_COUNT_VERBS = re.compile(
    r"(?:吸引了?|形成了?|已形成|拥有|聚集了?|集聚了?|入驻|引进了?|建成了?|打造了?|推动实现|实现|推出|谋划了?)$"
)
_TARGET_WORDS = re.compile(r"力争|目标|计划")
_OF_PLAN = re.compile(r"占(?:年度|全年|本年)?(?:计划|目标)")
# the thing a count names when it comes after it (推动294类证照对外共享, 12个推进组及…)
NOUN_AFTER = re.compile(
    r"([\u4e00-\u9fff“”A-Za-z]{2,20}?)(?:来|相继|抱团|落户|入驻|入选|$|的|,|、|。|(?:及|和|与)(?=\d)|[))]"
    rf"|{alternation('counted_predicates')})"
)
_RATE_BOUND = re.compile(alternation("rate_bounds"))
# 累计完成投资669亿元 after the things counted: the progress of their investment
_PROGRESS = re.compile(rf"(?P<verb>{alternation('progress_verbs')})(?P<object>{alternation('progress_objects')})$")


def take_value(fact: ExtractedFact, m: re.Match[str]) -> None:
    fact.value, fact.value_text, fact.unit = decimal_of(m.group("num")), m.group("num"), m.group("unit")


def metric_phrase(before: str, after: str, m: re.Match[str], phrase: str) -> tuple[str, list[str]]:
    """The metric named before a figure (`phrase`, already stripped of verbs) and its qualifiers."""
    qualifiers = qualifiers_in(before)
    if m.group("pre") in ("约", "近", "超过", "超", "突破", "逾"):
        qualifiers.append(pre_qualifier(m.group("pre")))
    if m.group("approx"):
        qualifiers.append("余")
    if m.group("post"):
        qualifiers.append(m.group("post"))
    if _TARGET_WORDS.search(_OF_PLAN.sub("", before)):  # …占年度计划的64.6% is progress made, not a target
        qualifiers.append("目标")
    # 12个推进组及7个保障组, 15所院校21个专业群: the count names what follows it; so does a count after examples
    # of the things counted (甲、乙等3个集群) or at the head of brackets explaining the words before (架构(1个办公室…)
    if not phrase or _COUNT_VERBS.search(before.strip()) or phrase.endswith(("及", "和", "与")) \
            or before.rstrip(FILL + " ").endswith(("等", "(", "(")) \
            or phrase[:1].isdigit() or metric_name(phrase) is None:
        noun = NOUN_AFTER.match(after)
        if noun and is_count(m):
            phrase = honoured_kind(after) or counted_noun(noun.group(1))
    return phrase, qualifiers


def qualifiers_in(text: str) -> list[str]:
    return [q for q in ("预计", "累计", "新增") if q in text]


def rate_bound(clause: str, at: int) -> list[str]:
    """增长5.5%左右: the bound written right after a rate given alone."""
    bound = _RATE_BOUND.match(clause, at)
    return [bound.group(0)] if bound else []




def owned_act(surface: str | None, phrase: str, owner: str | None, before: str,
              m: re.Match[str]) -> tuple[str | None, bool]:
    """The metric words of a figure whose phrase names only what was done to the things the sentence counted
    (`owner`): a count of an act alone (120个省级重点项目,开工115个 → 省级重点项目开工) and the progress of their
    investment (…,累计完成投资520亿元 → 省级重点项目完成投资). The words as they were otherwise; and whether they
    are such a name (one of its own, not a noun phrase's)."""
    if owner is None:
        return surface, False
    if surface and is_count(m) and is_only_verbs(surface):
        return owner + surface, True
    progress = _PROGRESS.search(before.replace(FILL, "").rstrip())
    if surface is None and progress and progress.group("object") == phrase and (m.group("unit") or "").endswith("元"):
        return owner + progress.group(0), True
    return surface, False
