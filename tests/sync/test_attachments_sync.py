#!/usr/bin/env python3
# test_attachments_sync.py — files attached to cases through a real
# shouwen-server on 127.0.0.1 (issue 17): sent before their events, fetched on
# demand by another device byte for byte (SHA-256), refused to devices and
# people the access policy keeps from them; kill -9 during upload and during
# download, 20 times each, then everything arrives once and intact; a damaged
# download is fetched again; the server verifies what it is sent; a purge
# removes the files on the device, the server and the other devices; so does a
# file taken off its case, and the orphan sweep (device after sync, server at start).
# SHOUWEN_KILL_ROUNDS sets the rounds (default 10 in CI; more by hand).
# SPDX-License-Identifier: GPL-3.0-or-later
import hashlib
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

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)

import syncenv
from syncenv import CTL, day, enrol, make_world, meta, register

syncenv.DIRECTORY = dict(syncenv.DIRECTORY)
depts, staff = syncenv.DIRECTORY["BJ01"]
syncenv.DIRECTORY["BJ01"] = (depts, staff + "A01,何平,OFFICE1,4,系统管理员,2016-01-01,13800000021,admin,regular,on_duty\n")

ROUNDS = int(os.environ.get("SHOUWEN_KILL_ROUNDS", "10"))
SEED = int(os.environ.get("SHOUWEN_KILL_SEED", str(int(time.time()))))
# parts of 4 KiB, 20 ms apart: a 2 MB scan takes some seconds, so that kills land inside
SLOW = {"SHOUWEN_TEST_BLOB_CHUNK": "4096", "SHOUWEN_TEST_BLOB_DELAY_MS": "20"}
NOW = day(23)


def pdf(size, seed=1):
    rng = random.Random(seed)
    body = bytes(rng.getrandbits(8) for _ in range(size))
    return b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + body + b"\n%%EOF\n"


def sha(data):
    return hashlib.sha256(data).hexdigest()


def read(path):
    with open(path, "rb") as f:
        return f.read()


class AttachmentsSyncTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-attach-sync-")
        self.server = make_world(self.tmp)
        self.a = enrol(self.server, self.tmp, "a", "BJ01")
        self.b = enrol(self.server, self.tmp, "b", "BJ01")
        self.rng = random.Random(SEED)

    def tearDown(self):
        self.assertEqual(self.server.stop(), 0)
        shutil.rmtree(self.tmp)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def device_blob(self, ctl, h):
        return os.path.join(ctl.db + ".files", h[:2], h)

    def attach(self, data, name="来信扫描.pdf", now=NOW):
        c = register(self.a, now, "R01", "来信反映网点服务问题")
        a = self.a.json("case", "attach", c["number"], self.write(name, data), as_="R01", now=now)
        return c, a["attachment"]

    def cmd(self, ctl, *args):
        return [CTL, "--db", ctl.db, "--now", NOW, "--as", "R01", *args]

    def test_attachment_reaches_another_device(self):
        data = pdf(300_000)
        c, att = self.attach(data)
        self.assertEqual(att["hash"], sha(data))
        report = self.a.sync()
        self.assertEqual(report.get("blobs_uploaded", 1), 1)
        self.assertEqual(self.server.blob(att["hash"]), data)
        self.b.sync()
        listed = self.b.json("case", "attachments", c["number"], as_="R01")
        self.assertEqual([(x["hash"], x["name"], x["size"], x["here"]) for x in listed],
                         [(att["hash"], "来信扫描.pdf", len(data), False)])
        out = os.path.join(self.tmp, "b-out.pdf")
        self.b.run("case", "attachment", c["number"], att["hash"], "--output", out, as_="R01")
        self.assertEqual(sha(read(out)), att["hash"])
        self.assertTrue(self.b.json("case", "attachments", c["number"], as_="R01")[0]["here"])
        # sent once: a second run sends nothing again
        self.assertEqual(self.a.sync().get("blobs_uploaded", 0), 0)

    def test_full_disk_while_fetching(self):
        """Issue 17: the disk fills while a device fetches a file (a file size
        limit, RLIMIT_FSIZE, as a full disk would): a clear message, the file
        not shown as here, the database whole; with room again the fetch goes
        on from the part it has and the file arrives intact."""
        import resource
        data = b"%PDF-1.4\n" + random.Random(9).randbytes(4_000_000) + b"\n%%EOF\n"
        c, att = self.attach(data)
        self.a.sync()
        self.b.sync()
        h = att["hash"]
        out = os.path.join(self.tmp, "fetched.pdf")
        sizes = [os.path.getsize(self.b.db + s) for s in ("", "-wal") if os.path.exists(self.b.db + s)]
        limit = max(sizes) + 64 * 1024

        def small_files():
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        events = syncenv.rows(self.b.db, "SELECT count(*) FROM events")[0][0]
        p = subprocess.run(self.cmd(self.b, "case", "attachment", c["number"], h, "--output", out),
                           capture_output=True, text=True, preexec_fn=small_files)
        self.assertEqual(p.returncode, 1, (limit, p.stdout))
        self.assertRegex(p.stderr, "could not be (written|stored|fetched)|disk is full")
        self.assertFalse(os.path.exists(out))
        self.assertFalse(os.path.exists(self.device_blob(self.b, h)))
        self.assertFalse(self.b.json("case", "attachments", c["number"], as_="R01")[0]["here"])
        self.assertEqual(syncenv.rows(self.b.db, "SELECT count(*) FROM events")[0][0], events)
        self.assertEqual(syncenv.rows(self.b.db, "PRAGMA integrity_check"), [("ok",)])
        self.b.run("case", "attachment", c["number"], h, "--output", out, as_="R01")
        self.assertEqual(sha(read(out)), h)
        self.assertTrue(self.b.json("case", "attachments", c["number"], as_="R01")[0]["here"])

    def test_scope_and_policy(self):
        data = pdf(5000)
        c, att = self.attach(data)
        self.a.sync()
        other = enrol(self.server, self.tmp, "c", "BJ02")
        inspector = enrol(self.server, self.tmp, "u", "BJ01", "--inspector")
        path = f"/api/v1/blobs/{att['hash']}"
        ok, body = self.server.request("GET", path, token=meta(self.b.db, "sync_token"))
        self.assertEqual((ok, body), (200, data))
        status, _ = self.server.request("GET", path, token=meta(other.db, "sync_token"))
        self.assertEqual(status, 403)      # another branch's case
        status, _ = self.server.request("GET", path, token=meta(inspector.db, "sync_token"))
        self.assertEqual(status, 403)      # an inspector's device: the list only
        status, _ = self.server.request("GET", path)
        self.assertEqual(status, 401)
        status, _ = self.server.request("GET", "/api/v1/blobs/" + "0" * 64, token=meta(self.b.db, "sync_token"))
        self.assertEqual(status, 404)
        # a range
        status, body = self.server.request("GET", path, token=meta(self.b.db, "sync_token"),
                                           headers={"Range": "bytes=100-199"})
        self.assertEqual((status, body), (206, data[100:200]))
        # the inspector's device lists the file; the inspector may not open it
        inspector.sync()
        listed = inspector.json("case", "attachments", c["number"], as_="U01")
        self.assertEqual([x["hash"] for x in listed], [att["hash"]])
        p = inspector.run("case", "attachment", c["number"], att["hash"], "--output",
                          os.path.join(self.tmp, "u.pdf"), as_="U01", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "u.pdf")))

    def test_server_verifies_what_it_is_sent(self):
        token = meta(self.a.db, "sync_token")
        good = pdf(1000)
        h = sha(good)
        bad = b"X" + good[1:]
        headers = {"Content-Range": f"bytes 0-{len(bad) - 1}/{len(bad)}", "Content-Type": "application/octet-stream"}
        status, body = self.server.request("PUT", f"/api/v1/blobs/{h}", raw=bad, token=token, headers=headers)
        self.assertEqual(status, 422, body)
        self.assertEqual(json.loads(body)["error"]["code"], "hash_mismatch")
        self.assertIsNone(self.server.blob(h))
        status, body = self.server.request("GET", f"/api/v1/blobs/{h}/status", token=token)
        self.assertEqual(json.loads(body)["received"], 0)
        # a part that does not start where the server stands
        headers = {"Content-Range": f"bytes 10-19/{len(good)}"}
        status, body = self.server.request("PUT", f"/api/v1/blobs/{h}", raw=good[10:20], token=token, headers=headers)
        self.assertEqual(status, 416)
        # in two parts, the second twice (an answer lost): complete and idempotent
        n = len(good)
        for start, end in ((0, 499), (500, n - 1), (500, n - 1)):
            headers = {"Content-Range": f"bytes {start}-{end}/{len(good)}"}
            status, body = self.server.request("PUT", f"/api/v1/blobs/{h}", raw=good[start:end + 1],
                                               token=token, headers=headers)
            self.assertEqual(status, 200, body)
        self.assertTrue(json.loads(body)["complete"])
        self.assertEqual(self.server.blob(h), good)
        # an inspector's device sends nothing
        u = enrol(self.server, self.tmp, "u", "BJ01", "--inspector")
        status, _ = self.server.request("PUT", f"/api/v1/blobs/{sha(b'x' * 10)}", raw=b"x" * 10,
                                        token=meta(u.db, "sync_token"), headers={"Content-Range": "bytes 0-9/10"})
        self.assertEqual(status, 403)

    def kill_rounds(self, cmd, progress):
        kills = 0
        for _ in range(ROUNDS):
            before = progress()
            p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 env={**os.environ, **SLOW})
            try:
                p.wait(timeout=self.rng.uniform(0.3, 0.9))
            except subprocess.TimeoutExpired:
                p.send_signal(signal.SIGKILL)
                p.wait()
                kills += 1
            self.assertGreaterEqual(progress(), before)
        return kills

    def test_kill_during_upload_and_download(self):
        print(f"seed {SEED}, {ROUNDS} kills each", file=sys.stderr)
        data = pdf(2_000_000, seed=SEED)
        c, att = self.attach(data)
        h = att["hash"]

        def server_has():
            if self.server.blob(h) is not None:
                return len(data)
            return self.server.blob_partial(h) or 0

        kills = self.kill_rounds(self.cmd(self.a, "sync", "run"), server_has)
        self.assertGreaterEqual(kills, ROUNDS - 2)
        self.assertLess(server_has(), len(data), "the upload finished before the kills ended: slow it down")
        self.a.sync()
        self.assertEqual(self.server.blob(h), data)
        self.assertIsNone(self.server.blob_partial(h))
        self.assertEqual(syncenv.rows(self.a.db, "SELECT count(*) FROM blob_uploads")[0][0], 0)

        self.b.sync()
        out = os.path.join(self.tmp, "out.pdf")
        local_part = os.path.join(self.b.db + ".files", "tmp", h + ".part")

        def device_has():
            if os.path.exists(self.device_blob(self.b, h)):
                return len(data)
            return os.path.getsize(local_part) if os.path.exists(local_part) else 0

        kills = self.kill_rounds(self.cmd(self.b, "case", "attachment", c["number"], h, "--output", out), device_has)
        self.assertGreaterEqual(kills, ROUNDS - 2)
        self.assertLess(device_has(), len(data))
        self.b.run("case", "attachment", c["number"], h, "--output", out, as_="R01")
        self.assertEqual(sha(read(out)), h)
        self.assertEqual(read(self.device_blob(self.b, h)), data)
        self.assertEqual(os.listdir(os.path.join(self.b.db + ".files", "tmp")), [])
        # once: one event, one file on each side
        for db in (self.a.db, self.b.db):
            self.assertEqual(syncenv.rows(db, "SELECT count(*) FROM case_attachments")[0][0], 1, db)
        self.assertEqual(self.server.query("SELECT count(*) FROM case_attachments",
                                           "SELECT count(*) FROM sw_attachment"), [(1,)])

    def test_damaged_download_is_fetched_again(self):
        data = pdf(50_000)
        c, att = self.attach(data)
        h = att["hash"]
        self.a.sync()
        self.b.sync()
        # what an earlier, broken fetch left: half of the length, wrong bytes
        tmp = os.path.join(self.b.db + ".files", "tmp")
        os.makedirs(tmp, exist_ok=True)
        with open(os.path.join(tmp, h + ".part"), "wb") as f:
            f.write(b"\0" * (len(data) // 2))
        out = os.path.join(self.tmp, "out.pdf")
        self.b.run("case", "attachment", c["number"], h, "--output", out, as_="R01")
        self.assertEqual(read(out), data)
        self.assertEqual(os.listdir(tmp), [])

    def test_purge_removes_the_files_everywhere(self):
        old = "2019-05-06T10:00:00+08:00"
        data = pdf(20_000)
        c, att = self.attach(data, now=old)
        self.a.run("case", "answer", c["number"], "--text", "已当场说明", as_="R01", now=old)
        keep = pdf(1000, seed=7)
        d, kept = self.attach(keep, name="新来信.pdf")
        self.a.sync()
        self.b.sync()
        for n in (c["number"], d["number"]):
            self.b.run("case", "attachment", n, [att, kept][n == d["number"]]["hash"], "--output",
                       os.path.join(self.tmp, "x.pdf"), as_="R01")
        h = att["hash"]
        self.assertIsNotNone(self.server.blob(h))
        self.assertEqual(self.a.json("privacy", "purge", as_="A01")["cases"], 1)
        self.assertFalse(os.path.exists(self.device_blob(self.a, h)))
        self.a.sync()
        self.assertIsNone(self.server.blob(h))
        self.b.sync()
        self.assertFalse(os.path.exists(self.device_blob(self.b, h)))
        for ctl in (self.a, self.b):
            self.assertTrue(os.path.exists(self.device_blob(ctl, kept["hash"])))
        self.assertEqual(self.server.blob(kept["hash"]), keep)

    def test_removal_reaches_everywhere(self):
        """A file taken off its case leaves the list and the bytes of every device and the
        server; the orphan sweep takes what no case holds (after a device's sync, at the
        server's start)."""
        data = pdf(20_000, seed=3)
        c, att = self.attach(data)
        h = att["hash"]
        self.a.sync()
        self.b.sync()
        self.b.run("case", "attachment", c["number"], h, "--output", os.path.join(self.tmp, "x.pdf"), as_="R01")
        self.assertTrue(os.path.exists(self.device_blob(self.b, h)))
        self.a.json("case", "detach", c["number"], h, as_="R01")
        self.assertFalse(os.path.exists(self.device_blob(self.a, h)))
        self.assertIsNotNone(self.server.blob(h))
        self.a.sync()
        self.assertIsNone(self.server.blob(h))
        self.b.sync()
        self.assertEqual(self.b.json("case", "attachments", c["number"], as_="R01"), [])
        self.assertFalse(os.path.exists(self.device_blob(self.b, h)))
        with sqlite3.connect(self.b.db) as db:
            kinds = [k for (k,) in db.execute("SELECT kind FROM events WHERE kind LIKE 'attachment%' ORDER BY rowid")]
        self.assertEqual(kinds, ["attachment_added", "attachment_removed"])
        # what a crash left (a file no case refers to, old): swept (the server's
        # half: the SQLite engine's files, PostgreSQL's rows)
        orphan = "ab" + "0" * 62
        server_orphan = [] if self.server.database else [
            os.path.join(self.server.data_dir, "shouwen-server.db.files", orphan[:2], orphan)]
        if self.server.database:
            self.server.query("", "INSERT INTO sw_blob (hash, total, received, complete, touched_at)"
                                  " VALUES (?, 11, 11, true, 0) RETURNING hash", (orphan,))
        for path in [self.device_blob(self.b, orphan)] + server_orphan:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            self.write(path, b"left behind")
            os.utime(path, (0, 0))
        young = self.device_blob(self.b, "cd" + "0" * 62)    # one being attached now: kept
        os.makedirs(os.path.dirname(young), exist_ok=True)
        self.write(young, b"being attached")
        self.b.sync()
        self.assertFalse(os.path.exists(self.device_blob(self.b, orphan)))
        self.assertTrue(os.path.exists(young))
        self.assertEqual(self.server.stop(), 0)
        self.server.start()
        self.a.sync()       # a request served: the server's first sweep ran before it
        for path in server_orphan:
            self.assertFalse(os.path.exists(path))
        if self.server.database:
            self.assertEqual(self.server.query("", "SELECT count(*) FROM sw_blob WHERE hash = ?", (orphan,)), [(0,)])


if __name__ == "__main__":
    unittest.main()
