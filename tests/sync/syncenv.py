# syncenv.py — a real shouwen-server on 127.0.0.1 and real client databases,
# driven through shouwenctl, for the sync tests.
# SPDX-License-Identifier: GPL-3.0-or-later
import atexit
import json
import os
import re
import signal
import shutil
import sqlite3
import subprocess
import tempfile
import threading
import time
import urllib.request
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from demo_password import give_password  # noqa: E402

# Leak checking that sees GObjects: GLib 2.74's slice allocator hides them
# from LeakSanitizer, and suppressions need full stacks (slow: the server
# always gets it, shouwenctl only when a test sets STRICT).
LEAK_ENV = {
    "G_SLICE": "always-malloc",
    "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "detect_leaks=1") + ":fast_unwind_on_malloc=0",
    "LSAN_OPTIONS": "suppressions=" + os.path.join(os.path.dirname(os.path.abspath(__file__)), "lsan.supp"),
}
STRICT = False

# The server's engine: "sqlite" (a data directory) or "postgresql" (one
# throwaway cluster per test file, pgcluster.py, a new database per Server).
ENGINE = os.environ.get("SHOUWEN_TEST_ENGINE", "sqlite")
if "--postgresql" in sys.argv:     # meson's pg_ entries: the same test on PostgreSQL
    sys.argv.remove("--postgresql")
    ENGINE = os.environ["SHOUWEN_TEST_ENGINE"] = "postgresql"
    os.environ.setdefault("SHOUWEN_KILL_ROUNDS", "4")    # CI's time: fewer rounds than on SQLite
if ENGINE == "postgresql":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import pgcluster
    if not pgcluster.available():
        print("PostgreSQL 15 is not installed", file=sys.stderr)
        sys.exit(77)
_cluster = None


def pg_cluster():
    """The test file's PostgreSQL cluster, started on first use."""
    global _cluster
    if _cluster is None:
        import atexit
        import pgcluster
        _cluster = pgcluster.Cluster().start()
        atexit.register(_cluster.stop)
    return _cluster


_databases = 0


def new_pg_database():
    global _databases
    _databases += 1
    return pg_cluster().create_db(f"shouwen{os.getpid()}_{_databases}")


CTL = os.environ.get("SHOUWEN_CTL", "shouwenctl")
SERVER = os.environ.get("SHOUWEN_SERVER", "shouwen-server")
SERVER_NOW = "2026-12-31T00:00:00+08:00"

DIRECTORY = {
    "BJ01": ("""code,name,parent_code,location,phone,liaison_empno,head_empno,duties
RETAIL1,个人业务部,,营业大厅一楼,010-62000001,R01,RH1,开户;存款;银行卡
CORP1,公司业务部,,二楼东侧,010-62000002,C01,CH1,对公账户;结算
OFFICE1,办公室,,三楼,010-62000003,,L01,协调;督办
""", """empno,name,department_code,rank,title,hire_date,phone,role,kind,availability
R01,王芳,RETAIL1,3,柜员,2010-03-01,13800000001,staff,regular,on_duty
R02,李娜,RETAIL1,3,柜员,2005-07-01,13800000002,staff,regular,on_duty
RH1,刘洋,RETAIL1,8,部门经理,2003-01-01,13800000009,head,regular,on_duty
C01,陈静,CORP1,3,客户经理,2012-01-01,13800000011,staff,regular,on_duty
CH1,黄磊,CORP1,8,部门经理,2002-01-01,13800000019,head,regular,on_duty
L01,高明,OFFICE1,10,行长,1998-01-01,13800000020,head,regular,on_duty
S01,周军,OFFICE1,6,监督员,2008-01-01,13800000022,supervisor,regular,on_duty
U01,孙丽,OFFICE1,5,工会检查员,2009-01-01,13800000023,inspector,regular,on_duty
"""),
    "BJ02": ("""code,name,parent_code,location,phone,liaison_empno,head_empno,duties
RETAIL2,个人业务部,,营业厅,010-63000001,R11,RH2,开户;存款;银行卡
CORP2,公司业务部,,二楼,010-63000002,C11,CH2,对公账户;结算
OFFICE2,办公室,,三楼,010-63000003,,L02,协调;督办
""", """empno,name,department_code,rank,title,hire_date,phone,role,kind,availability
R11,吴刚,RETAIL2,3,柜员,2011-03-01,13900000001,staff,regular,on_duty
RH2,郑强,RETAIL2,8,部门经理,2004-01-01,13900000009,head,regular,on_duty
C11,钱进,CORP2,3,客户经理,2012-05-01,13900000011,staff,regular,on_duty
CH2,冯涛,CORP2,8,部门经理,2002-05-01,13900000019,head,regular,on_duty
L02,许亮,OFFICE2,10,行长,1999-01-01,13900000020,head,regular,on_duty
"""),
}


def day(d, hour=10):
    return f"2026-11-{d:02d}T{hour:02d}:00:00+08:00"


class Ctl:
    def __init__(self, db):
        self.db = db
        self.has_password = set()

    def give_password(self, empno):
        give_password(CTL, self.db, empno, self.has_password)

    def run(self, *args, now=None, as_=None, check=True, stdin=None, timeout=120):
        # every command signs in (the password from SHOUWEN_PASSWORD_FILE):
        # as the administrator "admin" unless the test names someone
        as_ = "admin" if as_ is None else as_
        if as_ and as_ != "admin":
            self.give_password(as_)
        cmd = [CTL, "--db", self.db, "--now", now or day(23)]
        if as_:
            cmd += ["--as", as_]
        cmd += [str(a) for a in args]
        env = {**os.environ, **LEAK_ENV} if STRICT else None
        p = subprocess.run(cmd, capture_output=True, text=True, input=stdin, timeout=timeout, env=env)
        if check and p.returncode != 0:
            raise AssertionError(f"{cmd} failed ({p.returncode}): {p.stderr}")
        return p

    def json(self, *args, **kw):
        return json.loads(self.run("--json", *args, **kw).stdout)

    def sync(self, *args, now=None):
        return self.json("sync", "run", *args, now=now)


class Server:
    def __init__(self, data_dir, log_dir, database=None):
        self.data_dir = data_dir
        # on PostgreSQL, a database of its own (or one shared with another Server)
        self.database = database or (new_pg_database() if ENGINE == "postgresql" else None)
        self.log_dir = log_dir
        self.proc = None
        self._err = None
        self.url = None
        self.port = 0

    def start(self, *extra, now=SERVER_NOW, leak_check=True):
        err = open(os.path.join(self.log_dir, "server.err"), "a")
        args = [SERVER] + self.location() + [
                "--listen", f"127.0.0.1:{self.port}", "--now", now,
                "--access-log", os.path.join(self.log_dir, "access.log")] + list(extra)
        # LeakSanitizer itself crashes with GnuTLS's threads: no leak check with TLS
        env = {**os.environ, **LEAK_ENV} if leak_check else {**os.environ, "ASAN_OPTIONS": "detect_leaks=0"}
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        line = self.proc.stderr.readline()
        self._err = err
        m = re.search(r"listening on (http\S+)", line)
        if not m:
            raise AssertionError(f"server did not start: {line}{self.proc.stderr.read()}")
        self.url = m.group(1)
        self.port = int(self.url.rsplit(":", 1)[1])
        # drain stderr as it comes: a full pipe would stall the server
        self._drain = threading.Thread(target=self._copy_stderr, args=(self.proc.stderr, err), daemon=True)
        self._drain.start()
        return self

    @staticmethod
    def _copy_stderr(pipe, out):
        for line in pipe:
            out.write(line)
            out.flush()

    def stop(self, sig=signal.SIGTERM):
        if self.proc is None:
            return 0
        self.proc.send_signal(sig)
        try:
            rc = self.proc.wait(timeout=30)
            self._drain.join(timeout=10)
        finally:
            self.proc.stderr.close()
            self._err.close()
            self.proc = None
        return rc

    def location(self):
        return ["--database", self.database] if self.database else ["--data-dir", self.data_dir]

    def ctl(self, *args):
        p = subprocess.run([CTL] + [str(a) for a in args] + self.location(),
                           capture_output=True, text=True, timeout=60)
        if p.returncode != 0:
            raise AssertionError(f"{args} failed: {p.stderr}")
        return p.stdout.strip()

    def code(self, branch, *extra):
        return self.ctl("server", "enrol", "--branch", branch, "--days", "90", *extra)

    def db(self):
        if self.database:
            import unittest
            raise unittest.SkipTest("reads the SQLite engine's file")
        return os.path.join(self.data_dir, "shouwen-server.db")

    def query(self, sqlite_sql, pg_sql=None, args=()):
        """Rows of the server's store, whichever its engine: `sqlite_sql` on
        the SQLite engine's file, `pg_sql` (the same when None) through psql
        on PostgreSQL, with `args` (?-placeholders) quoted in as literals."""
        if not self.database:
            return rows(os.path.join(self.data_dir, "shouwen-server.db"), sqlite_sql, args)
        import urllib.parse
        sql = pg_sql or sqlite_sql
        for a in args:
            lit = str(a) if isinstance(a, int) else "'" + str(a).replace("'", "''") + "'"
            sql = sql.replace("?", lit, 1)
        return pg_cluster().rows(sql, db=urllib.parse.urlsplit(self.database).path.lstrip("/"))

    def count_events(self):
        return self.query("SELECT count(*) FROM events", "SELECT count(*) FROM sw_event")[0][0]

    def event_ids(self):
        return {r[0] for r in self.query("SELECT id FROM events", "SELECT event_id FROM sw_event")}

    def case_ids(self):
        return {r[0] for r in self.query("SELECT id FROM cases", "SELECT case_id FROM sw_case")}

    def events_by_case(self, ids=None):
        """{case id: set of its event ids} as the server holds them."""
        out = {}
        for case_id, event_id in self.query("SELECT case_id, id FROM events", "SELECT case_id, event_id FROM sw_event"):
            if ids is None or case_id in ids:
                out.setdefault(case_id, set()).add(event_id)
        return out

    def contacts(self):
        """{case id: (name, phone, unit, address)} as the server holds them."""
        # (psql's text reads a phone number as a whole number: back to text)
        return {r[0]: tuple(None if v is None else str(v) for v in r[1:]) for r in self.query(
            "SELECT case_id, name, phone, unit, address FROM case_contacts",
            "SELECT case_id, body::jsonb ->> 'name', body::jsonb ->> 'phone', body::jsonb ->> 'unit',"
            " body::jsonb ->> 'address' FROM sw_contact")}

    def stored_bytes(self):
        """Every byte the server's store gives away: the SQLite engine's file
        (with its log) as it lies on disk, or a pg_dump of the database."""
        if not self.database:
            out = b""
            for suffix in ("", "-wal"):
                path = os.path.join(self.data_dir, "shouwen-server.db") + suffix
                if os.path.exists(path):
                    with open(path, "rb") as f:
                        out += f.read()
            return out
        import pgcluster
        p = subprocess.run([os.path.join(pgcluster.BIN, "pg_dump"), "-d", self.database],
                           capture_output=True, timeout=120)
        if p.returncode != 0:
            raise AssertionError(f"pg_dump failed: {p.stderr.decode()}")
        return p.stdout

    def backup(self, path):
        """A backup of the server's store as its operators take one: the
        SQLite file through `shouwenctl backup`, or `pg_dump -Fc`."""
        if not self.database:
            Ctl(os.path.join(self.data_dir, "shouwen-server.db")).run("backup", path)
            return
        import pgcluster
        p = subprocess.run([os.path.join(pgcluster.BIN, "pg_dump"), "-Fc", "-f", path, "-d", self.database],
                           capture_output=True, text=True, timeout=120)
        if p.returncode != 0:
            raise AssertionError(f"pg_dump failed: {p.stderr}")

    def put_back(self, path):
        """(The server stopped) the store replaced by an older backup behind
        the server's back: the file copied over, or the database dropped,
        made again and filled by pg_restore."""
        if not self.database:
            db = os.path.join(self.data_dir, "shouwen-server.db")
            for suffix in ("-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            shutil.copy(path, db)
            return
        import urllib.parse
        import pgcluster
        name = urllib.parse.urlsplit(self.database).path.lstrip("/")
        pg_cluster().psql(f'DROP DATABASE "{name}" WITH (FORCE)', db="postgres")
        pg_cluster().psql(f'CREATE DATABASE "{name}" OWNER shouwen', db="postgres")
        p = subprocess.run([os.path.join(pgcluster.BIN, "pg_restore"), "-d", self.database, "--no-owner",
                            "--exit-on-error", path], capture_output=True, text=True, timeout=120)
        if p.returncode != 0:
            raise AssertionError(f"pg_restore failed: {p.stderr}")

    def blob(self, h):
        """The bytes of a complete attached file the server holds, or None."""
        if not self.database:
            try:
                with open(os.path.join(self.data_dir, "shouwen-server.db.files", h[:2], h), "rb") as f:
                    return f.read()
            except FileNotFoundError:
                return None
        r = self.query("", "SELECT encode (string_agg (p.data, ''::bytea ORDER BY p.at), 'hex')"
                           " FROM sw_blob b JOIN sw_blob_part p USING (hash) WHERE b.hash = ? AND b.complete",
                       (h,))
        return bytes.fromhex(r[0][0]) if r and r[0][0] is not None else None

    def blob_partial(self, h):
        """How many bytes of an incomplete file the server holds (None: no
        part of it, or the whole)."""
        if not self.database:
            part = os.path.join(self.data_dir, "shouwen-server.db.files", "tmp", h + ".part")
            return os.path.getsize(part) if os.path.exists(part) else None
        r = self.query("", "SELECT received FROM sw_blob WHERE hash = ? AND NOT complete", (h,))
        return r[0][0] if r else None

    def psql(self, sql):
        """(PostgreSQL) runs `sql` in the server's database; psql's unaligned output."""
        import urllib.parse
        return pg_cluster().psql(sql, db=urllib.parse.urlsplit(self.database).path.lstrip("/"))

    def request(self, method, path, body=None, token=None, raw=None, headers=None, answer_headers=False):
        """(status, body), or (status, body, the answer's headers)."""
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        req = urllib.request.Request(self.url + path, data=data, method=method)
        if token:
            req.add_header("Authorization", "Bearer " + token)
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                status, body, got = r.status, r.read(), r.headers
        except urllib.error.HTTPError as e:
            status, body, got = e.code, e.read(), e.headers
        return (status, body, got) if answer_headers else (status, body)


_SEEDS = {}


def seed_database(branch):
    """A branch's database with its directory imported, made once per test
    process and copied for each world (six shouwenctl runs saved each time)."""
    if branch not in _SEEDS:
        depts, staff = DIRECTORY[branch]
        folder = tempfile.mkdtemp(prefix="shouwen-seed-")
        atexit.register(shutil.rmtree, folder, True)
        db = os.path.join(folder, f"seed-{branch}.db")
        ctl = Ctl(db)
        ctl.run("init", "--branch", branch, "--branch-name", branch)
        for name, text in (("departments", depts), ("staff", staff)):
            path = os.path.join(folder, f"{branch}-{name}.csv")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            ctl.run("import", name, path)
        _SEEDS[branch] = db
    return _SEEDS[branch]


def make_world(tmp, *server_args):
    """Seeds a server with two branches and starts it."""
    seeds = []
    for branch, (depts, staff) in DIRECTORY.items():
        for name, text in (("departments", depts), ("staff", staff)):   # for tests that import them again
            with open(os.path.join(tmp, f"{branch}-{name}.csv"), "w", encoding="utf-8") as f:
                f.write(text)
        db = os.path.join(tmp, f"seed-{branch}.db")
        for suffix in ("", "-wal"):
            if os.path.exists(seed_database(branch) + suffix):
                shutil.copyfile(seed_database(branch) + suffix, db + suffix)
        seeds.append(db)
    server = Server(os.path.join(tmp, "server"), tmp)
    args = ["server", "init"]
    for s in seeds:
        args += ["--from", s]
    server.ctl(*args)
    return server.start(*server_args)


def enrol(server, tmp, name, branch, *extra):
    ctl = Ctl(os.path.join(tmp, name + ".db"))
    ctl.run("sync", "enrol", "--server", server.url, "--code", server.code(branch, *extra))
    return ctl


def rows(db, sql, args=()):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def case_rows(db, ids=None):
    out = {}
    for r in rows(db, "SELECT * FROM cases ORDER BY id"):
        if ids is None or r[0] in ids:
            out[r[0]] = r
    return out


def timelines(db, ids=None):
    out = {}
    for r in rows(db, "SELECT case_id, id, kind, actor, at, hlc_ms, hlc_counter, device, payload"
                      " FROM events ORDER BY case_id, hlc_ms, hlc_counter, device, id"):
        if ids is None or r[0] in ids:
            out.setdefault(r[0], []).append(r[1:])
    return out


def contacts(db):
    return {r[0]: r[1:] for r in rows(db, "SELECT case_id, name, phone, unit, address FROM case_contacts")}


def events_by_case(db, ids=None):
    out = {}
    for case_id, event_id in rows(db, "SELECT case_id, id FROM events"):
        if ids is None or case_id in ids:
            out.setdefault(case_id, set()).add(event_id)
    return out


def conflicts(db):
    return sorted(rows(db, "SELECT case_id, field, kept_event, lost_event, lost_value, resolved_event"
                           " FROM case_conflicts"))


def register(ctl, now, received_by, content, name="张三", phone="13812341234", unit=None):
    extra = ["--customer-unit", unit] if unit else []
    return ctl.json("case", "register", "--channel", "visit", "--kind", "business",
                    "--content", content, "--received-by", received_by,
                    "--customer-name", name, "--customer-phone", phone, *extra, now=now)


def meta(db, key):
    r = rows(db, "SELECT value FROM meta WHERE key = ?", (key,))
    return r[0][0] if r else None


def event_json(case_id, kind="note", hlc_ms=1795000000000, payload=None, device="test-device"):
    import uuid
    return {"id": str(uuid.uuid4()), "case_id": case_id, "kind": kind, "actor": "R01",
            "at": hlc_ms, "hlc_ms": hlc_ms, "hlc_counter": 0, "device": device,
            "payload": payload or {"text": "x"}}
