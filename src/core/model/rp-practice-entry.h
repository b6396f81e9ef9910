/* rp-practice-entry.h: one service, provider or success story of the practice profile.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-enums.h"
#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_PRACTICE_ENTRY (rp_practice_entry_get_type ())
G_DECLARE_FINAL_TYPE (RpPracticeEntry, rp_practice_entry, RP, PRACTICE_ENTRY, GObject)

/* Properties "kind", "title", "detail", "body" (strings "" when unset), "id", "uuid". */
RpPracticeEntry    *rp_practice_entry_new        (RpPracticeEntryKind kind,
                                                  const char         *title,
                                                  const char         *detail,
                                                  const char         *body);
gint64              rp_practice_entry_get_id     (RpPracticeEntry    *self);
void                rp_practice_entry_set_id     (RpPracticeEntry    *self,
                                                  gint64              id);
const char         *rp_practice_entry_get_uuid   (RpPracticeEntry    *self);
void                rp_practice_entry_set_uuid   (RpPracticeEntry    *self,
                                                  const char         *uuid);
RpPracticeEntryKind rp_practice_entry_get_kind   (RpPracticeEntry    *self);
const char         *rp_practice_entry_get_title  (RpPracticeEntry    *self);
void                rp_practice_entry_set_title  (RpPracticeEntry    *self,
                                                  const char         *title);
const char         *rp_practice_entry_get_detail (RpPracticeEntry    *self);
void                rp_practice_entry_set_detail (RpPracticeEntry    *self,
                                                  const char         *detail);
const char         *rp_practice_entry_get_body   (RpPracticeEntry    *self);
void                rp_practice_entry_set_body   (RpPracticeEntry    *self,
                                                  const char         *body);

G_END_DECLS
