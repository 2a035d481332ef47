"""One figure read from an article: region, metric, value, unit, growth, period and qualifiers."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from knowledge.extract.periods import Period
from knowledge.places.gazetteer import Region


@dataclass(slots=True)
class ExtractedFact:
    region: Region
    region_surface: str
    metric: str
    metric_surface: str
    value: Decimal | None
    value_text: str | None
    unit: str | None
    growth: Decimal | None
    growth_pp: Decimal | None
    period: Period
    qualifiers: list[str] = field(default_factory=list)
    sentence: int = 0

    @property
    def qualifier(self) -> str | None:
        return ",".join(dict.fromkeys(self.qualifiers)) or None

    @property
    def period_label(self) -> str:
        return self.period.label
