#!/usr/bin/env bash
# build-fuzz.sh — builds the libFuzzer target with clang (ASan + UBSan) and
# runs it. Usage: tests/fuzz/build-fuzz.sh BUILD-DIR [libFuzzer options…]
# e.g. tests/fuzz/build-fuzz.sh build-sync -runs=1000000
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$(cd "${1:?the meson build directory, for config.h}" && pwd)
shift
out="$build/fuzz"
mkdir -p "$out/corpus"
core="$src/src/core"
# shellcheck disable=SC2046
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$build" $(for d in base model rules replica store ops accountability; do printf -- "-I$core/%s " $d; done) $(pkg-config --cflags glib-2.0 gobject-2.0 json-glib-1.0 libsodium) \
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
  "$here/fuzz-push.c" "$core/replica/sw-protocol.c" "$core/rules/sw-mask.c" "$core/base/sw-uuid.c" "$core/base/sw-types.c" \
  "$core/model/sw-case-event.c" "$core/base/sw-fields.c" "$core/base/sw-json.c" "$core/base/sw-json-reader.c" "$core/model/sw-audit-entry.c" \
  $(pkg-config --libs glib-2.0 gobject-2.0 json-glib-1.0 libsodium) -o "$out/fuzz-push"
cp -n "$here"/corpus/* "$out/corpus/" 2>/dev/null || true
export ASAN_OPTIONS=detect_leaks=1
exec "$out/fuzz-push" "$out/corpus" -max_len=65536 "$@"
