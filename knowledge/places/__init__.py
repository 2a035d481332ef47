"""Places: the gazetteer, fuzzy place matching and zones (data in knowledge/data)."""
