#!/usr/bin/env bash
# Screenshots of the sign-in (empty, after a wrong password), a one-time
# password's change and the lock page at 1366×768 and 1920×1080, the board,
# the registration dialog, the case view and the accountability views
# (findings, record, report, inspections, audit log), the supervisor's
# overview, the
# directory (staff, departments, a bad CSV's problems), the preferences
# pages, the sync indicator's popover and the sync settings, in
# English and Chinese, on a demo database (not a test; output is git-ignored).
#   tests/app/screenshots.sh [BUILD_DIR]      (default: build)
set -eu
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
# a relative build directory is the source tree's; an absolute one stays
case $BUILD in /*) ;; *) BUILD=$PWD/$BUILD ;; esac
OUT=tests/screenshots
mkdir -p "$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$BUILD/src/cli/shouwenctl" --db "$tmp/demo.db" init --demo >/dev/null
# every demo person, and the administrator "admin", has the demo password
export SHOUWEN_AS=admin SHOUWEN_PASSWORD_FILE="$PWD/tests/data/demo-password"
# Findings for the accountability views.
"$BUILD/src/cli/shouwenctl" --db "$tmp/demo.db" check >/dev/null
# The demo's supervisor sees the whole branch.
user=$("$BUILD/src/cli/shouwenctl" --db "$tmp/demo.db" --json staff list |
       python3 -c 'import json,sys; print(next(s["empno"] for s in json.load(sys.stdin) if s["role"]=="supervisor"))')

export SHOUWEN_DATADIR="$PWD/data" SHOUWEN_LOCALEDIR="$BUILD/po"
export GSETTINGS_BACKEND=memory GTK_A11Y=none NO_AT_BRIDGE=1 GDK_BACKEND=x11
export ASAN_OPTIONS=detect_leaks=0 LC_ALL=C.UTF-8
# SW_SCREENSHOTS=board: only the board and the report charts; =trust: the
# sign-in, a new database's first run, the lock and the audit log
for lang in en zh_CN; do
  LANGUAGE=$lang xvfb-run -a -s "-screen 0 1920x1200x24" \
    "$BUILD/tests/app/screenshot-app" "$tmp/demo.db" "$OUT" "$lang" "$user"
done
