"""Rankings and named lists: a whole ranking, who is N-th, where a place stands, and what it is listed in."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from knowledge.extract.periods import parse_label
from knowledge.places.gazetteer import Region
from knowledge.qa.answer import Answer
from knowledge.qa.computed import computed_ranking
from knowledge.qa.fallback import out_of_scope, region_needed
from knowledge.qa.follow_up import asks_only_a_place
from knowledge.qa.index import RankingRecord
from knowledge.qa.intents import Intent
from knowledge.qa.lookup import Lookup, describe_wanted, position_in, ranking_heading, render_ranking
from knowledge.qa.parse import YES_NO_RE, Query
from knowledge.qa.rank_claims import RELEVANT, metric_words, period_matches_label, relevance, standings

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# what a list question says besides the ranking's own words
_LIST_TALK = re.compile(r"(?:19|20)\d\d年?|第[一二三四五六七八九十\d]+名|前[一二三四五六七八九十\d]+名?"
                        r"|是哪[个些几]+[县市区省]?|有哪[些几]个?|哪[些几]个?|都有谁|是谁|分别是|名单|的|[??]")


def ranking_list(lookup: Lookup, q: Query) -> Answer:
    ranking = pick_ranking(lookup, q)
    if ranking is None:
        return out_of_scope(lookup, q)
    return show_ranking(lookup, q, ranking)


def show_ranking(lookup: Lookup, q: Query, ranking: RankingRecord) -> Answer:
    """The whole ranking, or the entry at the position asked; a list of another period than the one asked
    is said to be so first (资料中没有2023年的这份名单), and is no answer."""
    shown = _show_ranking(lookup, q, ranking)
    label = ranking.period_label
    if q.period is None or not label or not shown.found:
        return shown
    when = parse_label(label).describe()
    if q.period.latest:
        shown.text = f"资料中这份名单最新的是{when}的:\n{shown.text}"
    elif not period_matches_label(label, q):
        shown.text = f"资料中没有{describe_wanted(q.period)}的这份名单;资料里的是{when}的:\n{shown.text}"
        shown.found = False
    return shown


def counted(shown: Answer, ranking: RankingRecord) -> Answer:
    """有几个: the list's count before it; for another period's list, after the line that says so, and with
    that period (资料中没有2023年的这份名单… / 2021年共3个)."""
    count = f"共{len(ranking.entries)}个(资料所列)"
    if shown.found:
        shown.text = f"{count}:\n{shown.text}"
    else:
        when = parse_label(ranking.period_label).describe() if ranking.period_label else ""
        first, _, rest = shown.text.partition("\n")
        shown.text = f"{first}\n{when}{count}:\n{rest}"
    return shown


def _show_ranking(lookup: Lookup, q: Query, ranking: RankingRecord) -> Answer:
    if (q.position is not None or q.top) and not _ranked(ranking):
        return unranked_list(lookup, ranking)
    if q.position is not None:
        whole = _whole(ranking)
        if q.position < 0 and not whole:  # the last of a top ten, or of ranks 2, 3 and 5 stated, is no last place
            text = f"{ranking_heading(ranking)}只列出了部分名次,资料里没有它的倒数名次。"
            return Answer(False, Intent.RANKING_LIST, text, ranking_title=ranking.title)
        position = len(ranking.entries) + 1 + q.position if q.position < 0 else q.position  # 倒数第二: -2
        entry = next((e for e in ranking.entries if e.position == position), None)
        if entry is None:
            text = (f"{ranking_heading(ranking)}只有{len(ranking.entries)}名。" if whole
                    else f"资料中没有{ranking_heading(ranking)}的第{position}名。")
            return Answer(False, Intent.RANKING_LIST, text, ranking_title=ranking.title)
        note = f"(原文作“{entry.original}”)" if entry.original else ""
        text = f"{ranking_heading(ranking)}:第{entry.position}名是{lookup.entry_name(entry)}{note}。"
        return lookup.with_sources(Answer(True, Intent.RANKING_LIST, text, ranking_title=ranking.title),
                                   sentence_ids=[ranking.sentence_id], needle=entry.original or entry.name)
    first = ranking.entries[0]
    if q.top and ranking.kind == "ordered" and any(e.position and e.position <= q.top for e in ranking.entries):
        ranking = replace(ranking, entries=tuple(e for e in ranking.entries if e.position and e.position <= q.top))
    answer = Answer(True, Intent.RANKING_LIST, render_ranking(ranking, lookup.entry_name), ranking_title=ranking.title)
    return lookup.with_sources(answer, sentence_ids=[ranking.sentence_id], needle=first.original or first.name)


def _ranked(ranking: RankingRecord) -> bool:
    """Whether a list states ranks: an ordered ranking whose entries carry positions."""
    return ranking.kind == "ordered" and any(e.position for e in ranking.entries)


# a title that names a top (前十位, 十强, 前5名): its list is the head of a longer ranking
_TOP_TITLE = re.compile(r"前\s*[\d一二三四五六七八九十百]+\s*(?:位|名|强)|[\d一二三四五六七八九十百千]+强")


def _whole(ranking: RankingRecord) -> bool:
    """Whether the list is a whole ranking, so that it can be counted from its end: ranks 1 to N, each once,
    under a title that names no top."""
    positions = [e.position for e in ranking.entries]
    return positions == list(range(1, len(positions) + 1)) and not _TOP_TITLE.search(ranking.title)


def unranked_list(lookup: Lookup, ranking: RankingRecord, region: Region | None = None) -> Answer:
    """第一名是谁 or 排第几 about a named list that states no ranks: it names its members, in no order, and
    saying 第N名 by the order they are written would make a rank up; the question is not answered."""
    names = "、".join(lookup.entry_name(e) for e in ranking.entries)
    if region is not None:
        text = f"{region.name}入选{ranking_heading(ranking)},但这份名单不分先后,没有名次(名单:{names})。"
    else:
        text = f"{ranking_heading(ranking)}不分先后,没有名次(名单:{names})。"
    first = ranking.entries[0] if ranking.entries else None
    needle = region.short if region is not None else first.original or first.name if first else None
    return lookup.with_sources(Answer(False, Intent.RANKING_LIST, text, ranking_title=ranking.title),
                               sentence_ids=[ranking.sentence_id], needle=needle)


def pick_ranking(lookup: Lookup, q: Query) -> RankingRecord | None:
    best = best_ranking(lookup, q)
    return best[1] if best is not None and best[0] >= 45 else None


def best_ranking(lookup: Lookup, q: Query, among: Callable[[RankingRecord], bool] | None = None,
                 ) -> tuple[float, RankingRecord, float] | None:
    """The ranking the question means, its score, and how well its words alone match: the title's words
    (百强 = 100强, 150到200 = 150-200),
    its scope among the places named and its period against the one asked. `among` narrows the candidates."""
    rankings = lookup.index.rankings
    if not rankings:
        return None
    if q.ranking_title and (len(q.residual) <= 3 or asks_only_a_place(q.simplified)) and among is None:
        chosen = next((r for r in rankings if r.title == q.ranking_title), None)
        return (100.0, chosen, 100.0) if chosen else None
    words = q.simplified
    for region in q.regions:
        words = words.replace(region.name, "").replace(region.short, "")
    words = _LIST_TALK.sub("", normalized_title(words))

    said = set(_NUMBER.findall(words))

    def likeness(title: str) -> float:
        s = 100 * LCSseq.similarity(words, title) / max(4, len(words)) + fuzz.partial_ratio(words, title) / 10
        titled = set(_NUMBER.findall(title))
        return s / 2 if said and titled and not said & titled else s  # 过1000亿 is not 150-200亿元

    def worded(r: RankingRecord) -> float:
        s = likeness(normalized_title(r.title))
        if len(r.title) <= 3:  # a bare 名单: the words of its sentence before the entries say what it lists
            sentence = lookup.index.sentences.get(r.sentence_id, "")
            first = r.entries[0].original or r.entries[0].name if r.entries else ""
            lead = sentence[: sentence.find(first)] if first and first in sentence else sentence
            s = max(s, 0.9 * likeness(normalized_title(lead[-30:])))
        return s

    def score(r: RankingRecord) -> float:
        s = worded(r)
        if r.scope_name and any(reg.name == r.scope_name or reg.short == r.scope_name for reg in q.regions):
            s += 15
        elif r.scope_name == "全国" and q.regions and all(reg.level != "nation" for reg in q.regions):
            s -= 10  # 广东有哪几个…: a list within 广东 before the nation's
        if any(e.region_code for e in r.entries):
            s += 5  # between equals, a ranking of places beats one of departments
        if q.period is not None and r.period_label:
            s += 10 if period_matches_label(r.period_label, q) else -15
        return s

    asked = [r for r in rankings if _scope_fits(lookup, q, r) and (among is None or among(r))]
    if not asked:
        return None
    top = max(asked, key=score)
    # of versions of one list (广东's 万亿城市 of 2016-2020 and of 2021) that match alike, the newest
    versions = [r for r in asked if r.title == top.title and r.scope_name == top.scope_name
                and score(r) >= score(top) - 5]
    top = max(versions, key=lambda r: parse_label(r.period_label).sort_key if r.period_label else (0, 0))
    return score(top), top, worded(top)


def _scope_fits(lookup: Lookup, q: Query, r: RankingRecord) -> bool:
    """A ranking within another place than the one named (江苏's list for 广东有哪几个…) answers nothing."""
    scope = lookup.gaz.by_name(r.scope_name) if r.scope_name else None
    if scope is None or not q.regions or scope.level == "nation":
        return True
    return any(scope.code == reg.code or lookup.within(scope.code, reg) or lookup.within(reg.code, scope)
               for reg in q.regions)


def normalized_title(text: str) -> str:
    """百强县 → 100强县, 150到200亿元 → 150-200亿元, GDP → gdp: titles and questions spelled alike."""
    text = text.lower()
    for word, digits in (("百强", "100强"), ("十强", "10强"), ("千强", "1000强"), ("千亿", "1000亿")):
        text = text.replace(word, digits)
    return re.sub(r"(\d+(?:\.\d+)?)\s*(?:到|至|~|—|-)\s*(\d+)", r"\1-\2", text)


def rank_position(lookup: Lookup, q: Query) -> Answer:
    if not q.regions:
        return _entry_position(lookup, q)
    region = q.regions[0]
    found = standings(lookup, q, region)
    if q.ranking_title:  # 那冠县呢? after a place's rank in a ranking: the same ranking first
        found.sort(key=lambda s: s.ranking is None or s.ranking.title != q.ranking_title)
    if not found:
        listed = _listed_in(lookup, q, region)
        if listed is not None:  # 晋州在示范县名单中排第几: a member of a list that gives no ranks
            return replace(unranked_list(lookup, listed, region), intent=Intent.RANK_POSITION)
        computed = _computed_position(lookup, q, region)
        return computed if computed is not None else no_ranking(region, metric_words(q, region))
    lines = []
    for s in found[:1]:
        when = f" {parse_label(s.period_label).describe()}" if s.period_label else ""
        where = f"在{s.scope}" if s.scope and s.ranking is None else ""
        if s.ranking is not None:
            r = s.ranking
            top = "、".join(f"{x.position}.{lookup.entry_name(x)}" for x in r.entries[:3] if x.position)
            lines.append(f"{region.name}在{ranking_heading(r)}中第{s.position}名" + (f"。前三名:{top}" if top else ""))
        else:
            unknown = "(资料未注明这一排名的时期)" if not s.period_label and q.period is not None else ""
            lines.append(f"{region.name}{when} {s.label}{where}排第{s.position}名(原文:“{s.needle}”){unknown}")
    s = found[0]
    answer = Answer(True, Intent.RANK_POSITION, "\n".join(lines), period_label=s.period_label,
                    ranking_title=s.ranking.title if s.ranking else None)
    return lookup.with_sources(answer, sentence_ids=[s.sentence_id], needle=s.needle)


def _listed_in(lookup: Lookup, q: Query, region: Region) -> RankingRecord | None:
    """The unranked list holding the place that the question's words name (any, when they name none)."""
    words = metric_words(q, region)
    sets = [r for r in lookup.index.rankings if not _ranked(r) and any(e.region_code == region.code for e in r.entries)]
    scored = [(relevance(words, q, normalized_title(r.title)), r) for r in sets]
    best = max(scored, key=lambda sr: sr[0], default=(0.0, None))
    return best[1] if best[0] >= RELEVANT else None


def _computed_position(lookup: Lookup, q: Query, region: Region) -> Answer | None:
    """No ranking stated: the place's position among the covered places of its level under the place named
    with it (临清GDP在聊城排第几), else under its parent."""
    if q.metric is None or region.level not in ("county", "city", "province") or "全国" in q.simplified:
        return None  # the nation's places are too many for the base to cover: no position among them
    chain = lookup.gaz.chain(region)[1:]
    said = next((r for word, level in (("全省", "province"), ("全市", "city")) if word in q.simplified
                 for r in chain if r.level == level), None)
    scope = (said or next((r for r in q.regions[1:] if lookup.within(region.code, r)), None)
             or lookup.gaz.parent(region))
    if scope is None:
        return None
    ranked = computed_ranking(lookup, replace(q, regions=[scope], level=region.level, position=None), place=region)
    return ranked if ranked.found else None


def _entry_position(lookup: Lookup, q: Query) -> Answer:
    """A ranked entry that is not a region (市发展改革委): find it by name in the rankings."""
    hits = [(r, e) for r in lookup.index.rankings for e in r.entries if len(e.name) >= 3 and e.name in q.simplified]
    if not hits:
        return region_needed(lookup, q)
    hits.sort(key=lambda re_: -LCSseq.similarity(q.simplified, re_[0].title))
    r, e = hits[0]
    if not _ranked(r) or not e.position:
        return replace(unranked_list(lookup, r), intent=Intent.RANK_POSITION)
    text = f"{e.name}在{ranking_heading(r)}中排第{e.position}名(共{len(r.entries)}名)。"
    return lookup.with_sources(Answer(True, Intent.RANK_POSITION, text, ranking_title=r.title),
                               sentence_ids=[r.sentence_id], needle=e.name)


def membership(lookup: Lookup, q: Query) -> Answer:
    if not q.regions:
        return region_needed(lookup, q)
    region = q.regions[0]
    if region.level in ("city", "province") and re.search(r"哪些|哪几", q.simplified):
        return _members_within(lookup, region)
    sets = [r for r in lookup.index.rankings if any(e.region_code == region.code for e in r.entries)]
    if (asked := YES_NO_RE.search(q.simplified)) is not None:
        return _is_member(lookup, q, region, asked.group("named"), sets)
    if not sets:
        return no_ranking(region)
    return membership_lines(lookup, region, sets)


def _is_member(lookup: Lookup, q: Query, region: Region, named: str, sets: list[RankingRecord]) -> Answer:
    """东阿县是高质量发展先进县吗: yes or no for the list named, and what the place is listed in instead."""
    words = named.replace(region.name, "").replace(region.short, "")
    scored = [(LCSseq.similarity(words, r.title) / max(2, len(words)), r) for r in lookup.index.rankings]
    score, listed = max(scored, key=lambda sr: sr[0], default=(0.0, None))
    if listed is None or score < 0.6:
        return no_ranking(region) if not sets else membership_lines(lookup, region, sets)
    if listed in sets:
        at = position_in(listed, region) if _ranked(listed) else None
        text = f"是。{region.name}在{ranking_heading(listed)}中" + (f"排第{at}名。" if at else "。")
        return lookup.with_sources(Answer(True, Intent.MEMBERSHIP, text), sentence_ids=[listed.sentence_id],
                                   needle=region.short)
    text = f"不是。{ranking_heading(listed)}中没有{region.name}。"
    if sets:
        text += f"{region.name}所在的名单或排名:" + "、".join(ranking_heading(r) for r in sets) + "。"
    ids = [listed.sentence_id] + [r.sentence_id for r in sets]
    return lookup.with_sources(Answer(True, Intent.MEMBERSHIP, text), sentence_ids=ids, needle=region.short)


def membership_lines(lookup: Lookup, region: Region, sets: list[RankingRecord]) -> Answer:
    lines = [f"{region.name}在{ranking_heading(r)}中排第{at}名" if _ranked(r) and (at := position_in(r, region))
             else f"{region.name}入选{ranking_heading(r)}(共{len(r.entries)}个)" for r in sets]
    return lookup.with_sources(Answer(True, Intent.MEMBERSHIP, "\n".join(lines)), sentence_ids=[sets[0].sentence_id],
                               needle=region.name)


def _members_within(lookup: Lookup, region: Region) -> Answer:
    """淄博有哪些县入选…: the entries of named lists that lie inside this city."""
    lines, first = [], None
    for r in lookup.index.rankings:
        inside = [e for e in r.entries if e.region_code and lookup.within(e.region_code, region)]
        if inside and r.kind == "set":
            first = first or r
            lines.append(f"{ranking_heading(r)}:" + "、".join(lookup.entry_name(e) for e in inside))
    if first is None:
        return no_ranking(region)
    text = f"{region.name}入选的:\n" + "\n".join(lines)
    return lookup.with_sources(Answer(True, Intent.MEMBERSHIP, text), sentence_ids=[first.sentence_id],
                               needle=region.short)


def no_ranking(region: Region, about: str = "") -> Answer:
    what = f"{about}的" if about else ""
    return Answer(False, Intent.RANK_POSITION, f"资料里没有{region.name}的{what}排名或入选名单。",
                  suggestions=[f"介绍一下{region.short}"])
