/* test-team.c: the window's line about team sync, and whose visits are someone else's.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-team.h"
#include "rp-test-core.h"
#include "rp-validate.h"

static GDateTime *
at (int hour,
    int minute,
    int second)
{
  return g_date_time_new_utc (2026, 12, 7, hour, minute, second);
}

static void
assert_describes (RpSyncState  state,
                  GDateTime   *last_synced,
                  guint        pending,
                  const char  *expected)
{
  g_autoptr(GDateTime) now = at (14, 30, 0);
  g_autofree char *text = rp_team_status_describe (state, last_synced, pending, now);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_describe_states (void)
{
  g_autoptr(GDateTime) two_minutes_ago = at (14, 28, 0);

  assert_describes (RP_SYNC_STATE_NOT_CONFIGURED, NULL, 0, NULL);
  assert_describes (RP_SYNC_STATE_NOT_CONFIGURED, two_minutes_ago, 4, NULL);
  assert_describes (RP_SYNC_STATE_SYNCING, two_minutes_ago, 3, "Syncing…");
  assert_describes (RP_SYNC_STATE_OFFLINE, two_minutes_ago, 0, "Offline");
  assert_describes (RP_SYNC_STATE_OFFLINE, NULL, 1, "Offline · 1 change waiting");
  assert_describes (RP_SYNC_STATE_OFFLINE, two_minutes_ago, 3, "Offline · 3 changes waiting");
  assert_describes (RP_SYNC_STATE_FAILED, two_minutes_ago, 3, "Sync failed");
  /* Changes waiting say more than when the last sync was. */
  assert_describes (RP_SYNC_STATE_IDLE, two_minutes_ago, 3, "3 changes waiting");
  assert_describes (RP_SYNC_STATE_IDLE, two_minutes_ago, 1, "1 change waiting");
  assert_describes (RP_SYNC_STATE_IDLE, two_minutes_ago, 0, "Synced 2 min ago");
  assert_describes (RP_SYNC_STATE_IDLE, NULL, 0, "Not synced yet");
}

static void
test_describe_ages (void)
{
  g_autoptr(GDateTime) seconds_ago = at (14, 29, 31);
  g_autoptr(GDateTime) in_future = at (14, 30, 20);
  g_autoptr(GDateTime) one_minute = at (14, 29, 0);
  g_autoptr(GDateTime) fifty_nine = at (13, 31, 0);
  g_autoptr(GDateTime) one_hour = at (13, 29, 0);
  g_autoptr(GDateTime) five_hours = at (9, 0, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_new_utc (2026, 12, 6, 14, 0, 0);
  g_autoptr(GDateTime) last_week = g_date_time_new_utc (2026, 11, 30, 8, 0, 0);

  assert_describes (RP_SYNC_STATE_IDLE, seconds_ago, 0, "Synced just now");
  assert_describes (RP_SYNC_STATE_IDLE, in_future, 0, "Synced just now");
  assert_describes (RP_SYNC_STATE_IDLE, one_minute, 0, "Synced 1 min ago");
  assert_describes (RP_SYNC_STATE_IDLE, fifty_nine, 0, "Synced 59 min ago");
  assert_describes (RP_SYNC_STATE_IDLE, one_hour, 0, "Synced 1 hour ago");
  assert_describes (RP_SYNC_STATE_IDLE, five_hours, 0, "Synced 5 hours ago");
  assert_describes (RP_SYNC_STATE_IDLE, yesterday, 0, "Synced 1 day ago");
  assert_describes (RP_SYNC_STATE_IDLE, last_week, 0, "Synced 7 days ago");
}

static void
test_needs_attention (void)
{
  g_assert_true (rp_team_status_needs_attention (RP_SYNC_STATE_FAILED));
  /* Offline is said in the sidebar; the changes go out when the network returns. */
  g_assert_false (rp_team_status_needs_attention (RP_SYNC_STATE_OFFLINE));
  g_assert_false (rp_team_status_needs_attention (RP_SYNC_STATE_IDLE));
  g_assert_false (rp_team_status_needs_attention (RP_SYNC_STATE_SYNCING));
  g_assert_false (rp_team_status_needs_attention (RP_SYNC_STATE_NOT_CONFIGURED));
}

static void
test_other_liaison (void)
{
  g_assert_true (rp_team_is_other_liaison ("Maria Gomez", "Sam Lee"));
  g_assert_false (rp_team_is_other_liaison ("Sam Lee", "Sam Lee"));
  g_assert_false (rp_team_is_other_liaison ("  sam lee ", "Sam Lee"));
  g_assert_false (rp_team_is_other_liaison ("ÉLODIE", "élodie"));
  /* Visits planned before the team synced have no liaison: they are one's own. */
  g_assert_false (rp_team_is_other_liaison (NULL, "Sam Lee"));
  g_assert_false (rp_team_is_other_liaison ("", "Sam Lee"));
  g_assert_false (rp_team_is_other_liaison ("   ", NULL));
  /* Without an account every named liaison is someone else. */
  g_assert_true (rp_team_is_other_liaison ("Maria Gomez", NULL));
}

static void
assert_normalizes (const char *text,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = rp_team_normalize_server_url (text, &error);

  if (expected == NULL)
    {
      g_assert_error (error, RP_VALIDATE_ERROR, RP_VALIDATE_ERROR_INVALID);
      g_assert_null (url);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpstr (url, ==, expected);
    }
}

static void
test_normalize_server_url (void)
{
  assert_normalizes ("dav.example.org", "https://dav.example.org");
  assert_normalizes ("  dav.example.org/team/ ", "https://dav.example.org/team/");
  assert_normalizes ("http://127.0.0.1:5232/", "http://127.0.0.1:5232/");
  assert_normalizes ("HTTPS://cloud.example.org/remote.php/dav",
                     "HTTPS://cloud.example.org/remote.php/dav");
  assert_normalizes ("", NULL);
  assert_normalizes ("   ", NULL);
  assert_normalizes (NULL, NULL);
  assert_normalizes ("ftp://example.org/", NULL);
  assert_normalizes ("dav example org", NULL);
  assert_normalizes ("https://", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/team/status/describe-states", test_describe_states);
  g_test_add_func ("/team/status/describe-ages", test_describe_ages);
  g_test_add_func ("/team/status/needs-attention", test_needs_attention);
  g_test_add_func ("/team/status/other-liaison", test_other_liaison);

  g_test_add_func ("/team/normalize-server-url", test_normalize_server_url);

  return g_test_run ();
}
