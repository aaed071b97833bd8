#!/usr/bin/env python3
# test_identity_cli.py — signing in on the command line: the password file's
# rules, a wrong password changes nothing, lock-out after 5 and unlock,
# passwd by an administrator (a one-time password) and by oneself, a
# deactivated person, the commands that need no sign-in.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

import test_cli
from test_cli import Ctl

CTL = test_cli.CTL


def dump(db):
    """Everything in the database but this device's count of wrong passwords."""
    with sqlite3.connect(db) as con:
        # a wrong password is counted and recorded in the audit log, nothing else
        return [line for line in con.iterdump()
                if "sign_in_failures" not in line and "audit_log" not in line and "audit.last" not in line]


class IdentityCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="shouwen-identity-")
        self.db = os.path.join(self.dir, "test.db")
        self.ctl = Ctl(self.db)
        self.ctl.run("init", "--branch", "BJ01", "--branch-name", "海淀支行")
        self.ctl.run("import", "departments", self.write("d.csv", test_cli.DEPARTMENTS))
        self.ctl.run("import", "staff", self.write("s.csv", test_cli.STAFF))

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return path

    def raw(self, *args, env=None, input=None):
        """shouwenctl as is: no --as or password unless given."""
        return subprocess.run([CTL, "--db", self.db, "--now", test_cli.NOW] + list(args),
                              capture_output=True, text=True, input=input,
                              env={**os.environ, **(env or {})})

    def test_password_file_rules(self):
        def case_list(text, before=True, binary=False):
            path = os.path.join(self.dir, "pw")
            with open(path, "wb") as f:
                f.write(text if binary else text.encode("utf-8"))
            opt = ["--password-file", path]
            args = opt + ["--as", "admin", "case", "list"] if before else ["--as", "admin", "case", "list"] + opt
            return self.raw(*args, env={"SHOUWEN_PASSWORD_FILE": "/nonexistent"})

        for text in ("shouwen-demo", "shouwen-demo\n", "shouwen-demo\r\n", "shouwen-demo\n\n"):
            for before in (True, False):
                p = case_list(text, before)
                self.assertEqual(p.returncode, 0, (text, before, p.stderr))
        for text, words in (("", "empty"), ("\n", "empty"), ("shouwen-demo\nsecond\n", "more than one line"),
                            ("shouwen-demo \n", "wrong"), ("shouwen-demo\r\r\n", "wrong")):
            p = case_list(text)
            self.assertEqual(p.returncode, 1, text)
            self.assertIn(words, p.stderr, text)
        p = self.raw("--as", "admin", "--password-file", os.path.join(self.dir, "missing"), "case", "list")
        self.assertEqual(p.returncode, 1)
        self.assertIn("Cannot read the password file", p.stderr)
        # the environment's file when there is no option; none at all off a terminal
        self.assertEqual(self.raw("--as", "admin", "case", "list").returncode, 0)
        p = self.raw("--as", "admin", "case", "list", env={"SHOUWEN_PASSWORD_FILE": ""}, input="shouwen-demo\n")
        self.assertEqual(p.returncode, 1)
        self.assertIn("--password-file", p.stderr)
        # without --as
        p = self.raw("case", "list")
        self.assertEqual(p.returncode, 1)
        self.assertIn("--as", p.stderr)
        # translated
        p = self.raw("--as", "admin", "--password-file", os.path.join(self.dir, "missing"), "case", "list",
                     env={"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"})
        self.assertEqual(p.returncode, 1)
        self.assertIn("无法读取密码文件", p.stderr)
        p = self.raw("--as", "NOBODY", "case", "list", env={"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"})
        self.assertIn("工号或密码错误", p.stderr)

    def test_wrong_password_writes_nothing(self):
        wrong = self.write("wrong", "not-it\n")
        before = dump(self.db)
        for args in (["case", "register", "--channel", "visit", "--kind", "business", "--content", "问路",
                      "--received-by", "R01"],
                     ["import", "staff", self.write("s2.csv", test_cli.STAFF.replace("王芳", "王芳芳"))],
                     ["policy", "set", "signin.max_failures", "9"],
                     ["passwd", "R02", "--new-password-file", wrong]):
            p = self.raw("--as", "admin", "--password-file", wrong, *args)
            self.assertEqual(p.returncode, 1, args)
            self.assertIn("The employee number or the password is wrong", p.stderr)
        # an unknown person: the same words, nothing written either
        p = self.raw("--as", "NOBODY", "case", "list")
        self.assertEqual(p.returncode, 1)
        self.assertIn("The employee number or the password is wrong", p.stderr)
        self.assertEqual(dump(self.db), before)

    def test_lock_after_five_and_unlock(self):
        self.ctl.give_password("R01")
        wrong = self.write("wrong", "not-it\n")
        for i in range(4):
            p = self.raw("--as", "R01", "--password-file", wrong, "case", "list")
            self.assertEqual(p.returncode, 1)
            self.assertIn("wrong", p.stderr)
        p = self.raw("--as", "R01", "--password-file", wrong, "case", "list")
        self.assertIn("locked", p.stderr)
        # not by the right password, not by time, forwards or backwards
        for now in (test_cli.NOW, "2027-06-01T10:00:00+08:00", "2020-01-01T10:00:00+08:00"):
            p = self.ctl.run("case", "list", as_="R01", now=now, check=False)
            self.assertEqual(p.returncode, 1)
            self.assertIn("locked", p.stderr)
        # only by an administrator
        self.ctl.give_password("R02")
        p = self.ctl.run("unlock", "R01", as_="R02", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("Only an administrator", p.stderr)
        self.assertEqual(self.ctl.run("case", "list", as_="R01", check=False).returncode, 1)
        self.ctl.run("unlock", "R01")
        self.ctl.run("case", "list", as_="R01")

    def test_passwd(self):
        new = self.write("new", "a-new-one\n")
        demo = os.environ["SHOUWEN_PASSWORD_FILE"]
        # an administrator sets a one-time password…
        self.assertTrue(self.ctl.json("passwd", "R01", "--new-password-file", demo)["one_time"])
        # …which works for nothing but passwd of oneself
        p = self.raw("--as", "R01", "case", "list")
        self.assertEqual(p.returncode, 1)
        self.assertIn("one-time password", p.stderr)
        p = self.raw("--as", "R01", "passwd", "R02", "--new-password-file", new)
        self.assertEqual(p.returncode, 1)
        self.assertIn("one-time password", p.stderr)
        p = self.raw("--as", "R01", "passwd", "R01", "--new-password-file", self.write("empty", ""))
        self.assertEqual(p.returncode, 1)
        self.assertIn("empty", p.stderr)
        p = self.raw("--as", "R01", "passwd", "R01", "--new-password-file", self.write("long", "x" * 257 + "\n"))
        self.assertEqual(p.returncode, 1)
        self.assertIn("too long", p.stderr)
        self.assertEqual(self.raw("--as", "R01", "passwd", "R01", "--new-password-file", new).returncode, 0)
        self.assertEqual(self.raw("--as", "R01", "case", "list").returncode, 1)
        self.assertEqual(self.raw("--as", "R01", "--password-file", new, "case", "list").returncode, 0)
        # a person sets nobody else's password
        p = self.raw("--as", "R01", "--password-file", new, "passwd", "R02", "--new-password-file", new)
        self.assertEqual(p.returncode, 1)
        self.assertIn("Only an administrator", p.stderr)
        p = self.ctl.run("passwd", "NOBODY", "--new-password-file", new, check=False)
        self.assertEqual(p.returncode, 1)

    def test_deactivated_person(self):
        self.ctl.give_password("R01")
        self.ctl.give_password("RH")
        self.ctl.run("case", "list", as_="R01")
        # only an administrator deactivates; a refusal writes nothing
        before = dump(self.db)
        for who in ("RH", "R01"):
            p = self.ctl.run("staff", "deactivate", "R01", as_=who, check=False)
            self.assertEqual(p.returncode, 1, who)
            self.assertIn("only an administrator", p.stderr)
        self.assertEqual(dump(self.db), before)
        self.assertFalse(self.ctl.json("staff", "deactivate", "R01")["active"])
        # the right password no longer signs in, here or in Chinese, and nothing is written
        before = dump(self.db)
        p = self.ctl.run("case", "list", as_="R01", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("deactivated", p.stderr)
        p = self.ctl.run("case", "list", as_="R01", check=False, env={"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"})
        self.assertIn("停用", p.stderr)
        self.assertEqual(dump(self.db), before)
        self.assertTrue(self.ctl.json("staff", "activate", "R01")["active"])
        self.ctl.run("case", "list", as_="R01")
        # a head sets the availability of their own people, nobody else's
        self.assertEqual(self.ctl.json("staff", "availability", "R01", "leave", as_="RH")["availability"], "leave")
        self.assertEqual(self.ctl.run("staff", "availability", "C01", "leave", as_="RH", check=False).returncode, 1)
        p = self.ctl.run("staff", "availability", "R01", "holiday", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("Unknown availability", p.stderr)
        self.assertEqual(self.ctl.run("staff", "deactivate", "NOBODY", check=False).returncode, 1)
        entries = [e for e in self.ctl.json("audit", "list") if e.get("subject") == "R01"]
        self.assertGreaterEqual(len(entries), 3)

    def test_no_sign_in_needed(self):
        env = {"SHOUWEN_PASSWORD_FILE": "/nonexistent"}
        for args in (["--help"], ["--version"], ["calendar", "add-working-days", "2026-11-20T10:00", "2"],
                     ["calendar", "working-time-between", "2026-11-20T10:00", "2026-11-23T10:00"],
                     ["policy", "show"], ["department", "list"], ["template", "list"], ["case", "--help"]):
            p = self.raw(*args, env=env)
            self.assertEqual(p.returncode, 0, (args, p.stderr))
        for args in (["case", "list"], ["staff", "list"], ["finding", "list"], ["export", "staff"]):
            self.assertEqual(self.raw(*args, env=env).returncode, 1, args)

    def test_init_needs_a_password(self):
        db = os.path.join(self.dir, "new.db")
        p = subprocess.run([CTL, "--db", db, "init"], capture_output=True, text=True, input="x\n",
                           env={**os.environ, "SHOUWEN_PASSWORD_FILE": ""})
        self.assertEqual(p.returncode, 1)
        self.assertFalse(os.path.exists(db))
        p = subprocess.run([CTL, "--db", db, "--password-file", self.write("e", ""), "init"],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 1)
        self.assertFalse(os.path.exists(db))


if __name__ == "__main__":
    unittest.main()
