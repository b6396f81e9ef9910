/* rp-follow-ups-page.c
 *
 * The page is rebuilt from the store on every "records-changed": open tasks are few (a week's
 * thank-yous and updates), so a list box per section reads better than a paging model, and each
 * section is capped so that a huge backlog still opens at once. While the page is not on show a
 * change only marks it stale: every write elsewhere (a visit logged, a referral moved) would
 * otherwise rebuild it for nobody.
 *
 * Thank-you rows carry a check button: the header's print menu prints letters and labels for
 * the partners of the rows checked, or for every thank-you due when none is (through the window's
 * "print" actions, rp-print-actions.h).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-follow-ups-page.h"
#include "rp-follow-up-rules.h"
#include "rp-format.h"
#include "rp-letter-dialog.h"
#include "rp-page-util.h"
#include "rp-store-gifts.h"
#include "rp-store-partners.h"
#include "rp-store-referrals.h"
#include "rp-store-tasks.h"
#include "rp-thank-yous.h"

/* The most rows one section shows; the rest are counted in its description. */
#define MAX_ROWS_PER_SECTION 100

#define N_BUCKETS (RP_TASK_BUCKET_LATER + 1)

struct _RpFollowUpsPage
{
  AdwBin           parent_instance;

  RpContext       *context;
  GHashTable      *tasks;            /* id → RpTask shown */
  GHashTable      *selected;         /* ids of the thank-you tasks checked for printing */
  guint            n_thank_yous;     /* thank-you tasks open, shown or not */
  guint            counts[N_BUCKETS];
  gboolean         stale;            /* the store changed while the page was not on show */

  GtkStack        *stack;
  GtkBox          *sections_box;
  AdwStatusPage   *empty_page;
  GtkMenuButton   *print_button;
};

G_DEFINE_FINAL_TYPE (RpFollowUpsPage, rp_follow_ups_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_toast (RpFollowUpsPage *self,
           const char      *title)
{
  rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (title));
}

static void
add_error_toast (RpFollowUpsPage *self,
                 const char      *what,
                 const GError    *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);

  add_toast (self, message);
}

static const char *
task_icon_name (RpTaskKind kind)
{
  switch (kind)
    {
    case RP_TASK_KIND_THANK_YOU:
      return "emblem-favorite-symbolic";
    case RP_TASK_KIND_LOOP_UPDATE:
      return "mail-send-symbolic";
    case RP_TASK_KIND_VISIT:
      return "find-location-symbolic";
    case RP_TASK_KIND_FOLLOW_UP:
    case RP_TASK_KIND_CUSTOM:
    default:
      return "alarm-symbolic";
    }
}

static GDate *
date_from_iso (const char *day)
{
  GDate *date = g_date_new ();

  if (day != NULL)
    g_date_set_parse (date, day);

  /* g_date_set_parse is locale-dependent; YYYY-MM-DD is read by hand when it fails. */
  if (!g_date_valid (date) && day != NULL && strlen (day) >= 10)
    {
      int y = atoi (day);
      int m = atoi (day + 5);
      int d = atoi (day + 8);

      if (g_date_valid_dmy (d, m, y))
        g_date_set_dmy (date, d, m, y);
    }

  return date;
}

static char *
iso_from_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static GDate *
today_date (void)
{
  GDate *today = g_date_new ();

  g_date_set_time_t (today, time (NULL));

  return today;
}

/* "Due today", "Due tomorrow", "3 days overdue", "Due Friday", "Due 12 March". */
static char *
format_due (const char  *due_on,
            const GDate *today)
{
  g_autoptr(GDate) due = date_from_iso (due_on);
  char buffer[64];
  int days;

  if (!g_date_valid (due))
    return g_strdup (_("No due date"));

  days = g_date_days_between (today, due);
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days == 1)
    return g_strdup (_("Due tomorrow"));
  if (days == -1)
    return g_strdup (_("1 day overdue"));
  if (days < 0)
    return g_strdup_printf (g_dngettext (NULL, "%d day overdue", "%d days overdue", -days), -days);
  if (days < 7)
    {
      g_date_strftime (buffer, sizeof buffer, "%A", due);
      return g_strdup_printf (_("Due %s"), buffer);
    }

  g_date_strftime (buffer, sizeof buffer, "%e %B", due);
  return g_strdup_printf (_("Due %s"), g_strstrip (buffer));
}

static RpTask *
lookup_task (RpFollowUpsPage *self,
             GVariant        *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);

  return g_hash_table_lookup (self->tasks, &id);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *label,
             const char *action_name,
             gint64      task_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", task_id);

  return button;
}

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          GtkWidget   *popover)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *until = g_date_time_format (date, "%Y-%m-%d");
  gint64 task_id = *(gint64 *) g_object_get_data (G_OBJECT (popover), "task-id");

  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_activate_action (popover, "follow-ups.snooze", "(xs)", task_id, until);
}

static void
pick_date_clicked_cb (GtkButton   *button,
                      GtkRevealer *revealer)
{
  gtk_revealer_set_reveal_child (revealer, !gtk_revealer_get_reveal_child (revealer));
}

/* The snooze popover is made the first time it opens: most rows are never snoozed. */
static void
create_snooze_popover_cb (GtkMenuButton *menu_button,
                          gpointer       user_data)
{
  gint64 task_id = *(gint64 *) g_object_get_data (G_OBJECT (menu_button), "task-id");
  GtkWidget *popover;
  GtkWidget *box;
  GtkWidget *button;
  GtkWidget *revealer;
  GtkWidget *calendar;
  gint64 *id_copy;

  if (gtk_menu_button_get_popover (menu_button) != NULL)
    return;

  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  button = gtk_button_new_with_mnemonic (_("_Tomorrow"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "follow-ups.snooze-tomorrow");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", task_id);
  gtk_box_append (GTK_BOX (box), button);

  button = gtk_button_new_with_mnemonic (_("_Next Week"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "follow-ups.snooze-next-week");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", task_id);
  gtk_box_append (GTK_BOX (box), button);

  revealer = gtk_revealer_new ();
  calendar = gtk_calendar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Snooze until"),
                                  -1);
  gtk_revealer_set_child (GTK_REVEALER (revealer), calendar);

  button = gtk_button_new_with_mnemonic (_("_Pick a Date…"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (pick_date_clicked_cb), revealer);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), revealer);

  id_copy = g_new (gint64, 1);
  *id_copy = task_id;
  g_object_set_data_full (G_OBJECT (popover), "task-id", id_copy, g_free);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), popover);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (menu_button, popover);
}

static void
select_toggled_cb (GtkCheckButton  *check,
                   RpFollowUpsPage *self)
{
  gint64 task_id = *(gint64 *) g_object_get_data (G_OBJECT (check), "task-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->selected, g_memdup2 (&task_id, sizeof task_id));
  else
    g_hash_table_remove (self->selected, &task_id);
}

static GtkWidget *
create_select_button (RpFollowUpsPage *self,
                      RpTask          *task)
{
  GtkWidget *check = gtk_check_button_new ();
  gint64 id = rp_task_get_id (task);
  const char *partner_name = rp_task_get_partner_name (task);
  g_autofree char *label = NULL;

  if (partner_name != NULL && *partner_name != '\0')
    label = g_strdup_printf (_("Select %s for Printing"), partner_name);
  else
    label = g_strdup (_("Select for Printing"));

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Select for Printing"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_hash_table_contains (self->selected, &id));
  g_object_set_data_full (G_OBJECT (check), "task-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (select_toggled_cb), self);

  return check;
}

static GtkWidget *
create_task_row (RpFollowUpsPage *self,
                 RpTask          *task,
                 const GDate     *today,
                 RpTaskBucket     bucket)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  GtkWidget *button;
  GtkWidget *menu_button;
  const char *partner_name = rp_task_get_partner_name (task);
  g_autofree char *due = format_due (rp_task_get_due_on (task), today);
  g_autofree char *subtitle = NULL;
  gint64 id = rp_task_get_id (task);
  gint64 *id_copy;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_task_get_title (task));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (partner_name != NULL && *partner_name != '\0')
    subtitle = g_strdup_printf ("%s · %s", partner_name, due);
  else
    subtitle = g_strdup (due);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, rp_task_get_uuid (task));

  if (rp_task_get_kind (task) == RP_TASK_KIND_THANK_YOU && rp_task_get_partner_id (task) > 0)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), create_select_button (self, task));

  icon = gtk_image_new_from_icon_name (task_icon_name (rp_task_get_kind (task)));
  gtk_widget_add_css_class (icon, "follow-up-icon");
  if (bucket == RP_TASK_BUCKET_OVERDUE)
    gtk_widget_add_css_class (icon, "overdue");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (rp_task_get_kind (task) == RP_TASK_KIND_THANK_YOU ||
      rp_task_get_kind (task) == RP_TASK_KIND_LOOP_UPDATE)
    {
      button = gtk_button_new_with_label (rp_task_get_kind (task) == RP_TASK_KIND_THANK_YOU
                                            ? _("Write Thank-You…") : _("Write Update…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "follow-ups.write");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  if (rp_task_get_partner_id (task) > 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               icon_button ("avatar-default-symbolic", _("Open Partner"),
                                            "follow-ups.open-partner", id));

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "alarm-symbolic");
  gtk_widget_set_tooltip_text (menu_button, _("Snooze"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Snooze"),
                                  -1);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  id_copy = g_new (gint64, 1);
  *id_copy = id;
  g_object_set_data_full (G_OBJECT (menu_button), "task-id", id_copy, g_free);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu_button),
                                         create_snooze_popover_cb, NULL, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  button = icon_button ("object-select-symbolic", _("Done"), "follow-ups.done", id);
  gtk_widget_remove_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "follow-up-done");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
clear_sections (RpFollowUpsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
}

/* The letters for every thank-you due, whatever rows are checked. */
static void
print_due_thank_yous (RpFollowUpsPage *self,
                      const char      *action_name)
{
  GVariant *all = g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, NULL, 0, sizeof (gint64));

  if (!gtk_widget_activate_action_variant (GTK_WIDGET (self), action_name, all))
    {
      g_variant_unref (g_variant_ref_sink (all));
      add_toast (self, _("Printing is not available here"));
    }
}

static void
save_due_letters_cb (RpFollowUpsPage *self)
{
  print_due_thank_yous (self, "print.save-thank-you-letters");
}

static void
print_due_letters_cb (RpFollowUpsPage *self)
{
  print_due_thank_yous (self, "print.thank-you-letters");
}

static GtkWidget *
letters_button (RpFollowUpsPage *self,
                const char      *label,
                const char      *accessible,
                GCallback        callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", callback, self);
  rp_accessible_set_label (button, accessible);

  return button;
}

/* At the top, when thank-yous are due: their letters saved or printed in one click, the toast
 * that follows marking them all done. */
static void
add_letters_group (RpFollowUpsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = today_date ();
  g_autofree char *today_iso = iso_from_date (today);
  g_autoptr(GArray) due = rp_thank_yous_list_due (rp_context_get_store (self->context), today_iso,
                                                  &error);
  g_autofree char *subtitle = NULL;
  GtkWidget *group;
  GtkWidget *row;
  GtkWidget *button;

  if (due == NULL)
    {
      g_debug ("Could not list the thank-yous due: %s", error->message);
      return;
    }
  if (due->len == 0)
    return;

  subtitle = g_strdup_printf (g_dngettext (NULL, "%u office has a thank-you due",
                                           "%u offices have a thank-you due", due->len),
                              due->len);
  group = adw_preferences_group_new ();
  gtk_widget_set_name (group, "letters-group");
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Thank-You Letters"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("mail-send-symbolic"));
  button = letters_button (self, _("_Print…"), _("Print the letters for the thank-yous due"),
                           G_CALLBACK (print_due_letters_cb));
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  button = letters_button (self, _("_Save Letters…"),
                           _("Save the letters for the thank-yous due as a PDF"),
                           G_CALLBACK (save_due_letters_cb));
  gtk_widget_set_name (button, "save-due-letters");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  gtk_box_append (self->sections_box, group);
}

static gboolean
add_gift_limit_group (RpFollowUpsPage *self)
{
  RpStore *store = rp_context_get_store (self->context);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *limit_text = NULL;
  GtkWidget *group;
  gint64 limit;

  partners = rp_store_list_near_gift_limit (store, year, 0.8, &error);
  if (partners == NULL)
    {
      g_debug ("Could not list the physicians near the gift limit: %s", error->message);
      return FALSE;
    }
  if (partners->len == 0)
    return FALSE;

  limit = rp_store_get_gift_limit (store, year, NULL);
  limit_text = rp_format_money (limit);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Gift Limits"));
  description = g_strdup_printf (_("Physicians near this year’s limit of %s on gifts and meals "
                                   "(Stark law non-monetary compensation)"), limit_text);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  for (guint i = 0; i < partners->len; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);
      gint64 total = rp_store_get_gift_total (store, rp_partner_get_id (partner), year);
      g_autofree char *total_text = rp_format_money (total);
      g_autofree char *subtitle = g_strdup_printf (_("%s of %s this year"), total_text,
                                                   limit_text);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *level = gtk_level_bar_new_for_interval (0.0, 1.0);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     rp_partner_get_display_name (partner));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      gtk_level_bar_set_value (GTK_LEVEL_BAR (level),
                               limit > 0 ? MIN (1.0, (double) total / (double) limit) : 1.0);
      gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_LOW, 0.8);
      gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_HIGH, 0.95);
      gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_FULL, 1.0);
      gtk_level_bar_set_inverted (GTK_LEVEL_BAR (level), FALSE);
      gtk_widget_set_size_request (level, 120, -1);
      gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (level),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle,
                                      -1);
      if (limit > 0 && total >= limit)
        gtk_widget_add_css_class (row, "gift-over-limit");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  gtk_box_append (self->sections_box, group);

  return TRUE;
}

static gboolean
task_not_shown (gpointer key,
                gpointer value,
                gpointer user_data)
{
  return !g_hash_table_contains (user_data, key);
}

static void
update_print_actions (RpFollowUpsPage *self)
{
  gboolean any = self->n_thank_yous > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-ups.print-letters", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-ups.print-labels", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-ups.save-letters", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-ups.save-labels", any);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), any);
}

static void
reload (RpFollowUpsPage *self)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = today_date ();
  GtkWidget *groups[N_BUCKETS] = { NULL, };
  guint shown[N_BUCKETS] = { 0, };
  gboolean any = FALSE;

  self->stale = FALSE;
  clear_sections (self);
  g_hash_table_remove_all (self->tasks);
  memset (self->counts, 0, sizeof self->counts);
  self->n_thank_yous = 0;

  tasks = rp_store_list_open_tasks (rp_context_get_store (self->context), NULL, &error);
  if (tasks == NULL)
    {
      add_error_toast (self, _("Could not read the follow-ups"), error);
      tasks = g_ptr_array_new ();
    }

  for (guint i = 0; i < tasks->len; i++)
    {
      RpTask *task = g_ptr_array_index (tasks, i);
      RpTaskBucket bucket = rp_task_get_bucket (task, today);
      gint64 *key;

      if (bucket >= N_BUCKETS)
        continue;

      if (rp_task_get_kind (task) == RP_TASK_KIND_THANK_YOU && rp_task_get_partner_id (task) > 0)
        self->n_thank_yous++;

      self->counts[bucket]++;
      if (shown[bucket] >= MAX_ROWS_PER_SECTION)
        continue;

      if (groups[bucket] == NULL)
        {
          groups[bucket] = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[bucket]),
                                           rp_task_bucket_to_label (bucket));
          gtk_widget_set_name (groups[bucket], rp_task_bucket_to_label (bucket));
          if (bucket == RP_TASK_BUCKET_OVERDUE)
            gtk_widget_add_css_class (groups[bucket], "overdue-group");
        }

      key = g_new (gint64, 1);
      *key = rp_task_get_id (task);
      g_hash_table_insert (self->tasks, key, g_object_ref (task));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[bucket]),
                                 create_task_row (self, task, today, bucket));
      shown[bucket]++;
    }

  add_letters_group (self);

  for (guint b = 0; b < N_BUCKETS; b++)
    {
      g_autofree char *count = NULL;

      if (groups[b] == NULL)
        continue;

      if (self->counts[b] > shown[b])
        count = g_strdup_printf (_("%u tasks, the first %u shown"), self->counts[b], shown[b]);
      else
        count = g_strdup_printf (g_dngettext (NULL, "%u task", "%u tasks", self->counts[b]),
                                 self->counts[b]);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (groups[b]), count);
      gtk_box_append (self->sections_box, groups[b]);
      any = TRUE;
    }

  any = add_gift_limit_group (self) || any;

  /* A checked task that is done or gone is no longer selected. */
  g_hash_table_foreach_remove (self->selected, task_not_shown, self->tasks);
  update_print_actions (self);

  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
}

static void
records_changed_cb (RpFollowUpsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->stale = TRUE;
}

static void
reload_if_stale (RpFollowUpsPage *self)
{
  if (self->stale)
    reload (self);
}

static void
snooze_to (RpFollowUpsPage *self,
           RpTask          *task,
           const char      *until)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = date_from_iso (until);
  g_autofree char *message = NULL;
  char buffer[64];

  if (!rp_rules_snooze_task (rp_context_get_store (self->context), task, until, &error))
    {
      add_error_toast (self, _("Could not snooze the task"), error);
      return;
    }

  if (g_date_valid (date))
    {
      g_date_strftime (buffer, sizeof buffer, "%A %-d %B", date);
      message = g_strdup_printf (_("Snoozed until %s"), buffer);
      add_toast (self, message);
    }
}

static void
snooze_days (RpFollowUpsPage *self,
             GVariant        *parameter,
             int              days)
{
  RpTask *task = lookup_task (self, parameter);
  g_autoptr(GDate) date = today_date ();
  g_autofree char *until = NULL;

  if (task == NULL)
    return;

  /* "Next week" is next Monday, the start of the liaison's next planning week. */
  if (days == 7)
    g_date_add_days (date, 8 - g_date_get_weekday (date));
  else
    g_date_add_days (date, (guint) days);

  until = iso_from_date (date);
  snooze_to (self, task, until);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RpFollowUpsPage *self = RP_FOLLOW_UPS_PAGE (widget);
  g_autoptr(RpTask) task = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  RpTask *shown = lookup_task (self, parameter);

  if (shown == NULL)
    return;

  task = g_object_ref (shown);
  if (!rp_rules_complete_task (rp_context_get_store (self->context), task, now, &error))
    add_error_toast (self, _("Could not complete the task"), error);
  else if (rp_task_get_kind (task) == RP_TASK_KIND_THANK_YOU)
    add_toast (self, _("Done — thank-you note logged"));
  else if (rp_task_get_kind (task) == RP_TASK_KIND_LOOP_UPDATE)
    add_toast (self, _("Done — update logged and loop closed"));
}

static void
snooze_tomorrow_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  snooze_days (RP_FOLLOW_UPS_PAGE (widget), parameter, 1);
}

static void
snooze_next_week_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  snooze_days (RP_FOLLOW_UPS_PAGE (widget), parameter, 7);
}

static void
snooze_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RpFollowUpsPage *self = RP_FOLLOW_UPS_PAGE (widget);
  g_autoptr(RpTask) task = NULL;
  gint64 id;
  const char *until;
  RpTask *shown;

  g_variant_get (parameter, "(x&s)", &id, &until);
  shown = g_hash_table_lookup (self->tasks, &id);
  if (shown == NULL)
    return;

  task = g_object_ref (shown);
  snooze_to (self, task, until);
}

static void
open_partner_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RpFollowUpsPage *self = RP_FOLLOW_UPS_PAGE (widget);
  RpTask *task = lookup_task (self, parameter);

  if (task != NULL)
    gtk_widget_activate_action (widget, "win.show-partner", "x", rp_task_get_partner_id (task));
}

static void
write_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RpFollowUpsPage *self = RP_FOLLOW_UPS_PAGE (widget);
  RpTask *task = lookup_task (self, parameter);
  RpStore *store = rp_context_get_store (self->context);
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkRoot *root;

  if (task == NULL)
    return;

  partner = rp_store_get_partner (store, rp_task_get_partner_id (task), &error);
  if (partner == NULL)
    {
      add_error_toast (self, _("Could not open the partner"), error);
      return;
    }

  if (rp_task_get_referral_id (task) > 0)
    referral = rp_store_get_referral (store, rp_task_get_referral_id (task), NULL);

  dialog = rp_letter_dialog_new (self->context,
                                 rp_task_get_kind (task) == RP_TASK_KIND_THANK_YOU
                                   ? RP_LETTER_THANK_YOU : RP_LETTER_UPDATE,
                                 partner, referral, task);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static int
compare_tasks_by_due (gconstpointer a,
                      gconstpointer b)
{
  RpTask *task_a = *(RpTask **) a;
  RpTask *task_b = *(RpTask **) b;
  int cmp = g_strcmp0 (rp_task_get_due_on (task_a), rp_task_get_due_on (task_b));

  if (cmp != 0)
    return cmp;

  return (rp_task_get_id (task_a) > rp_task_get_id (task_b)) -
         (rp_task_get_id (task_a) < rp_task_get_id (task_b));
}

/* The partners of the checked thank-you rows, by due day; empty (meaning every thank-you due)
 * when none is checked. */
static GVariant *
dup_selected_partner_ids (RpFollowUpsPage *self)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->selected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      RpTask *task = g_hash_table_lookup (self->tasks, key);

      if (task != NULL)
        g_ptr_array_add (tasks, task);
    }
  g_ptr_array_sort (tasks, compare_tasks_by_due);

  for (guint i = 0; i < tasks->len; i++)
    {
      gint64 partner_id = rp_task_get_partner_id (g_ptr_array_index (tasks, i));

      g_array_append_val (ids, partner_id);
    }

  return g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, ids->data, ids->len, sizeof (gint64));
}

static void
print_thank_yous (RpFollowUpsPage *self,
                  const char      *action_name)
{
  GVariant *ids = dup_selected_partner_ids (self);

  if (!gtk_widget_activate_action_variant (GTK_WIDGET (self), action_name, ids))
    {
      g_variant_unref (g_variant_ref_sink (ids));
      add_toast (self, _("Printing is not available here"));
    }
}

static void
print_letters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  print_thank_yous (RP_FOLLOW_UPS_PAGE (widget), "print.thank-you-letters");
}

static void
print_labels_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  print_thank_yous (RP_FOLLOW_UPS_PAGE (widget), "print.labels");
}

static void
save_letters_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  print_thank_yous (RP_FOLLOW_UPS_PAGE (widget), "print.save-thank-you-letters");
}

static void
save_labels_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  print_thank_yous (RP_FOLLOW_UPS_PAGE (widget), "print.save-labels");
}

static void
rp_follow_ups_page_constructed (GObject *object)
{
  RpFollowUpsPage *self = RP_FOLLOW_UPS_PAGE (object);

  G_OBJECT_CLASS (rp_follow_ups_page_parent_class)->constructed (object);

  g_assert (RP_IS_CONTEXT (self->context));

  g_signal_connect_object (rp_context_get_store (self->context), "records-changed",
                           G_CALLBACK (records_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (rp_context_get_store (self->context), "partners-changed",
                           G_CALLBACK (records_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (reload_if_stale), NULL);
  reload (self);
}

static void
rp_follow_ups_page_dispose (GObject *object)
{
  RpFollowUpsPage *self = RP_FOLLOW_UPS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_FOLLOW_UPS_PAGE);

  g_clear_pointer (&self->tasks, g_hash_table_unref);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rp_follow_ups_page_parent_class)->dispose (object);
}

static void
rp_follow_ups_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RpFollowUpsPage *self = RP_FOLLOW_UPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_follow_ups_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RpFollowUpsPage *self = RP_FOLLOW_UPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_follow_ups_page_class_init (RpFollowUpsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_follow_ups_page_constructed;
  object_class->dispose = rp_follow_ups_page_dispose;
  object_class->get_property = rp_follow_ups_page_get_property;
  object_class->set_property = rp_follow_ups_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/rp-follow-ups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpFollowUpsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RpFollowUpsPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, RpFollowUpsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RpFollowUpsPage, print_button);

  gtk_widget_class_install_action (widget_class, "follow-ups.done", "x", done_action);
  gtk_widget_class_install_action (widget_class, "follow-ups.snooze-tomorrow", "x",
                                   snooze_tomorrow_action);
  gtk_widget_class_install_action (widget_class, "follow-ups.snooze-next-week", "x",
                                   snooze_next_week_action);
  gtk_widget_class_install_action (widget_class, "follow-ups.snooze", "(xs)", snooze_action);
  gtk_widget_class_install_action (widget_class, "follow-ups.open-partner", "x",
                                   open_partner_action);
  gtk_widget_class_install_action (widget_class, "follow-ups.write", "x", write_action);
  gtk_widget_class_install_action (widget_class, "follow-ups.print-letters", NULL,
                                   print_letters_action);
  gtk_widget_class_install_action (widget_class, "follow-ups.print-labels", NULL,
                                   print_labels_action);
  gtk_widget_class_install_action (widget_class, "follow-ups.save-letters", NULL,
                                   save_letters_action);
  gtk_widget_class_install_action (widget_class, "follow-ups.save-labels", NULL,
                                   save_labels_action);
}

static void
rp_follow_ups_page_init (RpFollowUpsPage *self)
{
  self->tasks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->selected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rp_follow_ups_page_new (RpContext *context)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_FOLLOW_UPS_PAGE,
                       "context", context,
                       NULL);
}

guint
rp_follow_ups_page_count_in_bucket (RpFollowUpsPage *self,
                                    int              bucket)
{
  g_return_val_if_fail (RP_IS_FOLLOW_UPS_PAGE (self), 0);
  g_return_val_if_fail (bucket >= 0 && bucket < N_BUCKETS, 0);

  reload_if_stale (self);
  return self->counts[bucket];
}

void
rp_follow_ups_page_reload (RpFollowUpsPage *self)
{
  g_return_if_fail (RP_IS_FOLLOW_UPS_PAGE (self));

  reload (self);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;

      if ((found = find_named (child, name)) != NULL)
        return found;
    }

  return NULL;
}

gboolean
rp_follow_ups_page_show_task (RpFollowUpsPage *self,
                              gint64           task_id)
{
  RpTask *task;
  GtkWidget *row;

  g_return_val_if_fail (RP_IS_FOLLOW_UPS_PAGE (self), FALSE);

  reload_if_stale (self);
  task = g_hash_table_lookup (self->tasks, &task_id);
  if (task == NULL)
    return FALSE;

  /* Rows are named after their task's uuid. The scrolled window's viewport scrolls to the
   * focused row. */
  row = find_named (GTK_WIDGET (self->sections_box), rp_task_get_uuid (task));
  if (row == NULL)
    return FALSE;

  return gtk_widget_grab_focus (row);
}
