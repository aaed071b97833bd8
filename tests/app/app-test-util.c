/* app-test-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "app-test-util.h"

GLogWriterOutput
app_test_fatal_writer (GLogLevelFlags   level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         data)
{
  GLogWriterOutput out = g_log_writer_standard_streams (level, fields, n_fields, data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    g_error ("a warning or critical was logged (see above)");
  return out;
}

void
app_test_drain (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}
