/* rp-team.c: the rules of the team sync screens (see rp-team.h).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rp-team.h"
#include "rp-validate.h"

static char *
describe_last_synced (GDateTime *last_synced,
                      GDateTime *now)
{
  GTimeSpan span;
  guint minutes;
  guint hours;
  guint days;

  if (last_synced == NULL)
    return g_strdup (_("Not synced yet"));

  span = g_date_time_difference (now, last_synced);
  /* A clock set back a little says "just now" rather than "in the future". */
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Synced just now"));

  minutes = (guint) (span / G_TIME_SPAN_MINUTE);
  if (minutes < 60)
    return g_strdup_printf (ngettext ("Synced %u min ago", "Synced %u min ago", minutes), minutes);

  hours = minutes / 60;
  if (hours < 24)
    return g_strdup_printf (ngettext ("Synced %u hour ago", "Synced %u hours ago", hours), hours);

  days = hours / 24;
  return g_strdup_printf (ngettext ("Synced %u day ago", "Synced %u days ago", days), days);
}

char *
rp_team_status_describe (RpSyncState  state,
                         GDateTime   *last_synced,
                         guint        pending_changes,
                         GDateTime   *now)
{
  g_return_val_if_fail (now != NULL, NULL);

  switch (state)
    {
    case RP_SYNC_STATE_NOT_CONFIGURED:
      return NULL;

    case RP_SYNC_STATE_SYNCING:
      return g_strdup (_("Syncing…"));

    case RP_SYNC_STATE_OFFLINE:
      if (pending_changes > 0)
        /* Translators: the team server cannot be reached and @pending_changes wait to go out. */
        return g_strdup_printf (ngettext ("Offline · %u change waiting",
                                          "Offline · %u changes waiting", pending_changes),
                                pending_changes);
      return g_strdup (_("Offline"));

    case RP_SYNC_STATE_FAILED:
      return g_strdup (_("Sync failed"));

    case RP_SYNC_STATE_IDLE:
    default:
      if (pending_changes > 0)
        return g_strdup_printf (ngettext ("%u change waiting", "%u changes waiting",
                                          pending_changes),
                                pending_changes);
      return describe_last_synced (last_synced, now);
    }
}

gboolean
rp_team_status_needs_attention (RpSyncState state)
{
  return state == RP_SYNC_STATE_FAILED;
}

gboolean
rp_team_is_own_visit (RpPlannedVisit *visit)
{
  const char *liaison;

  g_return_val_if_fail (RP_IS_PLANNED_VISIT (visit), FALSE);

  liaison = rp_planned_visit_get_liaison (visit);
  return liaison == NULL || *liaison == '\0';
}

GPtrArray *
rp_team_own_visits (GPtrArray *visits)
{
  GPtrArray *own;

  g_return_val_if_fail (visits != NULL, NULL);

  own = g_ptr_array_new_full (visits->len, g_object_unref);
  for (guint i = 0; i < visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (visits, i);

      if (rp_team_is_own_visit (visit))
        g_ptr_array_add (own, g_object_ref (visit));
    }

  return own;
}

char *
rp_team_normalize_server_url (const char  *text,
                              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *url = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, RP_VALIDATE_ERROR, RP_VALIDATE_ERROR_INVALID,
                           _("Type the address of the team server"));
      return NULL;
    }

  /* People type "dav.example.org" more often than "https://dav.example.org". */
  if (strstr (stripped, "://") == NULL)
    url = g_strconcat ("https://", stripped, NULL);
  else
    url = g_steal_pointer (&stripped);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      strchr (url, ' ') != NULL ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error_literal (error, RP_VALIDATE_ERROR, RP_VALIDATE_ERROR_INVALID,
                           _("This is not a web address, such as “https://dav.example.org/”"));
      return NULL;
    }

  return g_steal_pointer (&url);
}
