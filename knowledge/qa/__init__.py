"""Question answering: parsing, the in-memory index, one module per intent, lookups, one formatter."""
