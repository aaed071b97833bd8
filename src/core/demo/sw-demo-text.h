/* sw-demo-text.h — the words of the demo branch: its departments, its
 * people and the requests its customers bring
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-types.h"

G_BEGIN_DECLS

#define SW_DEMO_BRANCH_CODE        "BJ01"
#define SW_DEMO_BRANCH_NAME        "北京市海淀支行"
#define SW_DEMO_SUPERVISION_PHONE  "010-62751999"
/* The general office, headed by the branch manager (行长): it decides
 * whose duty an unclear matter is. */
#define SW_DEMO_LEADERSHIP         "OFFICE"
/* Its customers are companies. */
#define SW_DEMO_CORPORATE          "CORP"

typedef struct {
  const char *code;
  const char *name;
  const char *location;
  const char *phone;
  const char *duties;      /* keywords separated by ';' */
  const char *head;        /* empno */
  const char *liaison;     /* empno */
} SwDemoDepartment;

typedef struct {
  const char     *empno;
  const char     *name;
  const char     *department;
  const char     *title;
  int             rank;
  const char     *hire_date;
  const char     *phone;
  SwRole          role;
  SwStaffKind     kind;
  SwAvailability  availability;
  const char     *proxy;
} SwDemoStaff;

/* A request typical of a branch, the department whose duty it is, and what
 * the customer is told in the end. */
typedef struct {
  SwKind      kind;
  const char *department;
  const char *content;
  const char *answer;
  const char *materials;   /* what a one-time notification lists, or NULL */
} SwDemoMatter;

/* A request that belongs to an outside unit. */
typedef struct {
  SwKind      kind;
  const char *department;  /* where it is usually received */
  const char *content;
  const char *unit;
  const char *contact;
} SwDemoOutside;

/* A request that cannot be done under the rules. */
typedef struct {
  SwKind      kind;
  const char *department;
  const char *content;
  const char *reason;
} SwDemoRefusal;

typedef struct {
  const char * const *items;
  guint               n;
} SwDemoList;

extern const SwDemoDepartment sw_demo_departments[];
extern const guint            sw_demo_n_departments;
extern const SwDemoStaff      sw_demo_staff[];
extern const guint            sw_demo_n_staff;
extern const SwDemoMatter     sw_demo_matters[];
extern const guint            sw_demo_n_matters;
extern const SwDemoOutside    sw_demo_outside[];
extern const guint            sw_demo_n_outside;
extern const SwDemoRefusal    sw_demo_refusals[];
extern const guint            sw_demo_n_refusals;

/* Where requests land first, by channel; departments that handle cases. */
extern const SwDemoList sw_demo_visit_desks;
extern const SwDemoList sw_demo_phone_desks;
extern const SwDemoList sw_demo_online_desks;
extern const SwDemoList sw_demo_paper_desks;
extern const SwDemoList sw_demo_business_departments;

extern const SwDemoList sw_demo_surnames;
extern const SwDemoList sw_demo_given_names;
extern const SwDemoList sw_demo_companies;
extern const SwDemoList sw_demo_work_units;
extern const SwDemoList sw_demo_streets;
extern const SwDemoList sw_demo_notes;
extern const SwDemoList sw_demo_owner_urges;
extern const SwDemoList sw_demo_supervisor_urges;
extern const SwDemoList sw_demo_escalation_notes;
extern const SwDemoList sw_demo_decisions;
extern const SwDemoList sw_demo_reopen_reasons;
extern const SwDemoList sw_demo_low_comments;
extern const SwDemoList sw_demo_good_comments;

/* printf formats taking department names */
#define SW_DEMO_TRANSFER_NOTE   "该事项属%s职责，请接收并指定承办人，在时限内办理后反馈首问责任人。客户已被告知贵部门的地点和电话。"
#define SW_DEMO_UNCLEAR_NOTE    "该事项涉及多个部门、职责不明确，请办公室协调确定承办部门。"
#define SW_DEMO_RETURN_OPINION  "经核实，该事项不属于%s职责范围，应由%s办理，退回首问责任人重新转办。"
#define SW_DEMO_FORWARD_OPINION "经核实，该事项属%s职责，已直接转该部门办理并告知首问责任人。"
#define SW_DEMO_OFFICE_OPINION  "经办公室协调，确定由%s承办。"
#define SW_DEMO_REPLY_AGAIN     "经重新核查并与客户当面沟通：%s"
#define SW_DEMO_BACK_NOTE       "客户已按一次性告知补齐全部材料，开始办理。"

G_END_DECLS
