/* rp-partners-page.h: the Partners page: the list of partners, its search and filters, the
 * detail pane and the add, edit, archive and delete commands.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

#define RP_TYPE_PARTNERS_PAGE (rp_partners_page_get_type ())
G_DECLARE_FINAL_TYPE (RpPartnersPage, rp_partners_page, RP, PARTNERS_PAGE, AdwBin)

/* Property: "context" (RpContext, construct-only).
 *
 * Widget actions (each with its shortcut, active from anywhere in the window while the page is
 * shown): partners.add (Ctrl+N), partners.search (Ctrl+F), partners.edit (Ctrl+E),
 * partners.archive (Delete, in the list), partners.unarchive, partners.delete (permanently,
 * after confirmation; archived partners only), partners.undo (Ctrl+Z: the last archive),
 * partners.sample, partners.clear-filters. */
GtkWidget *rp_partners_page_new           (RpContext      *context);
void       rp_partners_page_focus_search  (RpPartnersPage *self);
/* Property "selected-partner-id" (gint64, read-only): the partner on show, 0 for none.
 * Property "distance-unit" (int, read-only): the RpDistanceUnit of the distance column. */
gint64     rp_partners_page_get_selected_partner_id (RpPartnersPage *self);
/* Selects and shows the partner (clearing a search or filter that hides them). */
void       rp_partners_page_select_partner (RpPartnersPage *self,
                                            gint64          partner_id);
/* Shows only the members of target list @list_id (0: everyone again), with a removable chip
 * "Target list: @name" among the filters. */
/* Shows the partners a query selects, for the window's win.show-partners (the Analytics page's
 * feedback charts): "feedback-from=YYYY-MM-DD&feedback-to=YYYY-MM-DD" (the partners who gave
 * feedback in those days) and "topic=<nick>" (on that topic). An empty query clears it. */
void       rp_partners_page_show_query       (RpPartnersPage *self,
                                              const char     *query);
void       rp_partners_page_show_target_list (RpPartnersPage *self,
                                              gint64          list_id,
                                              const char     *name);

G_END_DECLS
