/* rp-import-dialog.c: the import dialog.
 *
 * The file's columns first, each with its first value and the field it fills; then what the
 * import will do, checked against the database without writing: the first rows as they will be
 * stored, every problem by line, every duplicate with what a merge would change; then the import
 * itself on a worker thread with a connection of its own, one transaction, cancellable.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-import-dialog.h"
#include "rp-partner-import.h"
#include "rp-record-import.h"
#include "rp-vault.h"
#include "rp-vcard.h"

#define LISTED_IN_DIALOG 200

struct _RpImportDialog
{
  AdwWindow          parent_instance;

  RpStore           *store;
  RpVault           *vault;          /* the window's, for patient identifiers; or NULL */
  GFile             *file;
  GError            *open_error;     /* why the file could not be read, or NULL */
  RpPartnerImport   *import;         /* the file's header and first row, and partners */
  RpImportWhat       what;           /* what the file holds */
  RpRecordImport    *records;        /* its referrals or activities, or NULL */
  GCancellable      *cancellable;
  GPtrArray         *samples;        /* the first row's values, by column */

  GtkStack          *stack;
  GtkButton         *back_button;
  GtkButton         *next_button;
  GtkWidget         *mapping_page;
  AdwPreferencesPage *review_page;
  GtkWidget         *progress_page;
  GtkProgressBar    *progress_bar;
  GtkLabel          *progress_label;
  GtkButton         *stop_button;
  GtkWidget         *review_spinner;

  gboolean           running;
  gboolean           skip_invalid;
  guint              progress_id;
  guint              rows_done;
  guint              rows_total;
  double             rows_per_s;
  GMutex             progress_lock;
};

G_DEFINE_FINAL_TYPE (RpImportDialog, rp_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ── mapping page ─────────────────────────────────────────────────────────────────────── */

static gboolean
is_vcard (RpImportDialog *self)
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
  if (self->what != RP_IMPORT_WHAT_PARTNERS || !is_vcard (self))
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

static void
fill_review (RpImportDialog *self)
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

      adw_preferences_group_set_title (group, _("Problems"));
      adw_preferences_group_set_description (group, description);
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

static void show_mapping (RpImportDialog  *self,
                          RpPartnerImport *import,
                          RpImportWhat     what,
                          RpRecordImport  *records);
static void start_job    (RpImportDialog  *self,
                          gboolean         open,
                          gboolean         plan);

/* Another kind of content chosen: the file is read again with that kind's fields. */
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
    show_mapping (self, NULL, what, NULL);
  else
    start_job (self, TRUE, FALSE);
}

/* The review of referrals or activities: how many, and every problem by line. */
static void
fill_record_review (RpImportDialog *self)
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

      adw_preferences_group_set_title (group, _("Problems"));
      adw_preferences_group_set_description (group, _("Fix these rows in the file and choose it "
                                                      "again: nothing is imported while a row "
                                                      "has a problem."));
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

/* ── running ──────────────────────────────────────────────────────────────────────────── */

typedef struct
{
  RpImportDialog *self;       /* a reference */
  char           *db_path;
  gboolean        open;       /* read the file's header and first row */
  gboolean        guess;      /* with open: guess what the file holds, else open it as what */
  RpImportWhat    what;
  gboolean        plan;       /* plan only, else apply */
  RpPartnerImport *opened;
  RpRecordImport *records;
  gboolean        skip_invalid;
  RpImportResult  result;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->self);
  g_clear_object (&job->opened);
  g_clear_object (&job->records);
  g_free (job->db_path);
  g_free (job);
}

static void
progress_cb (guint    done,
             guint    total,
             double   rows_per_s,
             gpointer user_data)
{
  RpImportDialog *self = user_data;

  g_mutex_lock (&self->progress_lock);
  self->rows_done = done;
  self->rows_total = total;
  self->rows_per_s = rows_per_s;
  g_mutex_unlock (&self->progress_lock);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  RpImportDialog *self = user_data;
  g_autofree char *text = NULL;
  guint done, total;
  double rate;

  g_mutex_lock (&self->progress_lock);
  done = self->rows_done;
  total = self->rows_total;
  rate = self->rows_per_s;
  g_mutex_unlock (&self->progress_lock);

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  /* Translators: "12,000 of 100,000 rows, 45,000 rows a second". */
  text = g_strdup_printf (_("%'u of %'u rows, %'.0f rows a second"), done, total, rate);
  gtk_label_set_text (self->progress_label, text);
  return G_SOURCE_CONTINUE;
}

static void
run_job (GTask        *task,
         gpointer      source,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(GError) error = NULL;

  /* The first pass (the encoding, through the whole file; the header; a vCard converted) is
   * the worker's too: a file of a million rows does not freeze the window. */
  if (job->open)
    {
      gboolean vcard = is_vcard (job->self);
      RpPartnerImport *partners = job->self->import;

      if (partners == NULL)
        {
          job->opened = vcard ? rp_vcard_import_new (job->self->file, cancellable, &error)
                              : rp_partner_import_new (job->self->file, cancellable, &error);
          if (job->opened == NULL)
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          partners = job->opened;
        }
      /* Referrals or activities: read again, with their own fields. */
      if (job->guess)
        job->what = vcard ? RP_IMPORT_WHAT_PARTNERS
                          : rp_import_what_guess (rp_partner_import_get_headers (partners));
      if (job->what != RP_IMPORT_WHAT_PARTNERS)
        {
          job->records = rp_record_import_new (job->self->file, job->what, cancellable, &error);
          if (job->records == NULL)
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
        }
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* A connection of the worker's own: the window's stays responsive. */
  store = rp_store_open_full (job->db_path, RP_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Patient identifiers are sealed into the worker's rows: through a vault on its connection,
   * with the same key (the window's vault is unlocked, so the keyring gives it at once). */
  if (!job->plan && job->self->records != NULL &&
      rp_record_import_has_patient_columns (job->self->records))
    {
      if (job->self->vault == NULL ||
          rp_vault_get_state (job->self->vault) != RP_VAULT_STATE_UNLOCKED)
        {
          g_task_return_new_error (task, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED,
                                   _("The patient vault is locked: patient identifiers cannot be "
                                     "imported"));
          return;
        }
      vault = rp_vault_new (store);
      if (!rp_vault_unlock_sync (vault, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (rp_vault_get_state (vault) != RP_VAULT_STATE_UNLOCKED)
        {
          g_task_return_new_error (task, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED, "%s",
                                   rp_vault_get_state_message (vault));
          return;
        }
      rp_record_import_set_vault (job->self->records, vault);
    }

  if (job->self->records != NULL
      ? (job->plan ? rp_record_import_plan (job->self->records, store, cancellable, &error)
                   : rp_record_import_apply (job->self->records, store, cancellable, progress_cb,
                                             job->self, &job->result, &error))
      : (job->plan ? rp_partner_import_plan (job->self->import, store, cancellable, &error)
                   : rp_partner_import_apply (job->self->import, store, job->skip_invalid,
                                              cancellable, progress_cb, job->self, &job->result,
                                              &error)))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
  /* The worker's vault goes with its connection. */
  if (vault != NULL)
    rp_record_import_set_vault (job->self->records, job->self->vault);
}

static void
show_error (RpImportDialog *self,
            const char     *heading,
            const char     *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         heading, message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The worker read the file: its columns. */
static void
show_mapping (RpImportDialog  *self,
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
static void
show_open_error (RpImportDialog *self,
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

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RpImportDialog *self = RP_IMPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->running = FALSE;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), TRUE);
  gtk_widget_set_visible (self->review_spinner, FALSE);

  if (job->open)
    {
      if (!g_task_propagate_boolean (G_TASK (result), &error))
        show_open_error (self, g_steal_pointer (&error));
      else
        show_mapping (self, g_steal_pointer (&job->opened), job->what,
                      g_steal_pointer (&job->records));
      return;
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Cancelled: nothing was written; back to the review. */
          if (!job->plan)
            fill_review (self);
          return;
        }
      show_error (self, job->plan ? _("The File Could Not Be Checked")
                                  : _("Nothing Was Imported"), error->message);
      if (!job->plan)
        fill_review (self);
      return;
    }

  if (job->plan)
    {
      if (self->records != NULL)
        fill_record_review (self);
      else
        fill_review (self);
      return;
    }

  if (self->records != NULL)
    {
      g_autofree char *summary = NULL;

      g_signal_emit_by_name (self->store, "records-changed");
      summary = g_strdup_printf (self->what == RP_IMPORT_WHAT_REFERRALS
                                 ? ngettext ("Imported %u referral", "Imported %u referrals",
                                             job->result.added)
                                 : ngettext ("Imported %u activity", "Imported %u activities",
                                             job->result.added),
                                 job->result.added);
      /* No batch: Undo is rp_record_import_undo on rp_import_dialog_get_records(). */
      g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, (gint64) 0, summary);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  {
    g_autofree char *summary = NULL;
    g_autofree char *name = g_strdup (rp_partner_import_get_file_name (self->import));

    /* The window's connection did not see the worker's writes: tell its lists. */
    g_signal_emit_by_name (self->store, "partners-changed");
    /* Next time a file with these headers comes, the same mapping. */
    rp_partner_import_save_mapping (self->import, self->store, name, NULL);

    summary = g_strdup_printf (_("Imported %u new partners, merged %u"), job->result.added,
                               job->result.merged);
    g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, job->result.batch_id, summary);
    gtk_window_destroy (GTK_WINDOW (self));
  }
}

static void
start_job (RpImportDialog *self,
           gboolean        open,
           gboolean        plan)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->db_path = g_strdup (rp_store_get_path (self->store));
  job->open = open;
  job->guess = open && self->import == NULL;
  job->what = self->what;
  job->plan = plan;
  job->skip_invalid = self->skip_invalid;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), FALSE);

  if (!open && !plan)
    {
      self->rows_done = 0;
      self->rows_total = self->records != NULL ? rp_record_import_get_n_rows (self->records)
                                               : rp_partner_import_get_n_rows (self->import);
      self->rows_per_s = 0;
      show_progress_cb (self);
      gtk_stack_set_visible_child_name (self->stack, "progress");
      gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
      self->progress_id = g_timeout_add (100, show_progress_cb, self);
    }
  else if (plan)
    gtk_widget_set_visible (self->review_spinner, TRUE);

  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

static void
next_clicked_cb (RpImportDialog *self)
{
  if (self->running)
    return;
  if (g_str_equal (rp_import_dialog_get_page (self), "mapping"))
    rp_import_dialog_review (self);
  else
    rp_import_dialog_start (self);
}

static void
back_clicked_cb (RpImportDialog *self)
{
  if (self->running)
    return;
  gtk_stack_set_visible_child_name (self->stack, "mapping");
  gtk_button_set_label (self->next_button, _("_Continue"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
}

static gboolean
close_request_cb (RpImportDialog *self)
{
  /* Closing while it runs cancels: the transaction is rolled back. */
  if (self->running)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

/* ── GObject ──────────────────────────────────────────────────────────────────────────── */

static void
rp_import_dialog_dispose (GObject *object)
{
  RpImportDialog *self = RP_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);

  G_OBJECT_CLASS (rp_import_dialog_parent_class)->dispose (object);
}

static void
rp_import_dialog_finalize (GObject *object)
{
  RpImportDialog *self = RP_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->records);
  g_clear_object (&self->vault);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_error (&self->open_error);
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  g_mutex_clear (&self->progress_lock);

  G_OBJECT_CLASS (rp_import_dialog_parent_class)->finalize (object);
}

static void
rp_import_dialog_class_init (RpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Announced as a dialog with its title, not as a plain window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  object_class->dispose = rp_import_dialog_dispose;
  object_class->finalize = rp_import_dialog_finalize;

  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_import_dialog_init (RpImportDialog *self)
{
  g_mutex_init (&self->progress_lock);
  self->samples = g_ptr_array_new_with_free_func (g_free);
}

static void
build (RpImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *progress_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *progress_title = gtk_label_new (_("Importing…"));
  GtkWidget *loading = adw_status_page_new ();
  GtkWidget *loading_spinner = gtk_spinner_new ();
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *title = g_strdup_printf (_("Import “%s”"), name);

  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->back_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Back")));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->back_button));

  self->next_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Continue")));
  gtk_widget_add_css_class (GTK_WIDGET (self->next_button), "suggested-action");
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->next_button));
  /* Shown with the columns, once the file is read. */
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);
  self->review_spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (self->review_spinner));
  gtk_widget_set_visible (self->review_spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->review_spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Checking the file"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->review_spinner);
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  /* Until the worker has read the file. */
  adw_status_page_set_title (ADW_STATUS_PAGE (loading), _("Reading the File…"));
  adw_status_page_set_description (ADW_STATUS_PAGE (loading),
                                   _("Finding its text encoding, separator and columns"));
  gtk_spinner_start (GTK_SPINNER (loading_spinner));
  gtk_widget_set_size_request (loading_spinner, 32, 32);
  gtk_widget_set_halign (loading_spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (loading_spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reading the file"), -1);
  adw_status_page_set_child (ADW_STATUS_PAGE (loading), loading_spinner);
  gtk_stack_add_named (self->stack, loading, "loading");

  gtk_widget_add_css_class (progress_title, "title-2");
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import progress"), -1);
  self->progress_label = GTK_LABEL (gtk_label_new (""));
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "numeric");
  self->stop_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel Import")));
  gtk_widget_set_halign (GTK_WIDGET (self->stop_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->stop_button), "pill");
  g_signal_connect_swapped (self->stop_button, "clicked", G_CALLBACK (rp_import_dialog_cancel),
                            self);
  gtk_box_append (GTK_BOX (progress_box), progress_title);
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (self->progress_bar));
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (self->progress_label));
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (self->stop_button));
  gtk_widget_set_valign (progress_box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (progress_box, 48);
  gtk_widget_set_margin_end (progress_box, 48);
  self->progress_page = progress_box;
  gtk_stack_add_named (self->stack, progress_box, "progress");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

/* ── public API ───────────────────────────────────────────────────────────────────────── */

RpImportDialog *
rp_import_dialog_new (GtkWindow *parent,
                      RpStore   *store,
                      GFile     *file)
{
  RpImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (RP_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  build (self);
  start_job (self, TRUE, FALSE);
  return self;
}

const GError *
rp_import_dialog_get_error (RpImportDialog *self)
{
  g_return_val_if_fail (RP_IS_IMPORT_DIALOG (self), NULL);
  return self->open_error;
}

const char *
rp_import_dialog_get_page (RpImportDialog *self)
{
  g_return_val_if_fail (RP_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
rp_import_dialog_review (RpImportDialog *self)
{
  g_return_if_fail (RP_IS_IMPORT_DIALOG (self));

  if (!self->running)
    start_job (self, FALSE, TRUE);
}

void
rp_import_dialog_start (RpImportDialog *self)
{
  g_return_if_fail (RP_IS_IMPORT_DIALOG (self));

  if (!self->running)
    start_job (self, FALSE, FALSE);
}

void
rp_import_dialog_cancel (RpImportDialog *self)
{
  g_return_if_fail (RP_IS_IMPORT_DIALOG (self));

  if (self->running)
    g_cancellable_cancel (self->cancellable);
}

void
rp_import_dialog_set_vault (RpImportDialog *self,
                            RpVault        *vault)
{
  g_return_if_fail (RP_IS_IMPORT_DIALOG (self));
  g_return_if_fail (vault == NULL || RP_IS_VAULT (vault));

  g_set_object (&self->vault, vault);
  if (self->records != NULL && !self->running)
    rp_record_import_set_vault (self->records, vault);
}

RpRecordImport *
rp_import_dialog_get_records (RpImportDialog *self)
{
  g_return_val_if_fail (RP_IS_IMPORT_DIALOG (self), NULL);
  return self->records;
}
