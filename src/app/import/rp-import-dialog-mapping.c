/* rp-import-dialog-mapping.c: the import dialog's first page: what the file
 * holds, and each of its columns with its first value and the field it fills (re-assignable or
 * ignored); a mapping saved for the same headers wins over the guess.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-import-dialog-private.h"

/* ── mapping page ─────────────────────────────────────────────────────────────────────── */

gboolean
_rp_import_dialog_is_vcard (RpImportDialog *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

  return g_str_has_suffix (lower, ".vcf");
}

static GtkStringList *
field_labels (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < RP_IMPORT_N_FIELDS; i++)
    gtk_string_list_append (list, rp_import_field_to_label (i));
  return list;
}

static void
column_field_changed_cb (AdwComboRow    *row,
                         GParamSpec     *pspec,
                         RpImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint field = adw_combo_row_get_selected (row);
  GArray *mapping;
  const RpRecordField *record_fields = NULL;
  guint n_record_fields = 0;

  if (self->records != NULL)
    {
      /* A referral's or an activity's fields: the row lists only those. */
      record_fields = rp_record_fields_for (self->what, &n_record_fields);
      mapping = rp_record_import_get_mapping (self->records);
      if (field >= n_record_fields ||
          g_array_index (mapping, RpRecordField, column) == record_fields[field])
        return;
      rp_record_import_set_column_field (self->records, column, record_fields[field]);
    }
  else
    {
      mapping = rp_partner_import_get_mapping (self->import);
      if (g_array_index (mapping, RpImportField, column) == field)
        return;
      rp_partner_import_set_column_field (self->import, column, field);
    }
  /* A field moved here from another column: that one shows "Ignore" now. */
  for (GtkWidget *child = gtk_widget_get_parent (GTK_WIDGET (row)) != NULL
                          ? gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (row)))
                          : NULL;
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_COMBO_ROW (child) && child != GTK_WIDGET (row))
        {
          guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "column"));
          guint selected = g_array_index (mapping, guint, c);

          /* A record field is shown by its place in the row's list. */
          for (guint i = 0; record_fields != NULL && i < n_record_fields; i++)
            if (record_fields[i] == (RpRecordField) g_array_index (mapping, guint, c))
              selected = i;
          if (adw_combo_row_get_selected (ADW_COMBO_ROW (child)) != selected)
            adw_combo_row_set_selected (ADW_COMBO_ROW (child), selected);
        }
    }
}

static void what_changed_cb (AdwComboRow    *row,
                             GParamSpec     *pspec,
                             RpImportDialog *self);

static GtkWidget *
build_mapping_page (RpImportDialog *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *about = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GPtrArray *headers = rp_partner_import_get_headers (self->import);
  GArray *mapping = self->records != NULL ? rp_record_import_get_mapping (self->records)
                                          : rp_partner_import_get_mapping (self->import);
  g_autoptr(GtkStringList) labels = NULL;
  const RpRecordField *record_fields = NULL;
  guint n_record_fields = 0;
  g_autofree char *description = NULL;
  const char *delimiter;

  switch (rp_partner_import_get_delimiter (self->import))
    {
    case ';': delimiter = _("semicolons"); break;
    case '\t': delimiter = _("tabs"); break;
    default: delimiter = _("commas"); break;
    }
  description = g_strdup_printf (_("%s, columns separated by %s. Choose what each column holds, "
                                   "or ignore it."),
                                 g_str_equal (rp_partner_import_get_encoding (self->import),
                                              "UTF-8")
                                 ? _("Unicode (UTF-8) text")
                                 : _("Western (Windows-1252) text"),
                                 delimiter);
  adw_preferences_group_set_title (about, rp_partner_import_get_file_name (self->import));
  adw_preferences_group_set_description (about, description);

  /* What the file holds (guessed from its headers): a vCard holds partners only. */
  if (self->what != RP_IMPORT_WHAT_PARTNERS || !_rp_import_dialog_is_vcard (self))
    {
      GtkWidget *what = adw_combo_row_new ();
      g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

      gtk_string_list_append (kinds, _("Partners"));
      gtk_string_list_append (kinds, _("Referrals"));
      gtk_string_list_append (kinds, _("Activities"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (what), _("What Is in This File"));
      adw_combo_row_set_model (ADW_COMBO_ROW (what), G_LIST_MODEL (kinds));
      adw_combo_row_set_selected (ADW_COMBO_ROW (what), self->what);
      g_object_set_data (G_OBJECT (what), "what", GUINT_TO_POINTER (1));
      rp_accessible_set_label (what, _("What the file holds: partners, referrals or activities"));
      g_signal_connect (what, "notify::selected", G_CALLBACK (what_changed_cb), self);
      adw_preferences_group_add (about, what);
    }
  adw_preferences_page_add (page, about);

  if (self->records != NULL)
    {
      labels = gtk_string_list_new (NULL);
      record_fields = rp_record_fields_for (self->what, &n_record_fields);
      for (guint i = 0; i < n_record_fields; i++)
        gtk_string_list_append (labels, rp_record_field_to_label (record_fields[i]));
    }
  else
    labels = field_labels ();

  adw_preferences_group_set_title (group, _("Columns"));
  for (guint i = 0; i < headers->len; i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *header = g_ptr_array_index (headers, i);
      const char *sample = i < self->samples->len ? g_ptr_array_index (self->samples, i) : "";
      g_autofree char *title = *header != '\0' ? g_markup_escape_text (header, -1)
                                               : g_strdup_printf (_("Column %u"), i + 1);
      g_autofree char *subtitle = NULL;
      g_autofree char *accessible = NULL;

      subtitle = *sample != '\0' ? g_markup_escape_text (sample, MIN (strlen (sample), 80))
                                 : g_strdup (_("(empty in the first row)"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      {
        guint selected = g_array_index (mapping, guint, i);

        for (guint j = 0; record_fields != NULL && j < n_record_fields; j++)
          if (record_fields[j] == (RpRecordField) g_array_index (mapping, guint, i))
            selected = j;
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      }
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      accessible = g_strdup_printf (_("Field for the column “%s”"), header);
      rp_accessible_set_label (GTK_WIDGET (row), accessible);
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_field_changed_cb), self);
      adw_preferences_group_add (group, row);
    }
  adw_preferences_page_add (page, group);
  return GTK_WIDGET (page);
}

static void
what_changed_cb (AdwComboRow    *row,
                 GParamSpec     *pspec,
                 RpImportDialog *self)
{
  RpImportWhat what = adw_combo_row_get_selected (row);

  if (self->running || what == self->what)
    return;
  self->what = what;
  if (what == RP_IMPORT_WHAT_PARTNERS)
    _rp_import_dialog_show_mapping (self, NULL, what, NULL);
  else
    _rp_import_dialog_start_job (self, TRUE, FALSE);
}

void
_rp_import_dialog_show_mapping (RpImportDialog  *self,
              RpPartnerImport *import,
              RpImportWhat     what,
              RpRecordImport  *records)
{
  if (import != NULL)
    {
      GPtrArray *first;

      self->import = import;
      /* A mapping saved for the same headers wins over the guess. */
      rp_partner_import_load_mapping (self->import, self->store, NULL, NULL);

      /* The first row's values, to show beside each column. */
      first = rp_partner_import_get_first_row (self->import);
      for (guint i = 0; first != NULL && i < first->len; i++)
        g_ptr_array_add (self->samples, g_strdup (g_ptr_array_index (first, i)));
    }
  self->what = what;
  g_clear_object (&self->records);
  self->records = records;
  if (records != NULL)
    rp_record_import_set_vault (records, self->vault);

  if (self->mapping_page != NULL)
    gtk_stack_remove (self->stack, self->mapping_page);
  self->mapping_page = build_mapping_page (self);
  gtk_stack_add_named (self->stack, self->mapping_page, "mapping");
  gtk_stack_set_visible_child_full (self->stack, "mapping", GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), TRUE);
}

/* The file cannot be read: why, and nothing else to do but close. */
void
_rp_import_dialog_show_open_error (RpImportDialog *self,
                 GError         *error)
{
  GtkWidget *page = adw_status_page_new ();
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Cannot Be Imported"), name);

  self->open_error = error;
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), heading);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), error->message);
  gtk_stack_add_named (self->stack, page, "error");
  gtk_stack_set_visible_child_full (self->stack, "error", GTK_STACK_TRANSITION_TYPE_NONE);
}

