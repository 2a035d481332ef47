"""Refuse facts the extractor cannot read reliably: a wrong fact is worse than a missing one.

Each gate is one general reason to leave a fact out, measured on the development corpus:

- undated: neither the sentence, the article nor its publication gives a year, so nobody can say which
  period the figure is of (such facts were never right on the development corpus).
"""

from __future__ import annotations

from knowledge.extract.figures import ExtractedFact


def is_undated(fact: ExtractedFact) -> bool:
    """No stated or inferable year: the figure is of an unknown period."""
    return fact.period.kind == "undated" or fact.period.year is None


def reliable(facts: list[ExtractedFact], *, prose: list[ExtractedFact]) -> list[ExtractedFact]:
    """The facts that pass every gate, in their order; `prose` are those read from sentences (the rest
    come from tables, whose rows and columns name metric and period outright)."""
    return [f for f in facts if not is_undated(f)]
