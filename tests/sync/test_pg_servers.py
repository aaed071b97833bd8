#!/usr/bin/env python3
# test_pg_servers.py — two shouwen-server processes on one PostgreSQL
# database (a throwaway cluster, pgcluster.py), with the clients going to
# either at random: the two-branch offline scenario converges identical on
# every replica and on a device that bootstraps afterwards; positions are
# 1..max with no gap and every event is stored once; an enrolment code is
# spent once whichever process hears it; no session is left idle in a
# transaction; a server refuses a schema it doesn't know; kill -9 of either
# process at random points during pushes (SHOUWEN_KILLS that land during a
# push, 50 unless set) and of the PostgreSQL backend of a push loses and
# doubles nothing.
# Skipped (77) where PostgreSQL 15 is not installed.
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
import threading
import time
import unittest

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)
os.environ["SHOUWEN_TEST_ENGINE"] = "postgresql"

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pgcluster  # noqa: E402

if not pgcluster.available():
    print("PostgreSQL 15 is not installed", file=sys.stderr)
    sys.exit(77)

import syncenv  # noqa: E402
from syncenv import Server, case_rows, day, enrol, make_world, register, timelines  # noqa: E402

SEED = int(os.environ.get("SHOUWEN_TEST_SEED", str(int(time.time()))))


class TwoServersTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-pg2-")
        self.rng = random.Random(SEED)
        print(f"seed {SEED}", file=sys.stderr)
        self.one = make_world(self.tmp)
        os.makedirs(os.path.join(self.tmp, "log2"))
        self.two = Server(os.path.join(self.tmp, "server2"), os.path.join(self.tmp, "log2"),
                          database=self.one.database).start()

    def tearDown(self):
        for s in (self.one, self.two):
            self.assertEqual(s.stop(), 0)
        shutil.rmtree(self.tmp)

    def psql(self, sql):
        return self.one.psql(sql).strip()

    def sync_somewhere(self, ctl, now):
        """A sync run through one of the two processes, chosen at random."""
        self.point_at(ctl, self.rng.choice((self.one, self.two)))
        ctl.sync(now=now)

    def test_offline_branches_converge_through_either_process(self):
        a = enrol(self.one, self.tmp, "a", "BJ01")
        b = enrol(self.two, self.tmp, "b", "BJ02")
        x = register(a, day(23), "R01", "对公账户变更，需公司业务部办理")
        y = register(b, day(23, 11), "R11", "个人贷款咨询，转个人业务部")
        z = register(a, day(23, 14), "R02", "存款证明", name="李四", phone="13912345678")
        a.json("case", "transfer", x["number"], "--to", "CORP2", "--note", "对公业务",
               as_=x["owner"]["empno"], now=day(23, 15))
        b.json("case", "transfer", y["number"], "--to", "RETAIL1", "--note", "个人业务",
               as_=y["owner"]["empno"], now=day(23, 16))
        for c in (a, b, a, b):
            self.sync_somewhere(c, day(24, 9))
        b.json("case", "accept", x["number"], "--handler", "C11", as_="CH2", now=day(25, 10))
        a.json("case", "accept", y["number"], "--handler", "R02", as_="RH1", now=day(25, 10))
        b.json("case", "reply", x["number"], "--text", "已办理", as_="C11", now=day(26, 10))
        a.json("case", "reply", y["number"], "--text", "已答复", as_="R02", now=day(26, 11))
        a.json("case", "urge", x["number"], "--note", "请尽快", as_=x["owner"]["empno"], now=day(26, 9))
        for c in (b, a, b, a):
            self.sync_somewhere(c, day(27, 9))

        shared = {x["id"], y["id"]}
        self.assertEqual(set(case_rows(a.db, shared)), shared)
        self.assertEqual(case_rows(a.db, shared), case_rows(b.db, shared))
        self.assertEqual(timelines(a.db, shared), timelines(b.db, shared))
        self.assertNotIn(z["id"], case_rows(b.db))
        # a device that starts afterwards, through the other process, holds the same
        c = enrol(self.two, self.tmp, "c", "BJ01")
        self.sync_somewhere(c, day(27, 10))
        self.assertEqual(case_rows(c.db), case_rows(a.db))
        self.assertEqual(timelines(c.db), timelines(a.db))

        # the log: positions 1..max with no gap, every event once, nothing
        # left open
        n, low, high, ids = self.psql("SELECT count(*), min(position), max(position),"
                                      " count(DISTINCT event_id) FROM sw_event").split("|")
        self.assertEqual((int(low), int(high), int(ids)), (1, int(n), int(n)))
        events_a = syncenv.rows(a.db, "SELECT count(*) FROM events")[0][0]
        self.assertGreaterEqual(int(n), events_a)
        self.assertEqual(self.psql("SELECT count(*) FROM pg_stat_activity"
                                   " WHERE state LIKE 'idle in transaction%'"), "0")

    def test_enrolment_code_spent_once_across_processes(self):
        code = self.one.code("BJ01")
        answers = []

        def enrol_at(server, i):
            status, _ = server.request("POST", "/api/v1/enrol",
                                       {"code": code, "device_id": f"0190a5a8-0000-7000-8000-00000000000{i}"})
            answers.append(status)

        threads = [threading.Thread(target=enrol_at, args=(s, i))
                   for i, s in enumerate((self.one, self.two, self.one, self.two))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(answers), [200, 401, 401, 401])

    def test_device_roles_kept(self):
        """An inspector's and a head office's device stay read-only whichever
        process they reach (the role is stored, not guessed)."""
        b = enrol(self.one, self.tmp, "b", "BJ01")
        x = register(b, day(23), "R01", "开户咨询")
        b.sync(now=day(23, 11))
        for i, kind in enumerate(("--inspector", "--head-office")):
            code = self.one.code("BJ01", kind)
            status, body = self.two.request("POST", "/api/v1/enrol",
                                            {"code": code, "device_id": f"0190a5a8-0000-7000-8000-0000000000f{i}"})
            self.assertEqual(status, 200, body)
            token = json.loads(body)["token"]
            status, body = self.one.request("POST", "/api/v1/sync/push",
                                            {"events": [syncenv.event_json(x["id"])]}, token=token)
            self.assertEqual((status, json.loads(body)["error"]["code"]), (403, "forbidden"), kind)
            status, body = self.two.request("GET", "/api/v1/sync/pull?since=0&limit=5000", token=token)
            self.assertEqual(status, 200)
            self.assertNotIn(b"13812341234", body)   # masked, whichever role

    def test_lock_timeout_answers_503_and_the_run_completes(self):
        """A push that waits past lock_timeout for its case's lock is answered
        503 with Retry-After; the client asks again within the same run and
        the run completes once the lock is free."""
        a = enrol(self.one, self.tmp, "a", "BJ01")
        x = register(a, day(23), "R01", "开户咨询")
        a.sync(now=day(23, 11))
        a.run("case", "answer", x["number"], "--text", "已当场说明", as_="R01", now=day(23, 12))
        # another session holds the case's lock (as a stuck push would)
        holder = self.hold_case_locks([x["id"]])
        deadline = time.monotonic() + 30
        log = os.path.join(self.tmp, "access.log")

        def refused():
            with open(log, encoding="utf-8") as f:
                return [e for e in map(json.loads, f) if e["path"] == "/api/v1/sync/push" and e["status"] == 503]
        run = subprocess.Popen([syncenv.CTL, "--db", a.db, "--now", day(23, 13), "--as", "admin",
                                "--json", "sync", "run"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            while not refused():
                self.assertLess(time.monotonic(), deadline, "no 503 for the push")
                self.assertIsNone(run.poll(), run.stderr.read() if run.poll() is not None else "")
                time.sleep(0.05)
            self.assertIsNone(run.poll(), "the run gave up at the first 503")
        finally:
            holder.stdin.write("COMMIT;\n")
            holder.stdin.close()
            holder.wait(timeout=30)
        out, err = run.communicate(timeout=60)
        self.assertEqual(run.returncode, 0, err)
        self.assertEqual(json.loads(out)["pushed"], 1, out)
        self.assertEqual(self.psql("SELECT count(*) FROM sw_event WHERE case_id = '%s'" % x["id"]),
                         str(len(timelines(a.db)[x["id"]])))
        self.assertEqual(self.psql("SELECT count(*) FROM pg_stat_activity"
                                   " WHERE state LIKE 'idle in transaction%'"), "0")

    def point_at(self, ctl, server):
        con = sqlite3.connect(ctl.db)
        con.execute("UPDATE meta SET value = ? WHERE key = 'sync_server'", (server.url,))
        con.commit()
        con.close()

    def push_run(self, c, server):
        self.point_at(c, server)
        return subprocess.Popen([syncenv.CTL, "--db", c.db, "--now", day(27), "--as", "admin",
                                 "sync", "run", "--push-batch", "2"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def hold_case_locks(self, case_ids):
        """Another session holding these cases' locks, as a stuck push would
        (its psql process; the locks are taken when this returns)."""
        holder = subprocess.Popen(["psql", "-X", "-q", "-h", syncenv.pg_cluster().sock,
                                   "-p", str(syncenv.pg_cluster().port), "-U", "postgres",
                                   "-d", self.one.database.split("/")[3].split("?")[0]],
                                  stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, text=True)
        holder.stdin.write("BEGIN;\n" + "".join(f"SELECT pg_advisory_xact_lock (hashtext ('{c}'));\n"
                                                for c in case_ids))
        holder.stdin.flush()
        deadline = time.monotonic() + 30
        while int(self.psql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")) < len(case_ids):
            self.assertLess(time.monotonic(), deadline, "the locks were never taken")
            time.sleep(0.02)
        return holder

    def waiting_push(self, timeout=30):
        """The pid of the database session of a push waiting for a case's lock."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid = self.psql("SELECT pid FROM pg_stat_activity WHERE datname = current_database ()"
                            " AND wait_event_type = 'Lock' AND query ILIKE '%pg_advisory_xact_lock%' LIMIT 1")
            if pid:
                return int(pid)
            time.sleep(0.02)
        return None

    def test_kill_either_process_during_pushes(self):
        """kill -9 of one of the two processes, chosen at random, at a random
        point while both clients push, until SHOUWEN_KILLS kills (50 unless
        set) landed while a push was under way; then kill -9 of the
        PostgreSQL backend of a push, once (the cluster restarts every
        session). Every event exactly once everywhere, no gap."""
        from test_kill import fill_outbox
        wanted = int(os.environ.get("SHOUWEN_KILLS", "50"))
        clients = [enrol(self.one, self.tmp, name, "BJ01") for name in ("a", "c")]
        made, kills, rounds = [], 0, 0
        while kills < wanted and rounds < wanted * 3:
            procs = []
            for i, c in enumerate(clients):
                made += fill_outbox(c.db, "AC"[i], 6, 1795400000000 + (2 * rounds + i) * 10 ** 6)
                procs.append(self.push_run(c, self.rng.choice((self.one, self.two))))
            time.sleep(self.rng.uniform(0.02, 0.4))
            kills += any(p.poll() is None for p in procs)
            victim = self.rng.choice((self.one, self.two))
            victim.stop(signal.SIGKILL)
            victim.start()
            for p in procs:
                p.wait(timeout=120)
            rounds += 1
        print(f"{kills} of {rounds} kills landed during a push", file=sys.stderr)
        self.assertGreaterEqual(kills, wanted)
        # the backend of a push, killed -9 (while it waits for a case's lock
        # that another session holds, so that it is surely mid-push):
        # PostgreSQL ends every session and recovers; the servers open new
        # sessions and the client's next run completes the push
        c = clients[0]
        made += fill_outbox(c.db, "A", 3, 1795500000000)
        holder = self.hold_case_locks([r[0] for r in syncenv.rows(c.db, "SELECT DISTINCT case_id FROM events"
                                                                       " WHERE pushed = 0")])
        p = self.push_run(c, self.one)
        t0 = time.monotonic()
        pid = self.waiting_push()
        self.assertIsNotNone(pid, "no push waited for its case's lock")
        t1 = time.monotonic()
        os.kill(pid, signal.SIGKILL)
        p.wait(timeout=120)
        print(f"backend wait {t1-t0:.1f} s, run after the kill {time.monotonic()-t1:.1f} s", file=sys.stderr)
        holder.stdin.close()
        holder.wait(timeout=30)
        for _ in range(100):   # until the cluster's recovery lets sessions in again
            if syncenv.pg_cluster().psql("SELECT 1", check=False).strip() == "1":
                break
            time.sleep(0.1)
        self.assertIn("terminated by signal 9", syncenv.pg_cluster().log())
        for c in clients + clients:
            self.sync_somewhere(c, day(27))
        stored = {r for r in self.psql("SELECT event_id FROM sw_event").split("\n")}
        self.assertTrue(set(made) <= stored, f"{len(set(made) - stored)} events lost")
        for table, column in (("sw_event", "position"), ("sw_feed", "seq")):
            n, low, high = map(int, self.psql(f"SELECT count(*), min({column}), max({column}) FROM {table}").split("|"))
            self.assertEqual((low, high), (1, n), table)
        self.assertEqual(self.psql("SELECT count(*) - count(DISTINCT event_id) FROM sw_feed"
                                   " WHERE branch_code = 'BJ01'"), "0")
        feed = set(self.psql("SELECT event_id FROM sw_feed WHERE branch_code = 'BJ01'").split("\n"))
        for c in clients:
            ids = [r[0] for r in syncenv.rows(c.db, "SELECT id FROM events")]
            self.assertEqual(len(ids), len(set(ids)))
            self.assertEqual(set(ids), feed, c.db)
            self.assertEqual(syncenv.rows(c.db, "SELECT count(*) FROM events WHERE pushed = 0")[0][0], 0)
            self.assertEqual(syncenv.rows(c.db, "SELECT count(*) FROM sync_rejected")[0][0], 0)
        self.assertEqual(self.psql("SELECT count(*) FROM pg_stat_activity"
                                   " WHERE state LIKE 'idle in transaction%'"), "0")

    def test_unknown_schema_refused(self):
        known = self.psql("SELECT value FROM sw_meta WHERE key = 'schema'")
        self.psql("UPDATE sw_meta SET value = '999' WHERE key = 'schema'")
        third = Server(os.path.join(self.tmp, "server3"), self.tmp, database=self.one.database)
        p = subprocess.run([syncenv.SERVER, "--database", self.one.database, "--listen", f"127.0.0.1:{third.port}"],
                           capture_output=True, text=True, timeout=60)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("999", p.stderr)
        self.psql(f"UPDATE sw_meta SET value = '{known}' WHERE key = 'schema'")

if __name__ == "__main__":
    unittest.main(verbosity=2)
