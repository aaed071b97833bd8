#!/usr/bin/env python3
# test_identity_sync.py — a password travels with the directory: set on one
# device, a person signs in on another device of the branch, offline too;
# a lock-out travels and so does the unlock; the server's sign-in checks
# the same credential.
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
from syncenv import day, enrol, make_world

syncenv.STRICT = True


class IdentitySyncTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-idsync-")
        self.server = make_world(self.tmp)
        self.a = enrol(self.server, self.tmp, "a", "BJ01")
        self.a2 = enrol(self.server, self.tmp, "a2", "BJ01")
        self.own = os.path.join(self.tmp, "own")
        with open(self.own, "w") as f:
            f.write("r01-own-password\n")

    def tearDown(self):
        self.server.stop()
        shutil.rmtree(self.tmp)

    def as_r01(self, ctl, password_file=None, *args):
        """R01 runs `case list` (or args) on `ctl`'s device, nothing else in between."""
        return subprocess.run([syncenv.CTL, "--db", ctl.db, "--now", day(23), "--as", "R01",
                               "--password-file", password_file or self.own] + list(args or ["case", "list"]),
                              capture_output=True, text=True)

    def test_password_travels(self):
        demo = os.environ["SHOUWEN_PASSWORD_FILE"]
        # R01 has no password anywhere yet
        self.assertIn("No password", self.as_r01(self.a2).stderr)
        # on device a: the administrator's one-time password, then R01's own
        self.a.run("passwd", "R01", "--new-password-file", demo)
        p = self.as_r01(self.a, demo, "passwd", "R01", "--new-password-file", self.own)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.a.sync()
        # only the hash travelled (the server's directory: a table on SQLite,
        # its rows as JSON on PostgreSQL)
        hashes = self.server.query(
            "SELECT hash FROM staff_credentials WHERE empno = 'R01'",
            "SELECT c ->> 'hash' FROM sw_directory, jsonb_array_elements (body::jsonb -> 'staff_credentials') c"
            " WHERE c ->> 'empno' = 'R01'")
        self.assertTrue(hashes[0][0].startswith("$argon2id$"), hashes)
        if self.server.database:
            self.assertEqual(self.server.query("", "SELECT count(*) FROM sw_directory"
                                                   " WHERE body LIKE '%r01-own-password%'"), [(0,)])
        for db in ([] if self.server.database else [self.server.db()]) + [self.a.db]:
            with open(db, "rb") as f:
                self.assertNotIn(b"r01-own-password", f.read())
        # the server's sign-in checks the same credential
        p = self.a.run("sync", "sign-in", "R01", stdin="r01-own-password\n")
        self.assertIn("R01", p.stdout)

        # device a2 takes it, then signs R01 in with the server gone
        self.a2.sync()
        self.server.stop()
        p = self.as_r01(self.a2)
        self.assertEqual(p.returncode, 0, p.stderr)

        # five wrong passwords on a2, offline: locked there…
        wrong = os.path.join(self.tmp, "wrong")
        with open(wrong, "w") as f:
            f.write("nope\n")
        for _ in range(5):
            p = self.as_r01(self.a2, wrong)
        self.assertIn("locked", p.stderr)
        # …and on a once both have synced
        self.server.start()
        self.a2.sync()
        self.a.sync()
        self.assertIn("locked", self.as_r01(self.a).stderr)
        # the administrator unlocks on a; a2 hears of it
        self.a.run("unlock", "R01")
        self.a.sync()
        self.a2.sync()
        p = self.as_r01(self.a2)
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_server_password_is_the_directorys(self):
        # `shouwenctl server password` on the server machine: devices sign in with it
        subprocess.run([syncenv.CTL, "server", "password", *self.server.location(), "R01"],
                       input="r01-own-password\n", text=True, check=True, capture_output=True)
        self.a.sync()
        p = self.as_r01(self.a)
        self.assertEqual(p.returncode, 0, p.stderr)


if __name__ == "__main__":
    unittest.main()
