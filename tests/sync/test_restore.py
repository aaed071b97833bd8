#!/usr/bin/env python3
# test_restore.py — restores on either side, healed with nothing lost and
# nobody stuck: a server restored (with --restore or by copying its folder
# back) while a case crossed branches, an inspector's device after a
# restore, a device restored from its own backup, case numbers that clash.
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
from syncenv import Ctl, case_rows, day, enrol, make_world, register, rows, timelines


class RestoreTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-restore-")
        self.server = make_world(self.tmp)

    def tearDown(self):
        self.assertEqual(self.server.stop(), 0)
        shutil.rmtree(self.tmp)

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
        self.assertEqual(rows(self.server.db(), "SELECT count(*) FROM cases")[0][0], 4)

    def test_inspector_pushes_nothing_after_a_restore(self):
        a = enrol(self.server, self.tmp, "a", "BJ01")
        u = enrol(self.server, self.tmp, "u", "BJ01", "--inspector")
        backup = os.path.join(self.tmp, "server-backup.db")
        Ctl(self.server.db()).run("backup", backup)
        for i in range(3):
            register(a, day(23, 9 + i), "R01", f"第{i}件")
        a.sync(now=day(23, 13))
        u.sync(now=day(23, 13))
        self.assertEqual(rows(u.db, "SELECT count(*) FROM cases")[0][0], 3)
        self.assertEqual(self.server.stop(), 0)
        self.server.start("--restore", backup)
        report = u.sync(now=day(24))
        self.assertTrue(report["epoch_changed"])
        self.assertEqual((report["pushed"], report["rejected"], report["rejected_total"]), (0, 0, 0), report)
        a.sync(now=day(24, 1))
        u.sync(now=day(24, 2))
        status = u.json("sync", "status", now=day(24, 3))
        self.assertEqual(status["rejected"], 0, status)
        log = open(os.path.join(self.tmp, "access.log"), encoding="utf-8").read()
        self.assertNotIn('"status":403', log.replace(" ", ""))
        self.assertEqual(rows(self.server.db(), "SELECT count(*) FROM cases")[0][0], 3)


if __name__ == "__main__":
    unittest.main(verbosity=2)
