/* sw-report.h — the evaluation report (domain §8) for a period and a scope
 * (branch, department or person): every figure with its definition, the
 * breakdowns the charts draw (months, departments, satisfaction), findings
 * and sanctions, and a department rating by the rating.* thresholds.
 *
 * Cases count by their time of receipt; a department's cases are those it
 * received first, handled, or has been sent and not yet accepted; a
 * person's, those they received first or handled. Findings and sanctions count by when they happened.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-finding.h"
#include "sw-ladder.h"

G_BEGIN_DECLS

typedef enum {
  SW_RATING_NONE,           /* not rated (a branch or a person) */
  SW_RATING_EXCELLENT,
  SW_RATING_COMPETENT,
  SW_RATING_INCOMPETENT,
  SW_RATING_TOO_FEW,        /* fewer cases or callbacks than rating.min_* */
} SwRating;

typedef enum {
  SW_FIGURE_COUNT,
  SW_FIGURE_PERCENT,
  SW_FIGURE_HOURS,
  SW_FIGURE_SCORE,
} SwFigureUnit;

/* The raw counts every figure is computed from. */
typedef struct {
  guint   received;
  guint   by_kind[SW_N_KINDS];
  guint   by_channel[SW_N_CHANNELS];
  guint   answered_on_spot;
  guint   transfers, transfers_late;
  guint   accepts, accepts_late;
  guint   reply_due, replied_on_time;
  GArray *handling_hours;           /* double, one per answered case */
  guint   callback_due, called_back;
  guint   satisfaction[6];          /* [1]…[5]: callbacks by score */
  guint   reopened;
  guint   repeat_complaints;
  guint   findings_open, findings_confirmed, findings_dismissed;
  guint   admonishments, warnings;
  guint   resolved;                 /* answered or replied, not scored dissatisfied */
  guint   complaints, complaints_escalated;
  guint   fines_yuan;               /* of the confirmed findings, by their kind */
  guint   limit_owed[SW_N_LIMITS];  /* cases that owed a statutory limit (sw-lifecycle.c) */
  guint   limit_kept[SW_N_LIMITS];  /* … and met it in time */
} SwReportTally;

typedef struct {
  const char  *key;           /* stable: "received", "replied_on_time"… */
  const char  *label;         /* translated */
  char        *definition;    /* translated, the policy's values named */
  SwFigureUnit unit;
  gboolean     available;     /* FALSE when there was nothing to measure */
  double       value;
  guint        numerator;     /* for shares */
  guint        denominator;
} SwFigure;

typedef struct {
  int           year, month;
  char         *label;        /* "2026-03" */
  gint64        start;
  SwReportTally tally;
} SwReportMonth;

typedef struct {
  char          *code;
  char          *name;
  SwReportTally  tally;
  SwRating       rating;
  char          *rating_reason;
  char          *branch_code;   /* the branch it belongs to (a head office's drill-down) */
} SwReportDepartment;

typedef struct {
  const char *rule;
  const char *label;
  guint       open, confirmed, dismissed;
} SwReportRuleCount;

/* A branch side by side with the others (a head office's comparison): the
 * same tally and figures as the branch's own report, and its months. */
typedef struct {
  char          *code;
  char          *name;
  SwReportTally  tally;
  GPtrArray     *months;       /* SwReportMonth, as the report's */
  GPtrArray     *figures;      /* SwFigure */
} SwReportBranch;

typedef struct {
  gint64      from, to;       /* [from, to) */
  const char *department;     /* or NULL */
  const char *person;         /* or NULL */
  const char *branch;         /* the cases of this branch only; NULL: the device's */
  gboolean    by_branch;      /* also each branch apart (SwReport.branches) */
} SwReportQuery;

typedef struct {
  char          *scope;        /* "branch", "department" or "person" */
  char          *scope_code;
  char          *scope_name;
  char          *branch_name;
  gint64         from, to;
  char          *period;       /* "2026-01-01 – 2026-12-31", local dates */
  gint64         generated_at;
  char          *generated;    /* local "YYYY-MM-DD HH:MM" */
  SwReportTally  total;
  GPtrArray     *figures;      /* SwFigure, in the order shown */
  GPtrArray     *months;       /* SwReportMonth */
  GPtrArray     *departments;  /* SwReportDepartment; the scope's only, or all */
  GPtrArray     *rules;        /* SwReportRuleCount, every rule */
  SwRating       rating;       /* for a department scope */
  char          *rating_reason;
  GPtrArray     *branches;     /* SwReportBranch by code, with by_branch; else NULL */
} SwReport;

void            sw_report_free           (SwReport *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwReport, sw_report_free)

/* Runs detection (so that the facts are current), then computes. */
SwReport       *sw_report_new            (SwStore              *store,
                                          const SwReportQuery  *query,
                                          GError              **error);

/* The figures of a tally (a GPtrArray of SwFigure), e.g. of one department. */
GPtrArray      *sw_report_tally_figures  (const SwReportTally *tally);
/* The same, the definitions naming policy's values (the defaults' when NULL). */
GPtrArray      *sw_report_tally_figures_named (const SwReportTally *tally,
                                               SwPolicy            *policy);
const SwFigure *sw_report_get_figure     (SwReport   *report,
                                          const char *key);
/* The figure's value as people read it: "95.0%", "3.2 h", "—"… */
char           *sw_figure_format         (const SwFigure *f);

const char     *sw_rating_to_string      (SwRating r);
const char     *sw_rating_label          (SwRating r);
SwRating        sw_report_rate           (const SwReportTally *tally,
                                          SwPolicy            *policy,
                                          char               **reason);

/* The report's branches ordered by figure `key`, best first (a higher
 * value is better except for the hours, reopened cases, repeat complaints,
 * violations and sanctions); branches without data for it come last. A
 * new array of borrowed SwReportBranch. */
GPtrArray      *sw_report_rank_branches  (SwReport   *report,
                                          const char *key);
const SwFigure *sw_report_branch_figure  (SwReportBranch *branch,
                                          const char     *key);

/* Whether figure `key` is made of cases (counted by a case's time of
 * receipt): violations, sanctions, fines and repeat complaints are not. Only
 * these have the cases behind them and a value for each month. */
gboolean        sw_report_figure_of_cases (const char *key);
void            sw_figure_free           (SwFigure *f);
/* The trend of a branch (a head office's): figure `key` of each of its
 * months, computed from the month's tally by the report's own definitions.
 * A new array of SwFigure, one per month of the report; NULL for a figure
 * not made of cases. */
GPtrArray      *sw_report_branch_trend   (SwReportBranch *branch,
                                          const char     *key);

/* The ids of the cases behind figure `key` of the cases `query` selects:
 * those counted in its numerator (denominator FALSE) or its denominator,
 * by the very tally the report computes (a count's cases are its
 * numerator). Figures not made of cases (violations, sanctions, repeat
 * complaints) are refused with SW_ERROR_INVALID. Runs detection first, as
 * sw_report_new() does. */
GPtrArray      *sw_report_cases_behind   (SwStore              *store,
                                          const SwReportQuery  *query,
                                          const char           *key,
                                          gboolean              denominator,
                                          GError              **error);

/* Which of a figure's cases: those it counts (its numerator), those it
 * is taken of (its denominator), or those it is taken of and does not
 * count — the late ones of "replied by the promised time". */
typedef enum {
  SW_BEHIND_COUNTED,
  SW_BEHIND_OF,
  SW_BEHIND_MISSED,
} SwBehind;

/* sw_report_cases_behind() with the choice of SwBehind. */
GPtrArray      *sw_report_cases_which    (SwStore              *store,
                                          const SwReportQuery  *query,
                                          const char           *key,
                                          SwBehind              which,
                                          GError              **error);

/* Parses "YYYY-MM-DD" (a local date of the home branch) to the instant it
 * starts; with end_of_day, to the instant the next day starts. */
gboolean        sw_report_parse_date     (SwStore     *store,
                                          const char  *date,
                                          gboolean     end_of_day,
                                          gint64      *out,
                                          GError     **error);

G_END_DECLS
