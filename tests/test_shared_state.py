"""The shared-state tables on SQLite and PostgreSQL: follow-up context as JSON, flood counts, button keyboards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from telegram.ext._callbackdatacache import _KeyboardData

from bot.flood import SharedFloodGuard
from bot.replicas import SharedConversations, SharedKeyboards, conversation_from_json, conversation_to_json
from knowledge.qa.intents import Intent
from knowledge.qa.parse import Conversation, PeriodWanted
from knowledge.store import shared

ASK_BACK = Conversation(intent=Intent.FIGURE, region_codes=("350102", "320106"), metric="地区生产总值",
                        period=PeriodWanted(year=2024, start=1, end=6, label="2024H1", latest=False),
                        choices=(("福州市鼓楼区", "福州市鼓楼区上半年生产总值是多少?"),
                                 ("南京市鼓楼区", "南京市鼓楼区上半年生产总值是多少?")))


@pytest.mark.parametrize("state", [Conversation(), ASK_BACK,
                                   Conversation(intent=Intent.RANK_POSITION, ranking_title="百强县",
                                                period=PeriodWanted(None, None, None, None, latest=True))],
                         ids=["empty", "ask-back-with-period", "ranking-latest"])
def test_a_conversation_survives_the_json_round_trip(state):
    assert conversation_from_json(conversation_to_json(state)) == state


def test_a_chats_context_is_replaced_and_read_back_by_another_reader(engine):
    writer, reader = SharedConversations(engine), SharedConversations(engine)
    writer.put(7, Conversation(metric="一般公共预算收入"))
    writer.put(7, ASK_BACK)
    assert reader.get(7) == ASK_BACK
    assert reader.get(8) is None


def test_pruning_keeps_the_chats_seen_last(engine):
    start = datetime(2026, 12, 1, tzinfo=UTC)
    for chat in range(5):
        shared.save_conversation(engine=engine, chat_id=chat, state="{}", now=start + timedelta(seconds=chat))
    assert shared.prune_conversations(engine=engine, keep=2) == 3
    assert [shared.load_conversation(engine=engine, chat_id=c) is not None for c in range(5)] == [
        False, False, False, True, True]


def test_two_guards_on_one_database_share_the_limit_and_warn_once(engine):
    now = [600.0]
    a = SharedFloodGuard(engine, limit=3, clock=lambda: now[0])
    b = SharedFloodGuard(engine, limit=3, clock=lambda: now[0])
    verdicts = [guard.check(42) for guard in (a, b, a, b, a)]
    assert verdicts == ["ok", "ok", "ok", "warn", "drop"]
    assert b.check(43) == "ok"  # another user counts apart
    now[0] += 60  # the next minute starts afresh
    assert a.check(42) == "ok"


def test_a_keyboard_stored_by_one_replica_resolves_on_another(engine):
    made, other = SharedKeyboards(engine, maxsize=10), SharedKeyboards(engine, maxsize=10)
    made["k" * 32] = _KeyboardData("k" * 32, button_data={"b1": ("来源", [1, 2]), "b2": ASK_BACK})
    assert other["k" * 32].button_data == {"b1": ("来源", [1, 2]), "b2": ASK_BACK}
    with pytest.raises(KeyError):
        other["x" * 32]
    del other["k" * 32]
    assert "k" * 32 not in made


def test_only_the_newest_keyboards_are_kept(engine):
    for i in range(6):
        shared.put_keyboard(engine=engine, keyboard_uuid=f"{i:032d}", data=b"x")
    assert shared.keep_newest_keyboards(engine=engine, keep=4) == 2
    assert sorted(shared.keyboard_uuids(engine=engine)) == [f"{i:032d}" for i in range(2, 6)]
