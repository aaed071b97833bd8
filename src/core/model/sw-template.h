/* sw-template.h — a standard answer (标准答复) or a one-time-notification
 * materials list (一次性告知材料清单) for one matter
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  SW_TEMPLATE_ANSWER,      /* said on the spot */
  SW_TEMPLATE_MATERIALS,   /* one material or step a line */
  SW_N_TEMPLATE_KINDS
} SwTemplateKind;

const char     *sw_template_kind_to_string   (SwTemplateKind kind);
/* -1 when `s` names no kind */
int             sw_template_kind_from_string (const char    *s);
const char     *sw_template_kind_label       (SwTemplateKind kind);

#define SW_TYPE_TEMPLATE (sw_template_get_type ())
G_DECLARE_FINAL_TYPE (SwTemplate, sw_template, SW, TEMPLATE, GObject)

SwTemplate     *sw_template_new                 (SwTemplateKind  kind,
                                                 const char     *matter,
                                                 const char     *body);
SwTemplate     *sw_template_copy                (SwTemplate     *self);
const char     *sw_template_get_id              (SwTemplate     *self);
SwTemplateKind  sw_template_get_kind            (SwTemplate     *self);
const char     *sw_template_get_matter          (SwTemplate     *self);
/* NULL: the whole branch's */
const char     *sw_template_get_department_code (SwTemplate     *self);
/* Words that suggest the template for a case, separated by ';', ',' or spaces */
const char     *sw_template_get_keywords        (SwTemplate     *self);
const char     *sw_template_get_body            (SwTemplate     *self);
gboolean        sw_template_get_active          (SwTemplate     *self);
gint64          sw_template_get_updated_at      (SwTemplate     *self);
/* The matter's own time limit (seed 000), in working days from the
 * request's receipt: choosing the template at registration promises the
 * reply by then (rule SW_LIFECYCLE_TEMPLATE). 0: none, the default promise. */
#define SW_TEMPLATE_MAX_LIMIT_DAYS 365
int             sw_template_get_limit_days      (SwTemplate     *self);
const char     *sw_template_get_updated_by      (SwTemplate     *self);

/* The keywords, trimmed, without empty ones. */
GStrv           sw_template_dup_keywords        (SwTemplate     *self);
/* Does every word of `query` occur in the matter, keywords or body
 * (ignoring case)? An empty query matches. */
gboolean        sw_template_matches             (SwTemplate     *self,
                                                 const char     *query);
/* How many of the keywords (or the matter itself) occur in `content`. */
guint           sw_template_count_hits          (SwTemplate     *self,
                                                 const char     *content);

G_END_DECLS
