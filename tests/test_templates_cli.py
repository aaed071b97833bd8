#!/usr/bin/env python3
# test_templates_cli.py — shouwenctl template list|show|add|edit|retire|restore
# on a real database: Chinese search, suggestions for a request, who may edit,
# clear errors that change nothing.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from demo_password import give_password  # noqa: E402

CTL = sys.argv.pop(1) if len(sys.argv) > 1 else "shouwenctl"
NOW = "2026-11-23T10:00:00+08:00"

DEPARTMENTS = """code,name,parent_code,location,phone,liaison_empno,head_empno,duties
RETAIL,个人业务部,,营业大厅一楼,010-62000001,R01,RH,开户;存款;银行卡
CORP,公司业务部,,二楼东侧,010-62000002,C01,CH,对公账户;结算
OFFICE,办公室,,三楼,010-62000003,,L01,协调;督办
"""

STAFF = """empno,name,department_code,rank,title,hire_date,phone,role,kind,availability
R01,王芳,RETAIL,3,柜员,2010-03-01,13800000001,staff,regular,on_duty
RH,刘洋,RETAIL,8,部门经理,2003-01-01,13800000009,head,regular,on_duty
C01,陈静,CORP,3,客户经理,2012-01-01,13800000011,staff,regular,on_duty
O01,马超,OFFICE,7,办公室主任,2004-01-01,13800000010,supervisor,regular,on_duty
L01,高明,OFFICE,10,行长,1998-01-01,13800000020,head,regular,on_duty
"""


class TemplatesCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="shouwen-tpl-cli-")
        self.db = os.path.join(self.dir, "test.db")
        self.has_password = set()
        self.run_ctl("init", "--branch", "BJ01", "--branch-name", "海淀支行")
        self.run_ctl("import", "departments", self.write("d.csv", DEPARTMENTS))
        self.run_ctl("import", "staff", self.write("s.csv", STAFF))

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def give_password(self, empno):
        give_password(CTL, self.db, empno, self.has_password)

    def run_ctl(self, *args, as_=None, check=True):
        # every command signs in (the password from SHOUWEN_PASSWORD_FILE):
        # as the administrator "admin" unless the test names someone
        as_ = "admin" if as_ is None else as_
        if as_ and as_ != "admin":
            self.give_password(as_)
        cmd = [CTL, "--db", self.db, "--now", NOW]
        if as_:
            cmd += ["--as", as_]
        cmd += list(args)
        p = subprocess.run(cmd, capture_output=True, text=True)
        if check and p.returncode != 0:
            raise AssertionError(f"{cmd} failed ({p.returncode}): {p.stderr}")
        return p

    def json(self, *args, **kw):
        return json.loads(self.run_ctl("--json", *args, **kw).stdout)

    def add_library(self):
        hours = self.json("template", "add", "--kind", "answer", "--matter", "营业时间",
                          "--keywords", "营业时间;几点", "--body", "周一至周五 9:00—17:00", as_="O01")
        lost = self.json("template", "add", "--kind", "materials", "--matter", "挂失补卡",
                         "--department", "RETAIL", "--keywords", "挂失;补卡",
                         "--body-file", self.write("lost.txt", "本人有效身份证件\n挂失受理编号\n"),
                         as_="RH")
        loan = self.json("template", "add", "--kind", "materials", "--matter", "个人贷款申请材料",
                         "--keywords", "贷款", "--body", "本人有效身份证件\n收入证明", as_="O01")
        return hours, lost, loan

    def test_add_list_search(self):
        hours, lost, loan = self.add_library()
        self.assertEqual(hours["kind"], "answer")
        self.assertIsNone(hours["department"])
        self.assertEqual(hours["updated_by"], "O01")
        self.assertEqual(hours["updated_at"], "2026-11-23T10:00:00+08:00")
        self.assertEqual(lost["body"], "本人有效身份证件\n挂失受理编号")
        self.assertEqual(lost["department"], "RETAIL")

        everything = self.json("template", "list")
        self.assertEqual(len(everything), 3)
        materials = self.json("template", "list", "--kind", "materials")
        self.assertEqual({t["matter"] for t in materials}, {"挂失补卡", "个人贷款申请材料"})
        found = self.json("template", "list", "--search", "受理编号")
        self.assertEqual([t["id"] for t in found], [lost["id"]])

        # the request's words pick the list
        suggested = self.json("template", "list", "--kind", "materials",
                              "--for", "客户想申请个人贷款")
        self.assertEqual(suggested[0]["id"], loan["id"])

        text = self.run_ctl("template", "show", lost["id"]).stdout
        self.assertIn("挂失补卡", text)
        self.assertIn("挂失受理编号", text)

    def test_edit_retire_restore(self):
        hours, _, _ = self.add_library()
        edited = self.json("template", "edit", hours["id"], "--body", "周一至周日 9:00—17:00", as_="O01")
        self.assertEqual(edited["body"], "周一至周日 9:00—17:00")
        self.assertEqual(edited["matter"], "营业时间")

        retired = self.json("template", "retire", hours["id"], as_="O01")
        self.assertFalse(retired["active"])
        self.assertEqual(len(self.json("template", "list", "--kind", "answer")), 0)
        self.assertEqual(len(self.json("template", "list", "--kind", "answer", "--all")), 1)
        restored = self.json("template", "restore", hours["id"], as_="O01")
        self.assertTrue(restored["active"])

    def test_refusals(self):
        hours, lost, _ = self.add_library()
        p = self.run_ctl("template", "edit", hours["id"], "--body", "改掉", as_="R01", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("王芳 (R01) may not edit", p.stderr)
        p = self.run_ctl("template", "edit", hours["id"], "--body", "改掉", as_="RH", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("own department", p.stderr)
        p = self.run_ctl("template", "add", "--kind", "answer", "--matter", "空的", "--body", " ",
                         as_="O01", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("The text of the answer is required", p.stderr)
        p = self.run_ctl("template", "add", "--kind", "letter", "--matter", "x", "--body", "y",
                         as_="O01", check=False)
        self.assertEqual(p.returncode, 2)
        p = self.run_ctl("template", "show", "nope", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("There is no template", p.stderr)
        # nothing changed
        self.assertEqual(self.json("template", "show", hours["id"])["body"], "周一至周五 9:00—17:00")
        self.assertEqual(len(self.json("template", "list")), 3)

    def test_help_lists_commands(self):
        out = self.run_ctl("--help").stdout
        for name in ("template list", "template add", "template edit", "template retire"):
            self.assertIn(name, out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
