/* sw-branch.c — a branch office: its code, name, zone, office hours, workdays and phone
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-fields.h"
#include "sw-models-private.h"

G_DEFINE_FINAL_TYPE (SwBranch, sw_branch, G_TYPE_OBJECT)

static const SwField fields[] = {
  SW_STRING_FIELD (SwBranch, code, "code"),
  SW_STRING_FIELD (SwBranch, name, "name"),
  SW_STRING_FIELD (SwBranch, timezone, "timezone"),
  SW_INT_FIELD (SwBranch, office_start, "office-start", 0, 24 * 60),
  SW_INT_FIELD (SwBranch, office_end, "office-end", 0, 24 * 60),
  SW_INT_FIELD (SwBranch, workdays, "workdays", 0, 0xfe),
  SW_STRING_FIELD (SwBranch, supervision_phone, "supervision-phone"),
};
static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

SW_DEFINE_FIELD_VFUNCS (sw_branch, SwBranch, fields, sw_branch_parent_class)

static void
sw_branch_class_init (SwBranchClass *klass)
{
  SW_INSTALL_FIELD_VFUNCS (G_OBJECT_CLASS (klass), sw_branch, fields, properties);
}

static void
sw_branch_init (SwBranch *self)
{
  self->timezone = g_strdup ("Asia/Shanghai");
  self->office_start = 9 * 60;
  self->office_end = 17 * 60;
  self->workdays = 0x3e;   /* Monday–Friday */
}

SwBranch *
sw_branch_new (const char *code,
               const char *name)
{
  return g_object_new (SW_TYPE_BRANCH, "code", code, "name", name, NULL);
}

const char *sw_branch_get_code (SwBranch *self) { return self->code; }
const char *sw_branch_get_name (SwBranch *self) { return self->name; }
const char *sw_branch_get_timezone (SwBranch *self) { return self->timezone; }
int sw_branch_get_office_start (SwBranch *self) { return self->office_start; }
int sw_branch_get_office_end (SwBranch *self) { return self->office_end; }
int sw_branch_get_workdays (SwBranch *self) { return self->workdays; }
const char *sw_branch_get_supervision_phone (SwBranch *self) { return self->supervision_phone; }
