/* sw-finding-text.c — a finding's detail: codes and arguments stored, sentences rendered when shown
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "sw-finding-text.h"
#include "sw-legacy-text.h"

#define CODE_DUE      "due"
#define CODE_REPEAT   "repeat"
#define CODE_PHRASE   "phrase"
#define CODE_REOPENED "reopened"

static char *
encode (JsonBuilder *b)
{
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static JsonBuilder *
begin (const char *code)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, code);
  return b;
}

char *
sw_finding_detail_due (const char *due,
                       double      late_hours)
{
  g_autoptr(JsonBuilder) b = begin (CODE_DUE);

  json_builder_set_member_name (b, "due");
  json_builder_add_string_value (b, due);
  if (late_hours >= 0)
    {
      json_builder_set_member_name (b, "late_hours");
      json_builder_add_double_value (b, late_hours);
    }
  return encode (b);
}

char *
sw_finding_detail_repeat (const char *earlier_number,
                          int         window_days,
                          const char *number)
{
  g_autoptr(JsonBuilder) b = begin (CODE_REPEAT);

  json_builder_set_member_name (b, "earlier");
  json_builder_add_string_value (b, earlier_number);
  json_builder_set_member_name (b, "days");
  json_builder_add_int_value (b, window_days);
  json_builder_set_member_name (b, "number");
  json_builder_add_string_value (b, number);
  return encode (b);
}

char *
sw_finding_detail_phrase (const char *phrase)
{
  g_autoptr(JsonBuilder) b = begin (CODE_PHRASE);

  json_builder_set_member_name (b, "phrase");
  json_builder_add_string_value (b, phrase);
  return encode (b);
}

char *
sw_finding_detail_reopened (int window_days)
{
  g_autoptr(JsonBuilder) b = begin (CODE_REOPENED);

  json_builder_set_member_name (b, "days");
  json_builder_add_int_value (b, window_days);
  return encode (b);
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
