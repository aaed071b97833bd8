/* cli-accountability.c — checks, findings, records, reports and exports
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cli.h"

const CliCommand cli_accountability_commands[] = {
  { NULL }
};
