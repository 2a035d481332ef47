"""Region overviews, company positions and topic search: the answers that gather several facts."""

from __future__ import annotations

import re

from knowledge.extract.metrics import metrics
from knowledge.extract.periods import parse_label
from knowledge.places.gazetteer import Region
from knowledge.qa.answer import Answer
from knowledge.qa.fallback import not_covered, out_of_scope, region_needed
from knowledge.qa.format import fact_line
from knowledge.qa.intents import Intent
from knowledge.qa.lookup import Lookup, period_matches, ranking_heading
from knowledge.qa.parse import Query, topic_tokens

_OVERVIEW_FACTS = 10


def overview(lookup: Lookup, q: Query) -> Answer:
    """The newest figures, rankings and claims about one region."""
    if not q.regions:
        return region_needed(lookup, q)
    region = q.regions[0]
    index = lookup.index
    known = metrics()
    words = set(q.residual)
    facts = sorted((index.facts[i] for i in index.by_region.get(region.code, [])),
                   key=lambda f: (period_matches(f, q.period), len(words & set(f.metric)) >= 2,
                                  f.metric in known, f.period_key), reverse=True)
    lines = [f"{region.name}" + (f"(属{p.name})" if (p := lookup.gaz.parent(region)) else "") + "的资料:"]
    seen: set[str] = set()
    for f in facts:
        if f.metric in seen or len(seen) >= _OVERVIEW_FACTS:
            continue
        seen.add(f.metric)
        lines.append("· " + fact_line(f, lookup.name_of(region)))
    cited: list[int] = []
    for r in index.rankings:
        for e in r.entries:
            if e.region_code == region.code:
                where = f"第{e.position}名" if e.position else "入选"
                lines.append(f"· {ranking_heading(r)}{where}")
                cited.append(r.sentence_id)
    claims = [c for c in index.claims if c.region_code == region.code][:3]
    lines.extend(f"· {c.about or ''}{c.claim}" for c in claims)
    cited += [c.sentence_id for c in claims]
    if len(lines) == 1:
        return not_covered(lookup, region)
    shown = [f for f in facts if f.metric in seen][:_OVERVIEW_FACTS]
    answer = Answer(True, Intent.OVERVIEW, "\n".join(lines), facts=[lookup.fact_json(f) for f in shown])
    # every figure, rank and claim listed is cited, not only the first (the text quotes the first source)
    return lookup.with_sources(answer, shown, sentence_ids=cited, needle=region.short, limit=len(shown) + len(cited))


def _places_named(lookup: Lookup, sentence_ids: list[int]) -> list[str]:
    """The counties and cities the sentences about a topic name (哪里有阿胶产业 → 东阿县), in order."""
    names: list[str] = []
    for sid in sentence_ids:
        for m in lookup.gaz.find_mentions(lookup.index.sentences[sid]):
            if m.region.level in ("county", "city", "zone"):
                names.append(lookup.name_of(m.region))
    return list(dict.fromkeys(names))[:5]


def _places_asked(lookup: Lookup, q: Query) -> list[Region]:
    """The places a topic must be about: those the base covers, or named in full (合作 in 有合作 is a word,
    not 合作市)."""
    text = q.simplified
    return [r for r in q.regions if lookup.index.covers(r.code) or r.name in text
            or any(len(form) >= 3 and form in text for form in r.aliases)]


def _about_place(lookup: Lookup, sid: int, places: list[Region]) -> bool:
    """The sentence names a place asked (or one inside it), or states a figure of one."""
    if not places:
        return True
    named = [m.region.code for m in lookup.gaz.find_mentions(lookup.index.sentences[sid])]
    named += [lookup.index.facts[i].region_code for i in lookup.index.by_sentence.get(sid, [])]
    return any(code == r.code or lookup.within(code, r) for code in named for r in places)


def _of_period(lookup: Lookup, sid: int, q: Query) -> bool:
    """The sentence is about the year asked: its figures' periods, else the years it writes, else the
    year its article was published."""
    year = q.period.year if q.period is not None else None
    if year is None:
        return True
    periods = [parse_label(lookup.index.facts[i].period_label).year for i in lookup.index.by_sentence.get(sid, [])]
    if any(periods):
        return year in periods
    written = {int(y) for y in re.findall(r"((?:19|20)\d\d)年", lookup.index.sentences[sid])}
    if written:
        return year in written
    published = lookup.index.sources[lookup.index.sentence_article[sid]].published
    return published is not None and published.year in (year, year + 1)


def topic(lookup: Lookup, q: Query) -> Answer:
    """Sentences about a topic (氢能, 不锈钢), those with figures first."""
    word = q.topic or ""
    index = lookup.index
    tokens = topic_tokens(q.simplified, index) or [word]  # the places asked still weigh the sentences
    weight = {t: index.idf(t) for t in tokens}
    candidates: set[int] = set().union(*(index.sentences_with(t) for t in tokens))

    def score(sid: int) -> float:
        text = index.sentences[sid]
        return sum(w for t, w in weight.items() if t in text) + 0.5 * bool(index.by_sentence.get(sid))

    hits = sorted(candidates, key=score, reverse=True)
    if not hits:
        return out_of_scope(lookup, q)
    asked = _places_asked(lookup, q)
    hits = [sid for sid in hits if _about_place(lookup, sid, asked) and _of_period(lookup, sid, q)]
    if not hits:  # the topic is in the base, but not for the place or year asked: never another's
        where = "、".join(lookup.name_of(r) for r in asked)
        when = f"{q.period.year}年" if q.period is not None and q.period.year else ""
        text = f"资料里没有{where}{when}关于“{word}”的内容,我不会用其他地方或其他时期的资料代替。"
        return Answer(False, Intent.TOPIC, text, suggestions=[f"介绍一下{r.short}" for r in q.regions][:2])
    found = [index.facts[i] for sid in hits[:3] for i in index.by_sentence.get(sid, [])]
    # a sentence lists figures of several things: those whose name holds a word of the topic come first
    facts = sorted(found, key=lambda f: -sum(w for t, w in weight.items() if t in f.metric))[:3]
    places = _places_named(lookup, hits[:3])
    lines = [f"关于“{word}”,资料中提到的地方:{'、'.join(places)}" if places else f"关于“{word}”,资料中有:"]
    for f in facts:
        lines.append("· " + fact_line(f, lookup.name_of(lookup.gaz.get(f.region_code))))
    answer = Answer(True, Intent.TOPIC, "\n".join(lines), facts=[lookup.fact_json(f) for f in facts])
    for sid in hits[:3]:
        answer.sources.append(lookup.source(sid, word))
    for src in answer.sources:
        answer.text += f"\n· “{src['snippet']}”——《{src['title']}》"
    return answer
