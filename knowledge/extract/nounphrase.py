"""Is an open metric name a noun phrase? A check on jieba's part-of-speech tags (tag sets in clauses.toml)."""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from knowledge.extract.vocab import word_classes

if TYPE_CHECKING:
    import jieba.posseg

_lock = threading.Lock()
_MAX_LEADING_VERB = 4  # 出生人口, 死亡人口: a short verb + noun names a quantity; 确定省市县重点项目 does not


@lru_cache(maxsize=1)
def _tagger() -> jieba.posseg.POSTokenizer:
    # imported here: jieba.posseg loads its HMM tables on import, which a question never needs
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    # its own tokenizer: the shared one carries a user dictionary whose words have no part of speech
    tok = jieba.Tokenizer()
    tok.initialize()
    return jieba.posseg.POSTokenizer(tok)


@lru_cache(maxsize=16384)
def is_noun_phrase(phrase: str) -> bool:
    """True for 户籍人口城镇化率, 新登记市场主体; False for 比上年, 还拿出, 金融机构伸出了援助之手, 占据."""
    with _lock:
        tagged = [(p.word, p.flag) for p in _tagger().cut(phrase, HMM=False)]
    classes = word_classes()
    if not tagged:
        return False
    if phrase.endswith(classes["np_heads"]):
        # 占比 is tagged 占/v 比/p: read the head as the noun it is
        while len(tagged) > 1 and phrase.endswith(tagged[-1][0]) and tagged[-1][0] in "".join(classes["np_heads"]):
            tagged.pop()
        tagged.append(("", "n"))
    elif tagged[-1][1] not in classes["np_head_tags"]:
        return False
    first_tag = tagged[0][1]
    if first_tag in classes["np_bad_start_tags"]:
        return False
    if first_tag == "v" and (len(tagged) > 2 or len(phrase) > _MAX_LEADING_VERB):
        return False
    if "、" in phrase and sum(1 for _word, tag in tagged if tag == "v") > 1:
        return False  # 壮大产业规模、优化产业结构: a list of actions, not a quantity
    return not any(tag in classes["np_bad_inner_tags"] for _word, tag in tagged[1:-1])


_LEAD_OFF = frozenset({"v", "vd", "d", "c", "p", "t", "r", "ul", "uj", "ug", "u", "y", "zg"})
_TAIL_OFF = frozenset({"uj", "ul", "f", "y", "u"})


@lru_cache(maxsize=16384)
def noun_phrase_in(phrase: str) -> str | None:
    """`phrase` when it is a noun phrase, else the noun phrase left once leading predicates and trailing
    particles are cut (确定省市县重点项目 → 省市县重点项目, 总存量的 → 总存量), else None (还拿出, 占据)."""
    if is_noun_phrase(phrase):
        return phrase
    with _lock:
        tagged = [(p.word, p.flag) for p in _tagger().cut(phrase, HMM=False)]
    while tagged and tagged[0][1] in _LEAD_OFF:
        tagged.pop(0)
    while tagged and tagged[-1][1] in _TAIL_OFF:
        tagged.pop()
    rest = "".join(word for word, _tag in tagged)
    if len(rest) >= 2 and rest != phrase and is_noun_phrase(rest):
        return rest
    return phrase if _names_a_thing(phrase) else None


def _names_a_thing(phrase: str) -> bool:
    """The last resort: a phrase with a noun in it and no aspect particle (伸出了) still names a quantity."""
    with _lock:
        tags = [p.flag for p in _tagger().cut(phrase, HMM=False)]
    return "ul" not in tags and any(t.startswith("n") or t in ("vn", "l", "j") for t in tags)
