"""Facts out of statistical tables: rows of places or of indicators, their metric, unit and period taken
from the caption and the headers; a column whose meaning is unknown yields nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from knowledge.extract.context import ArticleContext
from knowledge.extract.fact import ExtractedFact
from knowledge.extract.metrics import canonical_metric
from knowledge.extract.periods import Period, find_periods
from knowledge.extract.table_columns import (
    Column,
    Table,
    is_value_cell,
    label_unit,
    split_unit,
    squeeze,
    vocabulary,
    year_of,
)
from knowledge.extract.table_layout import find_tables
from knowledge.extract.table_names import clean_label, compose_measure, row_measure, row_metric, topic
from knowledge.extract.table_periods import column_period, in_period, is_dated, months_column
from knowledge.places.gazetteer import Region
from knowledge.text.document import Document

_TABLE_MARK = re.compile(r"^[表图]\s*\d{1,2}(?!\d)\s*[::.、]?")  # 表2 2023年…: the table's number only
_QUICK = re.compile(r"\||^\s*[-−]?\d+(?:\.\d+)?\s*$|\S\s{2,}[-−]?\d|\S\s[-−]?\d+(?:\.\d+)?%?\s*$", re.MULTILINE)
_FULL_SHARE = Decimal(100)


@dataclass(slots=True)
class _Setting:
    """What the caption and the article say about every cell of one table."""

    period: Period
    place: Region | None
    topic: str
    sentence: int


def with_tables(doc: Document, ctx: ArticleContext, prose: list[ExtractedFact]) -> list[ExtractedFact]:
    """The sentences' facts and those of the document's tables that the sentences did not already state.

    A table's lines re-joined into one sentence (农林牧渔业553.2工业81.2…) are no prose: figures the
    sentence reader took from inside a table are dropped once the table itself is read."""
    if not doc.lines or not _QUICK.search("\n".join(doc.lines)):
        return prose  # no line looks like part of a table: most articles stop here
    table_made: list[ExtractedFact] = []
    covered: set[int] = set()
    # read as the sentences are (Simplified, mainland wording), so that a caption is found among them
    for table in find_tables(doc.reading_lines):
        made = _facts_of(table, doc, ctx)
        if made:
            first = _caption_sentence(doc, table)
            covered.update(range(first, max(f.sentence for f in made) + 1))
            table_made.extend(made)
    kept = [f for f in prose if f.sentence not in covered]
    seen = {_key(f) for f in kept}
    for fact in table_made:
        if _key(fact) not in seen:  # a table repeating the text's figure is the same fact
            seen.add(_key(fact))
            kept.append(fact)
    return kept


def _key(f: ExtractedFact) -> tuple[str, str, str, Decimal | None, Decimal | None]:
    return f.region.code, canonical_metric(f.metric) or f.metric, f.period.label, f.value, f.growth


def _facts_of(table: Table, doc: Document, ctx: ArticleContext) -> list[ExtractedFact]:
    setting = _setting(table, doc, ctx)
    if not all(in_period(c, setting.period) for c in table.columns):
        return []  # 2023年上半年… | 1-9月 |: the caption and the header disagree on the period
    notes = tuple(vocabulary()["rows"]["note_marks"])
    table.rows = [(label, cells) for label, cells in table.rows if not squeeze(label).startswith(notes)]
    if _names_things(table):
        return []  # | 县区 | 项目名称 | 投资额 |: each row is a project or a firm of a place, not the place
    places = [_whole_place(label, ctx) for label, _ in table.rows]
    named = sum(1 for p in places if p)
    unknown = sum(1 for (label, _), p in zip(table.rows, places, strict=True) if p is None and _names_a_place(label))
    members = [p for p in places if p is not None]
    places = [p or _total_place(label, setting, ctx, members)
              for (label, _), p in zip(table.rows, places, strict=True)]
    if named + unknown >= max(2, len(places) // 2):  # rows of places, some the gazetteer does not know (…镇)
        return [f for (label, cells), place in zip(table.rows, places, strict=True) if place
                for f in _place_row(table, setting, place, label, cells, doc)]
    across = [_whole_place(c.name, ctx) if c.kind == "unknown" else None for c in table.columns]
    if any(across):  # columns of places: the rows are no indicators of the table's own place
        if sum(1 for p in across if p) < 2 or named or not all(
                p or c.kind in ("unit", "ignored") for p, c in zip(across, table.columns, strict=True)):
            return []
        return [f for label, cells in table.rows for f in _across_row(table, setting, across, label, cells, doc)]
    if setting.place is None or table.label in vocabulary()["columns"]["place_labels"]:
        return []  # indicators of no known place, or rows of places the gazetteer does not know
    spans = [_is_period(label, setting) for label, _ in table.rows]
    if any(spans):  # 2021年 | 2022年 …, 一季度 | 上半年 …: rows of the caption's one metric, a period each
        known = canonical_metric(setting.topic) or setting.topic.endswith(tuple(vocabulary()["columns"]["measures"]))
        if not all(spans) or len(setting.topic) < 2 or not known:
            return []  # the caption must name what the periods measure
        dated = [(label, cells, _row_setting(setting, label)) for label, cells in table.rows]
        return [f for label, cells, each in dated if each
                for f in _indicator_row(table, each, label, cells, doc, setting.topic)]
    return [f for (label, cells), place in zip(table.rows, places, strict=True)
            if place is None and not _names_a_place(label) for f in _indicator_row(table, setting, label, cells, doc)]


def _setting(table: Table, doc: Document, ctx: ArticleContext) -> _Setting:
    caption = squeeze(_TABLE_MARK.sub("", table.caption.strip()))
    mentions = find_periods(caption, published=doc.published, default_year=ctx.focus_year)
    stated = [m for m in mentions if m.period.kind not in ("target", "asof", "undated") and m.period.year]
    period = stated[0].period if stated else (ctx.focus_period or _published_year(doc))
    year_end = any(w in caption for w in vocabulary()["caption"]["year_end"]) or any(
        c.year_end for c in table.columns)
    if year_end and period.kind == "year" and period.year:
        period = Period("asof", period.year, asof=date(period.year, 12, 31))
    places = ctx.gazetteer.find_mentions(caption, context_city=ctx.city, context_province=ctx.province,
                                         year=ctx.focus_year)
    rest = caption
    spans = [(m.start, m.end) for m in mentions] + [(m.start, m.end) for m in places]
    for start, end in sorted(spans, reverse=True):
        rest = rest[:start] + rest[end:]
    place = places[-1].region if places else ctx.focus
    if period.kind == "year" and period.year and (span := months_column(table, period.year)) is not None:
        period = span  # 2023年主要指标 | 1-9月 |: the caption gives the year, the header the months
    return _Setting(period, place, topic(rest), _caption_sentence(doc, table))


def _published_year(doc: Document) -> Period:
    year = doc.published.year if doc.published else None
    return Period("year", year, 1, 12) if year else Period("undated", None)


def _whole_place(label: str, ctx: ArticleContext) -> Region | None:
    """The place a row label names when the whole label is that place (北  京 → 北京市)."""
    text = clean_label(label)
    found = ctx.gazetteer.find_mentions(text, context_city=ctx.city, context_province=ctx.province,
                                        year=ctx.focus_year)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        return found[0].region
    return None


def _names_things(table: Table) -> bool:
    """A column of an unknown header whose cells are words, not figures: the rows are things named there."""
    for at, column in enumerate(table.columns):
        cells = [squeeze(cells[at]) for _, cells in table.rows if cells[at]]
        if column.kind == "unknown" and cells and sum(1 for c in cells if not is_value_cell(c)) * 2 > len(cells):
            return True
    return False


def _names_a_place(label: str) -> bool:
    """A row label that names a place by its ending (石岭镇, 青禾街道): a place, even one the gazetteer lacks."""
    text = clean_label(label)
    return len(text) >= 3 and text.endswith(tuple(vocabulary()["rows"]["place_endings"]))


def _part_of(part: Region, whole: Region) -> bool:
    return part.parent == whole.code or (whole.level == "nation" and part.level == "province")


def _total_place(label: str, setting: _Setting, ctx: ArticleContext, members: list[Region]) -> Region | None:
    """The place a total row of a table of places stands for: 全国总计 → 全国; 合计, and 全市 when the place
    is a city (全县 a county …), → the table's place, when the other rows are its parts."""
    text = clean_label(label)
    place = setting.place
    whole = place if place is not None and any(_part_of(m, place) for m in members) else None
    if text in vocabulary()["rows"]["own_unit"]:
        return whole if whole is not None and whole.name.endswith(text[-1]) else None
    for word in vocabulary()["rows"]["totals"]:
        if text.endswith(word):
            rest = text[: -len(word)]
            return _whole_place(rest, ctx) if rest else whole
    return None


# ---- rows ----------------------------------------------------------------------------------------------------

def _place_row(table: Table, setting: _Setting, place: Region, label: str, cells: list[str],
               doc: Document) -> list[ExtractedFact]:
    """A row naming a place: each measure column (and a plain value column under a caption's metric)."""
    made: list[ExtractedFact] = []
    dated: list[ExtractedFact] = []
    rates_only = canonical_metric(setting.topic) is not None and all(
        c.kind in ("growth", "ignored", "unit") for c in table.columns)
    month: ExtractedFact | None = None  # 本月 | 同比增长: the growth right after the month's value is the month's
    for column, cell in zip(table.columns, cells, strict=True):
        if column.kind == "growth" and month is not None:
            _set_growth(month, column, cell)
            month = None
            continue
        month = None
        if column.kind == "growth" and column.year is not None:  # 2023年 / 增长(%): the growth of that year
            if (own := _of_year_in(dated, column.year)) is not None:
                _set_growth(own, column, cell)
            continue
        if column.kind == "growth" and made:
            _set_growth(_latest(dated, setting) or made[-1], column, cell)
            continue
        if column.kind == "growth" and rates_only:  # 各县市区规模以上工业增加值增速 | 增速(%): the caption's metric
            fact = _fact(place, setting.topic, None, None, setting, _sentence_of(doc, label, setting.sentence))
            if fact is not None and _number(cell) is not None:
                _set_growth(fact, column, cell)
                made.append(fact)
            continue
        if is_dated(column, setting.period):
            fact = _dated_fact(place, setting.topic, cell, column, column.unit or table.unit, setting,
                               _sentence_of(doc, label, setting.sentence))
            if fact is not None:
                made.append(fact)
                if column.last_month:
                    month = fact
                else:
                    dated.append(fact)
            continue
        if column.kind == "measure":
            metric = compose_measure(setting.topic, column.name)
        elif column.kind == "value" and setting.topic and in_period(column, setting.period):
            metric = setting.topic
        else:
            continue
        sentence = _sentence_of(doc, label, setting.sentence)
        fact = _fact(place, metric, cell, column.unit or table.unit, setting, sentence)
        if fact is not None:
            made.append(fact)
    return made


def _across_row(table: Table, setting: _Setting, places: list[Region | None], label: str, cells: list[str],
                doc: Document) -> list[ExtractedFact]:
    """A row naming an indicator in a table whose columns are places (指标 | 济南市 | 青岛市): one fact a
    place. Growth columns make such a table unreadable, so none are taken."""
    name, unit = label_unit(label)
    metric = row_metric(name, setting.topic)
    if len(metric) < 2:
        return []
    unit = next((c for col, c in zip(table.columns, cells, strict=True) if col.kind == "unit"), unit or table.unit)
    sentence = _sentence_of(doc, label, setting.sentence)
    made = [_fact(place, metric, cell, unit, setting, sentence)
            for place, cell in zip(places, cells, strict=True) if place is not None]
    return [f for f in made if f is not None and f.value is not None]


def _is_period(label: str, setting: _Setting) -> bool:
    return year_of(label) is not None or _label_period(label, setting) is not None


def _row_setting(setting: _Setting, label: str) -> _Setting | None:
    """The setting of a row that is a period: a year (2022年), or a part of the table's year (一季度, 1-6月)."""
    if (year := year_of(label)) is not None:
        period = column_period(setting.period, Column("value", str(year), year=year))
    else:
        period = _label_period(label, setting)
    return replace(setting, period=period) if period else None


def _label_period(label: str, setting: _Setting) -> Period | None:
    text = squeeze(label)
    found = find_periods(text, published=None, default_year=setting.period.year)
    if len(found) != 1 or (found[0].start, found[0].end) != (0, len(text)):
        return None
    period = found[0].period
    return period if period.year is not None and period.kind not in ("target", "asof", "undated", "span") else None


def _indicator_row(table: Table, setting: _Setting, label: str, cells: list[str],
                   doc: Document, metric: str | None = None) -> list[ExtractedFact]:
    """A row naming an indicator of the table's place (or, given `metric`, a year of it): its value, growth
    and share."""
    assert setting.place is not None
    name, own_unit = label_unit(label)  # 地区生产总值(亿元): the row gives its unit in brackets
    metric = metric or row_metric(name if own_unit else label, setting.topic)
    if not metric:
        return []
    unit = next((c for col, c in zip(table.columns, cells, strict=True) if col.kind == "unit"), own_unit)
    sentence = _sentence_of(doc, label, setting.sentence)
    measured = any(c.kind == "measure" or is_dated(c, setting.period) for c in table.columns)
    made: list[ExtractedFact] = []
    dated: list[ExtractedFact] = []
    value: ExtractedFact | None = None
    month: ExtractedFact | None = None  # 本月 | 同比增长: the growth right after the month's value is the month's
    for column, cell in zip(table.columns, cells, strict=True):
        if column.kind == "growth" and month is not None:
            _set_growth(month, column, cell)
            month = None
            continue
        month = None
        if is_dated(column, setting.period):  # 2022年 | 2023年, 本年 | 上年: each column its own period
            fact = _dated_fact(setting.place, metric, cell, column, unit or column.unit or table.unit, setting,
                               sentence)
            if fact is not None:
                made.append(fact)
                if column.last_month:
                    month = fact  # a later growth column is the span's, not the month's
                else:
                    dated.append(fact)
        elif column.kind == "value" and value is None and in_period(column, setting.period):
            value = _fact(setting.place, metric, cell, unit or column.unit or table.unit, setting, sentence)
            if value is not None:
                made.append(value)
        elif column.kind == "measure":
            # 粮食 under 产量(吨): the row's thing and the column's measure; a growth after it is its own
            named = row_measure(table, label, column.name)
            value = _fact(setting.place, named, cell, column.unit or table.unit, setting, sentence) \
                if named else None
            if value is not None:
                made.append(value)
        elif column.kind == "growth" and column.year is not None:  # 2023年 / 增长(%): the growth of that year
            if (own := _of_year_in(dated, column.year)) is not None:
                _set_growth(own, column, cell)
        elif column.kind == "growth":
            value = value or _latest(dated, setting)
            if value is None and not measured:  # a growth of a row whose measure is unknown says nothing
                value = _fact(setting.place, metric, None, None, setting, sentence)
                if value is not None:
                    made.append(value)
            if value is not None:
                _set_growth(value, column, cell)
        elif column.kind == "share" and _number(cell) not in (None, _FULL_SHARE):
            share = _fact(setting.place, f"{metric}比重", cell, "%", setting, sentence)
            if share is not None:
                made.append(share)
    return [f for f in made if f.value is not None or f.growth is not None or f.growth_pp is not None]


# ---- cells ---------------------------------------------------------------------------------------------------

def _dated_fact(place: Region, metric: str, cell: str, column: Column, unit: str | None, setting: _Setting,
                sentence: int) -> ExtractedFact | None:
    period = column_period(setting.period, column)
    if period is None or not metric:
        return None
    fact = _fact(place, metric, cell, unit, setting, sentence, period)
    return fact if fact is not None and fact.value is not None else None


def _of_year_in(dated: list[ExtractedFact], year: int) -> ExtractedFact | None:
    """The one dated fact of `year`, when there is one."""
    found = [f for f in dated if f.period.year == year]
    return found[0] if len(found) == 1 else None


def _latest(dated: list[ExtractedFact], setting: _Setting) -> ExtractedFact | None:
    """Of a row's dated facts, the one a growth column is about: the table's own period, else the newest."""
    same = [f for f in dated if f.period == setting.period]
    if same:
        return same[0]
    return max(dated, key=lambda f: f.period.sort_key) if dated else None


def _fact(place: Region, metric: str, cell: str | None, unit: str | None, setting: _Setting,
          sentence: int, period: Period | None = None) -> ExtractedFact | None:
    if cell is not None and _number(cell) is None:
        cell, own = split_unit(cell)  # | 地区生产总值 | 6105.1亿元 |: the cell's own unit
        unit = own or unit
    value = _number(cell) if cell is not None else None
    if cell is not None and value is None:
        return None
    text = cell.replace(",", "") if cell is not None else None
    return ExtractedFact(place, place.name, canonical_metric(metric) or metric, metric, value, text,
                         unit if value is not None else None, None, None, period or setting.period, [], sentence)


def _set_growth(fact: ExtractedFact, column: Column, cell: str) -> None:
    number = _number(cell)
    if number is None:
        return
    if column.points:
        fact.growth_pp = number
    else:
        fact.growth = number


def _number(cell: str | None) -> Decimal | None:
    if cell is None:
        return None
    try:
        return Decimal(cell.replace(",", "").replace("−", "-").rstrip("%"))
    except InvalidOperation:
        return None


def _caption_sentence(doc: Document, table: Table) -> int:
    """The sentence of a table's caption: the line that is the caption alone (the last, when the title above
    the article says the same), so that a title holding the caption's words (某县主要经济指标运行情况) is not
    taken for it and the prose between them kept; else the first sentence holding it."""
    needle = squeeze(table.caption)
    alone = [s.position for s in doc.sentences if needle and squeeze(s.text) == needle]
    return alone[-1] if alone else _sentence_of(doc, table.caption or table.rows[0][0])


def _sentence_of(doc: Document, cell: str, start: int = 0) -> int:
    """The first sentence from `start` holding a table cell, so that a fact cites the table's own line."""
    needle = squeeze(cell)
    for sentence in doc.sentences[start:]:
        if needle and needle in squeeze(sentence.text):
            return sentence.position
    return start if start < len(doc.sentences) else 0
