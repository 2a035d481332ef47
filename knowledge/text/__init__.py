"""Text: decoding, normalisation, documents and segmentation (no database, no places)."""
