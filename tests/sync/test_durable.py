#!/usr/bin/env python3
# test_durable.py — a push the server committed but never answered (killed between the two) is not lost.
# The server is started with the test-only SHOUWEN_TEST_CRASH_AFTER_COMMIT=push,
# which makes it raise SIGKILL right after the push's commit returns; once
# restarted normally, the client sends the batch again and every event is
# answered duplicate: nothing lost, nothing twice, the outbox empty.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)

from syncenv import CTL, day, enrol, make_world, rows
from test_kill import fill_outbox

CRASH = "SHOUWEN_TEST_CRASH_AFTER_COMMIT"


class DurableTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-durable-")
        self.server = make_world(self.tmp)

    def tearDown(self):
        os.environ.pop(CRASH, None)
        self.server.stop()
        shutil.rmtree(self.tmp)

    def restart(self, crash):
        self.server.stop(signal.SIGKILL)
        if crash:
            os.environ[CRASH] = "push"
        else:
            os.environ.pop(CRASH, None)
        self.server.start()

    def test_committed_then_killed(self):
        a = enrol(self.server, self.tmp, "a", "BJ01")
        made = fill_outbox(a.db, "A", 40, 1795400000000)   # 120 events, one batch
        self.assertEqual(rows(a.db, "SELECT count(*) FROM events WHERE pushed = 0")[0][0], len(made))

        self.restart(crash=True)
        p = subprocess.run([CTL, "--db", a.db, "--now", day(27), "--as", "admin", "--json", "sync", "run"],
                           capture_output=True, text=True, timeout=120)
        self.assertNotEqual(p.returncode, 0, "the push must not have been answered")
        self.assertEqual(self.server.proc.wait(timeout=30), -signal.SIGKILL)
        # committed on the server, still unsent on the client
        on_server = rows(self.server.db(), "SELECT count(*) FROM events WHERE id IN (%s)"
                         % ",".join("?" * len(made)), made)[0][0]
        self.assertEqual(on_server, len(made))
        self.assertEqual(rows(a.db, "SELECT count(*) FROM events WHERE pushed = 0")[0][0], len(made))

        self.restart(crash=False)
        report = a.sync(now=day(27))
        self.assertEqual(report["pushed"], 0, report)
        self.assertEqual(report["duplicates"], len(made), report)
        self.assertEqual(report["rejected"], 0, report)
        # each event once on the server and in the branch's feed; the outbox empty
        server_ids = [r[0] for r in rows(self.server.db(), "SELECT id FROM events")]
        self.assertEqual(len(server_ids), len(set(server_ids)))
        self.assertTrue(set(made) <= set(server_ids))
        dup = rows(self.server.db(), "SELECT count(*) - count(DISTINCT event_id) FROM server_feed"
                                     " WHERE branch_code = 'BJ01'")[0][0]
        self.assertEqual(dup, 0)
        self.assertEqual(rows(a.db, "SELECT count(*) FROM events WHERE pushed = 0")[0][0], 0)
        self.assertEqual(rows(a.db, "SELECT count(*) FROM sync_rejected")[0][0], 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
