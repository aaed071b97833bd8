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

# Chinese text takes full-width punctuation: a half-width , : ; ( ) or !
# between two Chinese characters (spaces around it allowed) is an error. A
# mnemonic "(_A)" is not Chinese text, nor a desktop file's keyword list
# (its msgid ends with ";").
for po in po/zh_CN.po help/zh_CN/zh_CN.po; do
  if ! python3 - "$po" <<'PY'
import re, sys
han = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
bad = re.compile("(?<=[" + han + "]) *[,:;()!] *(?=[" + han + "])")
def unquote(line):
    return line[line.index('"') + 1:line.rindex('"')]
entries, cur, key, line_no = [], {}, None, 0
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    line = line.rstrip("\n")
    m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "', line)
    if m:
        if m.group(1) in ("msgctxt", "msgid") and "msgstr" in "".join(cur):
            entries.append(cur); cur = {}
        key = m.group(1); cur[key] = unquote(line); cur.setdefault("line", n)
    elif line.startswith('"') and key:
        cur[key] += unquote(line)
    elif not line.strip():
        if cur: entries.append(cur)
        cur, key = {}, None
if cur: entries.append(cur)
found = 0
for e in entries:
    if e.get("msgid", "").endswith(";"):
        continue
    for k, v in e.items():
        if k.startswith("msgstr"):
            for m in bad.finditer(v):
                print("%s:%s: half-width “%s” between Chinese characters: %s"
                      % (sys.argv[1], e["line"], m.group().strip(), v))
                found += 1
sys.exit(1 if found else 0)
PY
  then
    echo "$po: use full-width punctuation （，：；（）！） in Chinese text"
    status=1
  fi
done
[ $status -eq 0 ] && echo "po/zh_CN.po and help/zh_CN/zh_CN.po are complete"
exit $status
