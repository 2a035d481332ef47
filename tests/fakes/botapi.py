"""A fake Telegram Bot API server on 127.0.0.1, so end-to-end tests run PTB's real HTTP stack.

PTB 22.8 builds its URLs as ``base_url + token`` (``telegram._bot._parse_base_url``; a ``{token}``
placeholder is substituted instead when present) and then appends ``"/" + method``. So with
``.base_url(fake.base_url).base_file_url(fake.base_file_url)`` the server must answer:

    POST|GET  {url}/bot{token}/{method}          every Bot API call (method name case-insensitive)
    GET       {url}/file/bot{token}/{file_path}  file downloads; getFile hands out file_path

Any token is accepted. Typical use with pytest-asyncio::

    async with FakeBotAPI() as fake:
        app = Application.builder().token("1:T").base_url(fake.base_url) \\
            .base_file_url(fake.base_file_url).build()
        ...
        fake.send_command(42, "/start")
        [reply] = await fake.wait_for_message(42, contains="欢迎")

Faults map to PTB exceptions: retry_after→RetryAfter, forbidden→Forbidden, chat_not_found→
BadRequest, server_error (HTTP 500)→NetworkError, timeout→TimedOut (the call still takes effect
once ``delay`` has passed, as a slow Telegram would), network (connection dropped)→NetworkError.

Threads: the fake belongs to the loop that started it, and its simulation methods are plain
synchronous calls for that loop's thread. For a bot in a subprocess use ``run_in_thread()`` and
drive the fake through the handle (``handle.send_text(...)``, ``handle.call(handle.api.x, ...)``).
Recorded ``SentMessage.text`` is what the user sees (HTML parsed away); ``raw_text`` is as sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from aiohttp import web

from ._methods import BotApiMethods
from ._state import Call, ChatId, FakeState, SentMessage, chat_key
from ._users import UserActions
from ._wire import ApiError, Fault, FaultKind, FaultPlan, ok, read_params

if TYPE_CHECKING:
    from ._thread import ThreadedFakeBotAPI

__all__ = ["BOT_USER", "TEST_TOKEN", "Call", "FakeBotAPI", "Fault", "SentMessage"]

T = TypeVar("T")
TEST_TOKEN = "123456:TEST-token_for-regionbot"  # any token works; this one looks like a real one
BOT_USER: dict[str, Any] = {
    "id": 999,
    "is_bot": True,
    "first_name": "RegionBot",
    "username": "regionbot_test_bot",
}
_LOGGER = logging.getLogger(__name__)
_MAX_UPLOAD = 64 * 1024 * 1024


class FakeBotAPI(UserActions):
    """The fake server plus the recorded traffic and the user-simulation helpers."""

    def __init__(self, *, latency: float = 0.0) -> None:
        self.latency = latency
        self.state = FakeState(dict(BOT_USER))
        self.faults = FaultPlan()
        self._methods = BotApiMethods(self.state)
        self._runner: web.AppRunner | None = None
        self._url: str | None = None
        self._closing = asyncio.Event()

    # --- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on 127.0.0.1 on a free port."""
        if self._runner is not None:
            raise RuntimeError("FakeBotAPI is already running")
        self._closing = asyncio.Event()
        self.state.updates.reopen()
        app = web.Application(client_max_size=_MAX_UPLOAD)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_method)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._handle_file)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=2.0)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        host, port = runner.addresses[0][:2]
        self._runner, self._url = runner, f"http://{host}:{port}"

    async def stop(self) -> None:
        """Release pending long polls and delays, then close the server. Idempotent."""
        runner, self._runner = self._runner, None
        if runner is None:
            return
        self._closing.set()
        self.state.updates.close()
        await runner.cleanup()
        self._url = None

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    def run_in_thread(self) -> ThreadedFakeBotAPI:
        """Serve from a daemon thread with its own loop (for subprocess bots and benchmarks)."""
        from ._thread import ThreadedFakeBotAPI

        return ThreadedFakeBotAPI(self)

    # --- addresses and records -----------------------------------------------------------------

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT`` while running."""
        if self._url is None:
            raise RuntimeError("FakeBotAPI is not started")
        return self._url

    @property
    def base_url(self) -> str:
        """What to pass to ``ApplicationBuilder.base_url``."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """What to pass to ``ApplicationBuilder.base_file_url``."""
        return f"{self.url}/file/bot"

    @property
    def bot_user(self) -> dict[str, Any]:
        return dict(self.state.bot_user)

    @property
    def calls(self) -> list[Call]:
        """Every Bot API request, in arrival order (faulted ones have ``fault`` set)."""
        return self.state.calls

    @property
    def sent(self) -> list[SentMessage]:
        """Every message the bot sent or edited, in order."""
        return self.state.sent

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates queued and not yet confirmed by the bot."""
        return list(self.state.updates.pending)

    def calls_of(self, method: str) -> list[Call]:
        """Calls of one Bot API method (case-insensitive)."""
        return [call for call in self.state.calls if call.method.lower() == method.lower()]

    def messages_to(self, chat_id: ChatId, *, include_edits: bool = False) -> list[SentMessage]:
        """Messages the bot sent to ``chat_id``, oldest first."""
        key = chat_key(chat_id)
        return [m for m in self.state.sent if m.chat_id == key and (include_edits or not m.edited)]

    def message(self, chat_id: ChatId, message_id: int) -> dict[str, Any] | None:
        """The current state of any message in a chat (after edits; None once deleted)."""
        return self.state.chats.get(chat_key(chat_id), message_id)

    def commands(self, *, scope: dict[str, Any] | None = None, language_code: str = "") -> list[dict[str, Any]]:
        """The bot's command list as last set for this scope and language."""
        key = BotApiMethods.commands_key({"scope": scope, "language_code": language_code})
        return list(self.state.commands.get(key, []))

    def mark(self) -> int:
        """A position in ``sent``; pass it as ``since=`` to wait only for later messages."""
        return len(self.state.sent)

    # --- configuration -----------------------------------------------------------------------------

    def set_chat_admins(self, chat_id: ChatId, user_ids: list[int], *, owner_id: int | None = None) -> None:
        """getChatMember/getChatAdministrators answers for a group; others stay "member"."""
        key = chat_key(chat_id)
        self.state.chats.admins[key] = list(user_ids)
        if owner_id is not None:
            self.state.chats.owners[key] = owner_id

    def inject_fault(
        self,
        method: str,
        *,
        kind: FaultKind,
        chat_id: ChatId | None = None,
        times: int | None = 1,
        retry_after: int = 1,
        delay: float = 3.0,
    ) -> Fault:
        """Make the next ``times`` matching calls fail (``method="*"`` matches all, ``times=None`` forever).

        ``delay`` is how long a "timeout" fault stalls; keep it above the client's read timeout.
        """
        fault = Fault(method, kind, chat_id=chat_id, times=times, retry_after=retry_after, delay=delay)
        return self.faults.add(fault)

    @property
    def faults_fired(self) -> int:
        return self.faults.fired

    # --- waiting ---------------------------------------------------------------------------------------

    async def wait_for(self, predicate: Callable[[], T], timeout: float = 5.0, *, what: str = "") -> T:
        """Wait until ``predicate()`` is truthy (re-checked after every call and message); return it."""
        try:
            return await self.state.changed.wait_until(predicate, timeout)
        except TimeoutError:
            label = what or getattr(predicate, "__name__", "predicate")
            raise TimeoutError(f"timed out after {timeout}s waiting for {label}; {self._summary()}") from None

    async def wait_for_message(
        self,
        chat_id: ChatId,
        *,
        count: int = 1,
        timeout: float = 5.0,
        contains: str | None = None,
        include_edits: bool = False,
        since: int = 0,
    ) -> list[SentMessage]:
        """Wait until ``count`` bot messages to the chat (from ``sent[since:]``) match; return them all."""
        if count < 1:
            raise ValueError("count must be at least 1")
        key = chat_key(chat_id)

        def matching() -> list[SentMessage]:
            found = [
                m
                for m in self.state.sent[since:]
                if m.chat_id == key
                and (include_edits or not m.edited)
                and (contains is None or contains in (m.text or ""))
            ]
            return found if len(found) >= count else []

        containing = f" containing {contains!r}" if contains is not None else ""
        return await self.wait_for(matching, timeout, what=f"{count} message(s) to chat {key}{containing}")

    def _summary(self) -> str:
        recent_sent = [(m.chat_id, m.method, (m.text or "")[:60]) for m in self.state.sent[-5:]]
        recent_calls = [c.method + (f"[{c.fault}]" if c.fault else "") for c in self.state.calls[-8:]]
        return f"last messages: {recent_sent}; last calls: {recent_calls}"

    # --- HTTP ------------------------------------------------------------------------------------------

    async def _handle_method(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        try:
            params, files = await read_params(request)
        except (ApiError, ValueError) as exc:
            error = exc if isinstance(exc, ApiError) else ApiError(400, f"Bad Request: {exc}")
            return error.response()
        fault = self.faults.take(method, params)
        self.state.record_call(Call(method, params, files, fault=fault.kind if fault else None))
        try:
            await self._pause(self.latency)
            if fault is not None:
                dropped = await self._fire(fault, request)
                if dropped is not None:
                    return dropped
            return ok(await self._methods.call(method, params, files))
        except ApiError as exc:
            self.state.rejected.append((method, exc.description))
            return exc.response()
        except (KeyError, TypeError, ValueError) as exc:
            _LOGGER.warning("FakeBotAPI refused %s(%r): %r", method, params, exc)
            return ApiError(400, f"Bad Request: invalid parameters ({exc!r})").response()
        finally:
            self.state.changed.notify()

    async def _fire(self, fault: Fault, request: web.Request) -> web.StreamResponse | None:
        """Apply a fault: raise its ApiError, drop the connection, or stall and then carry on."""
        if fault.kind == "timeout":
            await self._pause(fault.delay)
            return None
        if fault.kind == "network":
            if request.transport is not None:
                request.transport.abort()
            return web.Response(status=500)
        raise fault.error()

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        stored = self.state.files.by_path(request.match_info["file_path"])
        if stored is None:
            return ApiError(404, "Not Found").response()
        return web.Response(body=stored.content, headers={"Content-Type": stored.mime_type})

    async def _pause(self, seconds: float) -> None:
        """Sleep, but wake at once when the server stops so shutdown never waits on a fault."""
        if seconds <= 0:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._closing.wait(), seconds)
