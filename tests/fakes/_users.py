"""Simulated users: each action queues the update Telegram would deliver to the bot.

Who and where: ``chat_type=None`` means the chat's known type, else private for a positive id,
supergroup for ``-100...`` and group for other negative ids. The sender defaults to the chat's
user in private chats and to DEFAULT_GROUP_USER_ID elsewhere. These methods are synchronous and
must run on the server's event loop thread (see ThreadedFakeBotAPI for other threads).
"""

from __future__ import annotations

import mimetypes
from typing import Any

from ._html import utf16_len
from ._state import DEFAULT_GROUP_USER_ID, ChatId, FakeState, chat_key, infer_chat_type, now

Update = dict[str, Any]
_FAKE_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00fake-photo\xff\xd9"
_FAKE_WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 fake-sticker"


class UserActions:
    """Mixed into FakeBotAPI: the user side of the conversation."""

    state: FakeState

    def push_update(self, update: Update) -> Update:
        """Queue any raw update dict; an update_id is assigned unless present. Returns the update."""
        return self.state.updates.push(update)

    def send_text(
        self,
        chat_id: ChatId,
        text: str,
        *,
        user_id: int | None = None,
        chat_type: str | None = None,
        username: str | None = None,
        title: str | None = None,
        reply_to_message_id: int | None = None,
        entities: list[dict[str, Any]] | None = None,
    ) -> Update:
        """A user writes ``text`` in ``chat_id`` (a private chat's id is its user's id)."""
        content: dict[str, Any] = {"text": text}
        if entities:
            content["entities"] = entities
        message = self._user_message(
            chat_id,
            content,
            user_id=user_id,
            chat_type=chat_type,
            username=username,
            title=title,
            reply_to_message_id=reply_to_message_id,
        )
        return self.push_update({"message": message})

    def send_command(
        self,
        chat_id: ChatId,
        command: str,
        *,
        user_id: int | None = None,
        chat_type: str | None = None,
        username: str | None = None,
        title: str | None = None,
        reply_to_message_id: int | None = None,
    ) -> Update:
        """A user sends ``"/cmd[@bot] args"``, with the bot_command entity Telegram adds."""
        if not command.startswith("/"):
            raise ValueError(f"a command starts with '/': {command!r}")
        name = command.split(maxsplit=1)[0]
        entity = {"type": "bot_command", "offset": 0, "length": utf16_len(name)}
        return self.send_text(
            chat_id,
            command,
            user_id=user_id,
            chat_type=chat_type,
            username=username,
            title=title,
            reply_to_message_id=reply_to_message_id,
            entities=[entity],
        )

    def press_button(
        self, chat_id: ChatId, message_id: int, data: str, *, user_id: int | None = None, strict: bool = True
    ) -> Update:
        """A user presses the inline button with ``callback_data == data`` under a bot message."""
        key = chat_key(chat_id)
        message = self.state.chats.get(key, message_id)
        if message is None:
            raise ValueError(f"no message {message_id} in chat {chat_id}")
        rows = message.get("reply_markup", {}).get("inline_keyboard", [])
        offered = [button.get("callback_data") for row in rows for button in row]
        if strict and data not in offered:
            raise ValueError(f"message {message_id} in chat {chat_id} has no button {data!r}; it offers {offered}")
        sender = self._sender(key, self._chat_type(key, None), user_id, None)
        query_id = f"cbq{len(self.state.callback_queries) + 1}"
        self.state.callback_queries.add(query_id)
        query = {
            "id": query_id,
            "from": sender,
            "message": message,
            "chat_instance": f"ci{key}",
            "data": data,
        }
        return self.push_update({"callback_query": query})

    def send_sticker(
        self, chat_id: ChatId, *, emoji: str = "👍", user_id: int | None = None, chat_type: str | None = None
    ) -> Update:
        """A user sends a regular sticker."""
        stored = self.state.files.add(_FAKE_WEBP, folder="stickers", file_name="sticker.webp", mime_type="image/webp")
        sticker = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "file_size": len(stored.content),
        }
        message = self._user_message(chat_id, {"sticker": sticker}, user_id=user_id, chat_type=chat_type)
        return self.push_update({"message": message})

    def send_photo_from_user(
        self,
        chat_id: ChatId,
        content: bytes = _FAKE_JPEG,
        *,
        caption: str | None = None,
        user_id: int | None = None,
        chat_type: str | None = None,
    ) -> Update:
        """A user sends a photo; its bytes are downloadable through getFile."""
        stored = self.state.files.add(content, folder="photos", file_name="photo.jpg", mime_type="image/jpeg")
        body: dict[str, Any] = {"photo": stored.as_photo()}
        if caption:
            body["caption"] = caption
        message = self._user_message(chat_id, body, user_id=user_id, chat_type=chat_type)
        return self.push_update({"message": message})

    def send_document(
        self,
        chat_id: ChatId,
        filename: str,
        content: bytes,
        mime_type: str | None = None,
        *,
        caption: str | None = None,
        user_id: int | None = None,
        chat_type: str | None = None,
    ) -> Update:
        """A user sends a file; getFile gives ``documents/file_N<suffix>`` with these bytes."""
        mime = mime_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        stored = self.state.files.add(content, folder="documents", file_name=filename, mime_type=mime)
        body: dict[str, Any] = {"document": stored.as_document()}
        if caption:
            body["caption"] = caption
        message = self._user_message(chat_id, body, user_id=user_id, chat_type=chat_type)
        return self.push_update({"message": message})

    def edit_user_message(
        self, chat_id: ChatId, message_id: int, text: str, *, entities: list[dict[str, Any]] | None = None
    ) -> Update:
        """A user edits their earlier text message: an edited_message update."""
        key = chat_key(chat_id)
        current = self.state.chats.get(key, message_id)
        if current is None or current.get("from", {}).get("id") == self.state.bot_user["id"]:
            raise ValueError(f"no user message {message_id} in chat {chat_id}")
        edited = {k: v for k, v in current.items() if k != "entities"}
        edited.update(text=text, edit_date=now())
        if entities:
            edited["entities"] = entities
        self.state.chats.store(edited)
        return self.push_update({"edited_message": edited})

    def new_chat_members(
        self,
        chat_id: ChatId,
        user_ids: list[int],
        *,
        by_user_id: int | None = None,
        chat_type: str | None = None,
        title: str | None = None,
    ) -> Update:
        """Users (or the bot, by its id) join a group; the service message Telegram sends."""
        key = chat_key(chat_id)
        kind = self._chat_type(key, chat_type)
        kind = "group" if kind == "private" else kind
        bot_id = self.state.bot_user["id"]
        members = [dict(self.state.bot_user) if uid == bot_id else self.state.chats.user(uid) for uid in user_ids]
        sender = by_user_id if by_user_id is not None else user_ids[0]
        body = {"new_chat_members": members, "new_chat_member": members[0]}
        message = self._user_message(key, body, user_id=sender, chat_type=kind, title=title)
        return self.push_update({"message": message})

    def channel_post(
        self, chat_id: ChatId, text: str, *, title: str | None = None, username: str | None = None
    ) -> Update:
        """A post in a channel the bot administers: no ``from``, ``sender_chat`` is the channel."""
        key = chat_key(chat_id)
        chat = self.state.chats.enter_chat(key, "channel", title=title)
        if username:
            chat["username"] = username
            self.state.chats.chats[key] = dict(chat)
        message = {
            "message_id": self.state.chats.next_message_id(key),
            "date": now(),
            "chat": chat,
            "sender_chat": chat,
            "text": text,
        }
        return self.push_update({"channel_post": self.state.chats.store(message)})

    # --- helpers ---------------------------------------------------------------------------------

    def _chat_type(self, chat_id: ChatId, chat_type: str | None) -> str:
        known = self.state.chats.chats.get(chat_id, {}).get("type")
        return chat_type or known or infer_chat_type(chat_id)

    def _sender(self, chat_id: ChatId, kind: str, user_id: int | None, username: str | None) -> dict[str, Any]:
        if user_id is None:
            user_id = int(chat_id) if kind == "private" else DEFAULT_GROUP_USER_ID
        return self.state.chats.user(user_id, username=username)

    def _user_message(
        self,
        chat_id: ChatId,
        content: dict[str, Any],
        *,
        user_id: int | None,
        chat_type: str | None,
        username: str | None = None,
        title: str | None = None,
        reply_to_message_id: int | None = None,
    ) -> dict[str, Any]:
        key = chat_key(chat_id)
        kind = self._chat_type(key, chat_type)
        sender = self._sender(key, kind, user_id, username)
        chat = self.state.chats.enter_chat(key, kind, title=title, user=sender if kind == "private" else None)
        message: dict[str, Any] = {
            "message_id": self.state.chats.next_message_id(key),
            "from": sender,
            "chat": chat,
            "date": now(),
            **content,
        }
        if reply_to_message_id is not None:
            target = self.state.chats.get(key, reply_to_message_id)
            if target is None:
                raise ValueError(f"no message {reply_to_message_id} in chat {chat_id} to reply to")
            message["reply_to_message"] = {k: v for k, v in target.items() if k != "reply_to_message"}
        return self.state.chats.store(message)
