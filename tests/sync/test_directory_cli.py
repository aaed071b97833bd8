#!/usr/bin/env python3
# test_directory_cli.py — what `shouwenctl sync` tells about directory
# edits: the counts of a run, the edits waiting and refused in `sync status`,
# and retry-directory / withdraw-directory on an inspector's refused edit.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import sys
import tempfile
import unittest

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)

from syncenv import enrol, make_world, rows

HOLIDAY = "2026-12-28"


def holiday(db):
    return rows(db, "SELECT name FROM calendar_days WHERE date = ?", (HOLIDAY,))


class DirectoryCliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-dircli-")
        self.server = make_world(self.tmp)

    def tearDown(self):
        self.assertEqual(self.server.stop(), 0)
        shutil.rmtree(self.tmp)

    def edits(self, ctl):
        return ctl.json("sync", "status")["directory_edits"]

    def test_sent_counted(self):
        a = enrol(self.server, self.tmp, "a", "BJ01")
        a.run("calendar", "holiday", "add", HOLIDAY, "--name", "临时休假")
        [edit] = self.edits(a)
        self.assertEqual((edit["state"], edit["table"], edit["key"], edit["code"]),
                         ("pending", "calendar_days", HOLIDAY, None))
        self.assertIn(f"Calendar day {HOLIDAY}  2026-11-23T10:00:00+08:00  -  waiting", a.run("sync", "status").stdout)
        report = a.sync()
        self.assertEqual((report["directory_sent"], report["directory_refused"], report["directory_pending"]),
                         (1, 0, 0))
        self.assertEqual(self.edits(a), [])
        self.assertEqual(holiday(self.server.db()), [("临时休假",)])
        a.run("calendar", "holiday", "add", "2026-12-29", "--name", "又一天")
        self.assertIn("Directory edits: sent 1, refused 0", a.run("sync", "run").stdout)

    def test_refused_listed_retried_withdrawn(self):
        u = enrol(self.server, self.tmp, "u", "BJ01", "--inspector")
        u.run("calendar", "holiday", "add", HOLIDAY, "--name", "临时休假")
        self.assertIn("Directory edits: sent 0, refused 1", u.run("sync", "run").stdout)
        [edit] = self.edits(u)
        self.assertEqual((edit["state"], edit["table"], edit["key"], edit["code"]),
                         ("refused", "calendar_days", HOLIDAY, "forbidden"))
        self.assertIn("inspector", edit["message"])
        self.assertEqual(edit["reason"], "This device may not make this edit")
        seq = str(edit["seq"])
        status = u.run("sync", "status").stdout
        self.assertIn("Directory edits 0 waiting, 1 refused", status)
        self.assertIn(f"#{seq}  Calendar day {HOLIDAY}", status)
        self.assertIn("refused (forbidden): This device may not make this edit — ", status)
        # the edit stays here and is not sent again by itself
        self.assertEqual(u.sync()["directory_refused"], 0)
        self.assertEqual(holiday(u.db), [("临时休假",)])

        # retry puts it among those to send; the next run sends it (and the server refuses it again)
        for bad in ((), (seq, "--all"), ("x",)):
            p = u.run("sync", "retry-directory", *bad, check=False)
            self.assertNotEqual(p.returncode, 0, bad)
        p = u.run("sync", "retry-directory", "999", check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("no refused directory edit 999", p.stderr)
        self.assertIn("1 directory edit goes out", u.run("sync", "retry-directory", seq).stdout)
        self.assertEqual([e["state"] for e in self.edits(u)], ["pending"])
        self.assertEqual(u.sync()["directory_refused"], 1)
        self.assertIn("1 directory edit goes out", u.run("sync", "retry-directory", "--all").stdout)
        self.assertEqual(u.sync()["directory_refused"], 1)

        # withdraw: off the list at once; the server's value returns with the next sync
        p = u.run("sync", "withdraw-directory", "999", check=False)
        self.assertNotEqual(p.returncode, 0)
        u.run("sync", "withdraw-directory", seq)
        self.assertEqual(self.edits(u), [])
        self.assertNotIn(f"#{seq}", u.run("sync", "status").stdout)
        self.assertEqual(holiday(u.db), [("临时休假",)])
        u.sync()
        self.assertEqual(holiday(u.db), [])
        self.assertEqual(holiday(self.server.db()), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
