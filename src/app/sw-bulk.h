/* sw-bulk.h — one operation on several cases at once (the list mode's selection)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-context.h"
#include "sw-operation.h"

G_BEGIN_DECLS

/* Runs `kind` with `in` on each of `cases` (SwCase) as the context's user.
 * Each case is checked by the core on its own (its state, the access
 * policy) and recorded as its own event, as the single operation is; a
 * refused case is named in `refused` ("number: reason", one a line) and
 * the others go through. Returns how many went through. */
guint sw_bulk_run (SwContext       *context,
                   SwOpKind         kind,
                   GPtrArray       *cases,
                   const SwOpInput *in,
                   GString         *refused);

G_END_DECLS
