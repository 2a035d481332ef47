"""A second poller on the same token: Telegram answers getUpdates with 409 Conflict; say so once, not per retry."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from telegram.error import Conflict

log = logging.getLogger(__name__)
REMINDER_SECONDS = 600.0  # while the conflict lasts, one reminder line this often


@dataclass
class PollingConflicts:
    """Counts 409s from getUpdates; PTB's retry loop itself backs off (1 s, growing to 30 s) between tries."""

    clock: Callable[[], float] = time.monotonic
    count: int = 0
    _logged_at: float | None = None

    def seen(self, error: Conflict) -> None:
        self.count += 1
        now = self.clock()
        if self._logged_at is not None and now - self._logged_at < REMINDER_SECONDS:
            log.debug("getUpdates: 409 Conflict again (%d so far)", self.count)
            return
        self._logged_at = now
        log.warning("getUpdates answered 409 Conflict (%s): another process is polling with this bot token, or a "
                    "webhook is set. Polling means one process; run replicas with --webhook. Retrying with "
                    "backoff (%d conflicts so far).", error.message, self.count)
