#!/usr/bin/env python3
# test_audit.py — the tamper-evident audit log through shouwenctl: an entry
# at every recording point, none holding a customer's personal data; a copy
# of the database edited, cut and reordered as a tamperer would (triggers
# dropped) and `audit verify` naming the first bad entry each time; who may
# read it; and the OWASP CSV payloads through every CSV exporter, read back
# as text.
# SPDX-License-Identifier: GPL-3.0-or-later
import atexit
import csv
import io
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import unittest

import test_cli
# what every command's sign-in and a test person's first password add to the log
SIGNING_IN = {"sign_in", "sign_in_failed", "password_changed"}  # takes shouwenctl's path from argv, as when run alone
from test_cli import DEPARTMENTS, STAFF, Ctl

STAFF_AND_INSPECTOR = STAFF + "I01,孙丽,OFFICE,4,工会检查员,2015-01-01,13800000030,inspector,regular,on_duty\n"
CUSTOMER_NAME = "欧阳娜娜"
CUSTOMER_PHONE = "13912345678"
CUSTOMER_UNIT = "星河科技有限公司"
TEMPLATES = {}   # name → (database, who has a password, what building it returned)


class AuditTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="shouwen-audit-")
        self.db = os.path.join(self.dir, "test.db")
        self.ctl = Ctl(self.db)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def from_template(self, name, build):
        """The database `build` makes, made once per test process and
        copied for every test that starts from it (with who has a password)."""
        if name not in TEMPLATES:
            value = build()
            folder = tempfile.mkdtemp(prefix="shouwen-audit-template-")
            atexit.register(shutil.rmtree, folder, True)
            for suffix in ("", "-wal"):
                if os.path.exists(self.db + suffix):
                    shutil.copyfile(self.db + suffix, os.path.join(folder, "t.db" + suffix))
            TEMPLATES[name] = (os.path.join(folder, "t.db"), set(self.ctl.has_password), value)
            return value
        path, passwords, value = TEMPLATES[name]
        for suffix in ("", "-wal"):
            if os.path.exists(path + suffix):
                shutil.copyfile(path + suffix, self.db + suffix)
        self.ctl.has_password |= passwords
        return value

    def init_directory(self):
        def build():
            self.ctl.run("init", "--branch", "BJ01", "--branch-name", "海淀支行")
            self.ctl.run("import", "departments", self.write("d.csv", DEPARTMENTS))
            self.ctl.run("import", "staff", self.write("s.csv", STAFF_AND_INSPECTOR))
        self.from_template("directory", build)

    def register(self):
        return self.ctl.json("case", "register", "--channel", "visit", "--kind", "business",
                             "--content", "办理对公账户变更", "--received-by", "R01",
                             "--customer-name", CUSTOMER_NAME, "--customer-phone", CUSTOMER_PHONE,
                             "--customer-unit", CUSTOMER_UNIT, as_="R01")

    def entries(self, db=None, sign_ins=False, **kw):
        """The log; without the sign-ins (every command signs in) unless asked."""
        got = self.ctl_for(db).json("audit", "list", as_="A01", **kw)
        return got if sign_ins else [e for e in got if e["code"] not in SIGNING_IN]

    def ctl_for(self, db):
        """shouwenctl on `db`, where everyone has their password already."""
        if db is None or db == self.db:
            return self.ctl
        ctl = Ctl(db)
        ctl.has_password.add("*")
        return ctl

    def codes(self):
        return [e["code"] for e in self.entries()]

    def populate(self):
        return self.from_template("populated", self.populate_once)

    def populate_once(self):
        """Every recording point the command line reaches, once."""
        self.init_directory()
        c = self.register()
        self.ctl.run("policy", "set", "limit.transfer_hours", "2", as_="A01")
        self.ctl.run("calendar", "holiday", "add", "2026-12-25", "--name", "测试", as_="A01")
        self.ctl.run("template", "add", "--kind", "answer", "--matter", "营业时间",
                     "--body", "周一至周五 9:00—17:00", as_="A01")
        f = self.ctl.json("finding", "add", "--rule", "rude_attitude", "--case", c["id"],
                          "--source", "complaint", "--person", "R01", "--evidence", "态度生硬", as_="L01")
        self.ctl.run("finding", "confirm", f["id"], "--reason", "属实", as_="RH")
        self.ctl.run("sanction", "add", "--person", "R01", "--kind", "admonish", "--reason", "态度",
                     "--finding", f["id"], as_="RH")
        self.ctl.run("case", "show", c["number"], as_="R01")
        self.ctl.run("export", "register", "--department", "RETAIL", "--from", "2026-11-01",
                     "--to", "2026-11-30", "--csv", os.path.join(self.dir, "r.csv"), as_="RH")
        return c

    # ------------------------------------------------------------ recording

    def test_every_recording_point_writes_an_entry(self):
        c = self.populate()
        entries = self.entries()
        by_code = {}
        for e in entries:
            by_code.setdefault(e["code"], []).append(e)
        for code in ("directory_edited", "policy_edited", "calendar_edited", "template_edited",
                     "finding_decided", "sanction_decided", "personal_data_shown",
                     "personal_data_exported"):
            self.assertIn(code, by_code, code)
        shown = by_code["personal_data_shown"]
        # the registration's answer and `case show` each showed it whole
        self.assertEqual([(e["person"], e["subject_kind"], e["subject"]) for e in shown],
                         [("R01", "case", c["id"])] * 2)
        self.assertEqual(shown[0]["args"]["number"], c["number"])
        self.assertEqual(by_code["personal_data_exported"][0]["person"], "RH")
        self.assertEqual(by_code["policy_edited"][0]["args"], {"key": "limit.transfer_hours", "value": "2"})
        self.assertEqual(by_code["finding_decided"][0]["args"], {"decision": "confirmed"})
        self.assertEqual(by_code["sanction_decided"][0]["person"], "RH")
        self.assertEqual(by_code["calendar_edited"][-1]["subject"], "2026-12-25")   # after init's holidays
        # the directory edits name the administrator who imported them
        imported = [e for e in by_code["directory_edited"] if e["subject_kind"] in ("department", "staff")
                    and e["person"] is not None]   # init's own administrator is set up by nobody
        self.assertEqual(len(imported), 3 + 10)
        self.assertEqual({e["person"] for e in imported}, {"admin"})
        every = self.entries(sign_ins=True)
        self.assertEqual([e["seq"] for e in every], list(range(1, len(every) + 1)))
        self.assertIn("sign_in", {e["code"] for e in every})

    def test_masked_reads_write_no_entry(self):
        self.init_directory()
        c = self.register()
        before = len(self.entries())
        # an inspector and a colleague of another department see it masked
        for who in ("I01", "C01"):
            out = self.ctl.run("case", "show", c["number"], as_=who).stdout
            self.assertNotIn(CUSTOMER_PHONE, out)
            self.ctl.run("case", "list", "--json", as_=who)
        self.ctl.run("export", "register", "--department", "RETAIL", "--from", "2026-11-01",
                     "--to", "2026-11-30", "--csv", os.path.join(self.dir, "r.csv"), "--mask", as_="RH")
        self.assertEqual(len(self.entries()), before)
        # the owner's list shows it whole: one entry
        self.ctl.run("case", "list", "--json", as_="R01")
        after = self.entries()
        self.assertEqual(len(after), before + 1)
        self.assertEqual(after[-1]["code"], "personal_data_shown")

    def test_no_personal_data_in_any_entry(self):
        self.populate()
        self.ctl.run("case", "list", as_="R01")
        listed = self.ctl.run("--json", "audit", "list", as_="I01").stdout
        text = self.ctl.run("audit", "list", as_="I01").stdout
        with sqlite3.connect(self.db) as db:
            rows = db.execute("SELECT * FROM audit_log").fetchall()
        self.assertGreater(len(rows), 10)
        dump = json.dumps(rows, ensure_ascii=False)
        # hashes, ids and millisecond times are digits and hex of their own: a
        # short run of a phone's digits turns up in them by chance (1 run in 80)
        noise = re.compile(r"[0-9a-f]{64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b\d{13}\b")
        for secret in (CUSTOMER_NAME, CUSTOMER_PHONE, CUSTOMER_UNIT, "1234"[:0] + CUSTOMER_PHONE[-4:] + "5"):
            for where in (dump, listed, text):
                self.assertNotIn(secret, noise.sub(" ", where))

    def test_who_reads_the_log(self):
        self.init_directory()
        for who in ("R01", "RH", "L01"):
            p = self.ctl.run("audit", "list", as_=who, check=False)
            self.assertEqual(p.returncode, 1, who)
            self.assertIn("administrators and inspectors", p.stderr)
            self.assertEqual(self.ctl.run("audit", "verify", as_=who, check=False).returncode, 1)
        for who in ("A01", "I01"):
            self.ctl.run("audit", "list", as_=who)
            self.ctl.run("audit", "verify", as_=who)

    def test_list_filters(self):
        self.init_directory()
        self.ctl.run("policy", "set", "limit.transfer_hours", "2", as_="A01", now="2026-12-02T10:00:00+08:00")
        self.ctl.run("template", "add", "--kind", "answer", "--matter", "营业时间", "--body", "九点",
                     "--department", "OFFICE", as_="L01", now="2026-12-03T10:00:00+08:00")
        days = lambda **kw: [e["code"] for e in self.entries(**kw)]
        got = self.ctl.json("audit", "list", "--from", "2026-12-02", "--to", "2026-12-02", as_="A01")
        self.assertEqual([e["code"] for e in got if e["code"] not in SIGNING_IN], ["policy_edited"])
        got = self.ctl.json("audit", "list", "--person", "L01", as_="A01")
        self.assertEqual([e["code"] for e in got if e["code"] not in SIGNING_IN], ["template_edited"])
        got = self.ctl.json("audit", "list", "--from", "2026-12-03", as_="A01")
        self.assertEqual([e["code"] for e in got if e["code"] not in SIGNING_IN], ["template_edited"])
        self.assertIn("policy_edited", days())
        p = self.ctl.run("audit", "list", "--from", "yesterday", as_="A01", check=False)
        self.assertEqual(p.returncode, 1)
        text = self.ctl.run("audit", "list", "--person", "L01", as_="A01", env={"LANGUAGE": "zh_CN", "LANG": "zh_CN.UTF-8"}).stdout
        self.assertIn("L01", text)

    # ------------------------------------------------------------ tampering

    def tampered(self, name, *sql):
        """A copy of the database changed with the triggers dropped."""
        path = os.path.join(self.dir, name + ".db")
        shutil.copy(self.db, path)
        with sqlite3.connect(path) as db:
            db.execute("DROP TRIGGER audit_log_no_update")
            db.execute("DROP TRIGGER audit_log_no_delete")
            for s in sql:
                db.execute(s)
        db.close()
        return path

    def verify(self, db):
        p = self.ctl_for(db).run("--json", "audit", "verify", as_="A01", check=False)
        return p.returncode, json.loads(p.stdout), p.stderr

    def test_verify_finds_each_tampering(self):
        self.populate()
        n = len(self.entries(sign_ins=True))
        self.assertGreater(n, 12)
        rc, out, _ = self.verify(self.db)
        self.assertEqual((rc, out), (0, {"ok": True, "entries": n + 1}))   # + verify's own sign-in
        text = self.ctl.run("audit", "verify", as_="A01").stdout
        self.assertIn(str(n + 2), text)

        cases = {
            "changed": (["UPDATE audit_log SET args = '{\"key\":\"limit.transfer_hours\",\"value\":\"99\"}'"
                         " WHERE code = 'policy_edited'"], None),
            "actor": (["UPDATE audit_log SET actor = 'R02' WHERE seq = 7"], 7),
            "deleted": (["DELETE FROM audit_log WHERE seq = 5"], 5),
            "deleted-last": ([f"DELETE FROM audit_log WHERE seq = {n}"], n),
            "swapped": (["UPDATE audit_log SET seq = -3 WHERE seq = 3",
                         "UPDATE audit_log SET seq = 3 WHERE seq = 6",
                         "UPDATE audit_log SET seq = 6 WHERE seq = -3"], 3),
            "time": (["UPDATE audit_log SET at = at + 1 WHERE seq = 9"], 9),
        }
        with sqlite3.connect(self.db) as db:
            policy_seq = db.execute("SELECT seq FROM audit_log WHERE code = 'policy_edited'").fetchone()[0]
            last = db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
        db.close()
        cases["changed"] = (cases["changed"][0], policy_seq)
        # the tail cut, then verify's own sign-in appended: the gap is found
        cases["deleted-last"] = ([f"DELETE FROM audit_log WHERE seq = {last}"], last)
        for name, (sql, bad) in cases.items():
            with self.subTest(name):
                path = self.tampered(name, *sql)
                rc, out, err = self.verify(path)
                self.assertEqual(rc, 1)
                self.assertEqual(out, {"ok": False, "bad_seq": bad})
                self.assertIn(f" {bad} ", err)
        # the untouched database is still whole
        self.assertEqual(self.verify(self.db)[0], 0)

    def test_triggers_refuse_update_and_delete(self):
        self.init_directory()
        with sqlite3.connect(self.db) as db:
            for sql in ("UPDATE audit_log SET actor = 'X'", "DELETE FROM audit_log"):
                with self.assertRaises(sqlite3.DatabaseError) as e:
                    db.execute(sql)
                self.assertIn("append-only", str(e.exception))
        db.close()

    # ------------------------------------------------------------ CSV

    def test_owasp_payloads_through_every_csv_exporter(self):
        payloads = ['=HYPERLINK("http://x","y")', "@SUM(1+1)", "+8613812341234", "-2+3",
                    "\tleading tab", "\rleading cr"]

        def read(data):
            return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))

        def quoted(rows):
            out = io.StringIO(newline="")
            csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(rows)
            return out.getvalue()

        def assert_text(cell, payload):
            self.assertEqual(cell, "'" + payload, repr(cell))

        self.ctl.run("init", "--branch", "BJ01", "--branch-name", "海淀支行")
        depts = list(csv.reader(io.StringIO(DEPARTMENTS)))
        phone = "'+8613812341234"   # a phone column takes only phones
        depts += [[f"X{i}", "'" + p, "", "'" + p, phone, "", "", "'" + p] for i, p in enumerate(payloads)]
        staff = list(csv.reader(io.StringIO(STAFF)))
        staff += [[f"Y{i}", "'" + p, "RETAIL", "1", "'" + p, "2020-01-01", phone, "staff", "regular", "on_duty"]
                  for i, p in enumerate(payloads)]
        self.ctl.run("import", "departments", self.write("d.csv", quoted(depts)))
        self.ctl.run("import", "staff", self.write("s.csv", quoted(staff)))

        # the directory's exports: name, location, phone, duties; name, title, phone
        for table, columns, phone_col in (("departments", (1, 3, 7), 4), ("staff", (1, 4), 6)):
            out = os.path.join(self.dir, f"{table}.csv")
            self.ctl.run("export", table, out)
            rows = {r[0]: r for r in read(open(out, "rb").read())[1:]}
            for i, p in enumerate(payloads):
                row = rows[("X" if table == "departments" else "Y") + str(i)]
                for col in columns:
                    assert_text(row[col], p)
                self.assertEqual(row[phone_col], phone)

        for p in payloads:
            self.ctl.run("case", "register", "--channel", "visit", "--kind", "business",
                         "--content=" + p, "--received-by", "R01", "--customer-name=" + p,
                         "--customer-phone=+8613812341234", as_="R01")
        out = os.path.join(self.dir, "register.csv")
        self.ctl.run("export", "register", "--department", "RETAIL", "--from", "2026-11-01",
                     "--to", "2026-11-30", "--csv", out, as_="RH")
        data = open(out, "rb").read()
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"))
        rows = read(data)[1:]
        self.assertEqual(len(rows), len(payloads))
        self.assertEqual(sorted(r[4] for r in rows), sorted("'" + p for p in payloads))   # customer
        self.assertEqual(sorted(r[6] for r in rows), sorted("'" + p for p in payloads))   # content
        self.assertEqual({r[5] for r in rows}, {"'+8613812341234"})                        # phone keeps +86

        data = self.ctl.run("report", "--from", "2026-11-01", "--to", "2026-11-30",
                            "--department", "RETAIL", "--csv", env={"LANGUAGE": "C"}).stdout.encode()
        for cell in (c for r in read(data) for c in r):
            self.assertFalse(cell[:1] in ("=", "+", "-", "@", "\t", "\r"), repr(cell))


if __name__ == "__main__":
    unittest.main(verbosity=2)
