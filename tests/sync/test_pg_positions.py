# test_pg_positions.py — gap-free positions on PostgreSQL: many pushers at
# once and a puller with a small page must see every event exactly once when
# positions come from the commit-ordered counter (sw-server-pg-log.sql); the
# same run with a plain sequence must catch the skip (the negative control).
# A real throwaway cluster (pgcluster.py), no mock.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import random
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pgcluster  # noqa: E402

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "..", "..", "src", "server", "storage", "sw-server-pg-log.sql")
PUSHERS = 6
PUSHES = 15
PAGE = 2


def push_script(mode, pusher, rng):
    """One psql script: PUSHES transactions of 1 to 3 events, each holding
    its transaction open a little after its positions are taken."""
    out = []
    for i in range(PUSHES):
        n = rng.randint(1, 3)
        ids = [f"p{pusher}-{i}-{k}" for k in range(n)]
        values = ", ".join(f"({k + 1}, '{e}')" for k, e in enumerate(ids))
        out.append("BEGIN;")
        if mode == "counter":
            out.append(
                f"WITH p AS (UPDATE sw_position SET value = value + {n} RETURNING value) "
                f"INSERT INTO sw_event (position, event_id, case_id, branch_code, device_id, body) "
                f"SELECT p.value - {n} + v.k, v.id, 'c', 'BJ01', 'd{pusher}', '{{}}' "
                f"FROM p, (VALUES {values}) AS v (k, id);")
        else:
            out.append(
                f"INSERT INTO sw_event (position, event_id, case_id, branch_code, device_id, body) "
                f"SELECT nextval('sw_event_plain'), v.id, 'c', 'BJ01', 'd{pusher}', '{{}}' "
                f"FROM (VALUES {values}) AS v (k, id) ORDER BY v.k;")
        out.append(f"SELECT pg_sleep({rng.uniform(0, 0.02):.3f});")
        # one push in five fails after taking its positions: it gives them back
        out.append("ROLLBACK;" if i % 5 == 4 else "COMMIT;")
    return "\n".join(out) + "\n", PUSHES


def run(cluster, mode, seed):
    """Pushers and one puller at once; what the puller saw and what the
    log holds at the end."""
    db = f"log_{mode}_{seed}"
    uri = cluster.create_db(db)
    with open(SCHEMA) as f:
        cluster.psql(f.read(), db=db, user="shouwen")
    cluster.psql("CREATE SEQUENCE sw_event_plain", db=db, user="shouwen")
    rng = random.Random(seed)
    scripts = [push_script(mode, p, rng)[0] for p in range(PUSHERS)]
    errors = []

    def pusher(script):
        p = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", uri],
                           input=script, capture_output=True, text=True, timeout=300)
        if p.returncode != 0:
            errors.append(p.stderr)

    threads = [threading.Thread(target=pusher, args=(s,)) for s in scripts]
    for t in threads:
        t.start()
    # The puller keeps one connection, so that it reads at the log's end
    # while the pushers write (a slow puller only ever reads what is long
    # committed, and would catch no skip).
    puller = subprocess.Popen(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", uri],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    seen, cursor = [], 0
    deadline = time.monotonic() + 240
    while True:
        done = not any(t.is_alive() for t in threads)
        puller.stdin.write(f"SELECT position, event_id FROM sw_event WHERE position > {cursor} "
                           f"ORDER BY position LIMIT {PAGE};\n\\echo END\n")
        puller.stdin.flush()
        page = []
        for line in puller.stdout:
            if line.strip() == "END":
                break
            page.append(line.strip())
        for row in page:
            pos, event_id = row.split("|")
            assert int(pos) > cursor, (pos, cursor)
            cursor = int(pos)
            seen.append(event_id)
        if done and not page:
            break
        assert time.monotonic() < deadline, "the puller did not finish"
    puller.stdin.close()
    puller.wait()
    for t in threads:
        t.join()
    assert not errors, errors
    stored = cluster.psql("SELECT event_id FROM sw_event ORDER BY position",
                          db=db, user="shouwen").split()
    return seen, stored


def test_counter_is_gap_free(cluster):
    for seed in (1, 2):
        seen, stored = run(cluster, "counter", seed)
        assert len(stored) >= PUSHERS * PUSHES * 4 // 5, len(stored)
        assert not any(e.split("-")[1] in ("4", "9", "14") for e in stored), "a rolled-back push stored"
        assert len(seen) == len(set(seen)), "an event seen twice"
        missing = set(stored) - set(seen)
        assert not missing, f"the puller missed {len(missing)} events: {sorted(missing)[:5]}"
        # positions are dense: 1..n with no hole
        positions = cluster.psql("SELECT min(position), max(position), count(*) FROM sw_event",
                                 db=f"log_counter_{seed}", user="shouwen").strip().split("|")
        assert positions == ["1", str(len(stored)), str(len(stored))], positions


def test_plain_sequence_skips(cluster):
    # The negative control: the same run with positions taken from a
    # sequence when the event is inserted must lose events for the puller;
    # otherwise the test above would prove nothing.
    for seed in (1, 2, 3, 4):
        seen, stored = run(cluster, "plain", seed)
        assert len(seen) == len(set(seen)), "an event seen twice"
        if set(stored) - set(seen):
            return
    raise AssertionError("a plain sequence never made the puller skip: the test cannot catch a gap")


def main():
    if not pgcluster.available():
        print("SKIP: no PostgreSQL 15 here (build-aux/install-deps.sh installs it)")
        sys.exit(77)
    start = time.monotonic()
    with pgcluster.Cluster() as cluster:
        for name, fn in [("test_counter_is_gap_free", test_counter_is_gap_free),
                         ("test_plain_sequence_skips", test_plain_sequence_skips)]:
            t = time.monotonic()
            fn(cluster)
            print(f"ok {name} ({time.monotonic() - t:.1f}s)")
    print(f"all passed ({time.monotonic() - start:.1f}s)")


if __name__ == "__main__":
    main()
