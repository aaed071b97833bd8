#!/usr/bin/env python3
# test_security.py — the server decides who reads and writes what: tokens,
# branches, inspectors (masked on the server), and bad input refused whole.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)

import syncenv
from syncenv import (day, enrol, event_json, make_world, meta, register, rows)

syncenv.STRICT = True


def error_code(body):
    return json.loads(body)["error"]["code"]


class SecurityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="shouwen-sec-")
        cls.server = make_world(cls.tmp)
        cls.a = enrol(cls.server, cls.tmp, "a", "BJ01")
        cls.b = enrol(cls.server, cls.tmp, "b", "BJ02")
        cls.u = enrol(cls.server, cls.tmp, "u", "BJ01", "--inspector")
        cls.x = register(cls.a, day(23), "R01", "开户咨询", name="张三丰", phone="13812341234",
                         unit="浙江明远科技有限公司")
        cls.a.sync(now=day(23, 11))
        cls.b.sync(now=day(23, 11))
        cls.ta = meta(cls.a.db, "sync_token")
        cls.tb = meta(cls.b.db, "sync_token")
        cls.tu = meta(cls.u.db, "sync_token")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp)

    def n_events(self):
        return self.server.count_events()

    def push(self, token, events, raw=None):
        return self.server.request("POST", "/api/v1/sync/push", {"events": events}, token=token, raw=raw)

    def test_tokens(self):
        for path in ("/api/v1/sync/pull", "/api/v1/directory", f"/api/v1/cases/{self.x['id']}"):
            status, body = self.server.request("GET", path)
            self.assertEqual((status, error_code(body)), (401, "unauthorized"))
            status, body = self.server.request("GET", path, token="0" * 64)
            self.assertEqual((status, error_code(body)), (401, "unauthorized"))
        status, _ = self.server.request("GET", "/api/v1/sync/pull", token=self.ta)
        self.assertEqual(status, 200)
        # the server keeps only hashes
        self.assertEqual(self.server.query("SELECT count(*) FROM server_devices WHERE token_hash = ?",
                                           "SELECT count(*) FROM sw_device WHERE token_hash = ?", (self.ta,))[0][0], 0)

    def test_expired_token(self):
        self.server.stop()
        try:
            self.server.start(now="2028-06-01T00:00:00+08:00")
            status, body = self.server.request("GET", "/api/v1/sync/pull", token=self.ta)
            self.assertEqual(status, 401)
            self.assertIn("expired", json.loads(body)["error"]["message"])
        finally:
            self.server.stop()
            self.server.start()

    def test_other_branch_case(self):
        status, body = self.server.request("GET", f"/api/v1/cases/{self.x['id']}", token=self.tb)
        self.assertEqual((status, error_code(body)), (403, "forbidden"))
        status, body = self.server.request("GET", f"/api/v1/cases/{self.x['id']}", token=self.ta)
        self.assertEqual(status, 200)
        before = self.n_events()
        status, body = self.push(self.tb, [event_json(self.x["id"])])
        self.assertEqual((status, error_code(body)), (403, "forbidden"))
        self.assertEqual(self.n_events(), before)
        # the refusal is in the access log with who and why
        time.sleep(0.2)
        with open(os.path.join(self.tmp, "access.log"), encoding="utf-8") as f:
            log = [json.loads(line) for line in f]
        refused = [e for e in log if e.get("refused") == "forbidden" and e["path"] == "/api/v1/sync/push"]
        self.assertTrue(any(e["branch"] == "BJ02" and e["device"] and e["reason"] for e in refused), refused)
        # and B's pulls never carry it
        _, body = self.server.request("GET", "/api/v1/sync/pull?since=0&limit=5000", token=self.tb)
        self.assertNotIn(self.x["id"].encode(), body)

    def test_inspector(self):
        before = self.n_events()
        status, body = self.push(self.tu, [event_json(self.x["id"])])
        self.assertEqual((status, error_code(body)), (403, "forbidden"))
        self.assertEqual(self.n_events(), before)
        status, body = self.server.request("GET", "/api/v1/sync/pull?since=0&limit=5000", token=self.tu)
        self.assertEqual(status, 200)
        self.assertIn(self.x["id"].encode(), body)
        # the unit names the customer as surely as the name (issue 19)
        for secret in ("13812341234", "张三丰", "三丰", "明远科技", "浙江明远"):
            self.assertNotIn(secret.encode(), body)
        self.assertIn("138****1234".encode(), body)
        self.assertIn("张**".encode(), body)
        self.assertIn("浙江****".encode(), body)
        status, body = self.server.request("GET", f"/api/v1/cases/{self.x['id']}", token=self.tu)
        self.assertEqual(status, 200)
        for secret in ("13812341234", "明远科技"):
            self.assertNotIn(secret.encode(), body)
        # a branch device of the case's branch reads it whole
        status, body = self.server.request("GET", f"/api/v1/cases/{self.x['id']}", token=self.ta)
        self.assertIn("浙江明远科技有限公司".encode(), body)
        # what reached the inspector's database is masked too
        self.u.sync(now=day(23, 12))
        self.assertEqual(rows(self.u.db, "SELECT name, phone, unit FROM case_contacts")[0],
                         ("张**", "138****1234", "浙江****"))
        # nowhere in the inspector's database file or its log (the access policy:
        # an inspector's device never receives personal data whole)
        raw = b"".join(open(p, "rb").read() for p in (self.u.db, self.u.db + "-wal") if os.path.exists(p))
        for secret in ("13812341234", "张三丰", "明远科技"):
            self.assertNotIn(secret.encode(), raw)

    def test_bad_input(self):
        before = self.n_events()
        cases = [
            (b"{not json", 400, "invalid_json"),
            (b"[" * 100000, 400, "too_deep"),
            (json.dumps({"events": [event_json(self.x["id"], kind="teleported")]}).encode(), 422, "unknown_kind"),
            (json.dumps({"events": [{"id": 3}]}).encode(), 422, "invalid_event"),
            (json.dumps({"events": "many"}).encode(), 400, "invalid_request"),
            (json.dumps({"events": [event_json(self.x["id"]) for _ in range(1001)]}).encode(), 413, "too_many_events"),
            (b"{\"events\": [" + b" " * (9 * 1024 * 1024) + b"]}", 413, "too_large"),
        ]
        for raw, status, code in cases:
            with self.subTest(code=code):
                s, body = self.push(self.ta, None, raw=raw)
                self.assertEqual((s, error_code(body)), (status, code))
        # a good event next to a bad one: nothing of the batch is stored
        mixed = [event_json(self.x["id"]), event_json(self.x["id"], kind="teleported")]
        s, _ = self.push(self.ta, mixed)
        self.assertEqual(s, 422)
        self.assertEqual(self.n_events(), before)

    def test_clock_skew_rejected_kept_and_withdrawn(self):
        far = "2027-06-01T10:00:00+08:00"
        c = register(self.a, far, "R01", "时钟错误的设备登记")
        report = self.a.sync(now=far)
        self.assertEqual(report["rejected"], 1)
        listed = self.a.json("sync", "rejected")
        self.assertEqual([r["code"] for r in listed], ["clock_skew"])
        self.assertEqual(listed[0]["case_id"], c["id"])
        # retrying sends it again (and it is refused again), never dropped
        self.a.run("sync", "retry", now=far)
        self.assertEqual(self.a.sync(now=far)["rejected"], 1)
        self.a.run("sync", "withdraw", listed[0]["event_id"], now=far)
        self.assertEqual(self.a.json("sync", "rejected"), [])
        self.assertEqual(rows(self.a.db, "SELECT count(*) FROM cases WHERE id = ?", (c["id"],))[0][0], 0)

    def test_enrolment_code_once(self):
        code = self.server.code("BJ01")
        status, body = self.server.request("POST", "/api/v1/enrol",
                                           {"code": code, "device_id": "0190a5a8-0000-7000-8000-000000000001"})
        self.assertEqual(status, 200)
        status, body = self.server.request("POST", "/api/v1/enrol",
                                           {"code": code, "device_id": "0190a5a8-0000-7000-8000-000000000002"})
        self.assertEqual((status, error_code(body)), (401, "bad_code"))

    def test_sign_in(self):
        subprocess.run([syncenv.CTL, "server", "password", *self.server.location(), "R01"],
                       input="correct horse battery\n", text=True, check=True, capture_output=True)
        stored = self.server.query(
            "SELECT hash FROM staff_credentials WHERE empno = 'R01'",
            "SELECT c ->> 'hash' FROM sw_directory, jsonb_array_elements (body::jsonb -> 'staff_credentials') c"
            " WHERE c ->> 'empno' = 'R01'")[0][0]
        self.assertTrue(stored.startswith("$argon2id$"))
        p = self.a.run("sync", "sign-in", "R01", stdin="correct horse battery\n")
        self.assertIn("R01", p.stdout)
        p = self.a.run("sync", "sign-in", "R01", stdin="wrong horse\n", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("password", p.stderr)

    def test_config_file(self):
        conf = os.path.join(self.tmp, "server.conf")
        with open(conf, "w") as f:
            f.write("[server]\nmax-batch = 2\nidle-timeout = 5\n")
        self.server.stop()
        try:
            self.server.start("--config", conf)
            status, body = self.push(self.ta, [event_json(self.x["id"]) for _ in range(3)])
            self.assertEqual((status, error_code(body)), (413, "too_many_events"))
        finally:
            self.server.stop()
            self.server.start()
        with open(conf, "w") as f:
            f.write("[server]\nmax-batch = lots\n")
        p = subprocess.run([syncenv.SERVER, "--config", conf, "--data-dir", self.server.data_dir],
                           capture_output=True, text=True, timeout=30)
        self.assertEqual(p.returncode, 1)
        self.assertIn("max-batch", p.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
