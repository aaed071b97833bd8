#!/usr/bin/env python3
# test_busy.py — a busy database waits, it is not "damaged": 24 registers,
# 24 sync runs and 24 listings at once on one database, all succeed.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)

import syncenv
from syncenv import CTL, day, enrol, make_world, register, rows


class BusyTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-busy-")
        self.server = make_world(self.tmp)
        self.a = enrol(self.server, self.tmp, "a", "BJ01")
        register(self.a, day(23), "R01", "开户咨询")
        self.a.sync(now=day(23, 11))

    def tearDown(self):
        self.server.stop()
        shutil.rmtree(self.tmp)

    def test_simultaneous_commands(self):
        base = [CTL, "--db", self.a.db, "--now", day(23, 12), "--as", "admin"]
        register_cmd = base + ["case", "register", "--channel", "visit", "--kind", "business",
                               "--content", "同时登记", "--received-by", "R01",
                               "--customer-name", "张三", "--customer-phone", "13812341234"]
        commands = [register_cmd, base + ["sync", "run"], base + ["case", "list"]] * 24
        env = {**os.environ, "ASAN_OPTIONS": "detect_leaks=0"}
        procs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
                 for c in commands]
        failures = []
        for c, p in zip(commands, procs):
            out, err = p.communicate(timeout=600)
            if p.returncode != 0:
                failures.append((c[5:7], p.returncode, err.strip()))
        self.assertEqual(failures, [])
        self.assertEqual(rows(self.a.db, "SELECT count(*) FROM cases")[0][0], 25)
        numbers = rows(self.a.db, "SELECT count(DISTINCT number) FROM cases")[0][0]
        self.assertEqual(numbers, 25)
        # and every one of them reaches the server
        self.a.sync(now=day(23, 13))
        self.assertEqual(rows(self.server.db(), "SELECT count(*) FROM cases")[0][0], 25)


if __name__ == "__main__":
    unittest.main(verbosity=2)
