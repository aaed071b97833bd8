#!/usr/bin/env python3
# bench-scale.py — the central server's figures side by side in one run (issue 15):
# pull and push throughput and latency p50/p95/p99 for 32 and 128 concurrent
# clients against SQLite with one server process, PostgreSQL with one, and
# PostgreSQL with two, the three alternating round by round on a throwaway
# PostgreSQL cluster that syncs to disk like a real one; then a new device's
# bootstrap beside plain SQLite and (with --pouchdb) PouchDB.
#
# Usage: tests/bench/bench-scale.py [BUILD] [--cases N] [--clients 32,128]
#        [--seconds S] [--rounds R] [--bootstrap-cases N] [--pouchdb bench.js]
# BUILD is a release build (default build-release). Needs PostgreSQL 15
# (build-aux/install-deps.sh installs it); run as root or as a user that
# may run initdb.
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sync"))
import pgcluster  # noqa: E402

LOAD = re.compile(r"^(pull|push) load: (\d+) clients, (\d+) requests/s, (\d+) events/s, "
                  r"latency p50 ([\d.]+) ms, p95 ([\d.]+) ms, p99 ([\d.]+) ms")
CONFIGS = (("SQLite, 1 process", None, 1), ("PostgreSQL, 1 process", "pg", 1),
           ("PostgreSQL, 2 processes", "pg", 2))


def run_bench(build, args, env_extra):
    env = dict(os.environ, **env_extra)
    cmd = [os.path.join(build, "tests", "sync", "bench-sync"), os.path.join(build, "src", "server", "shouwen-server")]
    p = subprocess.run(cmd + [str(a) for a in args], env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"bench-sync failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    return p.stdout


def load_round(build, cluster, opts, rnd):
    """One round: every configuration once; {(config, op, clients): figures}."""
    out = {}
    for i, (name, engine, processes) in enumerate(CONFIGS):
        env = {"BENCH_LOAD_ONLY": "1", "BENCH_PROCESSES": str(processes)}
        if engine == "pg":
            env["BENCH_DATABASE"] = cluster.create_db(f"bench_{rnd}_{i}")
        text = run_bench(build, [opts.cases, opts.clients, opts.seconds], env)
        for line in text.splitlines():
            m = LOAD.match(line)
            if m:
                op, clients = m.group(1), int(m.group(2))
                out[(name, op, clients)] = [float(m.group(k)) for k in range(3, 8)]
        print(f"  round {rnd + 1}: {name} done", file=sys.stderr, flush=True)
    return out


def median(values):
    return statistics.median(values) if values else float("nan")


def report(rounds, opts):
    clients = [int(c) for c in opts.clients.split(",")]
    print(f"\nLoad, {opts.cases} cases on the server, {opts.seconds} s a figure, {len(rounds)} rounds "
          "(medians; requests/s of each round in brackets)\n")
    print("| op | clients | server | requests/s | events/s | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|---|---|---|")
    for op in ("pull", "push"):
        for n in clients:
            for name, _, _ in CONFIGS:
                runs = [r[(name, op, n)] for r in rounds if (name, op, n) in r]
                cols = [median([x[k] for x in runs]) for k in range(5)]
                each = ", ".join(f"{x[0]:.0f}" for x in runs)
                print(f"| {op} | {n} | {name} | {cols[0]:.0f} ({each}) | {cols[1]:.0f} | {cols[2]:.1f} | "
                      f"{cols[3]:.1f} | {cols[4]:.1f} |")
    print("\nBudgets, as ratios of requests/s within each round (median of the rounds, and each round):\n")
    print("| op | clients | PostgreSQL 1 ÷ SQLite (≥ 0.5) | PostgreSQL 2 ÷ 1 (≥ 1, no collapse) |")
    print("|---|---|---|---|")
    sqlite, pg1, pg2 = (c[0] for c in CONFIGS)
    for op in ("pull", "push"):
        for n in clients:
            a = [r[(pg1, op, n)][0] / r[(sqlite, op, n)][0] for r in rounds if r[(sqlite, op, n)][0] > 0]
            b = [r[(pg2, op, n)][0] / r[(pg1, op, n)][0] for r in rounds if r[(pg1, op, n)][0] > 0]

            def cell(ratios, budget):
                m = median(ratios)
                return (f"{m:.2f} ({', '.join(f'{x:.2f}' for x in ratios)}) "
                        f"{'met' if m >= budget else 'NOT MET'}")
            print(f"| {op} | {n} | {cell(a, 0.5)} | {cell(b, 1.0)} |")


def main():
    ap = argparse.ArgumentParser(description="issue 15's server figures, side by side in one run")
    ap.add_argument("build", nargs="?", default="build-release")
    ap.add_argument("--cases", type=int, default=20000, help="cases on the server for the load (5 events each)")
    ap.add_argument("--clients", default="32,128")
    ap.add_argument("--seconds", type=int, default=5, help="seconds of load a figure")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--bootstrap-cases", type=int, default=100000, help="0: no bootstrap")
    ap.add_argument("--pouchdb", help="../shared/peers/pouchdb's bench.js, installed as its README says")
    opts = ap.parse_args()
    if not pgcluster.available():
        sys.exit("PostgreSQL 15 is not installed (build-aux/install-deps.sh)")
    cluster = pgcluster.Cluster().start(durable=True)
    try:
        rounds = [load_round(opts.build, cluster, opts, r) for r in range(opts.rounds)]
    finally:
        cluster.stop()
    report(rounds, opts)
    if opts.bootstrap_cases > 0:
        env = {"BENCH_POUCHDB": os.path.abspath(opts.pouchdb)} if opts.pouchdb else {}
        text = run_bench(opts.build, [opts.bootstrap_cases, 1, 1], env)
        print(f"\nBootstrap of {opts.bootstrap_cases} cases ({opts.bootstrap_cases * 5} events), in the same run:\n")
        for line in text.splitlines():
            if line.startswith(("bootstrap:", "search rows", "plain SQLite", "PouchDB")):
                print("    " + line)


if __name__ == "__main__":
    main()
