"""Logging for the command line and the bot: one format, library chatter kept at WARNING, secrets redacted."""

from __future__ import annotations

import logging
from collections.abc import Iterable

# httpx logs every request URL at INFO, and every Bot API URL carries the token.
_QUIET = ("httpx", "httpcore", "apscheduler", "telegram.ext.ExtBot")
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    """Replaces each secret (the bot token, the webhook secret) wherever it appears, tracebacks included."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__(_FORMAT)
        self.secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, "[redacted]")
        return text


def configure_logging(level: int | str, *, secrets: Iterable[str] = ()) -> None:
    """Root logging to stderr at `level`; libraries at WARNING unless debugging."""
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.StreamHandler())
    for handler in root.handlers:
        handler.setFormatter(RedactingFormatter(secrets))
    root.setLevel(level)
    quiet = logging.DEBUG if root.level <= logging.DEBUG else logging.WARNING
    for name in _QUIET:
        logging.getLogger(name).setLevel(max(quiet, logging.WARNING) if name.startswith("http") else quiet)
