"""Which of a place's stored metric names a question's words mean.

The words of the question (新增城镇就业, 夏粮产量, 工业总产值) are matched against the place's own metric
names: a name the question spells out wins; otherwise the name covering most of the words (in any order),
then the one with least left over. A name that narrows the figure asked (人均, 县域, 占…比重, 增速) is
never taken for a question that does not say so: GDP is not 人均GDP.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from knowledge.extract.metrics import canonical_metric, short_form, surfaces

# modifiers that make a different figure of the same thing
_NARROWING = ("人均", "县域", "城镇", "农村", "限额以上", "限上", "占", "比重", "增速", "增长", "增幅", "累计", "平均")
COVERS = 0.75  # share of the question's words a stored name must cover
TYPO = 85.0  # a whole-name likeness that only a typing slip explains
KEEPS = 0.4  # share of the stored name the question's words must account for
_ASIDE = re.compile(r"[((][^()()]*[))]")


def without_aside(name: str) -> str:
    """乡镇(街道) → 乡镇: a stored name without its bracketed aside, which is no word a question must say."""
    return _ASIDE.sub("", name)


@lru_cache(maxsize=1)
def _longest_first() -> tuple[str, ...]:
    return tuple(s.lower() for s in sorted(surfaces(), key=len, reverse=True))


@lru_cache(maxsize=1)
def _short_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    raw = tomllib.loads(resources.files("knowledge.data").joinpath("abbreviations.toml").read_text("utf-8"))
    table: dict[str, str] = raw["spelled_out"]
    return re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))), table


def spelled_out(words: str) -> str:
    """限上社零额 → 限额以上社会消费品零售额: the short forms of economic writing written in full."""
    pattern, table = _short_forms()

    def full(m: re.Match[str]) -> str:
        short, long = m.group(0), table[m.group(0)]
        head = long[: -len(short)] if long.endswith(short) else ""
        # 城镇新增就业 is already written in full: its 新增就业 is not spelled out a second time
        return short if head and words[: m.start()].endswith(head) else long

    return pattern.sub(full, words)


def surface_in(text: str) -> str | None:
    """The longest vocabulary surface the text contains (GDP, 生产总值, 社零额)."""
    return next((s for s in _longest_first() if s in text), None)


def narrows(name: str, words: str, asked: str | None) -> bool:
    """True when `name` is what was asked plus a modifier the question does not say (人均 + 地区生产总值)."""
    said = words + (asked or "")
    for m in _NARROWING:
        if m in name and m not in said:
            rest = name.replace(m, "", 1)
            if any(w and w in rest for w in (words, asked)):
                return True
    return False


def _another_vocabulary_metric(name: str, words: str, asked: str | None) -> bool:
    """进出口总额 is not 进口总额: when the question used a vocabulary word, a stored name the vocabulary knows
    as another metric is close only if it holds the words whole (工业增加值 in 规上工业增加值)."""
    if asked is None:
        return False
    other = canonical_metric(name)
    return other is not None and other != asked and words not in name


def another_head(name: str, words: str) -> bool:
    """地区生产总值过千亿元的县 is no 地区生产总值: after the words asked, a 的 puts another head noun last (the
    counties), so the stored name counts or names something else."""
    at = name.find(words) if len(words) >= 2 else -1
    return at != -1 and bool(re.search(r"的.", name[at + len(words):]))


def coverage(words: str, name: str) -> tuple[float, float]:
    """(share of the words the name holds, in any order and in order; share of the name they account for)."""
    common = sum((Counter(words) & Counter(name)).values())
    ordered = LCSseq.similarity(words, name)
    return (common + ordered) / (2 * max(1, len(words))), common / max(1, len(name))


def best_metric(known: list[str], text: str, words: str, asked: str | None, *, exact: bool = True) -> str | None:
    """The stored name the question means, or None when none is close enough to say. `exact` is False when
    `asked` is only the nearest name in the whole base, not a vocabulary word the question used."""
    if not known:
        return None
    spelled = [m for m in known if len(m) >= 3 and m.lower() in text]
    surface = surface_in(text)
    if spelled:
        longest = max(spelled, key=len)
        # 县域生产总值 spelled out beats the vocabulary's 生产总值 → 地区生产总值
        if asked not in known or surface is None or len(longest) > len(surface):
            return longest
    if asked in known and (exact or fuzz.ratio(words, asked) >= TYPO):
        return asked  # the vocabulary's word, or a slip of one (收人 for 收入)
    scored = acceptable(known, words, asked, exact=exact)
    if scored:
        return scored[0]
    # a short stored name the question's words hold whole (企业 in 多少家企业入选…名单), but not the head of
    # a narrower name the question asks (产量 is not 玉米产量: the question's words end with it)
    inside = [m for m in known if len(m) >= 2 and m in words and not any(ch.isdigit() for ch in m)
              and not words.endswith(m)]
    return max(inside, key=len) if inside else None


def sub_metrics(known: list[str], words: str) -> list[str]:
    """The stored names that are a kind of what the words ask (玉米产量, 夏粮产量 for 产量): the words whole,
    after a modifier. None of them is the figure asked; they are options to ask back with."""
    if len(words) < 2 or words in known:
        return []
    return [m for m in known if m.endswith(words) and len(m) > len(words)]


def acceptable(known: list[str], words: str, asked: str | None, *, exact: bool = True) -> list[str]:
    """The stored names close enough to the question's words, best first. A name that swaps a word of the
    question for another (粮食总产量 → 夏粮总产量) is not close: one side's extra words must be none."""
    # the question's words as written, the vocabulary's name, the short forms spelled out (限上 → 限额以上), and
    # written short as open names are stored (限额以上单位 → 限上)
    tried = [w for w in dict.fromkeys((words, asked if exact and asked else "", spelled_out(words), short_form(words)))
             if len(w) >= 2]
    scored = []
    for w in tried:
        for m in known:
            if narrows(m, w, asked if exact else None) or _another_vocabulary_metric(m, w, asked if exact else None) \
                    or another_head(m, w):
                continue
            # 乡镇(街道): the bracketed aside is no word a question must say
            for name in dict.fromkeys((m, without_aside(m))):
                held, kept = coverage(w, name)
                common = sum((Counter(w) & Counter(name)).values())
                swapped = common < len(w) and common < len(name)
                if held >= COVERS and kept >= KEEPS and len(set(w) & set(name)) >= 2 and not swapped:
                    scored.append((held, kept, -len(m), m))
                    break
    return [m for *_, m in sorted(scored, reverse=True)]


def combined_metric(modifier: str, previous: str, known: list[str]) -> str | None:
    """人均呢? after GDP: the modifier joined to the previous metric, when that names a stored metric;
    那增加值呢? after 规上工业总产值: the word in place of the previous metric's tail (规上工业增加值);
    水稻呢? after 玉米产量: the word in place of its head (水稻产量); 过50亿元的呢? after 收入过百亿元的县: the word in
    place of a part inside it (收入过50亿元的县)."""
    heads = [previous[:i] + modifier for i in range(len(previous) - 1, 1, -1)]
    # 水稻呢? after 玉米产量: the word in place of the previous metric's head (水稻产量)
    tails = [modifier + previous[i:] for i in range(1, len(previous) - 1)]
    inner = [previous[:i] + modifier + previous[j:] for i in range(2, len(previous) - 1)
             for j in range(len(previous) - 1, i, -1)]
    for joined in (modifier + previous, previous + modifier, *heads, *tails, *inner):
        canonical = canonical_metric(joined) or joined
        if canonical in known:
            return canonical
    return None
