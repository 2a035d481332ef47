"""Fuzz `regionbot run` (a subprocess) through the fake Bot API with hostile updates; print what went wrong.

    .venv/bin/python bench/fuzz.py [--updates 10000] [--users 250] [--seed 7]

Every normal user is greeted first (/start, answered), so button presses land on real keyboards: half
press one of the bot's real buttons, half send forged data. Normal users stay under the flood limit, so each
of their updates that deserves a reply must get one;
a few flooders send far more, and for them only the one notice and the limit are checked. Then the bot
is restarted on the same database and asked a known question. Targets: every count 0, RSS growth ≤ 20%.
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.text.corpus import BUNDLED_DIR  # noqa: E402
from tests.botkit import TOKEN  # noqa: E402
from tests.fakes.botapi import FakeBotAPI  # noqa: E402

LIMIT = 60  # FLOOD_LIMIT_PER_MINUTE for the run: normal users send fewer updates than this
KNOWN = ("临清上半年生产总值是多少?", "140.08")
ZW = "\u200b\u200c\u200d\u2060\ufeff\u202e\u202d\u2066\u2069\x00\x07\x1b"


def _chinese(rng: random.Random, n: int) -> str:
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(n))


def _unicode(rng: random.Random, n: int) -> str:
    out = []
    while len(out) < n:
        c = rng.randint(1, 0x2FFFF)
        if not 0xD800 <= c <= 0xDFFF:
            out.append(chr(c))
    return "".join(out)


def hostile_text(rng: random.Random) -> str:
    kind = rng.randrange(9)
    if kind == 0:
        return _unicode(rng, rng.randint(1, 200))
    if kind == 1:
        return _chinese(rng, rng.randint(1, 60)) + "是多少?"
    if kind == 2:
        return "临清" * rng.randint(2049, 3000)  # 4,096+ characters
    if kind == 3:
        return _chinese(rng, 100_000) if rng.random() < 0.05 else _chinese(rng, 5000)
    if kind == 4:
        return rng.choice(["<b>临清</b><script>alert(1)</script>上半年GDP", "<a href='javascript:x'>冠县</a>排第几",
                           "</i><pre>&amp;&lt;<code>", "*bold* _it_ [x](http://e) `code` ~~s~~ ||sp||"])
    if kind == 5:
        return "".join(rng.choice(ZW) + rng.choice("临清冠县GDP") for _ in range(rng.randint(1, 40)))
    if kind == 6:
        return rng.choice(["冠县排第几", "聊城综合评议第一名是谁?", "那一般公共预算收入呢?", KNOWN[0]])
    if kind == 7:
        return "\u202e" + _chinese(rng, 10) + "\u202c" + "多少"
    return rng.choice(["?", "。", "   \t", "0" * 300, "-1e309", "%s%n%x", "{{7*7}}", "'; drop table facts;--"])


REPLYING_COMMANDS = ("/start", "/help", "/ask", "/subscribe", "/unsubscribe", "/subscription", "/reload",
                     "/stats", "/digest_now")


def garbage_command(rng: random.Random) -> tuple[str, bool]:
    """(command text, whether a reply is due)."""
    if rng.random() < 0.15:
        return f"/{rng.choice(['foo', 'x' * 30, 'sub', 'start_'])} {hostile_text(rng)[:50]}", False
    command = rng.choice(REPLYING_COMMANDS)
    args = rng.choice(["", " 25:00", " 07:30 聊城", " ²³:⁴⁵", " " + _unicode(rng, 20), " " + hostile_text(rng)[:300],
                       " " + " ".join(["聊城"] * 90)])
    if command == "/subscribe" and args.startswith(" 07:30"):
        args = " 07:30 冠县"
    return command + args, True


class Ledger:
    """What the bot owes: replies per chat, callbacks to answer."""

    def __init__(self) -> None:
        self.due: Counter[int] = Counter()
        self.callbacks: list[str] = []
        self.sent: Counter[str] = Counter()


def send_one(fake: Any, rng: random.Random, user: int, ledger: Ledger, own_messages: list[int]) -> None:
    roll = rng.random()
    ledger.sent["total"] += 1
    if roll < 0.40:
        update = fake.send_text(user, hostile_text(rng))
        own_messages.append(update["message"]["message_id"])
        ledger.due[user] += 1
        ledger.sent["text"] += 1
    elif roll < 0.55:
        text, due = garbage_command(rng)
        fake.send_command(user, text)
        ledger.due[user] += due
        ledger.sent["command"] += 1
    elif roll < 0.65:
        bot_messages = fake.messages_to(user)[-8:]
        with_buttons = [m for m in bot_messages if m.buttons]
        if with_buttons and rng.random() < 0.5:  # a real button of one of the bot's keyboards
            message = rng.choice(with_buttons)
            pressed = rng.choice(message.buttons)
            update = fake.press_button(user, message.message_id, pressed["callback_data"])
            ledger.callbacks.append(update["callback_query"]["id"])
            ledger.due[user] += replies_to_press(message.text or "", pressed.get("text", ""))
            ledger.sent["real button"] += 1
        elif bot_messages:
            target = rng.choice(bot_messages).message_id
            data = rng.choice(["", "src:1", "sub:time:25:00", "sub:x", "q:1:0", "ex:99", _unicode(rng, 30)[:64],
                               "0" * 64])
            update = fake.press_button(user, target, data, strict=False)
            ledger.callbacks.append(update["callback_query"]["id"])
            ledger.sent["forged callback"] += 1
        else:
            fake.send_text(-100_000 - user, hostile_text(rng), user_id=user, chat_type="supergroup")
            ledger.sent["group"] += 1
    elif roll < 0.72:
        if own_messages:
            fake.call(fake.api.edit_user_message, user, rng.choice(own_messages), hostile_text(rng)[:4096])
            ledger.sent["edited"] += 1
    elif roll < 0.80:
        fake.send_text(-100_000 - user, hostile_text(rng)[:4096], user_id=user, chat_type="supergroup")
        ledger.sent["group"] += 1
    elif roll < 0.90:
        kind = rng.randrange(3)
        if kind == 0:
            fake.call(fake.api.send_sticker, user)
        elif kind == 1:
            fake.call(fake.api.send_photo_from_user, user)
        else:
            fake.send_document(user, rng.choice(["a.txt", "../../etc/passwd", "x.exe", "长" * 300 + ".md"]),
                               _unicode(rng, 200).encode("utf-8", "surrogatepass"), "text/plain")
        ledger.due[user] += 1
        ledger.sent["media/document"] += 1
    else:
        fake.push_update(rng.choice([
            {"message": "a string"}, {"message": {"message_id": 1, "text": "no chat"}},
            {"message": {"message_id": 2, "date": "today", "chat": {"id": user, "type": "private"}, "text": "x"}},
            {"callback_query": {"id": None}}, {"edited_message": 5}, {"poll": {"id": []}}, {"unknown_kind": {}},
        ]))
        ledger.sent["malformed"] += 1


def replies_to_press(message_text: str, button_text: str) -> int:
    """1 when pressing this real button owes a new message: 来源, 相关, an example or related question, an
    ask-back's option; subscription buttons may edit their message instead, so they owe none."""
    asks = message_text.startswith(("你好", "相关问题")) or "你指的是" in message_text
    return int(button_text in ("来源", "相关") or asks)


def greet(fake: Any, users: list[int], ledger: Ledger) -> None:
    """/start from every user, answered before the fuzz: their presses then find real keyboards to press."""
    for user in users:
        fake.send_command(user, "/start")
        ledger.due[user] += 1
        ledger.sent["greeting"] += 1
        ledger.sent["total"] += 1
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and any(not fake.messages_to(u) for u in users):
        time.sleep(0.5)


def start_bot(fake_url: str, tmp: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake_url, DATABASE_URL=f"sqlite:///{tmp / 'fuzz.db'}",
               KNOWLEDGE_DIR=str(tmp / "articles"), UPLOAD_DIR=str(tmp / "uploads"), ADMIN_IDS="4242",
               FLOOD_LIMIT_PER_MINUTE=str(LIMIT), LOG_LEVEL="INFO", PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-m", "bot", "run"], env=env, cwd=tmp, stdout=subprocess.DEVNULL,
                            stderr=log.open("ab"))


def stop_bot(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def ready(fake: Any, user: int) -> bool:
    """Ask the known question; RSS is read once it is answered."""
    fake.send_text(user, KNOWN[0])
    [reply] = fake.wait_for_message(user, timeout=180)
    return KNOWN[1] in reply.text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=250)
    parser.add_argument("--flooders", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="regionbot-fuzz-"))
    shutil.copytree(BUNDLED_DIR, tmp / "articles")
    log = tmp / "bot.log"
    with FakeBotAPI().run_in_thread() as fake:
        proc = start_bot(fake.url, tmp, log)
        assert ready(fake, 1), "the bot did not answer the known question before the fuzz"
        rss_before = psutil.Process(proc.pid).memory_info().rss
        ledger = Ledger()
        users = list(range(10_000, 10_000 + args.users))
        flooders = list(range(90_000, 90_000 + args.flooders))
        per_flooder = max(LIMIT * 3, args.updates // 5 // max(1, args.flooders))
        normal_budget = args.updates - per_flooder * len(flooders)
        per_user = -(-normal_budget // len(users))
        if per_user >= LIMIT:
            raise SystemExit(f"{per_user} updates per user would hit the flood limit {LIMIT}: add --users")
        own: dict[int, list[int]] = {u: [] for u in users}
        started = time.monotonic()
        greet(fake, users, ledger)
        for user in flooders:  # bursts of /start and stickers from one user each
            for i in range(per_flooder):
                if i % 2:
                    fake.send_command(user, "/start")
                else:
                    fake.call(fake.api.send_sticker, user)
                ledger.sent["flood"] += 1
                ledger.sent["total"] += 1
        for _round in range(per_user):
            for user in users:
                send_one(fake, rng, user, ledger, own[user])
        sent_in = time.monotonic() - started
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline:
            pending = fake.call(lambda: len(fake.api.pending_updates))
            owed = sum(max(0, n - len(fake.messages_to(u))) for u, n in ledger.due.items())
            if owed == 0 and not pending:
                break
            time.sleep(1)
        time.sleep(3)
        drained = time.monotonic() - started
        rss_after = psutil.Process(proc.pid).memory_info().rss
        lost = sum(max(0, n - len(fake.messages_to(u))) for u, n in ledger.due.items())
        unanswered = sum(1 for q in ledger.callbacks if q not in fake.api.state.answered_callbacks)
        rejected = list(fake.api.state.rejected)
        bad_html = sum("parse entities" in d for _, d in rejected)
        too_long = sum("too long" in d for _, d in rejected)
        flood = [fake.messages_to(u) for u in flooders]
        notices = [sum("太频繁" in m.text for m in msgs) for msgs in flood]
        stop_bot(proc)
        proc = start_bot(fake.url, tmp, log)
        restarted = ready(fake, 2)
        stop_bot(proc)
    text = log.read_text("utf-8", "replace")
    tracebacks = text.count("Traceback")
    handler_errors = text.count("error while handling an update")
    print(f"updates sent: {ledger.sent['total']:,} from {len(users) + len(flooders)} users "
          f"({', '.join(f'{k} {v:,}' for k, v in sorted(ledger.sent.items()) if k != 'total')}) in {sent_in:.1f} s; "
          f"all handled after {drained:.1f} s")
    print(f"handler tracebacks in the bot's log: {tracebacks} ({handler_errors} 'error while handling')")
    print(f"unacknowledged callbacks: {unanswered} of {len(ledger.callbacks):,} "
          f"({ledger.sent['real button']:,} real buttons, {ledger.sent['forged callback']:,} forged)")
    print(f"lost replies (normal users, under the flood limit): {lost} of {sum(ledger.due.values()):,} due")
    print(f"flooders: replies {[len(m) for m in flood]} for {per_flooder} updates each (limit {LIMIT}/min), "
          f"notices {notices}")
    print(f"replies rejected as bad HTML: {bad_html}; oversized messages: {too_long}; "
          f"other rejected requests: {len(rejected) - bad_html - too_long}")
    print(f"RSS before {rss_before / 2**20:.1f} MB, after {rss_after / 2**20:.1f} MB "
          f"({(rss_after / rss_before - 1) * 100:+.1f}%)")
    print(f"restarted on the same database, known question answered correctly: {restarted}")
    print(f"bot log: {log}")


if __name__ == "__main__":
    main()
