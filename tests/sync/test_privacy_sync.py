#!/usr/bin/env python3
# test_privacy_sync.py — amend and purge (issue 13 item 7) through a real
# shouwen-server on 127.0.0.1: they reach a second device of the branch and the
# server; afterwards neither the server's database file nor what an inspector's
# device pulled holds a purged or unmasked byte.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import sys
import tempfile
import unittest

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)

import syncenv
from syncenv import contacts, enrol, make_world, register, rows

# the shared directory plus an administrator of BJ01 (purge is theirs)
syncenv.DIRECTORY = dict(syncenv.DIRECTORY)
depts, staff = syncenv.DIRECTORY["BJ01"]
syncenv.DIRECTORY["BJ01"] = (depts, staff + "A01,何平,OFFICE1,4,系统管理员,2016-01-01,13800000021,admin,regular,on_duty\n")

OLD = "2020-03-02T10:00:00+08:00"
LATER = "2026-11-23T10:00:00+08:00"


def file_bytes(path):
    out = b""
    for suffix in ("", "-wal"):
        if os.path.exists(path + suffix):
            with open(path + suffix, "rb") as f:
                out += f.read()
    return out


class PrivacySyncTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-privacy-sync-")
        self.server = make_world(self.tmp)
        self.a = enrol(self.server, self.tmp, "a", "BJ01")
        self.b = enrol(self.server, self.tmp, "b", "BJ01")
        self.u = enrol(self.server, self.tmp, "u", "BJ01", "--inspector")

    def tearDown(self):
        self.assertEqual(self.server.stop(), 0)
        shutil.rmtree(self.tmp)

    def test_amend_and_purge_reach_everyone(self):
        old = register(self.a, OLD, "R01", "咨询提前还款", name="欧阳娜娜", phone="13712345678")
        self.a.run("case", "answer", old["number"], "--text", "已当场说明", as_="R01", now=OLD)
        fresh = register(self.a, LATER, "R01", "办理挂失", name="张三", phone="13812341234")
        self.a.sync(now=LATER)

        # amend on device a: device b and the server get the corrected phone
        self.a.run("case", "amend", fresh["number"], "--customer-phone", "13900001111",
                   "--reason", "登记时电话输错", as_="R01", now=LATER)
        self.a.sync(now=LATER)
        self.b.sync(now=LATER)
        self.assertEqual(contacts(self.b.db)[fresh["id"]][1], "13900001111")
        self.assertEqual(self.server.contacts()[fresh["id"]][1], "13900001111")
        kinds = [r[0] for r in rows(self.b.db, "SELECT kind FROM events WHERE case_id = ?", (fresh["id"],))]
        self.assertIn("amended", kinds)

        # purge on device a: the old case's customer is erased everywhere
        p = self.a.json("privacy", "purge", as_="A01", now=LATER)
        self.assertEqual(p["cases"], 1)
        self.a.sync(now=LATER)
        # device b, which still has the old values and has not seen the
        # purge, writes to the case: its push does not bring them back
        self.assertEqual(contacts(self.b.db)[old["id"]][1], "13712345678")
        self.b.run("case", "note", old["number"], "--text", "归档", as_="R01", now=LATER)
        self.b.sync(now=LATER)
        self.u.sync(now=LATER)
        for db in (self.a.db, self.b.db, self.u.db):
            self.assertEqual(contacts(db)[old["id"]][:2], ("<erased>", "<erased>"), db)
        self.assertEqual(self.server.contacts()[old["id"]][:2], ("<erased>", "<erased>"))
        # the fresh case keeps its (amended) customer
        self.assertEqual(contacts(self.b.db)[fresh["id"]][1], "13900001111")


        # no purged byte in the server's store (its file; on PostgreSQL, a
        # dump), nor an unmasked one at the inspector
        self.server.stop()
        server_bytes = self.server.stored_bytes()
        self.server.start()
        for needle in ("13712345678", "欧阳娜娜"):
            self.assertNotIn(needle.encode(), server_bytes, needle)
        inspector_bytes = file_bytes(self.u.db)
        for needle in ("13712345678", "欧阳娜娜", "13900001111", "13812341234", "张三"):
            self.assertNotIn(needle.encode(), inspector_bytes, needle)

    def server_holds(self, text):
        """Whether the server's store holds `text` (either engine)."""
        if syncenv.ENGINE == "postgresql":
            return text in self.server.psql("SELECT body FROM sw_contact")
        self.server.stop()
        found = text.encode() in file_bytes(self.server.db())
        self.server.start()
        return found

    def test_earlier_details_travel_and_go_with_the_purge(self):
        # amended on device a; device b never held the earlier phone
        old = register(self.a, OLD, "R01", "咨询提前还款", name="欧阳娜娜", phone="13712345678")
        self.a.run("case", "answer", old["number"], "--text", "已当场说明", as_="R01", now=OLD)
        self.a.run("case", "amend", old["number"], "--customer-phone", "13700009999",
                   "--reason", "登记时电话输错", as_="R01", now=LATER)
        self.a.sync(now=LATER)
        self.b.sync(now=LATER)
        self.u.sync(now=LATER)
        history = "SELECT phone, reason, actor FROM case_contact_history WHERE case_id = ?"
        self.assertEqual(rows(self.b.db, history, (old["id"],)), [("13712345678", "登记时电话输错", "R01")])
        shown = self.b.json("case", "show", old["number"], as_="R01")
        self.assertEqual([e["phone"] for e in shown["earlier"]], ["13712345678"])
        self.assertTrue(self.server_holds("13712345678"))
        # the inspector's pull holds none of it, masked or whole
        self.assertEqual(rows(self.u.db, history, (old["id"],)), [])
        self.assertNotIn(b"13712345678", file_bytes(self.u.db))
        self.assertNotIn(b"13700009999", file_bytes(self.u.db))

        # the purge takes the earlier details everywhere
        self.a.json("privacy", "purge", as_="A01", now=LATER)
        self.a.sync(now=LATER)
        self.b.sync(now=LATER)
        for db in (self.a.db, self.b.db):
            self.assertEqual(rows(db, history, (old["id"],)), [], db)
            self.assertNotIn(b"13712345678", file_bytes(db), db)
        self.assertFalse(self.server_holds("13712345678"))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
