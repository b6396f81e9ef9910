/* rp-command-line.h: the options of `rapport` and the commands that run without a window
 * (--sample-network, --check-reminders, --export, --packet, --version). RpApplication parses
 * the options and hands them here; what is left for it is starting, or raising, the window.
 *
 * Every command returns the process's exit status: 0 on success, otherwise non-zero with a
 * one-line "rapport: <message>" on stderr.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds the options and the --help summary to @application. */
void rp_command_line_add_options             (GApplication *application);
/* Prints @message on stderr as one line, "rapport: <message>", so that scripts and people see at
 * once which program complained. */
void rp_command_line_print_error             (const char   *message);
/* A GPrintFunc for g_set_printerr_handler while GApplication parses the options: its own errors
 * ("Unknown option --bogus") come without the program name, which this adds. */
void rp_command_line_print_with_program_name (const char   *message);

/* Runs the command that @options (the parsed options) asks for, on the database at @path,
 * which the caller has checked with rp_store_check_file; -1 when they ask for none, and the
 * application is to start. --version, which needs no database, is rp_command_line_run_version. */
/* Whether @options ask for a command that runs and exits (not a window or --background). */
gboolean rp_command_line_has_command         (GVariantDict *options);
int  rp_command_line_handle                  (GVariantDict *options,
                                              const char   *path);

/* --version */
int  rp_command_line_run_version             (void);
/* --sample-network: fills an empty database with the demo sample network. */
int  rp_command_line_run_sample_network      (const char   *path);
/* --check-reminders: sends the reminders that are due now, once. */
int  rp_command_line_run_check_reminders     (const char   *path);
/* --export=FILE.ics [--week=YYYY-Www] (@iso_week NULL: the current week); an existing file
 * only with --force (@force). Never creates a database. */
int  rp_command_line_run_export              (const char   *path,
                                              const char   *export_path,
                                              const char   *iso_week,
                                              gboolean      force);
/* --report=FILE.pdf [--period=2026-11|2026-Q4|2026] (@period_text NULL: last month). */
int  rp_command_line_run_report              (const char   *path,
                                              const char   *output,
                                              const char   *period_text);
/* --packet=PARTNER --output=FILE.pdf (@partner_key: an id, NPI or uuid). */
int  rp_command_line_run_packet              (const char   *path,
                                              const char   *partner_key,
                                              const char   *output,
                                              gboolean      force);
/* --backup=FILE: an online copy of the database into the new file FILE. */
int  rp_command_line_run_backup              (const char   *path,
                                              const char   *backup_path);
/* --restore=FILE: the database's content replaced by the checked backup FILE. */
int  rp_command_line_run_restore             (const char   *path,
                                              const char   *backup_path);

G_END_DECLS
