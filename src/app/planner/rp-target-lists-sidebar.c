/* rp-target-lists-sidebar.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-exchange-actions.h"
#include "rp-page-util.h"
#include "rp-store-target-lists.h"
#include "rp-target-list-dialog.h"
#include "rp-target-lists-sidebar.h"
#include "rp-target-score.h"

struct _RpTargetListsSidebar
{
  GtkBox      parent_instance;

  RpContext  *context;
  GPtrArray  *lists;      /* RpTargetListInfo, by name */
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (RpTargetListsSidebar, rp_target_lists_sidebar, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  SIGNAL_LIST_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const RpTargetListInfo *
find_list (RpTargetListsSidebar *self,
           gint64                list_id)
{
  for (guint i = 0; self->lists != NULL && i < self->lists->len; i++)
    {
      const RpTargetListInfo *info = g_ptr_array_index (self->lists, i);

      if (info->id == list_id)
        return info;
    }

  return NULL;
}

static void show_error (RpTargetListsSidebar *self,
                        const char           *format,
                        ...) G_GNUC_PRINTF (2, 3);

static void
show_error (RpTargetListsSidebar *self,
            const char           *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (message));
}

static GtkWidget *
create_row (const RpTargetListInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("view-list-bullet-symbolic");
  GtkWidget *name = gtk_label_new (info->name);
  g_autofree char *count_text = g_strdup_printf ("%u", info->n_members);
  GtkWidget *count = gtk_label_new (count_text);
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autofree char *members = NULL;
  g_autofree char *menu_label = NULL;
  struct {
    const char *label;
    const char *action;
  } items[] = {
    { N_("_Export as CSV…"), "lists.export" },
    { N_("Export _Partners for Import…"), "lists.export-partners" },
    { N_("_Print…"), "print.target-list" },
    { N_("_Rename…"), "lists.rename" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action,
                                               g_variant_new_int64 (info->id));
      g_menu_append_item (menu, item);
    }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Delete"), NULL);

    g_menu_item_set_action_and_target_value (item, "lists.delete",
                                             g_variant_new_int64 (info->id));
    g_menu_append_item (section, item);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  }

  gtk_widget_set_margin_start (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  /* Translators: the number of partners in a target list. */
  members = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner", "%u partners",
                                          info->n_members),
                             info->n_members);
  gtk_widget_set_tooltip_text (count, members);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (menu_button), FALSE);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  /* Translators: %s is the name of a target list. */
  menu_label = g_strdup_printf (_("Actions for “%s”"), info->name);
  gtk_widget_set_tooltip_text (menu_button, menu_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), menu_button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, info->name,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "rp-list-info-id",
                          g_memdup2 (&info->id, sizeof info->id), g_free);

  return row;
}

static void
reload (RpTargetListsSidebar *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *lists;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_clear_pointer (&self->lists, g_ptr_array_unref);

  if (self->context == NULL)
    return;

  lists = rp_store_list_target_lists (rp_context_get_store (self->context), &error);
  if (lists == NULL)
    {
      show_error (self, _("Could not read the target lists: %s"), error->message);
      return;
    }

  self->lists = lists;
  for (guint i = 0; i < lists->len; i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (lists, i)));
}

static void
row_activated_cb (RpTargetListsSidebar *self,
                  GtkListBoxRow        *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "rp-list-info-id");
  const RpTargetListInfo *info = id != NULL ? find_list (self, *id) : NULL;

  if (info != NULL)
    g_signal_emit (self, signals[SIGNAL_LIST_ACTIVATED], 0, info->id, info->name);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RpTargetListsSidebar *self = RP_TARGET_LISTS_SIDEBAR (widget);
  GtkWidget *dialog;

  if (self->context == NULL)
    return;

  dialog = rp_target_list_dialog_new (self->context);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
rp_target_lists_sidebar_export_csv (RpTargetListsSidebar *self,
                                    gint64                list_id,
                                    const char           *path)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RP_IS_TARGET_LISTS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!rp_target_list_write_csv (rp_context_get_store (self->context), list_id, path, &error))
    {
      show_error (self, _("Could not export the list: %s"), error->message);
      return FALSE;
    }

  rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (_("Target list exported")));
  return TRUE;
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  RpTargetListsSidebar *self = user_data;
  gint64 list_id = *(gint64 *) g_object_get_data (G_OBJECT (chooser), "rp-list-id");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    rp_target_lists_sidebar_export_csv (self, list_id, path);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RpTargetListsSidebar *self = RP_TARGET_LISTS_SIDEBAR (widget);
  gint64 list_id = g_variant_get_int64 (parameter);
  const RpTargetListInfo *info = find_list (self, list_id);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *chooser;

  if (info == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Target List"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  file_name = g_strdup_printf ("%s.csv", info->name);
  g_strdelimit (file_name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "rp-list-id",
                          g_memdup2 (&list_id, sizeof list_id), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The list's partners with every field and their Rapport IDs, for another Rapport or a CRM. */
static void
export_partners_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RpTargetListsSidebar *self = RP_TARGET_LISTS_SIDEBAR (widget);
  gint64 list_id = g_variant_get_int64 (parameter);
  const RpTargetListInfo *info = find_list (self, list_id);
  RpStore *store = rp_context_get_store (self->context);
  g_autoptr(GArray) members = NULL;
  g_autofree char *file_name = NULL;

  if (info == NULL)
    return;
  members = rp_store_list_target_members (store, list_id, NULL);
  if (members == NULL)
    return;

  file_name = g_strdup_printf (_("%s partners.csv"), info->name);
  g_strdelimit (file_name, "/\\", '-');
  rp_exchange_choose_export (GTK_WINDOW (gtk_widget_get_root (widget)), store,
                             (const gint64 *) members->data, members->len, file_name);
}

/* Presents @dialog about the list @list_id with "cancel" and @response (@label, @appearance);
 * a destructive response is not the default. @callback gets the dialog's "response". */
static void
present_list_dialog (RpTargetListsSidebar  *self,
                     GtkWidget             *dialog,
                     gint64                 list_id,
                     const char            *response,
                     const char            *label,
                     AdwResponseAppearance  appearance,
                     GCallback              callback)
{
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (message, response, appearance);
  adw_message_dialog_set_default_response (message, appearance == ADW_RESPONSE_DESTRUCTIVE
                                                    ? "cancel" : response);
  adw_message_dialog_set_close_response (message, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rp-list-id",
                          g_memdup2 (&list_id, sizeof list_id), g_free);
  g_signal_connect_object (dialog, "response", callback, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  RpTargetListsSidebar *self = user_data;
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 list_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "rp-list-id");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") == 0 && name[0] != '\0' &&
      !rp_store_rename_target_list (rp_context_get_store (self->context), list_id, name, &error))
    show_error (self, _("Could not rename the list: %s"), error->message);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RpTargetListsSidebar *self = RP_TARGET_LISTS_SIDEBAR (widget);
  gint64 list_id = g_variant_get_int64 (parameter);
  const RpTargetListInfo *info = find_list (self, list_id);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (info == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Rename Target List"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), info->name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("List name"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  present_list_dialog (self, dialog, list_id, "rename", _("_Rename"), ADW_RESPONSE_SUGGESTED,
                       G_CALLBACK (rename_response_cb));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  RpTargetListsSidebar *self = user_data;
  gint64 list_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "rp-list-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") == 0 &&
      !rp_store_delete_target_list (rp_context_get_store (self->context), list_id, &error))
    show_error (self, _("Could not delete the list: %s"), error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RpTargetListsSidebar *self = RP_TARGET_LISTS_SIDEBAR (widget);
  gint64 list_id = g_variant_get_int64 (parameter);
  const RpTargetListInfo *info = find_list (self, list_id);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (info == NULL)
    return;

  /* Translators: %s is the name of a target list. */
  heading = g_strdup_printf (_("Delete “%s”?"), info->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("The partners stay; only the list is deleted."));
  present_list_dialog (self, dialog, list_id, "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE,
                       G_CALLBACK (delete_response_cb));
}

static void
rp_target_lists_sidebar_dispose (GObject *object)
{
  RpTargetListsSidebar *self = RP_TARGET_LISTS_SIDEBAR (object);

  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rp_target_lists_sidebar_parent_class)->dispose (object);
}

static void
rp_target_lists_sidebar_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RpTargetListsSidebar *self = RP_TARGET_LISTS_SIDEBAR (object);

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
rp_target_lists_sidebar_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RpTargetListsSidebar *self = RP_TARGET_LISTS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      rp_target_lists_sidebar_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_target_lists_sidebar_class_init (RpTargetListsSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_target_lists_sidebar_dispose;
  object_class->get_property = rp_target_lists_sidebar_get_property;
  object_class->set_property = rp_target_lists_sidebar_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_LIST_ACTIVATED] =
    g_signal_new ("list-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "lists.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "lists.export", "x", export_action);
  gtk_widget_class_install_action (widget_class, "lists.export-partners", "x",
                                   export_partners_action);
  gtk_widget_class_install_action (widget_class, "lists.rename", "x", rename_action);
  gtk_widget_class_install_action (widget_class, "lists.delete", "x", delete_action);
}

static void
rp_target_lists_sidebar_init (RpTargetListsSidebar *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Target Lists"));
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *empty_label = gtk_label_new (_("No target lists yet"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_start (header, 18);
  gtk_widget_set_margin_end (header, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("New Target List…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Target List…"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "lists.new");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), add);

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Target Lists"),
                                  -1);
  gtk_widget_add_css_class (empty_label, "dim-label");
  gtk_widget_set_margin_top (empty_label, 6);
  gtk_widget_set_margin_bottom (empty_label, 6);
  gtk_label_set_xalign (GTK_LABEL (empty_label), 0);
  gtk_widget_set_margin_start (empty_label, 18);
  gtk_list_box_set_placeholder (self->list_box, empty_label);
  g_signal_connect_object (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (self), header);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list_box));
}

GtkWidget *
rp_target_lists_sidebar_new (RpContext *context)
{
  return g_object_new (RP_TYPE_TARGET_LISTS_SIDEBAR, "context", context, NULL);
}

void
rp_target_lists_sidebar_set_context (RpTargetListsSidebar *self,
                                     RpContext            *context)
{
  g_return_if_fail (RP_IS_TARGET_LISTS_SIDEBAR (self));
  g_return_if_fail (context == NULL || RP_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (rp_context_get_store (self->context), self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (rp_context_get_store (context), "lists-changed",
                             G_CALLBACK (reload), self, G_CONNECT_SWAPPED);

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}
