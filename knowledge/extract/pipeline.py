"""One article from bytes to typed facts: decode → clean → document → date → facts, rankings, claims."""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from knowledge.errors import BadArticleError, Note, chinese
from knowledge.extract.claim_storage import stored_claims
from knowledge.extract.context import ArticleContext
from knowledge.extract.entities import companies_in
from knowledge.extract.fact import ExtractedFact
from knowledge.extract.figures import extract_facts
from knowledge.extract.gates import is_undated, reliable
from knowledge.extract.nounphrase import load_tagger
from knowledge.extract.period_clauses import is_history
from knowledge.extract.periods import find_periods, stated_years
from knowledge.extract.rankings import ExtractedClaim, ExtractedRanking, extract_claims, extract_rankings
from knowledge.extract.tables import with_tables
from knowledge.places.gazetteer import Gazetteer
from knowledge.text.corpus import RawArticle, html_to_text, split_front_matter
from knowledge.text.document import (
    INFERRED_YEAR_END,
    METADATA_DATE,
    URL_DATE,
    Document,
    build_document,
    safe_date,
)
from knowledge.text.header import date_in_url
from knowledge.text.normalize import clean_text, decode_bytes

_FULL_DATE_RE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")
_MONTH_DAY_RE = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
_EARLIEST_PUBLISHED = 1990  # releases online start in the 1990s: an older year a text names is history, not its date


@dataclass(slots=True)
class ParsedArticle:
    source: str
    content_hash: str
    encoding: str
    original_text: str
    doc: Document
    facts: list[ExtractedFact] = field(default_factory=list)
    rankings: list[ExtractedRanking] = field(default_factory=list)
    claims: list[ExtractedClaim] = field(default_factory=list)
    companies: dict[int, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def parse_article(raw: RawArticle, gazetteer: Gazetteer) -> ParsedArticle:
    """Everything ingest needs from one file; raises BadArticleError when the file is unusable."""
    text, encoding = decode_bytes(raw.data)
    if raw.suffix in (".html", ".htm"):
        text = html_to_text(text, raw.meta)
    elif raw.suffix == ".md":
        text = split_front_matter(text, raw.meta)
    clean = clean_text(text, encoding)
    doc = build_document(clean)
    _apply_metadata(doc, raw)
    parsed = ParsedArticle(raw.source, raw.content_hash, encoding, text, doc)
    parsed.warnings.extend(Note(f"mojibake: {r}", f"乱码处理:{chinese(r)}") for r in clean.repairs)
    ctx = ArticleContext.for_document(doc, gazetteer)
    prose = extract_facts(doc, ctx)
    parsed.facts = with_tables(doc, ctx, prose)
    parsed.claims = extract_claims(doc, ctx.fresh(), parsed.facts)
    parsed.rankings = extract_rankings(doc, ctx.fresh(), parsed.claims)
    undated = sum(is_undated(f) for f in parsed.facts)
    # after the claims, which may cite any figure read
    parsed.facts = reliable(parsed.facts, prose=prose, doc=doc, place_words=gazetteer.place_words)
    # after the rankings (told claim by claim) and the figures kept (a claim naming no period takes theirs)
    parsed.claims = stored_claims(parsed.claims, parsed.facts)
    if undated and doc.published is None:
        parsed.warnings.append(_undated_note(undated))
    parsed.companies = {s.position: names for s in doc.sentences if (names := companies_in(s.text))}
    for name in sorted(ctx.unsettled):
        parsed.warnings.append(Note(f"{name} may be {_places(gazetteer, name)}; the article does not say which, "
                                    "so its figures were skipped",
                                    f"{name} 可能是{_places(gazetteer, name, zh=True)},文中没有说明是哪一个,"
                                    "相关数字没有收录"))
    if not parsed.facts and not parsed.rankings:
        parsed.warnings.append(Note("no figures or rankings found", "没有找到数字或排名"))
    return parsed


def _undated_note(count: int) -> Note:
    """Figures skipped because neither the text nor its metadata gives a year: say how to supply one."""
    return Note(f"{count} figures skipped: the text gives no year and no publication date; give the date "
                "(a manifest.toml or front-matter `published:`, or a caption such as 2024-11-06 on upload)",
                f"{count} 个数字没有收录:文中没有年份,也没有发布日期;请提供日期(manifest.toml 或文首的 "
                "published:,上传时也可在说明里写 2024-11-06)")


def parse_or_error(raw: RawArticle, gazetteer: Gazetteer) -> ParsedArticle | BadArticleError:
    """parse_article, with an unusable file returned as its error (a process pool passes it back)."""
    try:
        return parse_article(raw, gazetteer)
    except BadArticleError as exc:
        return exc


def warm_worker() -> None:
    """Load the gazetteer once when a pool worker starts."""
    Gazetteer.load()


def warm_parser() -> None:
    """Load what every parse needs and builds once per process: the gazetteer and jieba's part-of-speech
    tagger (its import reads the tag of every dictionary word). Called before a pool is forked, the workers
    inherit them instead of each loading its own."""
    Gazetteer.load()
    load_tagger()


def parse_in_worker(raw: RawArticle) -> ParsedArticle | BadArticleError:
    """The pool's task; lives here so that a spawned worker imports the parser only, not the database layer.

    The document's raw lines, which only the rules read, are not sent back: the parent stores the rest."""
    parsed = parse_or_error(raw, Gazetteer.load())
    if isinstance(parsed, ParsedArticle):
        parsed.doc.lines, parsed.doc.reading_lines = [], []
    return parsed


def _places(gazetteer: Gazetteer, name: str, *, zh: bool = False) -> str:
    """济南市市中区、枣庄市市中区、济宁市任城区 (former name): the places a shared name may mean."""
    shown = []
    for region, via in gazetteer.sharing(name):
        parent = gazetteer.parent(region)
        full = (parent.name if parent and parent.level == "city" else "") + region.name
        if via == "former":
            full += "(旧称)" if zh else " (former name)"
        shown.append(full)
    return "、".join(dict.fromkeys(shown))


def _apply_metadata(doc: Document, raw: RawArticle) -> None:
    meta = raw.meta
    doc.title = meta.title or doc.title or raw.source
    doc.publisher = meta.publisher or doc.publisher
    doc.url = meta.url or doc.url
    if meta.published:
        noted = f" ({meta.date_note})" if meta.date_note else ""
        doc.published, doc.date_rule = meta.published, METADATA_DATE + noted
    elif doc.published is None and (day := date_in_url(doc.url)) is not None:
        doc.published, doc.date_rule = day, URL_DATE  # the manifest's or page's address names the day
    elif doc.published is None:
        doc.published, doc.date_rule = infer_published(doc)


def infer_published(doc: Document) -> tuple[date | None, str | None]:
    """A publication date from the text when no metadata gives one; returns (date, rule)."""
    text = doc.text
    full = [day for y, m, d in _FULL_DATE_RE.findall(text) if (day := safe_date(int(y), int(m), int(d)))]
    years: Counter[int] = Counter()
    for s in doc.sentences:
        if stated_years(s.text, published=None):  # cheap test first
            # a founding year (1983年…撤销…) or an old one ((1377年)设…) dates no publication
            years.update(y for m in find_periods(s.text, published=None)
                         if (y := m.stated_year) and y >= _EARLIEST_PUBLISHED and not is_history(s.text, m))
    if not years and not full:
        return None, None
    newest = max(years) if years else max(full).year
    if full and max(full).year >= newest:
        return max(full), "latest full date in the text"
    days = [day for m, d in _MONTH_DAY_RE.findall(text) if (day := safe_date(newest, int(m), int(d)))]
    if days:
        day = max(days)
        if day < _latest_reported_end(doc, newest) and (later := safe_date(newest + 1, day.month, day.day)):
            # 1月5日 in a text that reports 2021's first three quarters is 5 January 2022: no text is published
            # before the end of a period whose results it reports
            return later, "newest year mentioned + latest day mentioned, after the last period reported"
        return day, "newest year mentioned + latest day mentioned"
    return date(newest, 12, 31), INFERRED_YEAR_END


_FORECAST_RE = re.compile(r"预计|预期|目标|力争|计划|确保|将|要|争取|有望")
_RESULT_RE = re.compile(r"实现|完成|达到|增长|下降|为\d|\d[\d.]*(?:万|亿)?元")


def _latest_reported_end(doc: Document, year: int) -> date:
    """The last day of the latest period of `year` whose results the text reports: a part of the year (上半年,
    前三季度, 1-8月) or the whole year (全年) named in a sentence that states a result and forecasts nothing."""
    latest = date(year, 1, 1)
    for s in doc.sentences:
        if str(year) not in s.text or _FORECAST_RE.search(s.text) or not _RESULT_RE.search(s.text):
            continue
        for m in find_periods(s.text, published=None):
            p = m.period
            if m.stated_year != year or p.kind not in ("half", "quarter", "quarters", "months", "month", "year"):
                continue
            if p.kind == "year" and "全年" not in s.text[m.start:m.end + 2]:
                continue  # a bare 2021年 is often a year to come or a year's name (开局之年), not its results
            month = p.end or 12
            latest = max(latest, date(year, month, calendar.monthrange(year, month)[1]))
    return latest
