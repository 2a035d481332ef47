"""Issue 9 through the command line: configuration errors, secrets, webhook, orphaned workers, CLI polish."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx
import psutil
import pytest

from tests.botkit import TOKEN, make_settings
from tests.fakes.botapi import FakeBotAPI
from tests.test_cli import REGIONBOT, _env

QUESTION = "冠县排第几"


def _regionbot(tmp: Path, *args: str, cwd: Path | None = None, timeout: float = 120,
               **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*REGIONBOT, *args], env=_env(tmp, **env), capture_output=True, text=True,
                          timeout=timeout, cwd=cwd or tmp)


def _one_line_error(out: subprocess.CompletedProcess[str]) -> str:
    assert out.returncode == 2, (out.returncode, out.stderr[-2000:])
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr[-2000:]
    return out.stderr


BAD_CONFIGS = {
    "not-a-url": ({"DATABASE_URL": "notaurl"}, "DATABASE_URL"),
    "no-driver": ({"DATABASE_URL": "mysql://u@127.0.0.1/db"}, "driver"),
    "unreachable-postgres": ({"DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:1/x"}, "database"),
    "corrupt-sqlite": ({"DATABASE_URL": "sqlite:///corrupt.db"}, "not a database"),
    "missing-knowledge-dir": ({"KNOWLEDGE_DIR": "/no/such/folder"}, "KNOWLEDGE_DIR"),
    "bad-digest-time": ({"DIGEST_TIME": "25:00"}, "DIGEST_TIME"),
}


@pytest.mark.parametrize("name", list(BAD_CONFIGS), ids=list(BAD_CONFIGS))
def test_a_bad_configuration_is_one_line_and_exit_2(tmp_path, name):
    (tmp_path / "corrupt.db").write_bytes(b"this is not a database file" * 100)
    env, expected = BAD_CONFIGS[name]
    assert expected in _one_line_error(_regionbot(tmp_path, "ask", QUESTION, **env))


@pytest.mark.parametrize("command", [["ingest"], ["chat"], ["digest", "--preview"], ["run"]],
                         ids=["ingest", "chat", "digest", "run"])
def test_every_command_reports_a_bad_database_in_one_line(tmp_path, command):
    out = _regionbot(tmp_path, *command, DATABASE_URL="notaurl", TELEGRAM_BOT_TOKEN=TOKEN)
    assert "DATABASE_URL" in _one_line_error(out)


def test_verbose_adds_the_traceback(tmp_path):
    out = _regionbot(tmp_path, "--verbose", "ask", QUESTION, DATABASE_URL="notaurl")
    assert out.returncode == 2 and "Traceback" in out.stderr


def test_an_empty_question_gets_a_hint_or_one_json_object(tmp_path):
    plain = _regionbot(tmp_path, "ask", "")
    assert "empty" in _one_line_error(plain)
    as_json = _regionbot(tmp_path, "ask", "--json", "")
    assert as_json.returncode == 0 and json.loads(as_json.stdout)["found"] is False


def test_digest_preview_takes_regions_as_the_readme_shows(tmp_path):
    out = _regionbot(tmp_path, "digest", "--preview", "--regions", "聊城", "淄博")
    assert out.returncode == 0, out.stderr
    refused = _regionbot(tmp_path, "digest", "--no-preview")
    assert "--preview" in _one_line_error(refused)


def test_help_shows_no_bool_placeholders(tmp_path):
    for command in (["--help"], ["ask", "--help"], ["digest", "--help"], ["run", "--help"]):
        out = _regionbot(tmp_path, *command)
        assert out.returncode == 0 and "<bool>" not in out.stdout and "--json" in _regionbot(
            tmp_path, "ask", "--help").stdout


def test_the_base_in_use_is_named_with_its_absolute_path(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = _regionbot(tmp_path, "ask", QUESTION, cwd=elsewhere, DATABASE_URL="sqlite:///./data/regionbot.db")
    assert out.returncode == 0, out.stderr
    assert str(elsewhere / "data" / "regionbot.db") in out.stderr.replace("\n", "")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(tmp: Path, fake_url: str, **env: str) -> subprocess.Popen[str]:
    settings = make_settings(fake_url, tmp)
    full = _env(tmp, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake_url,
                KNOWLEDGE_DIR=str(settings.knowledge_dir), DATABASE_URL=settings.database_url, **env)
    return subprocess.Popen([*REGIONBOT, "run"], env=full, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _stop(proc: subprocess.Popen[str]) -> str:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        _, stderr = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, stderr = proc.communicate(timeout=10)
    return stderr


def test_the_token_never_reaches_the_log_of_a_run_that_answers(tmp_path):
    with FakeBotAPI().run_in_thread() as fake:
        proc = _start(tmp_path, fake.url, LOG_LEVEL="INFO")
        try:
            fake.send_text(77, QUESTION)
            [reply] = fake.wait_for_message(77, timeout=60)
            assert "第2名" in reply.text
        finally:
            stderr = _stop(proc)
    assert "ready:" in stderr  # the log was captured at INFO
    assert TOKEN not in stderr and TOKEN.split(":")[1] not in stderr


def test_webhook_mode_without_a_secret_registers_a_random_one_and_refuses_forgeries(tmp_path):
    port = _free_port()
    with FakeBotAPI().run_in_thread() as fake:
        proc = _start(tmp_path, fake.url, WEBHOOK_URL=f"http://127.0.0.1:{port}", WEBHOOK_PORT=str(port),
                      WEBHOOK_SECRET="")
        try:
            deadline = time.monotonic() + 60
            while not [c for c in fake.calls() if c.method == "setWebhook"] and time.monotonic() < deadline:
                time.sleep(0.1)
            [registered] = [c for c in fake.calls() if c.method == "setWebhook"]
            secret = registered.params.get("secret_token")
            assert secret and len(secret) >= 32
            forged = {"update_id": 1, "message": {"message_id": 5, "date": 0, "chat": {"id": 4242, "type": "private"},
                                                  "from": {"id": 4242, "is_bot": False, "first_name": "A"},
                                                  "text": "/reload"}}
            refused = httpx.post(f"http://127.0.0.1:{port}/telegram", json=forged, timeout=10)
            assert refused.status_code == 403
        finally:
            _stop(proc)


def test_run_retries_an_unreachable_telegram_one_line_per_attempt(tmp_path):
    dead = f"http://127.0.0.1:{_free_port()}"
    proc = _start(tmp_path, dead)
    time.sleep(12)  # attempts after 0, 1, 3 and 7 s of backoff; a loaded machine starts the process slowly
    stderr = _stop(proc)
    attempts = [line for line in stderr.splitlines() if "Telegram unreachable" in line]
    assert len(attempts) >= 2 and "Traceback" not in stderr


def test_parse_workers_exit_when_the_ingest_is_killed(tmp_path):
    articles = tmp_path / "many"
    articles.mkdir()
    for i in range(400):
        (articles / f"a{i:03d}.txt").write_text(f"日期:2024-03-01\n2023年,莘县地区生产总值完成{500 + i}.3亿元。\n",
                                                "utf-8")
    proc = subprocess.Popen([*REGIONBOT, "ingest", str(articles)], env=_env(tmp_path), cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + 60
    workers: list[psutil.Process] = []
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        workers = parent.children(recursive=True)
        time.sleep(0.05)
    assert workers, "the ingest finished before its workers could be seen"
    proc.kill()
    proc.wait(timeout=10)
    _gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, [p.pid for p in alive]


def test_a_manifest_that_is_no_toml_names_the_folders_files_as_bad_without_a_traceback(tmp_path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("2023年,莘县地区生产总值完成512.3亿元。\n", "utf-8")
    (folder / "manifest.toml").write_text("this is [not toml", "utf-8")
    run = _regionbot(tmp_path, "ingest", str(folder))
    out = run.stdout + run.stderr
    assert run.returncode == 1 and "Traceback" not in out and "manifest.toml cannot be read" in out
