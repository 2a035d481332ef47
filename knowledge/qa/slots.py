"""The slots of a question: the words left once places are taken out, the metric, the period, a company, a topic."""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import fuzz, process

from knowledge.extract.metrics import canonical_metric, surfaces
from knowledge.extract.periods import find_periods
from knowledge.places.gazetteer import Region
from knowledge.qa.index import Index
from knowledge.qa.metric_match import without_aside
from knowledge.qa.query import PeriodWanted
from knowledge.text.segment import cut

FILLER = re.compile(
    r"是多少|多少|有多少|是什么|是啥|什么|怎么样|如何|请问|请|告诉我|查一下|查询|一下|其中|[比较](?:上年|去年)|的|了|吗|呢|啊|呀|吧|"
    r"[??!!。,,、\s]|帮我|我想知道|知道|数据|情况|在哪里|哪里|哪儿|有|是|年|今年|去年|上半年|下半年|前三季度|全年|同比|增长|增速"
)
_TARGET_RE = re.compile(r"目标|预期|预计增长|计划增长")
_LATEST_RE = re.compile(r"今年|目前|最新|最近|当前|现在|眼下")
_BARE_SPANS = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9), "一季度": (1, 3), "第一季度": (1, 3)}


def without_places(text: str, regions: list[Region]) -> str:
    """The text without the names of the places found in it (济宁 is the place asked, not a topic)."""
    for region in regions:
        for form in sorted((region.name, region.short, *region.aliases), key=len, reverse=True):
            if len(form) >= 2:
                text = text.replace(form, "")
    return text


_HOW_MANY = r"(?:多少|几)[个家项户名座所条]"  # 多少个, 几家: the counter is no word of the metric


def residual_words(text: str, regions: list[Region]) -> str:
    """The question without region names and filler: what is left names the metric."""
    text = without_places(text, regions)
    text = re.sub(r"(?:19|20)\d\d年?|\d{1,2}\s*[-至到~]\s*\d{1,2}\s*月份?|\d{1,2}月份?|[第前]?[一二三四1-4]季度"
                  r"|全(?:国|省|市|州|盟|县|区|旗)"
                  r"|第\s*[一二三四五六七八九十\d]{1,3}\s*名|^那么?|" + _HOW_MANY + r"|多少钱"
                  r"|多少(?:万|亿|千)?(?:亩|公顷|吨|斤|元|美元|千瓦时|平方米|平方公里|人次|人|辆|艘|头|件)"
                  r"(?![\u4e00-\u9fff](?<![的呢啊吗呀]))", "", text)  # 多少亩 is a unit, 多少人口 asks 人口
    return FILLER.sub("", text)


def find_metric(text: str, index: Index, *, exclude: list[str]) -> tuple[str | None, float]:
    """The metric asked about: a vocabulary synonym in the text, else the nearest stored metric name."""
    for surface in sorted(surfaces(), key=len, reverse=True):
        if surface.lower() in text:
            return canonical_metric(surface), 100.0
    residual = text
    for name in sorted(exclude, key=len, reverse=True):
        residual = residual.replace(name, "")
    residual = FILLER.sub("", re.sub(_HOW_MANY, "", residual))  # 多少个乡镇: 个 is no word of it
    if len(residual) < 2 or not index.metric_names:
        return None, 0.0
    if residual in index.by_metric:  # 人口: a stored name said whole, before the names that hold it (城镇人口)
        return residual, 99.0
    best = process.extractOne(residual, index.metric_names, scorer=fuzz.partial_ratio, score_cutoff=70)
    if best is None:
        return None, 0.0
    name, score, _ = best
    core = without_aside(name) or name  # 乡镇(街道): the aside is no word to ask by
    overlap = len(set(residual) & set(core))
    # "经济" sits inside many long names: require the question to cover a good part of the name
    # a fuzzy match never scores 100: that is kept for exact vocabulary matches
    return (name, min(float(score), 99.0)) if overlap >= max(2, len(set(core)) // 2) else (None, 0.0)


def find_period(text: str, *, today: date) -> PeriodWanted | None:
    if _LATEST_RE.search(text) and not re.search(r"(?:19|20)\d\d", text):
        bounds = next((se for name, se in _BARE_SPANS.items() if name in text), None)
        return PeriodWanted(None, bounds[0] if bounds else None, bounds[1] if bounds else None, None, latest=True)
    # 十四五期间 names its years (2021-2025) without writing them
    mentions = [m for m in find_periods(text, published=today)
                if m.explicit_year or _relative(text) or m.period.kind == "span"]
    if mentions:
        p = mentions[0].period
        if p.year is not None and _TARGET_RE.search(text):  # 2019年GDP增长目标: the plan's target, not an outcome
            return PeriodWanted(p.year, None, None, f"target:{p.year}")
        return PeriodWanted(p.year, p.start, p.end, p.label)
    for span, (start, end) in _BARE_SPANS.items():
        if span in text:
            return PeriodWanted(None, start, end, None)
    if m := re.search(r"(\d{1,2})\s*[至到\-~]\s*(\d{1,2})\s*月", text):
        return PeriodWanted(None, int(m[1]), int(m[2]), None)
    return None


def _relative(text: str) -> bool:
    return bool(re.search(r"今年|去年|前年|本年|上年", text))


# the words of a company's legal form and trade that every company may carry: a name of these alone (科技有限公司,
# or its short form 科技) names no company, and 科技创新投入 asks no company's figures
_COMPANY_WORDS = re.compile(
    r"股份|有限|责任|公司|集团|控股|科技|技术|实业|工业|产业|发展|投资|贸易|国际|新材料|材料|能源|制造|电子|信息|智能"
    r"|环保|生物|医药|化工|机械|建设|工程|企业|总厂|厂")


def generic_company(name: str) -> bool:
    """科技有限公司, 科技: a name made of nothing but such words."""
    return not _COMPANY_WORDS.sub("", name).strip()


def find_company(text: str, index: Index) -> str | None:
    """A company named in full or by a short form (大亚金属 for 淄博大亚金属科技股份有限公司)."""
    for name in sorted(index.companies, key=len, reverse=True):
        if len(name) >= 2 and name.lower() in text and not generic_company(name) \
                and not generic_company(index.companies[name]):
            return index.companies[name]
    for start in range(max(0, len(text) - 3)):
        known = index.company_grams.get(text[start : start + 4])
        if known is not None and not generic_company(known):
            return known
    return None


def find_topic(text: str, index: Index) -> str | None:
    """The most specific word of the question that the articles talk about (氢能, 不锈钢, 铝产业)."""
    tokens = topic_tokens(text, index)
    return max(tokens, key=lambda t: (index.idf(t), len(t))) if tokens else None


def topic_tokens(text: str, index: Index) -> list[str]:
    postings = index.ensure_postings()
    # a year or a latin word (a place in pinyin) is no topic
    words = [t for t in cut(text) if len(t) >= 2 and not FILLER.fullmatch(t) and t in postings
             and not t.isdigit() and not t.isascii()]
    # single characters such as 铝 join the word after them: 铝 + 产业链 → 铝产业
    for a, b in zip(cut(text), cut(text)[1:], strict=False):
        joined = a + b[:2]
        if len(a) == 1 and "\u4e00" <= a <= "\u9fff" and not FILLER.fullmatch(b) \
                and any(joined in index.sentences[i] for i in list(postings.get(b, ()))[:200]):
            words.append(joined)
    return words
