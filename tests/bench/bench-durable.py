#!/usr/bin/env python3
# bench-durable.py — the commit of a 500-event push (events and feed rows) in WAL with synchronous=NORMAL vs FULL.
# SPDX-License-Identifier: GPL-3.0-or-later
import sqlite3, os, time, uuid, json, tempfile
d = tempfile.mkdtemp(prefix="bench-durable-")
for mode in ("NORMAL", "FULL"):
    p = os.path.join(d, mode + ".db")
    con = sqlite3.connect(p, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL"); con.execute(f"PRAGMA synchronous={mode}")
    con.execute("CREATE TABLE events (id TEXT PRIMARY KEY, case_id TEXT, payload TEXT)")
    con.execute("CREATE TABLE feed (seq INTEGER PRIMARY KEY, event_id TEXT)")
    times = []
    for r in range(40):
        rows = [(str(uuid.uuid4()), str(uuid.uuid4()), json.dumps({"text": "记录" * 60})) for _ in range(500)]
        t = time.perf_counter()
        con.execute("BEGIN")
        con.executemany("INSERT INTO events VALUES (?,?,?)", rows)
        con.executemany("INSERT INTO feed (event_id) VALUES (?)", [(x[0],) for x in rows])
        con.execute("COMMIT")
        times.append(time.perf_counter() - t)
    times.sort()
    print(mode, "median %.2f ms, p90 %.2f ms" % (times[20]*1000, times[36]*1000))
import shutil; shutil.rmtree(d)
