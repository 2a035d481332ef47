"""Answers when there is nothing to look up: help, a missing region, and questions out of scope."""

from __future__ import annotations

from knowledge.places.gazetteer import Region
from knowledge.qa.answer import Answer
from knowledge.qa.intents import Intent
from knowledge.qa.lookup import Lookup
from knowledge.qa.parse import Query


def help_answer(lookup: Lookup, q: Query) -> Answer:
    examples = lookup.index.examples
    text = "你好!我是区域经济问答机器人,回答各地经济数据的问题,每个数字都注明出处。"
    if examples:
        text += "\n例如:\n" + "\n".join(f"· {e}" for e in examples)
    else:
        text += "\n资料库还是空的:管理员上传文章后就可以提问了。"
    return Answer(True, Intent.HELP, text, suggestions=examples[:4])


def region_needed(lookup: Lookup, q: Query) -> Answer:
    examples = lookup.index.examples
    text = "请告诉我是哪个地区" + (f",例如:{examples[0]}" if examples else "。")
    return Answer(False, q.intent, text, suggestions=examples[:3])


def out_of_scope(lookup: Lookup, q: Query) -> Answer:
    if q.elsewhere:
        text = f"资料里还没有{q.elsewhere}的数据,我不会用其他地方的数字代替。"
    else:
        text = "这个问题超出了我的资料范围。我能回答资料里各地的经济数字、排名和名单。"
    near = [] if q.elsewhere else lookup.gaz.suggest(q.simplified, limit=2)
    covered = [r for r in near if r.code in lookup.index.by_region]  # only places the base can talk about
    suggestions = [f"介绍一下{r.short}" for r in covered] + lookup.index.examples[:3]
    if lookup.index.examples:
        text += "\n可以试试:" + "、".join(lookup.index.examples[:3])
    return Answer(False, Intent.OUT_OF_SCOPE, text, suggestions=suggestions)


def clarify(lookup: Lookup, q: Query) -> Answer:
    """你指的是福州市鼓楼区还是南京市鼓楼区?: each option is also a question that settles it (a button)."""
    name, places = next(iter(q.ambiguous.items()))
    full = [lookup.gaz.describe(r) for r in places[:5]]
    options = full[0] if len(full) == 1 else "、".join(full[:-1]) + "还是" + full[-1]
    text = f"“{name}”有{len(places)}处:你指的是{options}?"
    if len(places) > 5:
        text += f"(另有{len(places) - 5}处,请写出所在城市)"
    questions = [q.text.replace(name, option, 1) if name in q.text else f"{option}{q.text}" for option in full]
    return Answer(False, Intent.CLARIFY, text, suggestions=questions, choices=full)


def not_covered(lookup: Lookup, region: Region) -> Answer:
    """资料里还没有苏州市的数据, and the places near it that the base does cover."""
    name = lookup.gaz.describe(region)
    near = nearby_covered(lookup, region)
    text = f"资料里还没有{name}的数据,我不会用其他地方的数字代替。"
    if near:
        text += "附近有数据的:" + "、".join(lookup.gaz.describe(r) for r in near) + "。"
    return Answer(False, Intent.OUT_OF_SCOPE, text, suggestions=[f"介绍一下{r.short}" for r in near[:3]])


def nearby_covered(lookup: Lookup, region: Region, limit: int = 5) -> list[Region]:
    """Covered places in the same city, else the same province, biggest coverage first."""
    for up in lookup.gaz.chain(region)[1:]:
        near = [lookup.gaz.get(c) for c in lookup.index.by_region if c != region.code]
        near = [r for r in near if lookup.within(r.code, up)]
        if near:
            return sorted(near, key=lambda r: -len(lookup.index.by_region[r.code]))[:limit]
    return []
