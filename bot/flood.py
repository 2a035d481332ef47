"""Per-user flood guards: beyond N updates a minute, one notice, then silence.

FloodGuard counts in memory (one process); SharedFloodGuard counts in the database, for replicas.
"""

from __future__ import annotations

import itertools
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy.engine import Engine

from knowledge.store import shared

Verdict = Literal["ok", "warn", "drop"]
PRUNE_EVERY = 500  # checks between two prunes of old minutes


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


@dataclass
class SharedFloodGuard:
    """The flood guard over one counter per user and minute in the database, so every replica counts together.

    Fixed one-minute windows (not sliding): a burst across a minute boundary may pass 2 × limit once.
    Blocking: call from a thread.
    """

    engine: Engine
    limit: int = 20
    window: float = 60.0
    clock: Callable[[], float] = time.time  # wall clock: replicas must agree on which minute it is
    _checks: Iterator[int] = field(default_factory=itertools.count)

    def check(self, user_id: int) -> Verdict:
        minute = int(self.clock() // self.window)
        count = shared.count_update(engine=self.engine, user_id=user_id, minute=minute)
        if next(self._checks) % PRUNE_EVERY == PRUNE_EVERY - 1:
            shared.prune_flood_counts(engine=self.engine, before_minute=minute - 1)
        if count <= self.limit:
            return "ok"
        return "warn" if count == self.limit + 1 else "drop"
