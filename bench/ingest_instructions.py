"""Ingest vs raw jieba in CPU instructions per article, counted by valgrind (repeatable on a busy machine).

    .venv/bin/python bench/ingest_instructions.py --articles 300

Wall-clock figures on a shared 2-core machine move by ±20% from run to run; instruction counts do not.
Each side runs twice under callgrind, once on no articles and once on N, in one process (no pool), so the
difference is the cost of N articles alone, without interpreter start-up, imports or warm-up. The ingest
side is the whole `ingest_paths` run into SQLite: read, decode, clean, extract, store, commit.
Needs valgrind (on every machine of this workplace); takes a few minutes.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from bench.ingest import make_texts  # noqa: E402  (the same synthetic articles)
from knowledge.places.gazetteer import Gazetteer  # noqa: E402


def _texts(count: int) -> list[str]:
    return make_texts(count + 1)


def child(side: str, count: int) -> None:
    """What runs under valgrind: warm up on one extra article, then process `count` of them."""
    texts = _texts(count)
    warm, texts = texts[-1], texts[:count]
    if side == "jieba":
        import jieba

        jieba.lcut(warm)
        for text in texts:
            jieba.lcut(text)
        return
    from knowledge.store.engine import make_engine, migrate
    from knowledge.store.ingest import ingest_paths

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        migrate(engine)
        for name, batch in (("warm", [warm]), ("run", texts)):
            folder = Path(tmp) / name
            folder.mkdir()
            for i, text in enumerate(batch):
                (folder / f"{name}{i:05d}.txt").write_text(text, encoding="utf-8")
            ingest_paths([folder], engine=engine, gazetteer=Gazetteer.load(), workers=1)


def _instructions(side: str, count: int) -> int:
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
         "--child", side, "--articles", str(count)],
        capture_output=True, text=True, check=True,
    )
    found = re.search(r"Collected\s*:\s*(\d+)", run.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--child", choices=("jieba", "ingest"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.articles)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    per_article = {}
    for side in ("jieba", "ingest"):
        per_article[side] = (_instructions(side, args.articles) - _instructions(side, 0)) / args.articles
        print(f"{side:7s}: {per_article[side] / 1e6:6.2f} M instructions per article", flush=True)
    print(f"articles: {args.articles}; ingest in one process as a share of jieba.lcut's speed "
          f"(by instructions): {per_article['jieba'] / per_article['ingest']:.0%}")


if __name__ == "__main__":
    main()
