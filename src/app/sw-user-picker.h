/* sw-user-picker.h — "who are you?": pick the current user from the staff
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_USER_PICKER (sw_user_picker_get_type ())
G_DECLARE_FINAL_TYPE (SwUserPicker, sw_user_picker, SW, USER_PICKER, AdwWindow)

GtkWidget *sw_user_picker_new (SwContext *context);

G_END_DECLS
