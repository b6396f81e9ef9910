/* rp-preferences-practice.c: the profile part of RpPreferencesWindow's "practice" page: the
 * logo, how to refer, insurances, the liaison, and the services, providers and success stories
 * that referral packets print. The practice's name, numbers and locations are in
 * rp-preferences-window.c; everything is saved together when the window closes.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-location-row.h"
#include "rp-page-util.h"
#include "rp-preferences-window-private.h"
#include "rp-validate.h"

/* A logo is printed a few centimetres wide; anything larger is a photograph by mistake. */
#define MAX_LOGO_BYTES (4 * 1024 * 1024)

static const char * const logo_types[] = { "image/png", "image/svg+xml", "image/jpeg" };

static GtkListBox *
get_entry_list (RpPreferencesWindow *self,
                RpPracticeEntryKind  kind)
{
  switch (kind)
    {
    case RP_PRACTICE_ENTRY_SERVICE:
      return self->services_list;
    case RP_PRACTICE_ENTRY_PROVIDER:
      return self->providers_list;
    case RP_PRACTICE_ENTRY_STORY:
      return self->stories_list;
    default:
      g_assert_not_reached ();
    }
}

/* Logo ----------------------------------------------------------------------------------------- */

static void
update_logo (RpPreferencesWindow *self)
{
  GBytes *logo = rp_practice_get_logo (self->practice);
  g_autoptr(GdkTexture) texture = NULL;
  const char *type = rp_practice_get_logo_type (self->practice);

  if (logo != NULL)
    texture = gdk_texture_new_from_bytes (logo, NULL);

  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->logo_picture), logo != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->logo_remove_button), logo != NULL);

  if (logo == NULL)
    adw_action_row_set_subtitle (self->logo_row, _("No logo"));
  else if (texture == NULL)
    adw_action_row_set_subtitle (self->logo_row, _("Stored, but this image cannot be shown"));
  else
    {
      g_autofree char *description = g_content_type_get_description (type);
      g_autofree char *size = g_format_size (g_bytes_get_size (logo));
      /* Translators: the logo's file type and size, e.g. "PNG image, 12.3 kB". */
      g_autofree char *subtitle = g_strdup_printf (_("%s, %s"), description, size);

      adw_action_row_set_subtitle (self->logo_row, subtitle);
    }
}

static const char *
logo_type_for (const char *path,
               GBytes     *bytes)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  g_autofree char *guessed = g_content_type_guess (path, data, size, NULL);
  g_autofree char *mime = g_content_type_get_mime_type (guessed);

  for (guint i = 0; i < G_N_ELEMENTS (logo_types); i++)
    {
      if (g_strcmp0 (mime, logo_types[i]) == 0)
        return logo_types[i];
    }

  return NULL;
}

static void
logo_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RpPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (G_FILE (source));
  g_autoptr(GBytes) bytes = NULL;
  const char *type;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the logo: %s"),
                                                  error->message);

      _rp_preferences_window_show_toast (self, message, FALSE);
      return;
    }

  if (length == 0 || length > MAX_LOGO_BYTES)
    {
      _rp_preferences_window_show_toast (self,
                                         length == 0 ? _("The logo file is empty")
                                                     : _("The logo is larger than 4 MB: choose "
                                                         "a smaller image"),
                                         FALSE);
      return;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  type = logo_type_for (path, bytes);
  if (type == NULL)
    {
      _rp_preferences_window_show_toast (self, _("Choose a PNG, SVG or JPEG image"), FALSE);
      return;
    }

  rp_practice_set_logo (self->practice, bytes, type);
  update_logo (self);
}

static void
logo_chooser_response_cb (RpPreferencesWindow  *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    g_file_load_contents_async (file, NULL, logo_loaded_cb, g_object_ref (self));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
logo_choose_clicked_cb (RpPreferencesWindow *self,
                        GtkButton           *button)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Images (PNG, SVG, JPEG)"));
  for (guint i = 0; i < G_N_ELEMENTS (logo_types); i++)
    gtk_file_filter_add_mime_type (filter, logo_types[i]);

  chooser = gtk_file_chooser_native_new (_("Choose a Logo"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (logo_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
logo_remove_clicked_cb (RpPreferencesWindow *self,
                        GtkButton           *button)
{
  rp_practice_set_logo (self->practice, NULL, NULL);
  update_logo (self);
}

/* How to refer, insurances, liaison -------------------------------------------------------- */

static void
profile_entry_changed_cb (RpPreferencesWindow *self,
                          GtkEditable         *editable)
{
  const char *text = gtk_editable_get_text (editable);
  g_autoptr(GError) error = NULL;
  AdwEntryRow *row = ADW_ENTRY_ROW (editable);

  if (!self->loaded)
    return;

  if (row == self->referral_url_row)
    {
      _rp_preferences_window_validate_web_address (
        text, _("Enter a web address, such as www.example.com/refer"), &error);
      rp_practice_set_referral_url (self->practice, text);
    }
  else if (row == self->referral_phone_row)
    {
      rp_validate_phone (text, &error);
      rp_practice_set_referral_phone (self->practice, text);
    }
  else if (row == self->referral_fax_row)
    {
      rp_validate_phone (text, &error);
      rp_practice_set_referral_fax (self->practice, text);
    }
  else if (row == self->urgent_line_row)
    /* Free text: "(614) 555-0199, surgeon on call" is what people write. */
    rp_practice_set_urgent_line (self->practice, text);
  else if (row == self->turnaround_row)
    rp_practice_set_turnaround (self->practice, text);
  else if (row == self->liaison_name_row)
    rp_practice_set_liaison_name (self->practice, text);
  else if (row == self->liaison_phone_row)
    {
      rp_validate_phone (text, &error);
      rp_practice_set_liaison_phone (self->practice, text);
    }
  else if (row == self->liaison_email_row)
    {
      rp_validate_email (text, &error);
      rp_practice_set_liaison_email (self->practice, text);
    }

  rp_entry_row_set_error (row, error);
}

static void
text_view_changed_cb (RpPreferencesWindow *self,
                      GtkTextBuffer       *buffer)
{
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *text = NULL;

  if (!self->loaded)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);

  if (buffer == gtk_text_view_get_buffer (self->what_to_send_view))
    rp_practice_set_what_to_send (self->practice, text);
  else
    rp_practice_set_insurances (self->practice, text);
}

/* Services, providers, stories ------------------------------------------------------------- */

static void
entry_notify_cb (RpPreferencesWindow *self)
{
  self->dirty = TRUE;
}

static void
entries_changed_cb (RpPreferencesWindow *self)
{
  self->dirty = TRUE;
}

static GListStore *
find_entry (RpPreferencesWindow *self,
            RpPracticeEntry     *entry,
            guint               *position)
{
  GListStore *store = rp_practice_get_entries (self->practice, rp_practice_entry_get_kind (entry));

  return g_list_store_find (store, entry, position) ? store : NULL;
}

static void
undo_remove_entry_cb (AdwToast *toast,
                      gpointer  user_data)
{
  RpPreferencesWindow *self = g_object_get_data (G_OBJECT (toast), "rp-window");
  RpPracticeEntry *entry = user_data;
  GListStore *store;
  guint position;

  if (self == NULL || self->practice == NULL)
    return;

  store = rp_practice_get_entries (self->practice, rp_practice_entry_get_kind (entry));
  position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "rp-position"));
  g_list_store_insert (store, MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store))),
                       entry);
}

static void
remove_entry_clicked_cb (GtkButton *button,
                         gpointer   user_data)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  RpPracticeEntry *entry = user_data;
  const char *title = rp_practice_entry_get_title (entry);
  g_autofree char *message = NULL;
  GListStore *store;
  AdwToast *toast;
  guint position;

  if ((store = find_entry (self, entry, &position)) == NULL)
    return;

  if (title[0] != '\0')
    /* Translators: %s is a service, a provider or a success story's attribution. */
    message = g_strdup_printf (_("“%s” removed"), title);
  else
    message = g_strdup (_("Entry removed"));

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "rp-position", GUINT_TO_POINTER (position));
  g_object_set_data (G_OBJECT (toast), "rp-window", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_remove_entry_cb),
                         g_object_ref (entry), (GClosureNotify) g_object_unref, 0);

  g_list_store_remove (store, position);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Moves the entry one place up (@delta -1) or down (+1), and keeps its row open and the
 * button focused, so that pressing it again keeps moving the same entry. */
static void
move_entry (GtkButton *button,
            gpointer   user_data,
            int        delta)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  g_autoptr(RpPracticeEntry) entry = g_object_ref (user_data);
  const char *button_name = delta < 0 ? "move-up" : "move-down";
  GtkListBoxRow *row;
  GListStore *store;
  guint position;
  guint n_items;
  guint target;

  if ((store = find_entry (self, entry, &position)) == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n_items))
    return;

  target = position + delta;
  g_list_store_remove (store, position);
  g_list_store_insert (store, target, entry);

  row = gtk_list_box_get_row_at_index (get_entry_list (self, rp_practice_entry_get_kind (entry)),
                                       target);
  if (ADW_IS_EXPANDER_ROW (row))
    {
      GtkWidget *moved = g_object_get_data (G_OBJECT (row), button_name);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      if (moved != NULL && gtk_widget_get_sensitive (moved))
        gtk_widget_grab_focus (moved);
    }
}

static void
move_up_clicked_cb (GtkButton *button,
                    gpointer   user_data)
{
  move_entry (button, user_data, -1);
}

static void
move_down_clicked_cb (GtkButton *button,
                      gpointer   user_data)
{
  move_entry (button, user_data, +1);
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  rp_accessible_set_label (GTK_WIDGET (button), label);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static gboolean
untitled_to_title (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  /* The row's title is markup: "Hand & wrist" must reach it escaped. */
  g_value_take_string (to, g_markup_escape_text (text != NULL && text[0] != '\0' ? text
                                                                              : _("Untitled"),
                                                 -1));
  return TRUE;
}

/* The start of the paragraph's first line, markup-escaped, for a row's one-line title or
 * subtitle (libadwaita 1.2 cannot ellipsize them). */
static gboolean
body_to_subtitle (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  const char *text = g_value_get_string (from);
  g_autoptr(GString) line = g_string_new (NULL);
  guint n_chars = 0;

  for (const char *p = text != NULL ? text : ""; *p != '\0' && *p != '\n';
       p = g_utf8_next_char (p))
    {
      if (++n_chars > 72)
        {
          g_string_append (line, "…");
          break;
        }
      g_string_append_unichar (line, g_utf8_get_char (p));
    }

  g_value_take_string (to, g_markup_escape_text (line->str, -1));
  return TRUE;
}

static GtkWidget *
new_entry_row (RpPracticeEntry *entry,
               const char      *property,
               const char      *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_bind_property (entry, property, row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  return row;
}

/* A row of its own holding a text view for the entry's paragraph. */
static GtkWidget *
new_body_row (RpPracticeEntry *entry,
              const char      *label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (label);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_add_css_class (heading, "caption");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 90);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  rp_accessible_set_label (GTK_WIDGET (view), label);
  g_object_bind_property (entry, "body", gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static GtkWidget *
create_entry_row (gpointer item,
                  gpointer user_data)
{
  RpPreferencesWindow *self = user_data;
  RpPracticeEntry *entry = RP_PRACTICE_ENTRY (item);
  RpPracticeEntryKind kind = rp_practice_entry_get_kind (entry);
  GListStore *store = rp_practice_get_entries (self->practice, kind);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *actions = adw_action_row_new ();
  GtkWidget *up;
  GtkWidget *down;
  GtkWidget *remove;
  guint position = 0;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_list_store_find (store, entry, &position);

  switch (kind)
    {
    case RP_PRACTICE_ENTRY_SERVICE:
      g_object_bind_property_full (entry, "title", row, "title", G_BINDING_SYNC_CREATE,
                                   untitled_to_title, NULL, NULL, NULL);
      g_object_bind_property_full (entry, "body", row, "subtitle", G_BINDING_SYNC_CREATE,
                                   body_to_subtitle, NULL, NULL, NULL);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                new_entry_row (entry, "title", _("Service")));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                new_body_row (entry, _("Description (one paragraph)")));
      break;

    case RP_PRACTICE_ENTRY_PROVIDER:
      g_object_bind_property_full (entry, "title", row, "title", G_BINDING_SYNC_CREATE,
                                   untitled_to_title, NULL, NULL, NULL);
      g_object_bind_property_full (entry, "detail", row, "subtitle", G_BINDING_SYNC_CREATE,
                                   body_to_subtitle, NULL, NULL, NULL);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                new_entry_row (entry, "title", _("Name")));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                new_entry_row (entry, "detail",
                                               _("Credentials and Specialty")));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_body_row (entry, _("Short Bio")));
      break;

    case RP_PRACTICE_ENTRY_STORY:
      g_object_bind_property_full (entry, "body", row, "title", G_BINDING_SYNC_CREATE,
                                   body_to_subtitle, NULL, NULL, NULL);
      g_object_bind_property_full (entry, "title", row, "subtitle", G_BINDING_SYNC_CREATE,
                                   body_to_subtitle, NULL, NULL, NULL);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                new_body_row (entry, _("Quote (no patient names or details)")));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                new_entry_row (entry, "title", _("Attribution")));
      break;

    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);

  up = new_icon_button ("go-up-symbolic", _("Move Up"));
  down = new_icon_button ("go-down-symbolic", _("Move Down"));
  remove = new_icon_button ("user-trash-symbolic", _("Remove"));
  gtk_widget_set_sensitive (up, position > 0);
  gtk_widget_set_sensitive (down, position + 1 < n_items);
  g_signal_connect_object (up, "clicked", G_CALLBACK (move_up_clicked_cb), entry, 0);
  g_signal_connect_object (down, "clicked", G_CALLBACK (move_down_clicked_cb), entry, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_entry_clicked_cb), entry, 0);
  g_object_set_data (G_OBJECT (row), "move-up", up);
  g_object_set_data (G_OBJECT (row), "move-down", down);
  g_object_set_data (G_OBJECT (row), "remove", remove);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (actions), _("Order"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (actions), up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (actions), down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (actions), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), actions);

  g_signal_connect_object (entry, "notify", G_CALLBACK (entry_notify_cb), self,
                           G_CONNECT_SWAPPED);

  return row;
}

/* The up and down buttons depend on the neighbours: a change anywhere in the list rebuilds
 * the rows it touches, and the rows at its edges need their buttons refreshed. */
static void
refresh_move_buttons (GtkListBox *list)
{
  GtkListBoxRow *row;
  int n_rows = 0;

  while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
    n_rows++;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *up = g_object_get_data (G_OBJECT (row), "move-up");
      GtkWidget *down = g_object_get_data (G_OBJECT (row), "move-down");

      if (up != NULL)
        gtk_widget_set_sensitive (up, i > 0);
      if (down != NULL)
        gtk_widget_set_sensitive (down, i + 1 < n_rows);
    }
}

static void
entries_items_changed_cb (GListModel *model,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GtkListBox *list)
{
  refresh_move_buttons (list);
}

static void
add_entry_clicked_cb (RpPreferencesWindow *self,
                      GtkButton           *button)
{
  RpPracticeEntryKind kind;
  g_autoptr(RpPracticeEntry) entry = NULL;
  GListStore *store;
  GtkListBoxRow *row;
  guint n_items;

  if (button == self->add_services_button)
    kind = RP_PRACTICE_ENTRY_SERVICE;
  else if (button == self->add_providers_button)
    kind = RP_PRACTICE_ENTRY_PROVIDER;
  else
    kind = RP_PRACTICE_ENTRY_STORY;

  store = rp_practice_get_entries (self->practice, kind);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  entry = rp_practice_entry_new (kind, NULL, NULL, NULL);
  g_list_store_append (store, entry);

  row = gtk_list_box_get_row_at_index (get_entry_list (self, kind), n_items);
  if (ADW_IS_EXPANDER_ROW (row))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/* Fills the profile's widgets from self->practice; called by load_practice before it sets
 * self->loaded, and which then checks the stored values. */
void
_rp_preferences_window_load_profile (RpPreferencesWindow *self)
{
  const char *empty_texts[] = {
    N_("No services yet"), N_("No providers yet"), N_("No success stories yet"),
  };

  update_logo (self);

  set_text (self->referral_url_row, rp_practice_get_referral_url (self->practice));
  set_text (self->referral_phone_row, rp_practice_get_referral_phone (self->practice));
  set_text (self->referral_fax_row, rp_practice_get_referral_fax (self->practice));
  set_text (self->urgent_line_row, rp_practice_get_urgent_line (self->practice));
  set_text (self->turnaround_row, rp_practice_get_turnaround (self->practice));
  set_text (self->liaison_name_row, rp_practice_get_liaison_name (self->practice));
  set_text (self->liaison_phone_row, rp_practice_get_liaison_phone (self->practice));
  set_text (self->liaison_email_row, rp_practice_get_liaison_email (self->practice));
  set_view_text (self->what_to_send_view, rp_practice_get_what_to_send (self->practice));
  set_view_text (self->insurances_view, rp_practice_get_insurances (self->practice));

  g_signal_connect_object (gtk_text_view_get_buffer (self->what_to_send_view), "changed",
                           G_CALLBACK (text_view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->insurances_view), "changed",
                           G_CALLBACK (text_view_changed_cb), self, G_CONNECT_SWAPPED);

  for (guint kind = RP_PRACTICE_ENTRY_SERVICE; kind <= RP_PRACTICE_ENTRY_STORY; kind++)
    {
      GListStore *store = rp_practice_get_entries (self->practice, kind);
      GtkListBox *list = get_entry_list (self, kind);

      gtk_list_box_set_placeholder (list, rp_page_new_empty_label (_(empty_texts[kind])));
      gtk_list_box_bind_model (list, G_LIST_MODEL (store), create_entry_row, self, NULL);
      g_signal_connect_object (store, "items-changed", G_CALLBACK (entries_changed_cb), self,
                               G_CONNECT_SWAPPED);
      /* After the list box's own handler, which rebuilds the rows. */
      g_signal_connect_object (store, "items-changed", G_CALLBACK (entries_items_changed_cb),
                               list, G_CONNECT_AFTER);
    }
}

/* Checks the profile's stored values once loaded, so the marks show what would stop saving. */
void
_rp_preferences_window_check_profile (RpPreferencesWindow *self)
{
  AdwEntryRow *rows[] = {
    self->referral_url_row, self->referral_phone_row, self->referral_fax_row,
    self->liaison_phone_row, self->liaison_email_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    profile_entry_changed_cb (self, GTK_EDITABLE (rows[i]));
}

gboolean
_rp_preferences_window_profile_is_valid (RpPreferencesWindow *self)
{
  AdwEntryRow *rows[] = {
    self->referral_url_row, self->referral_phone_row, self->referral_fax_row,
    self->liaison_phone_row, self->liaison_email_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (gtk_widget_has_css_class (GTK_WIDGET (rows[i]), "error"))
        return FALSE;
    }

  return TRUE;
}

void
_rp_preferences_window_class_practice_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, logo_remove_button);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, referral_url_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, referral_phone_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, referral_fax_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, urgent_line_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, turnaround_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, what_to_send_view);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, insurances_view);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, liaison_name_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, liaison_phone_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, liaison_email_row);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, services_list);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, providers_list);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, stories_list);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, add_services_button);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, add_providers_button);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, add_stories_button);
  gtk_widget_class_bind_template_callback (widget_class, logo_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, logo_remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, profile_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_entry_clicked_cb);
}
