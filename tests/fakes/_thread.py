"""Run a FakeBotAPI in a background thread with its own event loop.

For a bot in a subprocess (or a benchmark loop) the fake must keep serving while the main thread
blocks. Every call into the fake goes through ``call``/``acall``, which run it on the server loop,
so the simulation methods stay single-threaded.
"""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ._state import Call, ChatId, SentMessage
    from ._wire import Fault
    from .botapi import FakeBotAPI

T = TypeVar("T")
_CALL_LIMIT = 120.0  # seconds; a safety net so a wedged loop fails a test instead of hanging it


class ThreadedFakeBotAPI:
    """A handle on a FakeBotAPI served from a daemon thread; a sync context manager."""

    def __init__(self, api: FakeBotAPI) -> None:
        self.api = api
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, name="FakeBotAPI", daemon=True)
        self._thread.start()
        try:
            self.call(api.start)
        except BaseException:
            self._close_loop()
            raise

    @property
    def url(self) -> str:
        return self.api.url

    @property
    def base_url(self) -> str:
        return self.api.base_url

    @property
    def base_file_url(self) -> str:
        return self.api.base_file_url

    def call(self, func: Callable[..., T | Awaitable[T]], /, *args: Any, **kwargs: Any) -> T:
        """Run ``func(*args, **kwargs)`` on the server loop (awaiting it if needed) and return the result."""
        return asyncio.run_coroutine_threadsafe(self._run(func, args, kwargs), self._loop).result(_CALL_LIMIT)

    async def acall(self, func: Callable[..., T | Awaitable[T]], /, *args: Any, **kwargs: Any) -> T:
        """``call`` for code running in another event loop: awaits instead of blocking."""
        future = asyncio.run_coroutine_threadsafe(self._run(func, args, kwargs), self._loop)
        return await asyncio.wait_for(asyncio.wrap_future(future), _CALL_LIMIT)

    @staticmethod
    async def _run(func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        result = func(*args, **kwargs)
        return await result if inspect.isawaitable(result) else result

    # Thin sync wrappers for the common actions; anything else: handle.call(handle.api.<method>, ...).

    def send_text(self, chat_id: ChatId, text: str, **kwargs: Any) -> dict[str, Any]:
        return self.call(self.api.send_text, chat_id, text, **kwargs)

    def send_command(self, chat_id: ChatId, command: str, **kwargs: Any) -> dict[str, Any]:
        return self.call(self.api.send_command, chat_id, command, **kwargs)

    def press_button(self, chat_id: ChatId, message_id: int, data: str, **kwargs: Any) -> dict[str, Any]:
        return self.call(self.api.press_button, chat_id, message_id, data, **kwargs)

    def send_document(
        self, chat_id: ChatId, filename: str, content: bytes, mime_type: str | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        return self.call(self.api.send_document, chat_id, filename, content, mime_type, **kwargs)

    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        return self.call(self.api.push_update, update)

    def inject_fault(self, method: str, **kwargs: Any) -> Fault:
        return self.call(self.api.inject_fault, method, **kwargs)

    def messages_to(self, chat_id: ChatId, *, include_edits: bool = False) -> list[SentMessage]:
        return self.call(self.api.messages_to, chat_id, include_edits=include_edits)

    def calls(self) -> list[Call]:
        """A snapshot of the calls so far."""
        return self.call(lambda: list(self.api.calls))

    def wait_for_message(self, chat_id: ChatId, **kwargs: Any) -> list[SentMessage]:
        """Block this thread until the messages arrive (see FakeBotAPI.wait_for_message)."""
        return self.call(self.api.wait_for_message, chat_id, **kwargs)

    def stop(self) -> None:
        """Stop the server, the loop and the thread. Idempotent."""
        if not self._thread.is_alive():
            return
        try:
            self.call(self.api.stop)
        finally:
            self._close_loop()

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_forever()
        finally:
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
            self._loop.close()

    def _close_loop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=_CALL_LIMIT)

    def __enter__(self) -> ThreadedFakeBotAPI:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
