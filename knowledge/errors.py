"""Errors regionbot shows to people, kept apart from bugs.

    RegionbotError            anything a user or admin may be told about, with a clear message
    ├── BadArticleError       an input file that cannot be ingested (empty, binary, undecodable, too big)
    ├── IngestError           an ingest run that failed as a whole; the previous base is kept
    └── UsageError            a command called with bad arguments (a time, an unknown region)

Anything else that escapes is a bug: it is logged with its traceback and the user gets an apology.
"""


class RegionbotError(Exception):
    """Base class of errors whose message is safe and useful to show to a person."""


class BadArticleError(RegionbotError):
    """An article file that cannot be read; the message says why."""


class IngestError(RegionbotError):
    """An ingest run that failed; nothing it started was kept."""


class UsageError(RegionbotError):
    """A command was called with arguments it cannot use."""
