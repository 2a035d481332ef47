"""Turn raw article bytes into clean Simplified text: decoding, mojibake repair, pinyin stripping, OpenCC.

Everything here is general-purpose clean-up for Chinese news text as it is really found; nothing is keyed
to a particular article.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

import opencc
from charset_normalizer import from_bytes

from knowledge.errors import BadArticleError, Note
from knowledge.text.segment import word_coverage

Script = Literal["hans", "hant"]  # Simplified or Traditional Han
_CJK = "\u4e00-\u9fff\u3400-\u4dbf"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# A pinyin annotation inserted after a character: 業(yè), 區(qū). Tone marks make it unambiguous; a few
# neutral-tone syllables carry none, so they are accepted only from a short list.
_PINYIN_SYLLABLE = rf"(?:[a-zü]*[{_TONED}][a-zü]*|de|le|me|men|zi|ma|ne|ba|zhe|ge|li|shang|tou|er)"
_PINYIN_RE = re.compile(rf"(?<=[{_CJK}〓])[((]\s?{_PINYIN_SYLLABLE}\s?[))]")
# Left-overs of an annotation whose character was destroyed by mojibake: "?yún)".
_PINYIN_STUB_RE = re.compile(rf"[?\ufffd^][a-zü]*[{_TONED}][a-zü]*\)|[?\ufffd^]\({_PINYIN_SYLLABLE}\)")
_QMARK_RUN_RE = re.compile(r"\?!?([^\x00-\x7f\s]{2,40}[\x21-\x3e\x40-\x7e]?)")
# Marks a spot where characters were lost beyond repair; snippets are cut around it.
DAMAGE = "〓"
# PDF extraction spaces out characters one by one ("淄 博 市"); two-character words separated by spaces
# (slogans, names) are left alone.
_SPACED_CHARS_RE = re.compile(rf"(?<![{_CJK}])[{_CJK}](?:[ \t\u3000][{_CJK}]){{2,}}(?![{_CJK}])")
_DOUBLED_PUNCT_RE = re.compile(r"([,。;:、!?])\1+")
_ENDS_SENTENCE = "。!?;”’\"』」)…"


@dataclass(frozen=True, slots=True)
class CleanText:
    """The result of cleaning one article: Simplified text, the original script, and what was done."""

    text: str
    original: str
    script: Script
    encoding: str
    repairs: tuple[str, ...]


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


@lru_cache(maxsize=1)
def _kept_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """The spellings t2s must not touch (knowledge/data/script.toml), each with the Simplified word it is."""
    raw = tomllib.loads(resources.files("knowledge.data").joinpath("script.toml").read_text("utf-8"))
    kept: dict[str, str] = {}
    for word in raw["words"]:
        for spelling in (word, _s2t().convert(word), *raw["variants"].get(word, ())):
            kept[spelling] = word
    # longest first, so 乾安县 is kept whole rather than as 乾安 + 县
    return re.compile("|".join(map(re.escape, sorted(kept, key=len, reverse=True)))), kept


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC, keeping the words of script.toml (乾县 never turns 干县)."""
    pattern, kept = _kept_words()
    if pattern.search(text) is None:
        return _t2s().convert(text)
    out, at = [], 0
    for m in pattern.finditer(text):
        out += [_t2s().convert(text[at : m.start()]), kept[m.group()]]
        at = m.end()
    out.append(_t2s().convert(text[at:]))
    return "".join(out)


@lru_cache(maxsize=1)
def _reading_tables() -> tuple[dict[int, str], re.Pattern[str], dict[str, str]]:
    """script.toml's variant characters (増 → 增, 「 → “) and regional wording (按年增长 → 同比增长)."""
    raw = tomllib.loads(resources.files("knowledge.data").joinpath("script.toml").read_text("utf-8"))
    chars = str.maketrans(raw["variant_chars"])
    wording: dict[str, str] = raw["regional_wording"]
    phrases = "|".join(map(re.escape, sorted(wording, key=len, reverse=True)))  # 首三季度 before 首三季
    return chars, re.compile(f"(?:{phrases})(?!度)"), wording


def mainland_wording(text: str) -> str:
    """The reading view of Simplified text: variant characters and corner quotes folded, and Hong Kong,
    Macau and Taiwan wording (首三季, 按年增长, 上半年度) put as a mainland text writes it, so the rules
    written for mainland news read both the same."""
    chars, pattern, wording = _reading_tables()
    text = text.translate(chars)
    return pattern.sub(lambda m: wording[m.group()], text) if pattern.search(text) else text


def to_traditional(text: str) -> str:
    """Simplified → Traditional with OpenCC, for replying to Traditional-script users."""
    return _s2t().convert(text)


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # category Cc except \t \n \f \r


def detect_script(text: str) -> Script:
    """'hant' when a noticeable share of the Han characters are Traditional only, else 'hans'.

    A character that t2s changes but Simplified text uses too (乾 of 乾隆, 於 as a surname: both in
    GB2312) is no evidence: three 乾县 in a Simplified article must not make it Traditional.
    """
    sample = "".join(_HAN_RUN.findall(text))[:4000]
    simplified = to_simplified(sample)
    if simplified == sample:
        return "hans"  # nothing to convert: the common case, decided without counting
    changed = sum(1 for a, b in zip(sample, simplified, strict=False) if a != b and not _in_gb2312(a))
    return "hant" if changed >= max(2, len(sample) * 0.03) else "hans"


@lru_cache(maxsize=65536)
def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def commonness(text: str) -> float:
    """Share of Han characters that are among the ~3,755 most common (GB2312 level 1), after t2s.

    Garbled text decoded with the wrong codec is mostly rare characters, so this separates it well.
    """
    han = [c for c in to_simplified(text) if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 1.0
    return sum(1 for c in han if _is_level1(c)) / len(han)


@lru_cache(maxsize=65536)
def _is_level1(char: str) -> bool:
    try:
        code = int.from_bytes(char.encode("gb2312"), "big")
    except UnicodeEncodeError:
        return False
    return 0xB0A1 <= code <= 0xD7F9


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes (UTF-8 with or without BOM, GB18030/GBK, Big5); returns (text, encoding).

    Raises `BadArticleError` for empty, binary or undecodable input.
    """
    if not data.strip():
        raise BadArticleError("the file is empty", zh="文件是空的")
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:].decode("utf-8", errors="strict"), "utf-8-sig")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadArticleError("the file looks binary (it contains NUL bytes)",
                              zh="文件像是二进制文件(含有 NUL 字节),不是文本")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for encoding in ("gb18030", "big5", "utf-16"):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        candidates.append((_plausibility(text), encoding, text))
    guess = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16"]).best()
    if guess is not None and guess.encoding not in {c[1] for c in candidates}:
        candidates.append((_plausibility(str(guess)), guess.encoding, str(guess)))
    if not candidates:
        raise BadArticleError("the text encoding could not be recognised (tried UTF-8, GB18030, Big5)",
                              zh="无法识别文本编码(已尝试 UTF-8、GB18030、Big5)")
    score, encoding, text = max(candidates)
    if score < 0.5:
        raise BadArticleError(f"the text does not decode to readable Chinese (best guess {encoding})",
                              zh=f"解码后不是可读的中文(最接近的编码是 {encoding})")
    return _checked(text, encoding)


def _plausibility(text: str) -> float:
    controls = sum(1 for c in text if unicodedata.category(c) in {"Cc", "Co", "Cn"} and c not in "\r\n\t")
    if controls > len(text) * 0.01:
        return 0.0
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    if han < 2:
        return 0.0
    return commonness(text)


def _checked(text: str, encoding: str) -> tuple[str, str]:
    body = text.lstrip("\ufeff")
    if not body.strip():
        raise BadArticleError("the file contains only whitespace", zh="文件里只有空白")
    head = body[:20000]
    if len(_CONTROL_RE.findall(head)) > max(8, len(head) * 0.01):
        raise BadArticleError("the file looks binary (control characters)",
                              zh="文件像是二进制文件(含有控制字符),不是文本")
    if not _HAN_RUN.search(body):
        raise BadArticleError("the file contains no Chinese text", zh="文件里没有中文")
    return body, encoding


def repair_mojibake(text: str) -> tuple[str, list[str]]:
    """Repair runs garbled by a codec mix-up; drop the runs that cannot be repaired.

    Two general cases: a whole text that is UTF-8 read as GBK/Latin-1, and short runs of GBK text read
    one byte out of step (the typical trace is a lone '?' where a byte was lost, e.g. "?!敝艽鍏^").
    """
    repairs: list[str] = []
    whole = _repair_whole(text)
    if whole is not None:
        text = whole
        repairs.append(Note("whole-text codec repair", "整篇编码错乱,已整体修复"))
    text, runs = _repair_runs(text)
    repairs.extend(runs)
    return text.replace("\ufffd", ""), repairs


def _repair_whole(text: str) -> str | None:
    for codec in ("gb18030", "latin-1", "cp1252"):
        try:
            fixed = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if commonness(fixed) > commonness(text) + 0.2:
            return fixed
    return None


def _repair_runs(text: str) -> tuple[str, list[str]]:
    repairs: list[str] = []

    def fix(match: re.Match[str]) -> str:
        run = match.group(1)
        before = word_coverage(to_simplified(run))
        if before >= 0.5:
            return match.group(0)  # an ordinary question mark followed by ordinary text
        fixed = _realign_gbk(run)
        after = word_coverage(to_simplified(fixed.rstrip(DAMAGE))) if fixed else 0.0
        if fixed is not None and after >= 0.5 and after > before + 0.3:
            repairs.append(Note(f"realigned {run!r} → {fixed!r}", f"错位的乱码 {run!r} 已还原为 {fixed!r}"))
            return "”" + fixed
        if len(run) < 4:
            return match.group(0)  # too short to judge; leave it rather than lose real text
        repairs.append(Note(f"dropped garbled run {run!r}", f"无法还原的乱码 {run!r} 已删除"))
        return "”" + DAMAGE

    return _QMARK_RUN_RE.sub(fix, text), repairs


def _realign_gbk(run: str) -> str | None:
    """Re-read a run's GBK bytes one byte later; keep the readable prefix, mark the rest as damaged."""
    try:
        shifted = run.encode("gbk")[1:]
    except UnicodeEncodeError:
        return None
    decoded = shifted.decode("gbk", errors="replace")
    readable = 0
    for char in decoded:
        if not _is_level1(to_simplified(char)):
            break
        readable += 1
    if readable < 2:
        return None
    return decoded[:readable] + ("" if readable == len(decoded) else DAMAGE)


def strip_pinyin(text: str) -> str:
    """Remove pinyin annotations placed after characters; the stubs of destroyed ones become DAMAGE."""
    text = _PINYIN_STUB_RE.sub(DAMAGE, text)
    text = _PINYIN_RE.sub("", text)
    return re.sub(f"{DAMAGE}+", DAMAGE, text) if DAMAGE * 2 in text else text


def tidy(text: str) -> str:
    """Half-width forms (NFKC for everything but CJK punctuation), stray spaces, doubled punctuation."""
    text = _NEEDS_NFKC.sub(lambda m: _nfkc_char(m.group(0)), text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACED_CHARS_RE.sub(lambda m: re.sub(r"[ \t\u3000]", "", m.group(0)), text)
    if "\u3000" in text:  # cheap tests first
        text = re.sub(r"[\u3000]+", " ", text)
    text = _DOUBLED_PUNCT_RE.sub(r"\1", text)
    if " \n" in text or "\t\n" in text:
        text = re.sub(r"[ \t]+\n", "\n", text)
    return text


_KEEP = set("。、“”‘’《》【】〔〕…—·〓")
# Only characters that NFKC can change need a look: not ASCII, not CJK ideographs, not kept punctuation.
_NEEDS_NFKC = re.compile("[^\x00-\x7f\u4e00-\u9fff" + "".join(sorted(_KEEP)) + "]")


def _nfkc_char(char: str) -> str:
    if char in _KEEP or char < "\u00a0":
        return char
    folded = unicodedata.normalize("NFKC", char)
    # Enclosed forms such as ⒅ or ① expand to several characters; those are left alone.
    return folded if len(folded) == 1 else char


def join_broken_lines(lines: list[str], indented: frozenset[str] = frozenset()) -> list[str]:
    """Re-join paragraphs split mid-sentence by PDF or web extraction; drop repeated lines.

    The first line is never joined onto: it is where titles live, and titles end without punctuation. Nor
    is a line of `indented` (lines the text indents) joined onto another: each opens a paragraph, as a
    heading and the paragraph under it do.
    """
    out: list[str] = []
    for line in (ln.strip() for ln in lines):
        if not line:
            if out and out[-1] != "":
                out.append("")
            continue
        prev_idx = len(out) - 1
        while prev_idx >= 0 and out[prev_idx] == "":
            prev_idx -= 1
        prev = out[prev_idx] if prev_idx >= 0 else ""
        paragraphs = line in indented and prev in indented
        if prev and prev_idx > 0 and not paragraphs and _is_broken(prev, line):
            del out[prev_idx + 1 :]
            out[prev_idx] = prev + line
        elif line != prev:
            out.append(line)
    return out


_ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]+、|[((][一二三四五六七八九十]+[))]|\d+[.、])")


def _is_broken(prev: str, line: str) -> bool:
    if _ENUMERATED.match(prev) or re.match(r"第[一二三四五六七八九十\d]+名", line):
        return False
    if prev[-1] in _ENDS_SENTENCE or not re.match(rf"[{_CJK}0-9]", prev[-1]):
        return False
    if not re.match(rf"[{_CJK}0-9]", line[0]):
        return False
    return any(p in prev for p in ",、;:,") and len(prev) >= 8


def clean_text(raw: str, encoding: str = "utf-8") -> CleanText:
    """The character-level pipeline for decoded text: repair → strip pinyin → tidy → t2s."""
    repaired, repairs = repair_mojibake(raw)
    original = tidy(strip_pinyin(repaired))
    script = detect_script(original)
    simplified = mainland_wording(to_simplified(original) if script == "hant" else original)
    return CleanText(simplified, original, script, encoding, tuple(repairs))
