/* rp-registry-import-dialog.c: see rp-registry-import-dialog.h.
 *
 * The import functions of src/core/registry do the work; this dialog gathers what they need,
 * runs them on a worker thread with a connection of its own (the window's stays responsive, and
 * the import is one transaction on that connection) and shows what they report.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-geo.h"
#include "rp-medicare-import.h"
#include "rp-nppes-import.h"
#include "rp-nucc-import.h"
#include "rp-page-util.h"
#include "rp-registry-import-dialog.h"

struct _RpRegistryImportDialog
{
  AdwWindow           parent_instance;

  RpContext          *context;
  GFile              *file;
  GCancellable       *cancellable;

  AdwToastOverlay    *toasts;
  AdwToast           *error_toast;  /* weak */
  GtkStack           *stack;
  GtkButton          *cancel_button;
  GtkButton          *import_button;

  AdwComboRow        *kind_row;
  AdwPreferencesGroup *file_group;
  AdwActionRow       *file_row;
  AdwEntryRow        *year_row;
  AdwPreferencesGroup *filters_group;
  AdwEntryRow        *state_row;
  AdwEntryRow        *zip_row;
  GtkDropDown        *within_dropdown;
  RpDistanceUnit      unit;
  AdwEntryRow        *taxonomy_row;
  AdwComboRow        *entity_row;

  GtkProgressBar     *progress_bar;
  GtkLabel           *read_label;
  GtkLabel           *kept_label;
  GtkLabel           *rate_label;
  AdwStatusPage      *done_status;
  GtkButton          *back_button;
  char               *result_title;
  char               *result_text;

  gboolean            running;
  gboolean            disposed;     /* closed while the worker ran: its widgets are gone */
  guint               progress_id;
  GMutex              progress_lock;
  RpRegistryProgress  progress;
  gboolean            progress_known;
};

G_DEFINE_FINAL_TYPE (RpRegistryImportDialog, rp_registry_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where each kind of file comes from, under the kind's choice. */
static const char *
kind_description (RpRegistryKind kind)
{
  switch (kind)
    {
    case RP_REGISTRY_KIND_NUCC:
      return _("The Health Care Provider Taxonomy code set, from nucc.org (Code Sets, "
               "Taxonomy, CSV). It names the specialties of the NPI file’s codes.");
    case RP_REGISTRY_KIND_MEDICARE:
      return _("“Medicare Physician & Other Practitioners — by Provider”, from data.cms.gov. "
               "It gives each NPI’s Medicare patients per year.");
    case RP_REGISTRY_KIND_NPPES:
    default:
      return _("The NPPES Data Dissemination file, monthly or weekly, from "
               "download.cms.gov/nppes: the ZIP as downloaded, or the CSV inside it.");
    }
}

static RpRegistryKind
get_kind (RpRegistryImportDialog *self)
{
  return (RpRegistryKind) adw_combo_row_get_selected (self->kind_row);
}

static void
update_sensitivity (RpRegistryImportDialog *self)
{
  RpRegistryKind kind = get_kind (self);
  /* The description is Pango markup, and CMS's title has an ampersand. */
  g_autofree char *description = g_markup_escape_text (kind_description (kind), -1);

  adw_preferences_group_set_description (self->file_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->filters_group), kind == RP_REGISTRY_KIND_NPPES);
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), kind == RP_REGISTRY_KIND_MEDICARE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), self->file != NULL && !self->running);
}

/* The kind a file's published name tells, or -1. */
static int
kind_from_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_prefix (lower, "npidata_pfile") || g_str_has_prefix (lower, "nppes_data"))
    return RP_REGISTRY_KIND_NPPES;
  if (strstr (lower, "nucc") != NULL || strstr (lower, "taxonomy") != NULL)
    return RP_REGISTRY_KIND_NUCC;
  if (g_str_has_prefix (lower, "mup_phy") || strstr (lower, "_prov.csv") != NULL)
    return RP_REGISTRY_KIND_MEDICARE;
  return -1;
}

static void
kind_changed_cb (RpRegistryImportDialog *self)
{
  update_sensitivity (self);
}

/* ── the file ────────────────────────────────────────────────────────────────────────────── */

static void
chooser_response_cb (GtkNativeDialog        *chooser,
                     int                     response,
                     RpRegistryImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      rp_registry_import_dialog_set_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_clicked_cb (RpRegistryImportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) files = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a Registry File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (files, _("CSV files and ZIP archives"));
  gtk_file_filter_add_suffix (files, "csv");
  gtk_file_filter_add_suffix (files, "zip");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), files);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ── progress, from the worker ───────────────────────────────────────────────────────────── */

static void
progress_cb (const RpRegistryProgress *progress,
             gpointer                  user_data)
{
  RpRegistryImportDialog *self = user_data;

  g_mutex_lock (&self->progress_lock);
  self->progress = *progress;
  self->progress_known = TRUE;
  g_mutex_unlock (&self->progress_lock);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  RpRegistryImportDialog *self = user_data;
  RpRegistryProgress progress;
  gboolean known;
  g_autofree char *read = NULL;
  g_autofree char *read_text = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *rate_text = NULL;

  g_mutex_lock (&self->progress_lock);
  progress = self->progress;
  known = self->progress_known;
  g_mutex_unlock (&self->progress_lock);

  if (!known)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      return G_SOURCE_CONTINUE;
    }

  read = g_format_size (progress.bytes_read);
  if (progress.bytes_total > 0)
    {
      g_autofree char *total = g_format_size (progress.bytes_total);

      gtk_progress_bar_set_fraction (self->progress_bar,
                                     MIN (1.0, (double) progress.bytes_read /
                                               (double) progress.bytes_total));
      /* Translators: bytes of the file read so far, "1.2 GB of 9.4 GB". */
      read_text = g_strdup_printf (_("%s of %s"), read, total);
    }
  else
    {
      gtk_progress_bar_pulse (self->progress_bar);
      read_text = g_strdup (read);
    }
  kept = rp_registry_format_count (progress.rows_kept);
  rate = g_strdup_printf ("%'.0f", progress.rows_per_s);
  /* Translators: the import's speed, "251,000 rows a second". */
  rate_text = g_strdup_printf (_("%s rows a second"), rate);
  gtk_label_set_text (self->read_label, read_text);
  gtk_label_set_text (self->kept_label, kept);
  gtk_label_set_text (self->rate_label, rate_text);
  return G_SOURCE_CONTINUE;
}

/* ── the job ─────────────────────────────────────────────────────────────────────────────── */

typedef struct
{
  RpRegistryImportDialog *self; /* a reference */
  RpRegistryKind          kind;
  char                   *db_path;
  GFile                  *file;
  RpNppesFilter           filter;
  int                     year;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->self);
  g_free (job->db_path);
  g_object_unref (job->file);
  rp_nppes_filter_clear (&job->filter);
  g_free (job);
}

static void
run_job (GTask        *task,
         gpointer      source,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *summary = NULL;

  store = rp_store_open_full (job->db_path, RP_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  switch (job->kind)
    {
    case RP_REGISTRY_KIND_NPPES:
      {
        g_autoptr(RpNppesResult) result =
          rp_nppes_import (store, job->file, &job->filter, progress_cb, job->self, cancellable,
                           &error);

        if (result != NULL)
          summary = rp_nppes_result_dup_summary (result);
      }
      break;
    case RP_REGISTRY_KIND_NUCC:
      {
        g_autoptr(RpNuccResult) result = rp_nucc_import (store, job->file, cancellable, &error);

        if (result != NULL)
          summary = rp_nucc_result_dup_summary (result);
      }
      break;
    case RP_REGISTRY_KIND_MEDICARE:
    default:
      {
        g_autoptr(RpMedicareResult) result =
          rp_medicare_import_full (store, job->file, job->year, progress_cb, job->self,
                                   cancellable, &error);

        if (result != NULL)
          summary = rp_medicare_result_dup_summary (result);
      }
      break;
    }

  if (summary == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, summary, g_free);
}

static void
show_result (RpRegistryImportDialog *self,
             const char             *icon,
             const char             *title,
             const char             *text,
             gboolean                can_go_back)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_free (self->result_title);
  self->result_title = g_strdup (title);
  g_free (self->result_text);
  self->result_text = g_strdup (text);
  adw_status_page_set_icon_name (self->done_status, icon);
  adw_status_page_set_title (self->done_status, title);
  /* The description is Pango markup: the file's own text (a column name, a value) is escaped. */
  adw_status_page_set_description (self->done_status, escaped);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), can_go_back);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_window_set_deletable (GTK_WINDOW (self), TRUE);
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RpRegistryImportDialog *self = RP_REGISTRY_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  self->running = FALSE;
  g_clear_handle_id (&self->progress_id, g_source_remove);

  summary = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->disposed)
    {
      /* Closed while it ran: cancelled, unless it had committed already. */
      if (summary != NULL)
        g_signal_emit_by_name (rp_context_get_store (self->context), "partners-changed");
      return;
    }
  if (summary == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_result (self, "process-stop-symbolic", _("Import Cancelled"),
                     _("Nothing was changed."), TRUE);
      else
        show_result (self, "dialog-error-symbolic", _("Nothing Was Imported"), error->message,
                     TRUE);
      return;
    }

  show_result (self, "object-select-symbolic", _("Import Complete"), summary, FALSE);
  /* The window's connection did not see the worker's writes: the partners' registry hints and
   * scores may have changed. The Prospects page also follows the prospects' stamp. */
  g_signal_emit_by_name (rp_context_get_store (self->context), "partners-changed");
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, summary);
}

/* Reads the filters; marks the field at fault. */
static gboolean
read_filter (RpRegistryImportDialog *self,
             RpNppesFilter          *filter,
             GError                **error)
{
  const char *state = gtk_editable_get_text (GTK_EDITABLE (self->state_row));
  const char *zips = gtk_editable_get_text (GTK_EDITABLE (self->zip_row));
  const char *taxonomies = gtk_editable_get_text (GTK_EDITABLE (self->taxonomy_row));
  static const char * const entities[] = { NULL, "1", "2" };
  guint entity = adw_combo_row_get_selected (self->entity_row);
  g_autofree char *within = NULL;
  double km = rp_page_within_km (gtk_drop_down_get_selected (self->within_dropdown),
                                 self->unit);
  struct { AdwEntryRow *row; const char *state, *zips; } fields[] = {
    { self->state_row, state, NULL },
    { self->zip_row, NULL, zips },
  };

  if (km > 0)
    within = g_strdup_printf ("%.3fkm", km);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      RpNppesFilter one;
      g_autoptr(GError) field_error = NULL;

      if (rp_nppes_filter_parse (&one, fields[i].state, fields[i].zips, NULL, NULL, NULL,
                                 &field_error))
        rp_nppes_filter_clear (&one);
      rp_entry_row_set_error (fields[i].row, field_error);
    }
  return rp_nppes_filter_parse (filter, state, zips, within, taxonomies,
                                entities[MIN (entity, G_N_ELEMENTS (entities) - 1)], error);
}

/* ── signals of the widgets ──────────────────────────────────────────────────────────────── */

static void
import_clicked_cb (RpRegistryImportDialog *self)
{
  rp_registry_import_dialog_start (self);
}

static void
cancel_clicked_cb (RpRegistryImportDialog *self)
{
  if (self->running)
    rp_registry_import_dialog_cancel (self);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
back_clicked_cb (RpRegistryImportDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "setup");
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), TRUE);
  gtk_button_set_label (self->cancel_button, _("_Cancel"));
  update_sensitivity (self);
}

static void
close_clicked_cb (RpRegistryImportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request_cb (RpRegistryImportDialog *self)
{
  /* Closing while it runs cancels: the transaction is rolled back. */
  if (self->running)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

/* ── building ────────────────────────────────────────────────────────────────────────────── */

static void
show_error_toast (RpRegistryImportDialog *self,
                  const char             *message)
{
  AdwToast *toast = adw_toast_new (message);

  if (self->error_toast != NULL)
    adw_toast_dismiss (self->error_toast);
  g_set_weak_pointer (&self->error_toast, toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
entry_changed_cb (AdwEntryRow *row)
{
  rp_entry_row_set_error (row, NULL);
}

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static GtkLabel *
value_row (GtkWidget  *list,
           const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value = gtk_label_new ("—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_selectable (GTK_LABEL (value), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return GTK_LABEL (value);
}

static GtkWidget *
build_setup (RpRegistryImportDialog *self)
{
  const char *kinds[] = { _("NPPES providers"), _("NUCC taxonomy"), _("Medicare by provider"),
                          NULL };
  const char *entities[] = { _("Individuals and organizations"), _("Individuals only"),
                             _("Organizations only"), NULL };
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("C_hoose…"));
  GtkWidget *within_row = adw_action_row_new ();
  GtkWidget *within = gtk_drop_down_new (NULL, NULL);
  GtkWidget *row;

  self->file_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->file_group, _("Registry File"));

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Kind of file"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row),
                           G_LIST_MODEL (gtk_string_list_new ((const char * const *) kinds)));
  self->kind_row = ADW_COMBO_ROW (row);
  adw_preferences_group_add (self->file_group, row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("File"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No file chosen"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the registry file to import"), -1);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (choose_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choose);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), choose);
  self->file_row = ADW_ACTION_ROW (row);
  adw_preferences_group_add (self->file_group, row);

  self->year_row = entry_row (self->file_group, _("Data year (from the file’s name)"));
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->year_row), 4);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->file_group);

  self->filters_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->filters_group, _("Which Providers to Keep"));
  adw_preferences_group_set_description (self->filters_group,
                                         _("Only active providers that pass every filter "
                                           "are kept. Leave a field empty to keep any."));
  self->state_row = entry_row (self->filters_group, _("State (two letters, as OH)"));
  self->zip_row = entry_row (self->filters_group, _("ZIP codes starting with (430, 431…)"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (within_row),
                                 _("Distance from the practice"));
  {
    g_autofree char *setting = g_settings_get_string (rp_context_get_settings (self->context),
                                                      "distance-unit");

    self->unit = rp_distance_unit_from_string (setting);
    rp_page_fill_within (GTK_DROP_DOWN (within), self->unit, TRUE);
  }
  gtk_widget_set_valign (within, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (within), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Distance from the practice"), -1);
  rp_accessible_name_inner (within, GTK_TYPE_TOGGLE_BUTTON, _("Distance from the practice"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (within_row), within);
  self->within_dropdown = GTK_DROP_DOWN (within);
  adw_preferences_group_add (self->filters_group, within_row);

  self->taxonomy_row = entry_row (self->filters_group,
                                  _("Taxonomy codes or specialties (207R00000X, Cardiology…)"));

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Providers"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row),
                           G_LIST_MODEL (gtk_string_list_new ((const char * const *) entities)));
  self->entity_row = ADW_COMBO_ROW (row);
  adw_preferences_group_add (self->filters_group, row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->filters_group);

  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb),
                            self);
  return page;
}

static GtkWidget *
build_progress (RpRegistryImportDialog *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *clamp = adw_clamp_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-open-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Importing…"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("The file is read once, as it streams. Cancel changes "
                                     "nothing."));
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import progress"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->read_label = value_row (list, _("Read"));
  self->kept_label = value_row (list, _("Rows kept"));
  self->rate_label = value_row (list, _("Speed"));
  gtk_box_append (GTK_BOX (box), list);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 420);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), clamp);
  return status;
}

static GtkWidget *
build_done (RpRegistryImportDialog *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *close = gtk_button_new_with_mnemonic (_("_Close"));
  GtkWidget *back = gtk_button_new_with_mnemonic (_("_Back"));

  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (close, "pill");
  gtk_widget_add_css_class (close, "suggested-action");
  gtk_widget_add_css_class (back, "pill");
  gtk_widget_set_tooltip_text (back, _("Back to the file and its filters"));
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (close_clicked_cb), self);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (back_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), back);
  gtk_box_append (GTK_BOX (buttons), close);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), buttons);
  self->back_button = GTK_BUTTON (back);
  self->done_status = ADW_STATUS_PAGE (status);
  return status;
}

static void
build (RpRegistryImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Import Public Registry"));
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 680);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->cancel_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel")));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb),
                            self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->cancel_button));
  self->import_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Import")));
  gtk_widget_add_css_class (GTK_WIDGET (self->import_button), "suggested-action");
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (import_clicked_cb),
                            self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->import_button));
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, build_setup (self), "setup");
  gtk_stack_add_named (self->stack, build_progress (self), "progress");
  gtk_stack_add_named (self->stack, build_done (self), "done");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  update_sensitivity (self);
}

/* ── GObject ─────────────────────────────────────────────────────────────────────────────── */

static void
rp_registry_import_dialog_dispose (GObject *object)
{
  RpRegistryImportDialog *self = RP_REGISTRY_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_weak_pointer (&self->error_toast);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (rp_registry_import_dialog_parent_class)->dispose (object);
}

static void
rp_registry_import_dialog_finalize (GObject *object)
{
  RpRegistryImportDialog *self = RP_REGISTRY_IMPORT_DIALOG (object);

  g_free (self->result_title);
  g_free (self->result_text);
  g_clear_object (&self->context);
  g_mutex_clear (&self->progress_lock);
  G_OBJECT_CLASS (rp_registry_import_dialog_parent_class)->finalize (object);
}

static void
rp_registry_import_dialog_class_init (RpRegistryImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rp_registry_import_dialog_dispose;
  object_class->finalize = rp_registry_import_dialog_finalize;

  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rp_registry_import_dialog_init (RpRegistryImportDialog *self)
{
  g_mutex_init (&self->progress_lock);
}

/* ── public ──────────────────────────────────────────────────────────────────────────────── */

RpRegistryImportDialog *
rp_registry_import_dialog_new (GtkWindow *parent,
                               RpContext *context)
{
  RpRegistryImportDialog *self;

  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  self = g_object_new (RP_TYPE_REGISTRY_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  build (self);
  return self;
}

const char *
rp_registry_import_dialog_get_page (RpRegistryImportDialog *self)
{
  g_return_val_if_fail (RP_IS_REGISTRY_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
rp_registry_import_dialog_set_kind (RpRegistryImportDialog *self,
                                    RpRegistryKind          kind)
{
  g_return_if_fail (RP_IS_REGISTRY_IMPORT_DIALOG (self));

  adw_combo_row_set_selected (self->kind_row, kind);
}

void
rp_registry_import_dialog_set_file (RpRegistryImportDialog *self,
                                    GFile                  *file)
{
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  int kind;

  g_return_if_fail (RP_IS_REGISTRY_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  name = g_file_get_basename (file);
  display = g_file_get_parse_name (file);
  adw_action_row_set_subtitle (self->file_row, display);
  /* The published names say what the file is. */
  kind = kind_from_name (name);
  if (kind >= 0)
    adw_combo_row_set_selected (self->kind_row, (guint) kind);
  if (rp_medicare_year_from_name (name) > 0)
    {
      g_autofree char *year = g_strdup_printf ("%d", rp_medicare_year_from_name (name));

      gtk_editable_set_text (GTK_EDITABLE (self->year_row), year);
    }
  update_sensitivity (self);
}

void
rp_registry_import_dialog_set_filters (RpRegistryImportDialog *self,
                                       const char             *state,
                                       const char             *zips,
                                       guint                   within_index,
                                       const char             *taxonomies,
                                       guint                   entity)
{
  g_return_if_fail (RP_IS_REGISTRY_IMPORT_DIALOG (self));

  if (state != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->state_row), state);
  if (zips != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->zip_row), zips);
  gtk_drop_down_set_selected (self->within_dropdown, within_index);
  if (taxonomies != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->taxonomy_row), taxonomies);
  adw_combo_row_set_selected (self->entity_row, MIN (entity, 2));
}

void
rp_registry_import_dialog_start (RpRegistryImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (RP_IS_REGISTRY_IMPORT_DIALOG (self));

  if (self->running || self->file == NULL)
    return;

  job = g_new0 (Job, 1);
  job->self = g_object_ref (self);
  job->kind = get_kind (self);
  job->db_path = g_strdup (rp_store_get_path (rp_context_get_store (self->context)));
  job->file = g_object_ref (self->file);
  if (job->kind == RP_REGISTRY_KIND_NPPES && !read_filter (self, &job->filter, &error))
    {
      show_error_toast (self, error->message);
      job_free (job);
      return;
    }
  if (job->kind == RP_REGISTRY_KIND_MEDICARE)
    {
      const char *year = gtk_editable_get_text (GTK_EDITABLE (self->year_row));
      guint64 value = 0;

      /* Empty: the year from the file's name, as the command line does. */
      if (*year != '\0' &&
          (!g_ascii_string_to_unsigned (year, 10, 1990, 2100, &value, NULL)))
        {
          g_autoptr(GError) year_error =
            g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("“%s” is not a year; give the data year of the file, as 2023"), year);

          rp_entry_row_set_error (self->year_row, year_error);
          show_error_toast (self, year_error->message);
          job_free (job);
          return;
        }
      rp_entry_row_set_error (self->year_row, NULL);
      job->year = (int) value;
    }

  if (self->error_toast != NULL)
    adw_toast_dismiss (self->error_toast);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  self->progress_known = FALSE;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->read_label, "—");
  gtk_label_set_text (self->kept_label, "—");
  gtk_label_set_text (self->rate_label, "—");
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Stop Import"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->cancel_button),
                               _("Stop the import; nothing is changed"));
  self->progress_id = g_timeout_add (200, show_progress_cb, self);

  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

void
rp_registry_import_dialog_cancel (RpRegistryImportDialog *self)
{
  g_return_if_fail (RP_IS_REGISTRY_IMPORT_DIALOG (self));

  if (self->running && self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

const char *
rp_registry_import_dialog_get_result_title (RpRegistryImportDialog *self)
{
  g_return_val_if_fail (RP_IS_REGISTRY_IMPORT_DIALOG (self), NULL);

  return self->result_title;
}

const char *
rp_registry_import_dialog_get_result_text (RpRegistryImportDialog *self)
{
  g_return_val_if_fail (RP_IS_REGISTRY_IMPORT_DIALOG (self), NULL);

  return self->result_text;
}
