/* bench-util.h — the clocks the benchmarks read
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sys/resource.h>
#include <time.h>

static inline double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static inline double
rusage_seconds (int who)
{
  struct rusage ru;

  getrusage (who, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* CPU seconds of this process: on a busy machine closer to what an idle one
 * would take than the wall clock. */
static inline double
cpu_seconds (void)
{
  return rusage_seconds (RUSAGE_SELF);
}

/* CPU seconds of the calling thread (a first detection run folds in a
 * second thread while the calling one writes). */
static inline double
thread_cpu_seconds (void)
{
  struct timespec ts;

  /* (RUSAGE_THREAD needs _GNU_SOURCE before any header: without it this
   * read the whole process) */
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}
