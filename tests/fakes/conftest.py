"""Fixtures for testing the fake Bot API with a real PTB Bot talking HTTP to it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from .botapi import TEST_TOKEN, FakeBotAPI


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    """A running fake server, stopped after the test."""
    async with FakeBotAPI() as api:
        yield api


@pytest.fixture
async def bot(fake: FakeBotAPI) -> AsyncIterator[Bot]:
    """An initialised PTB Bot pointed at the fake (real HTTPXRequest underneath)."""
    async with Bot(TEST_TOKEN, base_url=fake.base_url, base_file_url=fake.base_file_url) as real_bot:
        yield real_bot
