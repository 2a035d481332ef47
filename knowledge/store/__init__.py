"""Storage: engine, tables, keyword-only queries, ingest and migrations."""
