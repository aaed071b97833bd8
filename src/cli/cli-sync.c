/* cli-sync.c — `shouwenctl server …` and `shouwenctl sync …`
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cli.h"

const CliCommand cli_sync_commands[] = {
  { NULL }
};
