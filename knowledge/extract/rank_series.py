"""Rankings told place by place in one sentence, and lists of places with their figures shared out by 分别.

- a series of clauses each giving one place its rank: 排名第一的是甲,第二是乙,第三是丙; 甲居首,乙次之,丙第三;
  冠军甲,亚军乙; 甲排名第一,乙排名第二. The ranks must rise clause by clause and every clause rank the same
  thing (甲GDP第一,乙增速第二 are two rankings' claims, not one ranking).
- a list of places whose figures 分别 gives, then the top they make: 甲、乙、丙分别以5000亿元、4000亿元、3000亿元
  位列全省前三. Ordered by the figures only when they fall from first to last in one unit (else a set of the
  top), and only when the text says it is a top (前三) of as many places as it lists.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from knowledge.extract.context import ArticleContext
from knowledge.extract.rank_entries import ExtractedRanking, link_entry, make_ranking, words
from knowledge.extract.rank_inline import only_places
from knowledge.extract.rank_lists import RANK_NUM, item_runs, ranked
from knowledge.text.document import Document, Sentence
from knowledge.text.numbers import cn_int

# 全区 too: the autonomous region of a 广西 article, or the district of a district's (its places are its own)
_SCOPE = "|".join(w for level in ("nation", "province", "city", "county") for w in words()["scopes"][level])
_FIG_UNIT = r"%|[万亿千百]{0,2}(?:元|美元|人|吨|户|个|家)?"
_FIG = rf"-?\d+(?:\.\d+)?(?:{_FIG_UNIT})"
_SCOPE_WORDS = frozenset(w for ws in words()["scopes"].values() for w in ws)
_VERB = r"(?:均|也|则|仍|继续|排名|排在|排位|排|位列|位居|居于|居|名列|列|占据|稳居)"
# the rank itself, ending its clause: 第3位, 第一, 首位, 居首, 次之 (the one after the clause before)
_ORDINALS = "|".join(sorted(words()["ordinal_words"], key=len, reverse=True))
_RANK = rf"(?:第(?P<n>{RANK_NUM})(?:位|名)?|(?P<w>{_ORDINALS})|(?P<next>次之|其次))"
# 甲(GDP)(居)(全省)第一
_PLACE_FIRST = re.compile(rf"(?:以)?(?P<figure>{_FIG})?(?P<what>[^\d,,。;;、]{{0,8}}?)\s*{_VERB}?(?P<scope>{_SCOPE})?"
                          rf"{_RANK}$")
# (排名)第一的是甲, 第二是乙, 冠军为甲, 其次是乙
_RANK_FIRST = re.compile(rf"^(?P<pre>[^,,。;;]*?){_VERB}?{_RANK}(?:的(?:城市|省份|市|县|区|地区)?)?(?:是|为)?$")
# words of a clause whose rank is no place's standing (rankings.toml): a tie (甲与乙并列第一), one counted from
# the end, one aimed at, a firm's or a person's (甲某企业居全国第一, 甲选手获得冠军)
_BARRED = re.compile("|".join(map(re.escape, [
    *words()["counted_from_end"], *words()["target_words"], *words()["firm_words"], *words()["firm_peers"],
    *words()["person_words"], "并列", "不是"])))
_RANK_TOKEN = rf"(?:第?(?:{RANK_NUM})(?:位|名)?|{_ORDINALS})"
_AND = r"(?:、|和|及|与)"
# the top a list of places makes: 前三, 前10位, 前五强 (not 前三季度)
_TOP = rf"前(?P<top>{RANK_NUM})(?:位|名|强)?(?![季\d.个年月])"
# 乙和丙分列第二、三位; 乙、丙分别位居第4、5位; 乙、丙分别以3000亿元和2900亿元摘得亚军和季军
_SHARED_RANKS = re.compile(
    rf"(?P<what>[^\d,,。;;、]{{0,8}}?)(?:分列|分居|(?:分别|依次)(?:以(?P<figures>{_FIG}(?:{_AND}{_FIG})+)"
    rf"(?:的[^\d,,。;;、]{{0,4}})?)?(?:位列|位居|居于|居|排名|排在|列|摘得|获得|夺得|占据)?)"
    rf"(?P<scope>{_SCOPE})?(?P<ranks>{_RANK_TOKEN}(?:{_AND}{_RANK_TOKEN})+)(?:位|名)?")
_ADVERB = re.compile(r"^(?:则|也|均|还|又|更)+|(?:则|也|均|还|又|更)+$")
_RANK_TAIL = re.compile(rf"{_VERB}?{_RANK}(?:的[^,,]{{0,3}})?(?:是|为)?$")
_CLAUSE = re.compile(r"[^,,;;。]+")
_FIGURE = re.compile(rf"(?P<num>-?\d+(?:\.\d+)?)(?P<unit>{_FIG_UNIT})")  # _FIG, its parts named
_SHARED = re.compile(
    rf"(?P<what>[^\d,,。;;、]{{0,10}}?)(?:分别|依次)(?:以|为|是|达到?)(?P<figures>{_FIG}(?:、{_FIG})+)"
    rf"(?:的[^,,。;;]{{0,4}})?[,,]?\s*(?:均|依次|分别)?"
    rf"(?:稳居|位列|位居|排名|排在|居|名列|占据|跻身|进入|列)(?:了)?(?P<scope>{_SCOPE})?"
    rf"(?P<measure>[A-Za-z\u4e00-\u9fff]{{0,8}}?){_TOP}")


class _Item(NamedTuple):
    rank: int
    place: str
    what: str  # what is ranked, and where (GDP全省)
    figure: str | None = None


_TOP_THEN_SHARED = re.compile(
    rf"(?P<what>[^\d,,。;;、]{{0,10}}?)(?:均|依次)?(?:稳居|位列|位居|排名|排在|居|名列|占据|跻身|列)(?:了)?"
    rf"(?P<scope>{_SCOPE})?(?P<measure>[A-Za-z\u4e00-\u9fff]{{0,8}}?){_TOP}"
    rf"[,,](?:[^\d,,。;;、]{{0,8}}?)(?:分别|依次)(?:为|是|达到?)?(?P<figures>{_FIG}(?:、{_FIG})+)(?![\d.])")


def clause_series(sentence: Sentence, doc: Document, ctx: ArticleContext) -> list[ExtractedRanking]:
    """The runs of rank clauses of a sentence (each at least two places long)."""
    text = sentence.text
    found: list[ExtractedRanking] = []
    run: list[_Item] = []
    first: re.Match[str] | None = None  # the run's first clause
    for clause in [*_CLAUSE.finditer(text), None]:
        items = _items(clause.group(), run, ctx) if clause is not None else []
        if items and run and not _goes_on(run, items):
            items = []  # the ranks fall back, a place comes twice, or another thing is ranked: a new run
        if items:
            first = first if run else clause
            run.extend(items)
            continue
        if len(run) >= 2 and first is not None:
            found.append(_series_ranking(run, text[: first.start()], text[: first.end()], sentence, doc, ctx))
        run, first = [], None
        items = _items(clause.group(), [], ctx) if clause is not None else []
        if items:
            run, first = items, clause
    return found


def _items(clause: str, run: list[_Item], ctx: ArticleContext) -> list[_Item]:
    """The places a clause ranks, with their ranks: one (甲居首, 第二是乙), or several (乙和丙分列第二、三位)."""
    clause = clause.strip()
    shared = _shared_ranks(clause, ctx)
    if shared:
        return shared
    mentions = sorted((m for m in ctx.mentions(clause) if m.surface not in _SCOPE_WORDS),
                      key=lambda m: (m.start, -m.end))  # 居全国第一: 全国 is the scope, not a place ranked
    if not mentions:
        return []
    tail = max(mentions, key=lambda m: m.end)
    # 甲居全省第一, 乙次之; the first clause may open with what is ranked (全省GDP甲居首, 陕西各市排名:甲第一)
    head = mentions[0] if run else max(mentions, key=lambda m: m.start)
    listed = re.search(r"[、和与及同]$", clause[: head.start])  # 甲与乙并列第一: 乙 is one of a list
    if (head.start == 0 or not run) and not listed and not _BARRED.search(clause):
        m = _PLACE_FIRST.match(clause, head.end)
        if m is not None and not (m["next"] and not run):
            return _ranked(m, run, head.surface, m["what"].strip() + (m["scope"] or ""), ctx, m["figure"])
    if tail.end == len(clause):  # 第二是乙, 冠军为甲
        m = _RANK_FIRST.match(clause[: tail.start])
        if m is not None and only_places(clause[tail.start :], ctx) and not (m["next"] and not run) \
                and (not run or not m["pre"].strip(" 而")):
            return _ranked(m, run, tail.surface, "", ctx)
    return []


def _shared_ranks(clause: str, ctx: ArticleContext) -> list[_Item]:
    """乙和丙分列第二、三位 / 乙、丙分别位居全省第4、5位: a list of places given the ranks listed after it."""
    runs = item_runs(clause, ctx)
    if len(runs) != 1 or runs[0].start != 0 or any(value for _, value in runs[0].items):
        return []
    m = _SHARED_RANKS.fullmatch(clause, runs[0].end)
    if m is None:
        return []
    ranks = [_token_rank(t) for t in re.findall(_RANK_TOKEN, m["ranks"])]
    places = [mention.surface for mention, _ in runs[0].items]
    figures = re.findall(_FIG, m["figures"]) if m["figures"] else [None] * len(places)
    if len(ranks) != len(places) or len(figures) != len(places) or None in ranks \
            or any(b != a + 1 for a, b in pairwise(r or 0 for r in ranks)):
        return []
    # what is ranked and where: 甲全省第一,乙全国第二 are two rankings
    what = _ADVERB.sub("", m["what"].strip()) + (m["scope"] or "")
    return [_Item(r or 0, p, what, f) for r, p, f in zip(ranks, places, figures, strict=True)]


def _token_rank(token: str) -> int | None:
    if token in words()["ordinal_words"]:
        return int(words()["ordinal_words"][token])
    return cn_int(re.sub(r"[第位名]", "", token))


def _goes_on(run: list[_Item], items: list[_Item]) -> bool:
    """Whether a clause's places carry a run on: higher ranks, new places, the same thing ranked."""
    seen = {i.place for i in run}
    what = run[0].what
    return items[0].rank > run[-1].rank and not any(i.place in seen for i in items) \
        and all(not i.what or not what or i.what == what for i in items)


def _ranked(m: re.Match[str], run: list[_Item], place: str, what: str,
            ctx: ArticleContext, figure: str | None = None) -> list[_Item]:
    if m["next"]:
        rank = run[-1].rank + 1
    elif m["w"]:
        rank = int(words()["ordinal_words"][m["w"]])
    else:
        rank = cn_int(m["n"]) or 0
    if rank <= 0 or link_entry(None, place, ctx).region_code is None:
        return []
    return [_Item(rank, place, what, figure)]


def _series_ranking(run: list[_Item], before: str, lead: str, sentence: Sentence, doc: Document,
                    ctx: ArticleContext) -> ExtractedRanking:
    """The ranking of a run; its scope and period are read up to the end of its first clause."""
    opening = lead[len(before) :].split(run[0].place)[0]  # 浙江各市GDP排行榜:甲居首 → 浙江各市GDP排行榜
    before = re.sub(r"[\s,,::]+$", "", before + opening)
    title = re.sub(r"^\d{4}年(?:度)?", "", re.split(r"[,,]", before)[-1])
    title = _RANK_TAIL.sub("", title) + run[0].what  # GDP排名第一的是 → GDP
    entries = [link_entry(i.rank, i.place, ctx, i.figure) for i in run]
    for e in entries:  # named as the rank claims of the same clauses name them
        e.name = ctx.gazetteer.get(e.region_code).name if e.region_code else e.name
    return make_ranking(title or "排名", "ordered", lead, entries, sentence.position, doc, ctx)


def shared_figures(sentence: Sentence, doc: Document, ctx: ArticleContext) -> list[ExtractedRanking]:
    """甲、乙、丙分别以5000亿元、4000亿元、3000亿元位列全省前三 (甲、乙、丙GDP分别为…,位列全省前三; and the top
    first: 甲、乙、丙位列全省前三,增速分别为…)."""
    text = sentence.text
    found = []
    for run in item_runs(text, ctx):
        if any(value for _, value in run.items):
            continue
        m = _SHARED.match(text, run.end) or _TOP_THEN_SHARED.match(text, run.end)
        if m is None:
            continue
        figures = [_FIGURE.fullmatch(f.strip()) for f in m["figures"].split("、")]
        n = len(run.items)
        if len(figures) != n or cn_int(m["top"]) != n or any(f is None for f in figures):
            continue
        units = {f["unit"] for f in figures if f}
        falling = len(units) == 1 and all(float(a["num"]) >= float(b["num"])
                                          for a, b in pairwise(f for f in figures if f))
        entries = [link_entry(i + 1 if falling else None, mention.surface, ctx, f.group() if f else None)
                   for i, ((mention, _), f) in enumerate(zip(run.items, figures, strict=True))]
        lead = text[: run.start]
        what = (m["what"] or m["measure"] or "").strip()
        title = f"{m['scope'] or ''}{what}前{m['top']}"
        found.append(make_ranking(title, "ordered" if falling else "set", f"{lead} {m.group(0)}", entries,
                                  sentence.position, doc, ctx))
    return found


# 广东 135000亿元; 广东:GDP为135000亿元,增长4.8% (what the figure is, and a remark after it, may be written)
_VALUED_LINE = re.compile(rf"(?P<place>[^\d\s::,,]{{2,12}}?)\s*[::]?\s*(?:[A-Za-z\u4e00-\u9fff]{{0,8}}?[::为达]?)\s*"
                          rf"(?P<figure>{_FIG})(?![\d.])(?:\s*[,,;;((][^\n]{{0,30}}?)?\s*[;;。]?")


def valued_lines(doc: Document, ctx: ArticleContext) -> list[ExtractedRanking]:
    """Lines of a place and its figure (广东 13.5万亿元) under a line naming a ranking (各省GDP排名如下:): in
    rank order when the figures fall from line to line in one unit, else no ranking at all."""
    lines = [line.strip() for line in doc.reading_lines if line.strip()]
    found: list[ExtractedRanking] = []
    i = 1
    while i < len(lines):
        block: list[re.Match[str]] = []
        while i + len(block) < len(lines):
            m = _VALUED_LINE.fullmatch(lines[i + len(block)])
            if m is None or not only_places(m["place"], ctx):
                break
            block.append(m)
        lead = lines[i - 1]
        figures = [_FIGURE.fullmatch(m["figure"]) for m in block]
        units = {f["unit"] for f in figures if f}
        if len(block) >= 3 and ranked(lead) and len(units) == 1 \
                and all(float(a["num"]) >= float(b["num"]) for a, b in pairwise(f for f in figures if f)):
            entries = [link_entry(k + 1, m["place"], ctx, m["figure"]) for k, m in enumerate(block)]
            position = next((s.position for s in doc.sentences if s.text and s.text in lines[i]), 0)
            title = re.sub(r"(?:如下)?[::。]*$", "", lead) or "排名"
            found.append(make_ranking(title, "ordered", lead, entries, position, doc, ctx))
        i += max(len(block), 1)
    return found


def followers(sentence: Sentence, doc: Document, ctx: ArticleContext) -> list[ExtractedRanking]:
    """甲、乙、丙紧随丁(之后): the places that follow one named after them, a set (the text gives no order)."""
    text = sentence.text
    verbs = "|".join(sorted(words()["lists"]["followers"], key=len, reverse=True))
    found = []
    for run in item_runs(text, ctx):
        if any(value for _, value in run.items):
            continue
        m = re.compile(rf"(?P<what>[^\d,,。;;、]{{0,6}}?)(?:{verbs})").match(text, run.end)
        if m is None:
            continue
        leader = next((x for x in ctx.mentions(text[m.end() :]) if x.start == 0), None)
        if leader is None or leader.surface in _SCOPE_WORDS:
            continue
        entries = [link_entry(None, mention.surface, ctx) for mention, _ in run.items]
        title = f"{m['what'].strip()}紧随{leader.region.name}的城市"
        found.append(make_ranking(title, "set", "", entries, sentence.position, doc, ctx))
    return found
