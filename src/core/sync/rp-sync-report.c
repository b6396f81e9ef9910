/* rp-sync-report.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-sync-report.h"

struct _RpSyncReport
{
  GObject    parent_instance;

  guint      sent;
  guint      received;
  guint      deleted;
  guint      merged;
  GPtrArray *notices;  /* NULL-terminated */
};

G_DEFINE_FINAL_TYPE (RpSyncReport, rp_sync_report, G_TYPE_OBJECT)

static void
rp_sync_report_finalize (GObject *object)
{
  RpSyncReport *self = RP_SYNC_REPORT (object);

  g_ptr_array_unref (self->notices);

  G_OBJECT_CLASS (rp_sync_report_parent_class)->finalize (object);
}

static void
rp_sync_report_class_init (RpSyncReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_sync_report_finalize;
}

static void
rp_sync_report_init (RpSyncReport *self)
{
  self->notices = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

RpSyncReport *
rp_sync_report_new (void)
{
  return g_object_new (RP_TYPE_SYNC_REPORT, NULL);
}

guint
rp_sync_report_get_sent (RpSyncReport *self)
{
  g_return_val_if_fail (RP_IS_SYNC_REPORT (self), 0);
  return self->sent;
}

guint
rp_sync_report_get_received (RpSyncReport *self)
{
  g_return_val_if_fail (RP_IS_SYNC_REPORT (self), 0);
  return self->received;
}

guint
rp_sync_report_get_deleted (RpSyncReport *self)
{
  g_return_val_if_fail (RP_IS_SYNC_REPORT (self), 0);
  return self->deleted;
}

guint
rp_sync_report_get_merged (RpSyncReport *self)
{
  g_return_val_if_fail (RP_IS_SYNC_REPORT (self), 0);
  return self->merged;
}

const char * const *
rp_sync_report_get_notices (RpSyncReport *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (RP_IS_SYNC_REPORT (self), NULL);
  /* An empty array may have no storage yet. */
  if (self->notices->pdata == NULL)
    return none;
  return (const char * const *) self->notices->pdata;
}

void
rp_sync_report_add_sent (RpSyncReport *self,
                         guint         n)
{
  g_return_if_fail (RP_IS_SYNC_REPORT (self));
  self->sent += n;
}

void
rp_sync_report_add_received (RpSyncReport *self,
                             guint         n)
{
  g_return_if_fail (RP_IS_SYNC_REPORT (self));
  self->received += n;
}

void
rp_sync_report_add_deleted (RpSyncReport *self,
                            guint         n)
{
  g_return_if_fail (RP_IS_SYNC_REPORT (self));
  self->deleted += n;
}

void
rp_sync_report_add_merged (RpSyncReport *self,
                           guint         n)
{
  g_return_if_fail (RP_IS_SYNC_REPORT (self));
  self->merged += n;
}

void
rp_sync_report_add_notice (RpSyncReport *self,
                           const char   *notice)
{
  g_return_if_fail (RP_IS_SYNC_REPORT (self));
  g_return_if_fail (notice != NULL);
  g_ptr_array_add (self->notices, g_strdup (notice));
}
