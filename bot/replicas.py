"""What lets any replica take any update: follow-up context, flood counts and button keyboards in the database."""

from __future__ import annotations

import itertools
import json
import logging
import pickle
from collections.abc import Iterator, MutableMapping
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

# PTB's own record of one keyboard; the cache keeps these in a mapping, which is what we replace.
from telegram.ext._callbackdatacache import _KeyboardData

from knowledge.qa.intents import Intent
from knowledge.qa.parse import Conversation, PeriodWanted
from knowledge.store import shared

log = logging.getLogger(__name__)
PRUNE_EVERY = 500  # writes between two prunes of a shared table


def conversation_to_json(state: Conversation) -> str:
    return json.dumps(asdict(state), ensure_ascii=False)


def conversation_from_json(text: str) -> Conversation:
    """The inverse of conversation_to_json (tuples and the nested PeriodWanted restored)."""
    raw = json.loads(text)
    period = raw.get("period")
    return Conversation(
        intent=Intent(raw["intent"]) if raw.get("intent") else None,
        region_codes=tuple(raw.get("region_codes") or ()),
        metric=raw.get("metric"),
        period=PeriodWanted(**period) if period else None,
        ranking_title=raw.get("ranking_title"),
        choices=tuple((name, question) for name, question in raw.get("choices") or ()),
    )


@dataclass
class SharedConversations:
    """Per-chat follow-up context in the conversation_state table; the chat idle longest is forgotten first."""

    engine: Engine
    keep: int = 10_000
    _writes: Iterator[int] = field(default_factory=itertools.count)

    def get(self, chat_id: int) -> Conversation | None:
        text = shared.load_conversation(engine=self.engine, chat_id=chat_id)
        if text is None:
            return None
        try:
            return conversation_from_json(text)
        except (ValueError, TypeError, KeyError):
            log.warning("chat %d: stored follow-up context does not parse; starting afresh", chat_id)
            return None

    def put(self, chat_id: int, state: Conversation) -> None:
        shared.save_conversation(engine=self.engine, chat_id=chat_id, state=conversation_to_json(state))
        if next(self._writes) % PRUNE_EVERY == PRUNE_EVERY - 1:
            shared.prune_conversations(engine=self.engine, keep=self.keep)


class SharedKeyboards(MutableMapping[str, _KeyboardData]):
    """PTB's keyboard map for arbitrary_callback_data, kept in the callback_keyboard table.

    The button objects are pickled, as PTB's own persistence does; only the bot writes this table.
    The newest `maxsize` keyboards are kept; an older button answers as expired.
    """

    def __init__(self, engine: Engine, maxsize: int) -> None:
        self.engine = engine
        self.maxsize = maxsize
        self._writes = itertools.count()

    def __getitem__(self, keyboard_uuid: str) -> _KeyboardData:
        data = shared.get_keyboard(engine=self.engine, keyboard_uuid=keyboard_uuid)
        if data is None:
            raise KeyError(keyboard_uuid)
        try:
            buttons = pickle.loads(data)  # only this bot writes the table
        except Exception as exc:  # a class renamed since: the button is stale, like an expired one
            log.warning("keyboard %s does not unpickle (%s); treating it as expired", keyboard_uuid, exc)
            raise KeyError(keyboard_uuid) from exc
        return _KeyboardData(keyboard_uuid, button_data=buttons)

    def __setitem__(self, keyboard_uuid: str, keyboard: _KeyboardData) -> None:
        shared.put_keyboard(engine=self.engine, keyboard_uuid=keyboard_uuid, data=pickle.dumps(keyboard.button_data))
        if next(self._writes) % PRUNE_EVERY == PRUNE_EVERY - 1:
            shared.keep_newest_keyboards(engine=self.engine, keep=self.maxsize)

    def __delitem__(self, keyboard_uuid: str) -> None:
        if not shared.drop_keyboards(engine=self.engine, keyboard_uuid=keyboard_uuid):
            raise KeyError(keyboard_uuid)

    def __iter__(self) -> Iterator[str]:
        return iter(shared.keyboard_uuids(engine=self.engine))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def clear(self) -> None:
        shared.drop_keyboards(engine=self.engine)


def share_keyboards(bot: Any, engine: Engine, maxsize: int) -> None:
    """Make `bot`'s arbitrary_callback_data cache resolve buttons made by any replica on `engine`."""
    cache = bot.callback_data_cache
    if cache is None:
        raise ValueError("the bot was built without arbitrary_callback_data")
    # PTB offers no hook for the cache's storage; its keyboard map is the one attribute swapped here.
    cache._keyboard_data = SharedKeyboards(engine, maxsize)
