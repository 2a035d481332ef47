"""From cleaned article text to a document: boilerplate removed, metadata found, sentences split.

Boilerplate (navigation, slogans, "related articles" tails) is dropped; bylines and sources become
metadata. Detection runs on the Simplified view of each line, while the original script is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from knowledge.text.header import (
    HeaderMeta,
    date_in_url,
    header_words,
    is_caption,
    read_header_line,
    strip_dateline,
)
from knowledge.text.normalize import CleanText, Script, join_broken_lines, mainland_wording, to_simplified

# The date rule of a publication date guessed from the newest year a text names: its day is no real one.
INFERRED_YEAR_END = "newest year mentioned (end of year)"
URL_DATE = "date in the page address"
DATE_LABEL = "date label in text"  # 发布日期:… or a date line in the header
METADATA_DATE = "metadata"  # a manifest's, front matter's or caption's date (a note may follow it)

_NAV_PREFIXES = ("当前位置", "您的位置", "首页 >", "首页>", "主页 >", "主页>")
_TAIL_MARKERS = header_words()["tail_markers"]
_OUTLET_SUFFIXES = header_words()["outlet_suffixes"]
_BRACKETED_LINE = re.compile(r"[((][^()()]+[))]")  # (某某网 张三): a credit in brackets
_CREDIT_LABELS = header_words()["other_labels"] + header_words()["source_labels"]
_BODY_LINE = re.compile(r"[\u4e00-\u9fff].{18,}[,。;]")  # a line of running text: after it, a tail marker ends the body
_DATELINE_LINES = 5  # an outlet's dateline opens one of the first lines of the body
_MENU_WORD_RE = re.compile(r"[A-Za-z][A-Za-z .&-]{0,30}")
_PUNCT_OR_DIGIT_RE = re.compile(r"[,。;:!?、\d]")
_SENTENCE_END_RE = re.compile(r"[。!?;]")
_URL_RE = re.compile(r"(?:https?://|(?<![\w.])www\.)[\w.-]+(?:/[\w./?%&=#-]*)?")
_SLOGAN_HEAD = "社会主义核心价值观"
_LABEL_LINES = {"编者按", "编者按:", "编者的话", "导读", "摘要"}
_BYLINE_RE = re.compile(r"^\s*[■●◆▲]?\s*(?:本报|本台|本网)?(?:记者|通讯员|特约记者)\s*[\u4e00-\u9fff ]{2,20}$")
_OUTLET_REPORTER_RE = re.compile(r"^\s*(?P<outlet>[\u4e00-\u9fff]{2,10}?)(?:记者|通讯员)\s*[\u4e00-\u9fff ]{2,12}$")
_PAREN_BYLINE_RE = re.compile(r"^\s*[((](?P<outlet>[\u4e00-\u9fff]{2,12})\s+(?:记者\s*)?[\u4e00-\u9fff]{2,4}[))]\s*$")
_LEAD_BYLINE_RE = re.compile(r"^(?:本报讯|本台讯|本网讯|讯)\s*[((][^))]{1,40}[))]\s*")
_SENTENCE_RE = re.compile(r"[^。!?\n]*(?:[。!?]+[”’」』]?|$)")


@dataclass(slots=True)
class Sentence:
    """One sentence: the Simplified text used for extraction and its original-script twin."""

    position: int
    paragraph: int
    text: str
    original: str
    is_heading: bool = False


@dataclass(slots=True)
class Document:
    """A cleaned article ready for extraction."""

    title: str | None
    publisher: str | None
    published: date | None
    date_rule: str | None
    url: str | None
    script: Script
    sentences: list[Sentence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # the body's lines (original script) before broken lines are re-joined: tables are read from these
    lines: list[str] = field(default_factory=list)
    # the same lines as the rules read them (Simplified, mainland wording): lists and rank tables are read here
    reading_lines: list[str] = field(default_factory=list)
    venue: str | None = None  # where a report was given (某县第N届人民代表大会第M次会议), from its header
    dateline: str | None = None  # the outlet's dateline (中新网义乌7月26日电): where the report was filed

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.sentences)


def build_document(clean: CleanText) -> Document:
    """Strip boilerplate, collect metadata, and split into sentences."""
    lines = [ln.strip() for ln in clean.original.split("\n")]
    meta = HeaderMeta()
    body = _strip_boilerplate(lines, clean.script, meta)
    indented = frozenset(ln.strip() for ln in clean.original.split("\n") if ln[:1].isspace() and ln.strip())
    kept = join_broken_lines(body, indented)
    url = _find_url(clean.original)
    published, rule = meta.date_label, DATE_LABEL if meta.date_label else None
    if published is None and (published := date_in_url(url)) is not None:
        rule = URL_DATE  # an address line kept with the text (原文链接:…/2021-01-27/…) dates it
    doc = Document(title=meta.title, publisher=meta.publisher, published=published, date_rule=rule, url=url,
                   script=clean.script, venue=meta.venue, dateline=meta.dateline)
    if doc.title is None:
        doc.title = _guess_title(kept, clean.script)
    doc.sentences = _split(kept, clean.script)
    doc.lines = body
    doc.reading_lines = [reading_view(line, clean.script) for line in body]
    return doc


def written_simplified(line: str, script: Script) -> str:
    """The line in Simplified script but in its own wording (按年 stays 按年): what a quote of it shows."""
    return to_simplified(line) if script == "hant" else line


@lru_cache(maxsize=8192)  # a line is read so by the boilerplate, dateline, credit and sentence passes alike
def reading_view(line: str, script: Script) -> str:
    """The line as the rules read it: Simplified, in mainland wording (the original keeps what was written)."""
    return mainland_wording(to_simplified(line) if script == "hant" else line)




def _strip_boilerplate(lines: list[str], script: Script, meta: HeaderMeta) -> list[str]:
    simple = [reading_view(ln, script) for ln in lines]
    kept: list[str] = []
    body_lines = 0
    for i, (line, s) in enumerate(zip(lines, simple, strict=True)):
        if not line:
            kept.append("")
            continue
        if s.startswith(_TAIL_MARKERS) or s.startswith(_SLOGAN_HEAD):
            if body_lines:
                break  # related articles, share bars and credits after the text end it
            continue  # a share bar above the text is dropped alone
        if _is_metadata_line(s, meta) or _is_navigation(simple, i) or s in _LABEL_LINES or is_caption(s):
            continue
        line = _LEAD_BYLINE_RE.sub("", line)
        if body_lines < _DATELINE_LINES:
            line = _strip_dateline(line, script, meta)
        kept.append(line)
        body_lines += bool(_BODY_LINE.search(s))
    _drop_trailing_credits(kept, script, meta)
    return kept


def _strip_dateline(line: str, script: Script, meta: HeaderMeta) -> str:
    """Drop 中新网义乌7月26日电(…) from the line, keeping it in `meta`; the Traditional original is cut by the
    same length."""
    s = reading_view(line, script)
    cut = len(s) - len(strip_dateline(s))
    if cut:
        meta.dateline = meta.dateline or s[:cut].strip()
    return line[cut:] if cut else line


def _is_metadata_line(s: str, meta: HeaderMeta) -> bool:
    if read_header_line(s, meta):
        return True
    if _BYLINE_RE.match(s):
        return True
    if m := _OUTLET_REPORTER_RE.match(s):
        meta.credits.append(m.group("outlet"))
        return True
    if m := _PAREN_BYLINE_RE.match(s):
        meta.publisher = meta.publisher or m.group("outlet")
        return True
    return False


def _is_navigation(simple: list[str], i: int) -> bool:
    s = simple[i]
    if s.startswith(_NAV_PREFIXES) or s.count(">") >= 2:
        return True
    if _MENU_WORD_RE.fullmatch(s):
        return True  # a stray menu word such as "Network"
    if s.startswith(("- ", "* ", "· ", "• ")) and len(s) <= 24:
        window = simple[max(0, i - 2) : i + 3]
        return sum(1 for w in window if w.startswith(("- ", "* ", "· ", "• "))) >= 2
    return False


def _drop_trailing_credits(kept: list[str], script: Script, meta: HeaderMeta) -> None:
    """Short unpunctuated lines at the very end are outlet credits (大众日报, 鲁中晨报 …)."""
    while kept and (not kept[-1] or _looks_like_credit(reading_view(kept[-1], script))):
        line = kept.pop()
        if line:
            meta.credits.insert(0, reading_view(line, script))
    if meta.publisher is None and meta.credits:
        meta.publisher = meta.credits[0]


def _looks_like_credit(s: str) -> bool:
    """大众日报, (某某网 张三), 编辑 李四: an outlet's or an editor's name. A short line of names alone (a ranking's
    last rows, 第一 某县, a table's cells) is text: a credit names an outlet or says what the person did."""
    if len(s) > 12 or _PUNCT_OR_DIGIT_RE.search(s) or "|" in s:
        return False
    words = re.split(r"[\s()()【】]+", s)
    return s.startswith(_CREDIT_LABELS) or any(w.endswith(_OUTLET_SUFFIXES) for w in words if len(w) > 1) \
        or bool(_BRACKETED_LINE.fullmatch(s))


def _guess_title(kept: list[str], script: Script) -> str | None:
    for line in kept:
        if not line:
            continue
        s = reading_view(line, script)
        if 4 <= len(s) <= 60 and "。" not in s and not s.endswith(("!", "?", ";")):
            return s
    return None


def _split(kept: list[str], script: Script) -> list[Sentence]:
    sentences: list[Sentence] = []
    paragraph = 0
    for line in kept:
        if not line:
            continue
        paragraph += 1
        heading = len(line) <= 40 and not _SENTENCE_END_RE.search(line)
        for piece in _SENTENCE_RE.findall(line):
            piece = piece.strip()
            if len(piece) < 2:
                continue
            sentences.append(Sentence(len(sentences), paragraph, reading_view(piece, script), piece, heading))
    return sentences


def _find_url(text: str) -> str | None:
    if "http" not in text and "www." not in text:
        return None  # cheap test first: an address opens with one of them
    m = _URL_RE.search(text)
    return m.group(0) if m else None


def safe_date(y: int, m: int, d: int) -> date | None:
    """The date, or None when the numbers name no real day (2月30日)."""
    try:
        return date(y, m, d)
    except ValueError:
        return None
