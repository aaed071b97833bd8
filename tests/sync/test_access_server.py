#!/usr/bin/env python3
# test_access_server.py — the server's rows of the access matrix (issue 13):
# for every role × a case of the own department / another department /
# another branch, what the server's pull and case reads give (present or
# absent, whole or masked) and that a forbidden push is refused. The server
# scopes by the device a person signs in on (the access policy's
# sw_access_device_*): staff, heads, supervisors and administrators use
# their branch's devices, which receive the branch's customers whole (the
# device then masks per person through the same policy); an inspector's and
# a head office's devices receive every branch masked and write nothing.
# One server, one pull per device; SHOUWEN_TEST_ENGINE=postgresql runs it on
# PostgreSQL.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import shutil
import sys
import tempfile
import unittest

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)

import syncenv  # noqa: E402
from syncenv import day, enrol, event_json, make_world, meta, register  # noqa: E402

# role → (a person of BJ01 with it, the device kind they sign in on)
ROLES = {
    "staff": ("R01", "branch"),
    "head": ("RH1", "branch"),
    "supervisor": ("S01", "branch"),
    "administrator": ("admin", "branch"),
    "inspector": ("U01", "inspector"),
    "head office": (None, "head_office"),
}
# what each device kind receives of a case: own department (RETAIL1),
# another department (CORP1), another branch (BJ02): "whole", "masked" or
# None (absent; 403 on a read)
EXPECTED = {
    "branch": {"own": "whole", "other_dept": "whole", "other_branch": None},
    "inspector": {"own": "masked", "other_dept": "masked", "other_branch": "masked"},
    "head_office": {"own": "masked", "other_dept": "masked", "other_branch": "masked"},
}
# what each device kind may push onto a case of each place
PUSH = {
    "branch": {"own": True, "other_dept": True, "other_branch": False},
    "inspector": {"own": False, "other_dept": False, "other_branch": False},
    "head_office": {"own": False, "other_dept": False, "other_branch": False},
}
CUSTOMERS = {
    "own": ("欧阳明月", "13812341234", "浙江明远科技有限公司"),
    "other_dept": ("司马青云", "13987654321", "江苏长风贸易有限公司"),
    "other_branch": ("上官紫烟", "13611112222", "广东南海实业有限公司"),
}


class AccessServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="shouwen-access-srv-")
        cls.server = make_world(cls.tmp)
        a = enrol(cls.server, cls.tmp, "a", "BJ01")
        b = enrol(cls.server, cls.tmp, "b", "BJ02")
        cls.devices = {
            "branch": a,
            "inspector": enrol(cls.server, cls.tmp, "u", "BJ01", "--inspector"),
            "head_office": enrol(cls.server, cls.tmp, "h", "BJ01", "--head-office"),
        }
        cls.cases = {}
        for place, ctl, by in (("own", a, "R01"), ("other_dept", a, "C01"), ("other_branch", b, "R11")):
            name, phone, unit = CUSTOMERS[place]
            cls.cases[place] = register(ctl, day(23), by, "账户咨询", name=name, phone=phone, unit=unit)["id"]
        a.sync(now=day(23, 11))
        b.sync(now=day(23, 11))
        cls.tokens = {kind: meta(ctl.db, "sync_token") for kind, ctl in cls.devices.items()}
        # one pull per device kind
        cls.pulls = {}
        for kind, token in cls.tokens.items():
            status, body = cls.server.request("GET", "/api/v1/sync/pull?since=0&limit=1000", token=token)
            assert status == 200, (kind, status, body)
            cls.pulls[kind] = body

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp)

    def assert_shows(self, body, place, how, what):
        name, phone, unit = CUSTOMERS[place]
        case_id = self.cases[place].encode()
        if how is None:
            self.assertNotIn(case_id, body, what)
        else:
            self.assertIn(case_id, body, what)
        for secret in (name, name[1:], phone, unit, unit[2:]):
            if how == "whole" and secret in (name, phone, unit):
                self.assertIn(secret.encode(), body, what)
            elif how != "whole":
                self.assertNotIn(secret.encode(), body, what)
        if how == "masked":
            self.assertIn((phone[:3] + "****" + phone[-4:]).encode(), body, what)
            self.assertIn((name[0] + "*" * (len(name) - 1)).encode(), body, what)

    def test_pull(self):
        for role, (_, kind) in ROLES.items():
            for place, how in EXPECTED[kind].items():
                with self.subTest(role=role, place=place):
                    self.assert_shows(self.pulls[kind], place, how, f"{role} pull {place}")
        # the pull's contacts: masked ones never carry what an amend replaced
        contacts = json.loads(self.pulls["inspector"])["contacts"]
        self.assertTrue(contacts)
        self.assertFalse(any("earlier" in c for c in contacts))

    def test_case_read(self):
        for kind in EXPECTED:
            for place, how in EXPECTED[kind].items():
                with self.subTest(device=kind, place=place):
                    status, body = self.server.request("GET", f"/api/v1/cases/{self.cases[place]}",
                                                       token=self.tokens[kind])
                    if how is None:
                        self.assertEqual((status, json.loads(body)["error"]["code"]), (403, "forbidden"))
                    else:
                        self.assertEqual(status, 200)
                        self.assert_shows(body, place, how, f"{kind} read {place}")

    def test_push(self):
        refused = []
        for kind in PUSH:
            for place, allowed in PUSH[kind].items():
                with self.subTest(device=kind, place=place):
                    event = event_json(self.cases[place])
                    status, body = self.server.request("POST", "/api/v1/sync/push", {"events": [event]},
                                                       token=self.tokens[kind])
                    if allowed:
                        self.assertEqual(status, 200, body)
                        self.assertEqual(json.loads(body)["results"][0]["status"], "ok")
                    else:
                        self.assertEqual((status, json.loads(body)["error"]["code"]), (403, "forbidden"))
                        refused.append(event["id"])
        # nothing refused was stored
        for place in CUSTOMERS:
            status, body = self.server.request("GET", f"/api/v1/cases/{self.cases[place]}",
                                               token=self.tokens["inspector"])
            stored = {e["id"] for e in json.loads(body)["events"]}
            self.assertFalse(stored & set(refused), place)

if __name__ == "__main__":
    unittest.main(verbosity=2)
