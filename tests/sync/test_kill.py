#!/usr/bin/env python3
# test_kill.py — kill -9 of a client while it pushes and while it pulls, and
# of the server while a client pushes, at random points: after restarting
# and syncing, no event is lost and none is duplicated.
# On PostgreSQL (--postgresql) each round also ends the database backends of
# the server while a client pushes (pg_terminate_backend).
# SHOUWEN_KILL_ROUNDS sets the rounds (default 12 in CI, three kill points each; 50 or more by hand).
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
import uuid

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)

from syncenv import CTL, day, enrol, make_world, rows

ROUNDS = int(os.environ.get("SHOUWEN_KILL_ROUNDS", "12"))
SEED = int(os.environ.get("SHOUWEN_KILL_SEED", str(int(time.time()))))


def fill_outbox(db, device_code, n_cases, first_ms):
    """Writes n_cases cases of three events each straight into the outbox
    (a fast stand-in for a busy day at the counter), then rebuilds rows."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = OFF")
    device = con.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()[0]
    device_code = con.execute("SELECT value FROM meta WHERE key = 'device_code'").fetchone()[0]
    n0 = con.execute("SELECT count(*) FROM cases").fetchone()[0]
    ids = []
    for i in range(n_cases):
        case_id = str(uuid.uuid4())
        at = first_ms + i * 60000
        reg = {"number": f"BJ01-{device_code}-20261123-{n0 + i + 1:04d}", "branch": "BJ01", "channel": "visit",
               "kind": "consultation", "content": f"咨询 {i}", "anonymous": 0, "signature": 0,
               "received_at": at, "owner": "R01", "owner_department": "RETAIL1", "policy_version": 1}
        prev = None
        for k, (kind, payload) in enumerate([("registered", reg), ("note", {"text": "记录一"}),
                                            ("note", {"text": "记录二"})]):
            ev = str(uuid.uuid4())
            if prev:
                payload = dict(payload, prev=prev)
            con.execute("INSERT INTO events (id, case_id, kind, actor, at, hlc_ms, hlc_counter, device,"
                        " payload, pushed) VALUES (?, ?, ?, 'R01', ?, ?, 0, ?, ?, 0)",
                        (ev, case_id, kind, at + k, at + k, device, json.dumps(payload, ensure_ascii=False)))
            ids.append(ev)
            prev = ev
    con.commit()
    con.close()
    subprocess.run([CTL, "--db", db, "--as", "admin", "rebuild"], check=True, capture_output=True)
    return ids


class KillTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-kill-")
        self.server = make_world(self.tmp)
        self.rng = random.Random(SEED)
        self.spans = {}
        print(f"seed {SEED}, {ROUNDS} kills per kind", file=sys.stderr)

    def tearDown(self):
        self.server.stop()
        shutil.rmtree(self.tmp)

    def sync_cmd(self, ctl, *extra):
        return [CTL, "--db", ctl.db, "--now", day(27), "--as", "admin", "sync", "run", *extra]

    def kill_during(self, cmd, kind):
        """Kills at a random point of the run; the span follows how long
        runs that finished took, so that most kills land inside one."""
        span = self.spans.get(kind, 0.3)
        delay = self.rng.uniform(0.01, span)
        start = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            p.wait(timeout=delay)
            self.spans[kind] = max(0.02, (time.monotonic() - start) * 0.9)
            return False
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            p.wait()
            return True

    def assert_nothing_lost(self, made, *clients):
        server_ids = self.server.event_ids()
        self.assertTrue(set(made) <= server_ids, f"{len(set(made) - server_ids)} events lost")
        dup = self.server.query("SELECT count(*) - count(DISTINCT event_id) FROM server_feed"
                                " WHERE branch_code = 'BJ01'",
                                "SELECT count(*) - count(DISTINCT event_id) FROM sw_feed"
                                " WHERE branch_code = 'BJ01'")[0][0]
        self.assertEqual(dup, 0)
        feed = {r[0] for r in self.server.query("SELECT event_id FROM server_feed WHERE branch_code = 'BJ01'",
                                                "SELECT event_id FROM sw_feed WHERE branch_code = 'BJ01'")}
        if self.server.database:
            # positions 1..max without a gap, no session left in a transaction
            n, low, high = self.server.query("", "SELECT count(*), min(position), max(position) FROM sw_event")[0]
            self.assertEqual((low, high), (1, n))
            n, low, high = self.server.query("", "SELECT count(*), min(seq), max(seq) FROM sw_feed")[0]
            self.assertEqual((low, high), (1, n))
            self.assertEqual(self.server.query("", "SELECT count(*) FROM pg_stat_activity"
                                                   " WHERE state LIKE 'idle in transaction%'"), [(0,)])
        for c in clients:
            ids = [r[0] for r in rows(c.db, "SELECT id FROM events")]
            self.assertEqual(len(ids), len(set(ids)))
            self.assertEqual(set(ids), feed, c.db)
            self.assertEqual(rows(c.db, "SELECT count(*) FROM events WHERE pushed = 0")[0][0], 0)
            self.assertEqual(rows(c.db, "SELECT count(*) FROM sync_rejected")[0][0], 0)
            if self.server.database:   # the PostgreSQL engine keeps no folded rows
                continue
            self.assertEqual(rows(c.db, "SELECT * FROM cases ORDER BY id"),
                             rows(self.server.db(), "SELECT * FROM cases WHERE id IN"
                                  " (SELECT case_id FROM server_scope WHERE branch_code = 'BJ01') ORDER BY id"))

    def reset_cursor(self, ctl):
        con = sqlite3.connect(ctl.db)
        con.execute("UPDATE meta SET value = '0' WHERE key = 'sync_cursor'")
        con.commit()
        con.close()

    def test_kills(self):
        a = enrol(self.server, self.tmp, "a", "BJ01")
        b = enrol(self.server, self.tmp, "b", "BJ01")
        c = enrol(self.server, self.tmp, "c", "BJ01")
        made = []
        kills = {"client push": 0, "client pull": 0, "server push": 0, "backend push": 0}
        for r in range(ROUNDS):
            # the client, while it pushes (each round brings new work)
            made += fill_outbox(a.db, "A", 25, 1795400000000 + r * 2 * 10 ** 6)
            kills["client push"] += self.kill_during(self.sync_cmd(a, "--push-batch", "2", "--pull-limit", "5"),
                                                     "push")
            # another device, while it pulls everything again
            self.reset_cursor(b)
            kills["client pull"] += self.kill_during(self.sync_cmd(b, "--pull-limit", "3"), "pull")
            # the server, while a third device pushes
            made += fill_outbox(c.db, "C", 25, 1795600000000 + r * 2 * 10 ** 6)
            p = subprocess.Popen(self.sync_cmd(c, "--push-batch", "2"), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            time.sleep(self.rng.uniform(0.01, self.spans.get("push", 0.3)))
            if p.poll() is None:
                kills["server push"] += 1
            self.server.stop(signal.SIGKILL)
            self.server.start()
            p.wait(timeout=60)
            if self.server.database:
                # the server's database sessions end under a push
                made += fill_outbox(c.db, "C", 10, 1795700000000 + r * 2 * 10 ** 6)
                p = subprocess.Popen(self.sync_cmd(c, "--push-batch", "2"), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
                time.sleep(self.rng.uniform(0.01, self.spans.get("push", 0.3)))
                if p.poll() is None:
                    kills["backend push"] += 1
                self.server.query("", "SELECT count(pg_terminate_backend (pid)) FROM pg_stat_activity"
                                      " WHERE datname = current_database () AND pid <> pg_backend_pid ()")
                p.wait(timeout=120)
        for ctl in (a, c, a, b, c):
            ctl.sync(now=day(27))
        print(f"kills mid-run: {kills}", file=sys.stderr)
        self.assert_nothing_lost(made, a, b, c)
        self.assertGreaterEqual(sum(kills.values()), ROUNDS * 2)
        if self.server.database:
            self.assertGreater(kills["backend push"], 0)

    def test_bootstrap_resumes(self):
        """A new device killed after some pages of its first pull holds
        whole pages only; its next sync resumes from its cursor and ends
        identical to a device whose bootstrap ran through."""
        a = enrol(self.server, self.tmp, "a", "BJ01")
        fill_outbox(a.db, "A", 30, 1795400000000)
        a.sync(now=day(27))
        total = rows(a.db, "SELECT count(*) FROM events")[0][0]
        b = enrol(self.server, self.tmp, "b", "BJ01")
        p = subprocess.Popen(self.sync_cmd(b, "--pull-limit", "4"), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        cursor = 0
        while p.poll() is None and cursor == 0:   # until the first pages are stored
            cursor = int(rows(b.db, "SELECT coalesce(max(value), 0) FROM meta WHERE key = 'sync_cursor'")[0][0])
            time.sleep(0.005)
        p.send_signal(signal.SIGKILL)
        self.assertEqual(p.wait(), -signal.SIGKILL, "the bootstrap ended before the kill")
        n_events = rows(b.db, "SELECT count(*) FROM events")[0][0]
        self.assertLess(n_events, total)
        # what a page brought is whole: every event's case folded over all of them
        self.assertEqual(rows(b.db, "SELECT coalesce(sum(event_count), 0) FROM cases")[0][0], n_events)
        self.assertEqual(rows(b.db, "SELECT count(DISTINCT case_id) FROM events")[0][0],
                         rows(b.db, "SELECT count(*) FROM cases")[0][0])
        # the search rows the bootstrap put off are owed, in the same transactions
        owed = rows(b.db, "SELECT count(*) FROM case_contacts k"
                          " WHERE NOT EXISTS (SELECT 1 FROM case_search s WHERE s.rowid = k.rowid)")[0][0]
        stale = rows(b.db, "SELECT value FROM meta WHERE key = 'search_stale'")
        self.assertEqual(stale, [("1",)] if owed else [])
        b.sync(now=day(27))
        self.assertEqual(rows(b.db, "SELECT count(*) FROM meta WHERE key = 'search_stale'")[0][0], 0)
        c = enrol(self.server, self.tmp, "c", "BJ01")
        c.sync(now=day(27))
        for sql in ("SELECT id, case_id, kind, actor, at, hlc_ms, hlc_counter, device, payload FROM events ORDER BY id",
                    "SELECT * FROM cases ORDER BY id",
                    "SELECT case_id, name, phone, unit, address FROM case_contacts ORDER BY case_id",
                    "SELECT case_id, number, content, customer FROM case_search ORDER BY case_id"):
            self.assertEqual(rows(b.db, sql), rows(c.db, sql), sql)
        self.assertEqual(rows(b.db, "SELECT count(*) FROM events")[0][0], total)


if __name__ == "__main__":
    unittest.main(verbosity=2)
