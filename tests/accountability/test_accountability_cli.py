#!/usr/bin/env python3
# test_accountability_cli.py — shouwenctl's accountability commands as a
# supervisor, a head and an inspector use them: check at --now, findings and
# their review, a person's record, reports as JSON/CSV/PDF, the register,
# inspections and the evaluation sheet; usage errors.
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile
import re
import html
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from demo_password import give_password  # noqa: E402

CTL = sys.argv.pop(1) if len(sys.argv) > 1 else "shouwenctl"
MONDAY = "2026-11-23T10:00:00+08:00"

DEPARTMENTS = """code,name,parent_code,location,phone,liaison_empno,head_empno,duties
RETAIL,个人业务部,,营业大厅一楼,010-62000001,R01,RH,开户;存款;银行卡
CORP,公司业务部,,二楼东侧,010-62000002,C01,CH,对公账户;结算
OFFICE,办公室,,三楼,010-62000003,,L01,协调;督办
UNION,工会,,四楼,010-62000004,,,检查
"""

STAFF = """empno,name,department_code,rank,title,hire_date,phone,role,kind,availability
R01,王芳,RETAIL,3,柜员,2010-03-01,13800000001,staff,regular,on_duty
R02,李娜,RETAIL,3,柜员,2005-07-01,13800000002,staff,regular,on_duty
RH,刘洋,RETAIL,8,部门经理,2003-01-01,13800000009,head,regular,on_duty
C01,陈静,CORP,3,客户经理,2012-01-01,13800000011,staff,regular,on_duty
CH,黄磊,CORP,8,部门经理,2002-01-01,13800000019,head,regular,on_duty
O01,马超,OFFICE,7,督查专员,2004-01-01,13800000022,supervisor,regular,on_duty
L01,高明,OFFICE,10,行长,1998-01-01,13800000020,head,regular,on_duty
U01,郭敏,UNION,5,工会干事,2009-01-01,13800000030,inspector,regular,on_duty
"""


# cairo and fontconfig keep caches for the life of the process.
ENV = {**os.environ, "LSAN_OPTIONS": "suppressions=" + os.path.join(os.path.dirname(os.path.abspath(__file__)), "lsan.supp")}


class Ctl:
    def __init__(self, db):
        self.db = db
        self.has_password = set()

    def give_password(self, empno):
        give_password(CTL, self.db, empno, self.has_password, env=ENV)

    def run(self, *args, now=MONDAY, as_=None, check=True):
        # every command signs in (the password from SHOUWEN_PASSWORD_FILE):
        # as the administrator "admin" unless the test names someone
        as_ = "admin" if as_ is None else as_
        if as_ and as_ != "admin":
            self.give_password(as_)
        cmd = [CTL, "--db", self.db, "--now", now]
        if as_:
            cmd += ["--as", as_]
        cmd += list(args)
        p = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
        if check and p.returncode != 0:
            raise AssertionError(f"{cmd} failed ({p.returncode}): {p.stderr}")
        return p

    def json(self, *args, **kw):
        return json.loads(self.run("--json", *args, **kw).stdout)


class AccountabilityCli(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="shouwen-acct-")
        self.ctl = Ctl(os.path.join(self.dir, "test.db"))
        self.ctl.run("init", "--branch", "BJ01", "--branch-name", "海淀支行")
        self.ctl.run("import", "departments", self.path("d.csv", DEPARTMENTS))
        self.ctl.run("import", "staff", self.path("s.csv", STAFF))

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name, text=None):
        p = os.path.join(self.dir, name)
        if text is not None:
            with open(p, "w", encoding="utf-8") as f:
                f.write(text)
        return p

    def register(self, by="R01", phone="13912345678", kind="business"):
        return self.ctl.json("case", "register", "--channel", "visit", "--kind", kind,
                             "--content", "对公账户变更", "--received-by", by,
                             "--customer-name", "张三", "--customer-phone", phone, as_=by)

    def late_case(self):
        c = self.register()
        self.ctl.run("case", "transfer", c["number"], "--to", "CORP", "--note", "对公业务",
                     as_="R01", now="2026-11-23T11:30:00+08:00")
        return c

    def test_check_is_idempotent(self):
        c = self.late_case()
        found = self.ctl.json("check", now="2026-11-23T11:35:00+08:00")
        self.assertEqual([f["rule"] for f in found], ["late_transfer"])
        self.assertEqual(found[0]["person"], "R01")
        self.assertEqual(found[0]["case"], c["number"])
        self.assertEqual(len(found[0]["events"]), 2)
        self.assertEqual(self.ctl.json("check", now="2026-11-23T11:40:00+08:00"), [])
        text = self.ctl.run("check", now="2026-11-23T11:40:00+08:00").stdout
        self.assertIn("No new findings", text)
        # The transfer is still waiting for CORP at 13:00: a new finding for its head.
        later = self.ctl.json("check", now="2026-11-23T13:00:00+08:00")
        self.assertEqual([(f["rule"], f["person"]) for f in later], [("late_accept", "CH")])

    def test_review_and_record(self):
        self.late_case()
        f = self.ctl.json("check", now="2026-11-23T11:35:00+08:00")[0]
        p = self.ctl.run("finding", "confirm", f["id"], "--reason", "属实", as_="R02", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("may not review", p.stderr)
        p = self.ctl.run("finding", "confirm", f["id"], as_="RH", check=False)
        self.assertEqual(p.returncode, 1)
        done = self.ctl.json("finding", "confirm", f["id"], "--reason", "属实", as_="RH")
        self.assertEqual(done["status"], "confirmed")
        self.assertEqual([e["action"] for e in done["log"]], ["detected", "confirmed"])

        c = self.register(phone="13900000000")
        added = self.ctl.json("finding", "add", "--person", "R01", "--rule", "rude_attitude",
                              "--case", c["number"], "--evidence", "客户投诉态度生硬", as_="U01")
        self.assertEqual(added["source"], "inspection")
        self.assertEqual(added["status"], "open")
        self.ctl.json("finding", "confirm", added["id"], "--reason", "录音核实", as_="O01")
        other = self.ctl.json("finding", "add", "--person", "R01", "--rule", "perfunctory_reply",
                              "--evidence", "答复敷衍", as_="O01")
        self.ctl.json("finding", "dismiss", other["id"][:23], "--reason", "答复完整", as_="RH")
        self.assertEqual(len(self.ctl.json("finding", "list", "--person", "R01", "--status", "confirmed")), 2)
        self.assertEqual(len(self.ctl.json("finding", "list", "--status", "dismissed")), 1)

        self.ctl.run("sanction", "add", "--person", "R01", "--kind", "warning", "--reason", "屡次超时", as_="RH")
        rec = self.ctl.json("person", "record", "R01")
        self.assertEqual(rec["year"], 2026)
        self.assertEqual([s["step"] for s in rec["ladder"]], ["correct", "criticism"])
        self.assertEqual(rec["next"]["step"], "deduction_standby")
        self.assertEqual(rec["next"]["deduction_yuan"], 500)
        self.assertEqual(rec["warnings"], 1)
        self.assertEqual(rec["effect"], "no_excellent")
        text = self.ctl.run("person", "record", "R01").stdout
        self.assertIn("The next confirmed violation brings", text)
        self.assertEqual(self.ctl.json("person", "record", "R01", "--year", "2025")["confirmed"], 0)

    def test_finding_occurred(self):
        # The ladder counts a recorded finding in the year the act happened
        # (seed 003 fines the 责任人 for the act), not the year it was written down.
        jan = "2027-01-05T10:00:00+08:00"
        added = self.ctl.json("finding", "add", "--person", "R01", "--rule", "rude_attitude",
                              "--evidence", "客户投诉态度生硬", "--occurred", "2026-12-20 15:00",
                              as_="O01", now=jan)
        self.assertEqual(added["occurred_at"][:16], "2026-12-20T15:00")
        self.ctl.run("finding", "confirm", added["id"], "--reason", "属实", as_="O01", now=jan)
        self.assertEqual(self.ctl.json("person", "record", "R01", "--year", "2026", now=jan)["confirmed"], 1)
        self.assertEqual(self.ctl.json("person", "record", "R01", "--year", "2027", now=jan)["confirmed"], 0)
        p = self.ctl.run("finding", "add", "--person", "R01", "--rule", "rude_attitude",
                         "--evidence", "客户投诉态度生硬", "--occurred", "2027-02-01",
                         as_="O01", now=jan, check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("future", p.stderr)
        p = self.ctl.run("finding", "add", "--person", "R01", "--rule", "rude_attitude",
                         "--evidence", "客户投诉态度生硬", "--occurred", "yesterday",
                         as_="O01", now=jan, check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("not a time", p.stderr)

    def test_report_formats(self):
        self.late_case()
        answered = self.register(phone="13900000001", kind="consultation")
        self.ctl.run("case", "answer", answered["number"], "--text", "已解答", as_="R01")
        r = self.ctl.json("report", "--from", "2026-11-01", "--to", "2026-11-30",
                          now="2026-11-23T15:00:00+08:00")
        self.assertEqual(r["figures"]["received"]["value"], 2)
        self.assertEqual(r["figures"]["answered_on_spot"]["value"], 50)
        self.assertEqual(r["figures"]["transferred_on_time"]["numerator"], 0)
        self.assertEqual(r["figures"]["transferred_on_time"]["denominator"], 1)
        self.assertTrue(r["figures"]["received"]["definition"])
        self.assertEqual(r["by_kind"]["consultation"], 1)
        self.assertEqual(r["findings_by_rule"]["late_transfer"]["open"], 1)
        # The case sent to CORP and not accepted is still RETAIL's: two cases,
        # too few to rate (rating.min_cases).
        dept = self.ctl.json("report", "--from", "2026-11-01", "--to", "2026-11-30", "--department", "RETAIL",
                             now="2026-11-23T15:00:00+08:00")
        self.assertEqual(dept["scope"], "department")
        self.assertEqual(dept["figures"]["received"]["value"], 2)
        self.assertEqual(dept["rating"], "too_few")

        raw = subprocess.run([CTL, "--db", self.ctl.db, "--now", MONDAY, "--as", "admin", "report", "--from", "2026-11-01",
                              "--to", "2026-11-30", "--csv"], capture_output=True, env=ENV).stdout
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        self.assertEqual(rows[0], ["Section", "Item", "Value", "Definition"])
        self.assertIn(["Figure", "Requests received", "2",
                       r["figures"]["received"]["definition"]], rows)

        pdf = self.path("report.pdf")
        self.ctl.run("report", "--from", "2026-11-01", "--to", "2026-11-30", "--pdf", pdf)
        with open(pdf, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")

    def test_export_without_audit_leaves_no_file(self):
        # The export's audit entry cannot be written (a trigger refuses it,
        # as a full disk or a broken database would): the command fails and
        # no file is left, not even a partial one; a masked export needs no
        # entry and is written.
        import sqlite3
        self.late_case()
        con = sqlite3.connect(self.ctl.db)
        con.execute("CREATE TRIGGER refuse_export BEFORE INSERT ON audit_log"
                    " WHEN NEW.code = 'personal_data_exported'"
                    " BEGIN SELECT RAISE (ABORT, 'injected failure'); END")
        con.commit()
        con.close()
        period = ("--department", "RETAIL", "--from", "2026-11-01", "--to", "2026-11-30")
        outs = {ext: self.path("register." + ext) for ext in ("csv", "pdf", "xlsx")}
        p = self.ctl.run("export", "register", *period, "--csv", outs["csv"], "--pdf", outs["pdf"],
                         "--xlsx", outs["xlsx"], as_="RH", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("injected failure", p.stderr)
        summary = self.path("summary.csv")
        p = self.ctl.run("export", "summary", *period, "--csv", summary, as_="RH", check=False)
        self.assertEqual(p.returncode, 1)
        p = self.ctl.run("export", "register", *period, "--csv", "-", as_="RH", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertNotIn("张三", p.stdout)
        self.assertEqual(sorted(f for f in os.listdir(self.dir) if f.startswith(("register", "summary"))), [])
        # masked: no audit entry, the file is written
        self.ctl.run("export", "register", *period, "--csv", outs["csv"], as_="U01")
        self.assertTrue(os.path.exists(outs["csv"]))
        self.assertFalse(os.path.exists(outs["csv"] + ".part"))

    def test_register_and_inspection(self):
        c = self.late_case()
        out = self.path("register.csv")
        self.ctl.run("export", "register", "--department", "RETAIL", "--from", "2026-11-01",
                     "--to", "2026-11-30", "--csv", out, as_="RH")
        with open(out, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[1][0], c["number"])
        self.assertEqual(rows[1][4], "张三")
        # An inspector sees personal data masked.
        self.ctl.run("export", "register", "--department", "RETAIL", "--from", "2026-11-01",
                     "--to", "2026-11-30", "--csv", out, as_="U01")
        with open(out, encoding="utf-8-sig") as f:
            masked = list(csv.reader(f))
        self.assertNotEqual(masked[1][4], "张三")
        self.assertNotIn("12345678", masked[1][5])
        pdf = self.path("register.pdf")
        self.ctl.run("export", "register", "--department", "RETAIL", "--from", "2026-11-01",
                     "--to", "2026-11-30", "--pdf", pdf)
        self.assertGreater(os.path.getsize(pdf), 1000)

        insp = self.ctl.json("inspection", "add", "--department", "RETAIL", "--date", "2026-11-23",
                             "--summary", "台账齐全", "--score", "register=9", "--score", "attitude=8",
                             "--case", c["number"], as_="U01")[0]
        self.assertEqual(insp["scores"], {"register": 9, "attitude": 8})
        self.assertEqual(insp["cases"], [c["number"]])
        p = self.ctl.run("inspection", "add", "--department", "RETAIL", "--date", "2026-11-23",
                         "--summary", "x", "--score", "charm=3", as_="U01", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("criteria", p.stderr)
        p = self.ctl.run("inspection", "add", "--department", "RETAIL", "--date", "2026-11-23",
                         "--summary", "x", as_="R01", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(len(self.ctl.json("inspection", "list", "--year", "2026")), 1)
        self.ctl.run("finding", "add", "--person", "R02", "--rule", "piecemeal_notification",
                     "--evidence", "分次告知", "--inspection", insp["id"], as_="U01")
        self.ctl.run("inspection", "show", insp["id"], "--pdf", self.path("insp.pdf"))
        self.ctl.run("evaluation", "sheet", "--department", "RETAIL", "--year", "2026",
                     "--pdf", self.path("eval.pdf"))
        for name in ("insp.pdf", "eval.pdf"):
            with open(self.path(name), "rb") as f:
                self.assertEqual(f.read(5), b"%PDF-")

    @staticmethod
    def read_xlsx(path):
        """The one sheet of an XLSX as rows of cells (str, float or None);
        fails on a formula."""
        with zipfile.ZipFile(path) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode()
            shared = [html.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
                      for si in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S)]
        assert "<f>" not in sheet and "<f " not in sheet, "a formula"
        rows = []
        for r in re.findall(r"<row [^>]*>(.*?)</row>", sheet, re.S):
            row = {}
            for ref, attrs, v in re.findall(r'<c r="([A-Z]+)[0-9]+"([^>]*)><v>([^<]*)</v></c>', r):
                col = 0
                for ch in ref:
                    col = col * 26 + ord(ch) - 64
                row[col - 1] = shared[int(v)] if 't="s"' in attrs else float(v)
            rows.append([row.get(i) for i in range(max(row) + 1)] if row else [])
        return rows

    def audited_formats(self):
        return [e["args"].get("format") for e in self.ctl.json("audit", "list")
                if e["code"] == "personal_data_exported"]

    def test_register_and_report_as_xlsx(self):
        """--xlsx beside --csv and --pdf: the same rows in a workbook, Chinese
        intact, formula-looking text stored as text, masked for an inspector,
        audited when whole (as the CSV is)."""
        c = self.ctl.json("case", "register", "--channel", "visit", "--kind", "query",
                          "--content", "=HYPERLINK(\"http://x\") 对公账户变更", "--received-by", "R01",
                          "--customer-name", "张三", "--customer-phone", "+8613912345678", as_="R01")
        out = self.path("register.xlsx")
        j = self.ctl.json("export", "register", "--department", "RETAIL", "--from", "2026-11-01",
                          "--to", "2026-11-30", "--xlsx", out, as_="RH")
        self.assertEqual(j["xlsx_file"], out)
        self.assertEqual(j["rows"], 1)
        rows = self.read_xlsx(out)
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[0][0], "Case number")
        self.assertEqual(rows[1][0], c["number"])
        self.assertEqual(rows[1][4], "张三")
        self.assertEqual(rows[1][5], "+8613912345678")
        self.assertEqual(rows[1][6], "=HYPERLINK(\"http://x\") 对公账户变更")
        self.assertEqual(self.audited_formats(), ["xlsx"])
        # An inspector's copy is masked, and a masked copy is not audited.
        self.ctl.run("export", "register", "--department", "RETAIL", "--from", "2026-11-01",
                     "--to", "2026-11-30", "--xlsx", out, as_="U01")
        masked = self.read_xlsx(out)
        self.assertNotEqual(masked[1][4], "张三")
        self.assertNotIn("12345678", masked[1][5])
        self.assertEqual(self.audited_formats(), ["xlsx"])

        report = self.path("report.xlsx")
        self.ctl.run("report", "--from", "2026-11-01", "--to", "2026-11-30", "--xlsx", report)
        rows = self.read_xlsx(report)
        self.assertEqual(rows[0], ["Section", "Item", "Value", "Definition"])
        received = [r for r in rows if r[1] == "Requests received"]
        self.assertEqual(received[0][2], 1.0)     # a count is a number

    def test_inquiry_and_complaint_summary(self):
        """Seed 001 attachment 2 (客户疑问、投诉汇总表): a department's inquiries
        and complaints of a period with the reply given; a business case is
        not one of them."""
        self.register(kind="business")
        q = self.register(kind="query", phone="13912340001")
        c = self.register(kind="complaint", phone="13912340002")
        self.ctl.run("case", "answer", q["number"], "--text", "账户余额可在网银查询", as_="R01")
        out = self.path("summary.csv")
        self.ctl.run("export", "summary", "--department", "RETAIL", "--from", "2026-11-01",
                     "--to", "2026-11-30", "--csv", out, as_="RH")
        with open(out, encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        self.assertEqual(len(rows[0]), 11)
        csv_rows_header = rows[0]
        self.assertEqual([r[0] for r in rows[1:]], [q["number"], c["number"]])
        self.assertEqual(rows[1][7], "账户余额可在网银查询")
        self.assertNotEqual(rows[1][9], "")         # completed: answered on the spot
        self.assertEqual(rows[2][7], "")
        pdf = self.path("summary.pdf")
        self.ctl.run("export", "summary", "--department", "RETAIL", "--from", "2026-11-01",
                     "--to", "2026-11-30", "--pdf", pdf)
        self.assertGreater(os.path.getsize(pdf), 1000)
        xlsx = self.path("summary.xlsx")
        j = self.ctl.json("export", "summary", "--department", "RETAIL", "--from", "2026-11-01",
                          "--to", "2026-11-30", "--xlsx", xlsx, as_="RH")
        self.assertEqual((j["xlsx_file"], j["rows"]), (xlsx, 2))
        rows = self.read_xlsx(xlsx)
        self.assertEqual(rows[0], csv_rows_header)
        self.assertEqual([r[0] for r in rows[1:]], [q["number"], c["number"]])
        self.assertEqual(rows[1][7], "账户余额可在网银查询")
        p = self.ctl.run("export", "summary", "--department", "RETAIL", check=False)
        self.assertEqual(p.returncode, 2)

    def test_usage_errors(self):
        p = self.ctl.run("report", "--from", "2026-11-01", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("--to", p.stderr)
        p = self.ctl.run("report", "--from", "2026-13-01", "--to", "2026-11-30", check=False)
        self.assertEqual(p.returncode, 1)
        p = self.ctl.run("finding", "list", "--status", "maybe", check=False)
        self.assertEqual(p.returncode, 2)
        p = self.ctl.run("finding", "confirm", "nope", "--reason", "x", as_="O01", check=False)
        self.assertEqual(p.returncode, 1)
        p = self.ctl.run("export", "register", "--department", "NOPE", "--from", "2026-11-01",
                         "--to", "2026-11-30", "--csv", self.path("x.csv"), check=False)
        self.assertEqual(p.returncode, 1)
        self.assertFalse(os.path.exists(self.path("x.csv")))
        p = self.ctl.run("person", "record", "ZZZ", check=False)
        self.assertEqual(p.returncode, 1)
        for sub in (["check"], ["finding", "add"], ["report"], ["export", "register"], ["person", "record"]):
            p = subprocess.run([CTL, *sub, "--help"], capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, sub)


if __name__ == "__main__":
    unittest.main(verbosity=2)
