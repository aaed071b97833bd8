/* sw-ladder.h — the penalty ladders of domain §7: per person per calendar
 * year, the nth confirmed finding brings the nth step of ladder.yearly
 * (order to correct, public criticism, bonus deduction and standby…); formal
 * sanctions (admonishment 诫勉教育, efficiency warning 效能告诫) count
 * towards the year-end rating: cannot be rated excellent, or incompetent.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-finding.h"

G_BEGIN_DECLS

typedef enum {
  SW_SANCTION_ADMONISH,
  SW_SANCTION_WARNING,
  SW_N_SANCTIONS
} SwSanctionKind;

typedef enum {
  SW_EFFECT_NONE,            /* may be rated excellent */
  SW_EFFECT_NO_EXCELLENT,    /* cannot be rated excellent this year */
  SW_EFFECT_INCOMPETENT,     /* rated incompetent, moved to another post */
} SwRatingEffect;

typedef struct {
  char           *id;
  char           *person;
  SwSanctionKind  kind;
  gint64          at;
  char           *decided_by;
  char           *reason;
  char           *finding_id;
} SwSanction;

/* One rung: the nth confirmed finding of the year and what it brings. */
typedef struct {
  int   n;               /* 1-based */
  char *step;            /* stable name from ladder.yearly */
  char *label;           /* translated, with the amount */
  int   deduction_yuan;  /* 0 if the step deducts nothing */
  char *finding_id;      /* NULL for the next, not yet happened, step */
  char *fine;            /* the violation kind's penalty (sw-penalty.h), translated; NULL: none */
  int   fine_yuan;       /* its fine (the lower end of a range) */
} SwLadderStep;

typedef struct {
  char           *person;
  char           *name;
  char           *department;
  int             year;
  GPtrArray      *findings;     /* SwFinding: this year's, every status */
  GPtrArray      *steps;        /* SwLadderStep: one per confirmed finding */
  GPtrArray      *sanctions;    /* SwSanction: this year's */
  int             n_confirmed;
  int             n_admonish;
  int             n_warning;
  int             deductions_yuan;
  SwRatingEffect  effect;
  char           *effect_reason;  /* translated */
  SwLadderStep   *next;           /* what the next confirmed finding brings */
  char           *next_sanctions; /* what one more admonishment / warning brings */
} SwPersonRecord;

void            sw_sanction_free            (SwSanction *s);
void            sw_ladder_step_free         (SwLadderStep *s);
void            sw_person_record_free       (SwPersonRecord *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwSanction, sw_sanction_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwPersonRecord, sw_person_record_free)

const char     *sw_sanction_kind_to_string  (SwSanctionKind k);
int             sw_sanction_kind_from_string (const char *s);
const char     *sw_sanction_kind_label      (SwSanctionKind k);
const char     *sw_rating_effect_to_string  (SwRatingEffect e);
const char     *sw_rating_effect_label      (SwRatingEffect e);

/* The step the nth (1-based) confirmed finding of a year brings; past the
 * end of the ladder the last step repeats. */
SwLadderStep   *sw_ladder_step_for          (SwPolicy   *policy,
                                             int         n);

/* The head of the person's department, a supervisor or an administrator
 * imposes a sanction, with a reason (and optionally the finding it is for). */
SwSanction     *sw_sanction_add             (SwStore        *store,
                                             const char     *actor,
                                             const char     *person,
                                             SwSanctionKind  kind,
                                             const char     *reason,
                                             const char     *finding_id,
                                             GError        **error);
/* A GPtrArray of SwSanction in [from, to) (0 = open end), oldest first. */
GPtrArray      *sw_store_list_sanctions     (SwStore     *store,
                                             const char  *person,
                                             gint64       from,
                                             gint64       to,
                                             GError     **error);

/* Calendar year boundaries in the home branch's time zone. */
void            sw_ladder_year_bounds       (SwStore     *store,
                                             int          year,
                                             gint64      *from,
                                             gint64      *to);
int             sw_ladder_year_of           (SwStore     *store,
                                             gint64       ms);

/* A person's record for a calendar year (0 = the year of the store's clock). */
SwPersonRecord *sw_person_record_get        (SwStore     *store,
                                             const char  *person,
                                             int          year,
                                             GError     **error);

G_END_DECLS
