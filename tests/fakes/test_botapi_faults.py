"""Fault injection and the raw wire format of the fake Bot API."""

from __future__ import annotations

import asyncio
import datetime as dtm

import httpx
import pytest
from telegram import Bot
from telegram.error import BadRequest, EndPointNotFound, Forbidden, NetworkError, RetryAfter, TimedOut

from .botapi import TEST_TOKEN, FakeBotAPI


@pytest.mark.parametrize(
    ("kind", "error", "message"),
    [
        ("forbidden", Forbidden, "bot was blocked by the user"),
        ("chat_not_found", BadRequest, "Chat not found"),
        ("server_error", NetworkError, "Internal Server Error"),
        ("network", NetworkError, "RemoteProtocolError"),
    ],
    ids=["forbidden", "chat-not-found", "http-500", "dropped-connection"],
)
async def test_fault_raises_the_matching_ptb_error_once(
    fake: FakeBotAPI, bot: Bot, kind: str, error: type[Exception], message: str
) -> None:
    fault = fake.inject_fault("sendMessage", kind=kind)  # type: ignore[arg-type]

    with pytest.raises(error, match=message) as caught:
        await bot.send_message(42, "会失败")
    delivered = await bot.send_message(42, "这次成功")

    assert not isinstance(caught.value, TimedOut)
    assert fault.fired == 1 and fake.faults_fired == 1
    assert [c.fault for c in fake.calls_of("sendMessage")] == [kind, None]
    assert [m.message_id for m in fake.messages_to(42)] == [delivered.message_id]


async def test_retry_after_fault_carries_the_wait(fake: FakeBotAPI, bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # read retry_after without PTB's deprecation warning
    fake.inject_fault("sendMessage", kind="retry_after", retry_after=7)

    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(42, "太快了")

    assert caught.value.retry_after == dtm.timedelta(seconds=7)


async def test_timeout_fault_is_timed_out_and_the_call_still_lands(fake: FakeBotAPI, bot: Bot) -> None:
    fake.inject_fault("sendMessage", kind="timeout", delay=1.0)

    with pytest.raises(TimedOut):
        await bot.send_message(42, "慢", read_timeout=0.3)

    # Like a slow Telegram, the server goes on to deliver the message after the delay.
    [late] = await fake.wait_for_message(42, timeout=5)
    assert late.text == "慢"


async def test_permanent_fault_filtered_by_chat(fake: FakeBotAPI, bot: Bot) -> None:
    fake.inject_fault("*", kind="forbidden", chat_id=7, times=None)

    for _ in range(3):
        with pytest.raises(Forbidden):
            await bot.send_message(7, "被拉黑了")
    await bot.send_message(8, "正常")

    assert fake.faults_fired == 3
    assert [m.chat_id for m in fake.sent] == [8]


async def test_faults_fire_in_injection_order(fake: FakeBotAPI, bot: Bot) -> None:
    fake.inject_fault("sendMessage", kind="server_error")
    fake.inject_fault("sendMessage", kind="forbidden")

    with pytest.raises(NetworkError):
        await bot.send_message(42, "一")
    with pytest.raises(Forbidden):
        await bot.send_message(42, "二")
    await bot.send_message(42, "三")

    assert [c.fault for c in fake.calls_of("sendMessage")] == ["server_error", "forbidden", None]


async def test_unknown_fault_kind_is_rejected(fake: FakeBotAPI) -> None:
    with pytest.raises(ValueError, match="unknown fault kind"):
        fake.inject_fault("sendMessage", kind="gremlins")  # type: ignore[arg-type]


async def test_unknown_method_is_404_method_not_found(fake: FakeBotAPI, bot: Bot) -> None:
    async with httpx.AsyncClient() as client:
        response = await client.post(f"{fake.base_url}{TEST_TOKEN}/noSuchMethod")

    assert response.status_code == 404
    assert response.json() == {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("no_such_method")


async def test_json_body_and_query_string_requests_are_understood(fake: FakeBotAPI) -> None:
    url = f"{fake.base_url}{TEST_TOKEN}"
    keyboard = {"inline_keyboard": [[{"text": "好", "callback_data": "ok"}]]}
    async with httpx.AsyncClient() as client:
        by_json = await client.post(f"{url}/sendMessage", json={"chat_id": 5, "text": "123", "reply_markup": keyboard})
        by_query = await client.get(f"{url}/sendMessage", params={"chat_id": "5", "text": "true"})

    assert by_json.json()["result"]["reply_markup"] == keyboard
    assert by_query.json()["ok"] is True
    assert [m.text for m in fake.messages_to(5)] == ["123", "true"]


async def test_latency_delays_every_answer(fake: FakeBotAPI, bot: Bot) -> None:
    fake.latency = 0.3
    loop = asyncio.get_running_loop()
    started = loop.time()

    await bot.send_chat_action(42, "typing")

    assert loop.time() - started >= 0.25


async def test_file_download_of_unknown_path_is_404(fake: FakeBotAPI) -> None:
    async with httpx.AsyncClient() as client:
        response = await client.get(f"{fake.base_file_url}{TEST_TOKEN}/documents/nothing.txt")

    assert response.status_code == 404
