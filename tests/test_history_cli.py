#!/usr/bin/env python3
# test_history_cli.py — `shouwenctl case history` (issue 17 item 2): a
# customer's earlier cases by phone or by name and unit, the repeat
# complaint marked, an inspector's masked view; and the register's new
# fields (address, signature, time received; issue 14 item 8) with their
# bad inputs.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import sqlite3
import sys
import tempfile
import unittest

import test_cli  # takes the shouwenctl path from argv; its Ctl.run is the one helper

NOW = "2026-11-23T10:00:00+08:00"
LATER = "2026-11-26T10:00:00+08:00"


class HistoryCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="shouwen-history-")
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

    def register(self, *extra, kind="complaint", content="投诉信用卡年费被重复扣收，要求退还",
                 phone="13812341234", now=NOW, check=True):
        args = ["case", "register", "--channel", "visit", "--kind", kind, "--content", content,
                "--received-by", "R01", "--customer-name", "张三丰", "--customer-unit", "海淀科技公司"]
        if phone:
            args += ["--customer-phone", phone]
        if not check:
            return self.ctl.run(*args, *extra, as_="R01", now=now, check=False)
        return self.ctl.json(*args, *extra, as_="R01", now=now)

    def n_events(self):
        with sqlite3.connect(self.db) as db:
            return db.execute("SELECT count(*) FROM events").fetchone()[0]

    def test_history(self):
        first = self.register()
        self.ctl.run("case", "answer", first["number"], "--text", "已核实并退还", as_="R01")
        self.register(phone="13700000000")                       # another customer
        about = "再次投诉信用卡年费被重复扣收，仍未退还"
        found = self.ctl.json("case", "history", "--phone", "13812341234", "--about", about,
                              as_="R01", now=LATER)
        self.assertEqual([c["number"] for c in found], [first["number"]])
        self.assertTrue(found[0]["complaint"])
        self.assertTrue(found[0]["repeat"])
        self.assertEqual(found[0]["state"], "closed")
        self.assertEqual(found[0]["customer"]["phone"], "13812341234")
        # an unrelated matter is no repeat; the list is the same
        other = self.ctl.json("case", "history", "--phone", "13812341234",
                              "--about", "咨询个人住房贷款提前还款的手续", as_="R01", now=LATER)
        self.assertFalse(other[0]["repeat"])
        # by name and unit: both customers' cases under that name
        by_name = self.ctl.json("case", "history", "--name", "张三丰", "--unit", "海淀科技公司",
                                as_="R01", now=LATER)
        self.assertEqual(len(by_name), 2)
        # the same query in text
        text = self.ctl.run("case", "history", "--phone", "13812341234", "--about", about,
                            as_="R01", now=LATER).stdout
        self.assertIn(first["number"], text)
        self.assertIn("[repeat", text)
        # an inspector sees the list, the customer masked
        masked = self.ctl.json("case", "history", "--phone", "13812341234", as_="U01", now=LATER)
        self.assertEqual(len(masked), 1)
        self.assertEqual(masked[0]["customer"]["phone"], "138****1234")
        self.assertNotIn("张三丰", str(masked))
        # nobody's history
        self.assertEqual(self.ctl.json("case", "history", "--phone", "13100000000", as_="R01"), [])

    def test_history_usage(self):
        for args in ([], ["--name", "张三丰"], ["--unit", "海淀科技公司"]):
            p = self.ctl.run("case", "history", *args, as_="R01", check=False)
            self.assertEqual(p.returncode, 2, args)
            self.assertIn("--phone", p.stderr)
        self.assertIn("--phone", self.ctl.run("case", "history", "--help", as_="R01").stdout)

    def test_register_new_fields(self):
        c = self.register("--customer-address", "北京市海淀区中关村大街1号", "--signed",
                          kind="consultation", content="来信咨询开户")
        self.assertEqual(c["customer"]["address"], "北京市海淀区中关村大街1号")
        with sqlite3.connect(self.db) as db:
            payload = db.execute("SELECT payload FROM events WHERE kind = 'registered'").fetchone()[0]
        self.assertIn('"signature":1', payload.replace(" ", ""))
        # the inspector sees the address masked
        shown = self.ctl.json("case", "show", c["number"], as_="U01")
        self.assertEqual(shown["customer"]["address"], "***")
        # a letter received three days ago may be registered now
        letter = self.ctl.json("case", "register", "--channel", "letter", "--kind", "suggestion",
                               "--content", "来信建议增加自助设备", "--received-by", "R01",
                               "--customer-name", "李四", "--received-at", "2026-11-20T09:00:00+08:00",
                               as_="R01", now=NOW)
        self.assertTrue(letter["received_at"].startswith("2026-11-20"))

    def test_register_bad_received_at(self):
        before = self.n_events()
        for received, channel, message in (
                ("2026-11-25T10:00:00+08:00", "letter", "future"),         # tomorrow
                ("2026-11-20T09:00:00+08:00", "visit", "within a day"),     # a visit three days ago
                ("2026-06-01T09:00:00+08:00", "letter", "90 days")):        # a season ago
            p = self.ctl.run("case", "register", "--channel", channel, "--kind", "consultation",
                             "--content", "来信咨询", "--received-by", "R01", "--customer-name", "李四",
                             "--received-at", received, as_="R01", check=False,
                             env={"LANG": "C", "LANGUAGE": "C"})
            self.assertEqual(p.returncode, 1, (received, channel))
            self.assertIn(message, p.stderr)
        self.assertEqual(self.n_events(), before)


if __name__ == "__main__":
    unittest.main()
