"""Questions in everyday Chinese → an intent and slots (regions, metric, period, rank, company, topic).

The caller keeps the conversation: `parse_question` takes the previous `Conversation` and returns the
query, so 那冠县呢? keeps the metric and changes the region. Nothing is kept globally here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date

from rapidfuzz import fuzz, process

from knowledge.extract.metrics import canonical_metric, surfaces
from knowledge.extract.periods import find_periods, parse_label
from knowledge.places.gazetteer import Gazetteer, Region
from knowledge.qa.answer import Answer
from knowledge.qa.index import Index
from knowledge.qa.intents import Intent
from knowledge.qa.metric_match import combined_metric
from knowledge.qa.places import find_regions
from knowledge.text.normalize import detect_script, to_simplified
from knowledge.text.numbers import cn_int, to_int
from knowledge.text.segment import cut

MAX_QUESTION_CHARS = 300
# Places outside Shandong that people ask about; they must never borrow a Shandong figure.
ELSEWHERE = (
    "北京", "上海", "天津", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
    "江西", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海",
    "宁夏", "新疆", "香港", "澳门", "台湾", "广州", "深圳", "杭州", "南京", "苏州", "武汉", "成都", "西安", "郑州",
    "长沙", "合肥", "福州", "厦门", "沈阳", "大连", "哈尔滨", "长春", "石家庄", "太原", "南昌", "昆明", "贵阳",
    "南宁", "兰州", "乌鲁木齐", "拉萨", "呼和浩特", "银川", "西宁", "海口", "无锡", "宁波", "温州", "东莞", "佛山",
    "全国", "中国", "美国", "日本",
)
_HELP_RE = re.compile(
    r"^(?:你好|您好|嗨|hi|hello|hey|在吗|帮助|help|/help|你是谁|你能做什么|能做什么|怎么用|你会什么|菜单)"
)
_OUT_WORDS = re.compile(
    r"天气|气温|下雨|股票|股价|a股|行情|彩票|写一首|写诗|的诗|笑话|翻译|菜谱|电影|预测|将来|未来会|明年会|"
    r"好吃|饭店|餐厅|美食|酒店|景点|旅游攻略|房价|招聘|星座"
)
_RANK_POS_RE = re.compile(r"第\s*([一二三四五六七八九十]{1,3}|\d{1,3})\s*名?|冠军|榜首|第一名|倒数第一|最后一名|垫底")
_RANK_ASK_RE = re.compile(
    r"排第几|排名第几|第几名|排在第几|名次|排多少|排位|排名(?:情况|如何|怎么样)|第几(?![季产个次批])")
_RANKING_WORDS = re.compile(r"排名|排行|榜单|名单|评议结果")
_LIST_RE = re.compile(r"有哪些|有哪几个|哪些|名单|都有谁|分别是|列表|是哪几|包括哪")
YES_NO_RE = re.compile(r"(?:是|属于|算|入选了?|在)(?P<named>.{2,30}?)(?:之一|名单|之列)?吗")
_MEMBER_RE = re.compile(r"入选了?什么|评为什么|入选|上榜|获评|荣誉|称号")
_COMPARE_RE = re.compile(
    r"谁更|哪个更|哪个高|哪个多|谁高|谁多|谁快|更高|更多|更快|更大|更低|更少|更靠前|靠前|比较|对比|相比|差距|谁的|哪个大"
    r"|(?:哪个|哪一个|谁)的?.{0,12}?(?:多|高|大|快|强|低|少|小|慢)(?:一些|些)?[??]?$|比.{1,12}?(?:多多少|高多少|少多少|几倍)"
)
_PLACE_WORD = r"(县区|区县|县市区|县市|县|区|地市|城市|市|地区|省份|省)"
# 聊城哪个县GDP最高, 各县GDP排名: a ranking computed over the places in the base, not one read in an article
_COMPUTED_RE = re.compile(
    rf"(?:哪个|哪一个|哪些|哪几个){_PLACE_WORD}?.{{0,14}}?(?:最高|最多|最大|最快|最低|最少|最小|最慢|第一|领先)"
    rf"|各{_PLACE_WORD}.{{0,14}}?(?:排名|排行|排序|对比|比较|谁高)"
)
LEVEL_WORDS = {"县区": "county", "区县": "county", "县市区": "county", "县市": "county", "县": "county", "区": "county",
               "地市": "city", "城市": "city", "市": "city", "省份": "province", "省": "province"}
OVERVIEW_WORDS = re.compile(r"介绍|概况|怎么样|如何|情况|经济|发展得|简介|都有什么数据|有什么数据")
_GROWTH_RE = re.compile(r"增长|增速|增幅|涨了|同比|提高了")
_FOLLOW_RE = re.compile(r"^(?:那|那么|这个|换成|改成|再看看?|看看)?(.{0,24}?)(?:呢|的呢|怎么样呢|如何呢)?[??]*$")
_FILLER = re.compile(
    r"是多少|多少|有多少|是什么|是啥|什么|怎么样|如何|请问|请|告诉我|查一下|查询|一下|其中|[比较](?:上年|去年)|的|了|吗|呢|啊|呀|吧|"
    r"[??!!。,,、\s]|帮我|我想知道|知道|数据|情况|有|是|年|今年|去年|上半年|下半年|前三季度|全年|同比|增长|增速"
)
_SHARE_RE = re.compile(
    r"占(?!地)[^,。??]{0,10}?的?(?:多少|比重|比例|份额|几成|百分之几|多大)|占比|比重"
)
_MONEY_ASK_RE = re.compile(r"金额|多少钱|投资额|总投资|资金")
_COUNT_ASK_RE = re.compile(r"多少(?:个|家|项|户|人|名|座|所|条)|几(?:个|家|项|户|名|座|所|条)")
_SHARE_SCOPE_RE = re.compile(r"占(?:全省|全市|全国|全县|全区)")
_TARGET_RE = re.compile(r"目标|预期|预计增长|计划增长")
_LATEST_RE = re.compile(r"今年|目前|最新|最近|当前|现在|眼下")
_YEAR_BACK_RE = re.compile(r"(?<![比较])(?:去年|上年|前年)(?!同期)")  # 比上年增长 is growth, not last year
_YEARS_BACK = {"去年": 1, "上年": 1, "前年": 2}
_BARE_SPANS = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9), "一季度": (1, 3), "第一季度": (1, 3)}


@dataclass(frozen=True, slots=True)
class PeriodWanted:
    year: int | None
    start: int | None
    end: int | None
    label: str | None  # an exact label when the question names one (2024, 2022H1)
    latest: bool = False  # 今年/目前/最新/最近: the newest period the base has, labelled as such


@dataclass(slots=True)
class Query:
    text: str
    simplified: str
    script: str
    intent: Intent = Intent.OUT_OF_SCOPE
    regions: list[Region] = field(default_factory=list)
    metric: str | None = None
    metric_score: float = 0.0
    period: PeriodWanted | None = None
    position: int | None = None
    company: str | None = None
    topic: str | None = None
    wants_growth: bool = False
    wants_share: bool = False
    wants_kind: str | None = None  # "money" | "count": 金额/多少钱 asks money, 多少个/几家 asks a count
    ambiguous: dict[str, list[Region]] = field(default_factory=dict)  # a shared name → the places it may be
    assumed: list[str] = field(default_factory=list)  # shared names settled by the base, to say so
    elsewhere: str | None = None
    residual: str = ""
    entries: list[str] = field(default_factory=list)
    ranking_title: str | None = None
    suggestions: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Conversation:
    """What a follow-up may reuse; the caller stores it per chat and passes it back in."""

    intent: Intent | None = None
    region_codes: tuple[str, ...] = ()
    metric: str | None = None
    period: PeriodWanted | None = None
    ranking_title: str | None = None
    # After "你指的是福州市鼓楼区还是南京市鼓楼区?": each choice's full name and the question it stands for
    choices: tuple[tuple[str, str], ...] = ()
    company: str | None = None  # 占全国多少? after a company's figure asks about that company


def clean_question(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").strip()
    text = re.sub(r"<[^>]{0,200}>", " ", text)  # HTML tags are noise in a question
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text)
    return text[:MAX_QUESTION_CHARS]


def parse_question(text: str, *, gazetteer: Gazetteer, index: Index, state: Conversation | None = None,
                   today: date | None = None) -> Query:
    """Understand one question, using `state` for follow-ups."""
    raw = clean_question(text)
    if state is not None and state.choices and (chosen := _chosen(raw, state.choices)) is not None:
        return parse_question(chosen, gazetteer=gazetteer, index=index, state=None, today=today)
    script = detect_script(raw)
    simple = to_simplified(raw).lower() if script == "hant" else raw.lower()
    q = Query(raw, simple, script)
    q.wants_share = bool(_SHARE_RE.search(simple))
    q.wants_kind = "count" if _COUNT_ASK_RE.search(simple) else "money" if _MONEY_ASK_RE.search(simple) else None
    placed = _SHARE_SCOPE_RE.sub("", simple)  # 占全省/占全国 names what a share is of, not the place asked about
    q.regions = find_regions(placed, gazetteer, index, ambiguous=q.ambiguous, assumed=q.assumed)
    q.elsewhere = next((p for p in ELSEWHERE if p in placed), None) if not q.regions else None
    q.residual = residual_words(simple, q.regions)
    # 占GDP比重: what comes after 占 is the whole; the metric asked is the part before it (none in a follow-up)
    part = simple.split("占", 1)[0] if q.wants_share and "占" in simple and "占比" not in simple else simple
    # a question mixing scripts (一產增加值 among Simplified) is not converted above: metric words are
    q.metric, q.metric_score = find_metric(to_simplified(part), index, exclude=[r.name for r in q.regions])
    if q.metric is None and part != simple and q.regions:  # 阳城二产占GDP比重: the share is looked up by its part
        q.metric, q.metric_score = find_metric(to_simplified(simple), index, exclude=[r.name for r in q.regions])
    q.period = find_period(simple, today=today or date.today())
    q.company = find_company(simple, index)
    q.entries = [name for name in index.entry_names if name in simple]
    q.wants_growth = bool(_GROWTH_RE.search(simple))
    q.position = _position(simple)
    q.intent = Intent.CLARIFY if q.ambiguous else _intent(q)
    continuable = not q.elsewhere and not _OUT_WORDS.search(simple)  # 北京…呢 never borrows 临清's figure
    if state is not None and continuable and q.intent in ("out_of_scope", "figure", "overview") \
            and _is_follow_up(q, simple):
        q = _continue(q, state, gazetteer, index)
    elif state is not None and q.intent == "rank_position" and not q.regions and state.region_codes \
            and len(simple) <= 20:  # 增速在全省排第几? after a figure: the rank of that place's metric
        metric, score = (q.metric, q.metric_score) if q.metric else (state.metric, 100.0)
        q = replace(q, regions=[gazetteer.get(c) for c in state.region_codes], metric=metric, metric_score=score,
                    period=q.period or state.period)
    elif state is not None and q.intent == "ranking_list" and q.position is not None and len(q.residual) <= 3:
        q.ranking_title = state.ranking_title  # 第二名呢? continues the ranking just shown
    if q.intent == "out_of_scope" and _names_stored_metrics(q, index):
        q.intent = Intent.FIGURE  # 莘县收入是多少: a word several of the place's metrics share, to ask back
    if q.intent == "out_of_scope" and not q.elsewhere and not _OUT_WORDS.search(simple):
        q.topic = find_topic(simple, index)
        if q.topic:
            q.intent = Intent.TOPIC
    return q


def _names_stored_metrics(q: Query, index: Index) -> bool:
    """The residual is part of at least two of the one place's stored metric names."""
    if len(q.regions) != 1 or q.metric is not None or len(q.residual) < 2:
        return False
    names = {index.facts[i].metric for i in index.by_region.get(q.regions[0].code, [])}
    return sum(q.residual in m for m in names) >= 2


def _chosen(text: str, choices: tuple[tuple[str, str], ...]) -> str | None:
    """南京的 / 南京市鼓楼区 / 第二个 after an ask-back: the question of the choice it names."""
    said = re.sub(r"[的呢吧啊??。!!\s]|^(?:是|我说的是|指的是)", "", text)
    if m := re.fullmatch(r"第?([一二三四五1-5])个?", said):
        number = cn_int(m.group(1))
        return choices[number - 1][1] if number is not None and 0 < number <= len(choices) else None
    hits = [question for full, question in choices if len(said) >= 2 and said in full]
    return hits[0] if len(hits) == 1 else None


def residual_words(text: str, regions: list[Region]) -> str:
    """The question without region names and filler: what is left names the metric."""
    for region in regions:
        for form in (region.name, *region.aliases):
            text = text.replace(form, "")
    text = re.sub(r"\d{4}年|全省|山东|全市|第\s*[一二三四五六七八九十\d]{1,3}\s*名|^那么?", "", text)
    return _FILLER.sub("", text)


def find_metric(text: str, index: Index, *, exclude: list[str]) -> tuple[str | None, float]:
    """The metric asked about: a vocabulary synonym in the text, else the nearest stored metric name."""
    for surface in sorted(surfaces(), key=len, reverse=True):
        if surface.lower() in text:
            return canonical_metric(surface), 100.0
    residual = text
    for name in exclude:
        residual = residual.replace(name, "")
    residual = _FILLER.sub("", residual)
    if len(residual) < 2 or not index.metric_names:
        return None, 0.0
    best = process.extractOne(residual, index.metric_names, scorer=fuzz.partial_ratio, score_cutoff=70)
    if best is None:
        return None, 0.0
    name, score, _ = best
    overlap = len(set(residual) & set(name))
    # "经济" sits inside many long names: require the question to cover a good part of the name
    # a fuzzy match never scores 100: that is kept for exact vocabulary matches
    return (name, min(float(score), 99.0)) if overlap >= max(2, len(set(name)) // 2) else (None, 0.0)


def find_period(text: str, *, today: date) -> PeriodWanted | None:
    if _LATEST_RE.search(text) and not re.search(r"(?:19|20)\d\d", text):
        bounds = next((se for name, se in _BARE_SPANS.items() if name in text), None)
        return PeriodWanted(None, bounds[0] if bounds else None, bounds[1] if bounds else None, None, latest=True)
    mentions = [m for m in find_periods(text, published=today) if m.explicit_year or _relative(text)]
    if mentions:
        p = mentions[0].period
        if p.year is not None and _TARGET_RE.search(text):  # 2019年GDP增长目标: the plan's target, not an outcome
            return PeriodWanted(p.year, None, None, f"target:{p.year}")
        return PeriodWanted(p.year, p.start, p.end, p.label)
    for span, (start, end) in _BARE_SPANS.items():
        if span in text:
            return PeriodWanted(None, start, end, None)
    if m := re.search(r"(\d{1,2})\s*[至到\-~]\s*(\d{1,2})\s*月", text):
        return PeriodWanted(None, int(m[1]), int(m[2]), None)
    return None


def _relative(text: str) -> bool:
    return bool(re.search(r"今年|去年|前年|本年|上年", text))


def _shift_from(state: PeriodWanted, text: str, asked: PeriodWanted | None) -> PeriodWanted | None:
    """去年呢? after 2022年上半年 means 2021年上半年: a relative year counts from the conversation's period."""
    m = _YEAR_BACK_RE.search(text)
    if m is None or state.year is None or re.search(r"(?:19|20)\d\d", text):
        return None
    year = state.year - _YEARS_BACK[m.group(0)]
    span_asked = asked is not None and asked.start is not None and (asked.start, asked.end) != (1, 12)
    if asked is not None and span_asked:  # 去年上半年呢: the span asked, in the year before the conversation's
        label = asked.label and re.sub(r"^\d{4}", str(year), asked.label)
        return PeriodWanted(year, asked.start, asked.end, label)
    label = re.sub(r"^\d{4}", str(year), state.label) if state.label else None
    return PeriodWanted(year, state.start, state.end, label)


def find_company(text: str, index: Index) -> str | None:
    """A company named in full or by a short form (大亚金属 for 淄博大亚金属科技股份有限公司)."""
    for name in sorted(index.companies, key=len, reverse=True):
        if len(name) >= 2 and name.lower() in text:
            return index.companies[name]
    for start in range(max(0, len(text) - 3)):
        known = index.company_grams.get(text[start : start + 4])
        if known is not None:
            return known
    return None


def find_topic(text: str, index: Index) -> str | None:
    """The most specific word of the question that the articles talk about (氢能, 不锈钢, 铝产业)."""
    tokens = topic_tokens(text, index)
    return max(tokens, key=lambda t: (index.idf(t), len(t))) if tokens else None


def topic_tokens(text: str, index: Index) -> list[str]:
    postings = index.ensure_postings()
    words = [t for t in cut(text) if len(t) >= 2 and not _FILLER.fullmatch(t) and t in postings]
    # single characters such as 铝 join the word after them: 铝 + 产业链 → 铝产业
    for a, b in zip(cut(text), cut(text)[1:], strict=False):
        joined = a + b[:2]
        if len(a) == 1 and "\u4e00" <= a <= "\u9fff" and any(joined in index.sentences[i] for i in
                                                                  list(postings.get(b, ()))[:200]):
            words.append(joined)
    return words


def _position(text: str) -> int | None:
    if re.search(r"冠军|榜首|第一名|排第一|排名第一", text):
        return 1
    if re.search(r"最后一名|倒数第一|垫底|末位", text):
        return -1
    m = re.search(r"第\s*([一二三四五六七八九十]{1,3}|\d{1,3})\s*名", text)
    return to_int(m.group(1)) if m else None


def _intent(q: Query) -> Intent:
    s = q.simplified
    if _HELP_RE.search(s):
        return Intent.HELP
    if _OUT_WORDS.search(s) and q.metric_score < 100:
        return Intent.OUT_OF_SCOPE
    if q.elsewhere and not q.regions:
        return Intent.OUT_OF_SCOPE
    if (len(q.regions) >= 2 or len(q.entries) >= 2) and _COMPARE_RE.search(s):
        return Intent.COMPARISON
    if q.metric and len(q.regions) <= 1 and _COMPUTED_RE.search(s):
        return Intent.COMPUTED_RANKING
    if q.company:
        return Intent.COMPANY
    if q.regions and q.metric and q.metric_score >= 100 and not _RANK_ASK_RE.search(s):
        return Intent.FIGURE
    if re.search(r"哪里|哪个地方|哪些地方|哪个地区|哪些地区", s) and q.metric_score < 100:
        return Intent.OUT_OF_SCOPE  # "where is X strong": a topic search decides below
    if q.position is not None or (_RANK_POS_RE.search(s) and "名" in s):
        return Intent.RANKING_LIST
    if (_MEMBER_RE.search(s) or YES_NO_RE.search(s)) and q.regions and not q.metric:
        return Intent.MEMBERSHIP
    if _RANK_ASK_RE.search(s):
        return Intent.RANK_POSITION
    if _RANKING_WORDS.search(s) or (_LIST_RE.search(s) and not q.metric):
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


def _is_follow_up(q: Query, simple: str) -> bool:
    """Short, and either marked (那…/…呢) or naming only one of region / metric / growth."""
    if len(simple) > 20 or not _FOLLOW_RE.match(simple):
        return False
    marked = simple.startswith(("那", "那么", "换成", "再看")) or simple.rstrip("?").endswith("呢")
    vocab_metric = q.metric is not None and q.metric_score >= 100
    partial = (bool(q.regions) and not q.metric) or (vocab_metric and not q.regions) or (
        (q.wants_growth or q.wants_share) and not q.regions and not q.metric)
    return marked or partial


def _continue(q: Query, state: Conversation, gazetteer: Gazetteer, index: Index) -> Query:
    """Fill what the follow-up leaves out from the previous question."""
    if state.intent is None:
        return q
    if state.intent == Intent.COMPANY and state.company and not q.regions and not q.company:
        q.company, q.intent = state.company, Intent.COMPANY
        return q
    q.ranking_title = state.ranking_title
    regions = q.regions or [gazetteer.get(c) for c in state.region_codes]
    # 居民收入呢? names a metric the base does not know: answering the previous metric would be wrong
    names_other = q.metric is None and not (q.wants_growth or q.wants_share) and len(q.residual) >= 2
    # a word that is not itself a vocabulary metric may finish the previous one (增加值 after 规上工业总产值)
    loose = names_other or (q.metric is not None and q.metric_score < 100 and len(q.residual) >= 2)
    joined = combined_metric(q.residual, state.metric, index.metric_names) if loose and state.metric else None
    if joined:  # 人均呢? after GDP: 人均地区生产总值
        names_other, q.metric, q.metric_score = False, joined, 100.0
    metric = q.metric or (None if names_other else state.metric)
    shifted = _shift_from(state.period, q.simplified, q.period) if state.period else None
    period = shifted or q.period or state.period
    score = q.metric_score if q.metric else 100.0  # an inherited metric is one the last answer settled
    q = replace(q, regions=regions, metric=metric, metric_score=score, period=period)
    if names_other and regions and state.intent in ("figure", "comparison", "overview"):
        q.intent = Intent.FIGURE  # answered as "no such figure", with what the base does know
    elif state.intent in ("figure", "comparison", "overview") and q.metric:
        q.intent = Intent.COMPARISON if len(regions) >= 2 and state.intent == Intent.COMPARISON else Intent.FIGURE
    elif state.intent in ("rank_position", "ranking_list", "membership", "overview") and q.regions:
        q.intent = state.intent
    return q


def remember(q: Query, answer: Answer, previous: Conversation | None) -> Conversation:
    """The state to keep after answering `q`: its slots, with what the answer settled."""
    if q.intent in (Intent.HELP, Intent.OUT_OF_SCOPE):
        return previous or Conversation()
    period = wanted_from_label(answer.period_label) if answer.period_label else q.period
    choices = tuple(zip(answer.choices, answer.suggestions, strict=False)) if answer.choices else ()
    return Conversation(q.intent, tuple(r.code for r in q.regions), answer.metric or q.metric, period,
                        answer.ranking_title or q.ranking_title, choices, q.company)


def wanted_from_label(label: str) -> PeriodWanted:
    p = parse_label(label)
    return PeriodWanted(p.year, p.start, p.end, label)
