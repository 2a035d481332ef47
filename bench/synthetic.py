"""A varied synthetic corpus with known facts: bulletins, work reports and news about places all over China.

Each article carries the facts a careful reader finds in it (region code, catalogue metric, period label,
value, growth). Values come from a seeded world, so a fact repeated in two articles has one value.
"""

from __future__ import annotations

import hashlib
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

import cn2an

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synthetic_patterns import INDICATORS, PATTERNS, Indicator
from knowledge.places.gazetteer import Gazetteer, Region
from knowledge.text.normalize import to_traditional

YEARS = tuple(range(2015, 2025))
SUB_YEAR_FAMILIES = ("gdp", "industry", "investment", "consumption", "trade", "fiscal", "income", "prices")
HEADINGS = {"gdp": "综合", "agriculture": "农业", "industry": "工业", "investment": "固定资产投资",
            "consumption": "国内贸易和旅游", "trade": "对外经济", "fiscal": "财政", "finance": "金融",
            "income": "居民收入", "prices": "物价", "population": "人口和就业"}
WIDE_SPACE = "\u3000"  # aligned tables pad Chinese names with ideographic spaces
_CN_ORDINALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
_SLOT = re.compile(r"\{([a-zA-Z]+)(\d?)\}")
_VALUE_SLOTS = ("v", "cv")
_GROWTH_SLOTS = ("g", "d", "y", "n", "r", "b")
_LEVEL_SCALE = {"province": 9.0, "city": 1.0, "county": 0.18}
_SPAN_SCALE = {"year": 1.0, "half": 0.5, "quarters": 0.75, "quarter": 0.25, "months": 0.85}


@dataclass(frozen=True, slots=True)
class Expected:
    """One fact the article states: what extraction should find."""

    region: str  # gazetteer code
    metric: str  # catalogue name (or an open share name)
    period: str  # Period.label
    value: str | None
    unit: str
    growth: str | None
    family: str
    form: str
    pattern: str  # family.index, or table


Stated = tuple[str, str, str, str | None, str, str | None]  # Expected's first six fields


@dataclass(slots=True)
class SyntheticArticle:
    name: str
    text: str
    genre: str
    region: Region
    facts: list[Expected] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Span:
    """The period an article is about, with the ways it is written."""

    kind: str
    year: int
    label: str
    lead: tuple[str, ...]  # before a comma: 2023年上半年
    inline: tuple[str, ...]  # inside a clause
    title: str
    published: date


def _span(rng: random.Random, year: int, kind: str) -> Span:
    if kind == "year":
        out = date(year + 1, rng.randint(1, 4), rng.randint(1, 28))
        return Span("year", year, str(year), (f"{year}年", "全年"), (f"{year}年", "全年"), f"{year}年", out)
    if kind == "half":
        return Span(kind, year, f"{year}H1", (f"{year}年上半年", "上半年", "今年上半年"), ("上半年", f"{year}年上半年"),
                    rng.choice([f"{year}年上半年", "上半年"]), date(year, 7, rng.randint(15, 31)))
    if kind == "quarters":
        return Span(kind, year, f"{year}Q1-Q3", (f"{year}年前三季度", "前三季度", "今年前三季度"),
                    ("前三季度", f"{year}年前三季度"), rng.choice([f"{year}年前三季度", "前三季度"]),
                    date(year, 10, rng.randint(18, 31)))
    if kind == "quarter":
        return Span(kind, year, f"{year}Q1", (f"{year}年一季度", "一季度", "今年第一季度"),
                    ("一季度", f"{year}年一季度"), rng.choice([f"{year}年一季度", "一季度"]),
                    date(year, 4, rng.randint(18, 30)))
    end = rng.choice([2, 4, 5, 7, 8, 10, 11])
    return Span("months", year, f"{year}M01-M{end:02d}", (f"1-{end}月", f"{year}年1至{end}月份", f"今年1—{end}月"),
                (f"1-{end}月", f"{year}年1-{end}月"), f"{year}年1-{end}月", date(year, end + 1, rng.randint(12, 28)))


class World:
    """The true values: one per (region, metric, period), drawn from a seeded hash."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def _unit(self, *key: object) -> float:
        digest = hashlib.blake2b("|".join(map(str, (self.seed, *key))).encode(), digest_size=8).digest()
        return int.from_bytes(digest, "big") / 2**64

    def value(self, region: Region, ind: Indicator, span: Span, label: str) -> str:
        scale = _LEVEL_SCALE.get(region.level, 1.0) * (_SPAN_SCALE[span.kind] if not ind.stock else 1.0)
        low, high = (ind.low * scale, ind.high * scale) if ind.scaled else (ind.low, ind.high)
        number = low + (high - low) * self._unit(region.code, ind.name, label)
        decimals = ind.decimals if number >= 1 else max(ind.decimals, 2)
        return f"{max(number, 0.01 if decimals else 1):.{decimals}f}"

    def growth(self, region: Region, ind: Indicator, label: str) -> Decimal:
        u = self._unit(region.code, ind.name, label, "growth")
        if ind.family == "prices":
            return Decimal(f"{-0.8 + 4.3 * u:.1f}") or Decimal("0.1")  # prices never stand exactly still here
        return Decimal(f"{-6 + 20 * u:.1f}") if u < 0.15 else Decimal(f"{0.5 + 13 * (u - 0.15) / 0.85:.1f}")

    def points(self, region: Region, ind: Indicator, label: str) -> Decimal:
        return Decimal(f"{0.2 + 1.6 * self._unit(region.code, ind.name, label, 'pp'):.1f}")


def level_word(region: Region) -> str:
    """The character of 全市/该县/我区 for this region."""
    for end, word in (("自治区", "区"), ("自治州", "州"), ("自治县", "县"), ("市", "市"), ("县", "县"), ("区", "区"),
                      ("旗", "旗"), ("省", "省"), ("盟", "盟"), ("州", "州")):
        if region.name.endswith(end):
            return word
    return "市"


class Generator:
    """Articles with their expected facts; the same seed gives the same corpus."""

    def __init__(self, gazetteer: Gazetteer, seed: int = 7) -> None:
        self.gazetteer = gazetteer
        self.world = World(seed)
        self.rng = random.Random(seed)
        regions = [r for r in gazetteer.regions() if r.level in ("province", "city", "county") and not r.generic]
        self.counties = [r for r in regions if r.level == "county"]
        self.cities = [r for r in regions if r.level == "city"]
        self.provinces = [r for r in regions if r.level == "province"]
        self.count = 0

    def articles(self, *, facts: int | None = None, articles: int | None = None) -> Iterator[SyntheticArticle]:
        """Articles until `articles` are made or `facts` expected facts are reached."""
        made = stated = 0
        while (articles is None or made < articles) and (facts is None or stated < facts):
            article = self.article()
            made, stated = made + 1, stated + len(article.facts)
            yield article

    def article(self) -> SyntheticArticle:
        rng = self.rng
        region = rng.choice(rng.choices([self.counties, self.cities, self.provinces], weights=[70, 25, 5])[0])
        genre = rng.choices(["bulletin", "report", "news", "brief"], weights=[25, 15, 45, 15])[0]
        year = rng.choice(YEARS)
        kind = "year" if genre in ("bulletin", "report") else rng.choice(["year", "half", "quarters", "quarter",
                                                                          "months", "half", "quarters"])
        span = _span(rng, year, kind)
        self.count += 1
        writer = _Writer(self, region, genre, span, f"syn{self.count:06d}")
        return writer.write()


class _Writer:
    """Writes one article: header, paragraphs of pattern sentences, perhaps a table."""

    def __init__(self, gen: Generator, region: Region, genre: str, span: Span, name: str) -> None:
        self.gen, self.rng, self.region, self.genre, self.span, self.name = gen, gen.rng, region, genre, span, name
        shared = gen.gazetteer.by_name(region.name) is None  # 鼓楼区: written with its city, 福州市鼓楼区
        self.title_name = gen.gazetteer.describe(region) if shared else region.name
        self.level = level_word(region)
        self.facts: list[Expected] = []
        self.used: set[str] = set()
        self.base = self.rng.choice(["比上年", "较上年", "同比"] if span.kind == "year"
                                    else ["同比", "比上年同期", "较上年同期"])

    def write(self) -> SyntheticArticle:
        lines = self._header()
        families = list(PATTERNS) if self.span.kind == "year" else list(SUB_YEAR_FAMILIES)
        if self.genre == "report":
            families = [f for f in families if f != "prices"]
        self.rng.shuffle(families)
        if self.genre == "bulletin":
            families.sort(key=list(HEADINGS).index)
        take = {"bulletin": len(families), "report": 6, "news": 4, "brief": 1}[self.genre]
        for number, family in enumerate(families[:take]):
            if self.genre == "bulletin":
                lines.append(f"{_CN_ORDINALS[number]}、{HEADINGS[family]}")
            sentences = [s for _ in range(self.rng.randint(1, 3 if self.genre != "brief" else 2))
                         if (s := self._sentence(family))]
            if sentences:
                lines.append("".join(sentences))
        if self.genre in ("bulletin", "news") and self.rng.random() < 0.3:
            lines += self._table()
        lines.append(self.rng.choice(["下一步,{S}将坚持稳中求进,巩固经济回升向好态势。", "(以上数据为初步统计数)",
                                      "注:部分数据因四舍五入,分项合计与总计略有差异。"]).format(S=self._subject()))
        text = "\n".join(lines) + "\n"
        if self.rng.random() < 0.1:
            text = to_traditional(text)
            self.facts = [_with_form(f, f.form + "+hant") for f in self.facts]
        return SyntheticArticle(self.name, text, self.genre, self.region, self.facts)

    # --- header ---

    def _header(self) -> list[str]:
        rng, r, s, y = self.rng, self.title_name, self.span, self.span.year
        pub = s.published
        day = f"{pub.year}年{pub.month}月{pub.day}日"
        clock = f"{rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
        dateline = rng.choice([f"{pub:%Y-%m-%d} {clock}", f"发布日期:{day}", f"({day})", f"发布时间:{pub:%Y-%m-%d}",
                               f"{pub:%Y/%m/%d}", day])
        other = rng.choice(self.gen.cities)
        source = rng.choice([f"来源:{r}统计局", f"{r}人民政府", f"来源:{other.short}日报", "来源:本网综合",
                             f"作者:{r}融媒体中心"])
        if self.genre == "bulletin":
            title = rng.choice([f"{r}{y}年国民经济和社会发展统计公报", f"{y}年{r}国民经济和社会发展统计公报"])
            intro = f"{y}年,面对复杂多变的外部环境,全{self.level}坚持稳中求进工作总基调,经济社会发展取得新成效。"
            return [title, f"{r}统计局", dateline, intro]
        if self.genre == "report":
            head = [rng.choice(["政府工作报告", f"{r}政府工作报告"]),
                    f"——{pub.year}年{pub.month}月{pub.day}日在{r}第{rng.randint(15, 19)}届人民代表大会"
                    f"第{rng.randint(1, 5)}次会议上", source]
            return [*head, f"过去一年,面对多重困难挑战,我们坚持稳中求进,全{self.level}经济社会发展取得新的成绩。"]
        title = rng.choice([f"{r}{s.title}经济运行稳中向好", f"{s.title}{r}主要经济指标运行情况",
                            f"{r}发布{s.title}经济数据", f"稳中有进 {r}{s.title}经济保持回升态势"])
        return [title, source, dateline, f"{rng.choice(s.lead)},{r}上下聚焦高质量发展,主要经济指标保持平稳增长。"]

    # --- sentences ---

    def _subject(self) -> str:
        forms = [f"全{self.level}", f"我{self.level}"] if self.genre == "report" else \
            [self.title_name, f"全{self.level}", f"该{self.level}", ""]
        return self.rng.choice(forms)

    def _sentence(self, family: str) -> str | None:
        patterns = list(enumerate(PATTERNS[family]))
        self.rng.shuffle(patterns)
        for index, (form, metrics, template) in patterns:
            chosen = [self.rng.choice(m.split("|")) for m in metrics]
            if any(m in self.used for m in chosen) or ("全年" in template and self.span.kind != "year"):
                continue
            filled = self._fill(template, chosen)
            if filled is None:
                continue
            text, facts = filled
            self.used.update(chosen)
            self.facts += [Expected(*f, INDICATORS[f[1]].family, form, f"{family}.{index}") for f in facts]
            return text
        return None

    def _fill(self, template: str, metrics: list[str]) -> tuple[str, list[Stated]] | None:
        rng, s = self.rng, self.span
        values: dict[str, str] = {"S": self._subject(), "Y": str(s.year), "L": self.level,
                                  "P": rng.choice([f"{rng.choice(s.lead)},", ""]),
                                  "Pi": rng.choice([*s.inline, ""]),
                                  "E": rng.choice(["年末", f"{s.year}年末", f"{s.year}年底"])}
        facts: list[Stated] = []
        for i, name in enumerate(metrics):
            ind = INDICATORS[name]
            label = f"asof:{s.year}-12-31" if ind.stock else s.label
            value = self.gen.world.value(self.region, ind, s, label)
            growth = self.gen.world.growth(self.region, ind, label)
            if f"{{n{i}}}" in template and growth < 0:
                return None  # 分别增长x%、y%: the world's figure fell, so this pattern cannot say it
            pct = f"{abs(growth)}%"
            fall = rng.choice(["下降", "减少"])
            move = "增长" if growth >= 0 else fall
            values.update({f"M{i}": rng.choice(ind.forms), f"v{i}": value, f"u{i}": ind.unit,
                           f"cv{i}": cn2an.an2cn(value), f"g{i}": f"{self.base}{move}{pct}", f"d{i}": f"{move}{pct}",
                           f"y{i}": f"同比{move}{pct}", f"n{i}": pct,
                           f"r{i}": f"{'上涨' if growth >= 0 else '下降'}{pct}",
                           f"b{i}": f"{rng.choice(['比年初', '比上年末', '同比'])}{move}{pct}",
                           f"w{i}": f"{Decimal(value) * Decimal('0.08'):.1f}",
                           f"pp{i}": f"比上年{'提高'}{self.gen.world.points(self.region, ind, label)}个百分点"})
            used = {m[0] for m in _SLOT.finditer(template) if m[2] == str(i)}
            has_value = any(f"{{{k}{i}}}" in used for k in _VALUE_SLOTS)
            has_growth = any(f"{{{k}{i}}}" in used for k in _GROWTH_SLOTS)
            if has_value or has_growth:
                facts.append((self.region.code, name, label, value if has_value else None, ind.unit,
                              str(growth) if has_growth else None))
        return template.format(**values), facts

    # --- tables ---

    def _table(self) -> list[str]:
        rng, s = self.rng, self.span
        pool = [i for i in INDICATORS.values() if i.family in SUB_YEAR_FAMILIES and i.family != "prices"
                and not i.stock and i.name not in self.used]
        rows = rng.sample(pool, min(len(pool), rng.randint(3, 6)))
        grow = "比上年增长(%)" if s.kind == "year" else "同比增长(%)"
        caption = rng.choice([f"{s.title}{self.title_name}主要经济指标",
                              f"表1 {self.title_name}{s.title}主要指标完成情况"])
        piped = rng.random() < 0.5
        header = f"| 指标 | 单位 | 数值 | {grow} |" if piped else f"{'指标':<14}{'单位':<6}{'数值':<12}{grow}"
        out = [caption, header]
        if piped and rng.random() < 0.5:
            out.append("| --- | --- | --- | --- |")
        for ind in rows:
            value = self.gen.world.value(self.region, ind, s, s.label)
            growth = self.gen.world.growth(self.region, ind, s.label)
            surface = rng.choice(ind.forms)
            out.append(f"| {surface} | {ind.unit} | {value} | {growth} |" if piped
                       else f"{surface.ljust(14, WIDE_SPACE)}{ind.unit:<6}{value:<12}{growth}")
            self.used.add(ind.name)
            self.facts.append(Expected(self.region.code, ind.name, s.label, value, ind.unit, str(growth), ind.family,
                                       "table-pipe" if piped else "table-aligned", "table"))
        return out


def _with_form(fact: Expected, form: str) -> Expected:
    return Expected(fact.region, fact.metric, fact.period, fact.value, fact.unit, fact.growth, fact.family, form,
                    fact.pattern)
