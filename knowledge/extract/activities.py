"""The activity a sentence opens with (粮食生产再获丰收, 汽车类消费需求回暖): a bare measure of that activity in its
later clauses (总产量达到450万吨, 实现零售额55亿元) is the measure of the thing named before the activity (粮食总产量,
汽车类零售额). Activities and their measures are words of knowledge/data/clauses.toml."""

from __future__ import annotations

import re

from knowledge.extract.clauses import FILL
from knowledge.extract.nounphrase import is_noun_phrase
from knowledge.extract.scope_gates import gate_words
from knowledge.extract.vocab import alternation, word_classes

_W = word_classes()
_LEAD = re.compile(rf"^(?:{alternation('leading_noise')})+")
_ACTIVITY = re.compile(
    rf"(?P<owner>[\u4e00-\u9fff]{{2,8}}?)(?P<act>{alternation('production_activities', 'consumption_activities')})"
)
_MEASURES = {
    **{act: frozenset(_W["production_measures"]) for act in _W["production_activities"]},
    **{act: frozenset(_W["consumption_measures"]) for act in _W["consumption_activities"]},
}

Activity = tuple[str, frozenset[str]]  # the thing acted on, and the measures of the act


def activity_in(words: str) -> Activity | None:
    """The activity a clause (spans blanked, places dropped) opens with: 粮食 and the measures of 生产 for
    粮食生产再获丰收. None when it opens otherwise, or the words before the act are no thing's name."""
    text = _LEAD.sub("", words.replace(FILL, "").strip())
    m = _ACTIVITY.match(text)
    if m is None:
        return None
    owner = m.group("owner")
    if not is_noun_phrase(owner) or owner in gate_words()["bare_kinds"]:
        return None
    return owner, _MEASURES[m.group("act")]


def of_activity(surface: str | None, activity: Activity | None) -> str | None:
    """总产量 in a sentence opened by 粮食生产 → 粮食总产量; any other metric words as they are."""
    if surface is None or activity is None or surface not in activity[1]:
        return surface
    return activity[0] + surface
