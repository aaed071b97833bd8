#!/usr/bin/env python3
# test_pool.py — the server's workers: a pull is answered while slow
# sign-ins are checked, a full queue answers 503 with Retry-After (and the
# client's next run succeeds), SIGTERM finishes the push in flight, kill -9
# under concurrent pushes loses nothing and doubles nothing.
# Holding the workers uses the test-only SHOUWEN_TEST_POOL_GATE=FILE: while
# FILE exists no worker starts a request, and FILE.held says one waits.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import uuid

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)

from syncenv import CTL, day, enrol, event_json, make_world, register, rows
from test_kill import fill_outbox

GATE = "SHOUWEN_TEST_POOL_GATE"


def wait_for(cond, what, timeout=30):
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(0.01)


class PoolTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-pool-")
        self.gate = os.path.join(self.tmp, "gate")
        self.server = None
        self.began = time.monotonic()

    def tearDown(self):
        print(f"{self.id()}: {time.monotonic() - self.began:.1f} s", file=sys.stderr)
        os.environ.pop(GATE, None)
        os.environ.pop("SHOUWEN_PASSWORD_COSTS", None)
        if os.path.exists(self.gate):
            os.unlink(self.gate)
        if self.server is not None:
            self.server.stop()
        shutil.rmtree(self.tmp)

    def start(self, *args, gated=False):
        if gated:
            os.environ[GATE] = self.gate
        self.server = make_world(self.tmp, *args)
        return self.server

    def token(self, branch="BJ01"):
        self.device = str(uuid.uuid4())
        status, body = self.server.request("POST", "/api/v1/enrol",
                                           {"code": self.server.code(branch), "device_id": self.device})
        self.assertEqual(status, 200, body)
        return json.loads(body)["token"]

    def test_pull_answered_while_sign_ins_are_checked(self):
        # full Argon2id costs for R01's hash and on the server: slow checks
        os.environ["SHOUWEN_PASSWORD_COSTS"] = "full"
        server = self.start("--workers", "6")
        p = subprocess.run([CTL, "server", "password", "R01", "--data-dir", server.data_dir],
                           input="r01-password\n", capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        token = self.token()
        done = {}

        def call(name, method, path, body=None):
            status, answer = server.request(method, path, body, token=token)
            done[name] = (time.monotonic(), status, answer)

        threads = [threading.Thread(target=call, args=(f"sign-in {i}", "POST", "/api/v1/sign-in",
                                                       {"empno": "R01", "password": "r01-password"}))
                   for i in range(4)]
        for t in threads:
            t.start()
        call("pull", "GET", "/api/v1/sync/pull?since=0")
        for t in threads:
            t.join()
        for name, (_, status, answer) in done.items():
            self.assertEqual(status, 200, (name, answer))
        # the pull came back before any of the four sign-ins sent before it
        first_sign_in = min(at for name, (at, _, _) in done.items() if name != "pull")
        self.assertLess(done["pull"][0], first_sign_in)

    def test_full_queue_answers_503_and_the_client_runs_again(self):
        server = self.start("--workers", "1", "--queue", "1", gated=True)
        a = enrol(server, self.tmp, "a", "BJ01")
        made = fill_outbox(a.db, "A", 5, 1795400000000)
        open(self.gate, "w").close()
        answers = []

        def probe():
            answers.append(server.request("GET", "/healthz"))

        # one held by the worker, one waiting in the queue, the rest refused
        probes = [threading.Thread(target=probe) for _ in range(3)]
        for t in probes:
            t.start()
        wait_for(lambda: os.path.exists(self.gate + ".held") and answers, "a refused probe")
        status, body = answers[0]
        self.assertEqual(status, 503, body)
        self.assertEqual(json.loads(body)["error"]["code"], "unavailable")
        # Retry-After, read straight off the socket
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        conn.request("GET", "/healthz")
        r = conn.getresponse()
        self.assertEqual((r.status, r.getheader("Retry-After")), (503, "5"))
        conn.close()
        # a client that does not ask again hears it, keeps its outbox and says the server is busy
        p = subprocess.run([CTL, "--db", a.db, "--now", day(27), "--as", "admin", "sync", "run"],
                           capture_output=True, text=True, timeout=60,
                           env={**os.environ, "SHOUWEN_SYNC_RETRIES": "0"})
        self.assertNotEqual(p.returncode, 0)
        self.assertEqual(rows(a.db, "SELECT count(*) FROM events WHERE pushed = 0")[0][0], len(made))
        # released: the held and queued requests are answered, the next run pushes everything
        os.unlink(self.gate)
        for t in probes:
            t.join()
        self.assertEqual(sorted(s for s, _ in answers), [200, 200, 503])
        report = a.sync(now=day(27))
        self.assertEqual(report["pushed"], len(made), report)
        self.assertEqual(rows(a.db, "SELECT count(*) FROM events WHERE pushed = 0")[0][0], 0)
        on_server = rows(server.db(), "SELECT count(*), count(DISTINCT id) FROM events WHERE id IN (%s)"
                         % ",".join("?" * len(made)), made)[0]
        self.assertEqual(on_server, (len(made), len(made)))

    def test_run_waits_out_a_full_queue(self):
        # a 503 is asked again after Retry-After within the same run
        server = self.start("--workers", "1", "--queue", "1", gated=True)
        a = enrol(server, self.tmp, "a", "BJ01")
        made = fill_outbox(a.db, "A", 5, 1795400000000)
        open(self.gate, "w").close()
        answers = []
        probes = [threading.Thread(target=lambda: answers.append(server.request("GET", "/healthz")))
                  for _ in range(2)]
        for t in probes:
            t.start()
        wait_for(lambda: os.path.exists(self.gate + ".held"), "the worker to hold a probe")
        log = os.path.join(self.tmp, "access.log")

        def refused():
            with open(log, encoding="utf-8") as f:
                return [e for e in map(json.loads, f) if e["path"].startswith("/api/v1/") and e["status"] == 503]
        began = time.monotonic()
        run = subprocess.Popen([CTL, "--db", a.db, "--now", day(27), "--as", "admin", "--json", "sync", "run"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wait_for(lambda: refused(), "the client's request to be refused")
        self.assertIsNone(run.poll(), "the run gave up at the first 503")
        os.unlink(self.gate)
        out, err = run.communicate(timeout=60)
        self.assertEqual(run.returncode, 0, err)
        self.assertEqual(json.loads(out)["pushed"], len(made), out)
        # it waited what the server asked (5 s), not more than the bound
        self.assertGreaterEqual(time.monotonic() - began, 4.5)
        self.assertLess(time.monotonic() - began, 40)
        self.assertEqual(rows(a.db, "SELECT count(*) FROM events WHERE pushed = 0")[0][0], 0)
        for t in probes:
            t.join()
        self.assertEqual(server.query("SELECT count(*) FROM events WHERE id IN (%s)" % ",".join("?" * len(made)),
                                      "SELECT count(*) FROM sw_event WHERE event_id IN (%s)"
                                      % ",".join("?" * len(made)), made), [(len(made),)])

    def test_file_upload_waits_out_a_full_queue(self):
        # issue 17: an attached file's parts meet a 503 too; the transfer asks
        # again after Retry-After, as the push does, and the file arrives whole
        import hashlib
        server = self.start("--workers", "1", "--queue", "1", gated=True)
        a = enrol(server, self.tmp, "a", "BJ01")
        c = register(a, day(23), "R01", "来信反映网点服务问题")
        data = b"%PDF-1.4\n" + os.urandom(60_000) + b"\n%%EOF\n"
        path = os.path.join(self.tmp, "letter.pdf")
        with open(path, "wb") as f:
            f.write(data)
        a.run("case", "attach", c["number"], path, as_="R01", now=day(23))
        log = os.path.join(self.tmp, "access.log")

        def entries():
            with open(log, encoding="utf-8") as f:
                return [e for e in map(json.loads, f) if e["path"].startswith("/api/v1/blobs/")]
        env = {**os.environ, "SHOUWEN_TEST_BLOB_CHUNK": "4096", "SHOUWEN_TEST_BLOB_DELAY_MS": "200"}
        run = subprocess.Popen([CTL, "--db", a.db, "--now", day(27), "--as", "admin", "--json", "sync", "run"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        # once parts flow, hold the worker and fill the queue: the next part is refused
        wait_for(lambda: any(e["status"] == 200 and "/status" not in e["path"] for e in entries()),
                 "the first part of the file")
        open(self.gate, "w").close()
        answers = []
        probes = [threading.Thread(target=lambda: answers.append(server.request("GET", "/healthz")))
                  for _ in range(2)]
        for t in probes:
            t.start()
        wait_for(lambda: any(e["status"] == 503 for e in entries()), "a part to be refused")
        self.assertIsNone(run.poll(), "the transfer gave up at the first 503")
        os.unlink(self.gate)
        out, err = run.communicate(timeout=120)
        self.assertEqual(run.returncode, 0, err)
        for t in probes:
            t.join()
        h = hashlib.sha256(data).hexdigest()
        listed = a.json("case", "attachments", c["number"], as_="R01", now=day(27))
        self.assertEqual([x["hash"] for x in listed], [h])
        # the file is whole on the server: another device fetches it intact
        b = enrol(server, self.tmp, "b", "BJ01")
        b.sync(now=day(27))
        out_path = os.path.join(self.tmp, "fetched.pdf")
        b.run("case", "attachment", c["number"], h, "--output", out_path, as_="R01", now=day(27))
        with open(out_path, "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), h)

    def test_sigterm_finishes_the_push_in_flight(self):
        server = self.start("--workers", "2", gated=True)
        token = self.token()
        case_id = "11111111-1111-4111-8111-111111111111"
        reg = {"number": "BJ01-P-20261123-0001", "branch": "BJ01", "channel": "visit",
               "kind": "consultation", "content": "停机前的推送", "anonymous": 0, "signature": 0,
               "received_at": 1795400000000, "owner": "R01", "owner_department": "RETAIL1",
               "policy_version": 1}
        event = event_json(case_id, kind="registered", hlc_ms=1795400000000, payload=reg, device=self.device)
        answer = []
        open(self.gate, "w").close()
        t = threading.Thread(target=lambda: answer.append(
            server.request("POST", "/api/v1/sync/push", {"events": [event]}, token=token)))
        t.start()
        wait_for(lambda: os.path.exists(self.gate + ".held"), "the push to reach a worker")
        server.proc.send_signal(signal.SIGTERM)

        def stopping():
            with open(os.path.join(self.tmp, "server.err"), encoding="utf-8") as f:
                return "Stopping" in f.read()
        wait_for(stopping, "the server to take the signal")
        # stopping: a new request is refused while the held one waits
        status, _ = server.request("GET", "/healthz")
        self.assertEqual(status, 503)
        os.unlink(self.gate)
        t.join()
        status, body = answer[0]
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body)["results"][0]["status"], "ok", body)
        self.assertEqual(server.proc.wait(timeout=30), 0)
        self.assertEqual(rows(server.db(), "SELECT count(*) FROM events WHERE id = ?", (event["id"],)), [(1,)])
        server.stop()
        self.server = None

    def test_kill_under_concurrent_pushes(self):
        server = self.start("--workers", "3")
        clients = [enrol(server, self.tmp, name, "BJ01") for name in ("a", "b", "c")]
        made = []
        for i, c in enumerate(clients):
            made += fill_outbox(c.db, "ABC"[i], 20, 1795400000000 + i * 10 ** 7)
        cmds = [[CTL, "--db", c.db, "--now", day(27), "--as", "admin", "sync", "run", "--push-batch", "3"]
                for c in clients]
        procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for cmd in cmds]
        # kill -9 once some pushes have committed and others are under way
        wait_for(lambda: rows(server.db(), "SELECT count(*) FROM events")[0][0] >= 9, "the first pushes")
        server.stop(signal.SIGKILL)
        for p in procs:
            p.wait(timeout=60)
        server.start()
        for c in clients:
            c.sync(now=day(27))
        ids = [r[0] for r in rows(server.db(), "SELECT id FROM events")]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertTrue(set(made) <= set(ids), f"{len(set(made) - set(ids))} events lost")
        dup = rows(server.db(), "SELECT count(*) - count(DISTINCT event_id) FROM server_feed"
                                " WHERE branch_code = 'BJ01'")[0][0]
        self.assertEqual(dup, 0)
        for c in clients:
            self.assertEqual(rows(c.db, "SELECT count(*) FROM events WHERE pushed = 0")[0][0], 0)
            self.assertEqual(rows(c.db, "SELECT count(*) FROM sync_rejected")[0][0], 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
