#!/usr/bin/env python3
# test_cli.py — drives shouwenctl as a user or a script would: a case through
# register → transfer → accept → reply → callback → close with the JSON
# checked at each step, bad CSV, exports that cannot execute, a corrupt
# database, usage errors, --help.
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from demo_password import give_password  # noqa: E402

CTL = sys.argv.pop(1) if len(sys.argv) > 1 else "shouwenctl"
NOW = "2026-11-23T10:00:00+08:00"

DEPARTMENTS = """code,name,parent_code,location,phone,liaison_empno,head_empno,duties
RETAIL,个人业务部,,营业大厅一楼,010-62000001,R01,RH,开户;存款;银行卡
CORP,公司业务部,,二楼东侧,010-62000002,C01,CH,对公账户;结算
OFFICE,办公室,,三楼,010-62000003,,L01,协调;督办
"""

STAFF = """empno,name,department_code,rank,title,hire_date,phone,role,kind,availability
R01,王芳,RETAIL,3,柜员,2010-03-01,13800000001,staff,regular,on_duty
R02,李娜,RETAIL,3,柜员,2005-07-01,13800000002,staff,regular,on_duty
R04,赵敏,RETAIL,9,保安,2001-01-01,13800000004,staff,temporary,on_duty
RH,刘洋,RETAIL,8,部门经理,2003-01-01,13800000009,head,regular,on_duty
C01,陈静,CORP,3,客户经理,2012-01-01,13800000011,staff,regular,on_duty
C02,杨帆,CORP,3,客户经理,2013-01-01,13800000012,staff,regular,on_duty
CH,黄磊,CORP,8,部门经理,2002-01-01,13800000019,head,regular,on_duty
L01,高明,OFFICE,10,行长,1998-01-01,13800000020,head,regular,on_duty
A01,何平,OFFICE,4,系统管理员,2016-01-01,13800000021,admin,regular,on_duty
"""


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


class Ctl:
    def __init__(self, db):
        self.db = db
        self.has_password = set()

    def give_password(self, empno):
        give_password(CTL, self.db, empno, self.has_password)

    def run(self, *args, now=NOW, as_=None, check=True, env=None):
        # every command signs in (the password from SHOUWEN_PASSWORD_FILE):
        # as the administrator "admin" unless the test names someone ("": nobody)
        as_ = "admin" if as_ is None else as_
        if as_ and as_ != "admin":
            self.give_password(as_)
        cmd = [CTL, "--db", self.db, "--now", now]
        if as_:
            cmd += ["--as", as_]
        cmd += list(args)
        p = subprocess.run(cmd, capture_output=True, text=True,
                           env={**os.environ, **(env or {})})
        if "init" in args and "--demo" in args:
            self.has_password.add("*")
        if check and p.returncode != 0:
            raise AssertionError(f"{cmd} failed ({p.returncode}): {p.stderr}")
        return p

    def json(self, *args, **kw):
        p = self.run("--json", *args, **kw)
        return json.loads(p.stdout)


class CliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="shouwen-cli-")
        self.db = os.path.join(self.dir, "test.db")
        self.ctl = Ctl(self.db)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def init_directory(self):
        self.ctl.run("init", "--branch", "BJ01", "--branch-name", "海淀支行")
        self.ctl.run("import", "departments", self.write("d.csv", DEPARTMENTS))
        self.ctl.run("import", "staff", self.write("s.csv", STAFF))

    def test_petition(self):
        # seed 000 (九): "社会保障信访件,7个工作日内作出受理与否决定,一般信访件30个
        # 工作日内办结,特殊的不超过60个工作日办结"
        self.init_directory()
        reg = ("case", "register", "--channel", "letter", "--kind", "business",
               "--received-by", "R01", "--customer-name", "周建国")
        p = self.ctl.json(*reg, "--content", "反映养老保险待遇核定有误", "--petition")
        limits = {l["kind"]: l for l in p["limits"]}
        self.assertEqual(limits["petition_decide"]["rule"], "limit.petition_accept_days")
        self.assertEqual(limits["petition_decide"]["at"], "2026-12-02T17:00:00+08:00")
        self.assertEqual(limits["petition_close"]["rule"], "limit.petition_general_days")
        letter = self.ctl.json(*reg, "--content", "来信咨询社保卡补办流程")
        self.assertNotIn("petition_decide", {l["kind"] for l in letter["limits"]})

        # a letter that is not a petition cannot be accepted as one
        r = self.ctl.run("case", "petition", letter["number"], "--accept", check=False)
        self.assertEqual(r.returncode, 1)
        # one of --accept or --not-accepted, and a reason when not accepted
        r = self.ctl.run("case", "petition", p["number"], check=False)
        self.assertEqual(r.returncode, 2)
        r = self.ctl.run("case", "petition", p["number"], "--not-accepted", check=False)
        self.assertEqual(r.returncode, 1)

        s = self.ctl.json("case", "petition", p["number"], "--accept", "--special", as_="R01",
                          now="2026-11-25T10:00:00+08:00")
        limits = {l["kind"]: l for l in s["limits"]}
        self.assertEqual(limits["petition_decide"]["met_at"], "2026-11-25T10:00:00+08:00")
        self.assertEqual(s["timeline"][-1]["kind"], "petition_accepted")
        # special: 60 working days from the receipt instead of 30
        self.assertGreater(limits["petition_close"]["at"], "2027-02-01")
        r = self.ctl.run("case", "petition", p["number"], "--not-accepted", "--reason", "重复",
                         check=False)
        self.assertEqual(r.returncode, 1)

        d = self.ctl.json(*reg, "--content", "要求撤销法院判决", "--petition")
        n = self.ctl.json("case", "petition", d["number"], "--not-accepted", "--reason",
                          "属于法院管辖，请向法院提出", as_="R01")
        self.assertEqual(n["state"], "closed")
        self.assertEqual(n["timeline"][-1]["kind"], "petition_not_accepted")
        help_ = self.ctl.run("case", "petition", "--help").stdout
        self.assertIn("--not-accepted", help_)

    def test_assigned_and_hotline(self):
        # seed 002: "上级机关和部门转办、批办、交办的事项,一般在____日内办理完结";
        # seed 000 七: "接到客服热线派单后…在规定时限内反馈"
        self.init_directory()
        reg = ("case", "register", "--kind", "business", "--received-by", "R01",
               "--customer-name", "周建国")
        a = self.ctl.json(*reg, "--channel", "superior", "--content", "市分行交办：核查代发工资延迟",
                          "--assigned-by", "市分行办公室", "--assigned-due", "2026-11-27")
        limits = {l["kind"]: l for l in a["limits"]}
        self.assertEqual(limits["assigned"]["at"], "2026-11-27T23:59:00+08:00")
        self.assertEqual(a["timeline"][0]["details"]["assigned_by"], "市分行办公室")
        h = self.ctl.json(*reg, "--channel", "hotline", "--content", "12345热线转来：ATM吞卡",
                          "--hotline-dispatch", "12345-20261123-0042")
        limits = {l["kind"]: l for l in h["limits"]}
        self.assertEqual(limits["hotline_feedback"]["rule"], "limit.hotline_feedback_days")
        self.assertNotIn("assigned", limits)
        # the fields on another channel, or a date before the receipt: refused
        r = self.ctl.run(*reg, "--channel", "visit", "--content", "询问", "--hotline-dispatch", "1",
                         check=False)
        self.assertEqual(r.returncode, 1)
        r = self.ctl.run(*reg, "--channel", "superior", "--content", "交办", "--assigned-due", "2026-11-01",
                         check=False)
        self.assertEqual(r.returncode, 1)
        r = self.ctl.run("case", "hotline-feedback", a["number"], "--text", "已办", check=False)
        self.assertEqual(r.returncode, 1)
        f = self.ctl.json("case", "hotline-feedback", h["number"], "--text", "已联系客户处理", as_="R01",
                          now="2026-11-24T10:00:00+08:00")
        limits = {l["kind"]: l for l in f["limits"]}
        self.assertEqual(limits["hotline_feedback"]["met_at"], "2026-11-24T10:00:00+08:00")
        self.assertEqual(f["timeline"][-1]["kind"], "hotline_feedback")
        self.assertEqual(f["state"], "registered")
        self.assertIn("--assigned-due", self.ctl.run("case", "register", "--help").stdout)

    def test_multi_department(self):
        # seed 002 三 2: "对于需要多部门协作…的问题…相关部门应在接到问题后的五个工作日内完成
        # 初步核查,形成初步结论并予以回复"
        self.init_directory()
        reg = ("case", "register", "--channel", "visit", "--kind", "business", "--received-by", "R01",
               "--customer-name", "周建国")
        m = self.ctl.json(*reg, "--content", "企业主同时办理个人与对公账户变更")
        single = self.ctl.json(*reg, "--content", "咨询银行卡挂失")
        self.assertNotIn("multi_department", {l["kind"] for l in single["limits"]})
        self.assertEqual(single["co_departments"], [])
        # the lead cannot be a co-department; nothing written
        r = self.ctl.run("case", "coordinate", m["number"], "--lead", "CORP", "--co", "CORP", check=False)
        self.assertEqual(r.returncode, 1)
        c = self.ctl.json("case", "coordinate", m["number"], "--lead", "CORP", "--co", "RETAIL,OFFICE",
                          as_="R01")
        self.assertEqual(c["handler"]["empno"], "CH")
        self.assertEqual(c["handler_department"]["code"], "CORP")
        self.assertEqual(c["co_departments"], ["RETAIL", "OFFICE"])
        limits = {l["kind"]: l for l in c["limits"]}
        self.assertEqual(limits["multi_department"]["rule"], "limit.multi_department_days")
        self.assertEqual(limits["multi_department"]["at"], "2026-11-30T17:00:00+08:00")
        self.assertEqual(c["timeline"][-1]["kind"], "coordinated")
        k = self.ctl.json("case", "contribute", c["number"], "--text", "办公室：已协调", "--department",
                          "OFFICE", as_="CH")
        self.assertEqual(k["timeline"][-1]["kind"], "contributed")
        r = self.ctl.run("case", "contribute", c["number"], "--text", "意见", as_="C02", check=False)
        self.assertEqual(r.returncode, 1)
        p = self.ctl.json("case", "preliminary", c["number"], "--text", "初步结论：可一并办理", as_="CH",
                          now="2026-11-25T10:00:00+08:00")
        limits = {l["kind"]: l for l in p["limits"]}
        self.assertEqual(limits["multi_department"]["met_at"], "2026-11-25T10:00:00+08:00")
        r = self.ctl.run("case", "preliminary", single["number"], "--text", "结论", check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn("--co", self.ctl.run("case", "coordinate", "--help").stdout)

    def test_agree_time_and_progress(self):
        # seed 003 三 4: "对手续不完整的业务…约定时间给予办理"; seed 001 4.2: "如需要
        # 较长时间办理的事项,应先向服务对象说明完成期限,并阶段性反馈处理结果"
        self.init_directory()
        c = self.ctl.json("case", "register", "--channel", "visit", "--kind", "business",
                          "--content", "申请调阅五年前的贷款档案", "--received-by", "R01",
                          "--customer-name", "周建国", "--customer-phone", "13812341234")
        number = c["number"]
        h = self.ctl.json("case", "handle", number, "--scope", "department", as_="R01")
        self.assertNotEqual(h["promised"]["rule"], "agreed")
        refused = (
            (["--at", "2026-12-18", "--reason", "档案需调阅"], "R02"),    # not in charge
            (["--at", "2026-12-18", "--reason", "档案需调阅"], "U01"),    # an inspector
            (["--at", "2026-11-01", "--reason", "档案需调阅"], "R01"),    # in the past
            (["--at", "下周五", "--reason", "档案需调阅"], "R01"),          # not a date
            (["--at", "2026-12-18"], "R01"),                               # no reason
            (["--reason", "档案需调阅"], "R01"),                           # no time
        )
        self.ctl.run("import", "staff", self.write("u.csv", STAFF.splitlines()[0] + "\n" +
                     "U01,郭敏,OFFICE,5,工会检查员,2009-01-01,13800000023,inspector,regular,on_duty\n"))
        before = self.ctl.json("case", "show", number)
        for args, who in refused:
            p = self.ctl.run("case", "agree-time", number, *args, as_=who, check=False)
            self.assertNotEqual(p.returncode, 0, (args, who))
        self.assertEqual(self.ctl.json("case", "show", number)["timeline"], before["timeline"])
        a = self.ctl.json("case", "agree-time", number, "--at", "2026-12-18", "--reason", "档案需调阅",
                          as_="R01")
        # a day alone: by its end
        self.assertEqual(a["promised"], {"at": "2026-12-18T23:59:00+08:00", "rule": "agreed"})
        self.assertEqual(a["timeline"][-1]["kind"], "promise_agreed")
        text = self.ctl.run("case", "show", number, env={"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"}).stdout
        self.assertIn("与客户约定", text)
        self.assertNotIn("agreed", text)
        # progress: who may call the customer back; not a colleague, not an inspector
        for who in ("R02", "U01"):
            p = self.ctl.run("case", "progress", number, "--text", "档案已调出", as_=who, check=False)
            self.assertEqual(p.returncode, 1, who)
        self.assertEqual(self.ctl.run("case", "progress", number, as_="R01", check=False).returncode, 1)
        g = self.ctl.json("case", "progress", number, "--text", "档案已调出，正在复印", as_="R01")
        self.assertEqual(g["timeline"][-1]["kind"], "progress")
        self.assertEqual(g["promised"]["rule"], "agreed")
        # once replied, neither
        self.ctl.run("case", "reply", number, "--text", "已办结", as_="R01")
        for args in (["agree-time", number, "--at", "2026-12-20", "--reason", "再约"],
                     ["progress", number, "--text", "进展"]):
            self.assertEqual(self.ctl.run("case", *args, as_="R01", check=False).returncode, 1, args)
        for cmd, option in (("agree-time", "--at"), ("progress", "--text")):
            self.assertIn(option, self.ctl.run("case", cmd, "--help").stdout)

    def test_full_case_flow(self):
        self.init_directory()
        c = self.ctl.json("case", "register", "--channel", "visit", "--kind", "business",
                          "--content", "办理对公账户变更", "--received-by", "R01",
                          "--asked-with", "R02,R04", "--customer-name", "张三",
                          "--customer-phone", "13812341234")
        # R02 has the same rank as R01 and longer tenure; R04 is temporary
        self.assertEqual(c["owner"]["empno"], "R02")
        self.assertEqual(c["owner"]["name"], "李娜")
        self.assertEqual(c["state"], "registered")
        self.assertEqual(c["owner_department"]["code"], "RETAIL")
        self.assertTrue(c["number"].startswith("BJ01-A-20261123-"))
        self.assertEqual(c["deadline"]["rule"], "limit.transfer_hours")
        self.assertEqual(c["deadline"]["at"], "2026-11-23T11:00:00+08:00")
        self.assertEqual(c["timeline"][0]["kind"], "registered")
        number = c["number"]

        t = self.ctl.json("case", "transfer", number, "--to", "CORP", "--note", "对公业务",
                          as_="R02", now="2026-11-23T10:20:00+08:00")
        self.assertEqual(t["state"], "transferred")
        self.assertEqual(t["target_department"]["code"], "CORP")
        self.assertEqual(t["deadline"]["rule"], "limit.accept_hours")
        self.assertEqual(t["promised"]["at"], "2026-11-26T17:00:00+08:00")
        # the human view names each deadline's rule in the reader's language, never its key
        text = self.ctl.run("case", "show", number, env={"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"}).stdout
        self.assertNotIn("limit.", text)
        self.assertRegex(text, r"限办时间：\s+2026-11-23T\S+（接收部门接收转办事项")

        # someone of another department may not accept it
        p = self.ctl.run("case", "accept", number, "--handler", "R01", as_="R01", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("公司业务部", p.stderr)

        a = self.ctl.json("case", "accept", number, "--handler", "C02", as_="C01",
                          now="2026-11-23T10:40:00+08:00")
        self.assertEqual(a["state"], "in_progress")
        self.assertEqual(a["handler"]["empno"], "C02")
        self.assertEqual(a["handler_department"]["code"], "CORP")
        self.assertEqual(a["owner"]["empno"], "R02")

        r = self.ctl.json("case", "reply", number, "--text", "已完成账户变更", as_="C02",
                          now="2026-11-24T15:00:00+08:00")
        self.assertEqual(r["state"], "replied")
        self.assertEqual(r["deadline"]["rule"], "limit.callback_days")

        # closing before the callback is refused, with the reason
        p = self.ctl.run("case", "close", number, as_="R02", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("callback", p.stderr)

        cb = self.ctl.json("case", "callback", number, "--satisfaction", "5", "--comment", "满意",
                           as_="R02", now="2026-11-25T10:00:00+08:00")
        self.assertEqual(cb["satisfaction"], 5)
        done = self.ctl.json("case", "close", number, as_="R02", now="2026-11-25T10:05:00+08:00")
        self.assertEqual(done["state"], "closed")
        self.assertEqual(done["resolution"], "replied")
        kinds = [e["kind"] for e in done["timeline"]]
        self.assertEqual(kinds, ["registered", "transferred", "accepted", "replied", "callback", "closed"])
        self.assertEqual(done["timeline"][1]["details"]["note"], "对公业务")

        shown = self.ctl.json("case", "show", done["id"])
        self.assertEqual(shown["number"], number)
        listed = self.ctl.json("case", "list", "--status", "closed")
        self.assertEqual([x["number"] for x in listed], [number])

        rebuilt = self.ctl.json("rebuild")
        self.assertEqual(rebuilt, {"cases": 1, "changed": 0})

    def test_personal_data_by_the_access_policy(self):
        # issue 13: whole for the owner, the department's head, supervisors and
        # administrators; masked for colleagues, other departments and inspectors
        self.ctl.run("init", "--branch", "BJ01", "--branch-name", "海淀支行")
        self.ctl.run("import", "departments", self.write("d.csv", DEPARTMENTS))
        self.ctl.run("import", "staff", self.write("s.csv", STAFF +
                     "U01,郭敏,OFFICE,5,工会检查员,2009-01-01,13800000023,inspector,regular,on_duty\n"))
        c = self.ctl.json("case", "register", "--channel", "visit", "--kind", "business",
                          "--content", "咨询", "--received-by", "R01", "--customer-name", "张三丰",
                          "--customer-phone", "13812341234", "--customer-unit", "浙江明远科技有限公司",
                          "--customer-address", "杭州市西湖区某路1号")
        whole = {"name": "张三丰", "phone": "13812341234", "unit": "浙江明远科技有限公司",
                 "address": "杭州市西湖区某路1号"}
        masked = {"name": "张**", "phone": "138****1234", "unit": "浙江****", "address": "***"}
        for empno, expected in (("R01", whole), ("RH", whole), ("A01", whole),
                                ("R02", masked), ("CH", masked), ("U01", masked)):
            shown = self.ctl.json("case", "show", c["number"], as_=empno)["customer"]
            self.assertEqual(shown, expected, empno)
            listed = self.ctl.json("case", "list", as_=empno)[0]["customer"]
            self.assertEqual(listed, expected, empno)
            text = self.ctl.run("case", "show", c["number"], as_=empno).stdout
            self.assertEqual("13812341234" in text, expected is whole, empno)
            self.assertEqual("明远科技" in text, expected is whole, empno)

    def test_temporary_only_refused(self):
        self.init_directory()
        p = self.ctl.run("case", "register", "--channel", "phone", "--kind", "query",
                         "--content", "查询", "--received-by", "R04", "--customer-name", "王五",
                         check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("temporary", p.stderr)
        self.assertEqual(self.ctl.json("case", "list"), [])

    def test_init_bad_branch_code_makes_nothing(self):
        # the code is checked before anything is made (the app's first run
        # calls the same core function, sw_setup_database)
        for code in ("BJ 01", "北京01", "B" * 17):
            p = self.ctl.run("init", "--branch", code, as_="", check=False)
            self.assertEqual(p.returncode, 1, code)
            self.assertIn("branch code", p.stderr)
            self.assertFalse(os.path.exists(self.db), code)
        self.ctl.run("init", "--branch", "GZ-02_a", as_="")
        self.assertEqual([s["empno"] for s in self.ctl.json("staff", "list")], ["admin"])

    def test_bad_csv_imports_nothing(self):
        self.ctl.run("init")
        bad = DEPARTMENTS + "BAD,,,,,,,\n"
        p = self.ctl.run("import", "departments", self.write("bad.csv", bad), check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("5", p.stderr)   # the line number of the bad row
        # only what init made: the administrator's department
        self.assertEqual([d["code"] for d in self.ctl.json("department", "list")], ["OFFICE"])

        self.ctl.run("import", "departments", self.write("d.csv", DEPARTMENTS))
        bad_staff = STAFF.replace("R02,李娜,RETAIL,3", "R02,李娜,RETAIL,three")
        p = self.ctl.run("import", "staff", self.write("bad-staff.csv", bad_staff), check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("3", p.stderr)
        self.assertEqual([s["empno"] for s in self.ctl.json("staff", "list")], ["admin"])

    def test_csv_exports_cannot_execute(self):
        # OWASP's payloads through every CSV the command line writes, read back
        # with Python's csv module: a dangerous cell is an apostrophe and the
        # cell, a safe one is itself; the directory imports back unchanged.
        dangerous = ['=HYPERLINK("http://x","y")', "@SUM(A1:A2)", "+8613812341234", "-2+3", "\t=1", "\r=1"]
        payloads = dangerous + ["张三", 'a "b", c\nd']

        def shown(cell):
            return "'" + cell if cell in dangerous else cell

        def read(data):
            return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))

        def write_csv(name, rows):
            # as an export writes them: guarded, so that "\t=1" survives the trimming
            out = io.StringIO(newline="")
            csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows([[shown(c) for c in r] for r in rows])
            return self.write(name, out.getvalue())

        self.ctl.run("init", "--branch", "BJ01", "--branch-name", "海淀支行")
        depts = list(csv.reader(io.StringIO(DEPARTMENTS)))
        depts[1][1] = payloads[0]                      # RETAIL's name
        depts += [[f"X{i}", p, "", p, "+8613812341234", "", "", p] for i, p in enumerate(payloads)]
        staff = list(csv.reader(io.StringIO(STAFF)))
        staff += [[f"Y{i}", p, "RETAIL", "1", p, "2020-01-01", "-2+3", "staff", "regular", "on_duty"]
                  for i, p in enumerate(payloads)]
        self.ctl.run("import", "departments", write_csv("d.csv", depts))
        self.ctl.run("import", "staff", write_csv("s.csv", staff))
        names = {d["code"]: d["name"] for d in self.ctl.json("department", "list")}
        self.assertEqual(names["RETAIL"], payloads[0])
        self.assertEqual([names[f"X{i}"] for i in range(len(payloads))], payloads)

        for table, rows in (("departments", depts), ("staff", staff)):
            out = os.path.join(self.dir, f"out-{table}.csv")
            self.ctl.run("export", table, out)
            data = read_bytes(out)
            self.assertNotIn(b",=HYPERLINK", data)
            got = read(data)
            # and the administrator init made
            self.assertEqual(sorted(r for r in got[1:] if r[0] != "admin"),
                             sorted([shown(c) for c in r] for r in rows[1:]))
            # export → import into another database → the same export
            other = Ctl(os.path.join(self.dir, f"other-{table}.db"))
            if table == "departments":
                other.run("init", "--branch", "BJ01")
            else:
                other.run("init", "--branch", "BJ01")
                other.run("import", "departments", os.path.join(self.dir, "out-departments.csv"))
            other.run("import", table, out)
            again = os.path.join(self.dir, f"again-{table}.csv")
            other.run("export", table, again)
            self.assertEqual(read_bytes(again), data)

        for p in payloads:
            self.ctl.run("case", "register", "--channel", "visit", "--kind", "business",
                         "--content=" + p, "--received-by", "R01", "--customer-name=" + p,
                         "--customer-phone=+8613812341234", as_="R01")
        out = os.path.join(self.dir, "register.csv")
        self.ctl.run("export", "register", "--department", "RETAIL", "--from", "2026-11-01",
                     "--to", "2026-11-30", "--csv", out, as_="RH")
        data = read_bytes(out)
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"))
        self.assertNotIn(b",=HYPERLINK", data)
        rows = read(data)[1:]
        self.assertEqual(sorted(r[6] for r in rows), sorted(shown(p) for p in payloads))
        self.assertEqual(sorted(r[4] for r in rows), sorted(shown(p) for p in payloads))
        self.assertEqual({r[5] for r in rows}, {"'+8613812341234"})

        data = self.ctl.run("report", "--from", "2026-11-01", "--to", "2026-11-30",
                            "--department", "RETAIL", "--csv", env={"LANGUAGE": "C"}).stdout.encode()
        self.assertNotIn(b",=HYPERLINK", data)
        rows = read(data)
        self.assertIn(shown(payloads[0]), [r[2] for r in rows if r[3] == "RETAIL"])
        self.assertIn("'" + payloads[0] + " (RETAIL)", [r[1] for r in rows])

    def test_corrupt_database(self):
        with open(self.db, "wb") as f:
            f.write(b"SQLite format 3\x00" + b"\xff" * 3000)
        before = read_bytes(self.db)
        p = self.ctl.run("case", "list", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn(self.db, p.stderr)
        self.assertEqual(read_bytes(self.db), before)

        with open(self.db, "w") as f:
            f.write("not a database at all\n")
        p = self.ctl.run("staff", "list", check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("not a Shouwen database", p.stderr)

    def test_usage_errors(self):
        self.ctl.run("init")
        p = self.ctl.run("case", "register", "--channel", "pigeon", "--kind", "query", check=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("visit", p.stderr)
        p = self.ctl.run("frobnicate", check=False)
        self.assertEqual(p.returncode, 2)
        p = self.ctl.run("case", "show", check=False)
        self.assertEqual(p.returncode, 2)
        p = self.ctl.run("case", "show", "NO-SUCH", check=False)
        self.assertEqual(p.returncode, 1)
        p = subprocess.run([CTL, "--db", self.db, "--now", "yesterday", "case", "list"],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)

    def test_help_everywhere(self):
        p = subprocess.run([CTL, "--help"], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0)
        commands = [line.split("  ")[0].strip() for line in p.stdout.splitlines()
                    if line.startswith("  ") and not line.startswith("  --")]
        self.assertGreater(len(commands), 30)
        for sub in (["case", "register"], ["case", "transfer"], ["calendar", "add-working-days"],
                    ["policy", "set"], ["import", "staff"], ["init"], ["rebuild"]):
            p = subprocess.run([CTL, *sub, "--help"], capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, sub)
            self.assertIn("Usage", p.stdout)

    def test_translated_errors(self):
        self.ctl.run("init")
        env = {"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"}
        locale_dir = os.environ.get("SHOUWEN_LOCALEDIR")
        self.assertTrue(locale_dir and os.path.isdir(os.path.join(locale_dir, "zh_CN")),
                        "the zh_CN translation is not built")
        p = self.ctl.run("case", "show", "NO-SUCH", check=False, env=env)
        self.assertEqual(p.returncode, 1)
        self.assertIn("事项", p.stderr)

    def test_calendar_and_policy(self):
        self.init_directory()
        at = self.ctl.json("calendar", "add-working-days", "2026-09-30T10:00", "2")
        self.assertEqual(at["at"], "2026-10-09T17:00:00+08:00")
        self.ctl.run("calendar", "holiday", "add", "2026-11-24", "--name", "测试")
        at = self.ctl.json("calendar", "add-working-days", "2026-11-23T10:00", "1")
        self.assertEqual(at["at"], "2026-11-25T17:00:00+08:00")
        self.ctl.run("calendar", "holiday", "remove", "2026-11-24")
        self.ctl.run("calendar", "workday", "add", "2026-11-28")
        at = self.ctl.json("calendar", "add-working-hours", "2026-11-27T16:00", "2")
        self.assertEqual(at["at"], "2026-11-28T10:00:00+08:00")
        between = self.ctl.json("calendar", "working-time-between", "2026-11-27T16:00", "2026-11-30T10:00")
        self.assertEqual(between["minutes"], 60 + 480 + 60)
        p = self.ctl.run("calendar", "holiday", "remove", "2026-11-25", check=False)
        self.assertEqual(p.returncode, 1)

        pol = self.ctl.json("policy", "show")
        self.assertEqual(pol["values"]["limit.department_days"], 2)
        p = self.ctl.run("policy", "set", "limit.department_days", "4", as_="R01", check=False)
        self.assertEqual(p.returncode, 1)
        self.ctl.run("policy", "set", "limit.department_days", "4", as_="A01")
        pol = self.ctl.json("policy", "show")
        self.assertEqual(pol["version"], 2)
        self.assertEqual(pol["values"]["limit.department_days"], 4)

    def test_demo(self):
        self.ctl.run("init", "--demo")
        cases = self.ctl.json("case", "list")
        self.assertGreaterEqual(len(cases), 250)
        states = {c["state"] for c in cases}
        self.assertEqual(states, {"registered", "transferred", "in_progress", "escalated",
                                  "replied", "closed"})
        departments = self.ctl.json("department", "list")
        names = {d["name"] for d in departments}
        self.assertIn("办公室", names)
        self.assertIn("工会", names)
        self.assertGreaterEqual(len(departments), 6)
        self.assertGreaterEqual(len(self.ctl.json("staff", "list")), 40)
        self.assertEqual(self.ctl.json("rebuild")["changed"], 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
