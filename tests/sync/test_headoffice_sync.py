#!/usr/bin/env python3
# test_headoffice_sync.py — a head office's device (issue 18) through a real
# shouwen-server on 127.0.0.1: it pulls every branch's cases with the
# customers masked, compares the branches, and may not change a case.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import sys
import tempfile
import unittest

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)

from syncenv import contacts, enrol, make_world, meta, register, rows

NOW = "2026-11-23T10:00:00+08:00"


class HeadOfficeSyncTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-headoffice-")
        self.server = make_world(self.tmp)
        self.a = enrol(self.server, self.tmp, "a", "BJ01")
        self.b = enrol(self.server, self.tmp, "b", "BJ02")
        self.h = enrol(self.server, self.tmp, "h", "BJ01", "--head-office")

    def tearDown(self):
        self.assertEqual(self.server.stop(), 0)
        shutil.rmtree(self.tmp)

    def test_pulls_every_branch_masked(self):
        ids = []
        for i in range(3):
            ids.append(register(self.a, NOW, "R01", "咨询贷款", name="欧阳娜娜", phone=f"1371234567{i}")["id"])
        for i in range(2):
            ids.append(register(self.b, NOW, "R11", "办理挂失", name="张三丰", phone=f"1381234123{i}")["id"])
        self.a.sync(now=NOW)
        self.b.sync(now=NOW)
        self.h.sync(now=NOW)
        self.assertEqual(meta(self.h.db, "sync_role"), "head_office")

        held = {r[0]: r[1] for r in rows(self.h.db, "SELECT id, branch_code FROM cases")}
        self.assertEqual(sorted(held), sorted(ids))
        self.assertEqual(sorted(held.values()), ["BJ01"] * 3 + ["BJ02"] * 2)
        whole = contacts(self.a.db)
        for case_id, (name, phone, unit, address) in contacts(self.h.db).items():
            self.assertNotIn(name, ("欧阳娜娜", "张三丰"))
            self.assertIn("*", phone)
            self.assertNotIn(phone, [c[1] for c in whole.values()])
        # the branch's own device keeps them whole
        self.assertEqual(sorted(c[0] for c in whole.values()), ["欧阳娜娜"] * 3)

        # the comparison on the head office's device holds both branches
        r = self.h.json("report", "branches", "--from", "2026-11-01", "--to", "2026-11-30",
                        as_="S01", now=NOW)
        received = {b["code"]: b["figures"]["received"]["value"] for b in r["branches"]}
        self.assertEqual(received, {"BJ01": 3, "BJ02": 2})
        self.assertEqual(r["total"]["figures"]["received"]["value"], 5)
        # and the archive, masked
        listed = self.h.json("case", "list", "--search", "贷款", as_="S01", now=NOW)
        self.assertEqual(len(listed), 3)
        self.assertTrue(all("*" in c["customer"]["phone"] for c in listed))

    def test_may_not_change_a_case(self):
        c = register(self.a, NOW, "R01", "咨询贷款")
        self.a.sync(now=NOW)
        self.h.sync(now=NOW)
        self.h.run("case", "note", c["number"], "--text", "总行批注", as_="S01", now=NOW, check=False)
        self.h.run("sync", "run", now=NOW, check=False)
        refused = rows(self.h.db, "SELECT code, message FROM sync_rejected")
        self.assertEqual(len(refused), 1)
        self.assertIn("head office", refused[0][1])
        self.a.sync(now=NOW)
        notes = rows(self.a.db, "SELECT 1 FROM events WHERE kind = 'note'")
        self.assertEqual(notes, [])


if __name__ == "__main__":
    unittest.main()
