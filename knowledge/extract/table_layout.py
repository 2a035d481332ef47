"""Statistical tables found among an article's lines: `|`-separated rows, space-aligned rows and tables
flattened one cell a line, each read into a caption, typed columns and labelled rows of cells."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal

from knowledge.extract.table_columns import (
    Column,
    Table,
    caption_unit,
    column_of,
    is_value_cell,
    known_units,
    squeeze,
    unit_line,
    without_unit,
    year_of,
)

_ONLY_BRACKET = re.compile(r"[((][^))]*[))]")
_ALIGNED = re.compile(r"\s{2,}|\t|\u3000+")
_PROSE = re.compile(r"[。;;,,!?!?]")
_CAPTION_MARK = re.compile(r"^[表图]\s*\d+")
_RULE = re.compile(r"[\s|:+=-]*-{3,}[\s|:+=-]*")  # | --- | --- |: a Markdown rule under the header
_SPACED_ROW = re.compile(r"\S\s+[-−]?\d+(?:\.\d+)?%?\s*$")  # 水 果 68.5 -1.1: a label, single spaces, figures
_MAX_CELL = 40


def _starts_new_table(cell: str) -> bool:
    """Inside a flattened table, a header of another table ends it."""
    column = column_of(cell)
    return bool(_CAPTION_MARK.match(cell) or unit_line(cell)
                or (column is not None and column.kind in ("value", "growth", "share", "label")))


# ---- lines → runs of table lines ---------------------------------------------------------------------------

def _cells(line: str) -> list[str]:
    """The cells of a line: split at `|`, else at runs of spaces; trailing empty cells dropped."""
    parts = line.split("|") if "|" in line else _ALIGNED.split(line)
    cells = [p.strip().strip("*").strip() for p in parts]  # | **指标** |: Markdown bold is no part of a cell
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _kind(line: str) -> Literal["blank", "row", "cell", "prose"]:
    if not line.strip(" |\u3000\t") or _RULE.fullmatch(line):
        return "blank"
    cells = _cells(line)
    filled = [c for c in cells if c]
    if len(filled) >= 2 and all(len(c) <= _MAX_CELL for c in filled) and (
            "|" in line or any(is_value_cell(c) for c in filled)
            or len(_known_groups(filled) or ()) >= 2):  # an aligned header: 指标  单位  数值, 指  标  单位
        return "row"
    text = line.strip(" |")
    if len(text) <= _MAX_CELL and not _PROSE.search(text):
        return "cell"
    return "prose"


def _runs(lines: list[str]) -> Iterator[list[tuple[str, str]]]:
    """Maximal runs of row and cell lines (blank lines inside allowed), as (kind, line)."""
    run: list[tuple[str, str]] = []
    for line in lines:
        kind = _kind(line)
        if kind == "prose":
            if run:
                yield run
            run = []
        elif kind != "blank":
            run.append((kind, line))
    if run:
        yield run


def find_tables(lines: list[str], simplify: Any = None) -> list[Table]:
    """Every table among `lines`; `simplify` converts a table's text to Simplified script first."""
    tables: list[Table] = []
    for run in _runs(lines):
        rows = sum(1 for kind, _ in run if kind == "row")
        numbers = sum(1 for kind, line in run if kind == "cell" and is_value_cell(squeeze(line.strip(" |"))))
        spaced = sum(1 for kind, line in run if kind == "cell" and _SPACED_ROW.search(line))
        if rows < 2 and numbers < 4 and spaced < 2:
            continue
        if simplify is not None:  # read again in Simplified: a Traditional header (指標  單位) is a row too
            run = [(_kind(text), text) for text in (simplify(line) for _, line in run)]
            rows = sum(1 for kind, _ in run if kind == "row")
        if rows >= 2:
            table = _row_table(run)
            if table is not None:
                tables.append(table)
            continue
        cells = [line.strip(" |") for kind, line in run if kind == "cell"]
        tables.extend(spaced_tables(cells) or _flat_tables(_without_ranks(cells)))
    for table in tables:
        table.unit = table.unit or caption_unit(table.caption)
        table.caption = without_unit(table.caption)
    return tables


# ---- one row a line ----------------------------------------------------------------------------------------

def _row_table(run: list[tuple[str, str]]) -> Table | None:
    caption, unit = "", None
    header: list[str] | None = None
    data: list[list[str]] = []
    for kind, line in run:
        if kind == "cell":
            text = line.strip(" |")
            if (found := unit_line(text)) is not None:
                unit = found
            elif header is None:
                caption = text
            continue
        cells = _cells(line)
        if header is None:
            if all(not c or not is_value_cell(c) for c in cells[1:]):
                header = cells
            continue
        if not data and _is_sub_header(cells):
            header = _merged_header(header, cells)  # | 指标 | 2023年 | | over | | 绝对数 | 增长(%) |
            continue
        data.append(cells)
    if header is None or not data:
        return None
    if all(not d[0] for d in data) and not header[0]:
        header, data = header[1:], [d[1:] for d in data]  # | a | b |: every line opens with a bar
    width = max(len(d) for d in data)
    if len(header) == width + 1 and not header[0]:
        header = header[1:]  # | | 绝对额 | 增长 | over rows that open with no bar: the header's bar is no cell
    if len(header) > width and any(h and column_of(h) is None for h in header) and (
            merged := _header_groups([h for h in header if h])) is not None:
        header = [text for text, _ in merged]  # 指  标  单位: a header word padded apart into two cells
    if len(header) == width - 1:
        header = ["", *header]  # no header over the label column
    if len(header) != width:
        return None
    kinds = [column_of(h) or Column("unknown", squeeze(h)) for h in header]
    at = next((i for i, c in enumerate(kinds) if c.kind == "label"), 0)  # 排名 | 地区 | …: the label's column
    columns = kinds[:at] + kinds[at + 1 :]
    rows = [(d[at], d[:at] + d[at + 1 :]) for d in data if len(d) == width and d[at]]
    if any(is_value_cell(squeeze(label)) for label, _ in rows):
        return None  # a figure where the labels stand: the header and the rows are not aligned
    label = kinds[at].name if kinds[at].kind == "label" else ""
    return Table(caption, unit, columns, rows, label)


def _is_sub_header(cells: list[str]) -> bool:
    """A second header line: no figures, and two cells or more, each naming a known column (a row heading a
    group, | 地区生产总值 | | |, fills one)."""
    filled = [c for c in cells if c]
    return len(filled) >= 2 and all(column_of(c) is not None and not is_value_cell(c) for c in filled)


def _merged_header(upper: list[str], lower: list[str]) -> list[str]:
    """Two header lines as one. A year over several columns spans them (2023年 over 绝对数 | 增长(%) makes
    2023年绝对数 | 2023年增长(%)); so does a metric (地区生产总值 over 总量(亿元) | 增速(%) makes
    地区生产总值(亿元) | 增速(%), the growth then that of the figure before it); elsewhere the lower line's
    cell, or the upper's where the lower is empty."""
    upper = upper + [""] * (len(lower) - len(upper))
    merged: list[str] = []
    spanning = ""
    for top, bottom in zip(upper, lower + [""] * (len(upper) - len(lower)), strict=True):
        if top:
            spanning = top if year_of(top) is not None or _kind_of(top) == "measure" else ""
        below = column_of(bottom) if bottom else None
        if not spanning or below is None:
            merged.append(bottom or top)
        elif year_of(spanning) is not None:
            merged.append(spanning + bottom)
        elif below.kind == "value":
            merged.append(f"{spanning}({below.unit})" if below.unit else spanning)
        else:
            merged.append(bottom)
    return merged


def _kind_of(cell: str) -> str | None:
    column = column_of(cell)
    return column.kind if column is not None else None


# ---- one cell a line ---------------------------------------------------------------------------------------

def _flat_tables(cells: list[str]) -> list[Table]:
    """A flattened table: caption and headers, then a label and one cell per column, repeating."""
    tables: list[Table] = []
    start = 0
    while start < len(cells):
        first = next((i for i in range(start, len(cells)) if is_value_cell(squeeze(cells[i]))), None)
        if first is None or first - start < 2:
            break
        lead = first - 1
        if lead - 1 > start and squeeze(cells[lead]) in known_units() and any(
                (c := column_of(h)) is not None and c.kind == "unit" for h in cells[start : lead - 1]):
            lead -= 1  # 指标 / 单位 / 绝对数 …: the first row's label, then its unit word, then its figures
        caption, unit, columns, header = _flat_header(cells[start:lead])
        rows: list[tuple[str, list[str]]] = []
        label: str | None = None
        values: list[str] = []
        end = len(cells)
        for i in range(lead, len(cells)):
            cell = squeeze(cells[i])
            if is_value_cell(cell) or (label is not None and len(values) < len(columns)
                                       and columns[len(values)].kind == "unit" and cell in known_units()):
                values.append(cell)
                continue
            if label is not None and len(values) == len(columns):
                rows.append((label, values))
            if i > first and _starts_new_table(cells[i]):
                label, end = None, _caption_start(cells, i)
                break
            label, values = cells[i], []
        if label is not None and len(values) == len(columns):
            rows.append((label, values))
        if columns and rows:
            tables.append(Table(caption, unit, columns, rows, header))
        start = max(end, start + 1)
    return tables


_WHOLE = re.compile(r"\d{1,3}")


def _without_ranks(cells: list[str]) -> list[str]:
    """A flattened table whose rows open with a rank (排名 / 县区 / … then 1 / 兰山区 / …), without its ranks:
    the rank header and each whole number just before a row's label go."""
    at = next((i for i in range(len(cells) - 1) if _kind_of(cells[i]) == "ignored"
               and _kind_of(cells[i + 1]) == "label"), None)
    if at is None:
        return cells
    kept = [*cells[:at], cells[at + 1]]
    for i in range(at + 2, len(cells)):
        following = squeeze(cells[i + 1]) if i + 1 < len(cells) else ""
        if _WHOLE.fullmatch(squeeze(cells[i])) and following and not is_value_cell(following) \
                and column_of(following) is None:
            continue
        kept.append(cells[i])
    return kept


def _caption_start(cells: list[str], i: int) -> int:
    """Where the next table's own lines begin: its caption, just before its first header."""
    if i > 0 and column_of(cells[i - 1]) is None and not is_value_cell(squeeze(cells[i - 1])):
        return i - 1
    return i


def _flat_header(head: list[str]) -> tuple[str, str | None, list[Column], str]:
    merged: list[str] = []
    for cell in head:
        if merged and _ONLY_BRACKET.fullmatch(squeeze(cell)):
            merged[-1] += squeeze(cell)  # 总产量 / (万吨): the unit on a line of its own
        elif merged and column_of(merged[-1]) is None and column_of(merged[-1] + cell) is not None:
            merged[-1] = squeeze(merged[-1] + cell)  # 比上年 / 增长(%): a header broken over two lines
        else:
            merged.append(cell)
    caption, unit, label = "", None, ""
    columns: list[Column] = []
    for cell in merged:
        if (found := unit_line(cell)) is not None:
            unit = found
            continue
        column = column_of(cell)
        if column is None and not columns:
            caption = cell  # the last line before the headers names the table
        elif column is None or column.kind != "label":
            columns.append(column or Column("unknown", squeeze(cell)))
        else:
            label = column.name
    return caption, unit, columns, label


# ---- one row a line, cells apart by single spaces ------------------------------------------------------------

def spaced_tables(cells: list[str]) -> list[Table]:
    """Rows whose cells single spaces part, as a text export leaves them: a header line naming its columns
    (产品 产量(吨) 增长%), then rows of a label, spaces allowed inside (水 果), and one figure per
    figure column. Only a header whose every word is known starts a table, and only rows of the header's
    shape belong to it; two such rows at least make one."""
    tables: list[Table] = []
    i = 0
    while i < len(cells):
        header = _spaced_header(cells[i])
        if header is None:
            i += 1
            continue
        label, columns = header
        caption, unit = _spaced_caption(cells[:i], tables)
        rows: list[tuple[str, list[str]]] = []
        j = i + 1
        while j < len(cells) and _spaced_header(cells[j]) is None and unit_line(cells[j]) is None:
            if (found := _spaced_row(cells[j], columns)) is not None:
                rows.append(found)
            j += 1
        if len(rows) >= 2:
            tables.append(Table(caption, unit, columns, rows, label))
        i = j
    return tables


def _spaced_header(line: str) -> tuple[str, list[Column]] | None:
    """The label column's name and the other columns a header line of space-parted words names."""
    words = line.split()
    if len(words) < 2 or any(is_value_cell(w) for w in words):
        return None
    groups = _known_groups(words)
    if groups is None:
        return None
    columns = [c for c in groups if c.kind != "label"]
    if len(groups) < 2 or not columns or any(c.kind == "label" for c in groups[1:]) \
            or not any(c.kind in _FIGURES for c in columns):
        return None
    return (groups[0].name if groups[0].kind == "label" else ""), columns


_FIGURES = frozenset({"value", "growth", "share", "measure"})


def _known_groups(words: list[str]) -> list[Column] | None:
    """`words` cut into the fewest runs that each name a known column (比上年 增长(%) is one)."""
    groups = _header_groups(words)
    return None if groups is None else [column for _, column in groups]


def _header_groups(words: list[str]) -> list[tuple[str, Column]] | None:
    """The runs of `words` `_known_groups` finds, each with its text re-joined."""
    best: list[list[tuple[str, Column]] | None] = [[]] + [None] * len(words)
    for end in range(1, len(words) + 1):
        for start in range(end):
            before = best[start]
            text = "".join(words[start:end])
            column = column_of(text) if before is not None else None
            if before is not None and column is not None:
                current = best[end]
                if current is None or len(before) + 1 < len(current):
                    best[end] = [*before, (text, column)]
    return best[-1]


def _spaced_caption(before: list[str], tables: list[Table]) -> tuple[str, str | None]:
    """The caption and the 单位:… line just above a header (not a row of the table before)."""
    caption, unit = "", None
    for cell in reversed(before[-2:]):
        if (found := unit_line(cell)) is not None:
            unit = unit or found
        elif not caption and not _SPACED_ROW.search(cell) and column_of(cell) is None:
            caption = cell
            break
    if tables and caption and any(caption == label for label, _ in tables[-1].rows):
        caption = ""
    return caption, unit


def _spaced_row(line: str, columns: list[Column]) -> tuple[str, list[str]] | None:
    """A label and one cell per column, read from the right: a figure under each figure column, a unit
    word under a unit column; the words left are the label. None when the line has another shape."""
    words = line.split()
    cells: list[str] = []
    for column in reversed(columns):
        if not words:
            return None
        word = words.pop()
        if column.kind == "unit":
            if word not in known_units():
                return None
        elif not is_value_cell(word):
            return None
        cells.append(word)
    label = "".join(words)
    if not label or any(is_value_cell(w) for w in words) or len(label) > _MAX_CELL or _PROSE.search(label):
        return None
    return label, cells[::-1]
