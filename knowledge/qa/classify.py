"""A parsed question's intent from its wording and the slots found (regions, metric, company, entries)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from knowledge.qa.intents import Intent
from knowledge.qa.query import Query
from knowledge.text.numbers import to_int

_HELP_RE = re.compile(
    r"^(?:你好|您好|嗨|hi|hello|hey|在吗|帮助|help|/help|你是谁|你能做什么|能做什么|怎么用|你会什么|菜单)"
)
OUT_WORDS = re.compile(
    r"天气|气温|下雨|股票|股价|a股|行情|彩票|写一首|写诗|的诗|笑话|翻译|菜谱|电影|预测|将来|未来会|明年会|"
    r"好吃|饭店|餐厅|美食|酒店|景点|旅游攻略|房价|招聘|星座"
)
_RANK_POS_RE = re.compile(r"第\s*([一二三四五六七八九十]{1,3}|\d{1,3})\s*名?|冠军|榜首|第一名|倒数第一|最后一名|垫底")
_RANK_ASK_RE = re.compile(
    r"排第几|排名第几|第几名|排在第几|名次|排多少|排位|排名(?:情况|如何|怎么样|多少|是多少|呢)|第几(?![季产个次批])"
    r"|(?:在|全省|全市|全国|省内|市内).{0,8}排名[??]?$")  # 进出口在聊城排名, GDP增速全省排名: a place's standing
_RANKING_WORDS = re.compile(r"排名|排行|榜单|名单|评议结果")
_LIST_RE = re.compile(r"有哪些|有哪几个|哪些|名单|都有谁|分别是|列表|是哪几|包括哪")
YES_NO_RE = re.compile(r"(?:是|属于|算|入选了?|在)(?P<named>.{2,30}?)(?:之一|名单|之列)?吗")
_MEMBER_RE = re.compile(r"入选了?什么|评为什么|入选|上榜|获评|荣誉|称号")
_COMPARE_RE = re.compile(
    r"谁更|哪个更|哪个高|哪个多|谁高|谁多|谁快|更高|更多|更快|更大|更低|更少|更靠前|靠前|比较|对比|相比|差距|谁的|哪个大"
    r"|(?:哪个|哪一个|谁)的?.{0,12}?(?:多|高|大|快|强|低|少|小|慢)(?:一些|些)?[??]?$|比.{1,12}?(?:多多少|高多少|少多少|几倍)|的(?:几|多少)倍|相?差(?:了)?多少"
)
def is_comparison(text: str) -> bool:
    return bool(_COMPARE_RE.search(text))


_PLACE_WORD = r"(县区|区县|县市区|县市|县|区|地市|城市|市|地区|省份|省)"
# 聊城哪个县GDP最高, 各县GDP排名: a ranking computed over the places in the base, not one read in an article
_COMPUTED_RE = re.compile(
    rf"(?:哪个|哪一个|哪些|哪几个){_PLACE_WORD}?.{{0,14}}?(?:最高|最多|最大|最快|最低|最少|最小|最慢|第一|领先)"
    rf"|各{_PLACE_WORD}.{{0,14}}?(?:排名|排行|排序|对比|比较|谁高)"
)
_WHICH_PLACE = re.compile(r"哪一?[个個]|哪座|哪家|是[谁誰]|[谁誰]是")  # 哪個 in a question mixing scripts
LEVEL_WORDS = {"县区": "county", "区县": "county", "县市区": "county", "县市": "county", "县": "county", "区": "county",
               "地市": "city", "城市": "city", "市": "city", "省份": "province", "省": "province"}
OVERVIEW_WORDS = re.compile(r"介绍|概况|怎么样|如何|情况|经济|发展得|简介|都有什么数据|有什么数据")


_TOP_RE = re.compile(r"前\s*([一二三四五六七八九十]{1,3}|\d{1,3})\s*(?:名|位|强)")


def top_n(text: str) -> int | None:
    """前三名, 前10位: how many of a ranking's first entries are asked for."""
    m = _TOP_RE.search(text)
    return to_int(m.group(1)) if m else None


def position(text: str) -> int | None:
    if re.search(r"冠军|榜首|第一名|排第一|排名第一", text):
        return 1
    if re.search(r"最后一名|倒数第一|垫底|末位", text):
        return -1
    if m := re.search(r"倒数第\s*([二三四五六七八九十]{1,3}|\d{1,3})\s*名?", text):
        back = to_int(m.group(1))  # 倒数第二: the second from the end
        return -back if back else None
    m = re.search(r"第\s*([一二三四五六七八九十]{1,3}|\d{1,3})\s*名", text)
    return to_int(m.group(1)) if m else None


def rank_words(text: str, metric: str | None) -> str:
    """The question less the part of it that writes the metric's name (three characters or more): 制造业单项冠军企业
    and 第一产业增加值 hold 冠军 and 第一 as words of the name, not as a position asked."""
    if not metric:
        return text
    m = SequenceMatcher(None, text, metric, autojunk=False).find_longest_match(0, len(text), 0, len(metric))
    return text[:m.a] + " " + text[m.a + m.size:] if m.size >= 3 else text


def classify(q: Query) -> Intent:
    s = q.simplified
    ranked = rank_words(s, q.metric)
    if _HELP_RE.search(s):
        return Intent.HELP
    if OUT_WORDS.search(s) and q.metric_score < 100:
        return Intent.OUT_OF_SCOPE
    if q.elsewhere:  # 美国GDP, or 临清和东京哪个高: a place outside the base is asked about
        return Intent.OUT_OF_SCOPE
    if (len(q.regions) >= 2 or len(q.entries) >= 2) and _COMPARE_RE.search(s):
        return Intent.COMPARISON
    if q.metric and len(q.regions) <= 1 and _COMPUTED_RE.search(s):
        return Intent.COMPUTED_RANKING
    if q.company:
        return Intent.COMPANY
    if q.metric and len(q.regions) == 1 and q.position is not None and _WHICH_PLACE.search(ranked) \
            and q.regions[0].level in ("nation", "province", "city"):
        return Intent.COMPUTED_RANKING  # 湖南GDP第一名是哪个市: a place within the one named, not its own figure
    if q.regions and q.metric and q.metric_score >= 100 and not _RANK_ASK_RE.search(ranked):
        return Intent.FIGURE
    if re.search(r"哪里|哪个地方|哪些地方|哪个地区|哪些地区", s) and q.metric_score < 100:
        return Intent.OUT_OF_SCOPE  # "where is X strong": a topic search decides below
    if q.position is not None or (_RANK_POS_RE.search(ranked) and "名" in ranked) or (q.top and not q.regions):
        return Intent.RANKING_LIST
    if (_MEMBER_RE.search(s) or YES_NO_RE.search(s)) and q.regions and not q.metric:
        return Intent.MEMBERSHIP
    if _RANK_ASK_RE.search(ranked):
        return Intent.RANK_POSITION
    if _RANKING_WORDS.search(ranked) or (_LIST_RE.search(s) and not q.metric):
        return Intent.RANKING_LIST
    if q.regions and q.metric:
        return Intent.FIGURE
    if q.regions and (OVERVIEW_WORDS.search(s) or len(s) <= 8):
        return Intent.OVERVIEW
    if q.metric and q.metric_score >= 100:
        return Intent.FIGURE
    return Intent.OUT_OF_SCOPE


def place_level(text: str) -> str | None:
    """The level a computed ranking ranks (县 → county, 地市 → city), when the question names one."""
    m = _COMPUTED_RE.search(text)
    word = m and (m.group(1) or m.group(2))
    return LEVEL_WORDS.get(word) if word else None
