#!/usr/bin/env bash
# Installs what is missing, builds, creates a demo database (once) and opens it.
set -eu
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build

data="${XDG_DATA_HOME:-$HOME/.local/share}/shouwen"
mkdir -p "$data"
db="$data/demo.db"
if [ ! -f "$db" ]; then
  build/src/cli/shouwenctl --db "$db" init --demo
fi

export SHOUWEN_DATADIR="$PWD/data"
if [ -x build/src/app/shouwen ]; then
  exec build/src/app/shouwen --db "$db"
fi
echo "Open cases in $db (every demo person, and admin, signs in with the password shouwen-demo):"
exec build/src/cli/shouwenctl --db "$db" --as admin --password-file "$PWD/tests/data/demo-password" case list --open
