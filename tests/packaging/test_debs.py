# test_debs.py — builds the Debian packages, installs them with apt, checks what they installed, purges them and puts the machine back as it was.
#
#   python3 test_debs.py SOURCE_ROOT OUTPUT_DIR
#
# Needs root and apt (else it skips, exit 77). The packages are built with
# build-aux/build-debs.sh into OUTPUT_DIR (lintian errors fail the build);
# SHOUWEN_DEBS_DIR names a folder of already built ones instead. The machine is
# left as it was found: packages the install pulled in are purged again, and
# the user shouwen and /var/lib/shouwen (which a purge keeps, by design) are
# removed when the test made them. It skips when shouwen or shouwen-server is
# already installed, and when SHOUWEN_TEST_DEBS=0.
import glob
import grp
import json
import os
import pwd
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

SKIP = 77
PACKAGES = ("shouwen", "shouwen-server")
DATA_DIR = "/var/lib/shouwen"
failures = []


def log(msg):
    print(msg, flush=True)


def check(cond, what):
    log(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)
    return cond


def run(cmd, check_rc=True, **kw):
    log("$ " + " ".join(cmd))
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)
    if p.stdout:
        log(p.stdout.rstrip())
    if check_rc and p.returncode != 0:
        raise RuntimeError(f"{cmd[0]} exited {p.returncode}")
    return p


def installed_packages():
    out = subprocess.run(["dpkg-query", "-W", "-f", "${Package}:${Architecture} ${Status}\n"],
                         stdout=subprocess.PIPE, text=True, check=True).stdout
    return {line.split()[0] for line in out.splitlines() if line.endswith(" installed")}


def package_state(name):
    p = subprocess.run(["dpkg-query", "-W", "-f", "${Status}", name],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return p.stdout.strip() if p.returncode == 0 else "not-installed"


def deb_paths(deb):
    out = subprocess.run(["dpkg-deb", "--fsys-tarfile", deb], stdout=subprocess.PIPE, check=True).stdout
    names = subprocess.run(["tar", "-t"], input=out, stdout=subprocess.PIPE, check=True).stdout
    paths = []
    for n in names.decode().splitlines():
        n = n[1:] if n.startswith(".") else n
        n = n.rstrip("/")
        if n:
            paths.append(n)
    return paths


def user_exists(name):
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def group_exists(name):
    try:
        grp.getgrnam(name)
        return True
    except KeyError:
        return False


def serve_and_probe():
    """Starts the installed server as the user shouwen with the packaged config."""
    data = tempfile.mkdtemp(prefix="shouwen-debs-data-")
    pw = pwd.getpwnam("shouwen")
    os.chown(data, pw.pw_uid, pw.pw_gid)
    cmd = ["/usr/bin/shouwen-server",
           "--config", "/etc/shouwen/server.conf", "--listen", "127.0.0.1:0", "--data-dir", data]
    log("$ (as shouwen) " + " ".join(cmd))
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            user=pw.pw_uid, group=pw.pw_gid, extra_groups=[], cwd=data,
                            env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}, start_new_session=True)
    try:
        bound = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            log("  server: " + line.rstrip())
            m = re.search(r"listening on (\S+)", line)
            if m:
                bound = m.group(1)
                break
        if not check(bound is not None, "the server listens with /etc/shouwen/server.conf"):
            return
        base = bound if "://" in bound else "http://" + bound  # it prints a URL
        url = base.rstrip("/") + "/healthz"
        with urllib.request.urlopen(url, timeout=10) as r:
            body = json.loads(r.read().decode())
        log(f"  GET {url} -> {body}")
        check(body.get("status") == "ok", "/healthz answers status ok")
        check(os.path.exists(os.path.join(data, "shouwen-server.db")),
              "the server, as the user shouwen, wrote its database in --data-dir")
        os.killpg(proc.pid, signal.SIGTERM)
        rc = proc.wait(timeout=20)
        check(rc == 0, f"the server stops on SIGTERM with status 0 (got {rc})")
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        shutil.rmtree(data, ignore_errors=True)


def check_installed(version):
    p = run(["shouwenctl", "--version"], check_rc=False)
    check(p.returncode == 0 and version in p.stdout, "shouwenctl --version runs")
    p = run(["shouwen-server", "--version"], check_rc=False)
    check(p.returncode == 0 and version in p.stdout, "shouwen-server --version runs")
    check(shutil.which("shouwen") == "/usr/bin/shouwen", "the app is /usr/bin/shouwen")

    for lang in ("C", "zh_CN"):
        check(os.path.isfile(f"/usr/share/help/{lang}/shouwen/index.page"),
              f"the help is at /usr/share/help/{lang}/shouwen/index.page")
    desktop = "/usr/share/applications/io.github.shouwen.Shouwen.desktop"
    metainfo = "/usr/share/metainfo/io.github.shouwen.Shouwen.metainfo.xml"
    check(run(["desktop-file-validate", desktop], check_rc=False).returncode == 0,
          "desktop-file-validate passes on the installed desktop file")
    check(run(["appstreamcli", "validate", "--no-net", metainfo], check_rc=False).returncode == 0,
          "appstreamcli validate --no-net passes on the installed metainfo")
    check(os.path.isfile("/usr/share/glib-2.0/schemas/io.github.shouwen.Shouwen.gschema.xml"),
          "the GSettings schema is installed")
    check(os.path.isfile("/usr/share/locale/zh_CN/LC_MESSAGES/shouwen.mo"), "the zh_CN catalogue is installed")
    check(os.path.isfile("/usr/share/doc/shouwen-server/examples/haproxy.cfg"), "the haproxy example is installed")

    conf = open("/etc/shouwen/server.conf", encoding="utf-8").read()
    check("[server]" in conf and "\nlisten=127.0.0.1:8642" in conf and "\ndata-dir=/var/lib/shouwen" in conf,
          "/etc/shouwen/server.conf: [server], listen=127.0.0.1:8642, data-dir=/var/lib/shouwen")
    conffiles = subprocess.run(["dpkg-query", "-W", "-f", "${Conffiles}", "shouwen-server"],
                               stdout=subprocess.PIPE, text=True).stdout
    check("/etc/shouwen/server.conf" in conffiles, "/etc/shouwen/server.conf is a conffile")
    check(user_exists("shouwen"), "the system user shouwen exists")
    if check(os.path.isdir(DATA_DIR), f"{DATA_DIR} exists"):
        st = os.stat(DATA_DIR)
        check(st.st_uid == pwd.getpwnam("shouwen").pw_uid and (st.st_mode & 0o7777) == 0o750,
              f"{DATA_DIR} belongs to shouwen, mode 0750")

    unit = "/lib/systemd/system/shouwen-server.service"
    if check(os.path.isfile(unit), f"the unit is {unit}"):
        text = open(unit, encoding="utf-8").read()
        for key in ("User=shouwen", "StateDirectory=shouwen", "ProtectSystem=strict", "ProtectHome=yes",
                    "NoNewPrivileges=yes", "PrivateTmp=yes",
                    "ExecStart=/usr/bin/shouwen-server --config /etc/shouwen/server.conf"):
            check(key in text, f"the unit has {key}")
        if shutil.which("systemd-analyze"):
            check(run(["systemd-analyze", "verify", "--man=no", unit], check_rc=False).returncode == 0,
                  "systemd-analyze verify passes on the unit")
            p = subprocess.run(["systemd-analyze", "security", "--offline=yes", unit],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            m = re.search(r"Overall exposure level for \S+: ([0-9.]+).*", p.stdout)
            log("$ systemd-analyze security --offline=yes " + unit + "\n" + (m.group(0) if m else p.stdout))
            check(m is not None and float(m.group(1)) <= 2.0,
                  "systemd-analyze security rates the unit 2.0 or better")
        else:
            log("skip systemd-analyze: not installed")

    serve_and_probe()


def main():
    if len(sys.argv) != 3:
        print(__doc__ or "usage: test_debs.py SOURCE_ROOT OUTPUT_DIR", file=sys.stderr)
        return 2
    root, out = sys.argv[1], sys.argv[2]
    if os.environ.get("SHOUWEN_TEST_DEBS") == "0":
        log("SKIP: SHOUWEN_TEST_DEBS=0")
        return SKIP
    if os.geteuid() != 0:
        log("SKIP: installing packages needs root")
        return SKIP
    for tool in ("apt-get", "dpkg", "dpkg-query", "dpkg-deb"):
        if shutil.which(tool) is None:
            log(f"SKIP: {tool} is not available (not a Debian system?)")
            return SKIP
    for name in PACKAGES:
        state = package_state(name)
        if state != "not-installed" and not state.endswith("not-installed"):
            log(f"SKIP: {name} is already on this machine ({state}); the test would replace it")
            return SKIP

    start = time.monotonic()
    debs_dir = os.environ.get("SHOUWEN_DEBS_DIR")
    if not debs_dir:
        debs_dir = out
        run(["bash", os.path.join(root, "build-aux", "build-debs.sh"), "--output", debs_dir])
        log(f"built in {time.monotonic() - start:.0f} s")
    debs = [sorted(glob.glob(os.path.join(debs_dir, f"{n}_*.deb")))[-1:] for n in PACKAGES]
    if not all(debs):
        log(f"FAIL: no shouwen_*.deb and shouwen-server_*.deb in {debs_dir}")
        return 1
    debs = [d[0] for d in debs]
    version = subprocess.run(["dpkg-deb", "-f", debs[0], "Version"], stdout=subprocess.PIPE,
                             text=True, check=True).stdout.strip()

    before = installed_packages()
    had_user, had_group = user_exists("shouwen"), group_exists("shouwen")
    had_data, had_logs = os.path.exists(DATA_DIR), os.path.exists("/var/log/shouwen")
    paths = sorted({p for d in debs for p in deb_paths(d)})
    existed = {p for p in paths if os.path.lexists(p)}
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    installed = False
    try:
        # Recommends (yelp) are left out: they would only make the test slower.
        run(["apt-get", "install", "-y", "--no-install-recommends"] + [os.path.abspath(d) for d in debs],
            env=env)
        installed = True
        check_installed(version)

        p = run(["apt-get", "purge", "-y"] + list(PACKAGES), env=env)
        installed = False
        for name in PACKAGES:
            check(package_state(name) == "not-installed" or package_state(name).endswith("not-installed"),
                  f"{name} is gone after purge, configuration included ({package_state(name)})")
        left = [q for q in paths if q not in existed and os.path.lexists(q)]
        check(not left, "nothing the packages installed is left after purge" + (f": {left}" if left else ""))
        check(not glob.glob("/etc/systemd/system/*/shouwen-server.service"),
              "the service's enablement links are gone after purge")
        for gone in ("/etc/shouwen", "/var/log/shouwen"):
            if gone != "/var/log/shouwen" or not had_logs:
                check(not os.path.exists(gone), f"{gone} is gone after purge")
        check(os.path.isdir(DATA_DIR), f"purge keeps {DATA_DIR}")
        check(f"data in {DATA_DIR}" in p.stdout and "kept" in p.stdout, "purge says that it keeps the data")
    except Exception as e:  # a command failed: report, then clean up
        failures.append(str(e))
        log(f"FAIL {e}")
    finally:
        if installed:
            subprocess.run(["apt-get", "purge", "-y"] + list(PACKAGES), env=env)
        new = sorted(installed_packages() - before)
        if new:
            log("purging the packages the install pulled in: " + " ".join(new))
            subprocess.run(["apt-get", "purge", "-y"] + new, env=env)
        if not had_data:
            shutil.rmtree(DATA_DIR, ignore_errors=True)
        if not had_user and user_exists("shouwen"):
            subprocess.run(["deluser", "--quiet", "--system", "shouwen"], stderr=subprocess.DEVNULL)
        if not had_group and group_exists("shouwen"):
            subprocess.run(["delgroup", "--quiet", "--system", "shouwen"], stderr=subprocess.DEVNULL)
    check(installed_packages() == before, "the machine's packages are as before")
    check(user_exists("shouwen") == had_user and os.path.exists(DATA_DIR) == had_data,
          "the user shouwen and /var/lib/shouwen are as before")

    log(f"test_debs: {time.monotonic() - start:.0f} s")
    if failures:
        log(f"{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
