"""A per-user flood guard: beyond N updates in a sliding minute, one notice, then silence; memory bounded."""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Verdict = Literal["ok", "warn", "drop"]


@dataclass(slots=True)
class FloodGuard:
    limit: int = 20
    window: float = 60.0
    max_users: int = 50_000
    clock: Callable[[], float] = time.monotonic
    # Least recently seen first, so users idle for a whole window are evicted from the front.
    _seen: OrderedDict[int, deque[float]] = field(default_factory=OrderedDict)
    _warned: set[int] = field(default_factory=set)
    _last: dict[int, float] = field(default_factory=dict)  # last update of any verdict, for eviction

    def check(self, user_id: int) -> Verdict:
        """'ok' to handle the update, 'warn' to send the one notice, 'drop' to ignore it."""
        now = self.clock()
        self._evict(now)
        times = self._seen.get(user_id)
        if times is None:
            times = self._seen[user_id] = deque()
        self._seen.move_to_end(user_id)
        self._last[user_id] = now
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

    def __len__(self) -> int:
        return len(self._seen)

    def _evict(self, now: float) -> None:
        while self._seen:
            user_id = next(iter(self._seen))
            if now - self._last[user_id] <= self.window and len(self._seen) < self.max_users:
                return
            del self._seen[user_id], self._last[user_id]
            self._warned.discard(user_id)
