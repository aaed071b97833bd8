/* sw-label.h — how a named thing is written with its code (a person with
 * their employee number, a department with its code), in the reader's
 * punctuation: "Wang Fang (R01)", "王芳（R01）".
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sw_label_with_code (const char *name,
                          const char *code);

G_END_DECLS
