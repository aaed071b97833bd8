# pgcluster.py — a throwaway PostgreSQL 15 cluster for the tests: initdb and
# pg_ctl run as the `postgres` user in a temporary folder, listening on a
# Unix socket only, on a port chosen free; one cluster per test file.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import pwd
import shutil
import socket
import subprocess
import tempfile

BIN = os.environ.get("SHOUWEN_PG_BIN", "/usr/lib/postgresql/15/bin")


def available():
    """Whether a cluster can be started here (the binaries exist and we can
    run them as a user other than root)."""
    if not os.path.exists(os.path.join(BIN, "initdb")):
        return False
    if os.getuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return False
    return True


def _free_port():
    # The socket is a Unix one, but its file name carries the port: take a
    # number no TCP listener uses so that two clusters never share a name.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="sw-pg-")
        os.chmod(self.dir, 0o755)
        self.data = os.path.join(self.dir, "data")
        self.sock = os.path.join(self.dir, "sock")
        os.mkdir(self.sock)
        self.port = _free_port()
        self.user = None
        if os.getuid() == 0:
            self.user = pwd.getpwnam("postgres")
            for d in (self.dir, self.sock):
                os.chown(d, self.user.pw_uid, self.user.pw_gid)
        self.started = False

    def _as_owner(self, cmd, **kw):
        if self.user is not None:
            u = self.user

            def demote():
                os.setgid(u.pw_gid)
                os.setuid(u.pw_uid)
            kw["preexec_fn"] = demote
            kw.setdefault("env", {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                                  "HOME": self.dir, "LC_ALL": "C.UTF-8"})
        return subprocess.run(cmd, capture_output=True, text=True, **kw)

    def start(self, durable=False):
        """The tests' cluster skips fsync; a durable one (the benchmarks')
        keeps PostgreSQL's defaults, with room for two server processes'
        connections and 256 MB of shared buffers."""
        p = self._as_owner([os.path.join(BIN, "initdb"), "-D", self.data, "-U", "postgres",
                            "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C.UTF-8"])
        if p.returncode != 0:
            raise RuntimeError("initdb failed: " + p.stderr)
        opts = (f"-c listen_addresses='' -c unix_socket_directories='{self.sock}' -c port={self.port} "
                + ("-c max_connections=300 -c shared_buffers=256MB" if durable else
                   "-c fsync=off -c full_page_writes=off -c max_connections=100"))
        p = self._as_owner([os.path.join(BIN, "pg_ctl"), "-D", self.data, "-w", "-t", "60",
                            "-l", os.path.join(self.dir, "log"), "-o", opts, "start"])
        if p.returncode != 0:
            raise RuntimeError("pg_ctl start failed: " + p.stderr + self.log())
        self.started = True
        self.psql("CREATE ROLE shouwen LOGIN", db="postgres")
        return self

    def log(self):
        try:
            with open(os.path.join(self.dir, "log")) as f:
                return f.read()
        except OSError:
            return ""

    def create_db(self, name):
        """A fresh database owned by the role `shouwen`; its URI."""
        self.psql(f'CREATE DATABASE "{name}" OWNER shouwen', db="postgres")
        return self.uri(name)

    def uri(self, name, user="shouwen"):
        return f"postgresql://{user}@/{name}?host={self.sock}&port={self.port}"

    def psql(self, sql, db="postgres", user="postgres", check=True, timeout=120):
        """Runs `sql` through psql (stops at the first error); its
        unaligned, tuples-only output."""
        cmd = ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", self.sock,
               "-p", str(self.port), "-U", user, "-d", db]
        p = subprocess.run(cmd, input=sql, capture_output=True, text=True, timeout=timeout)
        if check and p.returncode != 0:
            raise AssertionError(f"psql failed ({p.returncode}): {p.stderr}\n{sql}")
        return p.stdout

    def rows(self, sql, db="postgres", user="postgres"):
        """The rows of one query, as tuples of text (None for NULL; a whole
        number as an int)."""
        cmd = ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-F", "\x1f", "-R", "\x1e",
               "-P", "null=\x1d", "-h", self.sock, "-p", str(self.port), "-U", user, "-d", db]
        p = subprocess.run(cmd, input=sql, capture_output=True, text=True, timeout=120)
        if p.returncode != 0:
            raise AssertionError(f"psql failed ({p.returncode}): {p.stderr}\n{sql}")

        def value(v):
            if v == "\x1d":
                return None
            return int(v) if v.lstrip("-").isdigit() else v
        out = p.stdout.rstrip("\n")
        return [tuple(value(v) for v in r.split("\x1f")) for r in out.split("\x1e")] if out else []

    def stop(self):
        if self.started:
            self._as_owner([os.path.join(BIN, "pg_ctl"), "-D", self.data, "-m", "immediate",
                            "-w", "stop"])
            self.started = False
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
