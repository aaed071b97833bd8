/* sw-finding-text.c — a finding's detail: codes and arguments stored, sentences rendered when shown
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "sw-finding-text.h"
#include "sw-json.h"
#include "sw-legacy-text.h"

#define CODE_DUE      "due"
#define CODE_REPEAT   "repeat"
#define CODE_PHRASE   "phrase"
#define CODE_REOPENED "reopened"

/* Details are written by hand: detection writes one per finding, tens of
 * thousands on a first run, and JsonBuilder took a third of its fold. */
static GString *
begin (const char *code)
{
  GString *out = g_string_sized_new (96);

  g_string_append_c (out, '{');
  sw_json_append_member (out, "code");
  sw_json_append_string (out, code);
  return out;
}

static char *
end (GString *out)
{
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

char *
sw_finding_detail_due (const char *due,
                       double      late_hours)
{
  GString *out = begin (CODE_DUE);

  sw_json_append_member (out, "due");
  sw_json_append_string (out, due);
  if (late_hours >= 0)
    {
      sw_json_append_member (out, "late_hours");
      sw_json_append_double (out, late_hours);
    }
  return end (out);
}

char *
sw_finding_detail_repeat (const char *earlier_number,
                          int         window_days,
                          const char *number)
{
  GString *out = begin (CODE_REPEAT);

  sw_json_append_member (out, "earlier");
  sw_json_append_string (out, earlier_number);
  sw_json_append_member (out, "days");
  g_string_append_printf (out, "%d", window_days);
  sw_json_append_member (out, "number");
  sw_json_append_string (out, number);
  return end (out);
}

char *
sw_finding_detail_phrase (const char *phrase)
{
  GString *out = begin (CODE_PHRASE);

  sw_json_append_member (out, "phrase");
  sw_json_append_string (out, phrase);
  return end (out);
}

char *
sw_finding_detail_reopened (int window_days)
{
  GString *out = begin (CODE_REOPENED);

  sw_json_append_member (out, "days");
  g_string_append_printf (out, "%d", window_days);
  return end (out);
}

static char *
render_due (const char *due,
            double      hours)
{
  if (hours < 0)
    return g_strdup_printf (_("Due %s"), due);
  if (hours < 1)
    return g_strdup_printf (_("Due %s; %d working minutes late"), due, MAX ((int) (hours * 60 + 0.5), 1));
  return g_strdup_printf (_("Due %s; %.1f working hours late"), due, hours);
}

static char *
render (JsonObject *o)
{
  const char *code = json_object_get_string_member_with_default (o, "code", "");
  int days = (int) json_object_get_int_member_with_default (o, "days", 0);

  if (g_str_equal (code, CODE_DUE))
    return render_due (json_object_get_string_member_with_default (o, "due", ""),
                       json_object_get_double_member_with_default (o, "late_hours", -1));
  if (g_str_equal (code, CODE_REPEAT))
    return g_strdup_printf (_("The same customer complained again about the matter of case %s within %d days (case %s)"),
                            json_object_get_string_member_with_default (o, "earlier", ""), days,
                            json_object_get_string_member_with_default (o, "number", ""));
  if (g_str_equal (code, CODE_PHRASE))
    return g_strdup_printf (_("Used the forbidden phrase “%s”"),
                            json_object_get_string_member_with_default (o, "phrase", ""));
  if (g_str_equal (code, CODE_REOPENED))
    return g_strdup_printf (_("Reopened within %d days of the reply"), days);
  return NULL;
}

/* The sentences earlier versions stored, in English and in Chinese. */
typedef enum { L_DUE, L_LATE_MINUTES, L_LATE_HOURS, L_REPEAT, L_PHRASE, L_REOPENED } Legacy;

static const struct { Legacy kind; const char *format; } legacy[] = {
  { L_LATE_MINUTES, "Due %s; %d working minutes late" },
  { L_LATE_MINUTES, "限办时间 %s；超时 %d 分钟（按工作时间计）" },
  { L_LATE_HOURS, "Due %s; %.1f working hours late" },
  { L_LATE_HOURS, "限办时间 %s；超时 %.1f 小时（按工作时间计）" },
  { L_DUE, "Due %s" },
  { L_DUE, "限办时间 %s" },
  { L_REPEAT, "The same customer complained again about the matter of case %s within %d days (case %s)" },
  { L_REPEAT, "同一客户在 %2$d 天内就事项 %1$s 所涉问题再次投诉（本次事项 %3$s）" },
  { L_PHRASE, "Used the forbidden phrase “%s”" },
  { L_PHRASE, "使用了服务忌语“%s”" },
  { L_REOPENED, "Reopened within %d days of the reply" },
  { L_REOPENED, "答复后 %d 天内重新办理" },
};

static char *
render_legacy (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (legacy); i++)
    {
      g_auto(GStrv) a = sw_legacy_match (legacy[i].format, text);

      if (a == NULL)
        continue;
      switch (legacy[i].kind)
        {
        case L_DUE: return render_due (a[0], -1);
        case L_LATE_MINUTES: return render_due (a[0], MAX (g_ascii_strtod (a[1], NULL) / 60.0, 1 / 120.0));
        case L_LATE_HOURS: return render_due (a[0], MAX (g_ascii_strtod (a[1], NULL), 1.0));
        case L_REPEAT:
          return g_strdup_printf (_("The same customer complained again about the matter of case %s within %d days (case %s)"),
                                  a[0], atoi (a[1]), a[2]);
        case L_PHRASE: return g_strdup_printf (_("Used the forbidden phrase “%s”"), a[0]);
        case L_REOPENED: return g_strdup_printf (_("Reopened within %d days of the reply"), atoi (a[0]));
        default: break;
        }
    }
  return NULL;
}

char *
sw_finding_detail_text (const char *detail)
{
  char *text = NULL;

  if (detail == NULL)
    return NULL;
  if (detail[0] == '{')
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, detail, -1, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        text = render (json_node_get_object (json_parser_get_root (parser)));
    }
  if (text == NULL)
    text = render_legacy (detail);
  return text ? text : g_strdup (detail);
}
