"""Where an update came from (chat, message, sender), checked once so handlers need no None tests."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Chat, Message, Update, User


@dataclass(frozen=True, slots=True)
class Origin:
    chat: Chat
    message: Message
    user: User | None

    @property
    def user_id(self) -> int | None:
        return self.user.id if self.user else None


def origin(update: Update) -> Origin | None:
    """The chat and the message to reply to (a button's own message for callbacks); None if there is none."""
    message = update.effective_message
    chat = update.effective_chat
    if not isinstance(message, Message) or chat is None:
        return None
    return Origin(chat, message, update.effective_user)
