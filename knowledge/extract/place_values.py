"""Places paired with figures item by item, the metric named once: 南昌地区生产总值7300亿元、赣州4600亿元、九江
3900亿元, or before the list (各市地区生产总值:甲7300亿元,乙4600亿元; 排名前三的是甲7300亿元、乙4600亿元).

Every item after the first is a place right before its figure, the items joined by 、 , or ; and all in one
unit; the first item names the metric between its place and its figure, or the words before the list do. A
metric is taken only when it is a catalogue indicator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.extract.clauses import FILL, mask_spans
from knowledge.extract.context import ArticleContext
from knowledge.extract.forms import Listed, PeriodAt
from knowledge.extract.growths import decimal_of
from knowledge.extract.metricphrase import metric_name
from knowledge.extract.metrics import AMOUNT, metrics, pre_qualifier
from knowledge.places.gazetteer import Region

_VALUE = re.compile(rf"{AMOUNT}(?![\d.])")
_GAP = re.compile(r"\s*[、,;]\s*")
_OWN_WORDS = re.compile(r"[^\d,;。:、()()]{2,16}")  # the metric between the first place and its figure
_LEAD_END = re.compile(r"的?(?:依次|分别)?(?:是|为)?[::]?\s*$")
_RANK = re.compile(r"(?:排名|排在|位居|位列|居)?前[二三四五六七八九十\d]{1,2}(?:位|名)?(?:的)?(?:城市|市|县|区|省份)?$")
_CLAUSE_START = re.compile(r"[,;。]")


@dataclass(slots=True)
class _Run:
    metric: str | None  # named by the first item, else by the words before the list
    items: list[tuple[int, Region, str, re.Match[str]]] = field(default_factory=list)


def has_place_values(text: str) -> bool:
    """A cheap test first: two figures joined by 、 , or ; with a word between."""
    return re.search(r"\d[^\d,;。、]{0,4}[、,;][\u4e00-\u9fff]{2,4}\d", text) is not None


def read_place_values(text: str, ctx: ArticleContext, period_at: PeriodAt) -> list[tuple[int, int, list[Listed]]]:
    """The places paired with figures item by item in `text`, as (start, end, facts) spans."""
    runs: list[_Run] = []
    for at, region, surface in ctx.places(text, (0, len(text))):
        end = at + len(surface)
        run = runs[-1] if runs else None
        value = _VALUE.match(text, end)
        if value is not None and run is not None and _GAP.fullmatch(text, run.items[-1][3].end(), at) \
                and value.group("unit") == run.items[0][3].group("unit"):
            run.items.append((at, region, surface, value))
            continue
        if value is not None:
            runs.append(_Run(None, [(at, region, surface, value)]))
            continue
        own = _OWN_WORDS.match(text, end)
        value = _VALUE.match(text, own.end()) if own else None
        name = metric_name(own.group(0)) if own and value else None
        if value is not None and name in metrics():
            runs.append(_Run(name, [(at, region, surface, value)]))
    out: list[tuple[int, int, list[Listed]]] = []
    for run in runs:
        if len(run.items) < 2:
            continue
        metric = run.metric or _lead_metric(text, run.items[0][0])
        if metric is None:
            continue
        made = [Listed(v.start("num"), region, surface, metric, metric, decimal_of(v.group("num")), v.group("num"),
                       v.group("unit"), period_at(v.start("num")),
                       qualifiers=[pre_qualifier(v.group("pre"))] if v.group("pre") else [])
                for _at, region, surface, v in run.items]
        out.append((run.items[0][0], run.items[-1][3].end(), made))
    return out


def _lead_metric(text: str, start: int) -> str | None:
    """The catalogue metric the words before a list name (2023年各市地区生产总值:, 地区生产总值排名前三的是)."""
    marks = list(_CLAUSE_START.finditer(text, 0, start))
    lead = mask_spans(text[marks[-1].end() if marks else 0 : start]).replace(FILL, "").strip()
    if not lead.endswith((":", ":", "是", "为")):
        return None  # a list is announced: 是/为/a colon ends its lead
    lead = _RANK.sub("", _LEAD_END.sub("", lead))
    for i in range(len(lead) - 1):
        if (name := metric_name(lead[i:])) in metrics():
            return name  # 各设区市地区生产总值 → 地区生产总值: the longest tail that names an indicator
    return None
