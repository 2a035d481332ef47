"""The command line: ask --json and batch mode, and `regionbot run` as a real subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.botkit import TOKEN, make_settings
from tests.fakes.botapi import FakeBotAPI

REGIONBOT = [sys.executable, "-m", "bot"]


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "KNOWLEDGE_"))}
    env.update({"DATABASE_URL": f"sqlite:///{tmp / 'cli.db'}", "PYTHONUNBUFFERED": "1", **extra})
    return env


def test_ask_json_prints_one_object_with_facts_and_sources(tmp_path):
    out = subprocess.run([*REGIONBOT, "ask", "--json", "临清上半年生产总值是多少?"], env=_env(tmp_path),
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert answer["found"] is True and answer["intent"] == "figure"
    assert answer["facts"][0]["value"] == "140.08" and answer["sources"][0]["title"]


def test_ask_batch_reads_stdin_and_answers_in_order(tmp_path):
    out = subprocess.run([*REGIONBOT, "ask", "--json", "-"], input="冠县排第几\n北京GDP是多少\n", env=_env(tmp_path),
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["found"] for r in rows] == [True, False]


def test_run_without_token_exits_2_with_one_line(tmp_path):
    out = subprocess.run([*REGIONBOT, "run"], env=_env(tmp_path, TELEGRAM_BOT_TOKEN="not-a-token"),
                         capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 2
    assert "malformed" in out.stderr and "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_run_serves_the_fake_server_and_stops_on_sigterm(tmp_path):
    with FakeBotAPI().run_in_thread() as fake:
        settings = make_settings(fake.url, tmp_path)
        env = _env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake.url,
                   KNOWLEDGE_DIR=str(settings.knowledge_dir), DATABASE_URL=settings.database_url)
        proc = subprocess.Popen([*REGIONBOT, "run"], env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            fake.send_text(77, "临清上半年生产总值是多少?")
            [reply] = fake.wait_for_message(77, timeout=60)
            assert "140.08" in reply.text
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)  # a hang fails here; how fast it stops is no test's business (bench/)
            assert proc.returncode == 0
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.communicate(timeout=10)
