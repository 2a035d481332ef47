"""Answers when there is nothing to look up: help, a missing region, and questions out of scope."""

from __future__ import annotations

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
