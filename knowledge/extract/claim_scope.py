"""The scope of ranks said without a scope word, when one sentence ranks places of different units.

义乌市…居首,玉环市排名第二位;昆山市位列第三: the three are ranked against each other, so the scope is the
smallest unit holding them all (here the nation), not each one's own prefecture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge.places.gazetteer import Gazetteer

if TYPE_CHECKING:
    from knowledge.extract.claims import ExtractedClaim

NATION_NAME = "全国"


def share_scope(claims: list[ExtractedClaim], gazetteer: Gazetteer) -> None:
    """Give the claims of one sentence without a scope word the smallest unit holding all their places."""
    implicit = [c for c in claims if c.scope is None and c.position is not None and c.region_code
                and c.subject_kind == "region"]
    codes = {c.region_code for c in implicit if c.region_code}
    if len(codes) < 2 or len({c.scope_name for c in implicit}) < 2:
        return
    chains = [[r.code for r in gazetteer.chain(gazetteer.get(code))] for code in codes]
    shared = [code for code in chains[0] if all(code in chain for chain in chains[1:])]
    if shared and shared[0] in codes:
        return  # a place and a unit inside it: not peers ranked against each other
    common = gazetteer.get(shared[0]).name if shared else NATION_NAME
    for c in implicit:
        c.scope_name = common
