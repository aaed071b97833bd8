/* sw-directory-private.h — what the store's directory files share: the rows, the outbox triggers, reapplying edits
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store-directory-rows.h"
#include "sw-store-private.h"

G_BEGIN_DECLS

/* Creates this connection's triggers that record directory edits in
 * directory_outbox (from sw_store_open). */
gboolean                _sw_directory_outbox_attach  (SwStore   *self,
                                                      GError   **error);
/* Puts the edits not yet accepted by the server back on top of the
 * directory (after an import replaced it). */
gboolean                _sw_directory_outbox_reapply (SwStore   *self,
                                                      GError   **error);

G_END_DECLS
