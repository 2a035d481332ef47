"""Start-up of ingest's parse workers: warm the gazetteer, and exit at once if the parent process dies."""

from __future__ import annotations

import gc
import os
import threading
import time

from knowledge.extract.pipeline import warm_worker

_POLL_SECONDS = 0.5
# Parsing allocates many short-lived objects next to a large, long-lived gazetteer: with Python's default
# (700, 10, 10) the collector runs hundreds of times an ingest, scanning that gazetteer, for a tenth of the time.
PARSE_GC_THRESHOLD = (50_000, 20, 10)


def init_worker() -> None:
    """Pool initializer: a parent killed outright (SIGKILL) cannot stop its workers, so they watch it."""
    parent = os.getppid()
    threading.Thread(target=_exit_when_orphaned, args=(parent,), name="parent-watch", daemon=True).start()
    warm_worker()
    gc.freeze()  # what a worker holds from here on (the gazetteer, the parser's tables) is never garbage
    gc.set_threshold(*PARSE_GC_THRESHOLD)


def _exit_when_orphaned(parent: int) -> None:
    # An orphan is re-parented (to init or a subreaper), so a changed parent id means ours is gone.
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(1)
