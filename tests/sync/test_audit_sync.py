#!/usr/bin/env python3
# test_audit_sync.py — the audit log travels with a device's pushes to a real
# shouwen-server on loopback, which keeps each device's chain and refuses a
# push whose entries do not continue it (changed, cut, reordered or another
# device's), storing nothing of it.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import unittest

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)

from syncenv import day, enrol, make_world, meta, register, rows

COLUMNS = "seq, device, at, actor, code, subject_kind, subject, args, prev_hash, hash"


def local_log(db):
    return rows(db, f"SELECT {COLUMNS} FROM audit_log ORDER BY seq")


def server_log(server, device):
    cols = COLUMNS.replace('device', 'device_id')
    # psql's text would read the first entry's prev_hash (all zeros) as a number
    pg_cols = cols.replace("prev_hash, hash", "'h' || prev_hash, 'h' || hash")
    found = server.query(f"SELECT {cols} FROM server_audit WHERE device_id = ? ORDER BY seq",
                         f"SELECT {pg_cols} FROM sw_audit WHERE device_id = ? ORDER BY seq", (device,))
    if server.database:
        found = [r[:-2] + (r[-2][1:], r[-1][1:]) for r in found]
    return found


def as_json(row):
    return dict(zip(COLUMNS.split(", "), row))


class AuditSyncTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-auditsync-")
        self.server = make_world(self.tmp)

    def tearDown(self):
        self.assertEqual(self.server.stop(), 0)
        shutil.rmtree(self.tmp)

    def test_entries_travel_and_continue(self):
        a = enrol(self.server, self.tmp, "a", "BJ01")
        device = meta(a.db, "device_id")
        register(a, day(23), "R01", "开户咨询")
        a.run("case", "list", as_="R01")
        a.sync()
        held = server_log(self.server, device)
        self.assertGreater(len(held), 0)
        self.assertEqual(held, local_log(a.db))
        self.assertEqual(meta(a.db, "audit.pushed"), str(len(held)))
        # a second run continues the chain; nothing is sent twice
        a.run("calendar", "holiday", "add", "2026-12-28", "--name", "临时休假")
        a.sync()
        self.assertEqual(server_log(self.server, device), local_log(a.db))
        a.sync()
        self.assertEqual(server_log(self.server, device), local_log(a.db))

    def test_broken_chain_refused_nothing_stored(self):
        a = enrol(self.server, self.tmp, "a", "BJ01")
        device = meta(a.db, "device_id")
        a.sync()
        before = server_log(self.server, device)
        # new entries and an event, then one entry changed as a tamperer would
        register(a, day(24), "R01", "挂失补卡")
        a.run("calendar", "holiday", "add", "2026-12-29", "--name", "临时休假")
        last = local_log(a.db)[-1][0]
        con = sqlite3.connect(a.db)
        con.execute("DROP TRIGGER audit_log_no_update")
        con.execute("UPDATE audit_log SET actor = 'R02' WHERE seq = ?", (last - 1,))
        con.commit()
        con.close()
        p = a.run("sync", "run", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn(f"entry {last - 1}", p.stderr)
        self.assertEqual(server_log(self.server, device), before)
        self.assertEqual(self.server.query("SELECT count(*) FROM cases WHERE content = '挂失补卡'",
                                           "SELECT count(*) FROM sw_event WHERE body LIKE '%挂失补卡%'"), [(0,)])

    def test_forged_pushes_refused(self):
        a = enrol(self.server, self.tmp, "a", "BJ01")
        b = enrol(self.server, self.tmp, "b", "BJ01")
        register(a, day(23), "R01", "开户咨询")
        for d in (28, 29, 30):
            a.run("calendar", "holiday", "add", f"2026-12-{d}", "--name", "临时休假")
        device = meta(a.db, "device_id")
        token = meta(a.db, "sync_token")
        log = [as_json(r) for r in local_log(a.db)]
        self.assertGreater(len(log), 3)

        def push(entries):
            return self.server.request("POST", "/api/v1/sync/push",
                                       {"events": [], "audit": entries}, token=token)

        def refused(entries, code, bad=None):
            status, body = push(entries)
            answer = json.loads(body)["error"]
            self.assertEqual((status, answer["code"]), (409 if code == "audit_chain_broken" else 400, code))
            if bad is not None:
                self.assertIn(f"entry {bad} ", answer["message"])
            self.assertEqual(server_log(self.server, device), [])

        # the first one cut: as after a restore of the server, nothing stored
        # and the answer asks for the log again from the last entry it holds
        status, body = push(log[1:])
        self.assertEqual((status, json.loads(body)["audit_seq"]), (200, 0))
        self.assertEqual(server_log(self.server, device), [])
        refused([log[0], log[2], log[1]] + log[3:], "audit_chain_broken", 2)   # reordered
        changed = [dict(e) for e in log]
        changed[2]["args"] = '{"number":"X"}'
        refused(changed, "audit_chain_broken", 3)                      # changed
        other = [dict(e, device=meta(b.db, "device_id")) for e in log]
        refused(other, "invalid_request")                              # another device's

        status, body = push(log[:2])
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body)["audit_seq"], 2)
        # what it holds is skipped; the rest must follow it
        status, body = push(log)
        self.assertEqual((status, json.loads(body)["audit_seq"]), (200, len(log)))
        self.assertEqual(server_log(self.server, device), local_log(a.db))
        # the server's table is append-only too
        if self.server.database:
            with self.assertRaisesRegex(AssertionError, "append-only"):
                self.server.query("", "DELETE FROM sw_audit")
        else:
            con = sqlite3.connect(self.server.db())
            with self.assertRaises(sqlite3.DatabaseError):
                con.execute("DELETE FROM server_audit")
            con.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
