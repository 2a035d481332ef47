"""Rankings laid out in lines: numbered lines (1. X / (1)X / ①X / NO.1 X / 第1名 X / X … 第1位, one place a line;
lists on one line are rank_inline.py's) and rank tables (排名 | 地区 | 数值, as rows or one cell a line,
side-by-side blocks included, one ranking per rank column)."""

from __future__ import annotations

import re
from itertools import pairwise

from knowledge.extract.context import ArticleContext
from knowledge.extract.rank_entries import ExtractedEntry, ExtractedRanking, alt, link_entry, make_ranking, words
from knowledge.extract.rank_inline import CIRCLED, in_rank_order, inline_lists, only_places
from knowledge.extract.rank_lists import ranked
from knowledge.text.document import Document, Sentence
from knowledge.text.numbers import cn_int

# 1. X, 1、X, (1)X, and 1 X (a rank table's row copied as text: the number, a space, the place)
# 1)X, 【1】X, [1]X; ①X (read as 1X once normalised); and NO.1 X, TOP1 X, 第一 X, 第1名,X, X 5000亿元 第1位
# (a rank by its very form)
_ENUM = re.compile(r"^\s*(?:(?P<a>\d{1,3})\s*[.、.))]|[((【\[]\s*(?P<b>\d{1,3}|[一二三四五六七八九十]{1,3})\s*[))】\]]"
                   rf"|(?P<c>\d{{1,3}})(?=\s+\D)|(?P<e>[{CIRCLED}])|(?P<h>\d{{1,2}})(?=[\u4e00-\u9fff])"
                   r"|(?i:no|top)\s*[.:.]?\s*(?P<d>\d{1,3})\s*[::]?"
                   r"|第(?P<f>\d{1,3}|[一二三四五六七八九十]{1,3})(?:位|名)?\s*[::,,、]?"
                   r"|(?P<i>[一二三四五六七八九十]{1,3})、)\s*(?P<rest>\S.*)$")
# X 5000亿元 第1位, and X 5000亿元 第一 (a rank in words ends the line)
_TRAILING_RANK = re.compile(r"^\s*(?P<rest>[^\d\s第].*?)\s*第(?:(?P<g>\d{1,3})(?:位|名)"
                            r"|(?P<j>[一二三四五六七八九十]{1,3})(?:位|名)?)\s*[。;;]?$")
_BY_FORM = re.compile(r"^\s*(?:(?i:no|top)\s*[.:.]?\s*\d|第)"
                      r"|第(?:\d{1,3}(?:位|名)|[一二三四五六七八九十]{1,3}(?:位|名)?)\s*[。;;]?$")
_NAME_END = re.compile(r"[\s,,::;;((。|\d]")
_FIGURE = re.compile(r"-?\d+(?:\.\d+)?\s*(?:%|[万亿千百]{0,2}[元个家人户]?)")
_INT = re.compile(r"\d{1,4}")
_NAME_GAP = re.compile(r"[\s、,,和及;;。]*")
# a lead line announcing the names below it: …名单如下:, 进步县(5个):, 先进县:
_ANNOUNCED = re.compile(r"(?:名单)?(?:如下)?(?:[((][^))]{1,8}[))])?[::]\s*$")
_LEAD_COUNT = re.compile(r"(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})个")
_RANK_CELL = re.compile(r"(?:第|No\.?\s*|TOP\s*)?(\d{1,3})\s*(?:位|名)?", re.IGNORECASE)


def line_lists(doc: Document, ctx: ArticleContext) -> tuple[set[int], list[ExtractedRanking]]:
    """Numbered lines of places under a lead that names a ranking (ordered) or announces a list (名单如下, a
    set); returns the positions of the lines read and the lists."""
    used, found = inline_lists(doc, ctx)
    sentences = doc.sentences
    i = 0
    while i < len(sentences):
        group = _numbered_run(sentences, i, ctx)
        if any(s.position in used for s, _ in group):
            i += len(group)
            continue  # items of a list written on one line, read with it
        if len(group) < 2:
            i += 1
            continue
        lead = sentences[i - 1].text if i > 0 else (doc.title or "")
        ranking = _line_ranking(lead, group, doc, ctx)
        if ranking is not None:
            found.append(ranking)
            used.update(s.position for s, _ in group)
        i += len(group)
    found.extend(_name_lines(doc, ctx))
    found.extend(_spaced_headings(doc, ctx, used))
    return used, found


_MAX_GAP = 8  # sentences of text between two numbered headings of one ranking


def _spaced_headings(doc: Document, ctx: ArticleContext, used: set[int]) -> list[ExtractedRanking]:
    """Numbered lines of one place each, every one heading its own text (1、青岛市 / …its paragraph… / 2、济南市):
    a ranking when the numbers run on and the title or the line before the first names a ranking."""
    lines = {line.strip() for line in doc.reading_lines}
    heads = [(i, s, e) for i, s in enumerate(doc.sentences) if s.position not in used and s.text.strip() in lines
             and (e := _numbered_entry(s.text, ctx)) is not None]
    found: list[ExtractedRanking] = []
    k = 0
    while k < len(heads):
        group = [heads[k]]
        for nxt in heads[k + 1 :]:
            if nxt[0] - group[-1][0] > _MAX_GAP + 1 or not in_rank_order([*(e[0] for _, _, e in group), nxt[2][0]]):
                break
            group.append(nxt)
        first = group[0][0]
        lead = doc.sentences[first - 1].text if first > 0 else (doc.title or "")
        spaced = any(b[0] - a[0] > 1 for a, b in pairwise(group))  # lines next to each other are read above
        if len(group) >= 3 and spaced and (ranked(lead) or ranked(doc.title or "")):
            for _, _, (number, entry) in group:
                entry.position = number
            title = re.sub(r"(?:如下)?[::。]*$", "", lead.strip()) if ranked(lead) else (doc.title or "排名")
            found.append(make_ranking(title, "ordered", f"{lead} {doc.title or ''}", [e for _, _, (_, e) in group],
                                      group[0][1].position, doc, ctx))
        k += len(group)
    return found


def _name_lines(doc: Document, ctx: ArticleContext) -> list[ExtractedRanking]:
    """Lines of nothing but places under a line announcing them."""
    lines = [line.strip() for line in doc.reading_lines if line.strip()]
    found = []
    for lead, line in pairwise(lines):
        if ("：" not in lead and ":" not in lead) or not _ANNOUNCED.search(lead):
            continue  # cheap tests first: only a line under a lead announcing a list is one (_name_line)
        position = next((s.position for s in doc.sentences if line[:8] in s.text), None)
        named = _name_line(line, lead, position, doc, ctx) if position is not None else None
        if named is not None:
            found.append(named)
    return found


def _name_line(text: str, lead: str, position: int, doc: Document, ctx: ArticleContext) -> ExtractedRanking | None:
    """A line of nothing but places (荣成市、龙口市、胶州市 / 曲阜市 桓台县 嘉祥县) under a lead that announces a
    list (名单如下:, 进步县(3个):): a set, whose count, when the lead gives one, must be the line's."""
    places = sorted(ctx.mentions(text), key=lambda m: m.start)
    at, entries = 0, list[ExtractedEntry]()
    for m in places:
        if m.start < at:
            continue
        if not _NAME_GAP.fullmatch(text, at, m.start) or (entries and m.start == at):
            return None
        entries.append(link_entry(None, m.surface, ctx))
        at = m.end
    if len(entries) < 2 or not _NAME_GAP.fullmatch(text, at) or not _ANNOUNCED.search(lead):
        return None
    count = _LEAD_COUNT.search(lead)
    if count is not None and cn_int(count["n"]) != len(entries):
        return None
    title = _ANNOUNCED.sub("", lead).strip() or "名单"
    return make_ranking(title, "set", lead, entries, position, doc, ctx)


def _numbered_run(sentences: list[Sentence], i: int,
                  ctx: ArticleContext) -> list[tuple[Sentence, tuple[int, ExtractedEntry]]]:
    group: list[tuple[Sentence, tuple[int, ExtractedEntry]]] = []
    for sentence in sentences[i:]:
        entry = _numbered_entry(sentence.text, ctx)
        if entry is None or not in_rank_order([*(n for _, (n, _) in group), entry[0]]):
            break  # (1 2 2 4: a tie, and the count goes on)
        group.append((sentence, entry))
    return group


def _numbered_entry(text: str, ctx: ArticleContext) -> tuple[int, ExtractedEntry] | None:
    if "|" in text or "\t" in text:
        return None  # a table's row (第5名 | 常州 | 9800) is read with its table
    m = _ENUM.match(text) or (_TRAILING_RANK.match(text) if "第" in text else None)  # a trailing rank has 第
    if m is None:
        return None
    groups = m.groupdict()
    circled = CIRCLED.index(groups["e"]) + 1 if groups.get("e") else None
    number = circled or cn_int(next((groups[k] for k in "abcdfghij" if groups.get(k)), ""))
    rest = m["rest"]
    end = _NAME_END.search(rest)
    name = rest[: end.start()] if end else rest
    entry = link_entry(None, name, ctx)
    if number is None or entry.region_code is None or len(name) > 16:
        return None
    if any(groups.get(k) for k in "defghij") and not only_places(name, ctx):
        return None  # 第一,青岛要…: an outline's point that opens with a place, not a ranked place
    figure = _FIGURE.search(rest, len(name))
    entry.value = figure.group().replace(" ", "") if figure else None
    return number, entry


def _line_ranking(lead: str, group: list[tuple[Sentence, tuple[int, ExtractedEntry]]], doc: Document,
                  ctx: ArticleContext) -> ExtractedRanking | None:
    title = re.sub(r"(?:如下|名单如下)?[::。]*$", "", lead.strip()) or "排名"
    entries = [entry for _, (_, entry) in group]
    if ranked(lead) or all(_BY_FORM.search(s.text) for s, _ in group):
        for _, (number, entry) in group:
            entry.position = number
        return make_ranking(title, "ordered", lead, entries, group[0][0].position, doc, ctx)
    if any(w in lead for w in alt_words("announce")):
        return make_ranking(title, "set", lead, entries, group[0][0].position, doc, ctx)
    return None  # numbered places under a lead that names no ranking: an outline, not a list


def alt_words(name: str) -> list[str]:
    return [w for w in alt(name).split("|") if w]


# ---- rank tables -------------------------------------------------------------------------------------------

_RANK_HEADERS = tuple(alt_words("rank_headers")) + tuple(alt_words("serial_headers"))
_SCOPED_HEADER = re.compile(rf"(?:\d{{4}}年)?(?:{'|'.join(w for ws in words()['scopes'].values() for w in ws)})?"
                            rf"(?P<what>[\u4e00-\u9fffA-Za-z]{{0,6}}?)(?P<head>{'|'.join(_RANK_HEADERS)})")
_RULE_CELL = re.compile(r":?-{2,}:?")


def _is_rank_header(cell: str) -> bool:
    """排名, and a rank header with its scope, year or metric (全省排名, 2023年全国位次, 增速排名); a former
    rank's column (上年排名) is none."""
    m = _SCOPED_HEADER.fullmatch(cell.strip())
    return m is not None and not any(w in m["what"] for w in alt_words("former_headers"))


def _table_ranking(title: str, lead: str, header: list[str], entries: list[ExtractedEntry], sentence: int,
                   doc: Document, ctx: ArticleContext, rank_col: int | None = None) -> ExtractedRanking:
    """A table's list: ordered by its rank column, unless that column only numbers the rows (序号) of a table
    whose caption names a set and no ranking (a 名单 numbered row by row is a set)."""
    rank_header = header[rank_col] if rank_col is not None else next(h for h in header if _is_rank_header(h))
    if rank_header.endswith(tuple(alt_words("serial_headers"))) and any(w in lead for w in alt_words("set_captions")) \
            and not ranked(lead):
        for e in entries:
            e.position = None
        return make_ranking(title, "set", lead, entries, sentence, doc, ctx)
    entries.sort(key=lambda e: e.position or 0)
    return make_ranking(title, "ordered", lead, entries, sentence, doc, ctx)


def rank_tables(doc: Document, ctx: ArticleContext) -> list[ExtractedRanking]:
    """Tables with a rank column and a column of places: rows of cells (the rank column anywhere in them), and
    one cell a line (each block of side-by-side columns read)."""
    found: list[ExtractedRanking] = _row_tables(doc, ctx)
    lines = [line.strip() for line in doc.reading_lines]
    cells: list[str] = []
    for line in lines:
        parts = [p.strip() for p in line.strip("|").split("|")] if "|" in line else [line]
        cells.extend(p for p in parts if p)
    i = 0
    while i < len(cells):
        if not _is_rank_header(cells[i]):
            i += 1
            continue
        ranking, i = _flat_rank_table(cells, i, doc, ctx)
        if ranking is not None:
            found.append(ranking)
    return found


def _flat_rank_table(cells: list[str], start: int, doc: Document,
                     ctx: ArticleContext) -> tuple[ExtractedRanking | None, int]:
    """Headers from a rank header up to the first number, then rows of the headers' width."""
    width = next((k for k in range(1, 13) if start + k < len(cells) and _INT.fullmatch(cells[start + k])), 0)
    header = cells[start : start + width]
    if width < 2 or any(link_entry(None, h, ctx).region_code for h in header):
        return None, start + 1  # a place among the headers: the rank header ends its row (城市 | … | 排名)
    block = next((k for k in range(2, width // 2 + 1) if width % k == 0 and header == header[:k] * (width // k)),
                 width)
    rows: list[list[str]] = []
    at = start + width
    while at + block <= len(cells) and _INT.fullmatch(cells[at]):
        row = cells[at : at + width]  # the last row may stop after its first blocks
        rows.extend(row[k : k + block] for k in range(0, len(row) - block + 1, block))
        at += width
    entries = _table_entries(header[:block], rows, ctx)
    if len(entries) < 2:
        return None, start + 1  # a caption read as a header (2023年各省份GDP排名): the real header may follow
    caption = next((c for c in reversed(cells[max(0, start - 2) : start]) if not _INT.fullmatch(c)), "")
    title = re.sub(r"\s+", "", caption) or (doc.title or "排名")
    lead = f"{caption} {doc.title or ''}"
    return _table_ranking(title, lead, header[:block], entries, _sentence_of(doc, caption), doc, ctx), at


def _row_tables(doc: Document, ctx: ArticleContext) -> list[ExtractedRanking]:
    """Tables laid out a row a line, cells split by | or tabs: a header row holding a rank header, then the rows
    of its width (城市 | GDP(亿元) | 排名 / 苏州 | 24653 | 1)."""
    found: list[ExtractedRanking] = []
    rows = [_cells(line) for line in doc.reading_lines]
    i = 0
    while i < len(rows):
        header = rows[i]
        if len(header) < 2 or not any(_is_rank_header(h) for h in header):
            i += 1
            continue
        body = []
        j = i + 1
        while j < len(rows) and len(rows[j]) == len(header):
            if not all(_RULE_CELL.fullmatch(c) for c in rows[j]):  # |---|---|: a Markdown table's rule
                body.append(rows[j])
            j += 1
        rank_cols = [k for k, h in enumerate(header) if _is_rank_header(h)]
        for rank_col in rank_cols:  # GDP | 位次 | 增速 | 位次: one ranking per rank column
            entries = _table_entries(header, body, ctx, rank_col)
            if len(entries) < 2:
                continue
            caption = next((" ".join(r) for r in reversed(rows[max(0, i - 2) : i]) if r), "")
            title = re.sub(r"\s+", "", caption) or (doc.title or "排名")
            if len(rank_cols) > 1:
                title = f"{title}({_ranked_header(header, rank_col)})"
            found.append(_table_ranking(title, f"{caption} {doc.title or ''}", header, entries,
                                        _sentence_of(doc, caption), doc, ctx, rank_col))
        i = max(j, i + 1)
    return found


_CELL_GAP = re.compile(r"\t|\s{2,}")


def _cells(line: str) -> list[str]:
    line = line.strip()
    if "|" in line:
        return [p.strip() for p in line.strip("|").split("|")]
    if _CELL_GAP.search(line):
        return [p.strip() for p in re.split(r"\t+|\s{2,}", line)]
    if line.count(" ") >= 2 and not re.search(r"[,。;:、,;:!?!?]", line):
        return line.split()  # 地区 GDP 位次 / 广东 135000 1: a table's row, cells one space apart
    return [line]


def _rank_of(cell: str) -> int | None:
    m = _RANK_CELL.fullmatch(cell.strip())
    return int(m.group(1)) if m else None


def _ranked_header(header: list[str], rank_col: int) -> str:
    """What a rank column ranks: its own words (增速排名 → 增速), else the column before it (GDP | 位次)."""
    m = _SCOPED_HEADER.fullmatch(header[rank_col])
    return (m["what"] if m and m["what"] else "") or (header[rank_col - 1] if rank_col else header[rank_col])


def _table_entries(header: list[str], rows: list[list[str]], ctx: ArticleContext,
                   rank_col: int | None = None) -> list[ExtractedEntry]:
    if rank_col is None:
        rank_col = next(k for k, h in enumerate(header) if _is_rank_header(h))
    place_col = next((k for k in range(len(header)) if k != rank_col and not _is_rank_header(header[k])
                      and sum(1 for r in rows if link_entry(None, r[k], ctx).region_code) * 2 > len(rows)), None)
    if place_col is None:
        return []
    figures = [k for k in range(len(header)) if k not in (rank_col, place_col) and not _is_rank_header(header[k])
               and all(_FIGURE.fullmatch(r[k]) for r in rows)]
    # the figure ranked: the nearest figure column before the rank column, else the first one
    value_col = max((k for k in figures if k < rank_col), default=figures[0] if figures else None)
    named = _SCOPED_HEADER.fullmatch(header[rank_col])
    if named and named["what"] and value_col is not None and named["what"] not in header[value_col]:
        value_col = None  # 增速排名 beside a GDP column: the figure ranked is not in the table
    entries = []
    for r in rows:
        rank = _rank_of(r[rank_col])
        if rank is None:
            continue
        entries.append(link_entry(rank, r[place_col], ctx, r[value_col] if value_col is not None else None))
    return entries


def _sentence_of(doc: Document, caption: str) -> int:
    return next((s.position for s in doc.sentences if caption and caption in s.text), 0)
