"""Answers when there is nothing to look up: help, a missing region, and questions out of scope."""

from __future__ import annotations

from knowledge.qa.answer import EXAMPLES, Answer
from knowledge.qa.intents import Intent
from knowledge.qa.lookup import Lookup
from knowledge.qa.parse import Query


def help_answer(lookup: Lookup, q: Query) -> Answer:
    text = ("你好!我是区域经济问答机器人,回答山东各地经济数据的问题,每个数字都注明出处。\n例如:\n"
            + "\n".join(f"· {e}" for e in EXAMPLES))
    return Answer(True, Intent.HELP, text, suggestions=list(EXAMPLES[:4]))


def region_needed(lookup: Lookup, q: Query) -> Answer:
    text = "请告诉我是哪个地区,例如:临清上半年生产总值是多少?"
    return Answer(False, q.intent, text, suggestions=list(EXAMPLES[:3]))


def out_of_scope(lookup: Lookup, q: Query) -> Answer:
    if q.elsewhere:
        text = f"我的资料只覆盖山东省的地区,没有{q.elsewhere}的数据,不会用其他地方的数字代替。"
    else:
        text = "这个问题超出了我的资料范围。我能回答山东各地的经济数字、排名和名单。"
    near = [] if q.elsewhere else lookup.gaz.suggest(q.simplified, limit=2)
    suggestions = [f"介绍一下{r.short}" for r in near]
    return Answer(False, Intent.OUT_OF_SCOPE, text + "\n可以试试:" + "、".join(EXAMPLES[:3]),
                  suggestions=suggestions + list(EXAMPLES[:3]))
