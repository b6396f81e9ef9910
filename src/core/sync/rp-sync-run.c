/* rp-sync-run.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rp-activity.h"
#include "rp-enum-types.h"
#include "rp-store-activities.h"
#include "rp-store-partners.h"
#include "rp-store-sync.h"
#include "rp-store-visits.h"
#include "rp-sync-ical.h"
#include "rp-sync-merge.h"
#include "rp-sync-run.h"
#include "rp-vcard.h"

#define MULTIGET_BATCH 100
#define MAX_ATTEMPTS 3
#define VCARD_TYPE "text/vcard; charset=utf-8"
#define ICAL_TYPE "text/calendar; charset=utf-8"

typedef struct
{
  RpStore       *store;
  RpSyncAccount *account;
  RpDavClient   *client;
  RpSyncReport  *report;
  GCancellable  *cancellable;
  const char    *liaison;
} Run;

static const char *
collection_of (Run        *run,
               RpSyncKind  kind)
{
  return kind == RP_SYNC_KIND_PARTNER ? rp_sync_account_get_addressbook_url (run->account)
                                      : rp_sync_account_get_calendar_url (run->account);
}

static char *
token_key (RpSyncKind kind)
{
  return g_strdup_printf ("sync-token-%s", kind == RP_SYNC_KIND_PARTNER ? "partner" : "visit");
}

/* The path of a new resource: the collection's path and "<uuid>.vcf" or ".ics". */
static char *
new_href (Run        *run,
          RpSyncKind  kind,
          const char *uuid)
{
  g_autoptr(GUri) uri = g_uri_parse (collection_of (run, kind), G_URI_FLAGS_ENCODED, NULL);
  const char *path = uri != NULL ? g_uri_get_path (uri) : "/";
  g_autofree char *escaped = g_uri_escape_string (uuid, NULL, FALSE);

  return g_strconcat (path, g_str_has_suffix (path, "/") ? "" : "/", escaped,
                      kind == RP_SYNC_KIND_PARTNER ? ".vcf" : ".ics", NULL);
}

/* Runs @write inside one transaction in which the triggers queue nothing. */
static gboolean
begin_quiet (Run     *run,
             GError **error)
{
  if (!rp_store_begin (run->store, error))
    return FALSE;
  if (!rp_store_sync_set_quiet (run->store, TRUE, error))
    {
      rp_store_rollback (run->store);
      return FALSE;
    }
  return TRUE;
}

static gboolean
commit_quiet (Run     *run,
              GError **error)
{
  if (!rp_store_sync_set_quiet (run->store, FALSE, error) ||
      !rp_store_commit (run->store, error))
    {
      rp_store_rollback (run->store);
      return FALSE;
    }
  return TRUE;
}

static void
notice (Run        *run,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
notice (Run        *run,
        const char *format,
        ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  rp_sync_report_add_notice (run->report, text);
}

/* ── partners ─────────────────────────────────────────────────────────────────────────── */

static RpPartner *
find_partner (Run        *run,
              const char *uuid)
{
  g_autoptr(GError) error = NULL;

  return rp_store_find_partner_by_uuid (run->store, uuid, &error);
}

/* The values both sides changed, kept in the partner's history as a note. */
static gboolean
record_conflicts (Run        *run,
                  RpPartner  *partner,
                  GPtrArray  *conflicts,
                  GError    **error)
{
  g_autoptr(RpActivity) note = NULL;
  g_autoptr(GString) text = NULL;

  if (conflicts->len == 0)
    return TRUE;

  text = g_string_new (_("Team sync: changed here and by another liaison at the same time; "
                         "the later change was kept."));
  for (guint i = 0; i < conflicts->len; i++)
    {
      RpSyncConflict *c = g_ptr_array_index (conflicts, i);
      g_autofree char *label = g_strdelimit (g_strdup (c->field), "-", ' ');

      g_string_append_c (text, '\n');
      /* Translators: a line of a sync conflict note: the field, the value set aside, the value
       * kept. */
      g_string_append_printf (text, _("%s: “%s” replaced by “%s”"), label, c->lost, c->kept);
    }

  note = rp_activity_new (RP_ACTIVITY_KIND_NOTE);
  rp_activity_set_summary (note, text->str);
  rp_activity_add_partner_id (note, rp_partner_get_id (partner));
  return rp_store_insert_activity (run->store, note, error);
}

/* Writes @fields into @local (already in the database) and, when it changed, saves it. */
static gboolean
save_partner_fields (Run        *run,
                     RpPartner  *local,
                     GHashTable *fields,
                     GError    **error)
{
  g_autoptr(GHashTable) before = rp_sync_partner_fields (local);
  g_autofree char *archived_before = g_strdup (rp_partner_get_archived_at (local));
  const char *archived_after;

  if (rp_sync_fields_equal (before, fields))
    return TRUE;

  rp_sync_partner_apply (local, fields);
  if (!rp_store_update_partner (run->store, local, error))
    return FALSE;
  archived_after = g_hash_table_lookup (fields, "archived-at");
  if ((*archived_before != '\0') != (archived_after != NULL && *archived_after != '\0'))
    return rp_store_set_partner_archived (run->store, rp_partner_get_id (local),
                                          archived_after != NULL && *archived_after != '\0',
                                          error);
  return TRUE;
}

static gboolean
insert_partner (Run        *run,
                RpPartner  *remote,
                GError    **error)
{
  const char *archived = rp_partner_get_archived_at (remote);
  g_autofree char *keep = g_strdup (archived);

  rp_partner_set_archived_at (remote, NULL);
  if (!rp_store_insert_partner (run->store, remote, error))
    return FALSE;
  if (keep != NULL && *keep != '\0')
    return rp_store_set_partner_archived (run->store, rp_partner_get_id (remote), TRUE, error);
  return TRUE;
}

/* The card at @href (with @etag and @data) is what the server holds: bring it here. */
static gboolean
apply_remote_partner (Run         *run,
                      const char  *href,
                      const char  *etag,
                      const char  *data,
                      GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(RpPartner) remote = rp_vcard_card_to_partner (data, &parse_error);
  g_autoptr(RpPartner) local = NULL;
  g_autoptr(RpSyncObject) object = NULL;
  g_autoptr(RpSyncChange) change = NULL;
  const char *uuid;

  if (remote == NULL)
    {
      notice (run, _("A contact in the team address book could not be read and was left out: %s"),
              parse_error->message);
      return TRUE;
    }

  uuid = rp_partner_get_uuid (remote);
  object = rp_store_sync_get_object (run->store, RP_SYNC_KIND_PARTNER, uuid, error);
  if (object == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (object != NULL && etag != NULL && *etag != '\0' && g_strcmp0 (object->etag, etag) == 0)
    return TRUE;   /* what this database sent */

  change = rp_store_sync_get_change (run->store, RP_SYNC_KIND_PARTNER, uuid, error);
  if (change == NULL && error != NULL && *error != NULL)
    return FALSE;
  local = find_partner (run, uuid);

  if (!begin_quiet (run, error))
    return FALSE;

  if (local == NULL && change != NULL && change->deleted)
    {
      /* Deleted here, edited on the server: the edit is kept. */
      if (!insert_partner (run, remote, error) ||
          !rp_store_sync_done_change (run->store, RP_SYNC_KIND_PARTNER, uuid, change->changed_at,
                                      error))
        goto failed;
      notice (run, _("%s was deleted here but edited by another liaison: kept"),
              rp_partner_get_display_name (remote));
      rp_sync_report_add_received (run->report, 1);
    }
  else if (local == NULL)
    {
      const char *npi = rp_partner_get_npi (remote);
      g_autoptr(RpPartner) twin = NULL;

      if (*npi != '\0')
        {
          g_autoptr(GError) missing = NULL;

          twin = rp_store_find_partner_by_npi (run->store, npi, &missing);
        }

      if (twin != NULL)
        {
          /* The same physician added by two liaisons: one card, the smaller UUID's. */
          g_autoptr(GHashTable) mine = rp_sync_partner_fields (twin);
          g_autoptr(GHashTable) theirs = rp_sync_partner_fields (remote);
          g_autoptr(GHashTable) merged = NULL;
          g_autofree char *twin_uuid = g_strdup (rp_partner_get_uuid (twin));
          gboolean keep_remote = strcmp (uuid, twin_uuid) < 0;

          merged = rp_sync_merge (NULL, mine, theirs,
                                  g_strcmp0 (rp_partner_get_updated_at (twin),
                                             rp_partner_get_updated_at (remote)) > 0, NULL);
          if (keep_remote)
            {
              g_autoptr(RpSyncObject) old = NULL;

              old = rp_store_sync_get_object (run->store, RP_SYNC_KIND_PARTNER, twin_uuid, error);
              if (old == NULL && error != NULL && *error != NULL)
                goto failed;
              if (!rp_store_sync_change_partner_uuid (run->store, rp_partner_get_id (twin), uuid,
                                                      error))
                goto failed;
              rp_partner_set_uuid (twin, uuid);
              if (!save_partner_fields (run, twin, merged, error) ||
                  !rp_store_sync_save_object (run->store, RP_SYNC_KIND_PARTNER, uuid, href, etag,
                                              data, error))
                goto failed;
              /* This database's own card of the physician goes from the server. */
              if (old != NULL &&
                  !rp_store_sync_queue_change (run->store, RP_SYNC_KIND_PARTNER, twin_uuid, TRUE,
                                               error))
                goto failed;
              if (!rp_sync_fields_equal (merged, theirs) &&
                  !rp_store_sync_queue_change (run->store, RP_SYNC_KIND_PARTNER, uuid, FALSE,
                                               error))
                goto failed;
            }
          else
            {
              /* The other liaison's card goes; ours carries what theirs added. */
              if (!save_partner_fields (run, twin, merged, error) ||
                  !rp_store_sync_save_object (run->store, RP_SYNC_KIND_PARTNER, uuid, href, etag,
                                              data, error) ||
                  !rp_store_sync_queue_change (run->store, RP_SYNC_KIND_PARTNER, uuid, TRUE,
                                               error) ||
                  !rp_store_sync_queue_change (run->store, RP_SYNC_KIND_PARTNER, twin_uuid,
                                               FALSE, error))
                goto failed;
            }
          notice (run, _("%s was added by two liaisons (same NPI): merged into one partner"),
                  rp_partner_get_display_name (twin));
          rp_sync_report_add_merged (run->report, 1);
          return commit_quiet (run, error);
        }

      if (!insert_partner (run, remote, error))
        goto failed;
      rp_sync_report_add_received (run->report, 1);
    }
  else if (change != NULL && !change->deleted)
    {
      /* Changed on both sides: field by field against the base. */
      g_autoptr(RpPartner) base = NULL;
      g_autoptr(GHashTable) base_fields = NULL;
      g_autoptr(GHashTable) mine = rp_sync_partner_fields (local);
      g_autoptr(GHashTable) theirs = rp_sync_partner_fields (remote);
      g_autoptr(GHashTable) merged = NULL;
      g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (
        (GDestroyNotify) rp_sync_conflict_free);

      if (object != NULL && *object->base != '\0')
        base = rp_vcard_card_to_partner (object->base, NULL);
      if (base != NULL)
        base_fields = rp_sync_partner_fields (base);
      merged = rp_sync_merge (base_fields, mine, theirs,
                              g_strcmp0 (change->changed_at,
                                         rp_partner_get_updated_at (remote)) > 0,
                              conflicts);
      if (!save_partner_fields (run, local, merged, error) ||
          !record_conflicts (run, local, conflicts, error))
        goto failed;
      /* The queue entry stays: the merged partner goes to the server next, over this ETag. */
      rp_sync_report_add_merged (run->report, 1);
    }
  else
    {
      g_autoptr(GHashTable) theirs = rp_sync_partner_fields (remote);

      if (!save_partner_fields (run, local, theirs, error))
        goto failed;
      rp_sync_report_add_received (run->report, 1);
    }

  if (!rp_store_sync_save_object (run->store, RP_SYNC_KIND_PARTNER, uuid, href, etag, data,
                                  error))
    goto failed;
  return commit_quiet (run, error);

failed:
  rp_store_rollback (run->store);
  return FALSE;
}

/* ── visits ───────────────────────────────────────────────────────────────────────────── */

static GHashTable *
visit_fields (Run            *run,
              RpPlannedVisit *visit,
              const char     *partner_uuid)
{
  GHashTable *fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *start = rp_planned_visit_dup_start (visit);

  g_hash_table_insert (fields, g_strdup ("when"),
                       g_strconcat (rp_planned_visit_get_planned_on (visit), "T", start, NULL));
  g_hash_table_insert (fields, g_strdup ("objective"),
                       g_strdup (rp_planned_visit_get_objective (visit)));
  g_hash_table_insert (fields, g_strdup ("status"),
                       g_strdup (rp_enum_to_nick (RP_TYPE_VISIT_STATUS,
                                                  rp_planned_visit_get_status (visit))));
  g_hash_table_insert (fields, g_strdup ("partner"), g_strdup (partner_uuid));
  g_hash_table_insert (fields, g_strdup ("liaison"),
                       g_strdup (rp_planned_visit_get_liaison (visit)));
  return fields;
}

/* A visit as the event describes it, for @partner; the liaison is empty when it is this one. */
static RpPlannedVisit *
visit_from_event (Run         *run,
                  RpSyncEvent *event,
                  RpPartner   *partner)
{
  RpPlannedVisit *visit = rp_planned_visit_new ();
  const char *name = rp_partner_get_display_name (partner);
  g_autofree char *objective = rp_sync_objective_from_summary (event->summary, name);

  rp_planned_visit_set_uuid (visit, event->uuid);
  rp_planned_visit_set_partner_id (visit, rp_partner_get_id (partner));
  rp_planned_visit_set_partner_name (visit, rp_partner_get_display_name (partner));
  rp_planned_visit_set_planned_on (visit, event->planned_on);
  rp_planned_visit_set_start_time (visit, *event->start_time != '\0' ? event->start_time
                                                                     : "09:00");
  rp_planned_visit_set_objective (visit, objective);
  rp_planned_visit_set_status (visit, event->status);
  rp_planned_visit_set_liaison (visit, g_strcmp0 (event->liaison, run->liaison) == 0
                                       ? "" : event->liaison);
  return visit;
}

/* Sets @visit from @fields ("when" gives the day and the start time). */
static void
apply_visit_fields (Run            *run,
                    RpPlannedVisit *visit,
                    GHashTable     *fields)
{
  const char *when = g_hash_table_lookup (fields, "when");
  const char *status = g_hash_table_lookup (fields, "status");
  const char *partner_uuid = g_hash_table_lookup (fields, "partner");
  int value;

  if (when != NULL && strlen (when) == 16)
    {
      g_autofree char *day = g_strndup (when, 10);

      rp_planned_visit_set_planned_on (visit, day);
      rp_planned_visit_set_start_time (visit, when + 11);
    }
  rp_planned_visit_set_objective (visit, g_hash_table_lookup (fields, "objective"));
  if (status != NULL && rp_enum_from_nick (RP_TYPE_VISIT_STATUS, status, &value))
    rp_planned_visit_set_status (visit, value);
  rp_planned_visit_set_liaison (visit, g_hash_table_lookup (fields, "liaison"));
  if (partner_uuid != NULL)
    {
      g_autoptr(RpPartner) partner = find_partner (run, partner_uuid);

      if (partner != NULL)
        rp_planned_visit_set_partner_id (visit, rp_partner_get_id (partner));
    }
}

static char *
partner_uuid_of (Run    *run,
                 gint64  partner_id)
{
  g_autoptr(RpPartner) partner = rp_store_get_partner (run->store, partner_id, NULL);

  return g_strdup (partner != NULL ? rp_partner_get_uuid (partner) : "");
}

/* FALSE with no error when the event must wait (its partner is not here yet). */
static gboolean
apply_remote_visit (Run         *run,
                    const char  *href,
                    const char  *etag,
                    const char  *data,
                    gboolean    *deferred,
                    GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(RpSyncEvent) event = rp_sync_event_parse (data, &parse_error);
  g_autoptr(RpSyncObject) object = NULL;
  g_autoptr(RpSyncChange) change = NULL;
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(RpPlannedVisit) remote = NULL;
  g_autoptr(RpPlannedVisit) local = NULL;

  if (event == NULL)
    {
      notice (run, _("An event in the team calendar could not be read and was left out: %s"),
              parse_error->message);
      return TRUE;
    }
  /* Events other programs put in the team calendar are not visits. */
  if (*event->partner_uuid == '\0')
    return TRUE;

  object = rp_store_sync_get_object (run->store, RP_SYNC_KIND_VISIT, event->uuid, error);
  if (object == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (object != NULL && etag != NULL && *etag != '\0' && g_strcmp0 (object->etag, etag) == 0)
    return TRUE;

  partner = find_partner (run, event->partner_uuid);
  if (partner == NULL)
    {
      *deferred = TRUE;
      return TRUE;
    }

  change = rp_store_sync_get_change (run->store, RP_SYNC_KIND_VISIT, event->uuid, error);
  if (change == NULL && error != NULL && *error != NULL)
    return FALSE;
  local = rp_store_sync_find_visit (run->store, event->uuid, error);
  if (local == NULL && error != NULL && *error != NULL)
    return FALSE;
  remote = visit_from_event (run, event, partner);

  if (!begin_quiet (run, error))
    return FALSE;

  if (local == NULL)
    {
      if (!rp_store_sync_write_visit (run->store, remote, error))
        goto failed;
      if (change != NULL && change->deleted)
        {
          if (!rp_store_sync_done_change (run->store, RP_SYNC_KIND_VISIT, event->uuid,
                                          change->changed_at, error))
            goto failed;
          notice (run, _("The visit to %s on %s was deleted here but changed by another "
                         "liaison: kept"), rp_partner_get_display_name (partner),
                  event->planned_on);
        }
      rp_sync_report_add_received (run->report, 1);
    }
  else
    {
      g_autofree char *local_partner = partner_uuid_of (run,
                                                        rp_planned_visit_get_partner_id (local));
      g_autoptr(GHashTable) mine = visit_fields (run, local, local_partner);
      g_autoptr(GHashTable) theirs = visit_fields (run, remote, event->partner_uuid);
      g_autoptr(GHashTable) merged = NULL;

      if (change != NULL && !change->deleted)
        {
          g_autoptr(GHashTable) base_fields = NULL;
          g_autoptr(RpSyncEvent) base = NULL;

          if (object != NULL && *object->base != '\0')
            base = rp_sync_event_parse (object->base, NULL);
          if (base != NULL)
            {
              g_autoptr(RpPartner) base_partner = find_partner (run, base->partner_uuid);
              g_autoptr(RpPlannedVisit) base_visit = NULL;

              if (base_partner != NULL)
                {
                  base_visit = visit_from_event (run, base, base_partner);
                  base_fields = visit_fields (run, base_visit, base->partner_uuid);
                }
            }
          merged = rp_sync_merge (base_fields, mine, theirs,
                                  g_strcmp0 (change->changed_at, event->modified_at) > 0, NULL);
          rp_sync_report_add_merged (run->report, 1);
        }
      else
        {
          merged = g_hash_table_ref (theirs);
          rp_sync_report_add_received (run->report, 1);
        }

      if (!rp_sync_fields_equal (merged, mine))
        {
          apply_visit_fields (run, local, merged);
          if (!rp_store_sync_write_visit (run->store, local, error))
            goto failed;
        }
    }

  if (!rp_store_sync_save_object (run->store, RP_SYNC_KIND_VISIT, event->uuid, href, etag, data,
                                  error))
    goto failed;
  return commit_quiet (run, error);

failed:
  rp_store_rollback (run->store);
  return FALSE;
}

/* ── deletions on the server ──────────────────────────────────────────────────────────── */

static gboolean
apply_remote_deletion (Run         *run,
                       RpSyncKind   kind,
                       const char  *href,
                       GError     **error)
{
  g_autoptr(RpSyncObject) object = rp_store_sync_find_href (run->store, kind, href, error);
  g_autoptr(RpSyncChange) change = NULL;

  if (object == NULL)
    return error == NULL || *error == NULL;

  change = rp_store_sync_get_change (run->store, kind, object->uuid, error);
  if (change == NULL && error != NULL && *error != NULL)
    return FALSE;

  if (!begin_quiet (run, error))
    return FALSE;

  if (change != NULL && !change->deleted)
    {
      /* Edited here, deleted on the server: the edit is kept and created again. */
      if (kind == RP_SYNC_KIND_PARTNER)
        {
          g_autoptr(RpPartner) partner = find_partner (run, object->uuid);

          notice (run, _("%s was deleted by another liaison but edited here: kept and sent again"),
                  partner != NULL ? rp_partner_get_display_name (partner) : object->uuid);
        }
      else
        notice (run, "%s", _("A visit deleted by another liaison but changed here was kept and "
                             "sent again"));
      if (!rp_store_sync_forget_object (run->store, kind, object->uuid, error))
        goto failed;
      return commit_quiet (run, error);
    }

  if (kind == RP_SYNC_KIND_PARTNER)
    {
      g_autoptr(RpPartner) partner = find_partner (run, object->uuid);

      if (partner != NULL &&
          !rp_store_delete_partner (run->store, rp_partner_get_id (partner), error))
        goto failed;
    }
  else if (!rp_store_sync_delete_visit (run->store, object->uuid, error))
    goto failed;

  if (!rp_store_sync_forget_object (run->store, kind, object->uuid, error) ||
      (change != NULL &&
       !rp_store_sync_done_change (run->store, kind, object->uuid, change->changed_at, error)))
    goto failed;
  rp_sync_report_add_deleted (run->report, 1);
  return commit_quiet (run, error);

failed:
  rp_store_rollback (run->store);
  return FALSE;
}

/* ── pulling ──────────────────────────────────────────────────────────────────────────── */

static gboolean
apply_remote (Run            *run,
              RpSyncKind      kind,
              RpDavResource  *resource,
              gboolean       *deferred,
              GError        **error)
{
  if (resource->deleted)
    return apply_remote_deletion (run, kind, resource->href, error);
  if (resource->data == NULL)
    return TRUE;
  if (kind == RP_SYNC_KIND_PARTNER)
    return apply_remote_partner (run, resource->href, resource->etag, resource->data, error);
  return apply_remote_visit (run, resource->href, resource->etag, resource->data, deferred,
                             error);
}

static gboolean
pull (Run         *run,
      RpSyncKind   kind,
      GError     **error)
{
  const char *collection = collection_of (run, kind);
  g_autofree char *key = token_key (kind);
  g_autofree char *token = rp_store_dup_meta (run->store, key);
  g_autofree char *new_token = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  gboolean complete = FALSE;
  gboolean deferred = FALSE;

  members = rp_dav_client_sync_collection (run->client, collection, token, &new_token,
                                           run->cancellable, &local_error);
  if (members == NULL &&
      g_error_matches (local_error, RP_DAV_ERROR, RP_DAV_ERROR_INVALID_TOKEN) && token != NULL)
    {
      /* A token the server forgot (Radicale keeps them 30 days): everything again. */
      g_clear_error (&local_error);
      g_clear_pointer (&token, g_free);
      members = rp_dav_client_sync_collection (run->client, collection, NULL, &new_token,
                                               run->cancellable, &local_error);
    }
  if (members == NULL &&
      g_error_matches (local_error, RP_DAV_ERROR, RP_DAV_ERROR_INVALID_TOKEN))
    {
      /* No sync-collection at all: list the collection by href and ETag. */
      g_clear_error (&local_error);
      members = rp_dav_client_list (run->client, collection, run->cancellable, &local_error);
    }
  if (members == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  complete = token == NULL;

  /* A full listing: what this database synced and the server no longer has is gone. */
  if (complete)
    {
      g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) objects = rp_store_sync_list_objects (run->store, kind, error);

      if (objects == NULL)
        return FALSE;
      for (guint i = 0; i < members->len; i++)
        g_hash_table_add (present, ((RpDavResource *) g_ptr_array_index (members, i))->href);
      for (guint i = 0; i < objects->len; i++)
        {
          RpSyncObject *object = g_ptr_array_index (objects, i);

          if (!g_hash_table_contains (present, object->href))
            {
              RpDavResource gone = { object->href, NULL, NULL, TRUE };

              if (!apply_remote (run, kind, &gone, &deferred, error))
                return FALSE;
            }
        }
    }

  for (guint i = 0; i < members->len; i++)
    {
      RpDavResource *member = g_ptr_array_index (members, i);
      g_autoptr(RpSyncObject) known = NULL;

      if (member->deleted)
        {
          if (!apply_remote (run, kind, member, &deferred, error))
            return FALSE;
          continue;
        }
      known = rp_store_sync_find_href (run->store, kind, member->href, error);
      if (known == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (known != NULL && member->etag != NULL && g_strcmp0 (known->etag, member->etag) == 0)
        continue;
      g_ptr_array_add (wanted, member->href);
    }

  for (guint start = 0; start < wanted->len; start += MULTIGET_BATCH)
    {
      g_autoptr(GPtrArray) hrefs = g_ptr_array_new ();
      g_autoptr(GPtrArray) fetched = NULL;

      for (guint i = start; i < MIN (start + MULTIGET_BATCH, wanted->len); i++)
        g_ptr_array_add (hrefs, g_ptr_array_index (wanted, i));
      g_ptr_array_add (hrefs, NULL);

      fetched = rp_dav_client_multiget (run->client, collection,
                                        kind == RP_SYNC_KIND_PARTNER
                                        ? RP_DAV_COLLECTION_ADDRESSBOOK
                                        : RP_DAV_COLLECTION_CALENDAR,
                                        (const char * const *) hrefs->pdata, run->cancellable,
                                        error);
      if (fetched == NULL)
        return FALSE;
      for (guint i = 0; i < fetched->len; i++)
        if (!apply_remote (run, kind, g_ptr_array_index (fetched, i), &deferred, error))
          return FALSE;
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
    }

  /* The token moves on only when everything it covers is here. */
  if (!deferred && new_token != NULL &&
      !rp_store_set_meta (run->store, key, new_token, error))
    return FALSE;
  return TRUE;
}

/* ── pushing ──────────────────────────────────────────────────────────────────────────── */

/* The server's copy of @href is newer than ours: fetch and merge it (the queue entry stays,
 * with the server's ETag, so the next attempt sends the merge). FALSE with NOT_FOUND when it is
 * gone. */
static gboolean
fetch_and_merge (Run         *run,
                 RpSyncKind   kind,
                 const char  *href,
                 GError     **error)
{
  g_autoptr(RpDavResource) resource = rp_dav_client_get (run->client, href, run->cancellable,
                                                         error);
  gboolean deferred = FALSE;

  if (resource == NULL)
    return FALSE;
  return apply_remote (run, kind, resource, &deferred, error);
}

static char *
render (Run          *run,
        RpSyncKind    kind,
        const char   *uuid,
        const char   *base,
        GError      **error)
{
  if (kind == RP_SYNC_KIND_PARTNER)
    {
      g_autoptr(RpPartner) partner = find_partner (run, uuid);

      return partner != NULL ? rp_vcard_partner_to_card (partner, base) : NULL;
    }
  else
    {
      g_autoptr(RpPlannedVisit) visit = rp_store_sync_find_visit (run->store, uuid, error);
      g_autoptr(RpPartner) partner = NULL;
      const char *liaison;

      if (visit == NULL)
        return NULL;
      partner = rp_store_get_partner (run->store, rp_planned_visit_get_partner_id (visit), NULL);
      liaison = *rp_planned_visit_get_liaison (visit) != '\0'
                ? rp_planned_visit_get_liaison (visit) : run->liaison;
      return rp_sync_visit_to_ical (visit, partner, liaison, base);
    }
}

static gboolean
push_one (Run           *run,
          RpSyncChange  *queued,
          GError       **error)
{
  RpSyncKind kind = queued->kind;

  for (guint attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
    {
      g_autoptr(RpSyncChange) change = rp_store_sync_get_change (run->store, kind, queued->uuid,
                                                                 error);
      g_autoptr(RpSyncObject) object = NULL;
      g_autoptr(GError) local_error = NULL;

      if (change == NULL)
        return error == NULL || *error == NULL;   /* settled by a merge meanwhile */
      object = rp_store_sync_get_object (run->store, kind, change->uuid, error);
      if (object == NULL && error != NULL && *error != NULL)
        return FALSE;

      if (change->deleted)
        {
          if (object != NULL &&
              !rp_dav_client_delete (run->client, object->href,
                                     *object->etag != '\0' ? object->etag : NULL,
                                     run->cancellable, &local_error))
            {
              if (g_error_matches (local_error, RP_DAV_ERROR, RP_DAV_ERROR_PRECONDITION))
                {
                  /* Changed on the server since: the change is kept (and comes back here). */
                  g_clear_error (&local_error);
                  if (!fetch_and_merge (run, kind, object->href, error))
                    return FALSE;
                  continue;
                }
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (!rp_store_begin (run->store, error))
            return FALSE;
          if ((object != NULL &&
               !rp_store_sync_forget_object (run->store, kind, change->uuid, error)) ||
              !rp_store_sync_done_change (run->store, kind, change->uuid, change->changed_at,
                                          error) ||
              !rp_store_commit (run->store, error))
            {
              rp_store_rollback (run->store);
              return FALSE;
            }
          if (object != NULL)
            rp_sync_report_add_deleted (run->report, 1);
          return TRUE;
        }
      else
        {
          g_autofree char *text = render (run, kind, change->uuid,
                                          object != NULL ? object->base : NULL, error);
          g_autofree char *href = NULL;
          g_autofree char *etag = NULL;
          g_autofree char *base = NULL;

          if (text == NULL)
            {
              if (error != NULL && *error != NULL)
                return FALSE;
              /* Gone meanwhile: its deletion is queued after this. */
              return rp_store_sync_done_change (run->store, kind, change->uuid,
                                                change->changed_at, error);
            }
          href = object != NULL ? g_strdup (object->href) : new_href (run, kind, change->uuid);
          etag = rp_dav_client_put (run->client, href,
                                    kind == RP_SYNC_KIND_PARTNER ? VCARD_TYPE : ICAL_TYPE, text,
                                    object != NULL && *object->etag != '\0' ? object->etag : NULL,
                                    run->cancellable, &local_error);
          if (etag == NULL)
            {
              if (g_error_matches (local_error, RP_DAV_ERROR, RP_DAV_ERROR_PRECONDITION))
                {
                  g_clear_error (&local_error);
                  if (!fetch_and_merge (run, kind, href, &local_error))
                    {
                      if (!g_error_matches (local_error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_FOUND))
                        {
                          g_propagate_error (error, g_steal_pointer (&local_error));
                          return FALSE;
                        }
                      /* Deleted on the server meanwhile: created again. */
                      g_clear_error (&local_error);
                      if (!rp_store_sync_forget_object (run->store, kind, change->uuid, error))
                        return FALSE;
                    }
                  continue;
                }
              if (g_error_matches (local_error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_FOUND) &&
                  object != NULL)
                {
                  /* An update of something gone: created again. */
                  g_clear_error (&local_error);
                  if (!rp_store_sync_forget_object (run->store, kind, change->uuid, error))
                    return FALSE;
                  continue;
                }
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }

          base = g_strdup (text);
          if (*etag == '\0')
            {
              /* No ETag in the answer: read the server's copy for it. */
              g_autoptr(RpDavResource) copy = rp_dav_client_get (run->client, href,
                                                                 run->cancellable, error);

              if (copy == NULL)
                return FALSE;
              g_free (etag);
              etag = g_strdup (copy->etag != NULL ? copy->etag : "");
              g_free (base);
              base = g_strdup (copy->data);
            }

          if (!rp_store_begin (run->store, error))
            return FALSE;
          if (!rp_store_sync_save_object (run->store, kind, change->uuid, href, etag, base,
                                          error) ||
              !rp_store_sync_done_change (run->store, kind, change->uuid, change->changed_at,
                                          error) ||
              !rp_store_commit (run->store, error))
            {
              rp_store_rollback (run->store);
              return FALSE;
            }
          rp_sync_report_add_sent (run->report, 1);
          return TRUE;
        }
    }

  g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_PRECONDITION, "%s",
               _("An item kept changing on the server while it was being sent; it is sent "
                 "again on the next sync."));
  return FALSE;
}

static gboolean
push (Run         *run,
      RpSyncKind   kind,
      GError     **error)
{
  g_autoptr(GPtrArray) changes = rp_store_sync_list_changes (run->store, kind, error);

  if (changes == NULL)
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
      if (!push_one (run, g_ptr_array_index (changes, i), error))
        return FALSE;
    }
  return TRUE;
}

RpSyncReport *
rp_sync_run (RpStore        *store,
             RpSyncAccount  *account,
             RpDavClient    *client,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(RpSyncReport) report = rp_sync_report_new ();
  Run run = { store, account, client, report, cancellable,
              rp_sync_account_get_liaison_name (account) };

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  if (rp_sync_account_get_addressbook_url (account) == NULL ||
      rp_sync_account_get_calendar_url (account) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("Choose the team’s address book and calendar in Preferences first"));
      return NULL;
    }

  if (!pull (&run, RP_SYNC_KIND_PARTNER, error) ||
      !push (&run, RP_SYNC_KIND_PARTNER, error) ||
      !pull (&run, RP_SYNC_KIND_VISIT, error) ||
      !push (&run, RP_SYNC_KIND_VISIT, error))
    return NULL;

  return g_steal_pointer (&report);
}
