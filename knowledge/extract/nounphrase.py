"""Is an open metric name a noun phrase? A check on jieba's part-of-speech tags (tag sets in clauses.toml)."""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from knowledge.extract.vocab import word_classes

if TYPE_CHECKING:
    import jieba.posseg

_lock = threading.Lock()
_RELATIVE = re.compile(r"的[\u4e00-\u9fff]+$")
# 亿元以上, 5000万元及以上: a size class of things (亿元以上重点项目) before their name
_SIZE_CLASS = re.compile(r"^(?:\d+(?:\.\d+)?|[一二三四五六七八九十两百千]+)?[万亿]?元及?以[上下]")
_MAX_LEADING_VERB = 4  # 出生人口, 死亡人口: a short verb + noun names a quantity; 确定省市县重点项目 does not


@lru_cache(maxsize=1)
def _tagger() -> jieba.posseg.POSTokenizer:
    # imported here: jieba.posseg loads its HMM tables on import, which a question never needs
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    # jieba's default tagger on jieba's default tokenizer, which regionbot never adds words to (the shared
    # one of segment.py carries a user dictionary whose words have no part of speech). Importing jieba.posseg
    # has already read the tag of every word for it: a tagger of our own would read them all again (0.3 s),
    # and an own tokenizer load the main dictionary again (0.3-0.5 s), in every parse worker.
    jieba.dt.initialize()
    return jieba.posseg.dt


def load_tagger() -> None:
    """Load the tagger now (jieba.posseg's import reads the tag of every dictionary word), not at first use."""
    _tagger()


@lru_cache(maxsize=16384)
def _tags(phrase: str) -> tuple[tuple[str, str], ...]:
    """jieba's words and tags, with 收入/支出 and the other nominal heads read as the nouns they are. Cached:
    the gates and the noun-phrase checks ask about the same metric names again and again."""
    with _lock:
        tagged = [(p.word, p.flag) for p in _tagger().cut(phrase, HMM=False)]
    heads = word_classes()["np_heads"]
    return tuple((w, "n" if w in heads else t) for w, t in tagged)


def tagged(phrase: str) -> tuple[tuple[str, str], ...]:
    """jieba's words of `phrase` with their part-of-speech tags (nominal heads read as nouns)."""
    return _tags(phrase)


@lru_cache(maxsize=16384)
def is_noun_phrase(phrase: str) -> bool:
    """True for 户籍人口城镇化率, 新登记市场主体; False for 比上年, 还拿出, 金融机构伸出了援助之手, 占据."""
    tagged = _tags(phrase)
    classes = word_classes()
    if not tagged:
        return False
    if (size := _SIZE_CLASS.match(phrase)) and len(phrase) - size.end() >= 2:
        return is_noun_phrase(phrase[size.end() :])  # 亿元以上重点项目: things of a size class
    if _RELATIVE.search(phrase):
        return _is_relative_np(phrase)
    body = phrase
    if phrase.endswith(classes["np_heads"]):
        # 占比 is tagged 占/v 比/p, 开复工率 开/v 复工/v 率: the head is a noun, what stands before it names
        # what it measures
        head = next(h for h in classes["np_heads"] if phrase.endswith(h))
        body = phrase[: -len(head)]
        tagged = _tags(body) if body else ()
    elif tagged[-1][1] not in classes["np_head_tags"]:
        return False
    if not tagged:
        return True
    first_word, first_tag = tagged[0]
    if (len(tagged) > 1 and tagged[1][1] == "c") or first_word in classes["np_start_words"]:
        first_tag = "n"  # 批发和零售业, 其他服务业: a conjunct or a determiner of the noun
    if first_tag in classes["np_bad_start_tags"]:
        return False
    if first_tag == "v" and (len(tagged) > 2 or len(body) > _MAX_LEADING_VERB) and body == phrase:
        return False
    if _lists_actions(phrase):
        return False
    inner = tagged[1:] if body != phrase else tagged[1:-1]
    return not any(tag in classes["np_bad_inner_tags"] for _word, tag in inner)


def drop_leading_verb(words: str) -> str:
    """发放创业担保贷款 → 创业担保贷款: one opening verb off, when what is left still names a thing."""
    tagged = _tags(words)
    if len(tagged) > 1 and tagged[0][1] == "v":
        rest = words[len(tagged[0][0]) :]
        if len(rest) >= 2 and noun_phrase_in(rest) == rest:
            return rest
    return words


def first_word(words: str) -> str:
    """jieba's first word of `words` (省份 in 省份GDP总量, 省级 in 省级重点项目)."""
    tagged = _tags(words)
    return tagged[0][0] if tagged else ""


def is_one_word(words: str) -> bool:
    """Whether jieba reads `words` as a single word (耕地, 零售额; not 规上工业企业 or 快递业务量)."""
    return len(_tags(words)) == 1


def is_lone_verb(words: str) -> bool:
    """Whether jieba reads `words` as one verb (新增, 开工; not 出生人口 or 易地扶贫搬迁)."""
    tagged = _tags(words)
    return len(tagged) == 1 and tagged[0][1] == "v"


def is_only_verbs(words: str) -> bool:
    """Whether jieba reads nothing but verbs in `words` (开复工, 完成; not 森林覆盖 or 投资完成)."""
    tagged = _tags(words)
    return bool(tagged) and all(tag == "v" for _w, tag in tagged)


def has_verb(words: str) -> bool:
    """Whether jieba reads a verb in `words`."""
    return any(tag == "v" for _w, tag in _tags(words))


def last_object(words: str) -> str | None:
    """The noun phrase after the last verb of `words` (企业发放稳岗补贴 → 稳岗补贴), if a verb is there."""
    tagged = _tags(words)
    verbs = [i for i, (_w, tag) in enumerate(tagged) if tag == "v"]
    if not verbs:
        return None
    rest = "".join(w for w, _t in tagged[verbs[-1] + 1 :])
    return rest if len(rest) >= 2 and is_noun_phrase(rest) else None


def names_an_action(phrase: str) -> bool:
    """易地扶贫搬迁 (1646户), 职业技能培训 (3万人次): counted in households or people, a phrase of verbs
    names the people it was done for; still no aspect particle, no opening adverb, pronoun or preposition."""
    tagged = _tags(phrase)
    tags = [t for _w, t in tagged]
    return (2 <= len(phrase) <= 10 and bool(tagged) and "ul" not in tags and tagged[0][1] not in _ACTION_BAD_START
            and all(t in ("v", "vn", "n", "nz", "a", "b", "ad", "l", "j") for t in tags) and not _lists_actions(phrase))


def _lists_actions(phrase: str) -> bool:
    """壮大产业规模、优化产业结构、提升产业能级: items that open with a verb or an adjective are actions."""
    items = [item for item in phrase.split("、") if item]
    return len(items) > 1 and sum(1 for item in items if _tags(item)[0][1] in ("v", "vn", "a", "ad")) > 1


def _is_relative_np(phrase: str) -> bool:
    """一般公共预算收入过百亿元的县: a modifying clause and 的 before a noun head is a noun phrase, unless the
    clause carries an aspect particle (伸出了…的) or the head is not nominal."""
    modifier, _, head = phrase.rpartition("的")
    if not modifier or "了" in modifier:
        return False
    if len(head) == 1:  # 县, 市: jieba gives a lone character odd tags; any non-function word heads it
        tag = _tags(head)[0][1]
        return tag not in word_classes()["np_bad_start_tags"] and tag != "v"
    return is_noun_phrase(head)


# What may be cut from a candidate phrase: leading predicates, adverbs, prepositions and pronouns (还拿出,
# 确定…), trailing particles and a trailing verb of change into a level (城镇化率提高到, 企业发展至).
_LEAD_OFF = frozenset({"v", "vd", "d", "c", "p", "t", "r", "ul", "uj", "ug", "u", "y", "zg"})
_TAIL_OFF = frozenset({"uj", "ul", "f", "y", "u"})
_CHANGE_TO = re.compile(r"(?:[\u4e00-\u9fff]{1,2}(?:至|到))$")
_ACTION_BAD_START = frozenset({"d", "p", "c", "r", "u", "y", "t", "f", "m", "x"})
_FALLBACK_BAD_START = frozenset({"v", "vd", "p", "c", "d", "r", "u", "uj", "ul", "ug", "y", "t", "f", "x"})


@lru_cache(maxsize=16384)
def noun_phrase_in(phrase: str) -> str | None:
    """`phrase` when it is a noun phrase, else the noun phrase left once leading predicates and trailing
    verbs and particles are cut (确定省市县重点项目 → 省市县重点项目, 城镇化率提高到 → 城镇化率), else None
    (还拿出, 占据, 伸出了援助之手)."""
    if is_noun_phrase(phrase) or _is_fresh(phrase):
        return phrase
    tagged = list(_tags(phrase))
    if (change := _CHANGE_TO.search(phrase)) and change.start() >= 2:
        cut = phrase[: change.start()]
        if _tags(phrase[change.start() :])[0][1] in ("v", "vn", "vd", "p") and (found := noun_phrase_in(cut)):
            return found
    while tagged and tagged[0][1] in _LEAD_OFF:
        tagged.pop(0)
    while tagged and tagged[-1][1] in _TAIL_OFF:
        tagged.pop()
    rest = "".join(word for word, _tag in tagged)
    if len(rest) >= 2 and rest != phrase and is_noun_phrase(rest):
        return rest
    return phrase if _names_a_thing(phrase) else None


def fresh_act(phrase: str) -> str:
    """新增 of 新增高新技术企业, 新认定 of 新认定省级专精特新企业, 在建 of 在建项目: the act of the period's new things
    (or the standing of those counted) that opens a name, or "". The act is no predicate to cut but part of
    what is measured (the new ones, not all of them)."""
    tagged = _tags(phrase)
    if len(tagged) < 2:
        return ""
    classes = word_classes()
    (first, _tag), (second, tag) = tagged[0], tagged[1]
    if (standing := next((w for w in classes["fresh_acts"] if phrase.startswith(w)), None)) is not None:
        return standing  # jieba may read 在库 as 在/p 库/n
    if first in classes["fresh_prefixes"] and tag in classes["act_tags"]:
        return first + second
    return ""


def _is_fresh(phrase: str) -> bool:
    """An act of the period's new things and a noun phrase naming them (新增高新技术企业)."""
    act = fresh_act(phrase)
    rest = phrase[len(act) :]
    return bool(act) and len(rest) >= 2 and is_noun_phrase(rest)


def _names_a_thing(phrase: str) -> bool:
    """The last resort for words jieba cannot parse (四上企业, 工作推进组): no aspect particle, no list of
    actions, a content word first and a nominal word last."""
    tagged = _tags(phrase)
    tags = [t for _w, t in tagged]
    first_word, first = tagged[0]
    if "ul" in tags or (first == "m" and any(c.isdigit() for c in first_word)):
        return False
    # one short verb may open a quantity's name (新增四上企业, 限上单位零售额), never a chain of them
    if first in _FALLBACK_BAD_START and not (first == "v" and len(first_word) <= 2 and tags.count("v") == 1):
        return False
    if _lists_actions(phrase):
        return False
    # a nominal head jieba splits (占比 is 占/v 比/p) still ends a name
    return tags[-1].startswith("n") or tags[-1] in ("vn", "zg", "j", "l") or phrase.endswith(word_classes()["np_heads"])
