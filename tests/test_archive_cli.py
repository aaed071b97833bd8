#!/usr/bin/env python3
# test_archive_cli.py — `shouwenctl case list` as the archive's search (a
# flag per filter, short texts, --json masked for an inspector, bad
# values refused) and `report branches` / `report cases` of a head office.
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import io
import os
import shutil
import sys
import tempfile
import unittest
import zipfile

import test_cli
from test_cli import Ctl, DEPARTMENTS, STAFF

INSPECTOR = "U01,郭敏,OFFICE,5,工会检查员,2009-01-01,13800000023,inspector,regular,on_duty\n"


class ArchiveCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="shouwen-archive-")
        self.ctl = Ctl(os.path.join(self.dir, "test.db"))
        self.ctl.run("init", "--branch", "BJ01", "--branch-name", "海淀支行")
        self.ctl.run("import", "departments", self.write("d.csv", DEPARTMENTS))
        self.ctl.run("import", "staff", self.write("s.csv", STAFF + INSPECTOR))
        cases = [("2026-03-02T10:00:00+08:00", "visit", "complaint", "投诉个人贷款利率过高"),
                 ("2026-03-09T10:00:00+08:00", "phone", "query", "查询贷款还款计划"),
                 ("2026-04-06T10:00:00+08:00", "visit", "consultation", "咨询信用卡分期"),
                 ("2026-05-04T10:00:00+08:00", "phone", "complaint", "投诉排队时间过长")]
        self.numbers = []
        for i, (now, channel, kind, content) in enumerate(cases):
            c = self.ctl.json("case", "register", "--channel", channel, "--kind", kind,
                              "--content", content, "--received-by", "R01",
                              "--customer-name", "张三丰", "--customer-phone", f"1381234000{i}",
                              now=now)
            self.numbers.append(c["number"])

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def numbers_of(self, *args, as_=None):
        return [c["number"] for c in self.ctl.json("case", "list", *args, as_=as_)]

    def test_filters(self):
        n = self.numbers
        self.assertEqual(self.numbers_of(), n[::-1])
        self.assertEqual(self.numbers_of("--search", "贷款"), [n[1], n[0]])   # two characters
        self.assertEqual(self.numbers_of("--search", "还款计划"), [n[1]])     # the trigram index
        self.assertEqual(self.numbers_of("--kind", "complaint"), [n[3], n[0]])
        self.assertEqual(self.numbers_of("--channel", "phone", "--kind", "complaint"), [n[3]])
        self.assertEqual(self.numbers_of("--from", "2026-03-01", "--to", "2026-03-31"), [n[1], n[0]])
        self.assertEqual(self.numbers_of("--from", "2026-03-09", "--to", "2026-03-09"), [n[1]])
        self.assertEqual(self.numbers_of("--branch", "BJ01", "--limit", "2"), [n[3], n[2]])
        self.assertEqual(self.numbers_of("--branch", "SH01"), [])
        self.assertEqual(self.numbers_of("--satisfaction", "1-2"), [])

    def test_inspector_sees_masked(self):
        listed = self.ctl.json("case", "list", "--search", "贷款", as_="U01")
        self.assertEqual(len(listed), 2)
        for c in listed:
            self.assertEqual(c["customer"]["name"], "张**")
            self.assertNotIn("13812340", c["customer"]["phone"])
        whole = self.ctl.json("case", "list", "--search", "贷款", as_="R01")
        self.assertEqual(whole[0]["customer"]["name"], "张三丰")

    def test_bad_values_refused(self):
        for args in (("--kind", "nonsense"), ("--channel", "fax"), ("--satisfaction", "7"),
                     ("--satisfaction", "3-1"), ("--from", "2026-13-01")):
            p = self.ctl.run("case", "list", *args, check=False)
            self.assertNotEqual(p.returncode, 0, args)
            self.assertTrue(p.stderr.strip(), args)

    def test_report_branches(self):
        r = self.ctl.json("report", "branches", "--from", "2026-01-01", "--to", "2026-12-31",
                          now="2026-06-01T10:00:00+08:00")
        self.assertEqual([b["code"] for b in r["branches"]], ["BJ01"])
        self.assertEqual(r["branches"][0]["figures"]["received"]["value"], 4)
        self.assertEqual(r["total"]["figures"]["received"]["value"], 4)
        self.assertEqual(sum(m["received"] for m in r["branches"][0]["months"]), 4)
        out = os.path.join(self.dir, "b.csv")
        self.ctl.run("report", "branches", "--from", "2026-01-01", "--to", "2026-12-31", "--csv", out,
                     now="2026-06-01T10:00:00+08:00")
        with open(out, encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[2][1], "BJ01")
        self.assertEqual(rows[2][3], "4")
        p = self.ctl.run("report", "branches", "--from", "2026-01-01", "--to", "2026-12-31",
                         "--rank-by", "nonsense", check=False)
        self.assertNotEqual(p.returncode, 0)
        # the cases behind a figure, drilled down to the branch
        cases = self.ctl.json("report", "cases", "--figure", "received", "--branch", "BJ01",
                              "--from", "2026-03-01", "--to", "2026-03-31",
                              now="2026-06-01T10:00:00+08:00")
        self.assertEqual(sorted(c["number"] for c in cases), sorted(self.numbers[:2]))
        p = self.ctl.run("report", "cases", "--figure", "warnings", "--from", "2026-01-01",
                         "--to", "2026-12-31", check=False)
        self.assertNotEqual(p.returncode, 0)

    def test_report_branches_trend(self):
        """--trend: the figure each month, the months adding up to the branch's figure."""
        now = "2026-06-01T10:00:00+08:00"
        period = ("--from", "2026-01-01", "--to", "2026-06-30")
        t = self.ctl.json("report", "branches", *period, "--trend", "received", "--branch", "BJ01", now=now)
        self.assertEqual(t["figure"], "received")
        months = t["branches"][0]["months"]
        self.assertEqual([m["month"] for m in months],
                         ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"])
        self.assertEqual([m["value"] for m in months], [0, 0, 2, 1, 1, 0])
        share = self.ctl.json("report", "branches", *period, "--trend", "answered_on_spot", now=now)
        self.assertIsNone(share["branches"][0]["months"][0]["value"])   # no cases: no data, not 0
        self.assertEqual(share["branches"][0]["months"][2]["denominator"], 2)
        out = os.path.join(self.dir, "t.csv")
        self.ctl.run("report", "branches", *period, "--trend", "received", "--csv", out, now=now)
        with open(out, encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[2][:4], ["2026-01", "BJ01", "海淀支行", "0"])
        self.assertEqual(len(rows), 2 + 6)
        for bad in (("--trend", "warnings"), ("--trend", "received", "--branch", "XX99")):
            p = self.ctl.run("report", "branches", *period, *bad, check=False)
            self.assertNotEqual(p.returncode, 0, bad)
            self.assertTrue(p.stderr.strip(), bad)

    def test_report_branches_cases(self):
        """--cases FIGURE --branch: as many cases as the figure, masked for an inspector."""
        now = "2026-06-01T10:00:00+08:00"
        period = ("--from", "2026-01-01", "--to", "2026-12-31")
        r = self.ctl.json("report", "branches", *period, now=now)
        for key in ("received", "answered_on_spot"):
            listed = self.ctl.json("report", "branches", *period, "--cases", key, "--branch", "BJ01", now=now)
            fig = r["branches"][0]["figures"][key]
            self.assertEqual(len(listed), fig["numerator"] if key != "received" else fig["value"], key)
        listed = self.ctl.json("report", "branches", *period, "--cases", "received", "--branch", "BJ01",
                               as_="U01", now=now)
        self.assertEqual(len(listed), 4)
        for c in listed:
            self.assertEqual(c["customer"]["name"], "张**")
        p = self.ctl.run("report", "branches", *period, "--cases", "received", check=False)
        self.assertNotEqual(p.returncode, 0)
        p = self.ctl.run("report", "branches", *period, "--cases", "warnings", "--branch", "BJ01", check=False)
        self.assertNotEqual(p.returncode, 0)

    def test_report_branches_xlsx(self):
        """--xlsx: the comparison's rows in one sheet, the cells strings (read with zipfile)."""
        out = os.path.join(self.dir, "b.xlsx")
        r = self.ctl.json("report", "branches", "--from", "2026-01-01", "--to", "2026-12-31", "--xlsx", out,
                          now="2026-06-01T10:00:00+08:00")
        self.assertEqual(r["xlsx_file"], out)
        with zipfile.ZipFile(out) as z:
            self.assertIsNone(z.testzip())
            names = z.namelist()
            self.assertIn("xl/worksheets/sheet1.xml", names)
            text = "".join(z.read(n).decode("utf-8") for n in names if n.endswith(".xml"))
        for cell in ("BJ01", "海淀支行", "2026-03"):
            self.assertIn(cell, text)
        self.assertNotIn("<f>", text)   # no formula


if __name__ == "__main__":
    unittest.main()
