"""What a rank claim ranks: the metric words before the rank (总量和增速, 高速公路、农村公路通车里程).

Word classes are data: knowledge/data/rankings.toml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.extract.claim_words import COMPARISON, words
from knowledge.extract.context import ArticleContext
from knowledge.extract.metrics import UNIT_ALTERNATION, canonical_metric, metric_in_phrase, surfaces
from knowledge.extract.nounphrase import noun_phrase_in
from knowledge.extract.periods import period_spans
from knowledge.places.gazetteer import Region

_NOISE = "|".join(words()["noise"]["patterns"])
_NOISE_AT_ENDS = re.compile(rf"^(?:{_NOISE}|\s)+|(?:{_NOISE}|\s)+$")
_FIGURE = re.compile(rf"[约近超逾]?\d+(?:\.\d+)?(?:万|亿|千)*(?:{UNIT_ALTERNATION})?(?:/[年月人日])?")
_AFTER_RANK = re.compile(r"([\u4e00-\u9fffA-Z]{2,16}?)(?:为|是|达到|达|实现|突破|超过|增长|迈|跃|[,;。(\d]|$)")
_PLACE_COUNT = re.compile(r"[一二两三四五六七八九十\d]*[个座]?[市县区省州]?")
_AMONG = re.compile(r"在[^在,;。]{1,16}?中$")  # 收入在全国各省份排名中: where it is ranked, not what
_COUNT_OF_PLACES = re.compile(r"^(?:[一二两三四五六七八九十\d]{1,2}个?(?:城市|地市|市|县|区|省))(?=[\u4e00-\u9fffA-Z])")
_ITEM_SPLIT = re.compile(r"[、和及与]")
_LEAD_WORDS = re.compile(r"^(?:以|在|从|由|而|但|其|是|对比|相比|其中|同时|的)+")
_SCOPE_WORDS = {w for listed in words()["scopes"].values() for w in listed}  # 在全省排第一: 全省 ranks nothing
# 在全省排第8位, GDP在全国排第23位: where the rank is counted closes the phrase, it names no metric
_AT_SCOPE = re.compile(rf"在(?:{'|'.join(sorted(_SCOPE_WORDS, key=len, reverse=True))})?(?:范围内|内)?$")
# GDP在福建省内排名第一: a named province, city or county closing the phrase is where the rank is counted
_AT_NAMED = re.compile(r"在[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州)(?:范围内|域内|内)?$")
# 较上年提升3个位次, 排名前移2位: a move in rank, no figure of the metric ranked
RANK_MOVE = re.compile(rf"(?:较上年|比上年|较去年|同比)?(?:{'|'.join(words()['rank_moves'])})"
                       r"(?:\d{1,3}|[一二两三四五六七八九十]{1,3})个?(?:位次|位|名)")
_OLD_RANK = re.compile(r"(?:从|由)[^,;。第]{0,8}第[^,;。]{1,4}?(?:位|名)")


def without_comparison(phrase: str) -> str:
    """The phrase up to a comparison (收入紧跟A和B → 收入)."""
    m = COMPARISON.search(phrase)
    return phrase[: m.start()] if m else phrase


def without_among(phrase: str) -> str:
    """The phrase without a closing 在…中 (收入在全国31省份排名中 → 收入): where a rank is counted."""
    return _AMONG.sub("", phrase)


def aspect_of(item: str) -> tuple[str, str]:
    """(base, aspect): 规上工业增加值增速 → (规上工业增加值, 增速); 总量 → ("", ""); words after the aspect go."""
    best: tuple[int, str, str] | None = None
    for aspect, listed in words()["aspects"].items():
        for word in listed:
            at = item.rfind(word)
            if at >= 0 and (best is None or at > best[0] or (at == best[0] and len(word) > len(best[2]))):
                best = (at, aspect, word)
    if best is None:
        return item, ""
    return item[: best[0]], best[1]


def clean(phrase: str) -> str:
    """The metric words of a phrase: periods and figures blanked, adverbials cut from both ends."""
    chars = list(phrase)
    for start, stop in period_spans(phrase):
        chars[start:stop] = " " * (stop - start)
    phrase = _FIGURE.sub(" ", _OLD_RANK.sub(" ", RANK_MOVE.sub(" ", "".join(chars))))
    phrase = _AMONG.sub("", re.sub(r"[“”\"()()]", "", phrase))
    phrase = _AT_SCOPE.sub("", phrase.rstrip()) or phrase  # a bare 在 stays: the clause names no metric
    phrase = _AT_NAMED.sub("", phrase) or phrase
    previous = None
    while previous != phrase:
        previous, phrase = phrase, _NOISE_AT_ENDS.sub("", phrase)
        # 在滨州市各县市区中继续: where it is counted, once the adverbial after it is cut
        phrase = _AMONG.sub("", phrase).rstrip() or phrase
        phrase = _AT_NAMED.sub("", phrase) or phrase
    return phrase.replace(" ", "")


def names_nothing(phrase: str) -> bool:
    """Whether a phrase is empty of metric words once where it is counted is cut off (在全省 → nothing)."""
    return not _AT_SCOPE.sub("", clean(phrase))


def metrics(phrase: str, fallback: str | None, ctx: ArticleContext) -> list[str | None]:
    """The metrics a claim ranks: one per item of 总量和增速 or 高速公路、农村公路通车里程.

    An item that only names an aspect (GDP总量和增量) takes the metric of the item before it; an item that is
    only a place name ranks nothing. `fallback` is the metric of the figure the claim follows."""
    # a place is dropped as written: cleaning first would cut 上 off 上海 (上 is an adverbial at a phrase's end)
    raw = [_without_place(i.strip(), ctx) for i in _ITEM_SPLIT.split(without_comparison(phrase))
           if not _is_place(i.strip(), ctx)]
    items = [_LEAD_WORDS.sub("", clean(i)) for i in raw]
    items = [i for i in items if i and not _is_place(i, ctx) and i not in _SCOPE_WORDS] or [""]
    out: list[str | None] = []
    shared_tail = aspect_of(items[-1])[0]
    previous: str | None = None
    tail = _tail_noun(shared_tail)
    for i, item in enumerate(items):
        base, aspect = aspect_of(item)
        if aspect == "" and base != item and canonical_metric(item):
            base = item  # 经济总量 is a name of GDP itself, not the 总量 of 经济
        name = (canonical_metric(base) or metric_in_phrase(base)) if base else None
        if name is None and base and i < len(items) - 1 and tail and not base.endswith(tail):
            name = metric_name(base + tail)  # 高速公路、农村公路通车里程: the head noun is shared
        if name is None and base:
            name = metric_name(base)
        if name is None and not base:
            name = previous or fallback
        previous = name or previous
        out.append(f"{name}{aspect}" if name else None)
    return list(dict.fromkeys(out))


def _is_place(item: str, ctx: ArticleContext) -> bool:
    """张家港, 常熟四市: an item that is a place's name (and a count of places at most)."""
    found = [m for m in ctx.mentions(item) if m.start == 0]
    return bool(found) and _PLACE_COUNT.fullmatch(item[found[0].end :]) is not None


def _without_place(item: str, ctx: ArticleContext) -> str:
    """深圳的GDP → GDP, 江阴市GDP增速 → GDP增速: the place a list's item opens with is whose the metric is, not
    part of it (without 的 only when a catalogue metric follows: 德州市科学发展考评 may be the place's own name)."""
    found = [m for m in ctx.mentions(item) if m.start == 0]
    if not found:
        return item
    rest = _COUNT_OF_PLACES.sub("", item[found[0].end :])  # 甲、乙、丙三市地区生产总值: the count goes too
    if rest.startswith("的"):
        return rest.lstrip("的")
    base = aspect_of(clean(rest))[0] or clean(rest)
    known = (base and (canonical_metric(base) or metric_in_phrase(base))) or canonical_metric(clean(rest))
    return rest if known else item


def _tail_noun(phrase: str) -> str:
    """The head noun a list's last item shares with the items before it (农村公路通车里程 → 通车里程)."""
    return phrase[-4:] if len(phrase) > 4 else ""


_NAMED_RANKING = re.compile(rf"[\u4e00-\u9fff]{{2,}}(?:{'|'.join(words()['lists']['assessment_heads'])})$")


def is_assessment(metric: str) -> bool:
    """Whether a metric is an assessment's name (县域经济综合考核, 科学发展综合考评)."""
    return bool(_NAMED_RANKING.fullmatch(metric))


def metric_name(base: str) -> str | None:
    """A catalogue name, else the noun phrase of `base`, else an assessment named by it (综合考评 ends in a verb
    to the noun-phrase test but names what is ranked)."""
    return canonical_metric(base) or metric_in_phrase(base) or noun_phrase_in(base) or (
        base if _NAMED_RANKING.fullmatch(base) else None)


@lru_cache(maxsize=1)
def _title_surfaces() -> tuple[str, ...]:
    """The catalogue's names a title may carry, longest first (two Chinese characters are too short to tell)."""
    return tuple(s for s in sorted(surfaces(), key=len, reverse=True) if len(s) >= 3 or s.isascii())


@lru_cache(maxsize=256)
def headline_metric(title: str) -> str | None:
    """The one catalogue metric a title names (山东17市上半年GDP出炉 → 地区生产总值), else None.

    A ranking article's claims that name no metric and follow no figure rank what its title is about; it is
    asked once per sentence, hence the caches."""
    found: set[str] = set()
    taken = [False] * len(title)
    for surface in _title_surfaces():
        if surface not in title:
            continue
        at = title.find(surface)
        while at >= 0:
            if not any(taken[at : at + len(surface)]):
                taken[at : at + len(surface)] = [True] * len(surface)
                found.add(canonical_metric(surface) or surface)
            at = title.find(surface, at + 1)
    return found.pop() if len(found) == 1 else None


def figure_metric(text: str, clause_start: int, stop: int) -> str | None:
    """The catalogue metric of the nearest figure before the rank (县域实现生产总值1412亿元,增长8.2%,增速居第2位),
    clause by clause back to a semicolon or the rank before; a period's digits are no figure."""
    end = clause_start
    while end - 1 > stop and text[end - 1] != ";":
        start = _clause_start(text, end - 1)
        clause = list(text[start : end - 1])
        for a, b in period_spans("".join(clause)):
            clause[a:b] = " " * (b - a)
        digit = re.search(r"\d", "".join(clause))
        if digit:
            words = clean("".join(clause[: digit.start()]))
            # 占山东总存量的19.4%: a share of the metric, not the metric
            found = None if words.startswith("占") else canonical_metric(words) or metric_in_phrase(words)
            if found:
                return found
        end = start
    return None


def phrase_after(text: str, end: int, subject: Region | None, ctx: ArticleContext) -> str:
    """The words naming what is ranked after 第N的 (and the place named there), up to its verb or figure."""
    at = end + 1 if text.startswith("的", end) else end
    if subject is not None:
        named = next((x for x in ctx.mentions(text) if x.start == at and x.region.code == subject.code), None)
        at = named.end if named else at
    m = _AFTER_RANK.match(text, at)
    return m.group(1) if m else ""


def _clause_start(text: str, at: int) -> int:
    return max(text.rfind(x, 0, at) for x in ",;:。") + 1


def names_metric(words_: str) -> bool:
    """Whether a qualifier between verb and rank names what is ranked (勇夺GDP增速第一), not a group of units."""
    base, aspect = aspect_of(words_)
    return bool(canonical_metric(words_) or metric_in_phrase(words_) or aspect or base != words_)
