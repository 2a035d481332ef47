"""Rankings and named lists of an article: 第一名:…, 10个“先进县”为…, prose lists, numbered lines and tables,
rankings told clause by clause and figures shared out before a top (rank_series.py).

Each keeps its title, scope and period; lists announced in successive sentences share scope and period.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.extract.claims import ExtractedClaim as ExtractedClaim  # re-exported for the pipeline
from knowledge.extract.claims import extract_claims as extract_claims
from knowledge.extract.context import ArticleContext
from knowledge.extract.rank_claims import rankings_from_claims
from knowledge.extract.rank_entries import ExtractedEntry as ExtractedEntry  # re-exported for the store
from knowledge.extract.rank_entries import ExtractedRanking, link_entry, make_ranking, period_of, scope_of
from knowledge.extract.rank_lines import line_lists, rank_tables
from knowledge.extract.rank_lists import prose_lists
from knowledge.extract.rank_series import clause_series, followers, shared_figures, valued_lines
from knowledge.text.document import Document, Sentence
from knowledge.text.numbers import cn_int

# 第一名:X, 第1位 X, 第一名为X: a rank heading its entry (居第1位, 排名第一名 are claims, read in claims.py)
_ENTRY_RE = re.compile(r"(?<![居列排在于至到名升降])第(?P<pos>[一二三四五六七八九十]{1,3}|\d{1,3})(?:名|位)"
                       r"(?:[::]\s*(?P<name>[^;;。,]+)|\s+(?P<spaced>[^;;。,,\s]+)"
                       r"|(?:为|是)?(?P<direct>[\u4e00-\u9fff]{2,10}?)(?=[,,;;。、]|$))")
_SET_RE = re.compile(
    r"(?P<count>\d{1,3}|[一二三四五六七八九十]{1,3})个“?(?P<title>[^”“,。;]{2,24}?)”?(?:为|是|分别是|分别为|包括)[::]?"
    r"(?P<items>[^。;]+)"
)
_TABLE_ROW = re.compile(r"[|\t]")
_HEADING_ENUM = re.compile(r"^(?:[一二三四五六七八九十]+、|[((][一二三四五六七八九十]+[))]|\d+[.、])\s*")


def extract_rankings(doc: Document, ctx: ArticleContext,
                     claims: Sequence[ExtractedClaim] = ()) -> list[ExtractedRanking]:
    """Numbered rankings (grouped by their heading), named sets, prose lists, numbered lines and tables, and
    rankings told claim by claim (the article's rank claims)."""
    rankings: list[ExtractedRanking] = []
    headings: list[str] = []
    current: ExtractedRanking | None = None
    numbered: list[ExtractedRanking] = []
    listed, lines_found = line_lists(doc, ctx)
    for sentence in doc.sentences:
        if sentence.position in listed:
            current = None
            continue
        entries = [m for m in _ENTRY_RE.finditer(sentence.text) if not m["direct"] or _names_place(m["direct"], ctx)]
        if _TABLE_ROW.search(sentence.text):
            entries = []  # 第1名 | 苏州 | 24653: a table's row, read with its table
        if not entries:
            if _looks_like_heading(sentence):
                headings = _push_heading(headings, _HEADING_ENUM.sub("", sentence.text).rstrip("。:"))
                current = None
            rankings.extend(_new_only(rankings, [*_sets(sentence, ctx, doc), *shared_figures(sentence, doc, ctx),
                                                 *prose_lists(sentence, doc, ctx), *followers(sentence, doc, ctx)]))
            series = [r for r in clause_series(sentence, doc, ctx) if not _former(r, ctx)]
            rankings.extend(_new_only(rankings, series))
            continue
        if current is None:
            current = _new_ranking(headings, sentence, ctx, doc)
            rankings.append(current)
            numbered.append(current)
        for m in entries:
            current.entries.append(link_entry(cn_int(m["pos"]), m["name"] or m["spaced"] or m["direct"], ctx))
    for r in numbered:  # the scope is known once the entries are: 县区 of 聊城 make a 聊城 ranking
        scope = scope_of(r.title, r.entries, ctx)
        r.scope_code, r.scope_name = (scope.code, scope.name) if scope else (None, None)
    rankings.extend(_new_only(rankings, lines_found))
    rankings.extend(_new_only(rankings, rank_tables(doc, ctx)))
    rankings.extend(_new_only(rankings, valued_lines(doc, ctx)))
    rankings = _continued([r for r in rankings if len(r.entries) >= 2])
    _carry_period(sorted(rankings, key=lambda r: r.sentence), _paragraph_periods(doc, ctx), ctx)
    return rankings + [r for r in rankings_from_claims(claims, rankings, ctx) if not _former(r, ctx)]


def _former(r: ExtractedRanking, ctx: ArticleContext) -> bool:
    """A ranking told claim by claim (or clause by clause) of a year before the article's (由上年第7位升至第5位):
    ranks of the past named to compare with, not a ranking the article gives."""
    year = re.match(r"\d{4}", r.period_label or "")
    return year is not None and ctx.focus_year is not None and int(year.group()) < ctx.focus_year


def _continued(rankings: list[ExtractedRanking]) -> list[ExtractedRanking]:
    """One ranking told in two lists (甲、乙、丙居前三,丁、戊分列第四、五位; 甲居第一,乙居第二。其余依次为…): an
    ordered list whose ranks go on from those of an ordered list in its sentence or the one before, within the
    same scope and period, joins it."""
    out: list[ExtractedRanking] = []
    for r in rankings:
        before = next((o for o in out if _joins(o, r) or _joins(r, o)), None)
        if before is None:
            out.append(r)
        elif _joins(before, r):
            before.entries.extend(r.entries)
        else:
            before.entries[:0] = r.entries
    return out


def _joins(a: ExtractedRanking, b: ExtractedRanking) -> bool:
    """Whether `b` goes on from `a`: ordered both, `b` in `a`'s sentence or the next, same scope and period."""
    return a.kind == b.kind == "ordered" and 0 <= b.sentence - a.sentence <= 1 and a.scope_code == b.scope_code \
        and (None in (a.period_label, b.period_label) or a.period_label == b.period_label) and _follows(a, b)


def _follows(a: ExtractedRanking, b: ExtractedRanking) -> bool:
    last = max((e.position or 0 for e in a.entries), default=0)
    first = min((e.position or 0 for e in b.entries), default=0)
    names = {e.region_code or e.name for e in a.entries}
    return last > 0 and first == last + 1 and not any((e.region_code or e.name) in names for e in b.entries)


def _names_place(name: str, ctx: ArticleContext) -> bool:
    """第一名昆山市: a name run on after 第N名 is an entry only when it is a place's name, whole."""
    return any(m.start == 0 and m.end == len(name) for m in ctx.mentions(name))


def _new_only(known: list[ExtractedRanking], found: list[ExtractedRanking]) -> list[ExtractedRanking]:
    """Drop a list already read by another form: the same names in the same sentence, or the same places at
    the same positions (a table's rows read as 第N名 lines too)."""
    kept = list(known)
    out = []
    for r in found:
        if not any(_same(r, o) for o in kept):
            kept.append(r)
            out.append(r)
    return out


def _same(a: ExtractedRanking, b: ExtractedRanking) -> bool:
    """One list read twice; two orders of the same places (GDP | 位次 | 增速 | 位次) are two rankings."""
    both_ordered = a.kind == b.kind == "ordered"
    if both_ordered and _ranks(a) == _ranks(b):
        return True
    return _key(a) == _key(b) and not (both_ordered and _ranks(a) != _ranks(b))


def _key(r: ExtractedRanking) -> tuple[object, ...]:
    return (r.sentence, frozenset(e.region_code or e.name for e in r.entries))


def _ranks(r: ExtractedRanking) -> tuple[object, ...]:
    return ("ranks", frozenset((e.region_code or e.name, e.position) for e in r.entries))


def _paragraph_periods(doc: Document, ctx: ArticleContext) -> dict[int, str]:
    """Per sentence, the period last named before it in its paragraph: a period carries through a paragraph."""
    out: dict[int, str] = {}
    paragraph, last = -1, None
    for s in doc.sentences:
        if s.paragraph != paragraph:
            paragraph, last = s.paragraph, None
        if last is not None:
            out[s.position] = last
        last = period_of(s.text, doc, ctx) or last
    return out


def _carry_period(rankings: list[ExtractedRanking], earlier: dict[int, str], ctx: ArticleContext) -> None:
    """A list that names no period takes the one of a list announced just before it (10个先进县为…;10个进步县
    为…), else the one its paragraph named last, else the article's own period."""
    previous: ExtractedRanking | None = None
    for r in rankings:
        if r.period_label is None:
            if previous is not None and r.sentence - previous.sentence <= 1 and previous.period_label:
                r.period_label = previous.period_label
            elif r.sentence in earlier:
                r.period_label = earlier[r.sentence]
            elif ctx.focus_period is not None:
                r.period_label = ctx.focus_period.label
            elif ctx.focus_year is not None:
                r.period_label = str(ctx.focus_year)
        previous = r


def _looks_like_heading(sentence: Sentence) -> bool:
    return sentence.is_heading or (bool(_HEADING_ENUM.match(sentence.text)) and len(sentence.text) <= 60)


def _push_heading(headings: list[str], text: str) -> list[str]:
    """Keep a short outline: a sub-heading such as (一)经济部门 sits under its numbered parent."""
    if headings and len(text) <= 16:
        return [headings[0], text]
    return [text]


def _new_ranking(headings: list[str], sentence: Sentence, ctx: ArticleContext, doc: Document) -> ExtractedRanking:
    if len(headings) == 2:
        title = f"{headings[0]}({headings[1]})"
    elif headings:
        title = headings[0]
    else:
        title = "排名"
    return make_ranking(title, "ordered", title, [], sentence.position, doc, ctx)


def _sets(sentence: Sentence, ctx: ArticleContext, doc: Document) -> list[ExtractedRanking]:
    """10个“高质量发展先进县”为 X、Y…: a counted, named set (the count is checked against the list)."""
    found: list[ExtractedRanking] = []
    for m in _SET_RE.finditer(sentence.text):
        items = [i.strip(" “”") for i in re.split(r"[、,]|和|及", m["items"]) if i.strip(" “”")]
        expected = cn_int(m["count"])  # None for 七八个: not a count to check the list against
        if expected is None or len(items) < 2 or abs(len(items) - expected) > 1 or m["title"].endswith("依次"):
            continue  # 五个省份依次为: an order is said, read with the prose lists
        lead = sentence.text[: m.start()]
        period = period_of(lead, doc, ctx)
        title = f"{period[:4]}年度{m['title']}" if period else m["title"]
        entries = [link_entry(None, item, ctx) for item in items]
        found.append(make_ranking(title, "set", lead, entries, sentence.position, doc, ctx))
    return found
