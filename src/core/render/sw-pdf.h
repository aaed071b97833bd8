/* sw-pdf.h — printable A4 documents with cairo and Pango, in the CJK font
 * (embedded by cairo): a flowing page with titles, wrapped text, tables
 * that repeat their header across pages, the report's charts, and room for
 * signatures; and the forms built on it (sw-pdf-forms.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-inspection.h"
#include "sw-report-chart.h"

G_BEGIN_DECLS

typedef struct _SwPdf SwPdf;

SwPdf    *sw_pdf_new         (const char         *path,
                              gboolean            landscape,
                              const char         *footer,
                              GError            **error);
void      sw_pdf_title       (SwPdf              *pdf,
                              const char         *text);
void      sw_pdf_heading     (SwPdf              *pdf,
                              const char         *text);
void      sw_pdf_text        (SwPdf              *pdf,
                              const char         *text,
                              double              size);
/* rows: a GPtrArray of `const char **` (n_columns each); widths: fractions. */
void      sw_pdf_table       (SwPdf              *pdf,
                              guint               n_columns,
                              const double       *widths,
                              const char *const  *header,
                              GPtrArray          *rows,
                              double              size);
void      sw_pdf_chart       (SwPdf              *pdf,
                              SwReport           *report,
                              SwChartKind         kind,
                              double              height);
/* A line per signer: "label: ________  date: ________". */
void      sw_pdf_signatures  (SwPdf              *pdf,
                              const char *const  *labels);
void      sw_pdf_space       (SwPdf              *pdf,
                              double              points);
/* Writes the file and frees pdf. */
gboolean  sw_pdf_finish      (SwPdf              *pdf,
                              GError            **error);

/* The forms */
gboolean  sw_pdf_write_report      (SwReport     *report,
                                    const char   *path,
                                    GError      **error);
gboolean  sw_pdf_write_register    (SwStore      *store,
                                    const char   *department,
                                    gint64        from,
                                    gint64        to,
                                    gboolean      mask,
                                    const char   *path,
                                    GError      **error);
gboolean  sw_pdf_write_inspection  (SwStore      *store,
                                    SwInspection *inspection,
                                    const char   *path,
                                    GError      **error);
/* The year-end department evaluation sheet (考核评价表): the department's
 * report for the year, its inspections, its staff's records, signatures. */
gboolean  sw_pdf_write_evaluation  (SwStore      *store,
                                    const char   *department,
                                    int           year,
                                    const char   *path,
                                    GError      **error);
/* A head office's comparison of branches: a report with by_branch, ranked
 * by figure `rank_by` (sw-export-branches.c). */
gboolean  sw_pdf_write_branches    (SwReport     *report,
                                    const char   *rank_by,
                                    const char   *path,
                                    GError      **error);

G_END_DECLS
