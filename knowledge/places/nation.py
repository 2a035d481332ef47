"""The nation as a unit of its own (全国, code 000000), so that national figures are stored and answered."""

from __future__ import annotations

from knowledge.places.region import Region

NATION_CODE = "000000"
NATION = Region(NATION_CODE, "全国", "nation", None, ("全国", "我国", "中国"), (), pinyin=("quan guo",))


def is_nation(region: Region | None) -> bool:
    return region is not None and region.code == NATION_CODE
