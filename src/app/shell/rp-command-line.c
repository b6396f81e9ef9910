/* rp-command-line.c
 *
 * The commands of `rapport` that run and exit without a window (see rp-command-line.h). They
 * open the database themselves and report on stdout, errors on stderr in one line each.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "rp-application.h"
#include "rp-clock.h"
#include "rp-command-line.h"
#include "rp-command-line-exchange.h"
#include "rp-command-line-registry.h"
#include "rp-command-line-sync.h"
#include "rp-document.h"
#include "rp-ics.h"
#include "rp-period.h"
#include "rp-reminder-service.h"
#include "rp-sample.h"
#include "rp-store-backup.h"
#include "rp-store-partners.h"
#include "rp-store-practice.h"
#include "rp-store.h"

/* Every option works without a window or a display: they are all handled in the application's
 * handle_local_options, before it registers or opens a window. */
static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the default one"), N_("PATH") },
  { "sample-network", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill an empty database with a sample referral network, then exit"), NULL },
  { "check-reminders", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Send the reminders that are due now, then exit"), NULL },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a week’s planned visits (FILE.ics) or the partners (FILE.csv, FILE.vcf) to FILE, "
       "then exit"),
    N_("FILE") },
  { "what", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("What --export=FILE.csv writes: partners"), N_("partners") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the partners of FILE.csv or FILE.vcf (nothing is written when a row is "
       "invalid), then exit"),
    N_("FILE") },
  { "mapping", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The saved column mapping --import uses"), N_("NAME") },
  { "duplicates", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("What --import does with a partner already there: merge (fill empty fields, the "
       "default), skip or add"), N_("merge|skip|add") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import: show what would change, write nothing"), NULL },
  { "week", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The week --export writes, as YYYY-Www (default: the current week)"), N_("WEEK") },
  { "packet", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the referral packet for PARTNER (id, NPI or uuid) to --output, then exit"),
    N_("PARTNER") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The PDF file --packet writes"), N_("FILE.pdf") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a backup of the database to FILE (a new file), then exit"), N_("FILE") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the database's content with the backup FILE (checked first; the current "
       "content is backed up), then exit"), N_("FILE") },
  { "force", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Let --export and --output replace a file that exists"), NULL },
  { "report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the referral report of --period (default: last month) to FILE.pdf, then exit"),
    N_("FILE.pdf") },
  { "period", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The month (2026-11), quarter (2026-Q4) or year (2026) --report covers"), N_("PERIOD") },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window, only to send reminders"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version, then exit"), NULL },
  { "import-nppes", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the providers of the national NPI file (NPPES, .csv or .zip) as prospects, "
       "then exit"), N_("FILE") },
  { "state", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-nppes: only providers practising in this state"), N_("XX") },
  { "zip", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-nppes: only ZIP codes starting so (comma-separated)"), N_("430,431") },
  { "within", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-nppes: only within this distance of the practice’s locations"),
    N_("25mi") },
  { "taxonomy", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-nppes: only these taxonomy codes, code prefixes or NUCC groupings "
       "(comma-separated)"), N_("CODES") },
  { "entity", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-nppes: 1 for individuals only, 2 for organizations only"), N_("1|2") },
  { "import-taxonomy", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the NUCC taxonomy (.csv), then exit"), N_("FILE") },
  { "import-medicare", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import Medicare patients per provider (CMS “by Provider” .csv), then exit"),
    N_("FILE") },
  { "sync", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Sync partners and planned visits with the team account once, then exit"), NULL },
  { "server", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --sync: set the team account up on this CalDAV/CardDAV server first"), N_("URL") },
  { "user", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --sync --server: the account’s user name"), N_("NAME") },
  { "addressbook", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --sync --server: the team’s address book (default: found on the server or made)"),
    N_("URL") },
  { "calendar", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --sync --server: the team’s calendar (default: found on the server or made)"),
    N_("URL") },
  { NULL }
};

static GDate *
local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

static RpPartner *
find_partner (RpStore    *store,
              const char *key)
{
  gboolean digits = *key != '\0' && strspn (key, "0123456789") == strlen (key);
  RpPartner *partner = NULL;

  if (digits && strlen (key) == 10)
    partner = rp_store_find_partner_by_npi (store, key, NULL);
  if (partner == NULL && digits && strlen (key) < 18)
    partner = rp_store_get_partner (store, g_ascii_strtoll (key, NULL, 10), NULL);
  if (partner == NULL && !digits)
    partner = rp_store_find_partner_by_uuid (store, key, NULL);
  return partner;
}

/* Opens the database for a command. Commands that only read or that send (export, packet,
 * reminders, backup) never create a file or a folder: a mistyped path is an error, not a new
 * empty database reported as a success. */
static RpStore *
open_for_command (const char       *path,
                  RpStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  RpStore *store = rp_store_open_full (path, flags, &error);

  if (store == NULL)
    {
      rp_command_line_print_error (error->message);
      return NULL;
    }

  if (rp_store_get_created (store))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *message =
        /* Translators: %s is a file name. */
        g_strdup_printf (_("“%s” was empty; it is now a new Rapport database"), display);

      rp_command_line_print_error (message);
    }

  return store;
}

/* An output file that exists is replaced only when asked to (--force). */
static gboolean
may_write (const char *output,
           gboolean    force)
{
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;

  if (force || !g_file_test (output, G_FILE_TEST_EXISTS))
    return TRUE;

  display = g_filename_display_name (output);
  /* Translators: %s is a file name. */
  message = g_strdup_printf (_("“%s” already exists; add --force to replace it"), display);
  rp_command_line_print_error (message);
  return FALSE;
}

void
rp_command_line_add_options (GApplication *application)
{
  g_return_if_fail (G_IS_APPLICATION (application));

  g_application_add_main_option_entries (application, option_entries);
  g_application_set_option_context_summary (application,
                                            _("Look after your practice’s referral network."));
}

void
rp_command_line_print_error (const char *message)
{
  g_autofree char *line = NULL;

  g_return_if_fail (message != NULL);

  line = g_strdup (message);
  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("rapport: %s\n", g_strstrip (line));
}

void
rp_command_line_print_with_program_name (const char *message)
{
  g_return_if_fail (message != NULL);

  if (g_str_has_prefix (message, "rapport: "))
    fputs (message, stderr);
  else
    fprintf (stderr, "rapport: %s", message);
  fflush (stderr);
}

int
rp_command_line_run_version (void)
{
  g_print ("rapport %s\n", PACKAGE_VERSION);
  return 0;
}

int
rp_command_line_run_sample_network (const char *path)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery_key = NULL;
  GDate *today;
  gboolean ok;

  g_return_val_if_fail (path != NULL, 1);

  store = rp_store_open (path, &error);
  if (store == NULL)
    {
      rp_command_line_print_error (error->message);
      return 1;
    }

  /* The generator only fills an empty database: it must never mix invented partners with the
   * user's own. */
  if (rp_store_count_partners (store, FALSE) + rp_store_count_partners (store, TRUE) > 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” already holds partners; --sample-network only fills an "
                           "empty database"),
                         path);

      rp_command_line_print_error (message);
      return 1;
    }

  /* The sample's patients are sealed like real ones: with a key in the login keyring. */
  vault = rp_vault_new (store);
  if (!rp_vault_unlock_sync (vault, NULL, &error))
    {
      rp_command_line_print_error (error->message);
      return 1;
    }

  /* Before any long work: a run stopped half-way must not lose the only copy. Until it is
   * confirmed saved (in the window), the window offers it again. */
  recovery_key = rp_vault_take_recovery_key (vault);
  if (recovery_key != NULL)
    {
      g_print (_("Patient details are encrypted with a key kept in your login keyring. Keep "
                 "this recovery key somewhere safe; Rapport shows it again until you confirm "
                 "you saved it:\n%s\n"),
               recovery_key);
      fflush (stdout);
      memset (recovery_key, 0, strlen (recovery_key));
    }

  today = local_today ();
  ok = rp_sample_generate_with_vault (store, RP_SAMPLE_SIZE_DEMO, RP_SAMPLE_DEFAULT_SEED, today,
                                      vault, NULL, NULL, &error);
  g_date_free (today);

  if (!ok)
    {
      rp_command_line_print_error (error->message);
      return 1;
    }

  g_print (_("Added the sample network to “%s” (partners: %u, referrals: %u, activities: %u, "
             "tasks: %u)\n"),
           path,
           rp_store_count_partners (store, FALSE),
           rp_store_count_rows (store, "referral"),
           rp_store_count_rows (store, "activity"),
           rp_store_count_rows (store, "task"));

  if (rp_vault_get_state (vault) != RP_VAULT_STATE_UNLOCKED)
    g_print ("%s\n", _("Patient details were left out: the keyring is not available"));

  return 0;
}

/* `rapport --check-reminders`, for a cron job or a systemd timer: what is due now (overdue
 * included) is sent once; what was sent before is not sent again, as notified-at is stored. */
int
rp_command_line_run_check_reminders (const char *path)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(RpContext) context = NULL;
  g_autoptr(RpClock) clock = NULL;
  g_autoptr(RpReminderService) reminders = NULL;
  g_autoptr(GError) error = NULL;
  guint n_notified = 0;

  g_return_val_if_fail (path != NULL, 1);

  /* A file that cannot be written opens read-only: what is sent is then recorded in the state
   * folder, so it is not sent again. Checked first (quick_check): no reminder is sent from a
   * database with damaged pages. */
  store = open_for_command (path, RP_STORE_OPEN_EXISTING | RP_STORE_OPEN_CHECK);
  if (store == NULL)
    return 1;

  settings = g_settings_new (RP_SETTINGS_SCHEMA_ID);
  context = rp_context_new (store, settings);
  clock = rp_clock_new_system ();
  reminders = rp_reminder_service_new (context, clock);

  /* With no notification server nothing is marked notified: the next run (or the app) sends
   * it. The exit status tells a timer unit that this run did not deliver. */
  if (!rp_reminder_service_check_now (reminders, &n_notified, &error))
    {
      g_autofree char *message =
        /* Translators: %s is the reason, such as "The name is not activatable". */
        g_strdup_printf (_("Could not send reminders: %s"), error->message);

      rp_command_line_print_error (message);
      return 1;
    }

  if (n_notified > 0)
    g_print (ngettext ("Sent %u reminder\n", "Sent %u reminders\n", n_notified), n_notified);
  else
    g_print ("%s\n", _("Nothing is due"));

  return 0;
}

/* `rapport --export=FILE.ics [--week=YYYY-Www]`: the week's planned visits as an iCalendar file
 * for GNOME Calendar or Outlook. Nothing is written when anything fails. */
int
rp_command_line_run_export (const char *path,
                            const char *export_path,
                            const char *iso_week,
                            gboolean    force)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *monday = NULL;
  g_autofree char *week = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *display = NULL;
  guint n_events = 0;

  g_return_val_if_fail (path != NULL, 1);
  g_return_val_if_fail (export_path != NULL, 1);

  lower = g_ascii_strdown (export_path, -1);
  display = g_filename_display_name (export_path);

  if (!g_str_has_suffix (lower, ".ics"))
    {
      g_autofree char *message =
        /* Translators: %s is a file name. */
        g_strdup_printf (_("Cannot export to “%s”: the supported formats are iCalendar (.ics), "
                           "CSV (.csv) and vCard (.vcf)"),
                         display);

      rp_command_line_print_error (message);
      return 1;
    }

  if (iso_week != NULL)
    {
      monday = rp_week_monday_from_iso (iso_week, &error);
      if (monday == NULL)
        {
          rp_command_line_print_error (error->message);
          return 1;
        }
    }
  else
    {
      monday = rp_week_monday (NULL);
    }

  if (!may_write (export_path, force))
    return 1;

  store = open_for_command (path, RP_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return 1;

  if (!rp_ics_write_week (store, monday, export_path, &n_events, &error))
    {
      g_autofree char *message =
        /* Translators: the first %s is a file name, the second the reason. */
        g_strdup_printf (_("Could not export to “%s”: %s"), display, error->message);

      rp_command_line_print_error (message);
      return 1;
    }

  week = rp_week_to_iso (monday);
  g_print (ngettext ("Exported %u visit of %s to %s\n", "Exported %u visits of %s to %s\n",
                     n_events),
           n_events, week, display);
  return 0;
}

/* `rapport --packet=PARTNER --output=FILE.pdf`: one partner's referral packet as a PDF, on the
 * locale's paper. Nothing is written when anything fails. */
int
rp_command_line_run_packet (const char *path,
                            const char *partner_key,
                            const char *output,
                            gboolean    force)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpPractice) practice = NULL;
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(RpDocument) document = NULL;
  g_autoptr(GPtrArray) partners = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  RpPacketOptions options = { TRUE, NULL };
  guint n_pages;

  g_return_val_if_fail (path != NULL, 1);
  g_return_val_if_fail (partner_key != NULL, 1);
  g_return_val_if_fail (output != NULL, 1);

  display = g_filename_display_name (output);

  if (!may_write (output, force))
    return 1;

  store = open_for_command (path, RP_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return 1;

  partner = find_partner (store, partner_key);
  if (partner == NULL)
    {
      g_autofree char *message =
        /* Translators: %s is what was typed after --packet= */
        g_strdup_printf (_("No partner has the id, NPI or uuid “%s”"), partner_key);

      rp_command_line_print_error (message);
      return 1;
    }

  practice = rp_store_get_practice (store, &error);
  if (practice == NULL)
    {
      rp_command_line_print_error (error != NULL ? error->message
                                                 : _("The practice profile cannot be read"));
      return 1;
    }

  g_ptr_array_add (partners, partner);
  document = rp_document_new_packets (store, practice, partners, &options);
  if (!rp_document_write_pdf (document, output, rp_paper_size_for_locale (), &error))
    {
      rp_command_line_print_error (error->message);
      return 1;
    }

  n_pages = rp_document_get_n_pages (document);
  g_print (ngettext ("Wrote a %u-page packet for %s to %s\n",
                     "Wrote a %u-page packet for %s to %s\n", n_pages),
           n_pages, rp_partner_get_display_name (partner), display);
  return 0;
}

/* `rapport --report=FILE.pdf [--period=2026-11|2026-Q4|2026]`: the referral report as a PDF.
 * It only reads: the database is opened with RP_STORE_OPEN_EXISTING, and a missing one is an
 * error, never a new file. Nothing is written when anything fails. */
int
rp_command_line_run_report (const char *path,
                            const char *output,
                            const char *period_text)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpPractice) practice = NULL;
  g_autoptr(RpDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *title = NULL;
  RpPeriod period;
  guint n_pages;

  g_return_val_if_fail (path != NULL, 1);
  g_return_val_if_fail (output != NULL, 1);

  display = g_filename_display_name (output);

  if (period_text != NULL)
    {
      if (!rp_period_parse (&period, period_text, &error))
        {
          rp_command_line_print_error (error->message);
          return 1;
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      rp_period_init (&period, RP_PERIOD_LAST_MONTH, now, NULL, NULL, NULL);
    }

  store = rp_store_open_full (path, RP_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    {
      rp_command_line_print_error (error->message);
      return 1;
    }

  practice = rp_store_get_practice (store, NULL);
  document = rp_document_new_report (store, practice, &period, NULL, &error);
  if (document == NULL ||
      !rp_document_write_pdf (document, output, rp_paper_size_for_locale (), &error))
    {
      rp_command_line_print_error (error->message);
      return 1;
    }

  n_pages = rp_document_get_n_pages (document);
  title = rp_period_dup_title (&period);
  g_print (ngettext ("Wrote the %u-page referral report of %s to %s\n",
                     "Wrote the %u-page referral report of %s to %s\n", n_pages),
           n_pages, title, display);
  return 0;
}

/* `rapport --backup=FILE`: an online copy of the database into a new file. */
int
rp_command_line_run_backup (const char *path,
                            const char *backup_path)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, 1);
  g_return_val_if_fail (backup_path != NULL, 1);

  store = open_for_command (path, RP_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return 1;

  display = g_filename_display_name (backup_path);
  if (!rp_store_backup_to (store, backup_path, &error) ||
      (info = rp_store_inspect_backup (backup_path, FALSE, &error)) == NULL)
    {
      g_autofree char *message =
        /* Translators: the first %s is a file name, the second the reason. */
        g_strdup_printf (_("Could not back up to “%s”: %s"), display, error->message);

      rp_command_line_print_error (message);
      return 1;
    }

  g_print (_("Backed up to %s (partners: %u, referrals: %u)\n"), display, info->n_partners,
           info->n_referrals);
  return 0;
}

/* `rapport --restore=FILE`: the database's content replaced by a checked backup; what it held
 * is kept as a backup first. A database that SQLite cannot open at all is moved aside (kept)
 * and made again from the backup. On another computer, the window then asks for the recovery
 * key of the backup's patient details. */
int
rp_command_line_run_restore (const char *path,
                             const char *backup_path)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autofree char *display = g_filename_display_name (backup_path);
  g_autofree char *kept_as = NULL;

  g_return_val_if_fail (path != NULL, 1);
  g_return_val_if_fail (backup_path != NULL, 1);

  info = rp_store_inspect_backup (backup_path, TRUE, &error);
  if (info == NULL)
    {
      rp_command_line_print_error (error->message);
      return 1;
    }

  store = rp_store_open (path, &open_error);
  if (store == NULL && (g_error_matches (open_error, RP_STORE_ERROR, RP_STORE_ERROR_CORRUPT) ||
                        g_error_matches (open_error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_A_DATABASE)))
    {
      if (!rp_store_replace_with_backup (path, backup_path, &kept_as, &error))
        {
          rp_command_line_print_error (error->message);
          return 1;
        }
      g_print (_("The unreadable database was kept as %s\n"), kept_as);
    }
  else if (store == NULL)
    {
      rp_command_line_print_error (open_error->message);
      return 1;
    }
  else if (!rp_store_restore_from (store, backup_path, &error))
    {
      rp_command_line_print_error (error->message);
      return 1;
    }

  g_print (_("Restored %s (partners: %u, referrals: %u)\n"), display, info->n_partners,
           info->n_referrals);
  return 0;
}

gboolean
rp_command_line_has_command (GVariantDict *options)
{
  static const char * const commands[] = {
    "sample-network", "check-reminders", "export", "packet", "output", "backup", "restore",
    "week", "report", "period", "import", "import-nppes", "import-taxonomy", "import-medicare",
    "sync", "server", "user", "addressbook", "calendar",
  };

  g_return_val_if_fail (options != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_variant_dict_contains (options, commands[i]))
      return TRUE;

  return FALSE;
}

int
rp_command_line_handle (GVariantDict *options,
                        const char   *path)
{
  const char *backup_path = NULL;
  const char *restore_path = NULL;
  const char *report = NULL;
  const char *period = NULL;
  gboolean force;
  const char *export_path = NULL;
  const char *import_path = NULL;
  const char *what = NULL;
  const char *iso_week = NULL;
  const char *packet = NULL;
  const char *output = NULL;

  g_return_val_if_fail (options != NULL, 1);
  g_return_val_if_fail (path != NULL, 1);

  force = g_variant_dict_contains (options, "force");

  if (g_variant_dict_lookup (options, "backup", "^&ay", &backup_path) && *backup_path != '\0')
    return rp_command_line_run_backup (path, backup_path);

  if (g_variant_dict_lookup (options, "restore", "^&ay", &restore_path) && *restore_path != '\0')
    return rp_command_line_run_restore (path, restore_path);
  {
    int status = rp_command_line_handle_registry (options, path);

    if (status >= 0)
      return status;
  }
  {
    int status = rp_command_line_handle_sync (options, path);

    if (status >= 0)
      return status;
  }

  if (g_variant_dict_contains (options, "sample-network"))
    return rp_command_line_run_sample_network (path);

  if (g_variant_dict_contains (options, "check-reminders"))
    return rp_command_line_run_check_reminders (path);

  g_variant_dict_lookup (options, "what", "&s", &what);
  if (g_variant_dict_lookup (options, "import", "^&ay", &import_path) && import_path[0] != '\0')
    {
      const char *mapping = NULL;
      const char *duplicates = NULL;

      g_variant_dict_lookup (options, "mapping", "&s", &mapping);
      g_variant_dict_lookup (options, "duplicates", "&s", &duplicates);
      return rp_command_line_run_import (path, import_path, mapping, duplicates,
                                         g_variant_dict_contains (options, "dry-run"));
    }
  if (g_variant_dict_contains (options, "mapping") ||
      g_variant_dict_contains (options, "duplicates") ||
      g_variant_dict_contains (options, "dry-run"))
    {
      rp_command_line_print_error (_("--mapping, --duplicates and --dry-run go with --import"));
      return 1;
    }

  g_variant_dict_lookup (options, "week", "&s", &iso_week);
  if (g_variant_dict_lookup (options, "export", "^&ay", &export_path) && export_path[0] != '\0')
    {
      g_autofree char *lower = g_ascii_strdown (export_path, -1);

      if ((g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".vcf")) &&
          iso_week == NULL)
        return rp_command_line_run_export_csv (path, export_path, what);
      if (what != NULL)
        {
          rp_command_line_print_error (_("--what only goes with --export=FILE.csv"));
          return 1;
        }
      return rp_command_line_run_export (path, export_path, iso_week, force);
    }
  if (what != NULL)
    {
      rp_command_line_print_error (_("--what only goes with --export=FILE.csv"));
      return 1;
    }

  if (iso_week != NULL)
    {
      rp_command_line_print_error (_("--week only goes with --export=FILE.ics"));
      return 1;
    }

  if (g_variant_dict_lookup (options, "report", "^&ay", &report) && report[0] != '\0')
    {
      g_variant_dict_lookup (options, "period", "&s", &period);
      return rp_command_line_run_report (path, report, period);
    }
  if (g_variant_dict_contains (options, "period"))
    {
      rp_command_line_print_error (_("--period only goes with --report=FILE.pdf"));
      return 1;
    }

  g_variant_dict_lookup (options, "packet", "&s", &packet);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  if (packet != NULL && output != NULL && *packet != '\0' && *output != '\0')
    return rp_command_line_run_packet (path, packet, output, force);
  if (packet != NULL || output != NULL)
    {
      rp_command_line_print_error (_("--packet=PARTNER and --output=FILE.pdf go together"));
      return 1;
    }

  return -1;
}
