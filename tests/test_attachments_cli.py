#!/usr/bin/env python3
# test_attachments_cli.py — files attached to cases through shouwenctl (issue 17):
# attach, list, save; the bad inputs (empty, 2 GB, an executable named .pdf, bad
# names, a vanished file, the same file twice) exit 1 with a translated message and
# store nothing; an inspector sees the list but opens nothing; a purge removes the files;
# detach takes a file off a case; a full disk (tmpfs, or RLIMIT_FSIZE) stores nothing.
# SPDX-License-Identifier: GPL-3.0-or-later
import hashlib
import os
import random
import resource
import shutil
import signal
import sqlite3
import struct
import subprocess
import tempfile
import unittest
import zlib

import test_cli  # takes the shouwenctl path from argv; its Ctl.run is the one helper

NOW = "2026-11-23T10:00:00+08:00"


def png(width=4, height=3):
    """A real (tiny) PNG image."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\0" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
ELF = b"\x7fELF\x02\x01\x01\0" + b"\0" * 8 + b"\x02\0\x3e\0" + b"\0" * 100


class AttachmentsCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="shouwen-attach-")
        self.db = os.path.join(self.dir, "test.db")
        self.files = self.db + ".files"
        self.ctl = test_cli.Ctl(self.db)
        self.ctl.run("init", "--branch", "BJ01", "--branch-name", "海淀支行")
        self.ctl.run("import", "departments", self.write("d.csv", test_cli.DEPARTMENTS.encode()))
        self.ctl.run("import", "staff", self.write("s.csv", (test_cli.STAFF +
                     "U01,郭敏,OFFICE,5,工会检查员,2009-01-01,13800000023,inspector,regular,on_duty\n").encode()))

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def register(self, now=NOW):
        return self.ctl.json("case", "register", "--channel", "letter", "--kind", "complaint",
                             "--content", "来信投诉网点排队时间过长", "--received-by", "R01",
                             "--customer-name", "张三丰", "--customer-phone", "13812341234",
                             as_="R01", now=now)

    def n_events(self):
        with sqlite3.connect(self.db) as db:
            return db.execute("SELECT count(*) FROM events").fetchone()[0]

    def stored_files(self):
        """The files kept beside the database (not the temporary ones)."""
        found = []
        for root, dirs, names in os.walk(self.files):
            if os.path.basename(root) != "tmp":
                found += names
        return sorted(found)

    def test_attach_list_save(self):
        c = self.register()
        letter = self.write("来信.pdf", PDF)
        photo = self.write("photo.png", png())
        text = self.write("说明.txt", "客户补充说明：\n排队超过一小时。\n".encode())
        a = self.ctl.json("case", "attach", c["number"], letter, as_="R01")["attachment"]
        self.assertEqual(a["hash"], hashlib.sha256(PDF).hexdigest())
        self.assertEqual(a["name"], "来信.pdf")
        self.assertEqual(a["media_type"], "application/pdf")
        self.assertEqual(a["size"], len(PDF))
        self.assertEqual(a["added_by"], "R01")
        b = self.ctl.json("case", "attach", c["number"], photo, "--name", "营业厅照片.png", as_="R01")["attachment"]
        self.assertEqual(b["media_type"], "image/png")
        self.assertEqual(b["name"], "营业厅照片.png")
        t = self.ctl.json("case", "attach", c["number"], text, as_="RH")["attachment"]
        self.assertEqual(t["media_type"], "text/plain")

        listed = self.ctl.json("case", "attachments", c["number"], as_="R01")
        self.assertEqual([x["name"] for x in listed], ["来信.pdf", "营业厅照片.png", "说明.txt"])
        self.assertTrue(all(x["here"] for x in listed))
        self.assertEqual(self.stored_files(), sorted(x["hash"] for x in listed))
        # the timeline has the events, as codes with their arguments
        shown = self.ctl.json("case", "show", c["number"], as_="R01")
        kinds = [e["kind"] for e in shown["timeline"]]
        self.assertEqual(kinds.count("attachment_added"), 3)
        plain = self.ctl.run("case", "attachments", c["number"], as_="R01").stdout
        self.assertIn("营业厅照片.png", plain)
        self.assertIn("PDF", plain)

        out = os.path.join(self.dir, "saved.pdf")
        self.ctl.run("case", "attachment", c["number"], a["hash"], "--output", out, as_="R01")
        self.assertEqual(test_cli.read_bytes(out), PDF)
        # the same file on another case is kept once
        d = self.register()
        self.ctl.run("case", "attach", d["number"], letter, as_="R01")
        self.assertEqual(len(self.stored_files()), 3)

    def assert_refused(self, c, path, *args, contains=None, as_="R01"):
        before, files = self.n_events(), self.stored_files()
        p = self.ctl.run("case", "attach", c["number"], path, *args, as_=as_, check=False)
        self.assertEqual(p.returncode, 1, (path, args, p.stdout))
        self.assertTrue(p.stderr.strip())
        if contains:
            self.assertIn(contains, p.stderr)
        self.assertEqual(self.n_events(), before)
        self.assertEqual(self.stored_files(), files)
        tmp = os.path.join(self.files, "tmp")
        self.assertEqual(os.listdir(tmp) if os.path.isdir(tmp) else [], [])
        return p

    def test_bad_inputs(self):
        c = self.register()
        self.assert_refused(c, self.write("empty.pdf", b""), contains="empty")
        big = os.path.join(self.dir, "scan.pdf")
        with open(big, "wb") as f:     # 2 GB, sparse: refused by its size before a byte is read
            f.write(PDF)
            f.truncate(2 * 1024 ** 3)
        self.assert_refused(c, big, contains="20")
        over = self.write("over.pdf", PDF + b"\0" * (20 * 1024 * 1024))
        self.assert_refused(c, over)
        self.assert_refused(c, self.write("invoice.pdf", ELF), contains="PDF")
        self.assert_refused(c, self.write("archive.pdf", b"PK\x03\x04" + b"\0" * 40 + b"evil.exe"))
        self.assert_refused(c, self.write("noise.txt", bytes(range(256)) * 4))
        letter = self.write("letter.pdf", PDF)
        for name in ("a/b.pdf", "..", ".", "bad\x07name.pdf", "line\nbreak.pdf", "名" * 100 + ".pdf", ""):
            self.assert_refused(c, letter, "--name", name)
        self.assert_refused(c, os.path.join(self.dir, "vanished.pdf"), contains="vanished.pdf")
        self.assert_refused(c, self.dir)                      # a folder
        self.assert_refused(c, letter, as_="U01")            # an inspector writes nothing
        self.ctl.run("case", "attach", c["number"], letter, as_="R01")
        self.assert_refused(c, letter, "--name", "again.pdf", contains="letter.pdf")   # the same file twice
        # the message is translated
        p = self.ctl.run("case", "attach", c["number"], self.write("empty2.pdf", b""), as_="R01",
                         check=False, env={"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"})
        self.assertEqual(p.returncode, 1)
        self.assertIn("空", p.stderr)

    def test_per_case_limit(self):
        self.ctl.run("policy", "set", "attachments.max_case_mb", "1", as_="A01")
        c = self.register()
        self.ctl.run("case", "attach", c["number"], self.write("a.pdf", PDF + b"\0" * 700_000), as_="R01")
        self.assert_refused(c, self.write("b.pdf", PDF + b"\1" * 700_000), contains=c["number"])

    def test_inspector_sees_the_list_only(self):
        c = self.register()
        a = self.ctl.json("case", "attach", c["number"], self.write("letter.pdf", PDF), as_="R01")["attachment"]
        listed = self.ctl.json("case", "attachments", c["number"], as_="U01")
        self.assertEqual([x["hash"] for x in listed], [a["hash"]])
        out = os.path.join(self.dir, "out.pdf")
        for as_ in ("U01", "C01"):
            p = self.ctl.run("case", "attachment", c["number"], a["hash"], "--output", out, as_=as_, check=False)
            self.assertEqual(p.returncode, 1, as_)
            self.assertFalse(os.path.exists(out))
        self.ctl.run("case", "attachment", c["number"], a["hash"], "--output", out, as_="RH")
        self.assertEqual(test_cli.read_bytes(out), PDF)

    def test_purge_removes_the_files(self):
        old = self.register(now="2019-05-06T10:00:00+08:00")
        self.ctl.run("case", "attach", old["number"], self.write("letter.pdf", PDF), as_="R01",
                     now="2019-05-06T10:01:00+08:00")
        self.ctl.run("case", "answer", old["number"], "--text", "已当场说明", as_="R01",
                     now="2019-05-06T10:05:00+08:00")
        recent = self.register()
        self.ctl.run("case", "attach", recent["number"], self.write("photo.png", png()), as_="R01")
        self.assertEqual(len(self.stored_files()), 2)
        self.assertEqual(self.ctl.json("privacy", "purge", as_="A01")["cases"], 1)
        self.assertEqual(self.stored_files(), [hashlib.sha256(png()).hexdigest()])
        self.assertEqual(self.ctl.json("case", "attachments", old["number"], as_="A01"), [])
        self.assertEqual(len(self.ctl.json("case", "attachments", recent["number"], as_="A01")), 1)

    def test_detach(self):
        """`case detach`: an event, the list without it, the bytes gone when no case holds them."""
        c = self.register()
        a = self.ctl.json("case", "attach", c["number"], self.write("letter.pdf", PDF), as_="R01")["attachment"]
        before = self.n_events()
        for as_ in ("U01", "C01"):          # an inspector; another department's clerk
            p = self.ctl.run("case", "detach", c["number"], a["hash"], as_=as_, check=False)
            self.assertEqual(p.returncode, 1, as_)
            self.assertTrue(p.stderr.strip())
        p = self.ctl.run("case", "detach", c["number"], "0" * 64, as_="R01", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(self.n_events(), before)
        self.assertEqual(self.stored_files(), [a["hash"]])
        out = self.ctl.json("case", "detach", c["number"], a["hash"][:10], as_="R01")
        self.assertEqual((out["removed"], out["name"]), (a["hash"], "letter.pdf"))
        self.assertEqual(self.n_events(), before + 1)
        self.assertEqual(self.ctl.json("case", "attachments", c["number"], as_="R01"), [])
        self.assertEqual(self.stored_files(), [])
        with sqlite3.connect(self.db) as db:
            kinds = [k for (k,) in db.execute("SELECT kind FROM events WHERE kind LIKE 'attachment%' ORDER BY rowid")]
        self.assertEqual(kinds, ["attachment_added", "attachment_removed"])
        p = self.ctl.run("case", "detach", c["number"], a["hash"], as_="R01", check=False)
        self.assertEqual(p.returncode, 1)   # already removed
        p = self.ctl.run("case", "detach", c["number"], a["hash"], as_="R01", check=False,
                         env={"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"})
        self.assertIn("事项", p.stderr)

    def check_untouched(self, db, files, events):
        conn = sqlite3.connect(db)
        try:
            self.assertEqual(conn.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            self.assertEqual(conn.execute("SELECT count(*) FROM events").fetchone()[0], events)
            self.assertEqual(conn.execute("SELECT count(*) FROM case_attachments").fetchone()[0], 0)
        finally:
            conn.close()
        found = []
        for root, dirs, names in os.walk(files):
            found += names       # the temporary folder included: nothing half-written
        self.assertEqual(found, [])

    def test_full_disk(self):
        """A full disk: attaching is refused with a clear message, the database whole,
        nothing half-written; with room again the same file attaches. A small tmpfs
        where mounting is allowed (root), else a file size limit (RLIMIT_FSIZE)."""
        c = self.register()
        scan = self.write("scan.pdf", PDF + bytes(random.Random(5).getrandbits(8) for _ in range(1_000_000)))
        disk = os.path.join(self.dir, "disk")
        os.mkdir(disk)
        mounted = os.geteuid() == 0 and not os.environ.get("SHOUWEN_TEST_NO_TMPFS") and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", disk], capture_output=True).returncode == 0
        try:
            db = os.path.join(disk, "test.db")
            src, dst = sqlite3.connect(self.db), sqlite3.connect(db)
            src.backup(dst)
            src.close()
            dst.close()
            ctl = test_cli.Ctl(db)
            ctl.has_password = self.ctl.has_password
            events = self.n_events()
            cmd = [test_cli.CTL, "--db", db, "--now", NOW, "--as", "R01", "case", "attach", c["number"], scan]
            if mounted:
                filler = os.path.join(disk, "filler")
                st = os.statvfs(disk)
                with open(filler, "wb") as f:          # all but 256 KB taken
                    f.truncate(0)
                    f.write(b"\0" * max(st.f_bavail * st.f_frsize - 256 * 1024, 0))
                p = subprocess.run(cmd, capture_output=True, text=True)
                self.assertIn("disk is full", p.stderr)
            else:
                limit = max(os.path.getsize(db), 64 * 1024) + 256 * 1024

                def small_files():
                    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
                    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                p = subprocess.run(cmd, capture_output=True, text=True, preexec_fn=small_files)
                self.assertIn("could not be stored", p.stderr)
            self.assertEqual(p.returncode, 1, p.stderr)
            self.check_untouched(db, db + ".files", events)
            # translated too
            if mounted:
                p = subprocess.run(cmd, capture_output=True, text=True,
                                   env={**os.environ, "LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"})
                self.assertEqual(p.returncode, 1)
                self.assertIn("磁盘已满", p.stderr)
                self.check_untouched(db, db + ".files", events)
                os.unlink(filler)
            else:
                return
            a = ctl.json("case", "attach", c["number"], scan, as_="R01")["attachment"]
            self.assertEqual(a["hash"], hashlib.sha256(test_cli.read_bytes(scan)).hexdigest())
        finally:
            if mounted:
                subprocess.run(["umount", "--lazy", disk], check=True)


if __name__ == "__main__":
    unittest.main()
