/* sw-attachment-rules.c — which files a case may carry: their type told by content, their names
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sw-attachment-rules.h"
#include "sw-error.h"

static gboolean
starts (const guint8 *data,
        gsize         len,
        const char   *magic,
        gsize         n)
{
  return len >= n && memcmp (data, magic, n) == 0;
}

static gboolean
contains (const guint8 *data,
          gsize         len,
          const char   *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Plain text: UTF-8 without NUL or control characters but tab, line feed,
 * carriage return and form feed; a character cut at the end of an
 * incomplete head is forgiven. */
static gboolean
is_text (const guint8 *data,
         gsize         len,
         gboolean      complete)
{
  const char *end = NULL;

  if (!g_utf8_validate ((const char *) data, len, &end))
    {
      gsize rest = len - (gsize) ((const guint8 *) end - data);
      if (complete || rest >= 4 ||
          g_utf8_get_char_validated (end, rest) != (gunichar) -2)
        return FALSE;
      len -= rest;
    }
  for (gsize i = 0; i < len; i++)
    if (data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r' && data[i] != '\f')
      return FALSE;
    else if (data[i] == 0x7f)
      return FALSE;
  return TRUE;
}

const char *
sw_attachment_sniff (const guint8 *data,
                     gsize         len,
                     gboolean      complete)
{
  if (data == NULL || len == 0)
    return NULL;
  if (starts (data, len, "%PDF-", 5))
    return "application/pdf";
  if (starts (data, len, "\xff\xd8\xff", 3))
    return "image/jpeg";
  if (starts (data, len, "\x89PNG\r\n\x1a\n", 8))
    return "image/png";
  if (starts (data, len, "II*\0", 4) || starts (data, len, "MM\0*", 4))
    return "image/tiff";
  if (len >= 12 && starts (data, len, "RIFF", 4) && memcmp (data + 8, "WEBP", 4) == 0)
    return "image/webp";
  if (starts (data, len, "PK\x03\x04", 4))
    {
      /* Office Open XML and OFD (GB/T 33190) are zip files; their first
       * entries name what they are. Any other zip is refused. */
      if (contains (data, len, "word/document.xml") || contains (data, len, "word/_rels"))
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      if (contains (data, len, "xl/workbook.xml") || contains (data, len, "xl/_rels"))
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      if (contains (data, len, "OFD.xml"))
        return "application/ofd";
      return NULL;
    }
  if (is_text (data, len, complete))
    return "text/plain";
  return NULL;
}

gboolean
sw_attachment_check_name (const char  *name,
                          GError     **error)
{
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("The file needs a name."));
      return FALSE;
    }
  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("The file's name is not valid text; give it another name."));
      return FALSE;
    }
  if (strlen (name) > 255)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The file's name is too long (%u bytes; at most 255); give it a shorter name."),
                   (guint) strlen (name));
      return FALSE;
    }
  if (strcmp (name, ".") == 0 || strcmp (name, "..") == 0 || strchr (name, '/') || strchr (name, '\\'))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("“%s” cannot be a file's name: it may not contain “/” or “\\” or be “.” or “..”."), name);
      return FALSE;
    }
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        {
          g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                               _("The file's name contains a control character; give it another name."));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
sw_attachment_is_hash (const char *hash)
{
  if (hash == NULL || strlen (hash) != 64)
    return FALSE;
  for (const char *p = hash; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

const char *
sw_attachment_type_label (const char *media_type)
{
  static const struct { const char *type; const char *label; } labels[] = {
    { "application/pdf", N_("PDF document") },
    { "image/jpeg", N_("JPEG image") },
    { "image/png", N_("PNG image") },
    { "image/tiff", N_("TIFF image") },
    { "image/webp", N_("WebP image") },
    { "application/ofd", N_("OFD document") },
    { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", N_("Word document") },
    { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", N_("Excel workbook") },
    { "text/plain", N_("Plain text") },
  };

  for (guint i = 0; media_type && i < G_N_ELEMENTS (labels); i++)
    if (strcmp (labels[i].type, media_type) == 0)
      return _(labels[i].label);
  return media_type ? media_type : "";
}
