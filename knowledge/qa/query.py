"""What a parsed question holds (`Query`), the period it asks (`PeriodWanted`) and what a follow-up may reuse
(`Conversation`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.extract.periods import parse_label
from knowledge.places.gazetteer import Region
from knowledge.qa.intents import Intent


@dataclass(frozen=True, slots=True)
class PeriodWanted:
    year: int | None
    start: int | None
    end: int | None
    label: str | None  # an exact label when the question names one (2024, 2022H1)
    latest: bool = False  # 今年/目前/最新/最近: the newest period the base has, labelled as such


@dataclass(slots=True)
class Query:
    text: str
    simplified: str
    script: str
    intent: Intent = Intent.OUT_OF_SCOPE
    regions: list[Region] = field(default_factory=list)
    metric: str | None = None
    metric_score: float = 0.0
    period: PeriodWanted | None = None
    position: int | None = None
    top: int | None = None  # 前三名: the first N entries of a ranking
    company: str | None = None
    topic: str | None = None
    wants_growth: bool = False
    wants_share: bool = False
    wants_kind: str | None = None  # "money" | "count": 金额/多少钱 asks money, 多少个/几家 asks a count
    ambiguous: dict[str, list[Region]] = field(default_factory=dict)  # a shared name → the places it may be
    assumed: list[str] = field(default_factory=list)  # shared names settled by the base, to say so
    elsewhere: str | None = None
    residual: str = ""
    entries: list[str] = field(default_factory=list)
    ranking_title: str | None = None
    suggestions: list[str] = field(default_factory=list)
    level: str | None = None  # the level a computed ranking ranks, carried over by 第二名呢? (else read anew)


@dataclass(frozen=True, slots=True)
class Conversation:
    """What a follow-up may reuse; the caller stores it per chat and passes it back in."""

    intent: Intent | None = None
    region_codes: tuple[str, ...] = ()
    metric: str | None = None
    period: PeriodWanted | None = None
    ranking_title: str | None = None
    # After "你指的是福州市鼓楼区还是南京市鼓楼区?": each choice's full name and the question it stands for
    choices: tuple[tuple[str, str], ...] = ()
    company: str | None = None  # 占全国多少? after a company's figure asks about that company
    # After a computed ranking (聊城哪个县GDP最高): the level it ranked and whether by growth, for 第二名呢?
    level: str | None = None
    growth: bool = False


def wanted_from_label(label: str) -> PeriodWanted:
    p = parse_label(label)
    return PeriodWanted(p.year, p.start, p.end, label)
