/* rp-test-app.h: what the app tests share (a temporary database with its context, the main loop,
 * finding widgets, screenshots).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* Start-up: gtk_test_init (), adw_init () and the app's resources. */
void       rp_test_init              (int                  *argc,
                                      char               ***argv);
/* Loads the app's style.css once (an AdwApplication does it by itself; test windows have
 * none). */
void       rp_test_load_style        (void);

/* The main loop */

/* Runs the main loop for @milliseconds. */
void       rp_test_iterate_for       (guint                 milliseconds);

typedef gboolean (*RpTestCondition) (gpointer data);

/* Runs the main loop until @condition holds; fails after thirty seconds, naming the condition
 * and the line that waited for it (through the macros below). */
void       rp_test_wait_for_at       (RpTestCondition       condition,
                                      gpointer              data,
                                      const char           *condition_name,
                                      const char           *file,
                                      int                   line,
                                      const char           *func);
#define rp_test_wait_for(condition, data) \
  rp_test_wait_for_at ((condition), (data), #condition, __FILE__, __LINE__, G_STRFUNC)
/* An RpTestCondition: @data (a GtkWidget) is mapped. */
gboolean   rp_test_is_mapped         (gpointer              data);
/* An RpTestCondition: @data (a GListModel) has items. */
gboolean   rp_test_has_items         (gpointer              data);
#define rp_test_wait_until_mapped(widget) rp_test_wait_for (rp_test_is_mapped, (widget))

/* A temporary database and its context */

typedef struct
{
  char      *dir;
  char      *path;      /* dir/rapport.db */
  RpStore   *store;
  GSettings *settings;
  RpContext *context;
} RpTestDb;

/* Makes a folder from @dir_template (g_dir_make_tmp) and opens an empty store in it. */
void       rp_test_db_open           (RpTestDb             *db,
                                      const char           *dir_template);
/* Generates the demo sample network (default seed) around @today, or 27 November 2026 when
 * @today is NULL. */
void       rp_test_db_add_sample     (RpTestDb             *db,
                                      GDate                *today);
/* The app's settings (with the keys of the NULL-terminated @reset_keys reset) and a context on
 * the store. */
void       rp_test_db_make_context   (RpTestDb             *db,
                                      const char * const   *reset_keys);
/* Frees the context, settings and store, and deletes the folder with the database. */
void       rp_test_db_close          (RpTestDb             *db);

/* Windows */

/* @child under an AdwToastOverlay in a new AdwWindow of @width×@height, presented; returns when
 * @child is mapped. */
GtkWindow *rp_test_present_in_window (GtkWidget            *child,
                                      int                   width,
                                      int                   height);
/* Destroys @window (and first every other toplevel when @others) and lets that settle. */
void       rp_test_destroy_window    (GtkWindow            *window,
                                      gboolean              others);
/* The first visible toplevel window of @type, or NULL. */
gpointer   rp_test_find_toplevel     (GType                 type);

/* Finding widgets */

/* The template child @name of @widget as of class @type; fails when there is none. */
gpointer   rp_test_template_child    (gpointer              widget,
                                      GType                 type,
                                      const char           *name);

/* The selection model of the template child "column_view" (a GtkColumnView) of @page. */
GtkSingleSelection *rp_test_page_selection (gpointer page,
                                            GType    type);

typedef gboolean (*RpTestWidgetPredicate) (GtkWidget     *widget,
                                           gconstpointer  data);

/* The first widget under @root (depth first, @root included) for which @predicate holds. */
GtkWidget *rp_test_find_widget       (GtkWidget            *root,
                                      RpTestWidgetPredicate predicate,
                                      gconstpointer         data);
/* The first widget of @type under @root. */
gpointer   rp_test_find_by_type      (GtkWidget            *root,
                                      GType                 type);
/* The first widget named @name (gtk_widget_set_name) under @root. */
GtkWidget *rp_test_find_named        (GtkWidget            *root,
                                      const char           *name);
/* The first widget whose tooltip is @tooltip under @root. */
GtkWidget *rp_test_find_by_tooltip   (GtkWidget            *root,
                                      const char           *tooltip);
/* The first AdwPreferencesRow of @type (ADW_TYPE_PREFERENCES_ROW for any) titled @title. */
gpointer   rp_test_find_row          (GtkWidget            *root,
                                      GType                 type,
                                      const char           *title);
/* Adds every widget of @type under @root to @widgets, in depth-first order. */
void       rp_test_collect_by_type   (GtkWidget            *root,
                                      GType                 type,
                                      GPtrArray            *widgets);
/* How many rows @list has. */
guint      rp_test_count_list_rows   (GtkListBox           *list);

/* Screenshots, as HEADLESS.md describes: the widget's paintable rendered with its renderer, saved
 * as @name in $RAPPORT_SCREENSHOT_DIR or else g_test_get_dir (G_TEST_BUILT). On a busy machine
 * the first frame may not be drawn yet: the picture is retried for up to 30 seconds. */
void       rp_test_save_screenshot   (GtkWidget            *widget,
                                      const char           *name);
/* The same, for a widget that may close before it is drawn (a progress dialog): FALSE when it
 * was unmapped before a picture could be taken. */
gboolean   rp_test_try_save_screenshot (GtkWidget          *widget,
                                        const char         *name);

G_END_DECLS
