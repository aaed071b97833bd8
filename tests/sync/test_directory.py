#!/usr/bin/env python3
# test_directory.py — directory edits made at an office (staff availability,
# templates, holidays, policies) reach the server on the next sync and from
# there every other office; an edit made offline survives a newer directory
# pulled over it; an inspector's device is refused and keeps its edit; the
# later of two edits of one row wins; bad bodies get clear 4xx answers.
# SPDX-License-Identifier: GPL-3.0-or-later
import http.server
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import threading
import unittest
import urllib.request

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)

from syncenv import DIRECTORY, Ctl, day, enrol, make_world, meta, rows

STAFF_HEADER = DIRECTORY["BJ01"][1].splitlines()[0]
CHANGES = "/api/v1/directory/changes"


def staff_csv(tmp, name, *lines):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join((STAFF_HEADER,) + lines) + "\n")
    return path


def availability(db, empno):
    return rows(db, "SELECT availability FROM staff WHERE empno = ?", (empno,))[0][0]


def template(db, matter):
    r = rows(db, "SELECT body FROM templates WHERE matter = ?", (matter,))
    return r[0][0] if r else None


def outbox(db):
    # not the passwords the helpers give the people the tests act as
    return rows(db, "SELECT tbl, key, state, code, message FROM directory_outbox"
                    " WHERE tbl != 'staff_credentials' ORDER BY seq")


def error_of(body):
    return json.loads(body)["error"]


class FlakyProxy:
    """Forwards to the server, but answers 500 to directory pushes while
    `fail_changes` is set: a server that reads but cannot write (a full
    disk)."""

    def __init__(self, target):
        proxy = self
        self.fail_changes = True

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def forward(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if proxy.fail_changes and self.path.startswith(CHANGES):
                    return self.answer(500, b'{"error": {"code": "internal", "message": "disk full"}}')
                req = urllib.request.Request(target + self.path, data=body or None, method=self.command)
                for k in ("Authorization", "Content-Type"):
                    if self.headers.get(k):
                        req.add_header(k, self.headers[k])
                try:
                    with urllib.request.urlopen(req, timeout=30) as r:
                        self.answer(r.status, r.read())
                except urllib.error.HTTPError as e:
                    self.answer(e.code, e.read())

            def answer(self, status, data):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = forward

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class DirectoryTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shouwen-dir-")
        self.server = make_world(self.tmp)
        self.a = enrol(self.server, self.tmp, "a", "BJ01")
        self.b = enrol(self.server, self.tmp, "b", "BJ02")

    def tearDown(self):
        self.assertEqual(self.server.stop(), 0)
        shutil.rmtree(self.tmp)

    def token(self, ctl):
        return meta(ctl.db, "sync_token")

    # The server's directory, whichever its engine: tables on SQLite, one
    # JSON document (sw_directory) on PostgreSQL.
    def server_version(self):
        return str(self.server.query("SELECT value FROM meta WHERE key = 'directory_version'",
                                     "SELECT version FROM sw_directory")[0][0])

    def server_rows(self, table, columns, where_column=None, value=None):
        sqlite_sql = f"SELECT {', '.join(columns)} FROM {table}"
        pg_sql = (f"SELECT {', '.join(f'r ->> {c!r}' for c in columns)} FROM sw_directory,"
                  f" jsonb_array_elements (body::jsonb -> '{table}') r")
        args = ()
        if where_column:
            sqlite_sql += f" WHERE {where_column} = ?"
            pg_sql += f" WHERE r ->> '{where_column}' = ?"
            args = (value,)
        return [tuple(str(v) if isinstance(v, int) else v for v in r)
                for r in self.server.query(sqlite_sql, pg_sql, args)]

    def server_availability(self, empno):
        return self.server_rows("staff", ["availability"], "empno", empno)[0][0]

    def add_template(self, ctl, matter, body, now=None, *extra):
        return ctl.json("template", "add", "--kind", "answer", "--matter", matter, "--body", body, *extra,
                        as_="S01", now=now)

    def test_edits_reach_the_other_office(self):
        self.a.run("import", "staff", staff_csv(self.tmp, "r01.csv",
                   "R01,王芳,RETAIL1,3,柜员,2010-03-01,13800000001,staff,regular,leave"))
        # seed 000: a matter with its own time limit, which travels with the template
        limited = self.add_template(self.a, "挂失补卡", "请携带本人身份证件到柜台办理", None, "--limit-days", "7")
        self.a.run("calendar", "holiday", "add", "2026-12-28", "--name", "临时休假")
        self.assertEqual([(t, k, s) for t, k, s, _, _ in outbox(self.a.db)],
                         [("staff", "R01", "pending"), ("templates", outbox(self.a.db)[1][1], "pending"),
                          ("calendar_days", "2026-12-28", "pending")])
        version = int(self.server_version())
        self.a.sync()
        self.assertEqual({s for _, _, s, _, _ in outbox(self.a.db)}, {"sent"})
        self.assertEqual(int(self.server_version()), version + 1)
        self.assertEqual(self.server_availability("R01"), "leave")
        self.b.sync()
        for db in (self.b.db, self.a.db):
            self.assertEqual(availability(db, "R01"), "leave", db)
            self.assertEqual(template(db, "挂失补卡"), "请携带本人身份证件到柜台办理", db)
            self.assertEqual(rows(db, "SELECT limit_days FROM templates WHERE id = ?", (limited["id"],)), [(7,)], db)
            self.assertEqual(rows(db, "SELECT kind, name FROM calendar_days WHERE date = '2026-12-28'"),
                             [("holiday", "临时休假")], db)
        # what came from the server is not an edit of B's
        self.assertEqual(outbox(self.b.db), [])

    def test_later_edit_of_a_row_wins(self):
        # the calendar is the whole bank's: B names a day on the 24th, A on
        # the 25th, and B's edit reaches the server last
        self.b.run("calendar", "holiday", "add", "2026-12-30", "--name", "B 的名称", now=day(24))
        self.a.run("calendar", "holiday", "add", "2026-12-30", "--name", "A 的名称", now=day(25))
        # both make the next policy version: neither is lost, the one that
        # arrives second takes the next number
        self.a.run("import", "staff", staff_csv(self.tmp, "a01.csv",
                   "A01,赵敏,OFFICE1,5,系统管理员,2015-01-01,13800000030,admin,regular,on_duty"))
        self.b.run("import", "staff", staff_csv(self.tmp, "a02.csv",
                   "A02,林涛,OFFICE2,5,系统管理员,2015-01-01,13900000030,admin,regular,on_duty"))
        self.a.run("policy", "set", "limit.callback_days", "5", as_="A01", now=day(25))
        self.b.run("policy", "set", "limit.department_days", "4", as_="A02", now=day(25))
        self.a.sync(now=day(25))
        self.b.sync(now=day(25))
        self.a.sync(now=day(25))
        self.assertEqual([s for _, _, s, _, _ in outbox(self.b.db)], ["sent"] * 3)
        self.assertEqual(rows(self.b.db, "SELECT name FROM staff WHERE empno = 'A01'"), [("赵敏",)])
        self.assertEqual(self.server_rows("calendar_days", ["name"], "date", "2026-12-30"), [("A 的名称",)])
        for db in (self.a.db, self.b.db):
            self.assertEqual(rows(db, "SELECT name FROM calendar_days WHERE date = '2026-12-30'"),
                             [("A 的名称",)], db)
        policies = sorted(((int(v), d) for v, d in self.server_rows("policies", ["version", "data"])))
        self.assertIn('"limit.callback_days":"5"', policies[-2][1].replace(" ", ""))
        self.assertIn('"limit.department_days":"4"', policies[-1][1].replace(" ", ""))
        for db in (self.a.db, self.b.db):
            self.assertEqual(rows(db, "SELECT version, data FROM policies ORDER BY version"), policies, db)
        # B, holding A's edit already, edits the day again with a clock
        # behind A's: the server keeps A's, and B gets it back
        self.b.run("calendar", "holiday", "add", "2026-12-30", "--name", "B 再改", now=day(24, 12))
        self.b.sync(now=day(24, 12))
        self.assertEqual(rows(self.b.db, "SELECT name FROM calendar_days WHERE date = '2026-12-30'"),
                         [("A 的名称",)])

    def test_offline_edit_survives_a_pull(self):
        self.server.stop()
        self.a.run("import", "staff", staff_csv(self.tmp, "r02.csv",
                   "R02,李娜,RETAIL1,3,柜员,2005-07-01,13800000002,staff,regular,trip"))
        p = self.a.run("sync", "run", check=False)
        self.assertNotEqual(p.returncode, 0)
        self.server.start()
        # meanwhile B changes the directory: a newer version for A to pull
        self.add_template(self.b, "大额取现", "请提前一天预约")
        self.b.sync()
        # A reaches a server that takes reads but fails the edits' push
        proxy = FlakyProxy(self.server.url)
        self.addCleanup(proxy.close)
        with sqlite3.connect(self.a.db) as con:
            con.execute("UPDATE meta SET value = ? WHERE key = 'sync_server'", (proxy.url,))
        con.close()
        p = self.a.run("sync", "run", check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("disk full", p.stderr)
        # the newer directory came in, and the edit is still on top of it
        self.assertEqual(template(self.a.db, "大额取现"), "请提前一天预约")
        self.assertEqual(availability(self.a.db, "R02"), "trip")
        self.assertEqual(self.server_availability("R02"), "on_duty")
        self.assertEqual(outbox(self.a.db)[-1][:3], ("staff", "R02", "pending"))
        proxy.fail_changes = False
        self.a.sync()
        self.assertEqual(self.server_availability("R02"), "trip")
        self.b.sync()
        self.assertEqual(availability(self.b.db, "R02"), "trip")

    def test_inspector_refused_and_keeps_the_edit(self):
        u = enrol(self.server, self.tmp, "u", "BJ01", "--inspector")
        u.run("import", "staff", staff_csv(self.tmp, "r01-u.csv",
              "R01,王芳,RETAIL1,3,柜员,2010-03-01,13800000001,staff,regular,sick"))
        version = self.server_version()
        u.sync()
        [(tbl, key, state, code, message)] = outbox(u.db)
        self.assertEqual((tbl, key, state, code), ("staff", "R01", "refused", "forbidden"))
        self.assertIn("inspector", message)
        self.assertEqual(availability(u.db, "R01"), "sick")
        self.assertEqual(self.server_availability("R01"), "on_duty")
        self.assertEqual(self.server_version(), version)
        # not sent again, and kept over a newer directory
        self.add_template(self.a, "存款证明", "三个工作日内出具")
        self.a.sync()
        u.sync()
        self.assertEqual(template(u.db, "存款证明"), "三个工作日内出具")
        self.assertEqual(availability(u.db, "R01"), "sick")
        self.assertEqual(outbox(u.db)[0][2], "refused")
        status, body = self.server.request("POST", CHANGES, token=self.token(u), body={"changes": []})
        self.assertEqual((status, error_of(body)["code"]), (403, "forbidden"))

    def test_bad_input(self):
        tok = self.token(self.a)
        version = self.server_version()
        row = {"empno": "R01", "name": "王芳", "department_code": "RETAIL1", "availability": "leave"}

        def change(**kw):
            c = {"seq": 1, "table": "staff", "key": "R01", "at": 1795000000000, "row": row}
            c.update(kw)
            return c

        cases = [
            (b"{not json", 400, "invalid_json"),
            (b"[" * 100000, 400, "too_deep"),
            (json.dumps({"changes": "many"}).encode(), 400, "invalid_request"),
            (json.dumps({"changes": [change(table="accounts")]}).encode(), 400, "invalid_request"),
            (json.dumps({"changes": [change(row={**row, "salary": 1})]}).encode(), 400, "invalid_request"),
            (json.dumps({"changes": [change(row={**row, "name": ["x"]})]}).encode(), 400, "invalid_request"),
            (json.dumps({"changes": [change(key="R02")]}).encode(), 400, "invalid_request"),
            (json.dumps({"changes": [change(seq=i) for i in range(1001)]}).encode(), 413, "too_many_events"),
            (b"{\"changes\": [" + b" " * (9 * 1024 * 1024) + b"]}", 413, "too_large"),
        ]
        for raw, status, code in cases:
            with self.subTest(code=code, raw=raw[:60]):
                s, body = self.server.request("POST", CHANGES, token=tok, raw=raw)
                self.assertEqual((s, error_of(body)["code"]), (status, code))
                self.assertTrue(error_of(body)["message"])
        # rows the server refuses one by one: another branch's staff, a
        # department that does not exist; nothing of them is applied
        other = {"empno": "R11", "name": "吴刚", "department_code": "RETAIL2", "availability": "leave"}
        s, body = self.server.request("POST", CHANGES, token=tok, body={"changes": [
            change(seq=1, key="R11", row=other),
            change(seq=2, row={**row, "department_code": "NOWHERE"}),
            change(seq=3, row={**row, "availability": "asleep"})]})
        self.assertEqual(s, 200)
        results = json.loads(body)["results"]
        self.assertEqual([(r["seq"], r["status"], r["code"]) for r in results],
                         [(1, "refused", "forbidden"), (2, "refused", "invalid_row"), (3, "refused", "invalid_row")])
        self.assertIn("NOWHERE", results[1]["message"])
        self.assertEqual(self.server_version(), version)
        self.assertEqual(self.server_availability("R11"), "on_duty")
        s, body = self.server.request("POST", CHANGES, raw=b"{}")
        self.assertEqual((s, error_of(body)["code"]), (401, "unauthorized"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
