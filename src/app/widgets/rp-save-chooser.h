/* rp-save-chooser.h: the Save dialog of one kind of file (a PDF, a CSV), as the print actions and
 * the Analytics page's menus open it: modal, a filter for the kind, the name offered, beside the
 * last file saved; and the file chosen, with the kind's extension added when the name typed has
 * none.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A Save dialog titled @title over @parent, with the filter @filter_name (@mime_type and
 * *.@suffix), @file_name offered in @folder (a path, or NULL; ignored when it is no longer a
 * folder). Show it with gtk_native_dialog_show() and end it with rp_save_chooser_finish(). */
GtkFileChooserNative *rp_save_chooser_new    (GtkWindow       *parent,
                                              const char      *title,
                                              const char      *filter_name,
                                              const char      *mime_type,
                                              const char      *suffix,
                                              const char      *file_name,
                                              const char      *folder);
/* In the "response" handler: destroys and releases @chooser and returns the file chosen (with
 * ".@suffix" added when its name has no such extension, in either case), or NULL when the
 * dialog was cancelled. */
GFile                *rp_save_chooser_finish (GtkNativeDialog *chooser,
                                              int              response,
                                              const char      *suffix);

G_END_DECLS
