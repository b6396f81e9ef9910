/* rp-import-dialog-review.c: the import dialog's review: what the import
 * will do, checked against the database without writing: the counts, every problem by line, every
 * duplicate with what a merge changes (merge, skip or add, one by one or all), and the first rows
 * as they will be stored.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-import-dialog-private.h"

/* ── review page ──────────────────────────────────────────────────────────────────────── */

/* An AdwPreferencesPage has no "remove all": each review is a new page. */
static void
clear_review (RpImportDialog *self)
{
  if (self->review_page != NULL)
    gtk_stack_remove (self->stack, GTK_WIDGET (self->review_page));
  self->review_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->review_page), "review");
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *t = g_markup_escape_text (title, -1);
  g_autofree char *s = subtitle != NULL ? g_markup_escape_text (subtitle, -1) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
  if (s != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s);
  return row;
}

/* The "Problems" group @group: a row for each problem (the first LISTED_IN_DIALOG), on the
 * review page. */
static void
add_problem_rows (RpImportDialog      *self,
                  AdwPreferencesGroup *group,
                  GPtrArray           *problems)
{
  adw_preferences_group_set_title (group, _("Problems"));
  for (guint i = 0; i < MIN (problems->len, LISTED_IN_DIALOG); i++)
    {
      RpImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *title = g_strdup_printf (_("Line %u"), problem->line);
      GtkWidget *row = text_row (title, problem->message);

      gtk_widget_add_css_class (row, "error");
      adw_preferences_group_add (group, row);
    }
  adw_preferences_page_add (self->review_page, group);
}

static GtkStringList *
action_labels (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, rp_duplicate_action_to_label (RP_DUPLICATE_MERGE));
  gtk_string_list_append (list, rp_duplicate_action_to_label (RP_DUPLICATE_SKIP));
  gtk_string_list_append (list, rp_duplicate_action_to_label (RP_DUPLICATE_ADD));
  return list;
}

static void
duplicate_action_changed_cb (AdwComboRow    *row,
                             GParamSpec     *pspec,
                             RpImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  rp_partner_import_set_duplicate_action (self->import, index, adw_combo_row_get_selected (row));
}

static void
all_action_changed_cb (AdwComboRow    *all,
                       GParamSpec     *pspec,
                       RpImportDialog *self)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (all), "rows");
  guint action = adw_combo_row_get_selected (all);

  rp_partner_import_set_default_action (self->import, action);
  for (guint i = 0; i < rows->len; i++)
    {
      g_signal_handlers_block_by_func (g_ptr_array_index (rows, i), duplicate_action_changed_cb,
                                       self);
      adw_combo_row_set_selected (g_ptr_array_index (rows, i), action);
      g_signal_handlers_unblock_by_func (g_ptr_array_index (rows, i),
                                         duplicate_action_changed_cb, self);
    }
}

void
_rp_import_dialog_fill_review (RpImportDialog *self)
{
  RpPartnerImport *import = self->import;
  GPtrArray *problems = rp_partner_import_get_problems (import);
  GPtrArray *preview = rp_partner_import_get_preview (import);
  GArray *lines = rp_partner_import_get_preview_lines (import);
  GPtrArray *duplicates = rp_partner_import_get_duplicates (import);
  guint n_invalid = rp_partner_import_get_n_invalid (import);
  guint n_valid = rp_partner_import_get_n_rows (import) - n_invalid;
  AdwPreferencesGroup *summary = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *text = NULL;
  g_autofree char *button = NULL;

  clear_review (self);

  text = g_strdup_printf (_("%u rows: %u new partners, %u already in Rapport or repeated in the "
                            "file, %u with problems. Nothing is written until you import."),
                          rp_partner_import_get_n_rows (import),
                          rp_partner_import_get_n_new (import),
                          rp_partner_import_get_n_duplicates (import), n_invalid);
  adw_preferences_group_set_title (summary, _("What Will Happen"));
  adw_preferences_group_set_description (summary, text);
  adw_preferences_page_add (self->review_page, summary);

  if (problems->len > 0)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      g_autofree char *description =
        g_strdup_printf (ngettext ("%u row cannot be imported as it is. Fix it in the file and "
                                   "choose it again, or import the other rows without it.",
                                   "%u rows cannot be imported as they are. Fix them in the "
                                   "file and choose it again, or import the other rows without "
                                   "them.", n_invalid), n_invalid);

      adw_preferences_group_set_description (group, description);
      add_problem_rows (self, group, problems);
    }

  if (duplicates->len > 0)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      GtkWidget *all = adw_combo_row_new ();
      g_autoptr(GtkStringList) actions = action_labels ();
      GPtrArray *rows = g_ptr_array_new ();

      adw_preferences_group_set_title (group, _("Duplicates"));
      adw_preferences_group_set_description (group, _("Merge fills the partner’s empty fields and "
                                                      "keeps every value already there."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (all), _("For All Duplicates"));
      adw_combo_row_set_model (ADW_COMBO_ROW (all), G_LIST_MODEL (actions));
      adw_combo_row_set_selected (ADW_COMBO_ROW (all),
                                  rp_partner_import_get_default_action (import));
      gtk_accessible_update_property (GTK_ACCESSIBLE (all), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("What to do with all duplicates"), -1);
      adw_preferences_group_add (group, all);

      for (guint i = 0; i < MIN (duplicates->len, LISTED_IN_DIALOG); i++)
        {
          RpImportDuplicate *duplicate = g_ptr_array_index (duplicates, i);
          GtkWidget *row = adw_combo_row_new ();
          g_autofree char *title = g_strdup_printf (_("Line %u: %s"), duplicate->line,
                                                    duplicate->incoming_name);
          g_autofree char *escaped_title = g_markup_escape_text (title, -1);
          g_autofree char *subtitle = NULL;
          g_autofree char *escaped = NULL;
          g_autofree char *accessible = NULL;

          if (duplicate->earlier_line > 0)
            subtitle = g_strdup_printf (_("%s as line %u"),
                                        rp_duplicate_match_to_label (duplicate->match),
                                        duplicate->earlier_line);
          else if (*duplicate->changes != '\0')
            subtitle = g_strdup_printf (_("%s as “%s”; a merge adds: %s"),
                                        rp_duplicate_match_to_label (duplicate->match),
                                        duplicate->existing_name, duplicate->changes);
          else
            subtitle = g_strdup_printf (_("%s as “%s”; a merge changes nothing"),
                                        rp_duplicate_match_to_label (duplicate->match),
                                        duplicate->existing_name);
          escaped = g_markup_escape_text (subtitle, -1);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (actions));
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), duplicate->action);
          accessible = g_strdup_printf (_("What to do with line %u, %s"), duplicate->line,
                                        duplicate->incoming_name);
          rp_accessible_set_label (GTK_WIDGET (row), accessible);
          g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
          g_signal_connect (row, "notify::selected", G_CALLBACK (duplicate_action_changed_cb),
                            self);
          g_ptr_array_add (rows, row);
          adw_preferences_group_add (group, row);
        }
      g_object_set_data_full (G_OBJECT (all), "rows", rows, (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect (all, "notify::selected", G_CALLBACK (all_action_changed_cb), self);
      adw_preferences_page_add (self->review_page, group);
    }

  if (preview->len > 0)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_title (group, _("Preview"));
      adw_preferences_group_set_description (group, _("The first rows, as they will be stored"));
      for (guint i = 0; i < preview->len; i++)
        {
          RpPartner *partner = g_ptr_array_index (preview, i);
          g_autofree char *address = rp_partner_dup_address_line (partner);
          g_autoptr(GString) subtitle = g_string_new (NULL);
          const char *parts[] = {
            rp_partner_get_credentials (partner), rp_partner_get_organization (partner),
            address, rp_partner_get_phone (partner), rp_partner_get_email (partner),
          };
          g_autofree char *title = NULL;

          for (guint j = 0; j < G_N_ELEMENTS (parts); j++)
            if (parts[j] != NULL && *parts[j] != '\0')
              g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "",
                                      parts[j]);
          if (*rp_partner_get_npi (partner) != '\0')
            g_string_append_printf (subtitle, " · NPI %s", rp_partner_get_npi (partner));
          title = g_strdup_printf (_("Line %u: %s"), g_array_index (lines, guint, i),
                                   rp_partner_get_display_name (partner));
          adw_preferences_group_add (group, text_row (title, subtitle->str));
        }
      adw_preferences_page_add (self->review_page, group);
    }

  self->skip_invalid = n_invalid > 0;
  if (n_invalid > 0)
    button = g_strdup_printf (ngettext ("Import %u Valid Row", "Import %u Valid Rows", n_valid),
                              n_valid);
  else
    button = g_strdup (_("_Import"));
  gtk_button_set_label (self->next_button, button);
  gtk_button_set_use_underline (self->next_button, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), n_valid > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "review");
}

void
_rp_import_dialog_fill_record_review (RpImportDialog *self)
{
  RpRecordImport *records = self->records;
  GPtrArray *problems = rp_record_import_get_problems (records);
  guint n_invalid = rp_record_import_get_n_invalid (records);
  guint n_new = rp_record_import_get_n_new (records);
  GPtrArray *preview = rp_record_import_get_preview (records);
  gboolean patient_refused = rp_record_import_has_patient_columns (records) &&
                             (self->vault == NULL ||
                              rp_vault_get_state (self->vault) != RP_VAULT_STATE_UNLOCKED);
  AdwPreferencesGroup *summary = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *text = NULL;

  clear_review (self);
  text = g_strdup_printf (self->what == RP_IMPORT_WHAT_REFERRALS
                          ? _("%u rows: %u new referrals, %u already in Rapport, %u with "
                              "problems. Nothing is written until you import.")
                          : _("%u rows: %u new activities, %u already in Rapport, %u with "
                              "problems. Nothing is written until you import."),
                          rp_record_import_get_n_rows (records), n_new,
                          rp_record_import_get_n_existing (records), n_invalid);
  adw_preferences_group_set_title (summary, _("What Will Happen"));
  adw_preferences_group_set_description (summary, text);
  adw_preferences_page_add (self->review_page, summary);

  /* Patient identifiers are sealed with the vault: locked, the columns are refused before
   * anything is written. */
  if (patient_refused)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      const char *why = self->vault != NULL ? rp_vault_get_state_message (self->vault) : NULL;
      g_autofree char *description =
        g_strdup_printf (_("%s. The file’s patient identifier columns cannot be sealed: unlock "
                           "the login keyring and choose the file again, or set those columns "
                           "to “Ignore” on the mapping page."),
                         why != NULL && *why != '\0' ? why : _("The patient vault is locked"));
      g_autofree char *escaped = g_markup_escape_text (description, -1);
      GtkWidget *row = text_row (_("Patient Identifiers Cannot Be Imported"), NULL);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      gtk_widget_add_css_class (row, "error");
      adw_preferences_group_add (group, row);
      adw_preferences_page_add (self->review_page, group);
    }

  if (problems->len > 0)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_description (group, _("Fix these rows in the file and choose it "
                                                      "again: nothing is imported while a row "
                                                      "has a problem."));
      add_problem_rows (self, group, problems);
    }

  if (preview->len > 0)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_title (group, _("Preview"));
      adw_preferences_group_set_description (group, _("The first rows, as they will be stored"));
      for (guint i = 0; i < preview->len; i++)
        {
          RpRecordPreview *row = g_ptr_array_index (preview, i);
          g_autofree char *title = g_strdup_printf (_("Line %u: %s"), row->line,
                                                    *row->partners != '\0'
                                                    ? row->partners : _("no partner"));

          adw_preferences_group_add (group, text_row (title, row->summary));
        }
      adw_preferences_page_add (self->review_page, group);
    }

  gtk_button_set_label (self->next_button, _("_Import"));
  gtk_button_set_use_underline (self->next_button, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button),
                            n_invalid == 0 && n_new > 0 && !patient_refused);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "review");
}

