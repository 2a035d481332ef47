"""Start-up of ingest's parse workers: warm the gazetteer, and exit at once if the parent process dies."""

from __future__ import annotations

import os
import threading
import time

from knowledge.extract.pipeline import warm_worker

_POLL_SECONDS = 0.5


def init_worker() -> None:
    """Pool initializer: a parent killed outright (SIGKILL) cannot stop its workers, so they watch it."""
    parent = os.getppid()
    threading.Thread(target=_exit_when_orphaned, args=(parent,), name="parent-watch", daemon=True).start()
    warm_worker()


def _exit_when_orphaned(parent: int) -> None:
    # An orphan is re-parented (to init or a subreaper), so a changed parent id means ours is gone.
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(1)
