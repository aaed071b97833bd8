/* sw-error.c — the error domain of libshouwen-core
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-error.h"

G_DEFINE_QUARK (sw-error-quark, sw_error)
