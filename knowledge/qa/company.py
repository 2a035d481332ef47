"""Company and project answers: where the company is, what the articles claim, and its typed figures.

A quote on its own is not an answer: the part of each sentence that is about the company (up to the next
；or 。) is read for typed figures (交易量 1407.6万吨, 年生产规模 1200吨, 始建于 1966年) and standings
(国内第3家, 全球第一), which the answer states; the sentences are cited. A claim is true as of its article,
so the answer carries the report's date.
"""

from __future__ import annotations

import re
from collections import Counter

from knowledge.extract.metrics import UNITS
from knowledge.extract.periods import Period
from knowledge.qa.answer import Answer
from knowledge.qa.intents import Intent
from knowledge.qa.lookup import Lookup
from knowledge.qa.parse import Query

_UNIT = "|".join(sorted((re.escape(u) for u in UNITS if u not in ("天", "次", "位", "名", "场", "种", "类")),
                        key=len, reverse=True))
_FIGURE = re.compile(rf"(\d+(?:\.\d+)?)\s*(?:多|余)?(?:{_UNIT})")
_FOUNDED = re.compile(r"(?:始建|创建|成立|建厂|投产)于?\s*(\d{4})年")
_STANDING = re.compile(
    r"(?:全球|世界|全国|国内|亚洲|全省|省内|行业)(?:第[一二三四五六七八九十\d]+(?:家|位|名|大)?|最大|最强|前[一二三四五六七八九十\d]+|首家|领先)"
    r"|第[一二三四五六七八九十\d]+家")
_LEAD_VERBS = re.compile(r"(?:已经|已|累计|共|分别|均)?(?:达到|达|为|是|突破|超过|约|近|有)?$")
_CLAUSE_END = re.compile(r"[;;。!?!?]")
_LABEL_START = re.compile(r"[,,、:: “”\"()()]")
_STANDING_START = re.compile(r"[,,::;;]")
MAX_FIGURES = 6
BACK_SENTENCES = 40


def company(lookup: Lookup, q: Query) -> Answer:
    name = q.company or ""
    claims = [c for c in lookup.index.claims
              if c.subject_kind == "company" and (name in c.subject or c.subject in name)]
    forms = _forms(lookup, name)
    sentences = lookup.index.sentences
    hits = [sid for sid, text in sentences.items() if any(f in text for f in forms)]
    hits.sort(key=lambda sid: (-_relevance(q, _segment(sentences[sid], forms)), sid))
    sentence_ids = list(dict.fromkeys([c.sentence_id for c in claims] + hits))[:3]
    if not sentence_ids:
        return Answer(False, Intent.COMPANY, f"资料里没有关于{name}的内容。")
    where = next((lookup.gaz.get(c.region_code).name for c in claims if c.region_code), None) \
        or _place_beside(lookup, hits) or _place_of(lookup, sentence_ids[0], forms)
    label = f"{name}({where})" if where else name
    when = _report_date(lookup, sentence_ids[0])
    lines = []
    if claims:
        about = f"({claims[0].about})" if claims[0].about else ""
        lines.append(f"{label}:" + "、".join(dict.fromkeys(c.claim for c in claims)) + about + when)
    else:
        lines.append(f"关于{label},文章提到{when}:")
    items = []
    for sid in sentence_ids:
        items += typed_figures(_segment(sentences[sid], forms))
    dated = f"({_as_of(lookup, sentence_ids[0])})" if _as_of(lookup, sentence_ids[0]) else ""
    lines += [f"· {item}{dated}" for item in dict.fromkeys(items)][:MAX_FIGURES]
    answer = Answer(True, Intent.COMPANY, "\n".join(lines))
    return lookup.with_sources(answer, sentence_ids=sentence_ids, needle=name)


def _forms(lookup: Lookup, name: str) -> list[str]:
    """The company's name and the shorter forms articles use (山东鲁阳 → 鲁阳)."""
    short = without_place_prefix(lookup, name)
    return [f for f in dict.fromkeys((name, short)) if len(f) >= 2]


def _segment(sentence: str, forms: list[str]) -> str:
    """The part of the sentence about the company: from its name to the end of that clause."""
    found = [(i, len(f)) for f in forms if (i := sentence.find(f)) >= 0]
    if not found:
        return sentence
    at, length = min(found)
    end = _CLAUSE_END.search(sentence, at)
    return sentence[at + length: end.start() if end else len(sentence)]  # what is said of it, without its name


def _relevance(q: Query, segment: str) -> float:
    """Segments stating figures or standings first; those sharing the question's words before them."""
    words = set(re.sub(r"[\W\d]", "", q.simplified)) - set(q.company or "")
    return 2 * len(typed_figures(segment)) + len(words & set(segment)) / max(1, len(words))


def typed_figures(segment: str) -> list[str]:
    """交易量 1407.6万吨, 占全国总交易量的 7.47%, 始建于 1966年, 国内第3家: what a segment states."""
    out = []
    for m in _FOUNDED.finditer(segment):
        out.append(f"始建于 {m.group(1)}年")
    last = 0
    for m in _FIGURE.finditer(segment):
        before = segment[last: m.start()]
        cut = max((i.end() for i in _LABEL_START.finditer(before)), default=0)
        label = _LEAD_VERBS.sub("", before[cut:]).strip()[-12:]
        last = m.end()
        if re.search(r"\d{4}年$|\d+月$|\d+日$", segment[: m.end()]) or not label or label.endswith("第"):
            continue  # a date, or a number with nothing saying what it counts
        out.append(f"{label} {m.group(0)}")
    for m in _STANDING.finditer(segment):
        before = segment[: m.start()]
        cut = max((i.end() for i in _STANDING_START.finditer(before)), default=0)
        what = re.sub(r"[“”\"]", "", before[cut:])[-40:]  # 在ACR加工助剂…产销上做到了 全球第一
        out.append(f"{what}{m.group(0)}" if len(what) >= 2 else m.group(0))
    return out


def _place_beside(lookup: Lookup, sentence_ids: list[int]) -> str | None:
    """The county named most often in the sentences that name the company (茌平区 beside 信发集团)."""
    counts: Counter[str] = Counter()
    for sid in sentence_ids:
        counts.update({m.region.name for m in lookup.gaz.find_mentions(lookup.index.sentences[sid])
                       if m.region.level == "county"})
    return counts.most_common(1)[0][0] if counts else None


def _place_of(lookup: Lookup, sentence_id: int, forms: list[str]) -> str | None:
    """The county or city the company is in: the nearest county named before it (in its sentence, then in
    the sentences before it in the same article), else the nearest city."""
    index = lookup.index
    sentence = index.sentences[sentence_id]
    at = min((i for f in forms if (i := sentence.find(f)) > 0), default=len(sentence))
    article = index.sentence_article.get(sentence_id)
    texts = [sentence[:at]] + [index.sentences[s] for s in range(sentence_id - 1, sentence_id - BACK_SENTENCES, -1)
                               if s in index.sentences and index.sentence_article.get(s) == article]
    cities: list[str] = []
    for text in texts:
        named = [m for m in lookup.gaz.find_mentions(text) if m.region.level in ("county", "city")]
        counties = [m for m in named if m.region.level == "county"]
        if counties:
            return counties[-1].region.name
        cities += [m.region.name for m in reversed(named)]
    return cities[0] if cities else None


def _as_of(lookup: Lookup, sentence_id: int) -> str:
    source = lookup.index.sources[lookup.index.sentence_article[sentence_id]]
    return Period("asof", source.published.year, asof=source.published).describe() if source.published else ""


def _report_date(lookup: Lookup, sentence_id: int) -> str:
    source = lookup.index.sources[lookup.index.sentence_article[sentence_id]]
    if source.published is None:
        return ""
    return f"({Period('asof', source.published.year, asof=source.published).describe()}的报道)"


def without_place_prefix(lookup: Lookup, name: str) -> str:
    """山东鲁阳 → 鲁阳: articles often drop the place a company's name starts with."""
    mentions = lookup.gaz.find_mentions(name)
    if mentions and mentions[0].start == 0 and mentions[0].end < len(name) - 1:
        return name[mentions[0].end:]
    return name
