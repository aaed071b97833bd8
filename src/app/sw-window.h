/* sw-window.h — the main window: boards in a sidebar, the kanban board
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-acct-nav.h"
#include "sw-board.h"
#include "sw-context.h"
#include "sw-dir-nav.h"
#include "sw-session-lock.h"
#include "sw-sync-indicator.h"

G_BEGIN_DECLS

#define SW_TYPE_WINDOW (sw_window_get_type ())
G_DECLARE_FINAL_TYPE (SwWindow, sw_window, SW, WINDOW, AdwApplicationWindow)

SwWindow   *sw_window_new             (GtkApplication *app,
                                       SwContext      *context);
SwContext  *sw_window_get_context     (SwWindow       *self);
SwBoard    *sw_window_get_board       (SwWindow       *self);
void        sw_window_set_board_kind  (SwWindow       *self,
                                       SwBoardKind     kind);
guint       sw_window_get_board_count (SwWindow       *self,
                                       SwBoardKind     kind);
void        sw_window_toast           (SwWindow       *self,
                                       const char     *message);
/* The last toast's text, for tests. */
const char *sw_window_get_last_toast  (SwWindow       *self);
/* The case registered last in this window, whose receipt is offered. */
const char *sw_window_get_last_registered (SwWindow     *self);

/* What the board's actions do; each returns the dialog or view it opened,
 * or NULL (a refused move shows a toast instead). */
GtkWidget  *sw_window_move_case       (SwWindow       *self,
                                       const char     *id,
                                       SwState         column);
GtkWidget  *sw_window_start_operation (SwWindow       *self,
                                       SwOpKind        op,
                                       const char     *id);
GtkWidget  *sw_window_open_case       (SwWindow       *self,
                                       const char     *id);
GtkWidget  *sw_window_new_case        (SwWindow       *self);
/* The signed-in person's own password. */
GtkWidget  *sw_window_change_password (SwWindow       *self);
/* Findings, records, reports and inspections, below the boards. */
SwAcctNav  *sw_window_get_accountability (SwWindow     *self);
/* Staff and departments, below the accountability pages. */
SwDirNav   *sw_window_get_directory   (SwWindow       *self);
SwSyncIndicator *sw_window_get_sync_indicator (SwWindow  *self);
/* The session lock: idle time, Lock, Switch User, Sign Out. */
SwSessionLock *sw_window_get_lock     (SwWindow       *self);

G_END_DECLS
