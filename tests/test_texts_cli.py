#!/usr/bin/env python3
# test_texts_cli.py — texts in the reader's language (issue 14 item 10): a
# database written under one language and read under the other shows the
# timeline's reasons, the findings, the report's definitions and the
# policies in the reader's language only, never a policy key; findings that
# earlier versions stored as English or Chinese sentences read the same.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import unittest

import test_cli  # the shouwenctl helpers (takes the program from argv)

ZH = {"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"}
EN = {"LANGUAGE": "C", "LC_ALL": "C.UTF-8"}
LATIN = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u4e00-\u9fff]")
KEY = re.compile(r"\b(limit|repeat|pingpong|rating|phrases|ladder|sanction)\.[a-z_]+|\{")


class TextsTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="shouwen-texts-")
        locale_dir = os.environ.get("SHOUWEN_LOCALEDIR")
        self.assertTrue(locale_dir and os.path.isdir(os.path.join(locale_dir, "zh_CN")),
                        "the zh_CN translation is not built")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def demo(self, name, env):
        ctl = test_cli.Ctl(os.path.join(self.dir, name))
        ctl.run("init", "--demo", env=env)
        ctl.run("check", env=env)   # detection, in the writer's language
        return ctl

    def read(self, ctl, env):
        """What a reader sees: findings' details, the registration's reason,
        the report's definitions, the policies."""
        seen = {}
        findings = ctl.json("finding", "list", env=env)
        self.assertGreater(len(findings), 3)
        seen["findings"] = [f["detail"] for f in findings if f["detail"]]
        number = ctl.json("case", "list", env=env)[0]["number"]
        case = ctl.json("case", "show", number, env=env)
        seen["reasons"] = [e["details"]["owner_reason"] for e in case["timeline"]
                           if "owner_reason" in e["details"]]
        self.assertEqual(len(seen["reasons"]), 1)
        report = ctl.json("report", "--from", "2026-01-01", "--to", "2026-12-31", env=env)
        seen["definitions"] = [f["definition"] for f in report["figures"].values()]
        seen["policies"] = ctl.run("policy", "show", env=env).stdout
        return seen

    def test_english_database_read_in_chinese(self):
        ctl = self.demo("en.db", EN)
        seen = self.read(ctl, ZH)
        for text in seen["findings"] + seen["reasons"]:
            self.assertIsNone(LATIN.search(text), text)
            self.assertRegex(text, CJK)
        for text in seen["definitions"]:
            self.assertIsNone(KEY.search(text), text)
        self.assertIn("应在登记或被退回后 1 个工作小时内完成的转办中", "\n".join(seen["definitions"]))
        self.assertIn("1 个工作小时", seen["policies"])
        self.assertIn("30 天", seen["policies"])

    def test_chinese_database_read_in_english(self):
        ctl = self.demo("zh.db", ZH)
        seen = self.read(ctl, EN)
        for text in seen["findings"] + seen["reasons"]:
            # the phrase and a person's name are Chinese in any language
            text = re.sub(r"^\S+ received the request first", "received the request first", text)
            if "forbidden phrase" not in text:
                self.assertIsNone(CJK.search(text), text)
        for text in seen["definitions"]:
            self.assertIsNone(KEY.search(text), text)
        self.assertIn("within 1 working hour of registration", "\n".join(seen["definitions"]))
        self.assertIn("1 working hour", seen["policies"])

    def test_sentences_of_earlier_versions(self):
        """Findings stored before codes, in either language, render in the
        reader's language."""
        ctl = self.demo("old.db", EN)
        db = sqlite3.connect(ctl.db)
        ids = [r[0] for r in db.execute("SELECT id FROM findings WHERE detail LIKE '{\"code\":\"due\"%' LIMIT 2")]
        self.assertEqual(len(ids), 2)
        db.execute("UPDATE findings SET detail = 'Due 2026-12-03 12:48; 38 working minutes late' WHERE id = ?", (ids[0],))
        db.execute("UPDATE findings SET detail = '限办时间 2026-09-09 17:00；超时 3.7 小时（按工作时间计）' WHERE id = ?",
                   (ids[1],))
        db.commit()
        db.close()
        zh = {f["id"]: f["detail"] for f in ctl.json("finding", "list", env=ZH)}
        en = {f["id"]: f["detail"] for f in ctl.json("finding", "list", env=EN)}
        self.assertEqual(zh[ids[0]], "限办时间 2026-12-03 12:48；超时 38 分钟（按工作时间计）")
        self.assertEqual(en[ids[0]], "Due 2026-12-03 12:48; 38 working minutes late")
        self.assertEqual(zh[ids[1]], "限办时间 2026-09-09 17:00；超时 3.7 小时（按工作时间计）")
        self.assertEqual(en[ids[1]], "Due 2026-09-09 17:00; 3.7 working hours late")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]])
