/* main.c — shouwen: the desktop app
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-application.h"
#include "sw-malloc.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SwApplication) app = NULL;

  sw_malloc_setup (argv);
  sw_application_init_i18n ();
  app = sw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
