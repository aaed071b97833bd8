/* sw-prefs-rows.c — rows the preference pages share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "sw-prefs-rows.h"

static gboolean
time_output_cb (GtkSpinButton *spin)
{
  int minutes = (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
time_input_cb (GtkSpinButton *spin,
               double        *value)
{
  int h, m;

  if (sscanf (gtk_editable_get_text (GTK_EDITABLE (spin)), "%d:%d", &h, &m) != 2 ||
      h < 0 || h > 24 || m < 0 || m > 59 || h * 60 + m > 24 * 60)
    return GTK_INPUT_ERROR;
  *value = h * 60 + m;
  return TRUE;
}

static AdwActionRow *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         GtkWidget           *suffix)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, suffix);
  adw_action_row_set_activatable_widget (row, suffix);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

GtkSpinButton *
sw_prefs_spin_row (AdwPreferencesGroup *group,
                   const char          *title,
                   const char          *subtitle,
                   double               max,
                   double               step)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, step);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  add_row (group, title, subtitle, spin);
  return GTK_SPIN_BUTTON (spin);
}

GtkSpinButton *
sw_prefs_time_row (AdwPreferencesGroup *group,
                   const char          *title)
{
  GtkSpinButton *spin = sw_prefs_spin_row (group, title, NULL, 24 * 60, 15);

  gtk_spin_button_set_numeric (spin, FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  g_signal_connect (spin, "output", G_CALLBACK (time_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (time_input_cb), NULL);
  return spin;
}

AdwEntryRow *
sw_prefs_entry_row (AdwPreferencesGroup *group,
                    const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

GtkButton *
sw_prefs_header_button (AdwPreferencesGroup *group,
                        const char          *label,
                        gboolean             suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  GtkWidget *box = adw_preferences_group_get_header_suffix (group);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  if (box == NULL)
    {
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      adw_preferences_group_set_header_suffix (group, box);
    }
  gtk_box_append (GTK_BOX (box), button);
  return GTK_BUTTON (button);
}
