/* rp-application.h
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"
#include "rp-reminder-service.h"

G_BEGIN_DECLS

/* The GSettings schema. It keeps this id in every build profile (the development profile only
 * changes the application id), as GNOME Text Editor does. */
#define RP_SETTINGS_SCHEMA_ID "io.github.rapport.Rapport"

#define RP_TYPE_APPLICATION (rp_application_get_type ())
G_DECLARE_FINAL_TYPE (RpApplication, rp_application, RP, APPLICATION, AdwApplication)

RpApplication *rp_application_new         (void);
/* The context of the open database; NULL until the command line has been handled. */
RpContext     *rp_application_get_context (RpApplication *self);
/* The reminder service of the open database; NULL until the command line has been handled. */
RpReminderService *rp_application_get_reminder_service (RpApplication *self);

G_END_DECLS
