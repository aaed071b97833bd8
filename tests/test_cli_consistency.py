#!/usr/bin/env python3
# test_cli_consistency.py — shouwenctl alike everywhere: a group's --help, JSON from every command, one sync state, no --db made by mistake.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

CTL = sys.argv.pop(1) if len(sys.argv) > 1 else "shouwenctl"
SERVER = sys.argv.pop(1) if len(sys.argv) > 1 else "shouwen-server"
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "sync"))
import syncenv  # noqa: E402

syncenv.CTL = CTL
syncenv.SERVER = SERVER

NOW = "2026-11-23T10:00:00+08:00"
FAR = "2027-06-01T10:00:00+08:00"   # beyond the server's clock: its events are refused
# cairo and fontconfig keep caches for the life of the process (the PDF commands).
# every command signs in: as the administrator "admin" (made by init) unless
# a test names someone, with the password of SHOUWEN_PASSWORD_FILE
ENV = {**os.environ, "LSAN_OPTIONS": "suppressions=" + os.path.join(HERE, "accountability", "lsan.supp"),
       "SHOUWEN_AS": "admin"}

DEPARTMENTS = """code,name,parent_code,location,phone,liaison_empno,head_empno,duties
NEWD,新设部门,,一楼,010-62000009,,,咨询
"""
STAFF = """empno,name,department_code,rank,title,hire_date,phone,role,kind,availability
N01,新同事,NEWD,1,柜员,2020-01-01,13800000099,staff,regular,on_duty
"""
ICS = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261230\r\n"
       "SUMMARY:测试假日\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def ctl(*args, stdin=None, env=None):
    return subprocess.run([CTL, *[str(a) for a in args]], capture_output=True, text=True,
                          input=stdin, env={**ENV, **(env or {})}, timeout=120)


def command_names():
    """The commands `shouwenctl --help` lists, without their arguments."""
    names = []
    for line in ctl("--help").stdout.splitlines():
        if not line.startswith("  ") or line.startswith("  --"):
            continue
        words = []
        for w in line.split():
            if not re.fullmatch(r"[a-z][a-z-]*", w):
                break
            words.append(w)
        names.append(" ".join(words))
    return names


def groups(names):
    """Every group: the start of a command's name that is not a whole name."""
    out = set()
    for n in names:
        words = n.split()
        for k in range(1, len(words)):
            out.add(" ".join(words[:k]))
    return sorted(out - set(names))


class GroupHelpTest(unittest.TestCase):
    def setUp(self):
        self.names = command_names()
        self.groups = groups(self.names)

    def test_groups_found(self):
        for g in ("case", "sync", "server", "calendar", "calendar holiday", "template", "finding",
                  "import", "export", "policy", "inspection", "department", "staff"):
            self.assertIn(g, self.groups)

    def test_group_help_lists_its_commands(self):
        for g in self.groups:
            mine = [n for n in self.names if n.startswith(g + " ")]
            for flag in ("--help", "-h"):
                p = ctl(*g.split(), flag)
                self.assertEqual(p.returncode, 0, (g, flag, p.stderr))
                self.assertEqual(p.stderr, "", g)
                self.assertIn(f"{g} COMMAND", p.stdout)
                for n in mine:
                    self.assertIn(f"  {n} ", p.stdout, (g, n))
                others = [n for n in self.names if n not in mine]
                for n in others:
                    self.assertNotIn(f"  {n} ", p.stdout, (g, n))

    def test_group_alone_or_unknown_is_a_usage_error(self):
        for g in self.groups:
            mine = [n for n in self.names if n.startswith(g + " ")]
            for extra, typed in (((), g), (("frobnicate",), g + " frobnicate")):
                p = ctl(*g.split(), *extra)
                self.assertEqual(p.returncode, 2, (g, extra))
                self.assertEqual(p.stdout, "", g)
                self.assertIn(f"Unknown command “{typed}”", p.stderr)
                for n in mine:
                    self.assertIn(f"  {n} ", p.stderr, (g, n))

    def test_unknown_command_outside_groups(self):
        p = ctl("frobnicate")
        self.assertEqual(p.returncode, 2)
        self.assertIn("Unknown command “frobnicate”", p.stderr)

    def test_translated(self):
        p = ctl("case", "frobnicate", env={"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"})
        self.assertEqual(p.returncode, 2)
        self.assertIn("未知命令“case frobnicate”", p.stderr)


class MissingDatabaseTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="shouwen-cons-")
        self.missing = os.path.join(self.dir, "typo.db")
        self.csv = os.path.join(self.dir, "staff.csv")
        with open(self.csv, "w", encoding="utf-8") as f:
            f.write(STAFF)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_missing_database_is_an_error(self):
        for args in (("case", "list"), ("sync", "run"), ("sync", "status"), ("staff", "list"),
                     ("import", "staff", self.csv), ("calendar", "list"), ("check",), ("rebuild",),
                     ("template", "list"), ("backup", os.path.join(self.dir, "copy.db")),
                     ("case", "show", "X")):
            for json_flag in ((), ("--json",)):
                p = ctl("--db", self.missing, "--now", NOW, *json_flag, *args)
                self.assertEqual(p.returncode, 1, args)
                self.assertEqual(p.stdout, "", args)
                self.assertIn(f"The database “{self.missing}” does not exist", p.stderr)
                self.assertIn("shouwenctl init", p.stderr)
                self.assertEqual(os.listdir(self.dir), ["staff.csv"], args)

    def test_default_database_missing(self):
        p = subprocess.run([CTL, "case", "list"], capture_output=True, text=True, cwd=self.dir,
                           env={k: v for k, v in ENV.items() if k != "SHOUWEN_DB"})
        self.assertEqual(p.returncode, 1)
        self.assertIn("“shouwen.db” does not exist", p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "shouwen.db")))

    def test_translated(self):
        p = ctl("--db", self.missing, "case", "list", env={"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"})
        self.assertEqual(p.returncode, 1)
        self.assertIn(f"数据库“{self.missing}”不存在", p.stderr)

    def test_init_creates(self):
        p = ctl("--db", self.missing, "--now", NOW, "init")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(os.path.exists(self.missing))
        self.assertEqual(ctl("--db", self.missing, "--json", "case", "list").stdout.strip(), "[]")

    def test_server_init_from_missing(self):
        data = os.path.join(self.dir, "server")
        p = ctl("server", "init", "--data-dir", data, "--from", self.missing)
        self.assertEqual(p.returncode, 1)
        self.assertIn("does not exist", p.stderr)
        self.assertFalse(os.path.exists(self.missing))


class Walk:
    """Runs commands under --json, checks each prints one JSON object or
    array, and notes which commands ran."""

    def __init__(self, test, names):
        self.test = test
        self.names = sorted(names, key=lambda n: -len(n.split()))
        self.seen = set()

    def __call__(self, db, *args, as_=None, now=NOW, stdin=None):
        cmd = ["--db", db, "--now", now, "--json"] + (["--as", as_] if as_ else []) + [str(a) for a in args]
        p = ctl(*cmd, stdin=stdin)
        self.test.assertEqual(p.returncode, 0, f"{args}: {p.stderr}")
        try:
            out = json.loads(p.stdout)
        except ValueError:
            self.test.fail(f"{args} printed no JSON: {p.stdout!r}")
        self.test.assertIsInstance(out, (dict, list), args)
        self.seen.add(next(n for n in self.names if list(args[:len(n.split())]) == n.split()))
        return out


class WithServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="shouwen-cons-sync-")
        cls.server = syncenv.make_world(cls.tmp)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def write(self, name, text):
        with open(self.path(name), "w", encoding="utf-8") as f:
            f.write(text)
        return self.path(name)

    def status(self, db):
        js = json.loads(ctl("--db", db, "--now", NOW, "--json", "sync", "status").stdout)
        text = ctl("--db", db, "--now", NOW, "sync", "status").stdout
        [line] = [line for line in text.splitlines() if line.strip().startswith("State")]
        return js, line.split(None, 1)[1]

    def assert_agree(self, db, state, words):
        js, text = self.status(db)
        self.assertEqual((js["state"], js["state_text"]), (state, text))
        self.assertTrue(text.startswith(words), text)

    def test_sync_status_text_and_json_agree(self):
        plain = self.path("plain.db")
        self.assertEqual(ctl("--db", plain, "init").returncode, 0)
        self.assert_agree(plain, "unconfigured", "not enrolled")

        dev = syncenv.enrol(self.server, self.tmp, "agree", "BJ01")
        self.assert_agree(dev.db, "not_synced", "not synced yet")
        dev.sync()
        self.assert_agree(dev.db, "synced", "synced")

        with sqlite3.connect(dev.db) as con:
            con.execute("UPDATE meta SET value = 'http://127.0.0.1:9' WHERE key = 'sync_server'")
        con.close()
        self.assertNotEqual(dev.run("sync", "run", check=False).returncode, 0)
        js, text = self.status(dev.db)
        self.assertEqual((js["state"], js["state_text"]), ("offline", text))
        self.assertTrue(text.startswith("offline since 2026-11-23T10:00:00+08:00"), text)

    def test_sync_enrol_creates_database(self):
        db = self.path("new-device.db")
        self.assertFalse(os.path.exists(db))
        syncenv.enrol(self.server, self.tmp, "new-device", "BJ02")
        self.assertTrue(os.path.exists(db))
        p = ctl("--db", self.path("typo-device.db"), "sync", "run")
        self.assertEqual(p.returncode, 1)
        self.assertFalse(os.path.exists(self.path("typo-device.db")))

    def test_every_command_prints_json(self):
        names = command_names()
        j = Walk(self, names)
        demo = self.path("walk-demo.db")
        self.walk_directory(j, demo)
        self.walk_cases(j, demo)
        self.walk_rules(j, demo)
        self.walk_templates(j, demo)
        self.walk_accountability(j, demo)
        self.walk_sync(j, demo)
        self.walk_identity(j, demo)
        self.assertEqual(sorted(set(names) - j.seen), [])

    def walk_identity(self, j, demo):
        password = os.environ["SHOUWEN_PASSWORD_FILE"]
        self.assertEqual(j(demo, "passwd", "E001", "--new-password-file", password),
                         {"empno": "E001", "one_time": True})
        self.assertEqual(j(demo, "passwd", "E001", "--new-password-file", password, as_="E001"),
                         {"empno": "E001", "one_time": False})
        self.assertEqual(j(demo, "unlock", "E001"), {"empno": "E001", "unlocked": True})
        self.assertIn("sign_in", {e["code"] for e in j(demo, "audit", "list")})
        self.assertTrue(j(demo, "audit", "verify")["ok"])

    def walk_directory(self, j, demo):
        made = j(demo, "init", "--demo", "--demo-cases", "40")
        self.assertEqual((made["database"], made["cases"]), (demo, 40))
        self.assertEqual(j(demo, "import", "departments", self.write("d.csv", DEPARTMENTS))["imported"], 1)
        self.assertEqual(j(demo, "import", "staff", self.write("s.csv", STAFF))["imported"], 1)
        out = j(demo, "export", "departments", self.path("out-d.csv"))
        self.assertEqual((out["file"], out["rows"]), (self.path("out-d.csv"), 9))
        self.assertTrue(os.path.exists(self.path("out-d.csv")))
        out = j(demo, "export", "staff")
        self.assertEqual(out["csv"].count("\n"), out["rows"] + 1)
        j(demo, "department", "list")
        j(demo, "staff", "list")
        self.assertFalse(j(demo, "staff", "deactivate", "E017")["active"])
        self.assertTrue(j(demo, "staff", "activate", "E017")["active"])
        self.assertEqual(j(demo, "staff", "availability", "E017", "meeting")["availability"], "meeting")
        self.assertEqual(j(demo, "staff", "availability", "E017", "on_duty")["availability"], "on_duty")
        self.assertEqual(j(demo, "rebuild")["changed"], 0)
        self.assertEqual(j(demo, "backup", self.path("walk-copy.db"))["file"], self.path("walk-copy.db"))

    def register(self, j, demo, content, kind="business", by="E008"):
        return j(demo, "case", "register", "--channel", "visit", "--kind", kind, "--content", content,
                 "--received-by", by, "--customer-name", "张三", "--customer-phone", "13812341234",
                 as_=by)["number"]

    def walk_cases(self, j, demo):
        a = self.register(j, demo, "办理银行卡挂失")
        self.case_a = a
        j(demo, "case", "handle", a, "--scope", "own", as_="E008")
        j(demo, "case", "note", a, "--text", "客户稍后来", as_="E008")
        letter = self.write("letter.txt", "客户来信：请尽快办理挂失。\n")
        h = j(demo, "case", "attach", a, letter, "--name", "来信.txt", as_="E008")["attachment"]["hash"]
        self.assertEqual([x["hash"] for x in j(demo, "case", "attachments", a, as_="E008")], [h])
        j(demo, "case", "attachment", a, h, "--output", self.path("saved.txt"), as_="E008")
        other = self.write("other.txt", "客户补充材料。\n")
        h2 = j(demo, "case", "attach", a, other, as_="E008")["attachment"]["hash"]
        self.assertEqual(j(demo, "case", "detach", a, h2, as_="E008")["removed"], h2)
        j(demo, "case", "amend", a, "--customer-phone", "13900001111", "--reason", "登记时电话输错", as_="E008")
        j(demo, "privacy", "purge", "--dry-run", as_="E027")
        j(demo, "case", "urge", a, "--note", "请尽快", as_="E006")
        j(demo, "case", "refer", a, "--to", "E009", as_="E008")
        j(demo, "case", "escalate", a, "--to", "E006", "--note", "需要决定", as_="E009")
        j(demo, "case", "decide", a, "--text", "同意办理", as_="E006")
        j(demo, "case", "handover", a, "--to", "E011", "--approved-by", "E006", "--witness", "E007", as_="E009")
        j(demo, "case", "reply", a, "--text", "已办理完毕", as_="E011")
        j(demo, "case", "callback", a, "--satisfaction", "2", "--comment", "太慢", as_="E011")
        j(demo, "case", "reopen", a, "--reason", "不满意", as_="E011")
        j(demo, "case", "reply", a, "--text", "再次答复", as_="E011")
        j(demo, "case", "callback", a, "--satisfaction", "5", as_="E011")
        self.assertEqual(j(demo, "case", "close", a, as_="E011")["state"], "closed")
        b = self.register(j, demo, "办理对公账户变更")
        j(demo, "case", "transfer", b, "--to", "CORP", "--note", "对公业务", as_="E008")
        j(demo, "case", "accept", b, "--handler", "E016", as_="E014")
        c = self.register(j, demo, "对公问题")
        j(demo, "case", "transfer", c, "--to", "CORP", "--note", "对公", as_="E008")
        j(demo, "case", "return", c, "--opinion", "不是本部门职责", as_="E014")
        d = self.register(j, demo, "贷款问题")
        j(demo, "case", "transfer", d, "--to", "CORP", "--note", "贷款", as_="E008")
        j(demo, "case", "forward", d, "--to", "LOAN", "--opinion", "信贷部职责", as_="E014")
        j(demo, "case", "answer", self.register(j, demo, "咨询利率", kind="consultation"),
          "--text", "利率见公告", as_="E008")
        j(demo, "case", "notify", self.register(j, demo, "开户"), "--materials", "身份证;户口本", as_="E008")
        j(demo, "case", "outside", self.register(j, demo, "社保问题"), "--unit", "社保局", "--contact", "12333",
          as_="E008")
        j(demo, "case", "refuse", self.register(j, demo, "无理要求"), "--reason", "不符合规定",
          "--signed-by", "E006", as_="E008")
        p = j(demo, "case", "register", "--channel", "letter", "--kind", "business", "--content", "信访件",
              "--received-by", "E008", "--customer-name", "张三", "--petition", as_="E008")["number"]
        j(demo, "case", "petition", p, "--accept", "--special", as_="E008")
        h = j(demo, "case", "register", "--channel", "hotline", "--kind", "business", "--content", "热线派单",
              "--received-by", "E008", "--customer-name", "张三", "--hotline-dispatch", "12345-1",
              as_="E008")["number"]
        j(demo, "case", "hotline-feedback", h, "--text", "已办理", as_="E008")
        m = self.register(j, demo, "多部门协办")
        j(demo, "case", "coordinate", m, "--lead", "CORP", "--co", "LOAN", as_="E008")
        j(demo, "case", "contribute", m, "--text", "信贷部意见", "--department", "LOAN", as_="E008")
        j(demo, "case", "preliminary", m, "--text", "初步结论", as_="E008")
        j(demo, "case", "progress", m, "--text", "已告知客户进展", as_="E008")
        j(demo, "case", "agree-time", m, "--at", "2027-01-29", "--reason", "客户约定", as_="E008")
        self.assertEqual(j(demo, "case", "show", a)["number"], a)
        self.assertEqual(len(j(demo, "case", "list", "--limit", "3")), 3)

    def walk_rules(self, j, demo):
        self.assertEqual(j(demo, "calendar", "holiday", "add", "2026-12-28", "--name", "测试"),
                         {"date": "2026-12-28", "kind": "holiday", "name": "测试"})
        self.assertEqual(j(demo, "calendar", "holiday", "remove", "2026-12-28")["kind"], "normal")
        self.assertEqual(j(demo, "calendar", "workday", "add", "2026-12-27")["kind"], "workday")
        self.assertEqual(j(demo, "calendar", "workday", "remove", "2026-12-27")["kind"], "normal")
        j(demo, "calendar", "list")
        self.assertEqual(j(demo, "calendar", "import", self.write("h.ics", ICS))["imported"], 1)
        j(demo, "calendar", "add-working-days", "2026-11-23T10:00", "2")
        j(demo, "calendar", "add-working-hours", "2026-11-23T10:00", "2")
        between = j(demo, "calendar", "working-time-between", "2026-11-23T10:00", "2026-11-24T11:20")
        self.assertEqual(between, {"minutes": 560, "hours": 9.33})
        j(demo, "policy", "show")
        self.assertEqual(j(demo, "policy", "set", "limit.department_days", "3", as_="E027"),
                         {"version": 2, "key": "limit.department_days", "value": "3"})

    def walk_templates(self, j, demo):
        t = j(demo, "template", "add", "--kind", "answer", "--matter", "挂失补卡", "--department", "RETAIL",
              "--body", "请带身份证", as_="E006")
        j(demo, "template", "list")
        j(demo, "template", "show", t["id"])
        j(demo, "template", "edit", t["id"], "--keywords", "挂失;补卡", as_="E006")
        self.assertFalse(j(demo, "template", "retire", t["id"], as_="E006")["active"])
        self.assertTrue(j(demo, "template", "restore", t["id"], as_="E006")["active"])

    def walk_accountability(self, j, demo):
        j(demo, "check", now="2026-12-20T10:00:00+08:00")
        j(demo, "finding", "list")
        add = ("finding", "add", "--rule", "rude_attitude", "--case", self.case_a, "--source", "complaint")
        f1 = j(demo, *add, "--person", "E008", "--evidence", "态度生硬", as_="E002")
        f2 = j(demo, *add, "--person", "E009", "--evidence", "语气不好", as_="E002")
        j(demo, "finding", "show", f1["id"])
        self.assertEqual(j(demo, "finding", "confirm", f1["id"], "--reason", "属实", as_="E006")["status"],
                         "confirmed")
        j(demo, "finding", "dismiss", f2["id"], "--reason", "不属实", as_="E006")
        j(demo, "sanction", "add", "--person", "E008", "--kind", "admonish", "--reason", "态度",
          "--finding", f1["id"], as_="E006")
        j(demo, "person", "record", "E008")
        year = ("--from", "2026-01-01", "--to", "2026-12-31")
        j(demo, "report", *year)
        self.assertTrue(j(demo, "report", *year, "--csv")["csv"].startswith("\ufeff"))
        j(demo, "report", *year, "--pdf", self.path("report.pdf"))
        j(demo, "report", "branches", *year)
        j(demo, "report", "cases", "--figure", "received", *year)
        j(demo, "case", "history", "--phone", "13812341234")
        month = ("export", "register", "--department", "RETAIL", "--from", "2026-11-01", "--to", "2026-11-30")
        out = j(demo, *month, "--csv", self.path("register.csv"))
        self.assertEqual((out["csv_file"], out["pdf_file"]), (self.path("register.csv"), None))
        self.assertGreater(out["rows"], 0)
        self.assertEqual(j(demo, *month, "--csv", "-")["rows"], out["rows"])
        summary = j(demo, "export", "summary", *month[2:], "--csv", self.path("summary.csv"))
        self.assertEqual((summary["csv_file"], summary["pdf_file"]), (self.path("summary.csv"), None))
        self.assertLessEqual(summary["rows"], out["rows"])
        self.assertEqual(j(demo, *month, "--pdf", self.path("register.pdf"))["pdf_file"], self.path("register.pdf"))
        [ins] = j(demo, "inspection", "add", "--date", "2026-11-20", "--department", "RETAIL",
                  "--summary", "整体良好", "--score", "attitude=8", "--case", self.case_a, as_="E039")
        j(demo, "inspection", "list")
        j(demo, "inspection", "show", ins["id"])
        self.assertEqual(j(demo, "inspection", "show", ins["id"], "--pdf", self.path("ins.pdf"))["pdf_file"],
                         self.path("ins.pdf"))
        sheet = j(demo, "evaluation", "sheet", "--department", "RETAIL", "--year", "2026",
                  "--pdf", self.path("sheet.pdf"))
        self.assertEqual((sheet["year"], sheet["pdf_file"]), (2026, self.path("sheet.pdf")))
        for pdf in ("report.pdf", "register.pdf", "ins.pdf", "sheet.pdf"):
            self.assertTrue(os.path.getsize(self.path(pdf)) > 0, pdf)

    def walk_sync(self, j, demo):
        srv = self.server
        made = j(demo, "server", "init", "--data-dir", self.path("walk-server"), "--from", demo)
        self.assertEqual(made["databases"], 1)
        migrated = j(demo, "server", "migrate", "--data-dir", self.path("walk-server"))
        self.assertEqual(migrated["from"], migrated["to"])   # init left it at this version's schema
        code = j(demo, "server", "enrol", "--data-dir", srv.data_dir, "--branch", "BJ01", "--days", "90")
        self.assertEqual((code["branch"], code["role"], code["expires"]),
                         ("BJ01", "branch", "2027-02-21T10:00:00+08:00"))
        j(demo, "server", "password", "--data-dir", srv.data_dir, "R01", stdin="correct horse battery\n")

        dev = self.path("walk-dev.db")
        enrolled = j(dev, "sync", "enrol", "--server", srv.url, "--code", code["code"])
        self.assertEqual((enrolled["branch"], enrolled["database"]), ("BJ01", dev))
        j(dev, "sync", "run")
        self.assertEqual(j(dev, "sync", "status")["state"], "synced")
        self.assertEqual(j(dev, "sync", "sign-in", "R01", stdin="correct horse battery\n")["empno"], "R01")

        j(dev, "case", "register", "--channel", "visit", "--kind", "business", "--content", "时钟错误",
          "--received-by", "R01", "--customer-name", "张三", now=FAR)
        self.assertEqual(j(dev, "sync", "run", now=FAR)["rejected"], 1)
        [refused] = j(dev, "sync", "rejected")
        self.assertEqual(j(dev, "sync", "retry", now=FAR), {"retried": 1})
        self.assertEqual(j(dev, "sync", "run", now=FAR)["rejected"], 1)
        self.assertEqual(j(dev, "sync", "withdraw", refused["event_id"], now=FAR),
                         {"withdrawn": refused["event_id"]})
        j(dev, "sync", "conflicts")

        ucode = j(demo, "server", "enrol", "--data-dir", srv.data_dir, "--branch", "BJ01", "--days", "90",
                  "--inspector")
        self.assertEqual(ucode["role"], "inspector")
        inspector = self.path("walk-inspector.db")
        j(inspector, "sync", "enrol", "--server", srv.url, "--code", ucode["code"])
        j(inspector, "calendar", "holiday", "add", "2026-12-29", "--name", "临时休假")
        self.assertEqual(j(inspector, "sync", "run")["directory_refused"], 1)
        [edit] = j(inspector, "sync", "status")["directory_edits"]
        self.assertEqual(j(inspector, "sync", "retry-directory", edit["seq"]), {"retried": 1})
        j(inspector, "sync", "run")
        self.assertEqual(j(inspector, "sync", "withdraw-directory", edit["seq"]), {"withdrawn": edit["seq"]})


if __name__ == "__main__":
    unittest.main(verbosity=2)
