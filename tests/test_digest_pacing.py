"""The broadcast's pacer (bot.delivery.Pacer): evenly spaced sends, no burst after an idle spell."""

from __future__ import annotations

import asyncio

from bot.delivery import Pacer


async def test_sends_are_spaced_by_the_rate_even_when_all_wait_at_once():
    pacer = Pacer(20.0)  # one send every 50 ms
    loop = asyncio.get_running_loop()
    times: list[float] = []

    async def send() -> None:
        await pacer.wait()
        times.append(loop.time())

    started = loop.time()
    await asyncio.gather(*(send() for _ in range(6)))
    # The k-th send goes no earlier than k slots after the start (a busy machine can only make it later).
    assert len(times) == 6 and all(t - started >= k * 0.05 - 0.002 for k, t in enumerate(sorted(times)))


async def test_an_idle_spell_saves_up_no_burst():
    pacer = Pacer(20.0)
    await pacer.wait()
    await asyncio.sleep(0.3)  # idle for six slots' worth
    loop = asyncio.get_running_loop()
    await pacer.wait()
    first = loop.time()
    await pacer.wait()
    assert loop.time() - first >= 0.045


async def test_a_zero_rate_never_waits():
    pacer = Pacer(0)
    loop = asyncio.get_running_loop()
    started = loop.time()
    for _ in range(1000):
        await pacer.wait()
    assert pacer.next == 0.0 and loop.time() - started < 1.0
