"""Extraction: article context, periods, figures, rankings, entities and the per-article pipeline."""
