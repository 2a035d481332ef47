"""Rank spans of a sentence (居全省第3位, 全国第一, 在某组城市中居第2位, 领跑全省) and what each one says: where
its rank starts, the rank, the words kept as the claim's text. Word classes: knowledge/data/rankings.toml."""

from __future__ import annotations

import re

from knowledge.extract.claim_words import NUM, SCOPE, VERB, alt, words
from knowledge.text.numbers import cn_int

RANK = (
    rf"(?:第(?P<pos>{NUM})(?!(?:位|名)?[至到~\-—]第?(?:{NUM}))(?:位|名)?(?!{alt(words()['not_after_ordinal'])}|[\d.])"
    rf"|(?P<word>{alt(list(words()['ordinal_words']))})(?![次批家个创届季府都先要台店发])"
    rf"|前(?P<top>{NUM}|两)(?:名|位|强)?(?![季\d.个年月%])"
    rf"|(?P<front>{alt(words()['no_rank']['words'])}))"
)
# a qualifier between scope and rank (全省县级首位, 居全市12县区第8) holds no clause word or old rank (从…的第7名)
# (or a count of the places, 136个县(市、区), that the rank is counted among)
UNITS = alt(words()["group_units"] + words()["lists"]["classes"])
_QUAL_WORDS = r"[^\s,。;:、()“”\"第前首之从由的以在]"
# 居全国综合投资潜力百强县市第41位: a named list may be longer than other qualifiers
_LIST_QUAL = (rf"{_QUAL_WORDS}{{2,14}}?(?:(?:{alt(words()['lists']['list_heads'])})(?:县市区|县市|县区|城市|县|市|区)?"
              rf"|{alt(words()['lists']['assessment_heads'])})")
QUAL = (rf"(?P<qual>(?:\d{{1,4}}个?(?:{UNITS})(?:[((][^))]{{1,8}}[))])?)?"
        rf"(?:{_QUAL_WORDS}{{0,8}}?|{_LIST_QUAL}))")
WITH_VERB = re.compile(rf"(?P<verb>(?:{VERB})+)在?(?P<scope>{SCOPE})?{QUAL}中?{RANK}")
BARE_SCOPE = re.compile(rf"(?P<scope>{SCOPE}){QUAL}{RANK}")
IN_GROUP = re.compile(rf"在(?:\d{{4}}年度?)?(?P<group>[^,。;:、]{{2,24}}?)中(?P<verb>{VERB})?"
                      rf"(?:{RANK}|(?P<bare>\d{{1,3}})(?:位|名))")
LEADS = re.compile(rf"(?:{alt(words()['no_rank']['leads'])})(?P<scope>{SCOPE})")
# 投资潜力百强第24位, 带动力百强山东省第4位: a named list and a rank in it, no verb
IN_LIST = re.compile(rf"(?P<listname>[\u4e00-\u9fff]{{2,14}}?(?:{alt(words()['lists']['list_heads'])})){QUAL}{RANK}")
# every rank span holds a rank, a bare 3位, or a lead word: a sentence with none of them has no rank claim
_ANY_RANK = re.compile(rf"{RANK}|(?:{SCOPE})最快|第(?:{NUM})(?:大|经济)|\d(?:位|名)"
                       rf"|(?:{alt(words()['no_rank']['leads'])})")
# 为全国第五大经济体: the Nth largest economy is the Nth by GDP
LARGEST = re.compile(rf"(?P<verb>(?:{VERB})+)?(?P<scope>{SCOPE})(?P<qual>)第(?P<pos>{NUM})大"
                     rf"(?P<largest>{alt(list(words()['nth_largest']))})")
# 经济第一大省, 全省第二经济强市: the place's rank by GDP among units of its level (省, 市, 县)
ECONOMY_RANK = re.compile(rf"(?P<verb>(?:{VERB})+)?(?P<scope>{SCOPE})?(?P<qual>)“?(?:经济(?=第)|(?=第(?:{NUM})经济))"
                          rf"第(?P<pos>{NUM})(?:经济)?(?:大|强)(?P<unit>省|市|县)”?")
# 增速全省最快: the fastest growth of the scope is its first, when the superlative closes the clause (最高, 最多
# and 最大 are left out: 全省最高水平, 全国最大的港口 and a level's top said so are too often no rank of the metric
# before them)
BEST = re.compile(rf"(?P<scope>{SCOPE})(?P<qual>)(?P<best>最快)(?=[,;。、]|$)")
CHAIN = re.compile(rf"、在?(?P<scope>{SCOPE})?{QUAL}中?(?:{VERB})?{RANK}")


def rank_spans(text: str) -> list[re.Match[str]]:
    """Rank spans of a sentence, the more specific patterns first, without overlaps."""
    found: list[re.Match[str]] = []
    if not _ANY_RANK.search(text):
        return found  # cheap test first
    for pattern in (LARGEST, ECONOMY_RANK, IN_GROUP, WITH_VERB, BARE_SCOPE, LEADS, IN_LIST, BEST):
        for m in pattern.finditer(text):
            if not any(m.start() < o.end() and o.start() < m.end() for o in found):
                found.append(m)
    return sorted(found, key=lambda m: m.start())


def is_epithet(said: str) -> bool:
    """经济第一大省, 全国第五大经济体: a standing said as a title of the place, not with a figure of a period."""
    return any(p.search(said) for p in (LARGEST, ECONOMY_RANK))


def rank_start(m: re.Match[str]) -> int:
    starts = [m.start(g) for g in ("pos", "word", "top", "front", "bare", "best") if m.groupdict().get(g)]
    return min(starts) if starts else m.start()


def first_of_a_kind(m: re.Match[str], text: str) -> bool:
    """全省首条智慧高速, 全国首趟班列, 首单交易: 首 before a measure word is the first of a kind, not a rank
    (居全省首, 居首的是… are ranks)."""
    if m.groupdict().get("word") != "首":
        return False
    after = text[m.end("word") : m.end("word") + 1]
    return bool(after) and "\u4e00" <= after <= "\u9fff" and after != "的"


def position_of(m: re.Match[str]) -> int | None:
    groups = m.groupdict()
    if groups.get("pos"):
        return cn_int(groups["pos"])
    if groups.get("bare"):
        return int(groups["bare"])
    if groups.get("word"):
        return int(words()["ordinal_words"][groups["word"]])
    if m.re is LEADS or groups.get("best"):
        return 1
    return None


def claim_text(m: re.Match[str]) -> str:
    """The words kept as the claim's text: the span less its verb (居全省第3位 → 全省第3位)."""
    said = m.group(0)
    if m.groupdict().get("verb"):
        said = said[said.find(m["verb"]) + len(m["verb"]) :]
    return said.lstrip("在")
