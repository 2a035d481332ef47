"""Counts of a ranking's entries by the place they lie in: 哪个省的百强县最多, 各市入选名单的县有多少个.

A ranking the articles state of those counts (百强县数量前三位) answers first. Otherwise the entries of the
ranking asked are counted by province or city; the answer says how many entries the count is over, and a
list the articles give only part of (13 of a 百强) is never taken to say who has most.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.distance import LCSseq

from knowledge.extract.periods import parse_label
from knowledge.places.gazetteer import Region
from knowledge.qa.answer import Answer
from knowledge.qa.index import RankingRecord
from knowledge.qa.intents import Intent
from knowledge.qa.lookup import Lookup, ranking_heading
from knowledge.qa.query import Query
from knowledge.qa.rank_claims import period_matches_label
from knowledge.qa.ranked import normalized_title
from knowledge.text.numbers import cn_int

_GROUP = r"(省份|省|地市|城市|市)"
_MOST = r"(最多|最少)"
_ASKED = (
    re.compile(rf"(?:哪个|哪一个|哪些){_GROUP}(?:的)?(?P<what>.{{2,16}}?){_MOST}"),
    re.compile(rf"(?P<what>.{{2,16}}?){_MOST}的(?:是)?(?:哪个|哪一个)?{_GROUP}"),
)
_MEMBERS = re.compile(r"(?:县|市|区|城市|镇|强|名单|示范区|试点)$")
_LEVELS = {"省份": "province", "省": "province", "地市": "city", "城市": "city", "市": "city"}
_COUNTED = re.compile(r"数量|个数|数目|最多")
_SIZE = re.compile(r"(\d+)强")
_WHAT_TALK = re.compile(r"(?:19|20)\d\d年?|数量|个数|数目|入选|上榜|的")


def asked_group(text: str) -> tuple[str, str, bool] | None:
    """(what is counted, the level it is counted by, most) for 哪个省的百强县最多; None for other questions."""
    for pattern in _ASKED:
        if (m := pattern.search(text)) is not None:
            what = _WHAT_TALK.sub("", m["what"])
            group = next(g for g in m.groups() if g in _LEVELS)
            # what is counted names places or list members (百强县, 千亿县, 十强, 名单), not a figure (人口)
            if len(what) >= 2 and _MEMBERS.search(what):
                return what, _LEVELS[group], "最多" in m[0]
    return None


def group_count(lookup: Lookup, q: Query) -> Answer | None:
    """The answer, or None when the question is not such a count or no ranking of what it counts is stored."""
    asked = asked_group(q.simplified)
    if asked is None:
        return None
    what, level, most = asked
    words = _spelled(what)
    rankings = [r for r in lookup.index.rankings
                if q.period is None or r.period_label is None or period_matches_label(r.period_label, q)]
    # 数量前三位的是,浙江23个…: a stated ranking of the counts, its sentence saying what is counted
    stated = [r for r in rankings if r.kind == "ordered" and _COUNTED.search(r.title) and most
              and any(e.position == 1 for e in r.entries)
              and words in _spelled(r.title + lookup.index.sentences.get(r.sentence_id, ""))]
    if stated:
        return _stated(lookup, stated[0])
    listed = [r for r in rankings if words in _spelled(r.title) and any(e.region_code for e in r.entries)
              and not _COUNTED.search(r.title)]
    if not listed:
        return None
    ranking = max(listed, key=lambda r: (len(r.entries), LCSseq.similarity(words, r.title)))
    return _counted(lookup, ranking, level, most)


def _spelled(text: str) -> str:
    """百强 → 100强, 五十强 → 50强: a ranking's size spelled one way."""
    text = re.sub(r"([一二三四五六七八九十百千]+)强", lambda m: f"{cn_int(m[1]) or m[1]}强", text)
    return normalized_title(text)


def _stated(lookup: Lookup, r: RankingRecord) -> Answer:
    first = next(e for e in r.entries if e.position == 1)
    name = lookup.entry_name(first)
    others = "、".join(f"{e.position}.{lookup.entry_name(e)}" for e in r.entries if e.position)
    text = f"{ranking_heading(r)}:第1名是{name}。\n排名:{others}"
    answer = Answer(True, Intent.RANKING_LIST, text, ranking_title=r.title, period_label=r.period_label)
    return lookup.with_sources(answer, sentence_ids=[r.sentence_id], needle=first.original or first.name)


def _group_of(lookup: Lookup, code: str, level: str) -> Region | None:
    return next((r for r in lookup.gaz.chain(lookup.gaz.get(code)) if r.level == level), None)


def _counted(lookup: Lookup, r: RankingRecord, level: str, most: bool) -> Answer:
    groups = Counter(g.name for e in r.entries if e.region_code and (g := _group_of(lookup, e.region_code, level)))
    if not groups:
        return Answer(False, Intent.COMPUTED_RANKING, f"{ranking_heading(r)}的入选地区在资料里没有对应的上级地区。")
    order = sorted(groups.items(), key=lambda kv: (-kv[1], kv[0]) if most else (kv[1], kv[0]))
    counts = "、".join(f"{name}{n}个" for name, n in order)
    size = _SIZE.search(_spelled(r.title))
    listed = sum(groups.values())
    if size and int(size[1]) > len(r.entries):
        text = (f"{ranking_heading(r)}资料里只列出了{len(r.entries)}个,不是完整名单,不能据此断定哪里"
                f"{'最多' if most else '最少'}。按列出的计:{counts}。")
        return lookup.with_sources(Answer(False, Intent.COMPUTED_RANKING, text), sentence_ids=[r.sentence_id])
    best = [name for name, n in order if n == order[0][1]]
    when = f"{parse_label(r.period_label).describe()}" if r.period_label else ""
    who = best[0] if len(best) == 1 else "、".join(best) + "并列"
    text = (f"按资料中{ranking_heading(r)}的{listed}个入选地区计,{when}{'最多' if most else '最少'}的是{who}"
            f"({order[0][1]}个)。\n各地:{counts}")
    if (outside := len(r.entries) - listed) > 0:
        text += f";另有{outside}个不在任何{'省' if level == 'province' else '市'}之下,未计入"
    answer = Answer(True, Intent.COMPUTED_RANKING, text, ranking_title=r.title, period_label=r.period_label)
    return lookup.with_sources(answer, sentence_ids=[r.sentence_id], needle=r.entries[0].original or r.entries[0].name)
