"""What an answer is: its text, whether it was found, the facts and sources behind it, and suggestions.

An answer never borrows a number: if the base has no figure for the region, metric and period asked
about, it says so and suggests what it does know.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Answer:
    found: bool
    intent: str
    text: str
    facts: list[dict[str, object]] = field(default_factory=list)
    sources: list[dict[str, object]] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    not_comparable: bool = False
    # Slots the answer settled, for the conversation: the stored metric a fuzzy question meant, and the
    # ranking it showed (so 第二名呢? continues it). The query itself is never written to.
    metric: str | None = None
    ranking_title: str | None = None
    period_label: str | None = None  # the period the figure shown is for (上半年 asked, 2022H1 settled)
    choices: list[str] = field(default_factory=list)  # an ask-back's options; suggestions hold their questions

    def to_json(self) -> dict[str, object]:
        return {"found": self.found, "intent": self.intent, "text": self.text, "facts": self.facts,
                "sources": self.sources, "suggestions": self.suggestions}
