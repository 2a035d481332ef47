"""What the fake Bot API remembers: updates waiting for the bot, chats, messages, files, calls.

Everything here lives in the server's event loop; nothing is thread-safe on its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, TypeVar

from ._wire import ApiError, UploadedFile

ChatId = int | str
T = TypeVar("T")

DEFAULT_GROUP_USER_ID = 1001
_CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
_ADMIN_RIGHTS = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_pin_messages": True,
}


def now() -> int:
    """Unix time, as Telegram stamps messages."""
    return int(time.time())


def chat_key(value: Any) -> ChatId:
    """Normalise a chat_id parameter: numeric ids become int, ``@username`` stays a string."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return str(value)


class Signal:
    """Wakes every waiter when state changes; ``notify`` is synchronous so plain methods can call it."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_until(self, predicate: Callable[[], T], timeout: float) -> T:
        """Return the first truthy ``predicate()``, re-checked on each notify; TimeoutError on expiry."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not (result := predicate()):
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError
            try:
                await asyncio.wait_for(self._event.wait(), remaining)
            except TimeoutError:
                continue
        return result


class UpdateQueue:
    """Updates not yet confirmed by the bot, served by long-polling getUpdates."""

    def __init__(self) -> None:
        self.pending: list[dict[str, Any]] = []
        self.closing = False
        self._next_id = 1
        self._signal = Signal()
        self._poll_generation = 0

    def push(self, body: dict[str, Any]) -> dict[str, Any]:
        """Queue an update, numbering it unless it already carries an update_id."""
        if "update_id" in body:
            update = dict(body)
            self._next_id = max(self._next_id, int(update["update_id"]) + 1)
        else:
            update = {"update_id": self._next_id, **body}
            self._next_id += 1
        self.pending.append(update)
        self._signal.notify()
        return update

    def confirm(self, offset: int) -> None:
        """Forget updates below ``offset``; a negative offset keeps only the last ``-offset``."""
        if offset < 0:
            self.pending = self.pending[offset:]
        else:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]

    async def fetch(self, *, offset: int | None, limit: int, timeout: float) -> list[dict[str, Any]]:
        """getUpdates: wait up to ``timeout`` s for an update; a newer poll ends this one with 409."""
        if offset is not None:
            self.confirm(offset)
        self._poll_generation += 1
        generation = self._poll_generation
        self._signal.notify()
        if timeout > 0:
            with contextlib.suppress(TimeoutError):
                await self._signal.wait_until(
                    lambda: self.pending or self.closing or generation != self._poll_generation, timeout
                )
        if generation != self._poll_generation:
            raise ApiError(409, _CONFLICT)
        return self.pending[: max(1, min(limit, 100))]

    def close(self) -> None:
        """Release waiting polls (server shutdown)."""
        self.closing = True
        self._signal.notify()

    def reopen(self) -> None:
        self.closing = False


@dataclass
class Call:
    """One Bot API request the bot made, with decoded parameters."""

    method: str
    params: dict[str, Any]
    files: dict[str, UploadedFile] = field(default_factory=dict)
    fault: str | None = None

    @property
    def chat_id(self) -> ChatId | None:
        value = self.params.get("chat_id")
        return None if value is None else chat_key(value)


@dataclass
class SentMessage:
    """A message the bot sent or edited. ``text`` is what the user sees; ``raw_text`` what was sent."""

    method: str
    chat_id: ChatId
    message_id: int
    text: str | None
    raw_text: str | None
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    message: dict[str, Any]
    edited: bool = False

    @property
    def buttons(self) -> list[dict[str, Any]]:
        """Inline keyboard buttons, row by row, flattened."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]

    @property
    def callback_data(self) -> list[str]:
        return [b["callback_data"] for b in self.buttons if "callback_data" in b]


@dataclass
class StoredFile:
    """A file known to the fake, downloadable at ``{base_file_url}{token}/{file_path}``."""

    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes
    mime_type: str
    file_name: str

    def as_file(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.content),
            "file_path": self.file_path,
        }

    def as_document(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_name": self.file_name,
            "mime_type": self.mime_type,
            "file_size": len(self.content),
        }

    def as_photo(self) -> list[dict[str, Any]]:
        size = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.content),
        }
        return [{**size, "width": 1280, "height": 720}]


class FileStore:
    """Uploaded and user-sent files by file_id and by file_path."""

    def __init__(self) -> None:
        self._by_id: dict[str, StoredFile] = {}
        self._by_path: dict[str, StoredFile] = {}

    def add(self, content: bytes, *, folder: str, file_name: str, mime_type: str) -> StoredFile:
        number = len(self._by_id) + 1
        suffix = PurePosixPath(file_name).suffix
        stored = StoredFile(
            file_id=f"fake-{folder}-{number}",
            file_unique_id=f"fakeuniq{number}",
            file_path=f"{folder}/file_{number}{suffix}",
            content=content,
            mime_type=mime_type,
            file_name=file_name,
        )
        self._by_id[stored.file_id] = stored
        self._by_path[stored.file_path] = stored
        return stored

    def by_id(self, file_id: str) -> StoredFile | None:
        return self._by_id.get(file_id)

    def by_path(self, file_path: str) -> StoredFile | None:
        return self._by_path.get(file_path)


def infer_chat_type(chat_id: ChatId) -> str:
    """Telegram's id conventions: users positive, supergroups/channels -100..., groups negative."""
    if isinstance(chat_id, str):
        return "channel"
    if chat_id > 0:
        return "private"
    return "supergroup" if str(chat_id).startswith("-100") else "group"


class ChatDirectory:
    """Chats, users, admins and the messages in each chat (user and bot messages alike)."""

    def __init__(self, bot_user: dict[str, Any]) -> None:
        self.bot_user = bot_user
        self.chats: dict[ChatId, dict[str, Any]] = {}
        self.users: dict[int, dict[str, Any]] = {bot_user["id"]: bot_user}
        self.admins: dict[ChatId, list[int]] = {}
        self.owners: dict[ChatId, int] = {}
        self.messages: dict[tuple[ChatId, int], dict[str, Any]] = {}
        self._last_message_id: dict[ChatId, int] = {}

    def chat(self, chat_id: ChatId) -> dict[str, Any]:
        """The chat object for ``chat_id``; unknown chats are inferred from the id, not refused."""
        known = self.chats.get(chat_id)
        if known is not None:
            return dict(known)
        kind = infer_chat_type(chat_id)
        if kind == "private":
            return {"id": chat_id, "type": kind, "first_name": self.user(int(chat_id))["first_name"]}
        return {"id": chat_id, "type": kind, "title": f"Test {kind} {chat_id}"}

    def enter_chat(
        self,
        chat_id: ChatId,
        chat_type: str | None,
        *,
        title: str | None = None,
        user: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Register (or refresh) a chat a simulated user writes in and return its chat object."""
        known = self.chats.get(chat_id, {})
        kind = chat_type or known.get("type") or infer_chat_type(chat_id)
        chat: dict[str, Any] = {"id": chat_id, "type": kind}
        if kind == "private":
            partner = user or self.user(int(chat_id))
            chat["first_name"] = partner["first_name"]
            if "username" in partner:
                chat["username"] = partner["username"]
        else:
            chat["title"] = title or known.get("title") or f"Test {kind} {chat_id}"
        self.chats[chat_id] = chat
        return dict(chat)

    def user(self, user_id: int, *, username: str | None = None, first_name: str | None = None) -> dict[str, Any]:
        """The user object for ``user_id``, remembering any username/first_name given."""
        default = {
            "id": user_id,
            "is_bot": False,
            "first_name": f"User {user_id}",
            "language_code": "zh-hans",
        }
        user = dict(self.users.get(user_id, default))
        if username:
            user["username"] = username
        if first_name:
            user["first_name"] = first_name
        self.users[user_id] = user
        return dict(user)

    def next_message_id(self, chat_id: ChatId) -> int:
        self._last_message_id[chat_id] = self._last_message_id.get(chat_id, 0) + 1
        return self._last_message_id[chat_id]

    def store(self, message: dict[str, Any]) -> dict[str, Any]:
        self.messages[(message["chat"]["id"], message["message_id"])] = message
        return message

    def get(self, chat_id: ChatId, message_id: int) -> dict[str, Any] | None:
        return self.messages.get((chat_id, int(message_id)))

    def pop(self, chat_id: ChatId, message_id: int) -> dict[str, Any] | None:
        return self.messages.pop((chat_id, int(message_id)), None)

    def member(self, chat_id: ChatId, user_id: int) -> dict[str, Any]:
        """ChatMember: private chats belong to their user; groups use set_chat_admins."""
        user = self.user(int(user_id))
        is_owner = self.owners.get(chat_id) == user_id or (chat_id == user_id and infer_chat_type(chat_id) == "private")
        if is_owner:
            return {"status": "creator", "user": user, "is_anonymous": False}
        if user_id in self.admins.get(chat_id, []):
            return {"status": "administrator", "user": user, **_ADMIN_RIGHTS}
        return {"status": "member", "user": user}

    def administrators(self, chat_id: ChatId) -> list[dict[str, Any]]:
        owner = self.owners.get(chat_id)
        if owner is None and infer_chat_type(chat_id) == "private":
            owner = int(chat_id)
        ids = ([owner] if owner is not None else []) + [a for a in self.admins.get(chat_id, []) if a != owner]
        return [self.member(chat_id, user_id) for user_id in ids]


class FakeState:
    """All the fake's memory in one object, shared by the server and the user simulation."""

    def __init__(self, bot_user: dict[str, Any]) -> None:
        self.bot_user = bot_user
        self.chats = ChatDirectory(bot_user)
        self.files = FileStore()
        self.updates = UpdateQueue()
        self.changed = Signal()
        self.calls: list[Call] = []
        self.sent: list[SentMessage] = []
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.webhook: dict[str, Any] = {}
        self.callback_queries: set[str] = set()
        self.answered_callbacks: dict[str, dict[str, Any]] = {}
        self.rejected: list[tuple[str, str]] = []  # (method, description) of every request answered with an error

    def record_call(self, call: Call) -> None:
        self.calls.append(call)
        self.changed.notify()

    def record_sent(self, record: SentMessage) -> None:
        self.sent.append(record)
        self.changed.notify()
