"""Extraction precision and recall, strictly scored, on ../shared/corpus (development and test splits) and
on the seeds. A fact is right only if its region, metric, period and value are all right; a rank claim only
if its region, metric, rank, scope and period are.

    .venv/bin/python bench/extraction.py              # totals per split, per-file lines for dev only
    .venv/bin/python bench/extraction.py --misses     # also list the development split's misses
    .venv/bin/python bench/extraction.py --test-files # per-file lines for the test split (report only)
    .venv/bin/python bench/extraction.py --addresses  # each text with its SOURCES.md address, as an upload
    .venv/bin/python bench/extraction.py --metric-free  # also: place, period and value right, metric ignored

The test split is never tuned on: its misses are not printed by any option.

The development split is also reported as two fixed halves, DEV-A and DEV-B (every other file of the
sorted list). A rule derived from one half's misses should help the other half too; a gain on one half
alone is a sign that the rule fits those articles rather than the language.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.scoring import (
    CORPUS,
    Tally,
    parse_files,
    score_corpus,
    score_seeds,
    score_values,
    source_addresses,
    split,
)
from knowledge.places.gazetteer import Gazetteer


def line(label: str, facts: Tally, rankings: Tally, claims: Tally | None = None) -> str:
    out = (f"{label:<44} facts R {facts.recall:6.1%} P {facts.precision:6.1%} "
           f"({facts.right}/{facts.gold} gold, {facts.predicted} found) | rankings R {rankings.recall:6.1%} "
           f"P {rankings.precision:6.1%} ({rankings.right}/{rankings.gold}, {rankings.predicted} found)")
    if claims is not None:
        out += (f" | claims R {claims.recall:6.1%} P {claims.precision:6.1%} "
                f"({claims.right}/{claims.gold}, {claims.predicted} found)")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", action="store_true",
                    help="list the development split's missed and spurious facts, rankings and claims")
    ap.add_argument("--half", choices=("A", "B"), help="with --misses: list only this half's misses")
    ap.add_argument("--test-files", action="store_true", help="print per-file figures for the test split too")
    ap.add_argument("--metric-free", action="store_true",
                    help="also print each split's facts scored with the metric left out (place, period, value right)")
    ap.add_argument("--addresses", action="store_true",
                    help="give each text the address SOURCES.md lists, as an uploader would (dates undated texts)")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"{CORPUS} not found")
    gazetteer = Gazetteer.load()
    for name, files in split().items():
        parsed = parse_files([CORPUS / f for f in files], gazetteer, source_addresses() if args.addresses else None)
        scored = score_corpus(files, gazetteer, parsed=parsed)
        total_f, total_r, total_c = Tally(), Tally(), Tally()
        for file, (f, r, c) in scored.items():
            total_f.add(f)
            total_r.add(r)
            total_c.add(c)
            if name == "dev" or args.test_files:
                print(line(f"  {name} {file}", f, r, c))
            in_half = args.half is None or (sorted(files).index(file) % 2 == (args.half == "B"))
            if name == "dev" and args.misses and in_half:
                for g in f.missed:
                    print(f"      missed   {g['region']} | {g['metric']} | {g['period']} | "
                          f"{g.get('value') or 'growth ' + str(g.get('growth'))}{g.get('unit') or ''} @{g['offset']}")
                for s in f.spurious:
                    print(f"      spurious {s}")
                for g in r.missed:
                    print(f"      missed   ranking {g.get('title')} | {g.get('scope')} | {g.get('period')} | "
                          f"{'ordered' if g.get('ordered') else 'set'} | "
                          f"{'、'.join(e['name'] for e in g['entries'])} @{g.get('offset')}")
                for s in r.spurious:
                    print(f"      spurious {s}")
                for g in c.missed:
                    print(f"      missed   claim {g['region']} | {g['metric']} | {g['rank']} | {g['scope']} | "
                          f"{g['period']} @{g['offset']}")
                for s in c.spurious:
                    print(f"      spurious {s}")
        if name == "dev":
            for half, part in (("DEV-A", sorted(files)[0::2]), ("DEV-B", sorted(files)[1::2])):
                hf, hr, hc = Tally(), Tally(), Tally()
                for file in part:
                    f, r, c = scored[file]
                    hf.add(f)
                    hr.add(r)
                    hc.add(c)
                print(line(f"{half} half ({len(part)} articles)", hf, hr, hc))
        print(line(f"{name.upper()} split ({len(files)} articles)", total_f, total_r, total_c))
        if args.metric_free:
            free = score_values(files, parsed)
            print(f"  {name.upper()} with the metric left out: facts R {free.recall:6.1%} P {free.precision:6.1%} "
                  f"({free.right}/{free.gold} gold, {free.predicted} found)")
    seeds_f, seeds_r = score_seeds(gazetteer)
    print(line("SEEDS (5 bundled articles, strict rule)", seeds_f, seeds_r))


if __name__ == "__main__":
    main()
