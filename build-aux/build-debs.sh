#!/usr/bin/env bash
# Builds the Debian packages shouwen and shouwen-server from this repository, in a temporary copy, and checks them with lintian.
#
#   build-aux/build-debs.sh [--output DIR] [--no-lintian] [--no-check]
#
# Installs what is missing (build-aux/install-deps.sh), copies the files git
# knows (tracked or not ignored; everything but build folders without git)
# into a temporary folder, runs dpkg-buildpackage there and leaves the .deb
# files in DIR (default: build-debs/ at the root of the repository). The
# source tree is left as it was. --no-check skips the data checks of the
# package build (DEB_BUILD_OPTIONS=nocheck); --no-lintian skips lintian.
# Exits non-zero when the build fails or lintian reports an error.
set -eu
cd "$(dirname "$0")/.."
root=$PWD

out="$root/build-debs"
lintian=yes
nocheck=
while [ $# -gt 0 ]; do
  case "$1" in
    --output) out=$2; shift 2 ;;
    --output=*) out=${1#--output=}; shift ;;
    --no-lintian) lintian=no; shift ;;
    --no-check) nocheck=nocheck; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-debs.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$out" in /*) ;; *) out="$root/$out" ;; esac

bash build-aux/install-deps.sh

# The version is meson's; debian/changelog must name it.
version=$(sed -n "s/^ *version: *'\([^']*\)'.*/\1/p" meson.build | head -n 1)
deb_version=$(dpkg-parsechangelog -l debian/changelog -S Version)
if [ "${deb_version%%-*}" != "$version" ]; then
  echo "build-debs.sh: meson.build says version $version but debian/changelog's" \
       "last entry is $deb_version; add an entry for $version to debian/changelog" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/shouwen-debs.XXXXXX")
trap 'rm -rf "$work"' EXIT
src="$work/shouwen-$version"
mkdir "$src"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$root" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
    tar -C "$root" --null -T - -cf - | tar -C "$src" -xf -
else
  tar -C "$root" --exclude='./build*' --exclude='./_build' -cf - . | tar -C "$src" -xf -
  cp -a "$root/build-aux" "$src/"
fi

echo "Building shouwen $deb_version in $src"
start=$(date +%s)
(
  cd "$src"
  export DEB_BUILD_OPTIONS="noautodbgsym ${nocheck} ${DEB_BUILD_OPTIONS:-}"
  dpkg-buildpackage -b -us -uc -J"$(nproc)"
)
echo "Built in $(( $(date +%s) - start )) s"

mkdir -p "$out"
rm -f "$out"/shouwen_*.deb "$out"/shouwen-server_*.deb "$out"/shouwen_*.changes "$out"/shouwen_*.buildinfo
cp "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$out/"
echo "Packages in $out:"
ls -l "$out"/*.deb

if [ "$lintian" = yes ]; then
  echo "lintian:"
  # --fail-on error: warnings are listed, errors fail the build
  lintian --fail-on error --display-info "$out"/shouwen_"$deb_version"_*.changes
fi
