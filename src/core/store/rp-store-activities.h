/* rp-store-activities.h: activities (visits, calls, notes…) and the partners each concerns.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-activity.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* Sets the activity's id, uuid (when empty) and created-at. A gift's or meal's cost is shared
 * equally among its partners. */
gboolean    rp_store_insert_activity (RpStore    *self,
                                      RpActivity *activity,
                                      GError    **error);
RpActivity *rp_store_get_activity    (RpStore    *self,
                                      gint64      id,
                                      GError    **error);

G_END_DECLS
