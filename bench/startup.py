"""Start-up cost of a one-shot `regionbot ask`, and serving RSS once KnowledgeBase.start has run at 100k facts.

    .venv/bin/python bench/startup.py [--runs 5] [--facts 100000] [--serving-db /tmp/regionbot-100k.db]

Each `ask` is a fresh process on an already built base (the first, which builds it, is not counted); wall
time and CPU time (user + sys) are both shown, since CPU time moves less when the machine is busy, with the
load average before and after. The child may write its bytecode cache, as an installed package has one
(PYTHONDONTWRITEBYTECODE is dropped; --no-bytecode keeps it, and every project module is compiled anew). One more
run with `python -X importtime` shows the packages that cost most to import. The 100k-fact base is made by
ingesting synthetic articles (bench/synthetic.py) in batches; pass --serving-db to keep it between runs.
Targets (issue 11): ask starts in ≤ 1.0 s, serving RSS at 100k facts ≤ 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

QUESTION = "昆山2023年GDP是多少?"
# After start, a figure, a typo, a topic and a refusal that lists the place's metrics (which tags parts of
# speech): what a serving bot soon holds, beyond what start made.
SERVING_QUESTIONS = ("临清上半年生产总值是多少?", "聊成的GDP", "新能源汽车", QUESTION)
BATCH = 2000  # synthetic articles per ingest call while growing the serving base


def _env(database: Path, knowledge_dir: Path, *, bytecode: bool = True) -> dict[str, str]:
    dropped = ("TELEGRAM_", "DATABASE_", *(("PYTHONDONTWRITEBYTECODE",) if bytecode else ()))
    env = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    env.update(DATABASE_URL=f"sqlite:///{database}", KNOWLEDGE_DIR=str(knowledge_dir), PYTHONUNBUFFERED="1")
    return env


def _cpu_of(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, str]:
    """(wall s, user+sys CPU s, stdout) of one child process; wait4 gives the child's own CPU time."""
    started = time.perf_counter()
    pid = os.posix_spawn(command[0], command, env, file_actions=[
        (os.POSIX_SPAWN_OPEN, 1, str(cwd / "out.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
    _pid, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {status}")
    return wall, usage.ru_utime + usage.ru_stime, (cwd / "out.txt").read_text("utf-8")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def ask_startup(runs: int, tmp: Path, *, bytecode: bool = True) -> None:
    from knowledge.text.corpus import BUNDLED_DIR

    articles = tmp / "articles"
    shutil.copytree(BUNDLED_DIR, articles)
    env = _env(tmp / "small.db", articles, bytecode=bytecode)
    command = [str(Path(sys.executable).parent / "regionbot"), "ask", QUESTION]
    _cpu_of(command, env, tmp)  # builds the base: a first use, not a start
    walls, cpus = [], []
    answer = ""
    load_before = _load()
    for _ in range(runs):
        wall, cpu, answer = _cpu_of(command, env, tmp)
        walls.append(wall)
        cpus.append(cpu)
    cache = "with" if bytecode else "without"
    print(f"regionbot ask {QUESTION!r} ({runs} runs on a built base of the bundled corpus, {cache} bytecode cache)")
    print(f"  load average (1, 5, 15 min): {load_before} before, {_load()} after; {os.cpu_count()} cores")
    print(f"  wall: best {min(walls):.2f} s, median {statistics.median(walls):.2f} s, worst {max(walls):.2f} s "
          "(target ≤ 1.0 s)")
    print(f"  CPU (user+sys): best {min(cpus):.2f} s, median {statistics.median(cpus):.2f} s, "
          f"worst {max(cpus):.2f} s")
    print(f"  answer: {answer.strip().splitlines()[0] if answer.strip() else '(none)'}")
    import_profile(command, env, tmp)


def import_profile(command: list[str], env: dict[str, str], cwd: Path, top: int = 8) -> None:
    """Self import time summed per top-level package, from one run under -X importtime."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "bot", *command[1:]], env=env, cwd=cwd,
                          capture_output=True, text=True, check=True)
    per_package: Counter[str] = Counter()
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        _, self_us, _cumulative, name = (part.strip() for part in line.replace("import time:", "|").split("|"))
        per_package[name.split(".")[0]] += int(self_us)
    total = sum(per_package.values())
    shown = ", ".join(f"{name} {us / 1e6:.2f}" for name, us in per_package.most_common(top))
    print(f"  imports: {total / 1e6:.2f} s in all; most costly (s): {shown}")


def grow_serving_base(database: Path, facts: int, tmp: Path) -> int:
    """Ingest synthetic articles into `database` until it holds `facts` facts; returns the count."""
    from bench.synthetic import Generator
    from knowledge.places.gazetteer import Gazetteer
    from knowledge.store.engine import make_engine, migrate
    from knowledge.store.ingest import ingest_paths

    engine = make_engine(f"sqlite:///{database}")
    migrate(engine)
    gazetteer = Gazetteer.load()
    generator = Generator(gazetteer, seed=11)
    have = _fact_count(engine)
    batch_no = 0
    while have < facts:
        folder = tmp / f"batch{batch_no}"
        folder.mkdir()
        for article in generator.articles(articles=BATCH):
            (folder / f"{article.name}.txt").write_text(article.text, encoding="utf-8")
        started = time.perf_counter()
        ingest_paths([folder], engine=engine, gazetteer=gazetteer)
        shutil.rmtree(folder)
        have = _fact_count(engine)
        batch_no += 1
        print(f"  ingested batch {batch_no} ({BATCH} articles, {time.perf_counter() - started:.0f} s): "
              f"{have:,} facts", flush=True)
    engine.dispose()
    return have


def _fact_count(engine: Engine) -> int:
    from sqlmodel import Session, col, func, select

    from knowledge.store.models import Fact

    with Session(engine) as session:
        return int(session.exec(select(func.count(col(Fact.id)))).one())


def serving_child(database: Path, knowledge_dir: Path) -> None:
    """Run in a fresh process: start the knowledge base as the bot does and print its RSS as JSON.

    The steps of KnowledgeBase.start(warm=True) are taken one by one (the same calls, in the same order) so
    that the RSS each one adds can be shown.
    """
    import psutil

    from knowledge.service import KnowledgeBase
    from knowledge.store.engine import make_engine, migrate

    def rss() -> int:
        return int(psutil.Process().memory_info().rss)

    rss_empty = rss()
    started = time.perf_counter()
    kb = KnowledgeBase(make_engine(f"sqlite:///{database}"), knowledge_dir)
    migrate(kb.engine)
    steps: list[tuple[str, int]] = [("gazetteer", rss())]
    kb.refresh(warm=False, examples=False)
    steps.append(("question index", rss()))
    kb.index.ensure_postings()
    steps.append(("jieba and topic postings", rss()))
    kb.index.ensure_examples()
    steps.append(("example questions (OpenCC, cn2an, pinyin tables…)", rss()))
    kb.gazetteer.suggest("预热")
    steps.append(("typo and pinyin indexes", rss()))
    seconds = time.perf_counter() - started
    rss_started = rss()
    answer = ""
    for question in SERVING_QUESTIONS:
        answer = kb.ask(question).answer.text.splitlines()[0]
    print(json.dumps({"rss": rss_started, "rss_imports": rss_empty, "seconds": seconds, "steps": steps,
                      "rss_served": rss(), "facts": len(kb.index.facts),
                      "rankings": len(kb.index.rankings), "answer": answer}, ensure_ascii=False))


def serving_rss(database: Path, facts: int, tmp: Path) -> None:
    print(f"serving RSS: base {database}")
    have = grow_serving_base(database, facts, tmp)
    (tmp / "empty").mkdir(exist_ok=True)
    proc = subprocess.run([sys.executable, __file__, "--serve-child", str(database), str(tmp / "empty")],
                          capture_output=True, text=True, check=True)
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"  {have:,} facts in the base; index: {figures['facts']:,} facts, {figures['rankings']:,} rankings")
    print(f"  KnowledgeBase.start (warm, as the bot, step by step): {figures['seconds']:.1f} s")
    print(f"  RSS after start: {figures['rss'] / 2**20:.0f} MB (target ≤ 300 MB; "
          f"{figures['rss_imports'] / 2**20:.0f} MB before the base was opened), of which:")
    before = figures["rss_imports"]
    for name, after in figures["steps"]:
        print(f"    + {(after - before) / 2**20:5.0f} MB  {name}")
        before = after
    print(f"  RSS after {len(SERVING_QUESTIONS)} questions of other kinds: {figures['rss_served'] / 2**20:.0f} MB; "
          f"the last answer: {figures['answer']}")


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--serve-child":
        serving_child(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-bytecode", dest="bytecode", action="store_false",
                        help="keep PYTHONDONTWRITEBYTECODE if set: every ask compiles the project's modules anew")
    parser.add_argument("--facts", type=int, default=100_000, help="0 skips the serving RSS measure")
    parser.add_argument("--serving-db", type=Path, default=None,
                        help="SQLite file for the serving base, kept and grown as needed (default: a temp file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="regionbot-startup-") as name:
        tmp = Path(name)
        ask_startup(args.runs, tmp, bytecode=args.bytecode)
        if args.facts:
            serving_rss(args.serving_db or tmp / "serving.db", args.facts, tmp)


if __name__ == "__main__":
    main()
