/* rp-test-app.c: what the app tests share (a temporary database with its context, the main loop,
 * finding widgets, screenshots).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "rapport-resources.h"
#include "rp-accessible.h"
#include "rp-application.h"
#include "rp-sample.h"
#include "rp-test-app.h"
#include "rp-test-core.h"

/* Generous: seven builds and their test runs share two cores, and a wait that times out under
 * that load (the import of 150,000 rows reaching its review) fails a test that is right. */
#define WAIT_SECONDS 30

void
rp_test_init (int    *argc,
              char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* As RpApplication's startup. */
  rp_accessible_install_fixes ();

  if (!g_resources_get_info ("/io/github/rapport/Rapport/style.css",
                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    g_resources_register (rapport_get_resource ());
}

void
rp_test_load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/rapport/Rapport/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

/* The main loop */

static gboolean
done_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  g_main_context_wakeup (NULL);

  return G_SOURCE_REMOVE;
}

void
rp_test_iterate_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
rp_test_wait_for_at (RpTestCondition  condition,
                     gpointer         data,
                     const char      *condition_name,
                     const char      *file,
                     int              line,
                     const char      *func)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () >= deadline)
        {
          g_autofree char *message = g_strdup_printf ("waited %d s for %s", WAIT_SECONDS,
                                                      condition_name);

          g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
rp_test_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

gboolean
rp_test_has_items (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) > 0;
}

/* A temporary database and its context */

void
rp_test_db_open (RpTestDb   *db,
                 const char *dir_template)
{
  g_autoptr(GError) error = NULL;

  db->dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  db->path = g_build_filename (db->dir, "rapport.db", NULL);

  db->store = rp_store_open (db->path, &error);
  g_assert_no_error (error);
}

void
rp_test_db_add_sample (RpTestDb *db,
                       GDate    *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) fixed = g_date_new_dmy (27, G_DATE_NOVEMBER, 2026);

  rp_sample_generate (db->store, RP_SAMPLE_SIZE_DEMO, RP_SAMPLE_DEFAULT_SEED,
                      today != NULL ? today : fixed, NULL, NULL, &error);
  g_assert_no_error (error);
}

void
rp_test_db_make_context (RpTestDb           *db,
                         const char * const *reset_keys)
{
  /* The memory backend keeps values between the tests of one run. */
  db->settings = g_settings_new (RP_SETTINGS_SCHEMA_ID);
  for (guint i = 0; reset_keys != NULL && reset_keys[i] != NULL; i++)
    g_settings_reset (db->settings, reset_keys[i]);

  db->context = rp_context_new (db->store, db->settings);
}

void
rp_test_db_close (RpTestDb *db)
{
  g_clear_object (&db->context);
  g_clear_object (&db->settings);
  g_clear_object (&db->store);

  /* The database and its WAL files. */
  rp_test_remove_dir (db->dir);
  g_clear_pointer (&db->path, g_free);
  g_clear_pointer (&db->dir, g_free);
}

/* Windows */

GtkWindow *
rp_test_present_in_window (GtkWidget *child,
                           int        width,
                           int        height)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  gtk_window_set_default_size (window, width, height);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_present (window);
  rp_test_wait_until_mapped (child);

  return window;
}

void
rp_test_destroy_window (GtkWindow *window,
                        gboolean   others)
{
  if (others)
    {
      g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        {
          if (l->data != window)
            gtk_window_destroy (l->data);
        }
    }

  gtk_window_destroy (window);
  rp_test_iterate_for (50);
}

gpointer
rp_test_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

/* Finding widgets */

gpointer
rp_test_template_child (gpointer    widget,
                        GType       type,
                        const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

GtkSingleSelection *
rp_test_page_selection (gpointer page,
                        GType    type)
{
  GtkColumnView *column_view = rp_test_template_child (page, type, "column_view");

  return GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view));
}

GtkWidget *
rp_test_find_widget (GtkWidget             *root,
                     RpTestWidgetPredicate  predicate,
                     gconstpointer          data)
{
  if (predicate (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rp_test_find_widget (child, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

gpointer
rp_test_find_by_type (GtkWidget *root,
                      GType      type)
{
  return rp_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

GtkWidget *
rp_test_find_named (GtkWidget  *root,
                    const char *name)
{
  return rp_test_find_widget (root, is_named, name);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

GtkWidget *
rp_test_find_by_tooltip (GtkWidget  *root,
                         const char *tooltip)
{
  return rp_test_find_widget (root, has_tooltip, tooltip);
}

typedef struct
{
  GType       type;
  const char *title;
} RowWanted;

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  const RowWanted *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) &&
         ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                    wanted->title) == 0;
}

gpointer
rp_test_find_row (GtkWidget  *root,
                  GType       type,
                  const char *title)
{
  RowWanted wanted = { type, title };

  return rp_test_find_widget (root, is_row_titled, &wanted);
}

void
rp_test_collect_by_type (GtkWidget *root,
                         GType      type,
                         GPtrArray *widgets)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (widgets, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rp_test_collect_by_type (child, type, widgets);
}

guint
rp_test_count_list_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

/* Screenshots */

static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));

  return gtk_snapshot_to_node (snapshot);
}

gboolean
rp_test_try_save_screenshot (GtkWidget  *widget,
                             const char *name)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  const char *dir = g_getenv ("RAPPORT_SCREENSHOT_DIR");
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  GskRenderer *renderer;
  int width;
  int height;

  while ((node = snapshot_widget (widget)) == NULL)
    {
      /* Closed meanwhile (a progress dialog whose work ended): nothing left to draw. */
      if (!gtk_widget_get_mapped (widget))
        return FALSE;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      rp_test_iterate_for (50);
    }

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);

  if (dir == NULL || dir[0] == '\0')
    dir = g_test_get_dir (G_TEST_BUILT);
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s (%d×%d)", path, width, height);
  return TRUE;
}

void
rp_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  g_assert_true (rp_test_try_save_screenshot (widget, name));
}
