"""A per-user flood guard: beyond N messages in a sliding minute, one notice, then silence."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(slots=True)
class FloodGuard:
    limit: int = 20
    window: float = 60.0
    clock: Callable[[], float] = time.monotonic
    _seen: dict[int, deque[float]] = field(default_factory=dict)
    _warned: set[int] = field(default_factory=set)

    def check(self, user_id: int) -> str:
        """'ok' to handle the message, 'warn' to send the one notice, 'drop' to ignore it."""
        now = self.clock()
        times = self._seen.setdefault(user_id, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        if len(times) < self.limit:
            times.append(now)
            self._warned.discard(user_id)
            return "ok"
        if user_id in self._warned:
            return "drop"
        self._warned.add(user_id)
        return "warn"
