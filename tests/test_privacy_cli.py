#!/usr/bin/env python3
# test_privacy_cli.py — `case amend` and `privacy purge` through shouwenctl:
# what they change, and bad inputs that exit 1 and write nothing (issue 13 item 7).
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import sqlite3
import sys
import tempfile
import unittest

import test_cli  # takes the shouwenctl path from argv; its Ctl.run is the one helper

NOW = "2026-11-23T10:00:00+08:00"


class PrivacyCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="shouwen-privacy-")
        self.db = os.path.join(self.dir, "test.db")
        self.ctl = test_cli.Ctl(self.db)
        self.ctl.run("init", "--branch", "BJ01", "--branch-name", "海淀支行")
        self.ctl.run("import", "departments", self.write("d.csv", test_cli.DEPARTMENTS))
        self.ctl.run("import", "staff", self.write("s.csv", test_cli.STAFF +
                     "U01,郭敏,OFFICE,5,工会检查员,2009-01-01,13800000023,inspector,regular,on_duty\n"))

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def register(self, now=NOW):
        return self.ctl.json("case", "register", "--channel", "visit", "--kind", "consultation",
                             "--content", "咨询提前还款", "--received-by", "R01",
                             "--customer-name", "张三丰", "--customer-phone", "13812341234",
                             as_="R01", now=now)

    def n_events(self):
        with sqlite3.connect(self.db) as db:
            return db.execute("SELECT count(*) FROM events").fetchone()[0]

    def test_amend(self):
        c = self.register()
        a = self.ctl.json("case", "amend", c["number"], "--customer-phone", "13900001111",
                          "--reason", "登记时电话输错", as_="R01")
        self.assertEqual(a["customer"]["phone"], "13900001111")
        self.assertEqual(a["timeline"][-1]["kind"], "amended")
        shown = self.ctl.json("case", "show", c["number"], as_="U01")
        self.assertEqual(shown["customer"]["phone"], "139****1111")
        text = self.ctl.run("case", "show", c["number"], as_="U01").stdout
        self.assertNotIn("13900001111", text)

    def test_earlier_shown_to_those_allowed(self):
        # the details an amend replaced: whole to who sees the customer whole,
        # never to an inspector nor another department's staff
        c = self.register()
        self.ctl.run("case", "amend", c["number"], "--customer-phone", "13900001111",
                     "--reason", "登记时电话输错", as_="R01")
        for as_ in ("R01", "A01"):
            shown = self.ctl.json("case", "show", c["number"], as_=as_)
            self.assertEqual(len(shown["earlier"]), 1, as_)
            e = shown["earlier"][0]
            self.assertEqual(e["phone"], "13812341234")
            self.assertEqual(e["reason"], "登记时电话输错")
            self.assertEqual(e["by"]["empno"], "R01")
            self.assertIsNone(e["name"])
            text = self.ctl.run("case", "show", c["number"], as_=as_).stdout
            self.assertIn("13812341234", text)
            self.assertIn("登记时电话输错", text)
        for as_ in ("U01", "C01"):
            shown = self.ctl.json("case", "show", c["number"], as_=as_)
            self.assertNotIn("earlier", shown, as_)
            self.assertNotIn("13812341234", self.ctl.run("case", "show", c["number"], as_=as_).stdout)

    def test_amend_bad_inputs(self):
        c = self.register()
        before = self.n_events()
        for args, as_ in ((["--customer-phone", "13900001111"], "R01"),                       # no reason
                          (["--customer-phone", "13900001111", "--reason", ""], "R01"),       # empty reason
                          (["--reason", "核对"], "R01"),                                       # nothing changed
                          (["--customer-phone", "13812341234", "--reason", "核对"], "R01"),    # the same value
                          (["--customer-phone", "abc", "--reason", "核对"], "R01"),            # not a phone
                          (["--customer-phone", "13900001111", "--reason", "核对"], "C01"),    # another department
                          (["--customer-phone", "13900001111", "--reason", "核对"], "U01")):   # an inspector
            p = self.ctl.run("case", "amend", c["number"], *args, as_=as_, check=False)
            self.assertEqual(p.returncode, 1, (args, as_, p.stderr))
            self.assertTrue(p.stderr.strip(), args)
        p = self.ctl.run("case", "amend", "BJ01-A-20990101-9999", "--customer-phone", "13900001111",
                         "--reason", "核对", as_="R01", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(self.n_events(), before)

    def test_purge(self):
        c = self.register(now="2019-05-06T10:00:00+08:00")
        self.ctl.run("case", "answer", c["number"], "--text", "已当场说明", as_="R01",
                     now="2019-05-06T10:05:00+08:00")
        before = self.n_events()
        for as_ in ("R01", "L01", "U01", ""):   # "": no --as at all
            p = self.ctl.run("privacy", "purge", as_=as_, check=False)
            self.assertEqual(p.returncode, 1, as_)
        self.assertEqual(self.ctl.json("privacy", "purge", "--dry-run", as_="A01")["cases"], 1)
        self.assertEqual(self.n_events(), before)
        self.assertEqual(self.ctl.json("privacy", "purge", as_="A01")["cases"], 1)
        self.assertEqual(self.n_events(), before + 1)
        self.assertEqual(self.ctl.json("privacy", "purge", as_="A01")["cases"], 0)
        shown = self.ctl.json("case", "show", c["number"], as_="A01")
        self.assertEqual(shown["customer"]["phone"], "(erased)")
        self.assertEqual(shown["state"], "closed")
        p = self.ctl.run("case", "amend", c["number"], "--customer-phone", "13900001111",
                         "--reason", "核对", as_="A01", check=False)
        self.assertEqual(p.returncode, 1)
        for suffix in ("", "-wal"):
            if os.path.exists(self.db + suffix):
                self.assertNotIn("13812341234".encode(), test_cli.read_bytes(self.db + suffix))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
