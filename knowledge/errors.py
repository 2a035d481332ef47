"""Errors regionbot shows to people, kept apart from bugs, and bilingual notes.

    RegionbotError            anything a user or admin may be told about, with a clear message
    ├── BadArticleError       an input file that cannot be ingested (empty, binary, undecodable, too big)
    ├── IngestError           an ingest run that failed as a whole; the previous base is kept
    └── UsageError            a command called with bad arguments (a time, an unknown region)

Anything else that escapes is a bug: it is logged with its traceback and the user gets an apology.
"""

from __future__ import annotations

from collections.abc import Callable


class RegionbotError(Exception):
    """Base class of errors whose message is safe and useful to show to a person.

    The message is English (logs, the CLI); `zh` is the same in Chinese, for replies in Telegram.
    """

    def __init__(self, message: str, *, zh: str | None = None) -> None:
        super().__init__(message)
        self.zh = zh or message

    def note(self) -> Note:
        """The message as a Note: English as str, Chinese as .zh."""
        return Note(str(self), self.zh)

    def __reduce__(self) -> tuple[Callable[[type[RegionbotError], str, str], RegionbotError],
                                  tuple[type[RegionbotError], str, str]]:
        return _rebuild, (type(self), str(self), self.zh)  # keeps `zh` when it crosses a process pool


def _rebuild(cls: type[RegionbotError], message: str, zh: str) -> RegionbotError:
    return cls(message, zh=zh)


class Note(str):
    """An English text (what str() gives: logs, the CLI, tests) that also carries its Chinese, `zh`."""

    zh: str

    def __new__(cls, en: str, zh: str | None = None) -> Note:
        note = super().__new__(cls, en)
        note.zh = zh or en
        return note

    def __reduce__(self) -> tuple[type[Note], tuple[str, str]]:
        return Note, (str(self), self.zh)


def chinese(text: str) -> str:
    """The Chinese of a Note, or the text itself."""
    return getattr(text, "zh", text)


class BadArticleError(RegionbotError):
    """An article file that cannot be read; the message says why."""


class IngestError(RegionbotError):
    """An ingest run that failed; nothing it started was kept."""


class UsageError(RegionbotError):
    """A command was called with arguments it cannot use."""
