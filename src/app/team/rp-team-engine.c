/* rp-team-engine.c: the one RpSyncEngine of an open database (see rp-team-engine.h).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-page-util.h"
#include "rp-team-engine.h"

#define ENGINE_KEY "rp-team-engine"

RpSyncEngine *
rp_team_engine_get (RpContext *context)
{
  RpSyncEngine *engine;
  RpStore *store;
  const char *path;
  g_autoptr(RpSyncAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  engine = g_object_get_data (G_OBJECT (context), ENGINE_KEY);
  if (engine != NULL)
    return engine;

  store = rp_context_get_store (context);
  path = rp_store_get_path (store);
  if (path == NULL || g_strcmp0 (path, ":memory:") == 0)
    return NULL;

  engine = rp_sync_engine_new (path);
  g_object_set_data_full (G_OBJECT (context), ENGINE_KEY, engine, g_object_unref);
  rp_sync_engine_watch_store (engine, store);

  /* A database with an account syncs by itself: on start, after changes, every few minutes
   * and when the network returns. */
  account = rp_sync_account_load (store, &error);
  if (error != NULL)
    g_warning ("Could not read the team account: %s", error->message);
  if (account != NULL && !rp_store_is_read_only (store))
    rp_sync_engine_set_automatic (engine, TRUE);

  return engine;
}

void
rp_team_engine_show_notices (RpSyncReport *report,
                             GtkWidget    *widget)
{
  const char * const *notices;

  g_return_if_fail (RP_IS_SYNC_REPORT (report));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  notices = rp_sync_report_get_notices (report);
  for (guint i = 0; notices[i] != NULL; i++)
    {
      /* Toast titles are Pango markup; a partner's name may hold an ampersand. */
      g_autofree char *escaped = g_markup_escape_text (notices[i], -1);
      AdwToast *toast = adw_toast_new (escaped);

      /* Each says what happened to someone's record: long enough to read. */
      adw_toast_set_timeout (toast, 10);
      rp_page_add_toast (widget, toast);
    }
}

static void
sync_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(RpSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = rp_sync_engine_sync_finish (RP_SYNC_ENGINE (source), result, &error);
  if (report == NULL)
    {
      /* The engine's state and last error say why; the banner shows them. A sync already
       * running is no failure: it does what was asked. */
      if (!g_error_matches (error, RP_SYNC_ERROR, RP_SYNC_ERROR_BUSY))
        g_debug ("Sync failed: %s", error->message);
      return;
    }

  if (gtk_widget_get_root (widget) != NULL)
    rp_team_engine_show_notices (report, widget);
}

void
rp_team_engine_sync_now (RpSyncEngine *engine,
                         GtkWidget    *widget)
{
  g_return_if_fail (RP_IS_SYNC_ENGINE (engine));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  rp_sync_engine_sync_async (engine, NULL, sync_done_cb, g_object_ref (widget));
}
