#!/usr/bin/env python3
# test_access_cli.py — the access policy through shouwenctl: a slice of the
# role × operation matrix (refused → exit 1, a translated message, nothing
# written; allowed → done), the rule writes (policy, calendar, directory,
# findings), and an inspector never reading a customer whole on any command.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import sqlite3
import sys
import tempfile
import unittest

import test_cli                      # takes shouwenctl's path from argv
from test_cli import Ctl, DEPARTMENTS, NOW

STAFF = test_cli.STAFF + """O01,马超,OFFICE,7,督办员,2004-01-01,13800000022,supervisor,regular,on_duty
U01,郭敏,OFFICE,5,工会检查员,2009-01-01,13800000023,inspector,regular,on_duty
"""
# cairo and fontconfig keep their caches to the end (PDF exports)
os.environ["LSAN_OPTIONS"] = "suppressions=" + os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "accountability", "lsan.supp")
ZH = {"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"}
NAME, PHONE, UNIT = "张三丰", "13812341234", "浙江明远科技有限公司"


class AccessCliTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="shouwen-access-")
        cls.db = os.path.join(cls.dir, "test.db")
        cls.ctl = Ctl(cls.db)
        for name, text in (("d.csv", DEPARTMENTS), ("s.csv", STAFF)):
            with open(os.path.join(cls.dir, name), "w", encoding="utf-8") as f:
                f.write(text)
        cls.ctl.run("init", "--branch", "BJ01", "--branch-name", "海淀支行")
        cls.ctl.run("import", "departments", os.path.join(cls.dir, "d.csv"))
        cls.ctl.run("import", "staff", os.path.join(cls.dir, "s.csv"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def snapshot(self):
        db = sqlite3.connect(self.db)
        try:
            return tuple(db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                         for t in ("events", "cases", "staff", "departments", "policies", "calendar_days",
                                   "findings", "finding_log", "directory_outbox"))
        finally:
            db.close()

    def register(self):
        c = self.ctl.json("case", "register", "--channel", "visit", "--kind", "business",
                          "--content", "办理个人账户挂失", "--received-by", "R01",
                          "--customer-name", NAME, "--customer-phone", PHONE,
                          "--customer-unit", UNIT, as_="R01")
        self.assertEqual(c["owner"]["empno"], "R01")
        return c["number"]

    def refused(self, args, as_, words):
        """Exit 1, the zh_CN message naming what was refused, nothing written."""
        if as_ and as_ != "admin":
            self.ctl.give_password(as_)   # the person's own password first: a directory edit
        before = self.snapshot()
        p = self.ctl.run(*args, as_=as_, check=False, env=ZH)
        self.assertEqual(p.returncode, 1, f"{args} as {as_}: {p.stdout}{p.stderr}")
        for w in words:
            self.assertIn(w, p.stderr, f"{args} as {as_}")
        self.assertEqual(self.snapshot(), before, f"{args} as {as_} wrote something")

    def allowed(self, args, as_):
        p = self.ctl.run(*args, as_=as_, check=False)
        self.assertEqual(p.returncode, 0, f"{args} as {as_}: {p.stderr}")

    def test_case_operations(self):
        number = self.register()
        # staff of the department, not the case's: no; a head of another department: no
        self.refused(("case", "handle", number), "R02", ["无权", "仅限该事项的承办人"])
        self.refused(("case", "transfer", number, "--to", "CORP", "--note", "对公"), "CH",
                     ["黄磊（CH）无权", "仅限该事项的承办人"])
        # an inspector changes no case, not even a note
        self.refused(("case", "note", number, "--text", "看过"), "U01", ["工会检查员"])
        # the head of the case's department and a supervisor may
        self.allowed(("case", "handle", number), "RH")
        self.allowed(("case", "note", number, "--text", "已联系客户"), "O01")
        # a transfer is accepted by the department it is addressed to only
        self.allowed(("case", "transfer", number, "--to", "CORP", "--note", "对公业务"), "R01")
        self.refused(("case", "accept", number, "--handler", "R02"), "RH", ["公司业务部", "仅限该部门"])
        self.allowed(("case", "accept", number, "--handler", "C01"), "C02")
        # callback: not a head of another department
        self.allowed(("case", "reply", number, "--text", "已办理完毕"), "C01")
        self.refused(("case", "callback", number, "--satisfaction", "5"), "RH", ["无权"])
        self.allowed(("case", "callback", number, "--satisfaction", "5"), "R01")

    def test_rule_writes(self):
        # policies, the calendar and the directory: administrators only
        self.refused(("policy", "set", "limit.department_days", "3"), "O01", ["无权修改制度参数", "系统管理员"])
        self.refused(("policy", "set", "limit.department_days", "3"), "RH", ["系统管理员"])
        self.allowed(("policy", "set", "limit.department_days", "3"), "A01")
        self.refused(("calendar", "holiday", "add", "2026-12-31", "--name", "测试"), "RH", ["无权修改日历"])
        self.allowed(("calendar", "holiday", "add", "2026-12-31", "--name", "测试"), "A01")
        promoted = os.path.join(self.dir, "promoted.csv")
        with open(promoted, "w", encoding="utf-8") as f:
            f.write(STAFF.replace("R02,李娜,RETAIL,3,柜员,2005-07-01,13800000002,staff",
                                  "R02,李娜,RETAIL,3,柜员,2005-07-01,13800000002,head"))
        self.refused(("import", "staff", promoted), "CH", ["无权修改人员"])
        moved = os.path.join(self.dir, "moved.csv")
        with open(moved, "w", encoding="utf-8") as f:
            f.write(DEPARTMENTS.replace("营业大厅一楼", "营业大厅二楼"))
        self.refused(("import", "departments", moved), "O01", ["无权修改部门"])
        self.allowed(("import", "departments", os.path.join(self.dir, "d.csv")), "A01")

    def test_findings(self):
        number = self.register()
        f = self.ctl.json("finding", "add", "--person", "R01", "--rule", "rude_attitude",
                          "--case", number, "--evidence", "客户投诉态度生硬", as_="U01")
        # a head of another department does not review RETAIL's; staff record none
        self.refused(("finding", "confirm", f["id"], "--reason", "属实"), "CH", ["无权审核", "所属部门负责人"])
        self.refused(("finding", "add", "--person", "R02", "--rule", "rude_attitude", "--case", number,
                      "--evidence", "投诉"), "R01", ["无权登记违规记录"])
        self.allowed(("finding", "confirm", f["id"], "--reason", "属实"), "RH")

    def test_inspector_never_reads_a_customer_whole(self):
        number = self.register()
        self.ctl.run("finding", "add", "--person", "R01", "--rule", "rude_attitude", "--case", number,
                     "--evidence", "客户投诉态度生硬", as_="O01")
        outputs = []
        for args in (("case", "show", number), ("--json", "case", "show", number),
                     ("case", "list"), ("--json", "case", "list"),
                     ("export", "register", "--department", "RETAIL", "--from", "2026-11-01",
                      "--to", "2026-11-30", "--csv", "-"),
                     ("finding", "list"), ("--json", "finding", "list"),
                     ("report", "--from", "2026-11-01", "--to", "2026-11-30"),
                     ("--json", "report", "--from", "2026-11-01", "--to", "2026-11-30"),
                     ("person", "record", "R01")):
            p = self.ctl.run(*args, as_="U01")
            outputs.append(p.stdout)
        pdf = os.path.join(self.dir, "register.pdf")
        self.ctl.run("export", "register", "--department", "RETAIL", "--from", "2026-11-01",
                     "--to", "2026-11-30", "--pdf", pdf, as_="U01")
        if shutil.which("pdftotext"):
            outputs.append(os.popen(f"pdftotext {pdf} -").read())
        text = "\n".join(outputs)
        for secret in (PHONE, NAME, "三丰", "明远科技"):
            self.assertNotIn(secret, text)
        self.assertIn("138****1234", text)
        # the first-inquiry person reads it whole, as the policy says
        self.assertIn(PHONE, self.ctl.run("case", "show", number, as_="R01").stdout)

    def test_personal_data_matrix(self):
        """`case show --json` by role × relation to the case, from the one
        policy: whole (and an audit entry naming the case) or masked (none)."""
        number = self.register()
        table = (   # who, what they are to R01's RETAIL case, whole?
            ("R01", "first-inquiry person", True),
            ("R02", "staff of its department, not on it", False),
            ("C01", "staff of another department", False),
            ("RH", "head of its department", True),
            ("CH", "head of another department", False),
            ("L01", "head of the office (another department)", False),
            ("O01", "supervisor", True),
            ("A01", "administrator", True),
            ("U01", "inspector", False),
        )
        for who, what, whole in table:
            db = sqlite3.connect(self.db)
            shown_before = db.execute("SELECT count(*) FROM audit_log WHERE code = 'personal_data_shown'"
                                      " AND actor = ?", (who,)).fetchone()[0]
            db.close()
            c = self.ctl.json("case", "show", number, as_=who)
            phone = c["customer"]["phone"]
            self.assertEqual(phone, PHONE if whole else "138****1234", f"{who} ({what})")
            db = sqlite3.connect(self.db)
            shown = db.execute("SELECT count(*) FROM audit_log WHERE code = 'personal_data_shown'"
                               " AND actor = ?", (who,)).fetchone()[0]
            db.close()
            self.assertEqual(shown - shown_before, 1 if whole else 0, f"{who} ({what}): audit")


if __name__ == "__main__":
    unittest.main()
