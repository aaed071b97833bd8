#!/usr/bin/env python3
# test_restore.py — restores on either side, healed with nothing lost and
# nobody stuck: a server restored (with --restore or by copying its folder
# back) while a case crossed branches, an inspector's device after a
# restore, a device restored from its own backup, case numbers that clash.
# On PostgreSQL (--postgresql) the server's database goes back to an older
# pg_dump (pg_restore into a database made again).
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
from syncenv import Ctl, case_rows, day, enrol, events_by_case, make_world, meta, register, rows, timelines


class RestoreTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-restore-")
        self.server = make_world(self.tmp)

    def tearDown(self):
        self.assertEqual(self.server.stop(), 0)
        shutil.rmtree(self.tmp)

    def cross_branch_after_restore(self, copy_back):
        """Branch A transfers a case to a department of branch B; B accepts
        and replies; the server goes back to a copy taken before the
        transfer. Both branches push again, B first, and end identical to
        the server, nothing refused."""
        a = enrol(self.server, self.tmp, "a", "BJ01")
        b = enrol(self.server, self.tmp, "b", "BJ02")
        x = register(a, day(23), "R01", "需公司业务部办理")
        a.sync(now=day(23, 11))
        b.sync(now=day(23, 11))
        backup = os.path.join(self.tmp, "server-backup.db")
        if not copy_back:
            self.server.db()   # --restore: the SQLite engine's (PostgreSQL: pg_restore)
        self.server.backup(backup)
        a.json("case", "transfer", x["number"], "--to", "CORP2", "--note", "对公", as_=x["owner"]["empno"],
               now=day(23, 12))
        others = [register(a, day(23, 13 + i), "R01", f"之后第{i}件") for i in range(2)]
        a.sync(now=day(23, 15))
        b.sync(now=day(23, 15))
        b.json("case", "accept", x["number"], "--handler", "C11", as_="CH2", now=day(23, 16))
        b.json("case", "reply", x["number"], "--text", "已办理", as_="C11", now=day(23, 17))
        b.sync(now=day(23, 18))
        a.sync(now=day(23, 18))
        n_before = self.server.count_events()
        self.assertEqual(self.server.stop(), 0)
        if copy_back:
            # the folder copied back by hand (a dump restored): the server is not told
            self.server.put_back(backup)
            self.server.start()
        else:
            self.server.start("--restore", backup)
        self.assertLess(self.server.count_events(), n_before)
        # B first: its accept and reply wait for A's transfer, never refused
        changed = []
        for _ in range(2):
            # a page at a time: pages asked for ahead of the new epoch are dropped
            rb = b.sync("--pull-limit", "1", now=day(24))
            ra = a.sync("--pull-limit", "1", now=day(24))
            self.assertEqual((rb["rejected"], ra["rejected"]), (0, 0), (rb, ra))
            changed += [rb["epoch_changed"], ra["epoch_changed"]]
        # both learn of the restore at once, however the server was told
        self.assertEqual(changed, [True, True, False, False])
        b.sync(now=day(24, 1))
        a.sync(now=day(24, 1))
        ids = {x["id"]} | {c["id"] for c in others}
        self.assertEqual(self.server.count_events(), n_before)
        self.assertEqual(self.server.events_by_case(ids), events_by_case(a.db, ids))
        self.assertEqual(self.server.events_by_case({x["id"]}), events_by_case(b.db, {x["id"]}))
        if not self.server.database:   # the SQLite engine folds as the devices do
            self.assertEqual(timelines(self.server.db(), ids), timelines(a.db, ids))
            self.assertEqual(timelines(self.server.db(), {x["id"]}), timelines(b.db, {x["id"]}))
            self.assertEqual(case_rows(self.server.db(), {x["id"]}), case_rows(a.db, {x["id"]}))
        else:   # positions 1..max again, without a gap
            n, low, high = self.server.query("", "SELECT count(*), min(position), max(position) FROM sw_event")[0]
            self.assertEqual((low, high), (1, n))
        self.assertEqual(case_rows(a.db, {x["id"]}), case_rows(b.db, {x["id"]}))
        for db in (a.db, b.db):
            self.assertEqual(rows(db, "SELECT count(*) FROM sync_rejected")[0][0], 0)
        state = a.json("case", "show", x["number"], now=day(24, 2))["state"]
        self.assertEqual(state, "replied")

    def test_cross_branch_after_restore(self):
        self.cross_branch_after_restore(copy_back=False)

    def test_cross_branch_after_folder_copied_back(self):
        self.cross_branch_after_restore(copy_back=True)

    def test_copied_back_server_answers_a_new_epoch(self):
        a = enrol(self.server, self.tmp, "a", "BJ01")
        register(a, day(23), "R01", "第一件")
        a.sync(now=day(23, 11))
        status, body = self.server.request("GET", "/api/v1/sync/pull?since=99999",
                                           token=meta(a.db, "sync_token"))
        import json
        answer = json.loads(body)
        self.assertEqual(status, 200)
        self.assertNotEqual(answer["epoch"], meta(a.db, "server_epoch"))
        # and the device, told so, reads again from the start
        report = a.sync(now=day(23, 12))
        self.assertTrue(report["epoch_changed"])
        self.assertEqual(meta(a.db, "server_epoch"), answer["epoch"])

    def test_device_restored_from_its_backup_registers_at_once(self):
        a = enrol(self.server, self.tmp, "a", "BJ01")
        backup = os.path.join(self.tmp, "a-backup.db")
        a.run("backup", backup)
        before = [register(a, day(23, 9 + i), "R01", f"备份之后第{i}件") for i in range(3)]
        a.sync(now=day(23, 13))
        shutil.copy(backup, a.db)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(a.db + suffix):
                os.remove(a.db + suffix)
        # the device pulls its own cases back, then registers that same day
        a.sync(now=day(23, 14))
        self.assertEqual(rows(a.db, "SELECT count(*) FROM cases")[0][0], 3)
        new = register(a, day(23, 15), "R01", "恢复之后")
        self.assertNotIn(new["number"], {c["number"] for c in before})
        self.assertTrue(new["number"].endswith("-0004"), new["number"])
        report = a.sync(now=day(23, 16))
        self.assertEqual(report.get("rejected", 0), 0, report)
        self.assertEqual(len(self.server.case_ids()), 4)

    def test_inspector_pushes_nothing_after_a_restore(self):
        a = enrol(self.server, self.tmp, "a", "BJ01")
        u = enrol(self.server, self.tmp, "u", "BJ01", "--inspector")
        backup = os.path.join(self.tmp, "server-backup.db")
        self.server.backup(backup)
        for i in range(3):
            register(a, day(23, 9 + i), "R01", f"第{i}件")
        a.sync(now=day(23, 13))
        u.sync(now=day(23, 13))
        self.assertEqual(rows(u.db, "SELECT count(*) FROM cases")[0][0], 3)
        self.assertEqual(self.server.stop(), 0)
        if self.server.database:   # PostgreSQL: pg_restore of the older dump
            self.server.put_back(backup)
            self.server.start()
        else:
            self.server.start("--restore", backup)
        report = u.sync(now=day(24))
        self.assertTrue(report["epoch_changed"])
        self.assertEqual((report["pushed"], report["rejected"], report["rejected_total"]), (0, 0, 0), report)
        a.sync(now=day(24, 1))
        u.sync(now=day(24, 2))
        status = u.json("sync", "status", now=day(24, 3))
        self.assertEqual(status["rejected"], 0, status)
        with open(os.path.join(self.tmp, "access.log"), encoding="utf-8") as f:
            log = f.read()
        self.assertNotIn('"status":403', log.replace(" ", ""))
        self.assertEqual(len(self.server.case_ids()), 3)

    def test_clashing_numbers_both_reach_the_server(self):
        # two databases made alike before enrolment (a copy of one seed)
        # number their cases alike
        cases = {}
        ctls = {}
        for name in ("a", "b"):
            ctls[name] = Ctl(os.path.join(self.tmp, name + ".db"))
            ctls[name].run("init", "--branch", "BJ01", "--branch-name", "BJ01")
            for table in ("departments", "staff"):
                ctls[name].run("import", table, os.path.join(self.tmp, f"BJ01-{table}.csv"))
            cases[name] = [register(ctls[name], day(23, 9 + i), "R01", f"{name} 第{i}件") for i in range(2)]
        self.assertEqual([c["number"] for c in cases["a"]], [c["number"] for c in cases["b"]])
        a, b = ctls["a"], ctls["b"]
        for ctl in (a, b):
            ctl.run("sync", "enrol", "--server", self.server.url, "--code", self.server.code("BJ01"))
        # and one more case each, and a step on an earlier one, all in one batch
        cases["a"].append(register(a, day(23, 11), "R01", "a 之后"))
        b.json("case", "note", cases["b"][0]["number"], "--text", "补充说明", as_="R01", now=day(23, 11))
        ra = a.sync(now=day(23, 12))
        rb = b.sync(now=day(23, 12))
        self.assertEqual((ra["rejected"], rb["rejected"]), (0, 0), (ra, rb))
        ids = {c["id"] for c in cases["a"] + cases["b"]}
        self.assertEqual(self.server.case_ids() & ids, ids)
        numbers = [r[0] for r in self.server.query("SELECT number FROM cases", "SELECT number FROM sw_case")]
        self.assertEqual(len(numbers), len(set(numbers)))
        # the second device renumbered its two, said so, and finds them by their old numbers
        self.assertEqual(len(ra["renumbered"]), 0, ra)
        self.assertEqual(len(rb["renumbered"]), 2, rb)
        for r, old in zip(rb["renumbered"], cases["b"]):
            self.assertEqual((r["case_id"], r["old_number"]), (old["id"], old["number"]))
            self.assertIn(r["new_number"], numbers)
            self.assertEqual(b.json("case", "show", r["old_number"])["id"], r["case_id"])
            self.assertEqual(b.json("case", "show", r["old_number"])["number"], r["new_number"])
        # elsewhere the number stays the case that kept it
        self.assertEqual(a.json("case", "show", cases["a"][0]["number"])["id"], cases["a"][0]["id"])
        text = b.run("case", "show", cases["b"][0]["id"]).stdout
        self.assertIn(rb["renumbered"][0]["new_number"], text)
        # every replica ends alike, the note included
        a.sync(now=day(23, 13))
        b.sync(now=day(23, 13))
        self.assertEqual(events_by_case(a.db, ids), self.server.events_by_case(ids))
        self.assertEqual(events_by_case(b.db, ids), self.server.events_by_case(ids))
        if not self.server.database:   # the SQLite engine folds as the devices do
            self.assertEqual(timelines(a.db, ids), timelines(self.server.db(), ids))
        self.assertEqual(case_rows(a.db, ids), case_rows(b.db, ids))
        for db in (a.db, b.db):
            self.assertEqual(rows(db, "SELECT count(*) FROM sync_rejected")[0][0], 0)

if __name__ == "__main__":
    unittest.main(verbosity=2)
