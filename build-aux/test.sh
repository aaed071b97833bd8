#!/usr/bin/env bash
# The test command: installs what is missing, builds with -Werror and
# AddressSanitizer/UndefinedBehaviorSanitizer, runs every test, and ends with
# the line "N passed, N failed".
set -u
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh || { echo "0 passed, 1 failed"; exit 1; }

BUILD=${BUILD_DIR:-build-tests}
if [ -f "$BUILD/build.ninja" ]; then
  meson setup --reconfigure "$BUILD" -Dwerror=true -Db_sanitize=address,undefined -Dtest_password_costs=true >/dev/null
else
  meson setup "$BUILD" -Dwerror=true -Db_sanitize=address,undefined -Dtest_password_costs=true
fi || { echo "0 passed, 1 failed"; exit 1; }

if ! meson compile -C "$BUILD"; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

meson test -C "$BUILD" --print-errorlogs --num-processes 2 "$@"
status=$?

python3 - "$BUILD/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)["result"]
        if r in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif r == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
PY
exit $status
