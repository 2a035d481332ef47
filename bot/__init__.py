"""Wiring for regionbot: settings, the command line, the Telegram application and its scheduler."""
