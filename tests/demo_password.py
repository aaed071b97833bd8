# demo_password.py — the one helper that gives a person the demo password in
# a client database, shared by the Python CLI and sync tests.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess


def give_password(ctl, db, empno, has_password, env=None):
    """The demo password (SHOUWEN_PASSWORD_FILE) for `empno` the way a person
    gets one: the administrator sets a one-time password, the person changes
    it. `has_password` is the caller's set of people already done ("*":
    everybody, after `init --demo`); nothing happens before the database
    exists."""
    if {empno, "*"} & has_password or not os.path.exists(db):
        return
    has_password.add(empno)
    password = os.environ["SHOUWEN_PASSWORD_FILE"]
    for as_ in ("admin", empno):
        subprocess.run([ctl, "--db", db, "--as", as_, "passwd", empno,
                        "--new-password-file", password],
                       capture_output=True, env=env)
