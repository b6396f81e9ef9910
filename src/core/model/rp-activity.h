/* rp-activity.h: a contact with one or more partners (visit, call, thank-you note…).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-enums.h"
#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_ACTIVITY (rp_activity_get_type ())
G_DECLARE_FINAL_TYPE (RpActivity, rp_activity, RP, ACTIVITY, GObject)

/* Properties: "id", "uuid", "kind", "occurred-at" (ISO-8601 UTC), "contact-person", "summary",
 * "materials", "referral-id" (0 = none), "cost-cents" (gifts and meals; 0 = none),
 * "follow-up-needed", "created-at", "updated-at". The partners it concerns are a list of ids. */
RpActivity     *rp_activity_new                 (RpActivityKind  kind);
gint64          rp_activity_get_id              (RpActivity     *self);
void            rp_activity_set_id              (RpActivity     *self,
                                                 gint64          id);
const char     *rp_activity_get_uuid            (RpActivity     *self);
void            rp_activity_set_uuid            (RpActivity     *self,
                                                 const char     *uuid);
RpActivityKind  rp_activity_get_kind            (RpActivity     *self);
void            rp_activity_set_kind            (RpActivity     *self,
                                                 RpActivityKind  kind);
const char     *rp_activity_get_occurred_at     (RpActivity     *self);
void            rp_activity_set_occurred_at     (RpActivity     *self,
                                                 const char     *occurred_at);
const char     *rp_activity_get_contact_person  (RpActivity     *self);
void            rp_activity_set_contact_person  (RpActivity     *self,
                                                 const char     *contact_person);
const char     *rp_activity_get_summary         (RpActivity     *self);
void            rp_activity_set_summary         (RpActivity     *self,
                                                 const char     *summary);
const char     *rp_activity_get_materials       (RpActivity     *self);
void            rp_activity_set_materials       (RpActivity     *self,
                                                 const char     *materials);
gint64          rp_activity_get_referral_id     (RpActivity     *self);
void            rp_activity_set_referral_id     (RpActivity     *self,
                                                 gint64          referral_id);
gint64          rp_activity_get_cost_cents      (RpActivity     *self);
void            rp_activity_set_cost_cents      (RpActivity     *self,
                                                 gint64          cost_cents);
gboolean        rp_activity_get_follow_up_needed (RpActivity    *self);
void            rp_activity_set_follow_up_needed (RpActivity    *self,
                                                  gboolean       follow_up_needed);
const char     *rp_activity_get_created_at      (RpActivity     *self);
void            rp_activity_set_created_at      (RpActivity     *self,
                                                 const char     *created_at);
/* The partners present: an array of gint64 ids, owned by the activity. */
GArray         *rp_activity_get_partner_ids     (RpActivity     *self);
void            rp_activity_add_partner_id      (RpActivity     *self,
                                                 gint64          partner_id);
void            rp_activity_clear_partner_ids   (RpActivity     *self);

/* The kind as the timeline and the import preview name it ("Visit", "Thank-you note"),
 * translated. */
const char     *rp_activity_kind_to_label       (RpActivityKind  kind);

G_END_DECLS
