#!/usr/bin/env python3
# test_sync.py — two branches work offline for days, transfer cases to each
# other, then sync in many orders: the server and both clients must end with
# the same rows and timelines; concurrent changes resolve the same way
# everywhere with the loser visible. Also: a restore from backup, the
# server's descriptors after many clients hang up, a graceful stop, TLS.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)

import syncenv  # noqa: E402
from syncenv import (case_rows, conflicts, contacts, day, enrol, events_by_case, make_world,
                     register, rows, timelines)


class SyncTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-sync-")
        self.server = make_world(self.tmp)

    def tearDown(self):
        self.assertEqual(self.server.stop(), 0)
        shutil.rmtree(self.tmp)

    def assert_converged(self, ids, *replicas):
        # the server holds every event of the cases once (either engine) ...
        self.assertEqual(self.server.events_by_case(ids), events_by_case(replicas[0].db, ids))
        self.assertEqual(self.server.query("SELECT count(*) - count(DISTINCT id) FROM events",
                                           "SELECT count(*) - count(DISTINCT event_id) FROM sw_event"), [(0,)])
        # ... and the SQLite engine folds them as the devices do
        dbs = ([] if self.server.database else [self.server.db()]) + [r.db for r in replicas]
        first_rows = case_rows(dbs[0], ids)
        first_events = timelines(dbs[0], ids)
        self.assertEqual(set(first_rows), set(ids))
        for db in dbs[1:]:
            self.assertEqual(case_rows(db, ids), first_rows, db)
            self.assertEqual(timelines(db, ids), first_events, db)
        for db in dbs:
            n = rows(db, "SELECT count(*), count(DISTINCT id) FROM events")[0]
            self.assertEqual(n[0], n[1])

    def offline_days(self, a, b, order):
        """Day 23: each branch registers and transfers to the other; they
        meet on day 24 in the given order; day 25 both work offline; final
        syncs in the order again, twice."""
        x = register(a, day(23), "R01", "对公账户变更，需公司业务部办理")
        y = register(b, day(23, 11), "R11", "个人贷款咨询，转个人业务部")
        z = register(a, day(23, 14), "R02", "存款证明", name="李四", phone="13912345678")
        a.json("case", "transfer", x["number"], "--to", "CORP2", "--note", "对公业务",
               as_=x["owner"]["empno"], now=day(23, 15))
        b.json("case", "transfer", y["number"], "--to", "RETAIL1", "--note", "个人业务",
               as_=y["owner"]["empno"], now=day(23, 16))
        clients = {"a": a, "b": b}
        for c in order + order:
            clients[c].sync(now=day(24, 9))
        b.json("case", "accept", x["number"], "--handler", "C11", as_="CH2", now=day(25, 10))
        a.json("case", "accept", y["number"], "--handler", "R02", as_="RH1", now=day(25, 10))
        b.json("case", "reply", x["number"], "--text", "已办理", as_="C11", now=day(26, 10))
        a.json("case", "reply", y["number"], "--text", "已答复", as_="R02", now=day(26, 11))
        a.json("case", "urge", x["number"], "--note", "请尽快", as_=x["owner"]["empno"], now=day(26, 9))
        for _ in range(2):
            for c in order:
                clients[c].sync(now=day(27, 9))
        return x, y, z

    def test_offline_days_many_orders(self):
        # "ab" meets A first; "bab" meets B first and then a third
        # time (two orders cover who-comes-first and a repeated meeting)
        for i, order in enumerate(["ab", "bab"]):
            with self.subTest(order=order):
                a = enrol(self.server, self.tmp, f"a{i}", "BJ01")
                b = enrol(self.server, self.tmp, f"b{i}", "BJ02")
                x, y, z = self.offline_days(a, b, order)
                ids = {x["id"], y["id"]}
                self.assert_converged(ids, a, b)
                # Z never left BJ01: the server and A have it, B does not
                self.assertIn(z["id"], self.server.case_ids())
                self.assertIn(z["id"], case_rows(a.db))
                self.assertNotIn(z["id"], case_rows(b.db))
                # personal data travels whole within the branches that hold the case
                self.assertEqual(contacts(b.db)[x["id"]][:2], ("张三", "13812341234"))
                status = a.json("sync", "status")
                self.assertEqual(status["pending"], 0)
                self.assertEqual(status["rejected"], 0)
                # numbers carry distinct device codes
                self.assertNotEqual(x["number"].split("-")[1], "")

    def test_concurrent_status_changes(self):
        a = enrol(self.server, self.tmp, "a", "BJ01")
        b = enrol(self.server, self.tmp, "b", "BJ02")
        w = register(a, day(23), "R01", "对公结算问题")
        owner = w["owner"]["empno"]
        a.json("case", "transfer", w["number"], "--to", "CORP2", "--note", "请办理", as_=owner, now=day(23, 11))
        a.sync(now=day(23, 12))
        b.sync(now=day(23, 12))
        b.json("case", "accept", w["number"], "--handler", "C11", as_="CH2", now=day(23, 13))
        b.sync(now=day(23, 14))
        a.sync(now=day(23, 14))
        # offline: the owner replies at 10:00, the handler escalates at 11:00
        a.json("case", "reply", w["number"], "--text", "已答复客户", as_=owner, now=day(24, 10))
        b.json("case", "escalate", w["number"], "--to", "L02", "--note", "需行长决定",
               as_="C11", now=day(24, 11))
        for c in (b, a, b):
            c.sync(now=day(25))
        self.assert_converged({w["id"]}, a, b)
        state = case_rows(a.db)[w["id"]]
        self.assertIn("escalated", state)
        found = [conflicts(db) for db in (a.db, b.db)]
        self.assertEqual(found[0], found[1])
        if not self.server.database:   # only the SQLite engine folds
            self.assertEqual(found[0], conflicts(self.server.db()))
        lost = [c for c in found[0] if c[1] == "state"]
        self.assertEqual(len(lost), 1, found[0])
        self.assertEqual(lost[0][4], "replied")
        self.assertIsNone(lost[0][5])
        # a supervisor's new event settles it, everywhere
        b.json("case", "decide", w["number"], "--text", "按答复办理", as_="L02", now=day(26))
        for c in (b, a, b):
            c.sync(now=day(26, 12))
        for db in ([] if self.server.database else [self.server.db()]) + [a.db, b.db]:
            self.assertIsNotNone([c for c in conflicts(db) if c[1] == "state"][0][5], db)

    def test_restore_pushes_again(self):
        a = enrol(self.server, self.tmp, "a", "BJ01")
        b = enrol(self.server, self.tmp, "b", "BJ02")
        first = register(a, day(23), "R01", "第一件")
        a.sync(now=day(23, 11))
        backup = os.path.join(self.tmp, "server-backup.db")
        self.server.backup(backup)
        later = [register(a, day(23, 12 + i), "R01", f"之后第{i}件") for i in range(3)]
        a.json("case", "transfer", first["number"], "--to", "CORP2", "--note", "转",
               as_=first["owner"]["empno"], now=day(24))
        a.sync(now=day(24, 11))
        b.sync(now=day(24, 11))
        epoch = a.json("sync", "status")["epoch"]
        self.assertEqual(self.server.stop(), 0)
        if self.server.database:   # PostgreSQL: pg_restore of the older dump
            self.server.put_back(backup)
            self.server.start()
        else:
            self.server.start("--restore", backup)
        before = self.server.count_events()
        report = a.sync(now=day(25))
        self.assertTrue(report["epoch_changed"])
        b.sync(now=day(25))
        self.assertNotEqual(a.json("sync", "status")["epoch"], epoch)
        after = self.server.count_events()
        self.assertGreater(after, before)
        ids = {first["id"]} | {c["id"] for c in later}
        self.assertEqual(self.server.case_ids() & ids, ids)
        self.assert_converged({first["id"]}, a, b)
        self.assertEqual(self.server.events_by_case(ids), events_by_case(a.db, ids))

    def test_server_runs_on_the_system_malloc(self):
        """On a GLib before 2.76 the server runs itself again with
        G_SLICE=always-malloc (src/core/base/sw-malloc.c), unless G_SLICE
        was set; as does `shouwenctl sync run`."""
        version = subprocess.run(["pkg-config", "--modversion", "glib-2.0"], capture_output=True,
                                 text=True, check=True).stdout.strip()
        slices = tuple(int(x) for x in version.split(".")[:2]) < (2, 76)
        self.assertNotIn("G_SLICE", os.environ)
        # started as any server is, not as the leak-checked ones of the tests (LEAK_ENV sets G_SLICE)
        self.server.stop()
        self.server.start(leak_check=False)
        with open(f"/proc/{self.server.proc.pid}/environ", "rb") as f:
            env = f.read().split(b"\0")
        self.assertEqual(b"G_SLICE=always-malloc" in env, slices, version)
        # the program runs again, as it was asked to: it answers
        self.assertEqual(self.server.request("GET", "/healthz")[0], 200)

    def test_pull_headers_name_the_next_page(self):
        """A page with more after it names the next page's question in its
        headers too, as its body does, so that a device asks for that page
        before it has parsed this one; the last page names none. A device
        that pulls a page at a time ends with every event once."""
        a = enrol(self.server, self.tmp, "a", "BJ01")
        cases = [register(a, day(23, 9 + i), "R01", f"第{i}件咨询") for i in range(3)]
        a.sync(now=day(23, 12))
        status, body = self.server.request("POST", "/api/v1/enrol",
                                           {"code": self.server.code("BJ01", "--inspector"),
                                            "device_id": "0190a5a8-0000-7000-8000-0000000000e1"})
        self.assertEqual(status, 200, body)
        token = json.loads(body)["token"]
        since, pages = 0, 0
        while True:
            status, body, headers = self.server.request("GET", f"/api/v1/sync/pull?since={since}&limit=1",
                                                        token=token, answer_headers=True)
            self.assertEqual(status, 200, body)
            page = json.loads(body)
            pages += 1
            if not page["more"]:
                self.assertEqual((headers["Shouwen-Cursor"], headers["Shouwen-Position"]), (None, None))
                break
            self.assertEqual((headers["Shouwen-Cursor"], headers["Shouwen-Position"]),
                             (str(page["cursor"]), str(page["position"])))
            since = page["cursor"]
        self.assertGreaterEqual(pages, 3)   # three registrations, an event a page
        b = enrol(self.server, self.tmp, "b", "BJ01")
        report = b.sync("--pull-limit", "1", now=day(23, 13))
        self.assertGreaterEqual(report["pulled"], 3)
        self.assert_converged({c["id"] for c in cases}, a, b)

    @unittest.skipIf(syncenv.ENGINE == "postgresql", "the HTTP layer's, the same on either engine")
    def test_descriptors_return_to_baseline(self):
        self.server.stop()
        # a load test: without the slow leak-checking allocator
        self.server.start("--idle-timeout", "2", "--max-connections-per-address", "1000",
                          leak_check=False)
        pid = self.server.proc.pid
        fds = lambda: len(os.listdir(f"/proc/{pid}/fd"))
        self.server.request("GET", "/healthz")
        time.sleep(0.2)
        baseline = fds()
        # 500 at once: the deep backlog takes them all
        burst = [socket.create_connection(("127.0.0.1", self.server.port), timeout=60) for _ in range(500)]
        for s in burst:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answered = 0
        for s in burst:
            answered += s.recv(4096).startswith(b"HTTP/1.1 200")
            s.close()
        self.assertEqual(answered, 500)
        # then clients that hang up on a kept-alive connection, and some that say nothing
        for _ in range(300):
            s = socket.create_connection(("127.0.0.1", self.server.port))
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            s.recv(4096)
            s.close()
        for _ in range(100):   # connect and say nothing
            socket.create_connection(("127.0.0.1", self.server.port)).close()

        deadline = time.time() + 20
        while time.time() < deadline and fds() > baseline + 2:
            time.sleep(0.5)
        self.assertLessEqual(fds(), baseline + 2)

    def test_sigterm_finishes_requests_in_flight(self):
        body = json.dumps({"code": "WRONG-CODE", "device_id": "0190a5a8-0000-7000-8000-000000000001"}).encode()
        s = socket.create_connection(("127.0.0.1", self.server.port))
        s.sendall(b"POST /api/v1/enrol HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: %d\r\n\r\n" % len(body) + body[:10])
        time.sleep(0.3)
        self.server.proc.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        self.assertIsNone(self.server.proc.poll())   # still answering the request
        s.sendall(body[10:])
        answer = b""
        while not answer.endswith(b"}"):
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
        s.close()
        self.assertTrue(answer.startswith(b"HTTP/1.1 401"), answer)
        self.assertIn(b'"bad_code"', answer)
        self.assertEqual(self.server.proc.wait(timeout=15), 0)
        self.server.stop()
        self.server.start()   # for tearDown

    @unittest.skipUnless(shutil.which("openssl"), "needs openssl (installed by build-aux/install-deps.sh)")
    @unittest.skipIf(syncenv.ENGINE == "postgresql", "the HTTP layer's, the same on either engine")
    def test_tls(self):
        cert, key = (os.path.join(self.tmp, n) for n in ("cert.pem", "key.pem"))
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert],
                       check=True, capture_output=True)
        self.server.stop()
        self.server.start("--tls-cert", cert, "--tls-key", key, leak_check=False)
        self.assertTrue(self.server.url.startswith("https://"))
        ctx = ssl.create_default_context(cafile=cert)
        ctx.check_hostname = False
        with urllib.request.urlopen(self.server.url + "/healthz", context=ctx, timeout=10) as r:
            self.assertEqual(json.loads(r.read())["status"], "ok")
        self.assertEqual(self.server.stop(), 0)
        self.server.start()   # for tearDown


if __name__ == "__main__":
    unittest.main(verbosity=2)
