/* rp-referral-status.c: the path a referral takes, and what a user may do next.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-referral-status.h"

G_DEFINE_QUARK (rp-referral-status-error-quark, rp_referral_status_error)

/* The position of a status on the main path; -1 for the statuses off it. */
static int
path_position (RpReferralStatus status)
{
  switch (status)
    {
    case RP_REFERRAL_STATUS_RECEIVED:
      return 0;
    case RP_REFERRAL_STATUS_CONTACTED:
      return 1;
    case RP_REFERRAL_STATUS_SCHEDULED:
      return 2;
    case RP_REFERRAL_STATUS_SEEN:
      return 3;
    case RP_REFERRAL_STATUS_LOOP_CLOSED:
      return 4;
    case RP_REFERRAL_STATUS_DECLINED:
    case RP_REFERRAL_STATUS_NO_SHOW:
    case RP_REFERRAL_STATUS_LOST:
    default:
      return -1;
    }
}

static gboolean
is_final (RpReferralStatus status)
{
  return status == RP_REFERRAL_STATUS_LOOP_CLOSED ||
         status == RP_REFERRAL_STATUS_DECLINED ||
         status == RP_REFERRAL_STATUS_LOST;
}

static gboolean
is_valid_status (RpReferralStatus status)
{
  return (guint) status <= RP_REFERRAL_STATUS_LOST;
}

/* The status as the tail of a sentence: "…cannot be marked seen". */
static const char *
status_to_words (RpReferralStatus status)
{
  switch (status)
    {
    case RP_REFERRAL_STATUS_RECEIVED:
      /* Translators: completes "A referral … cannot be marked %s". */
      return _("received");
    case RP_REFERRAL_STATUS_CONTACTED:
      return _("contacted");
    case RP_REFERRAL_STATUS_SCHEDULED:
      return _("scheduled");
    case RP_REFERRAL_STATUS_SEEN:
      return _("seen");
    case RP_REFERRAL_STATUS_LOOP_CLOSED:
      return _("loop closed");
    case RP_REFERRAL_STATUS_DECLINED:
      return _("declined");
    case RP_REFERRAL_STATUS_NO_SHOW:
      return _("no-show");
    case RP_REFERRAL_STATUS_LOST:
      return _("lost");
    default:
      return "";
    }
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
check_reason (RpReferralStatus  to,
              const char       *reason,
              GError          **error)
{
  const char *message = NULL;

  if (has_text (reason))
    return TRUE;

  switch (to)
    {
    case RP_REFERRAL_STATUS_DECLINED:
      message = _("Say why the referral was declined");
      break;
    case RP_REFERRAL_STATUS_NO_SHOW:
      message = _("Say why the patient did not come (a no-show needs a reason)");
      break;
    case RP_REFERRAL_STATUS_LOST:
      message = _("Say why the referral was lost");
      break;
    case RP_REFERRAL_STATUS_RECEIVED:
    case RP_REFERRAL_STATUS_CONTACTED:
    case RP_REFERRAL_STATUS_SCHEDULED:
    case RP_REFERRAL_STATUS_SEEN:
    case RP_REFERRAL_STATUS_LOOP_CLOSED:
    default:
      return TRUE;
    }

  g_set_error_literal (error, RP_REFERRAL_STATUS_ERROR, RP_REFERRAL_STATUS_ERROR_NEEDS_REASON,
                       message);
  return FALSE;
}

static gboolean
set_illegal (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_illegal (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  *error = g_error_new_valist (RP_REFERRAL_STATUS_ERROR, RP_REFERRAL_STATUS_ERROR_ILLEGAL,
                               format, args);
  va_end (args);

  return FALSE;
}

/* The table, as the header describes it:
 *   main path, forward only (steps may be skipped): received → contacted → scheduled → seen →
 *   loop closed;
 *   any open status (received, contacted, scheduled, seen, no-show) → declined or lost;
 *   scheduled → no-show; no-show → scheduled;
 *   loop closed, declined and lost are final. */
gboolean
rp_referral_status_check_move (RpReferralStatus   from,
                               RpReferralStatus   to,
                               const char        *reason,
                               GError           **error)
{
  const char *to_words;

  g_return_val_if_fail (is_valid_status (from), FALSE);
  g_return_val_if_fail (is_valid_status (to), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  to_words = status_to_words (to);

  if (from == to)
    return set_illegal (error, _("The referral is already marked %s"), to_words);

  switch (from)
    {
    case RP_REFERRAL_STATUS_LOOP_CLOSED:
      return set_illegal (error, _("A referral whose loop is closed cannot be marked %s"),
                          to_words);
    case RP_REFERRAL_STATUS_DECLINED:
      return set_illegal (error, _("A referral that was declined cannot be marked %s"),
                          to_words);
    case RP_REFERRAL_STATUS_LOST:
      return set_illegal (error, _("A referral that was lost cannot be marked %s"), to_words);

    case RP_REFERRAL_STATUS_RECEIVED:
    case RP_REFERRAL_STATUS_CONTACTED:
    case RP_REFERRAL_STATUS_SCHEDULED:
    case RP_REFERRAL_STATUS_SEEN:
    case RP_REFERRAL_STATUS_NO_SHOW:
    default:
      break;
    }

  g_assert (!is_final (from));

  /* Every open referral may end as declined or lost. */
  if (to == RP_REFERRAL_STATUS_DECLINED || to == RP_REFERRAL_STATUS_LOST)
    return check_reason (to, reason, error);

  if (to == RP_REFERRAL_STATUS_NO_SHOW)
    {
      if (from != RP_REFERRAL_STATUS_SCHEDULED)
        return set_illegal (error, _("Only a scheduled referral can be marked a no-show"));

      return check_reason (to, reason, error);
    }

  if (from == RP_REFERRAL_STATUS_NO_SHOW)
    {
      if (to == RP_REFERRAL_STATUS_SCHEDULED)
        return TRUE;

      return set_illegal (error,
                          _("After a no-show the patient must be scheduled again before the "
                            "referral can be marked %s"),
                          to_words);
    }

  /* Both on the main path from here on. */
  g_assert (path_position (from) >= 0 && path_position (to) >= 0);

  if (path_position (to) < path_position (from))
    return set_illegal (error, _("A referral that is %s cannot go back to %s"),
                        status_to_words (from), to_words);

  return TRUE;
}

gboolean
rp_referral_status_is_open (RpReferralStatus status)
{
  return is_valid_status (status) && !is_final (status);
}

gboolean
rp_referral_status_next (RpReferralStatus  status,
                         RpReferralStatus *next)
{
  RpReferralStatus result;

  switch (status)
    {
    case RP_REFERRAL_STATUS_RECEIVED:
      result = RP_REFERRAL_STATUS_CONTACTED;
      break;
    case RP_REFERRAL_STATUS_CONTACTED:
      result = RP_REFERRAL_STATUS_SCHEDULED;
      break;
    case RP_REFERRAL_STATUS_SCHEDULED:
      result = RP_REFERRAL_STATUS_SEEN;
      break;
    case RP_REFERRAL_STATUS_SEEN:
      result = RP_REFERRAL_STATUS_LOOP_CLOSED;
      break;
    case RP_REFERRAL_STATUS_NO_SHOW:
      /* Back on the path: the patient gets another appointment. */
      result = RP_REFERRAL_STATUS_SCHEDULED;
      break;
    case RP_REFERRAL_STATUS_LOOP_CLOSED:
    case RP_REFERRAL_STATUS_DECLINED:
    case RP_REFERRAL_STATUS_LOST:
    default:
      return FALSE;
    }

  if (next != NULL)
    *next = result;

  return TRUE;
}

const char *
rp_referral_status_to_label (RpReferralStatus status)
{
  switch (status)
    {
    case RP_REFERRAL_STATUS_RECEIVED:
      return _("Received");
    case RP_REFERRAL_STATUS_CONTACTED:
      return _("Contacted");
    case RP_REFERRAL_STATUS_SCHEDULED:
      return _("Scheduled");
    case RP_REFERRAL_STATUS_SEEN:
      return _("Seen");
    case RP_REFERRAL_STATUS_LOOP_CLOSED:
      return _("Loop Closed");
    case RP_REFERRAL_STATUS_DECLINED:
      return _("Declined");
    case RP_REFERRAL_STATUS_NO_SHOW:
      return _("No-Show");
    case RP_REFERRAL_STATUS_LOST:
      return _("Lost");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
rp_referral_status_to_action (RpReferralStatus status)
{
  switch (status)
    {
    case RP_REFERRAL_STATUS_RECEIVED:
      return _("Mark Contacted");
    case RP_REFERRAL_STATUS_CONTACTED:
      return _("Mark Scheduled");
    case RP_REFERRAL_STATUS_SCHEDULED:
      return _("Mark Seen");
    case RP_REFERRAL_STATUS_SEEN:
      return _("Close the Loop");
    case RP_REFERRAL_STATUS_NO_SHOW:
      return _("Mark Scheduled");
    case RP_REFERRAL_STATUS_LOOP_CLOSED:
    case RP_REFERRAL_STATUS_DECLINED:
    case RP_REFERRAL_STATUS_LOST:
    default:
      return NULL;
    }
}

const char *
rp_referral_status_to_css_class (RpReferralStatus status)
{
  switch (status)
    {
    case RP_REFERRAL_STATUS_RECEIVED:
      return "status-received";
    case RP_REFERRAL_STATUS_CONTACTED:
      return "status-contacted";
    case RP_REFERRAL_STATUS_SCHEDULED:
      return "status-scheduled";
    case RP_REFERRAL_STATUS_SEEN:
      return "status-seen";
    case RP_REFERRAL_STATUS_LOOP_CLOSED:
      return "status-loop-closed";
    case RP_REFERRAL_STATUS_DECLINED:
      return "status-declined";
    case RP_REFERRAL_STATUS_NO_SHOW:
      return "status-no-show";
    case RP_REFERRAL_STATUS_LOST:
      return "status-lost";
    default:
      g_return_val_if_reached ("");
    }
}

const char *
rp_urgency_to_label (RpUrgency urgency)
{
  switch (urgency)
    {
    case RP_URGENCY_ROUTINE:
      return _("Routine");
    case RP_URGENCY_SOON:
      return _("Soon");
    case RP_URGENCY_URGENT:
      return _("Urgent");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
rp_referral_direction_to_label (RpReferralDirection direction)
{
  switch (direction)
    {
    case RP_REFERRAL_DIRECTION_INBOUND:
      /* Translators: a referral a partner sent to the practice. */
      return _("Inbound");
    case RP_REFERRAL_DIRECTION_OUTBOUND:
      /* Translators: a referral the practice sent to a partner. */
      return _("Outbound");
    default:
      g_return_val_if_reached ("");
    }
}
