"""Companies named in articles (山东信发集团, 信发集团), found from their legal suffix backwards."""

from __future__ import annotations

import re
from functools import lru_cache

MASK = "□"
_COMPANY_SUFFIX_RE = re.compile(r"股份有限公司|有限责任公司|集团有限公司|有限公司|集团|公司")
_STOP_CHARS = set("的了在和与及为对向把被将从等,、。;:“”‘’()() 是由到于让使给跟同以")
_STOP_WORDS = ("发挥", "依托", "走进", "吸引", "引进", "支持", "带动", "推动", "围绕", "通过", "作为", "其中", "包括",
               "目前", "如今", "现已", "已经", "先后", "相继", "深入", "进行", "开展", "合作", "整合", "来到", "走访")


def company_spans(text: str) -> list[tuple[int, int]]:
    """Spans of company names: a legal suffix and the name words before it, walking back to a stop."""
    spans: list[tuple[int, int]] = []
    if "公司" not in text and "集团" not in text:
        return spans  # cheap test first: every legal suffix ends in one of them
    for m in _COMPANY_SUFFIX_RE.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        limit = 6 if m.group(0) == "集团" else 18
        start = m.start()
        while start > 0 and m.start() - start < limit:
            char = text[start - 1]
            if char in _STOP_CHARS or not ("\u4e00" <= char <= "\u9fff" or char.isalnum()):
                break
            if any(text.startswith(w, start - len(w)) for w in _STOP_WORDS):
                break
            start -= 1
        if m.start() - start >= 2 and not (m.group(0) == "公司" and m.start() - start > 8):
            spans.append((start, m.end()))
    return spans


@lru_cache(maxsize=1024)
def mask_companies(text: str) -> str:
    """Replace company names with a mask of the same length (offsets stay valid)."""
    for start, end in company_spans(text):
        text = text[:start] + MASK * (end - start) + text[end:]
    return text


def companies_in(text: str) -> list[str]:
    return [text[a:b] for a, b in company_spans(text)]
