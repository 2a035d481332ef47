"""Ranked lists and named sets in prose: 前十位依次是 X、Y, 分别是 X、Y、Z, X、Y两市…, numbered lines.

A list is a run of places joined by 、/和; what precedes it (依次为, 前N位是) or follows it (两市, 等6个城市)
says whether it is ordered. Sets are never numbered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from knowledge.extract.context import ArticleContext
from knowledge.extract.rank_entries import (
    ExtractedEntry,
    ExtractedRanking,
    alt,
    link_entry,
    make_ranking,
    period_of,
    words,
)
from knowledge.places.region import Mention
from knowledge.text.document import Document, Sentence
from knowledge.text.numbers import cn_int

RANK_NUM = r"\d{1,3}|[一二两三四五六七八九十]{1,3}"  # a rank or a count of places (rank_series.py too)
_NUM = RANK_NUM
# the figure after an entry (浙江23个, 青岛12亿美元, 广东(59518亿元)): a number and a short unit
_VALUE = r"[((]?\s*(?P<value>-?\d+(?:\.\d+)?(?:%|[^、和及与,,。;;\s\d(())]{0,4}))\s*[))]?"
_VALUE_RE = re.compile(_VALUE)
_CLAUSE_END = re.compile(r"[。;;!?]")
_TOP_N = re.compile(rf"前(?:{_NUM})(?:位|名|强)|(?<![a-z])top\s*\d{{1,3}}", re.IGNORECASE)
# a rank written after a place of a list: 龙口市(第17位), 荣成市第22位
# (and 苏州第一、南京第二: a rank in words, not the first of a series such as 第一产业)
_RANK_AFTER = re.compile(r"\s*(?:[((]\s*第(?P<a>\d{1,3})\s*(?:位|名)?\s*[))]|第(?P<b>\d{1,3})(?:位|名)"
                         r"|第(?P<c>[一二三四五六七八九十]{1,3})(?:位|名)?(?![\u4e00-\u9fff\d]))")
_MAX_TOP = 100  # 百强 is the widest top a list of names is read against
# after a list of places: the top they make (均位列全省前三, 分列前三位, 进入全国前十强); 分列/依次 give each its rank
_SCOPES = "|".join(w for level in ("nation", "province", "city", "county") for w in words()["scopes"][level])
_TOPPED = re.compile(
    rf"\s*(?:[一二两三四五六七八九十\d]+[个座]?(?:城市|市|县|区|省|州))?(?P<what>[^\s,,。;;、::等\d]{{0,10}}?)"
    rf"\s*(?:均|都|共同|同时|继续|仍|依然|再次)?(?P<order>分列|分居|依次|分别(?=位列|位居|排名|排在|居))?"
    rf"(?P<verb>位列|位居|排名|排在|排|居|进入|跻身|挤进|闯入|名列|稳居|包揽|占据)?(?:了)?"
    rf"(?P<scope>{_SCOPES})?"
    rf"(?(scope)(?P<measure>[A-Za-z\u4e00-\u9fff]{{0,8}}?))"  # 位列全国GDP前三: what is ranked, after the scope
    rf"(?:前(?P<n>{_NUM})(?P<unit>位|名|强)?(?![季\d.个年月])"
    rf"|(?P<ord>第)?(?P<low>{_NUM})(?:位|名)?(?:至|到|~|-|—)第?(?P<high>{_NUM})"
    rf"(?(ord)(?P<span_unit>位|名)?|(?:位|名)))")  # 第四至第六位, 四至六位 (without 第, its unit must follow)
_COMMA = re.compile(r"[,,]")
# a lead a list follows right after, with commas between its places: 依次为:, 分别是, 名单如下:, 前五名:
_UNIT_NOTE = r"(?:[((][^))]{1,8}[))])?"  # 排名(亿元): the unit of the figures noted after the head
_LIST_LEAD = re.compile(rf"(?:(?:依次|分别)(?:是|为)[::]?|名单如下[::]?|如下[::]?"
                        rf"|前(?:{_NUM})(?:(?:位|名|强)[::]?|[::])"
                        rf"|(?:{'|'.join(words()['lists']['ranking_heads'])}){_UNIT_NOTE}[::])\s*$")
_COLON_BEFORE = re.compile(r"[::]\s*$")


@dataclass(slots=True)
class _Run:
    start: int
    end: int
    items: list[tuple[Mention, str | None]]
    ranks: dict[int, int] = field(default_factory=dict)  # item index → the rank written after it (龙口市(第17位))


@lru_cache(maxsize=1)
def _separator() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{alt('separators')})\s*")


@lru_cache(maxsize=1)
def _led_separator() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:[,,]|{alt('separators')})\s*|[ \u3000]+")  # 前五:甲 乙 丙, one space apart


def item_runs(text: str, ctx: ArticleContext) -> list[_Run]:
    """Runs of two or more places joined by list separators, each place with the figure written after it;
    after a list's lead (依次为:, 前五名:) commas join them too (苏州,南京,无锡)."""
    runs = _runs(text, ctx, _separator())
    for led in _runs(text, ctx, _led_separator()):
        if _LIST_LEAD.search(text, 0, led.start) and re.search(r"[,,  \u3000]", text[led.start : led.end]):
            runs = [r for r in runs if not led.start <= r.start < led.end] + [led]
    return sorted(runs, key=lambda r: r.start)


def _runs(text: str, ctx: ArticleContext, sep_re: re.Pattern[str]) -> list[_Run]:
    value_re = _VALUE_RE
    mentions = sorted((m for m in ctx.mentions(text) if m.surface not in words()["scopes"]["nation"]),
                      key=lambda m: m.start)
    runs: list[_Run] = []
    current: _Run | None = None
    for m in mentions:
        if current is not None and m.start >= current.end:
            gap = sep_re.fullmatch(text, current.end, m.start)
            if gap is None and _bridge(text, current, m.start, sep_re, ctx):
                gap = sep_re.fullmatch(text, current.end, m.start)
            if gap is None or m.start == current.end:
                runs.append(current)
                current = None
        if current is not None and m.start < current.end:
            continue  # an overlapping mention (济南市中区 inside 济南市中区): the first reading stands
        rank = _RANK_AFTER.match(text, m.end)
        value = None if rank else value_re.match(text, m.end)
        end = rank.end() if rank else (value.end() if value and value.group("value") else m.end)
        item = (m, value.group("value").replace(" ", "") if value and value.group("value") else None)
        if current is None:
            current = _Run(m.start, end, [item])
        else:
            current.items.append(item)
            current.end = end
        if rank:
            current.ranks[len(current.items) - 1] = int(rank["a"] or rank["b"] or cn_int(rank["c"]) or 0)
    if current is not None:
        runs.append(current)
    for run in runs:
        _bridge_tail(text, run, sep_re, ctx)
        _drop_count(run)
    return [r for r in runs if len(r.items) >= 2]


def _drop_count(run: _Run) -> None:
    """临邑、平原、夏津3个县: the number after the last place is the list's count, not that place's figure."""
    mention, value = run.items[-1]
    if not value:
        return  # cheap test first: no figure after the last place
    count = re.fullmatch(rf"(?P<n>\d+)(?:个?(?:{alt('classes')})|个)", value)
    if count is not None and int(count["n"]) == len(run.items):
        run.items[-1] = (mention, None)


def _bridge_tail(text: str, run: _Run, sep_re: re.Pattern[str], ctx: ArticleContext) -> None:
    """Take into the run a last short name the mention scan skipped when the list's count follows it and it
    names a place of the same province as the others: 甲、乙、丙3个千亿县."""
    sep = sep_re.match(text, run.end)
    if sep is None or not run.items:
        return
    token = re.match(rf"([^、,,。;;和及与\s\d]{{2,4}}?)(?=(?:{alt('count_openers')})?(?:{_NUM})\s*(?:个|座))",
                     text[sep.end() :])
    if token is None:
        return
    entry = link_entry(None, token.group(1), ctx)
    if entry.region_code is None:
        return
    region = ctx.gazetteer.get(entry.region_code)
    province = ctx.gazetteer.province_of(region).code
    if any(ctx.gazetteer.province_of(m.region).code != province for m, _ in run.items):
        return
    end = sep.end() + token.end(1)
    run.items.append((Mention(sep.end(), end, token.group(1), region, "name"), None))
    run.end = end


def _bridge(text: str, run: _Run, until: int, sep_re: re.Pattern[str], ctx: ArticleContext) -> bool:
    """Take into the run the short names between separators that name a place of the article's city although
    the mention scan skipped them (平原 is also a common word): 陵城、临邑、平原、乐陵."""
    while True:
        sep = sep_re.match(text, run.end)
        if sep is None:
            return False
        token = re.match(r"[^、,,。;;和及与\s]{2,4}", text[sep.end() : until])
        if token is None or not sep_re.fullmatch(text, sep.end() + token.end(), until):
            return False
        entry = link_entry(None, token.group(), ctx)
        if entry.region_code is None:
            return False
        run.items.append((Mention(sep.end(), sep.end() + token.end(), token.group(),
                                  ctx.gazetteer.get(entry.region_code), "name"), None))
        run.end = sep.end() + token.end()
        return True


def ranked(text: str) -> bool:
    """Whether a lead names a ranked order: 排名, 百强, 前十位, TOP10."""
    return any(w in text for w in words()["lists"]["ranked"]) or bool(_TOP_N.search(text))


def prose_lists(sentence: Sentence, doc: Document, ctx: ArticleContext) -> list[ExtractedRanking]:
    """Every list of places in a sentence that its lead or its count marks as a ranking or a set."""
    text = sentence.text
    found: list[ExtractedRanking] = []
    for run in item_runs(text, ctx):
        clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, run.start)), default=0)
        lead = re.sub(r"[\s::,,]+$", "", text[clause_start : run.start])
        ranking = _with_ranks(run, lead, sentence, doc, ctx) or _led(run, lead, text, sentence, doc, ctx) \
            or _counted(run, lead, text, sentence, doc, ctx) \
            or _chosen(run, lead, text, sentence, doc, ctx) or _topped(run, lead, text, sentence, doc, ctx)
        if ranking is not None:
            ranking.period_label = ranking.period_label or period_of(text[: run.start], doc, ctx)
            found.append(ranking)
    return found


def _with_ranks(run: _Run, lead: str, sentence: Sentence, doc: Document,
                ctx: ArticleContext) -> ExtractedRanking | None:
    """龙口市(第17位)、荣成市(第22位)、胶州市(第25位): every place with its rank, in rank order."""
    ranks = [run.ranks.get(i) for i in range(len(run.items))]
    if None in ranks or any(b < a for a, b in pairwise(ranks) if a and b):  # 甲(第3位)、乙(第3位): a tie
        return None
    entries = [link_entry(rank, m.surface, ctx) for (m, _), rank in zip(run.items, ranks, strict=True)]
    return make_ranking(_title(_COMMA.split(lead)[-1] if lead else ""), "ordered", lead, entries,
                        sentence.position, doc, ctx)


def _entries(run: _Run, ctx: ArticleContext, first: int | None) -> list[ExtractedEntry]:
    return [link_entry(None if first is None else first + i, m.surface, ctx, value)
            for i, (m, value) in enumerate(run.items)]


def _led(run: _Run, lead: str, text: str, sentence: Sentence, doc: Document,
         ctx: ArticleContext) -> ExtractedRanking | None:
    """A list after its lead: 排在前十位的依次是 …, 其余十强分别是 …, 在10亿元以下的分别是 …."""
    segment = _COMMA.split(lead)[-1]
    n = len(run.items)
    top = re.search(rf"(?P<rest>{alt('rest')})?(?P<pre>[^,,]{{0,6}}?)(?:前(?P<n>{_NUM})(?:位|名|强)?|(?P<m>{_NUM})强"
                    r"|(?<![a-z])(?i:top)\s*(?P<t>\d{1,3}))"
                    rf"[^,,]{{0,8}}?(?:依次|分别)?(?:是|为){'?' if _COLON_BEFORE.search(text, 0, run.start) else ''}$",
                    segment)  # 前五名:A、B… (a colon links a top to its list as 是 does)
    count = cn_int(top["n"] or top["m"] or top["t"]) if top is not None else None
    if top is not None and count != n and not top["rest"] and re.search(rf"(?:{alt('set_leads')})[::]?$", segment):
        top = None  # 二十强名单如下: with five names: some of a named set, read below as a set, never as ranks
    if top is not None:
        if count is not None and count > n and not top["rest"] and re.search(r"(?:有|包括)[::]?$", segment):
            # 进入全国前十的城市有:A、B、C: some of the top ten, in no order told
            return make_ranking(_title(segment), "set", lead, _entries(run, ctx, None), sentence.position, doc, ctx)
        if count is None or count < n:
            return None
        if not top["rest"] and count != n:
            return None  # 前十位 with five names: not the whole list
        if not top["rest"] and "分别" in top.group(0) and not ranked(segment[: top.start()] + top["pre"]):
            # 增速前三的省份分别是 X、Y、Z: who is in the top three, not in which order
            return make_ranking(_title(segment), "set", lead, _entries(run, ctx, None), sentence.position, doc, ctx)
        first = count - n + 1 if top["rest"] else 1  # 其余十强 … : the rest, after the ones named before
        return make_ranking(_title(segment), "ordered", lead, _entries(run, ctx, first), sentence.position, doc, ctx)
    listed = re.search(rf"第(?P<ranks>(?:{_NUM})(?:位|名)?(?:、第?(?:{_NUM})(?:位|名)?)+)的?(?:依次|分别)?(?:是|为)$",
                       segment)
    if listed is not None:  # 排名第一、二、三位的分别是 A、B、C: each place the rank listed for it
        ranks = [cn_int(r) for r in re.findall(_NUM, listed["ranks"])]
        if len(ranks) != n or None in ranks or any(b != a + 1 for a, b in pairwise(r or 0 for r in ranks)):
            return None
        return make_ranking(_title(segment), "ordered", lead, _entries(run, ctx, ranks[0]), sentence.position, doc,
                            ctx)
    span = re.search(rf"第(?P<low>{_NUM})(?:位|名)?(?:至|到|~|-|—)第?(?P<high>{_NUM})(?:位|名)?"
                     r"的?(?:依次|分别)?(?:是|为)$", segment)
    if span is not None:  # 排名第四至第六位的分别是 A、B、C
        low, high = cn_int(span["low"]), cn_int(span["high"])
        if low is None or high is None or high - low + 1 != n:
            return None
        return make_ranking(_title(segment), "ordered", lead, _entries(run, ctx, low), sentence.position, doc, ctx)
    if re.search(rf"(?:{alt('ranking_heads')})(?:如下)?{_UNIT_NOTE}$", segment) \
            and _COLON_BEFORE.search(text, 0, run.start) \
            and _descending(run):  # GDP排名:上海(4.7万亿元)、北京(4.4万亿元): a ranking told in its order
        return make_ranking(_title(segment), "ordered", lead, _entries(run, ctx, 1), sentence.position, doc, ctx)
    best = re.search(rf"(?:{alt('tops')})的(?P<n>{_NUM})(?:个|座)[^,,]{{0,6}}?依次(?:是|为)$", segment)
    if best is not None and cn_int(best["n"]) == n:  # 增速最快的五个省份依次为 …: the top five, in order
        return make_ranking(_title(segment), "ordered", lead, _entries(run, ctx, 1), sentence.position, doc, ctx)
    if re.search(r"依次(?:是|为)$", segment) and ranked(lead):
        return make_ranking(_title(segment), "ordered", lead, _entries(run, ctx, 1), sentence.position, doc, ctx)
    measure = rf"(?:{alt('thresholds')}|\d[\d.]*(?:%|万|亿|千|百|元))"
    classed = re.search(rf"{measure}[^,,]{{0,16}}?的(?:{alt('classes')})?(?:{alt('class_links')})$", segment)
    if classed is not None:  # GDP超过5万亿元的省份有广东(12.9万亿元)、江苏…: a named set, figures and all
        return make_ranking(_title(segment), "set", lead, _entries(run, ctx, None), sentence.position, doc, ctx)
    said = re.search(rf"(?:有|共有|共|计)(?P<n>{_NUM})(?:个|座)[^,,::]{{0,4}}?(?:[,,]?(?:{alt('set_leads')})|[::])$",
                     text[: run.start].rstrip())
    if said is not None and cn_int(said["n"]) == n:  # …的县有2个,分别是A和B
        title = _title(_COMMA.split(lead[: said.start()])[-1])
        return make_ranking(title, "set", lead, _entries(run, ctx, None), sentence.position, doc, ctx)
    if any(value for _, value in run.items):
        return None  # 分别是北京10.7%、浙江10.6%: figures shared out, read as facts
    if _COLON_BEFORE.search(text, 0, run.start) \
            and re.search(rf"(?:{alt('designations')})[^,,]{{0,8}}?(?:{alt('classes')}){_UNIT_NOTE}$", segment):
        # 高质量发展先进县(市):A、B、C: the places a title was given to
        return make_ranking(_title(segment), "set", lead, _entries(run, ctx, None), sentence.position, doc, ctx)
    if re.search(rf"(?:{alt('set_leads')})$", segment) and n >= 3:
        return make_ranking(_title(segment), "set", lead, _entries(run, ctx, None), sentence.position, doc, ctx)
    counted = re.search(rf"(?P<n>{_NUM})(?:个|座)[^,,]{{0,12}}?(?:{alt('set_leads')}|{alt('counted_leads')})$",
                        segment)
    if counted is not None and cn_int(counted["n"]) == n:
        return make_ranking(_title(segment), "set", lead, _entries(run, ctx, None), sentence.position, doc, ctx)
    return None


def _descending(run: _Run) -> bool:
    """Whether the figures given with a list's places, if any, fall from first to last in one unit."""
    values = [v for _, v in run.items]
    if not any(values):
        return True
    figures = [re.match(r"-?\d+(?:\.\d+)?", v or "") for v in values]
    units = {(v or "")[f.end() :] if f else None for v, f in zip(values, figures, strict=True)}
    if None in units or len(units) != 1:
        return False
    numbers = [float(f.group()) for f in figures if f]
    return all(a >= b for a, b in pairwise(numbers))


def _counted(run: _Run, lead: str, text: str, sentence: Sentence, doc: Document,
             ctx: ArticleContext) -> ExtractedRanking | None:
    """A list closed by its count: 日照、青岛两市增幅超过9%, A、B、C3个过千亿元城市."""
    classes = alt("classes")
    count_re = re.compile(rf"\s*(?P<opener>{alt('count_openers')})?\s*(?P<n>{_NUM})\s*(?:个|座)?\s*")
    m = count_re.match(text, run.items[-1][0].end)
    goes_on = m is not None and re.match(rf"(?:{classes})?{_separator().pattern}", text[m.end() :])
    if m is None or cn_int(m["n"]) != len(run.items) or goes_on:
        return None  # 苏州、无锡、常州三市和南京市: the list goes on past its count
    clause_end = _CLAUSE_END.search(text, m.end())
    rest = text[m.end() : clause_end.start() if clause_end else len(text)]
    if "分别" in rest or "排名" in rest or "排位" in rest:
        return None  # figures or rank changes shared out one by one: facts and claims, not a set
    head = rest.split(",")[0].split(",")[0]
    # the count's own noun (两市增幅…, 等6个城市的…), else a noun phrase ending in one (3个过三千亿元城市)
    named = re.match(rf"(?P<title>{classes})", head) or re.match(
        rf"(?P<title>[^,,]{{0,16}}?(?:{classes}))(?=$|的|[,,])", head)
    if named is None and not head and re.search(rf"(?:{alt('class_links')})$", lead) and not m["opener"]:
        # 广东的万亿城市有深圳、广州、佛山、东莞4个: the lead names the set, the count closes it
        entries = [link_entry(None, mention.surface, ctx) for mention, _ in run.items]
        return make_ranking(_title(_COMMA.split(lead)[-1]), "set", lead, entries, sentence.position, doc, ctx)
    if named is None:
        if m["opener"] != "这" or not head:
            return None
        title, tail = head[:24], ""  # 这7个争夺副中心的“种子选手”: 这 and the count mark the set
    else:
        title, tail = named["title"], head[named.end() :].lstrip("的")
        if not re.search(rf"[\d一二三四五六七八九十百千万亿]|{alt('thresholds')}", title + tail):
            return None
    if tail and len(title) <= 3:
        title = f"{tail}的{title}"  # 两市增幅超过9% → 增幅超过9%的市
    title = _title(title)
    entries = [link_entry(None, mention.surface, ctx) for mention, _ in run.items]  # 黄冈3个…: a count, no figure
    return make_ranking(title, "set", lead + rest, entries, sentence.position, doc, ctx)


def _chosen(run: _Run, lead: str, text: str, sentence: Sentence, doc: Document,
            ctx: ArticleContext) -> ExtractedRanking | None:
    """Places chosen for a named list: 成都、眉山入选全国首批…试点城市 (a set, titled by the list's name)."""
    m = re.compile(rf"\s*(?:{alt('chosen')})").match(text, run.end)
    if m is None:
        return None
    clause_end = re.compile(r"[,,。;;]").search(text, m.end())
    rest = text[m.end() : clause_end.start() if clause_end else len(text)]
    title = re.sub(r"(?:建设)?(?:地区)?名单$", "", rest)
    if not rest:  # 十强县名单公布,A、B、C入选: the list is named before the places
        named = next((seg for seg in reversed(_COMMA.split(lead)) if re.search(r"名单|榜单", seg)), "")
        title = re.sub(r"^\d{4}年度?|(?:名单|榜单).*$", "", named)
    if len(title) < 2 or re.search(r"\d", title):
        return None  # 甲、乙获批资金3亿元: a sum granted, no named list
    entries = [link_entry(None, mention.surface, ctx) for mention, _ in run.items]
    return make_ranking(_title(title), "set", lead + rest, entries, sentence.position, doc, ctx)


def _topped(run: _Run, lead: str, text: str, sentence: Sentence, doc: Document,
            ctx: ArticleContext) -> ExtractedRanking | None:
    """A list followed by the top it makes: A、B、C位列全国前三 (a set), A、B、C分列前三 (ordered, one place to
    each rank); A、B进入前十 names two of the ten (a set of two)."""
    m = _TOPPED.match(text, run.end)
    if m is None or (m["what"] and not (m["order"] or m["verb"])):
        return None  # 青岛、济南GDP居全省前三: what is ranked may stand before the verb, never without it
    if m["low"]:
        return _spanned(run, lead, m, sentence, doc, ctx)
    count, n = cn_int(m["n"]), len(run.items)
    if count is None or count < n or count > _MAX_TOP:
        return None
    ordered = bool(m["order"]) and count == n
    lead_words = _COMMA.split(lead)[-1] if lead else ""
    title = _title(f"{lead_words}{m['scope'] or ''}前{m['n']}{m['unit'] or ''}")
    entries = _entries(run, ctx, 1 if ordered else None)
    return make_ranking(title, "ordered" if ordered else "set", f"{lead} {m.group(0)}", entries,
                        sentence.position, doc, ctx)


def _spanned(run: _Run, lead: str, m: re.Match[str], sentence: Sentence, doc: Document,
             ctx: ArticleContext) -> ExtractedRanking | None:
    """A、B、C依次位列第四至第六位: one place to each rank of the span, in order; a span of another size, or
    without 依次/分列, says no one's rank."""
    low, high = cn_int(m["low"]), cn_int(m["high"])
    if low is None or high is None or high - low + 1 != len(run.items) or not m["order"]:
        return None
    title = _title(f"{_COMMA.split(lead)[-1] if lead else ''}{m['scope'] or ''}第{m['low']}至第{m['high']}位")
    return make_ranking(title, "ordered", f"{lead} {m.group(0)}", _entries(run, ctx, low), sentence.position, doc, ctx)


def _title(segment: str) -> str:
    """A list's title in the text's own words: its lead without the verb (排在前十位的依次是 → 排在前十位)."""
    title = re.sub(r"(?:的)?(?:依次|分别)?(?:是|为|包括|还有|主要有|有|如下)$", "", segment)
    title = re.sub(r"^(?:从|而|此外|其中|另外|同时)", "", title)
    return re.sub(r"^[\s“”\"::]+|[\s“”\"::]+$", "", title) or "名单"
