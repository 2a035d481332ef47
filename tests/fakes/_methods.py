"""The Bot API methods the fake implements, each turning decoded parameters into a ``result``.

Errors are raised as ApiError with the description the real server gives. Method names are
matched case-insensitively, as Telegram does; unknown methods are 404 "Not Found: method not found".
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Awaitable, Callable
from typing import Any

from ._html import render_text
from ._state import ChatId, FakeState, SentMessage, StoredFile, chat_key, now
from ._wire import ApiError, UploadedFile

Params = dict[str, Any]
Files = dict[str, UploadedFile]
Handler = Callable[[Params, Files], Awaitable[Any]]

_MAX_TEXT = 4096
_MAX_CAPTION = 1024
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_CHAT_ACTIONS = frozenset(
    [
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    ]
)
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
# Accepted and recorded, with no further effect in the fake.
_NO_OP_METHODS = [
    "logOut",
    "close",
    "pinChatMessage",
    "unpinChatMessage",
    "setMyDescription",
    "setMyShortDescription",
    "setMyName",
    "setChatMenuButton",
    "leaveChat",
]


def _required(params: Params, name: str) -> Any:
    value = params.get(name)
    if value is None or value == "":
        raise ApiError(400, f"Bad Request: {name} is empty")
    return value


def _inline_markup(params: Params) -> dict[str, Any] | None:
    markup = params.get("reply_markup")
    return markup if isinstance(markup, dict) and "inline_keyboard" in markup else None


def _content(message: dict[str, Any]) -> tuple[Any, ...]:
    keys = ("text", "caption", "entities", "caption_entities", "reply_markup")
    return tuple(message.get(key) or None for key in keys)


class BotApiMethods:
    """Implements Bot API methods against a FakeState."""

    def __init__(self, state: FakeState) -> None:
        self.state = state
        self._handlers: dict[str, Handler] = {
            "getme": self.get_me,
            "getupdates": self.get_updates,
            "setwebhook": self.set_webhook,
            "deletewebhook": self.delete_webhook,
            "getwebhookinfo": self.get_webhook_info,
            "sendmessage": self.send_message,
            "editmessagetext": self.edit_message_text,
            "editmessagecaption": self.edit_message_caption,
            "editmessagereplymarkup": self.edit_message_reply_markup,
            "deletemessage": self.delete_message,
            "answercallbackquery": self.answer_callback_query,
            "sendchataction": self.send_chat_action,
            "setmycommands": self.set_my_commands,
            "getmycommands": self.get_my_commands,
            "deletemycommands": self.delete_my_commands,
            "getfile": self.get_file,
            "senddocument": self.send_document,
            "sendphoto": self.send_photo,
            "getchat": self.get_chat,
            "getchatmember": self.get_chat_member,
            "getchatadministrators": self.get_chat_administrators,
        }
        for name in _NO_OP_METHODS:
            self._handlers[name.lower()] = self.accept

    async def call(self, method: str, params: Params, files: Files) -> Any:
        """Run one method; ApiError for unknown methods and refused calls."""
        handler = self._handlers.get(method.lower())
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        return await handler(params, files)

    # --- bot identity, updates and webhook -------------------------------------------------

    async def accept(self, params: Params, files: Files) -> bool:
        return True

    async def get_me(self, params: Params, files: Files) -> dict[str, Any]:
        return {
            **self.state.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def get_updates(self, params: Params, files: Files) -> list[dict[str, Any]]:
        if self.state.webhook.get("url"):
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = params.get("offset")
        return await self.state.updates.fetch(
            offset=None if offset is None else int(offset),
            limit=int(params.get("limit") or 100),
            timeout=float(params.get("timeout") or 0),
        )

    async def set_webhook(self, params: Params, files: Files) -> bool:
        self.state.webhook = dict(params) if params.get("url") else {}
        return True

    async def delete_webhook(self, params: Params, files: Files) -> bool:
        if params.get("drop_pending_updates"):
            self.state.updates.pending.clear()
        self.state.webhook = {}
        return True

    async def get_webhook_info(self, params: Params, files: Files) -> dict[str, Any]:
        info = {
            "url": self.state.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self.state.updates.pending),
        }
        for key in ("max_connections", "allowed_updates", "ip_address"):
            if key in self.state.webhook:
                info[key] = self.state.webhook[key]
        return info

    # --- messages ----------------------------------------------------------------------------

    async def send_message(self, params: Params, files: Files) -> dict[str, Any]:
        chat_id = chat_key(_required(params, "chat_id"))
        raw = str(params.get("text") or "")
        text, entities = render_text(raw, params.get("parse_mode"), params.get("entities"))
        self._check_text(text)
        content: dict[str, Any] = {"text": text}
        if entities:
            content["entities"] = entities
        message = self._new_message(chat_id, params, content)
        self._record("sendMessage", message, raw, params)
        return message

    async def edit_message_text(self, params: Params, files: Files) -> dict[str, Any] | bool:
        raw = str(params.get("text") or "")
        text, entities = render_text(raw, params.get("parse_mode"), params.get("entities"))
        self._check_text(text)
        return self._edit("editMessageText", params, {"text": text, "entities": entities or None}, raw)

    async def edit_message_caption(self, params: Params, files: Files) -> dict[str, Any] | bool:
        raw = str(params.get("caption") or "")
        caption, entities = render_text(raw, params.get("parse_mode"), params.get("caption_entities"))
        if len(caption) > _MAX_CAPTION:
            raise ApiError(400, "Bad Request: message caption is too long")
        changes = {"caption": caption or None, "caption_entities": entities or None}
        return self._edit("editMessageCaption", params, changes, raw)

    async def edit_message_reply_markup(self, params: Params, files: Files) -> dict[str, Any] | bool:
        return self._edit("editMessageReplyMarkup", params, {}, None)

    async def delete_message(self, params: Params, files: Files) -> bool:
        chat_id = chat_key(_required(params, "chat_id"))
        if self.state.chats.pop(chat_id, int(_required(params, "message_id"))) is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        return True

    async def send_document(self, params: Params, files: Files) -> dict[str, Any]:
        return self._send_media("sendDocument", params, files, field="document", folder="documents")

    async def send_photo(self, params: Params, files: Files) -> dict[str, Any]:
        return self._send_media("sendPhoto", params, files, field="photo", folder="photos")

    # --- interaction ---------------------------------------------------------------------------

    async def answer_callback_query(self, params: Params, files: Files) -> bool:
        query_id = str(_required(params, "callback_query_id"))
        if query_id not in self.state.callback_queries:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        self.state.answered_callbacks[query_id] = dict(params)
        return True

    async def send_chat_action(self, params: Params, files: Files) -> bool:
        _required(params, "chat_id")
        if params.get("action") not in _CHAT_ACTIONS:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    async def set_my_commands(self, params: Params, files: Files) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise ApiError(400, "Bad Request: can't parse commands JSON object")
        for command in commands:
            if not _COMMAND_RE.match(str(command.get("command", ""))):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise ApiError(400, "Bad Request: command description is empty or too long")
        self.state.commands[self.commands_key(params)] = [dict(c) for c in commands]
        return True

    async def get_my_commands(self, params: Params, files: Files) -> list[dict[str, Any]]:
        return list(self.state.commands.get(self.commands_key(params), []))

    async def delete_my_commands(self, params: Params, files: Files) -> bool:
        self.state.commands.pop(self.commands_key(params), None)
        return True

    @staticmethod
    def commands_key(params: Params) -> tuple[str, str]:
        """Commands are kept per (scope, language_code), like Telegram's."""
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    # --- files and chats -------------------------------------------------------------------------

    async def get_file(self, params: Params, files: Files) -> dict[str, Any]:
        stored = self.state.files.by_id(str(_required(params, "file_id")))
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        return stored.as_file()

    async def get_chat(self, params: Params, files: Files) -> dict[str, Any]:
        chat = self.state.chats.chat(chat_key(_required(params, "chat_id")))
        gift_kinds = "unlimited_gifts limited_gifts unique_gifts premium_subscription gifts_from_channels"
        gifts = dict.fromkeys(gift_kinds.split(), False)
        return {**chat, "accent_color_id": 0, "max_reaction_count": 11, "accepted_gift_types": gifts}

    async def get_chat_member(self, params: Params, files: Files) -> dict[str, Any]:
        chat_id = chat_key(_required(params, "chat_id"))
        return self.state.chats.member(chat_id, int(_required(params, "user_id")))

    async def get_chat_administrators(self, params: Params, files: Files) -> list[dict[str, Any]]:
        return self.state.chats.administrators(chat_key(_required(params, "chat_id")))

    # --- helpers ------------------------------------------------------------------------------------

    @staticmethod
    def _check_text(text: str) -> None:
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text) > _MAX_TEXT:
            raise ApiError(400, "Bad Request: message is too long")

    def _new_message(self, chat_id: ChatId, params: Params, content: dict[str, Any]) -> dict[str, Any]:
        """Store and return a new bot message; the reply target is checked before a number is used."""
        reply_to = self._reply_target(chat_id, params)
        chats = self.state.chats
        message: dict[str, Any] = {
            "message_id": chats.next_message_id(chat_id),
            "date": now(),
            "chat": chats.chat(chat_id),
            "from": dict(self.state.bot_user),
            **content,
        }
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        markup = _inline_markup(params)
        if markup is not None:
            message["reply_markup"] = markup
        return chats.store(message)

    def _reply_target(self, chat_id: ChatId, params: Params) -> dict[str, Any] | None:
        reply = params.get("reply_parameters")
        reply = reply if isinstance(reply, dict) else {}
        target_id = reply.get("message_id", params.get("reply_to_message_id"))
        if target_id is None:
            return None
        target = self.state.chats.get(chat_key(reply.get("chat_id", chat_id)), int(target_id))
        if target is None:
            if reply.get("allow_sending_without_reply") or params.get("allow_sending_without_reply"):
                return None
            raise ApiError(400, "Bad Request: message to be replied not found")
        return {k: v for k, v in target.items() if k != "reply_to_message"}

    def _edit(self, method: str, params: Params, changes: dict[str, Any], raw: str | None) -> dict[str, Any] | bool:
        if params.get("inline_message_id"):
            return True
        chat_id = chat_key(_required(params, "chat_id"))
        current = self.state.chats.get(chat_id, int(_required(params, "message_id")))
        if current is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if current.get("from", {}).get("id") != self.state.bot_user["id"]:
            raise ApiError(400, "Bad Request: message can't be edited")
        if "caption" in changes and "text" in current:
            raise ApiError(400, "Bad Request: there is no caption in the message to edit")
        if "text" in changes and "text" not in current:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        # Like Telegram, an edit without reply_markup drops the inline keyboard.
        updated = {k: v for k, v in current.items() if k not in ("reply_markup", "edit_date")}
        updated.update({k: v for k, v in changes.items() if v is not None})
        for key in [k for k, v in changes.items() if v is None]:
            updated.pop(key, None)
        markup = _inline_markup(params)
        if markup is not None:
            updated["reply_markup"] = markup
        if _content(updated) == _content(current):
            raise ApiError(400, _NOT_MODIFIED)
        updated["edit_date"] = now()
        self.state.chats.store(updated)
        self._record(method, updated, raw, params, edited=True)
        return updated

    def _send_media(self, method: str, params: Params, files: Files, *, field: str, folder: str) -> dict[str, Any]:
        chat_id = chat_key(_required(params, "chat_id"))
        stored = self._input_file(params, files, field=field, folder=folder)
        raw = params.get("caption")
        content: dict[str, Any] = {field: stored.as_photo() if field == "photo" else stored.as_document()}
        if raw:
            caption, entities = render_text(str(raw), params.get("parse_mode"), params.get("caption_entities"))
            if len(caption) > _MAX_CAPTION:
                raise ApiError(400, "Bad Request: message caption is too long")
            content["caption"] = caption
            if entities:
                content["caption_entities"] = entities
        message = self._new_message(chat_id, params, content)
        self._record(method, message, None if raw is None else str(raw), params)
        return message

    def _input_file(self, params: Params, files: Files, *, field: str, folder: str) -> StoredFile:
        """An upload (direct or attach://), a known file_id, or an HTTP URL (stored empty)."""
        value = params.get(field)
        upload = files.get(field)
        if upload is None and isinstance(value, str) and value.startswith("attach://"):
            upload = files.get(value.removeprefix("attach://"))
        store = self.state.files
        if upload is not None:
            mime = upload.content_type or "application/octet-stream"
            return store.add(upload.content, folder=folder, file_name=upload.filename or field, mime_type=mime)
        if not isinstance(value, str) or not value:
            raise ApiError(400, f"Bad Request: there is no {field} in the request")
        known = store.by_id(value)
        if known is not None:
            return known
        if value.startswith(("http://", "https://")):
            name = value.rstrip("/").rsplit("/", 1)[-1] or field
            return store.add(b"", folder=folder, file_name=name, mime_type="application/octet-stream")
        raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")

    def _record(
        self, method: str, message: dict[str, Any], raw: str | None, params: Params, *, edited: bool = False
    ) -> None:
        self.state.record_sent(
            SentMessage(
                method=method,
                chat_id=message["chat"]["id"],
                message_id=message["message_id"],
                text=message.get("text", message.get("caption")),
                raw_text=raw,
                parse_mode=params.get("parse_mode"),
                reply_markup=params.get("reply_markup") if not edited else message.get("reply_markup"),
                message=copy.deepcopy(message),
                edited=edited,
            )
        )
