"""Wiring for regionbot: settings, the command line, the Telegram application and its scheduler."""

import os

# Opt in to python-telegram-bot's upcoming behaviour (RetryAfter.retry_after as a timedelta) now,
# instead of a deprecation warning on every 429.
os.environ.setdefault("PTB_TIMEDELTA", "1")
