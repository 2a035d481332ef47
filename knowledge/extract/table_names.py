"""How a table's caption and row labels make metric names: 第一产业 under a 生产总值 caption is
第一产业增加值, 粮食 under a 产量 column is 粮食产量 (the vocabulary is knowledge/data/tables.toml)."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.extract.metrics import canonical_metric
from knowledge.extract.table_columns import Table, squeeze, vocabulary

# [1], (1), (注1), ① (a single digit once normalised) closing a label: a footnote's mark
_FOOTNOTE = re.compile(r"\[\d+\]|[((]\d+[))]|[((]注\d*[))]|[①-⑩]|(?<=[\u4e00-\u9fff])[1-9]$")
# 一、 (一) 2.: a row's number in the table's outline
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十\d]{1,3}[))]|\d{1,2}[、.](?!\d))")
_BRACKETED = re.compile(r"[((][^))]*[))]")
_LEADING_YEAR_END = re.compile(r"^(?:末|底|度)")
_LEADING_SPAN = re.compile(r"^[\d\s\-–—~至]+")  # 2019-: what is left of 2019-2023年 once the year is gone


def topic(text: str) -> str:
    """生产总值 out of 2019年玉环市生产总值 once the period and the place are gone."""
    text = _place_sets().sub("", text)
    text = _LEADING_YEAR_END.sub("", _BRACKETED.sub("", _LEADING_SPAN.sub("", text)))
    for word in sorted(vocabulary()["caption"]["noise"], key=len, reverse=True):
        text = text.replace(word, "")
    text = text.strip("的及和、:: ")  # noqa: B005 -- a set of characters is meant
    if text.endswith("数") and not text.endswith(("指数", "系数")) and len(text) >= 3:
        return text[:-1]  # 户籍人口数 → 户籍人口
    return text


@lru_cache(maxsize=1)
def _place_sets() -> re.Pattern[str]:
    """各县市区, 部分省份 …: the words of a caption naming the set of places a table's rows are."""
    caption = vocabulary()["caption"]
    levels = "|".join(re.escape(w) for w in sorted(caption["place_set_levels"], key=len, reverse=True))
    openers = "|".join(re.escape(w) for w in caption["place_set_openers"])
    return re.compile(f"(?:{openers})(?:{levels})+")


def clean_label(label: str) -> str:
    text = _ORDINAL.sub("", _FOOTNOTE.sub("", squeeze(label)))
    for mark in sorted(vocabulary()["rows"]["part_marks"], key=len, reverse=True):
        if text.startswith(mark):
            text = text[len(mark) :]
            break
    return text


def row_measure(table: Table, label: str, measure: str) -> str | None:
    """粮食 + 产量 → 粮食产量: a row of things under a column of a measure, when the header says the rows are
    things (产品名称, 指标) or the catalogue knows the name made."""
    text = clean_label(label)
    if len(text) < 2 or _FOOTNOTE.search(text):
        return None
    named = text if text.endswith(measure) else text + measure
    if table.label or canonical_metric(named):
        return named
    return None


def row_metric(label: str, topic: str) -> str:
    """The metric a row names, completed from the caption: 第一产业 → 第一产业增加值 under 生产总值,
    乡村人口 → 户籍乡村人口 and 18岁以下 → 18岁以下户籍人口 under 户籍人口."""
    rows = vocabulary()["rows"]
    text = clean_label(label)
    for word in rows["own_unit"]:
        if text.startswith(word) and len(text) > len(word) + 1:
            text = text[len(word) :]
    if len(text) < 2 or canonical_metric(text):
        return text
    for family in vocabulary()["families"]:
        if any(w in topic for w in family["caption"]) and text.endswith(tuple(family["row_endings"])) \
                and not text.endswith((family["row_suffix"], *family.get("keep_endings", ()))):
            return text + family["row_suffix"]
    if not topic or text == topic:
        return text
    if text in rows["person_kinds"] and topic.endswith("人口"):
        return f"{topic[:-2]}{text}人口"
    shared = _common_suffix(text, topic)
    if shared >= 2:
        prefix = topic[:-shared]
        return text if text.startswith(prefix) else prefix + text
    if text.endswith(tuple(rows["modifier_endings"])):
        return text + topic
    return text


def compose_measure(topic: str, measure: str) -> str:
    """夏粮 + 播种面积 under a caption 夏粮产量: the caption's subject with the column's measure."""
    subject = topic
    for word in sorted(vocabulary()["columns"]["measures"], key=len, reverse=True):
        if subject.endswith(word) and len(subject) > len(word):
            subject = subject[: -len(word)]
            break
    else:
        if canonical_metric(subject):
            subject = ""  # a caption naming a metric of its own says nothing more about the column's
    if measure.endswith(subject):
        return measure  # 常住人口 under a caption 人口: the column names a kind of the caption's subject
    return subject + measure if subject and not measure.startswith(subject) else measure


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n
