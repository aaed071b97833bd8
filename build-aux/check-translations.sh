#!/bin/sh
# check-translations.sh SOURCE_ROOT — every message the sources and the help
# pages have today is translated (not fuzzy) in po/zh_CN.po and
# help/zh_CN/zh_CN.po. The keywords are those of meson's glib preset.
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"

xgettext --package-name=shouwen --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  -f po/POTFILES.in -o "$tmp/app.pot"
itstool -o "$tmp/help.pot" help/C/*.page

status=0
for pair in "po/zh_CN.po:$tmp/app.pot" "help/zh_CN/zh_CN.po:$tmp/help.pot"; do
  po=${pair%%:*}
  pot=${pair#*:}
  if ! msgcmp "$po" "$pot" 2>"$tmp/err"; then
    echo "$po lacks translations of these messages:"
    cat "$tmp/err"
    status=1
  fi
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid' || true)
  if [ "$fuzzy" -gt 0 ]; then
    echo "$po has fuzzy entries:"
    msgattrib --only-fuzzy --no-obsolete "$po"
    status=1
  fi
done
[ $status -eq 0 ] && echo "po/zh_CN.po and help/zh_CN/zh_CN.po are complete"
exit $status
