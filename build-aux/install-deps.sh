#!/usr/bin/env bash
# Installs, on Debian 12, whatever Shouwen needs to build, run and test.
# Safe to run again: it installs only the packages that are missing.
set -eu

PACKAGES="
  build-essential meson ninja-build pkg-config gettext itstool
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsoup-3.0-dev libjson-glib-dev libsqlite3-dev sqlite3
  libsodium-dev libical-dev libcairo2-dev libpango1.0-dev
  libxlsxwriter-dev
  libpoppler-glib-dev
  yelp-tools desktop-file-utils appstream
  xvfb xauth xdotool dbus-x11 fonts-noto-cjk imagemagick poppler-utils
  python3 clang openssl
  postgresql-15 postgresql-common libpq-dev
  debhelper dpkg-dev fakeroot lintian
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
