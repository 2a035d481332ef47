"""The kinds a stored ranking and a stored claim's subject can be: plain literals, so the store's models need not
import the extractors (and their patterns) to name them."""

from typing import Literal

RankingKind = Literal["ordered", "set"]  # a numbered ranking, or a named list without positions
SubjectKind = Literal["region", "company"]
