/* rp-print-actions.c
 *
 * The actions build an RpDocument from the store (src/core lays it out) and hand it to an
 * RpPrintJob: GTK's print dialog for "print.<kind>", a file chooser then a PDF for
 * "print.save-<kind>". The documents are made before any dialog opens, so that "nothing is
 * planned that week" shows at once instead of after the user picked a file name.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rp-letter.h"
#include "rp-page-util.h"
#include "rp-period.h"
#include "rp-print-actions-private.h"
#include "rp-print-job.h"
#include "rp-save-chooser.h"
#include "rp-store-partners.h"
#include "rp-store-practice.h"
#include "rp-store-tasks.h"
#include "rp-store-visits.h"
#include "rp-team.h"
#include "rp-thank-yous.h"

typedef struct
{
  GtkWindow *window;   /* weak: the window owns the action group that owns this */
  RpContext *context;
} PrintActions;

/* What the user is about to save, while the file chooser is open. */
typedef struct
{
  PrintActions *actions;
  RpDocument   *document;
  const char   *kind;           /* static: "packet", … */
} SaveRequest;

/* The folder of the last PDF saved this session: the next one goes beside it. */
static char *last_save_folder;

static void
print_actions_free (gpointer data)
{
  PrintActions *actions = data;

  g_clear_weak_pointer (&actions->window);
  g_clear_object (&actions->context);
  g_free (actions);
}

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->document);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveRequest, save_request_free)

static void
add_toast (PrintActions *actions,
           AdwToast     *toast)
{
  if (actions->window != NULL)
    rp_page_add_window_toast (actions->window, toast);
  else
    {
      g_debug ("No window for the toast: %s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

static void
show_error (PrintActions *actions,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog;

  if (actions->window == NULL)
    {
      g_debug ("%s: %s", heading, error->message);
      return;
    }

  dialog = adw_message_dialog_new (actions->window, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "Nothing is planned" and the like deserve a toast; a failing printer or disk a dialog. */
static void
report_document_error (PrintActions *actions,
                       const GError *error)
{
  if (g_error_matches (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_EMPTY))
    add_toast (actions, adw_toast_new (error->message));
  else
    show_error (actions, _("Could Not Prepare the Document"), error);
}

/* ── What to print ──────────────────────────────────────────────────────────────────────── */

static GDateTime *
parse_day (const char *day)
{
  int y, m, d;

  if (day == NULL || sscanf (day, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;

  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

/* "Nov 23" */
static char *
format_short_day (const char *day)
{
  g_autoptr(GDateTime) date = parse_day (day);

  if (date == NULL)
    return g_strdup (day);

  return g_date_time_format (date, "%b %-d");
}

/* A file name from a document title: no path separators, and the title's dash as a plain one. */
static char *
file_name_from_title (const char *title)
{
  g_autoptr(GString) name = g_string_new (title != NULL && *title != '\0' ? title : _("Document"));

  g_string_replace (name, "—", "-", 0);
  g_string_replace (name, "/", "-", 0);
  g_string_replace (name, "\\", "-", 0);
  g_string_replace (name, ":", "", 0);
  g_string_append (name, ".pdf");

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static RpPractice *
load_practice (RpStore  *store,
               GError  **error)
{
  return rp_store_get_practice (store, error);
}

/* The partners a document of thank-you letters is for, so that the toast saying it is saved or
 * printed can offer to mark their thank-yous done. */
#define LETTER_PARTNERS_KEY "rp-letter-partner-ids"

static void
remember_letter_partners (RpDocument *document,
                          GPtrArray  *partners)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), partners->len);

  for (guint i = 0; i < partners->len; i++)
    {
      gint64 id = rp_partner_get_id (g_ptr_array_index (partners, i));

      g_array_append_val (ids, id);
    }
  g_object_set_data_full (G_OBJECT (document), LETTER_PARTNERS_KEY, ids,
                          (GDestroyNotify) g_array_unref);
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The partners of @ids (an "ax" value), or with an empty array every partner with a thank-you
 * due today or earlier (rp_thank_yous_list_due: not those due later), in due order. */
static GPtrArray *
load_letter_partners (RpStore   *store,
                      GVariant  *ids,
                      GError   **error)
{
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) wanted = NULL;
  gsize n_ids = 0;
  const gint64 *given = g_variant_get_fixed_array (ids, &n_ids, sizeof (gint64));

  if (n_ids > 0)
    {
      wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_vals (wanted, given, (guint) n_ids);
    }
  else
    {
      g_autofree char *today = dup_today ();

      wanted = rp_thank_yous_list_due (store, today, error);
      if (wanted == NULL)
        return NULL;
    }

  for (guint i = 0; i < wanted->len; i++)
    {
      gint64 id = g_array_index (wanted, gint64, i);
      RpPartner *partner;
      gint64 *key;

      if (g_hash_table_contains (seen, &id))
        continue;
      key = g_memdup2 (&id, sizeof id);
      g_hash_table_add (seen, key);

      partner = rp_store_get_partner (store, id, error);
      if (partner == NULL)
        return NULL;
      g_ptr_array_add (partners, partner);
    }

  if (partners->len == 0)
    {
      g_set_error_literal (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_EMPTY,
                           _("No thank-you notes are due"));
      return NULL;
    }

  return g_steal_pointer (&partners);
}

/* Every partner this liaison planned (not cancelled) from @from to @to, once, in the order of
 * the days: the packets are for one's own stops, not for other liaisons' visits of the team
 * calendar. */
static GPtrArray *
load_planned_partners (RpStore     *store,
                       const char  *from,
                       const char  *to,
                       GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  all = rp_store_list_visits_between (store, from, to, FALSE, error);
  if (all == NULL)
    return NULL;
  visits = rp_team_own_visits (all);

  for (guint i = 0; i < visits->len; i++)
    {
      gint64 id = rp_planned_visit_get_partner_id (g_ptr_array_index (visits, i));
      RpPartner *partner;

      if (id <= 0 || g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));

      partner = rp_store_get_partner (store, id, error);
      if (partner == NULL)
        return NULL;
      g_ptr_array_add (partners, partner);
    }

  return g_steal_pointer (&partners);
}

/* Every partner planned Monday…Friday of the week of @monday, once, in the order of the week. */
static GPtrArray *
load_week_partners (RpStore     *store,
                    const char  *monday,
                    GError     **error)
{
  g_autoptr(GDateTime) start = parse_day (monday);
  g_autoptr(GDateTime) friday = NULL;
  g_autofree char *to = NULL;
  g_autofree char *short_day = NULL;
  g_autoptr(GPtrArray) partners = NULL;

  if (start == NULL)
    {
      g_set_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_FAILED,
                   _("“%s” is not a date"), monday);
      return NULL;
    }

  friday = g_date_time_add_days (start, 4);
  to = g_date_time_format (friday, "%Y-%m-%d");
  partners = load_planned_partners (store, monday, to, error);
  if (partners == NULL)
    return NULL;

  if (partners->len == 0)
    {
      short_day = format_short_day (monday);
      g_set_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_EMPTY,
                   _("Nothing is planned for the week of %s"), short_day);
      return NULL;
    }

  return g_steal_pointer (&partners);
}

/* Every partner planned on @day, once, in the day's driving order. */
static GPtrArray *
load_day_partners (RpStore     *store,
                   const char  *day,
                   GError     **error)
{
  g_autoptr(GDateTime) start = parse_day (day);
  g_autofree char *short_day = NULL;
  g_autoptr(GPtrArray) partners = NULL;

  if (start == NULL)
    {
      g_set_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_FAILED,
                   _("“%s” is not a date"), day);
      return NULL;
    }

  partners = load_planned_partners (store, day, day, error);
  if (partners == NULL)
    return NULL;

  if (partners->len == 0)
    {
      short_day = format_short_day (day);
      g_set_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_EMPTY,
                   _("Nothing is planned for %s"), short_day);
      return NULL;
    }

  return g_steal_pointer (&partners);
}

static char *
dup_letter_template (GSettings *settings)
{
  g_autofree char *text = g_settings_get_string (settings, "thank-you-template");

  if (text == NULL || *g_strstrip (text) == '\0')
    return g_strdup (rp_letter_default_template (RP_LETTER_THANK_YOU));

  return g_steal_pointer (&text);
}

RpDocument *
_rp_print_actions_make_document (RpContext   *context,
                                 const char  *kind,
                                 GVariant    *parameter,
                                 char       **file_name,
                                 GError     **error)
{
  RpStore *store;
  GSettings *settings;
  g_autoptr(RpPractice) practice = NULL;
  g_autoptr(RpDocument) document = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (parameter != NULL, NULL);

  store = rp_context_get_store (context);
  settings = rp_context_get_settings (context);
  practice = load_practice (store, error);
  if (practice == NULL)
    return NULL;

  if (g_str_equal (kind, "packet"))
    {
      RpPacketOptions options = { .include_summary = TRUE, .today = NULL };
      RpPartner *partner = rp_store_get_partner (store, g_variant_get_int64 (parameter), error);

      if (partner == NULL)
        return NULL;

      partners = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (partners, partner);
      document = rp_document_new_packets (store, practice, partners, &options);
      name = file_name_from_title (rp_document_get_title (document));
    }
  else if (g_str_equal (kind, "week-packets"))
    {
      RpPacketOptions options = { .include_summary = TRUE, .today = NULL };
      const char *monday = g_variant_get_string (parameter, NULL);
      g_autofree char *short_day = NULL;
      g_autofree char *title = NULL;

      partners = load_week_partners (store, monday, error);
      if (partners == NULL)
        return NULL;

      document = rp_document_new_packets (store, practice, partners, &options);
      short_day = format_short_day (monday);
      /* Translators: a file name; %s is a short day ("Nov 23") */
      title = g_strdup_printf (_("Packets for the week of %s"), short_day);
      name = file_name_from_title (title);
    }
  else if (g_str_equal (kind, "day-packets"))
    {
      RpPacketOptions options = { .include_summary = TRUE, .today = NULL };
      const char *day = g_variant_get_string (parameter, NULL);
      g_autofree char *short_day = NULL;
      g_autofree char *title = NULL;

      partners = load_day_partners (store, day, error);
      if (partners == NULL)
        return NULL;

      document = rp_document_new_packets (store, practice, partners, &options);
      short_day = format_short_day (day);
      /* Translators: a file name; %s is a short day ("Nov 23") */
      title = g_strdup_printf (_("Packets for %s"), short_day);
      name = file_name_from_title (title);
    }
  else if (g_str_equal (kind, "week"))
    {
      const char *monday = g_variant_get_string (parameter, NULL);

      document = rp_document_new_week_plan (store, practice, monday, error);
      if (document == NULL)
        return NULL;
      name = file_name_from_title (rp_document_get_title (document));
    }
  else if (g_str_equal (kind, "thank-you-letters"))
    {
      g_autofree char *template_text = dup_letter_template (settings);
      g_autofree char *signature = g_settings_get_string (settings, "letter-signature");

      partners = load_letter_partners (store, parameter, error);
      if (partners == NULL)
        return NULL;

      document = rp_document_new_letters (store, practice, partners, template_text, signature,
                                          NULL);
      name = file_name_from_title (rp_document_get_title (document));
      remember_letter_partners (document, partners);
    }
  else if (g_str_equal (kind, "labels"))
    {
      partners = load_letter_partners (store, parameter, error);
      if (partners == NULL)
        return NULL;

      document = rp_document_new_labels (practice, partners);
      name = file_name_from_title (rp_document_get_title (document));
    }
  else if (g_str_equal (kind, "report"))
    {
      RpPeriod period = { 0 };
      const char *days[4];
      gint32 period_kind;

      /* (kind, first, last, previous first, previous last): the period on show. */
      g_variant_get (parameter, "(i&s&s&s&s)", &period_kind, &days[0], &days[1], &days[2],
                     &days[3]);
      period.kind = (RpPeriodKind) period_kind;
      if (!rp_period_parse_day (days[0], &period.first) ||
          !rp_period_parse_day (days[1], &period.last) ||
          !rp_period_parse_day (days[2], &period.previous_first) ||
          !rp_period_parse_day (days[3], &period.previous_last))
        {
          g_set_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_FAILED,
                       _("“%s – %s” is not a period"), days[0], days[1]);
          return NULL;
        }

      document = rp_document_new_report (store, practice, &period, NULL, error);
      if (document == NULL)
        return NULL;
      name = file_name_from_title (rp_document_get_title (document));
    }
  else if (g_str_equal (kind, "target-list"))
    {
      document = rp_document_new_target_list (store, practice, g_variant_get_int64 (parameter),
                                              error);
      if (document == NULL)
        return NULL;
      name = file_name_from_title (rp_document_get_title (document));
    }
  else
    {
      g_return_val_if_reached (NULL);
    }

  if (file_name != NULL)
    *file_name = g_steal_pointer (&name);

  return g_steal_pointer (&document);
}

RpPrintJob *
_rp_print_actions_new_job (RpDocument *document,
                           const char *kind)
{
  RpPrintJob *job;

  g_return_val_if_fail (RP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  job = rp_print_job_new (document);
  /* Avery 5160 sheets are US Letter: the labels would miss their cells on anything else. */
  if (g_str_equal (kind, "labels"))
    rp_print_job_set_paper (job, RP_PAPER_LETTER);

  return job;
}

/* ── Printing ───────────────────────────────────────────────────────────────────────────── */

/* ── Marking the letters' thank-yous done ───────────────────────────────────────────────── */

gboolean
_rp_print_actions_mark_letters_done (RpContext   *context,
                                     RpDocument  *document,
                                     guint       *n_done,
                                     GError     **error)
{
  GArray *ids = g_object_get_data (G_OBJECT (document), LETTER_PARTNERS_KEY);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = dup_today ();

  g_return_val_if_fail (RP_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (RP_IS_DOCUMENT (document), FALSE);

  if (n_done != NULL)
    *n_done = 0;
  if (ids == NULL)
    return TRUE;

  return rp_thank_yous_complete (rp_context_get_store (context),
                                 (const gint64 *) (gpointer) ids->data, ids->len, today, now,
                                 n_done, error);
}

static void
mark_letters_done_cb (AdwToast *toast,
                      gpointer  user_data)
{
  RpContext *context = g_object_get_data (G_OBJECT (toast), "context");
  RpDocument *document = g_object_get_data (G_OBJECT (toast), "document");
  GtkWidget *window = g_object_get_data (G_OBJECT (toast), "window");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_done = 0;

  if (!_rp_print_actions_mark_letters_done (context, document, &n_done, &error))
    message = g_strdup_printf (_("Could not mark the thank-you notes done: %s"), error->message);
  else
    message = g_strdup_printf (ngettext ("%u thank-you note marked done",
                                         "%u thank-you notes marked done", n_done),
                               n_done);

  if (window != NULL)
    rp_page_add_window_toast (GTK_WINDOW (window), adw_toast_new (message));
}

/* A toast for letters printed or saved: it offers to mark their thank-yous done, the one step
 * left of the job. FALSE for other documents. */
static gboolean
offer_mark_done (PrintActions *actions,
                 AdwToast     *toast,
                 RpDocument   *document)
{
  GArray *ids = g_object_get_data (G_OBJECT (document), LETTER_PARTNERS_KEY);

  if (ids == NULL || ids->len == 0)
    return FALSE;

  adw_toast_set_button_label (toast, _("_Mark Done"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "context", g_object_ref (actions->context),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "document", g_object_ref (document), g_object_unref);
  /* The toast lives in the window's overlay, so the window outlives it. */
  g_object_set_data (G_OBJECT (toast), "window", actions->window);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (mark_letters_done_cb), NULL);

  return TRUE;
}

static void
print_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  RpPrintJob *job = RP_PRINT_JOB (object);
  PrintActions *actions = g_object_get_data (G_OBJECT (user_data), "actions");
  g_autoptr(GSimpleActionGroup) group = user_data;
  g_autoptr(GError) error = NULL;

  if (rp_print_job_print_finish (job, result, &error))
    {
      g_autofree char *title = NULL;

      AdwToast *toast;

      title = g_strdup_printf (_("Printing “%s”"),
                               rp_document_get_title (rp_print_job_get_document (job)));
      toast = adw_toast_new (title);
      offer_mark_done (actions, toast, rp_print_job_get_document (job));
      add_toast (actions, toast);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_error (actions, _("Could Not Print"), error);
    }
}

static void
print_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GSimpleActionGroup *group = user_data;
  PrintActions *actions = g_object_get_data (G_OBJECT (group), "actions");
  const char *kind = g_object_get_data (G_OBJECT (action), "kind");
  g_autoptr(RpDocument) document = NULL;
  g_autoptr(RpPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;

  document = _rp_print_actions_make_document (actions->context, kind, parameter, NULL, &error);
  if (document == NULL)
    {
      report_document_error (actions, error);
      return;
    }

  job = _rp_print_actions_new_job (document, kind);
  rp_print_job_print_async (job, actions->window, print_done_cb, g_object_ref (group));
}

/* ── Saving as PDF ──────────────────────────────────────────────────────────────────────── */

static void
open_file_cb (AdwToast   *toast,
              const char *uri)
{
  GtkRoot *root = NULL;
  GtkWidget *window = g_object_get_data (G_OBJECT (toast), "window");

  if (window != NULL)
    root = gtk_widget_get_root (window);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* "Saved packet to Referral packet - Dr. Ana López.pdf" */
static char *
format_saved (const char *kind,
              const char *file_name)
{
  /* Translators: the %s of these toasts is a file name */
  if (g_str_equal (kind, "packet"))
    return g_strdup_printf (_("Saved packet to %s"), file_name);
  if (g_str_equal (kind, "week-packets") || g_str_equal (kind, "day-packets"))
    return g_strdup_printf (_("Saved packets to %s"), file_name);
  if (g_str_equal (kind, "week"))
    return g_strdup_printf (_("Saved the week’s plan to %s"), file_name);
  if (g_str_equal (kind, "thank-you-letters"))
    return g_strdup_printf (_("Saved letters to %s"), file_name);
  if (g_str_equal (kind, "labels"))
    return g_strdup_printf (_("Saved labels to %s"), file_name);
  if (g_str_equal (kind, "target-list"))
    return g_strdup_printf (_("Saved the target list to %s"), file_name);
  if (g_str_equal (kind, "report"))
    return g_strdup_printf (_("Saved the report to %s"), file_name);
  return g_strdup_printf (_("Saved to %s"), file_name);
}

static void
save_to (SaveRequest *request,
         const char  *path)
{
  PrintActions *actions = request->actions;
  g_autoptr(RpPrintJob) job = _rp_print_actions_new_job (request->document, request->kind);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *display = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  if (!rp_print_job_export_pdf (job, path, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (actions, _("Could Not Save the PDF"), error);
      return;
    }

  g_clear_pointer (&last_save_folder, g_free);
  last_save_folder = g_path_get_dirname (path);

  base = g_path_get_basename (path);
  display = g_filename_display_name (base);
  title = format_saved (request->kind, display);
  uri = g_filename_to_uri (path, NULL, NULL);

  toast = adw_toast_new (title);
  /* Letters offer to mark their thank-yous done; other documents, to open the file. */
  if (!offer_mark_done (actions, toast, request->document) && uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      /* The toast lives in the window's overlay, so the window outlives it. */
      g_object_set_data (G_OBJECT (toast), "window", actions->window);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_file_cb),
                             g_steal_pointer (&uri), (GClosureNotify) (void (*) (void)) g_free, 0);
    }
  add_toast (actions, toast);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(SaveRequest) request = user_data;
  g_autoptr(GFile) file = rp_save_chooser_finish (chooser, response, "pdf");
  g_autofree char *path = NULL;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Could not save: the place chosen is not "
                                                       "a local folder"));

      show_error (request->actions, _("Could Not Save the PDF"), error);
      return;
    }

  save_to (request, path);
}

static void
save_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GSimpleActionGroup *group = user_data;
  PrintActions *actions = g_object_get_data (G_OBJECT (group), "actions");
  const char *kind = g_object_get_data (G_OBJECT (action), "kind");
  g_autoptr(RpDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *chooser;
  SaveRequest *request;

  document = _rp_print_actions_make_document (actions->context, kind, parameter, &file_name,
                                              &error);
  if (document == NULL)
    {
      report_document_error (actions, error);
      return;
    }

  request = g_new0 (SaveRequest, 1);
  request->actions = actions;
  request->document = g_steal_pointer (&document);
  request->kind = kind;

  chooser = rp_save_chooser_new (actions->window, _("Save as PDF"), _("PDF documents"),
                                 "application/pdf", "pdf", file_name, last_save_folder);

  /* The action group outlives the dialog: the window holds it and the dialog is modal to it. */
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ── Installing ─────────────────────────────────────────────────────────────────────────── */

typedef struct
{
  const char *name;
  const char *kind;
  const char *parameter_type;
  gboolean    save;
} PrintActionInfo;

static const PrintActionInfo action_infos[] = {
  { "packet", "packet", "x", FALSE },
  { "save-packet", "packet", "x", TRUE },
  { "week", "week", "s", FALSE },
  { "save-week", "week", "s", TRUE },
  { "week-packets", "week-packets", "s", TRUE },
  { "day-packets", "day-packets", "s", FALSE },
  { "save-day-packets", "day-packets", "s", TRUE },
  { "thank-you-letters", "thank-you-letters", "ax", FALSE },
  { "save-thank-you-letters", "thank-you-letters", "ax", TRUE },
  { "labels", "labels", "ax", FALSE },
  { "save-labels", "labels", "ax", TRUE },
  { "target-list", "target-list", "x", FALSE },
  { "save-target-list", "target-list", "x", TRUE },
  { "report", "report", "(issss)", FALSE },
  { "save-report", "report", "(issss)", TRUE },
};

void
rp_print_actions_install (GtkWindow *window,
                          RpContext *context)
{
  g_autoptr(GSimpleActionGroup) group = NULL;
  PrintActions *actions;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (RP_IS_CONTEXT (context));

  group = g_simple_action_group_new ();
  actions = g_new0 (PrintActions, 1);
  g_set_weak_pointer (&actions->window, window);
  actions->context = g_object_ref (context);
  g_object_set_data_full (G_OBJECT (group), "actions", actions, print_actions_free);

  for (guint i = 0; i < G_N_ELEMENTS (action_infos); i++)
    {
      const PrintActionInfo *info = &action_infos[i];
      g_autoptr(GSimpleAction) action =
        g_simple_action_new (info->name, G_VARIANT_TYPE (info->parameter_type));

      g_object_set_data (G_OBJECT (action), "kind", (gpointer) info->kind);
      g_signal_connect_object (action, "activate",
                               G_CALLBACK (info->save ? save_activated : print_activated),
                               group, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }

  gtk_widget_insert_action_group (GTK_WIDGET (window), "print", G_ACTION_GROUP (group));
  g_object_set_data_full (G_OBJECT (window), RP_PRINT_ACTIONS_KEY, g_object_ref (group),
                          g_object_unref);
}
