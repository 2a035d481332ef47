"""Strict scoring of answers against question gold (the seeds' and ../shared/corpus's), written once for all.

An answer is right only if the figure, rank or list asked for is in its own text (not only in the quoted
source), next to the right period, and the right region is named; a question the base cannot answer is
right only if refused without stating a figure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from knowledge.extract.periods import parse_label
from knowledge.places.gazetteer import Gazetteer
from knowledge.qa.answer import Answer
from knowledge.text.normalize import detect_script, to_simplified
from knowledge.text.numbers import cn_int

ROOT = Path(__file__).resolve().parents[1]
SEED_QUESTIONS = ROOT / "tests" / "gold" / "questions.json"
CORPUS_GOLD = ROOT / "tests" / "gold" / "corpus"

_SOURCE_LINE = re.compile(r"^\s*(?:来源|出处)\s*[::]")
_QUOTE_LINE = re.compile(r"^\s*·\s*“.*”\s*——\s*《.*》\s*$")
_CLAUSE = re.compile(r"[\n;;]")
_SENTENCE = re.compile(r"[\n;;。]")
_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.])\d+(?:\.\d+)?")
_SIGNED_PERCENT = re.compile(r"(下降|减少|回落|降低|-|−)?\s*(\d+(?:\.\d+)?)%")
_RANK = re.compile(r"第\s*(\d+|[一二两三四五六七八九十百]+)\s*(?:名|位)?")
# list positions (1. 邹城市, 前三名:1.茌平区、2.冠县) and a ranking's length (共14名) are rank numbers
_ENUMERATOR = re.compile(r"(?:^|(?<=[::、,,\s]))\s*\d+[.、](?!\d)\s*|共\d+名", re.M)
_THRESHOLD_BEFORE = "过超破足逾近约前"
_REGION_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "自治州",
                    "省", "市", "县", "区")
_NO_SUBPERIOD = r"(?!上半年|下半年|[第前][一二三四1-4]季度|[一二三四]季度|\d|[一二三四五六七八九十]+月)"
_PERIOD_EXPRESSION = re.compile(
    r"\d{4}年(?:度|底|末)?(?:上半年|下半年|[第前]?[一二三四]季度|\d{1,2}(?:[-至~]\d{1,2})?月(?:\d{1,2}日)?)?")
_HIGHER = r"(?:更高|更多|更大|更快|更强|更靠前|靠前|领先|较高|较多|高于|多于|快于|大于|超过)"


def answer_body(text: str) -> str:
    """The answer's own words, in Simplified: without the 来源/原文 part and the quoted lines of topic answers."""
    lines: list[str] = []
    for line in to_simplified(text).splitlines():
        if _SOURCE_LINE.match(line):
            break  # 来源 and the 原文 quote under it close the answer
        if not _QUOTE_LINE.match(line):
            lines.append(line)
    return "\n".join(lines)


def clauses(body: str) -> list[str]:
    return [c for c in _CLAUSE.split(body) if c.strip()]


def number(text: object) -> Decimal | None:
    try:
        return Decimal(str(text).replace(",", ""))
    except InvalidOperation:
        return None


def numbers_in(text: str) -> list[Decimal]:
    return [n for m in _NUMBER.finditer(text) if (n := number(m[0])) is not None]


def percents_in(text: str) -> list[Decimal]:
    """Growth rates as signed numbers: 同比下降2.1% is -2.1."""
    out = []
    for m in _SIGNED_PERCENT.finditer(text):
        value = Decimal(m[2])
        out.append(-value if m[1] else value)
    return out


@lru_cache(maxsize=512)
def period_pattern(label: str) -> re.Pattern[str]:
    """How an answer may show a gold period: as Period.describe() prints it, or an equivalent spelling.

    `ytd:2022` (今年以来, seeds only) is shown by its year with any months after it, but not as a half or quarter.
    """
    if label.startswith("ytd:"):
        return re.compile(rf"{label[4:]}年(?!上半年|下半年|[第前]?[一二三四1-4]季度)")
    p = parse_label(label)
    y = p.year
    if p.kind == "year":
        return re.compile(rf"{y}年{_NO_SUBPERIOD}")
    forms = [re.escape(p.describe())]
    if p.kind == "half":
        forms += [rf"{y}年1[-至~]6月"] if p.start == 1 else [rf"{y}年7[-至~]12月"]
    elif p.kind == "quarter":
        q = "一二三四"[(p.end or 3) // 3 - 1]
        forms += [rf"{y}年[第]?{q}季度", rf"{y}年Q{(p.end or 3) // 3}"]
    elif p.kind == "quarters":
        q = "一二三四"[(p.end or 3) // 3 - 1]
        forms += [rf"{y}年前{q}季度", rf"{y}年1[-至~]{p.end}月"]
    elif p.kind == "months":
        forms += [rf"{y}年{p.start}[-至~]{p.end}月", rf"{y}年前{p.end}个?月"]
    elif p.kind == "month":
        forms = [rf"{y}年{p.start}月"]
    elif p.kind == "asof" and p.asof:
        d = p.asof
        forms += [rf"{d.year}年{d.month}月{d.day}日", re.escape(d.isoformat())]
        if (d.month, d.day) == (12, 31):  # a year-end stock is labelled by its year in bulletins
            forms += [rf"{d.year}年(?:底|末|年底|年末)", rf"{d.year}年{_NO_SUBPERIOD}"]
    elif p.kind == "target":
        forms += [rf"到{y}年", rf"{y}年(?:的)?目标"]
    return re.compile("|".join(f"(?:{f})" for f in forms))


def shows_period(text: str, wanted: str | list[str]) -> bool:
    labels = [wanted] if isinstance(wanted, str) else wanted
    return any(period_pattern(label).search(text) for label in labels)


@lru_cache(maxsize=4096)
def name_forms(name: str) -> tuple[str, ...]:
    """A region or entity as an answer may write it: full name, gazetteer aliases, or the name less its suffix."""
    gaz = Gazetteer.load()
    forms = {name}
    region = gaz.by_name(name)
    if region is None:  # 青岛市黄岛区: a county written with its city
        for city in (r for r in gaz.regions() if r.level == "city" and name.startswith(r.name)):
            region = gaz.by_name(name[len(city.name):]) or region
    if region is not None:
        forms |= {region.name, *region.aliases}
    else:
        for suffix in _REGION_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                forms.add(name[: -len(suffix)])
                break
    return tuple(sorted(forms, key=len, reverse=True))


def names_in(text: str, name: str) -> bool:
    return any(form in text for form in name_forms(name))


def ranks_in(text: str) -> list[int]:
    return [n for m in _RANK.finditer(text) if (n := cn_int(m[1])) is not None]


def period_free(text: str) -> str:
    """The text less its period and rank expressions, list numbers and the years of questions it suggests."""
    text = _PERIOD_EXPRESSION.sub(" ", text)
    text = re.sub(r"\d{4}-\d{2}-\d{2}", " ", text)
    text = _RANK.sub(" ", text)
    return _ENUMERATOR.sub(" ", text)


def stated_figures(body: str, question: str) -> list[str]:
    """Numbers a refusal states that could be read as the figure asked for.

    A number is let through only when its clause is labelled with a period neither the question nor the
    refusal's 没有… clause asks about (最近的是2021年:…), or when it is a bound inside a metric's name
    (过500亿元的县) or a range's start.
    """
    asked_years = set(re.findall(r"(\d{4})年", to_simplified(question)))
    # 去年 or 今年 name no year: the refusal's own 没有…2025年 says which period it was asked for
    asked_years |= {y for c in clauses(body) if "没有" in c for y in re.findall(r"(\d{4})年", c)}
    out = []
    for clause in clauses(body):
        years = set(re.findall(r"(\d{4})年", clause))
        if years and asked_years and not (years & asked_years):
            continue
        rest = period_free(clause)
        for m in _NUMBER.finditer(rest):
            before, after = rest[max(0, m.start() - 2): m.start()], rest[m.end(): m.end() + 1]
            # 过500亿元的县 is a bound in a metric's name and 1-9月 a range; neither is a figure
            if not any(c in _THRESHOLD_BEFORE for c in before) and after not in ("-", "至", "~"):
                out.append(m[0])
    return out


def _value_problems(kind: str, wanted: Iterable[str], body: str, period: Any) -> list[str]:
    out = []
    for raw in wanted:
        target = number(raw)
        found = [c for c in clauses(body)
                 if target is not None and target in (percents_in(c) if kind == "growth" else numbers_in(c))]
        if not found:
            out.append(f"{kind} {raw} not in the answer")
        elif period and not any(shows_period(c, period) for c in found):
            out.append(f"{kind} {raw} not shown with period {period}")
    return out


def problems(item: dict[str, Any], answer: Answer) -> list[str]:
    """Why `answer` fails the gold `item` under the strict rule (empty when it is right)."""
    body = answer_body(answer.text)
    expect = item.get("expect", {})
    if not item["found"]:
        if answer.found:
            return ["answered a question the base cannot answer"]
        return [f"refusal states {n}" for n in stated_figures(body, item["q"])]
    if not answer.found:
        return ["refused"]
    out = []
    if "intent" in expect and answer.intent != expect["intent"]:
        out.append(f"intent {answer.intent} != {expect['intent']}")
    period = expect.get("period")
    out += _value_problems("value", expect.get("values", []), body, period)
    out += _value_problems("growth", expect.get("growth", []), body, period)
    names = expect.get("names", [])
    out += [f"name {n} not in the answer" for n in names if not names_in(body, n)]
    region = expect.get("region")
    if region and not names_in(body, region):
        out.append(f"region {region} not shown")
    if period and not shows_period(body, period):
        out.append(f"period {period} not shown")
    if "rank" in expect:
        holders = [region, *names] if region or names else []
        sentences = [s for s in _SENTENCE.split(body) if s.strip()]
        near = [s for s in sentences if not holders or any(names_in(s, h) for h in holders if h)]
        if not any(expect["rank"] in ranks_in(c) for c in near):
            out.append(f"rank {expect['rank']} not stated")
    if "winner" in expect:
        forms = "|".join(map(re.escape, name_forms(expect["winner"])))
        said = re.search(rf"(?:{forms})[^\n,。;]*?{_HIGHER}|{_HIGHER}的?(?:是|为)(?:{forms})", body)
        if not said:
            out.append(f"winner {expect['winner']} not named")
    if expect.get("not_comparable") and not answer.not_comparable:
        out.append("should say the figures cannot be compared")
    if expect.get("script") == "hant" and detect_script(answer.text) != "hant":
        out.append("not answered in Traditional")
    return out


@dataclass
class Score:
    answerable: int = 0
    right: int = 0
    unanswerable: int = 0
    refused: int = 0
    misses: dict[str, list[str]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.answerable + self.unanswerable

    @property
    def accuracy(self) -> float:
        return (self.right + self.refused) / self.total if self.total else 1.0


Ask = Callable[[str, Any], tuple[Answer, Any]]


def ask_all(items: list[dict[str, Any]], ask: Ask) -> dict[str, Answer]:
    """Ask every item in order; a follow-up (`after`) continues the conversation state of the item it follows."""
    states: dict[str, Any] = {}
    answers: dict[str, Answer] = {}
    for item in items:
        answer, states[item["id"]] = ask(item["q"], states.get(item["after"]) if item.get("after") else None)
        answers[item["id"]] = answer
    return answers


def score(items: list[dict[str, Any]], answers: dict[str, Answer]) -> Score:
    result = Score()
    for item in items:
        why = problems(item, answers[item["id"]])
        if item["found"]:
            result.answerable += 1
            result.right += not why
        else:
            result.unanswerable += 1
            result.refused += not why
        if why:
            result.misses[item["id"]] = why
    return result


def seed_questions() -> list[dict[str, Any]]:
    return json.loads(SEED_QUESTIONS.read_text(encoding="utf-8"))


def corpus_questions(split: str) -> list[dict[str, Any]]:
    """The corpus gold questions of one split ("dev" or "test"), in file order."""
    files = json.loads((CORPUS_GOLD / "split.json").read_text(encoding="utf-8"))[split]
    items: list[dict[str, Any]] = []
    for name in files:
        path = CORPUS_GOLD / "questions" / f"{Path(name).stem}.json"
        if path.exists():
            items += json.loads(path.read_text(encoding="utf-8"))
    return items
