/* sw-branch.h — a branch office (网点/支行) with its working hours
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SW_TYPE_BRANCH (sw_branch_get_type ())
G_DECLARE_FINAL_TYPE (SwBranch, sw_branch, SW, BRANCH, GObject)

SwBranch   *sw_branch_new                   (const char *code,
                                             const char *name);
const char *sw_branch_get_code              (SwBranch *self);
const char *sw_branch_get_name              (SwBranch *self);
const char *sw_branch_get_timezone          (SwBranch *self);
int         sw_branch_get_office_start      (SwBranch *self);
int         sw_branch_get_office_end        (SwBranch *self);
int         sw_branch_get_workdays          (SwBranch *self);
const char *sw_branch_get_supervision_phone (SwBranch *self);

G_END_DECLS
