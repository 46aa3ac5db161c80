/* domaine-record-filter-model.c: the rows the zone editor's search and type filter let through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why not GtkFilterListModel: on GTK 4.8 its get_item() is a rank query in a bitset, and when
 * a filter change removes the row the view tracks (the top row, the focus), GtkListView asks
 * for every added item to find it again: 93,000 rank queries for "1" in a 100,000-record
 * zone, more than the filtering itself. Here the matches are an array of positions, so an
 * item is one array read.
 *
 * Nothing is kept per row but the row itself: a keystroke compares the folded search with
 * what the row shows ("name", "value", its note) in place, ignoring ASCII case, which is what
 * nearly every record is made of; only rows with other characters are folded, on the fly.
 * So a load builds no search keys and a 100,000-record zone costs 8 bytes a row here.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "domaine-record-filter-model.h"

struct _DomaineRecordFilterModel
{
  GObject parent_instance;

  GListModel *model;
  DomaineRecordRows *rows;
  OvhRecordNotes *notes;
  guint notes_source; /* notes changed: rows are matched again once the burst is over */
  char *search;       /* as set, NULL for none */
  char *needle;       /* search, folded */
  gsize needle_len;
  gboolean needle_ascii;       /* only ASCII characters */
  gboolean needle_has_letters; /* ASCII letters among them */
  gboolean needle_multiline;
  char needle_first[3]; /* its first character in both cases, for strpbrk() */
  char *field_type;     /* as set, NULL for every type */

  OvhRecord **entries; /* refs: one per item of model, in its order */
  guint n_entries;
  guint entries_size;
  GArray *matches; /* of guint: the positions in entries that match, ascending */
  gboolean pass_has_changes;
  gboolean pass_has_notes;
};

static void domaine_record_filter_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DomaineRecordFilterModel,
                               domaine_record_filter_model,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      domaine_record_filter_model_list_model_init))

enum
{
  PROP_0,
  PROP_MODEL,
  PROP_ROWS,
  PROP_NOTES,
  PROP_SEARCH,
  PROP_FIELD_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GListModel ----------------------------------------------------------------------------- */

static GType
domaine_record_filter_model_get_item_type (GListModel *model)
{
  return OVH_TYPE_RECORD;
}

static guint
domaine_record_filter_model_get_n_items (GListModel *model)
{
  return DOMAINE_RECORD_FILTER_MODEL (model)->matches->len;
}

static gpointer
domaine_record_filter_model_get_item (GListModel *model, guint position)
{
  DomaineRecordFilterModel *self = DOMAINE_RECORD_FILTER_MODEL (model);

  if (position >= self->matches->len)
    return NULL;
  return g_object_ref (self->entries[g_array_index (self->matches, guint, position)]);
}

static void
domaine_record_filter_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = domaine_record_filter_model_get_item_type;
  iface->get_n_items = domaine_record_filter_model_get_n_items;
  iface->get_item = domaine_record_filter_model_get_item;
}

/* Matching ------------------------------------------------------------------------------- */

/* Lower case for ASCII, Unicode case folding for the rest: "WWW" finds "www", "É" finds "é". */
static char *
fold (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return g_utf8_casefold (text, -1);
  return g_ascii_strdown (text, -1);
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

/* Whether fold (@text) contains the needle. ASCII folds to its lower case, and nothing else
 * folds to ASCII digits or punctuation: so a needle without letters is looked for as it is,
 * and an ASCII needle is looked for ignoring ASCII case, at each place its first character is
 * in either case; only when that fails on a text with other characters is the text folded. */
static gboolean
domaine_record_filter_model_text_matches (DomaineRecordFilterModel *self, const char *text)
{
  g_autofree char *folded = NULL;

  if (self->needle_ascii)
    {
      if (!self->needle_has_letters)
        return strstr (text, self->needle) != NULL;
      for (const char *p = strpbrk (text, self->needle_first); p != NULL;
           p = strpbrk (p + 1, self->needle_first))
        if (g_ascii_strncasecmp (p, self->needle, self->needle_len) == 0)
          return TRUE;
    }
  if (is_ascii (text))
    return FALSE;
  folded = fold (text);
  return strstr (folded, self->needle) != NULL;
}

/* What holds for every row of a pass over them: whether any row can show other values than
 * its record's (staged changes), whether any has a note. */
static void
domaine_record_filter_model_begin_pass (DomaineRecordFilterModel *self)
{
  self->pass_has_changes = self->rows != NULL
                           && g_list_model_get_n_items (ovh_changeset_get_changes (
                                  domaine_record_rows_get_changeset (self->rows)))
                                  > 0;
  self->pass_has_notes = self->notes != NULL && ovh_record_notes_get_n_notes (self->notes) > 0;
}

static const char *
domaine_record_filter_model_get_note (DomaineRecordFilterModel *self,
                                      OvhRecord *record,
                                      OvhRecord *shown)
{
  /* Notes are few: most rows cost one look-up in an empty or small hash. */
  if (!self->pass_has_notes)
    return NULL;
  return ovh_record_get_id (record) != 0
             ? ovh_record_notes_lookup_id (self->notes, ovh_record_get_id (record))
             : ovh_record_notes_lookup (self->notes, shown);
}

static gboolean
domaine_record_filter_model_matches (DomaineRecordFilterModel *self, OvhRecord *record)
{
  OvhRecord *shown;
  const char *value;
  const char *note;

  if (self->field_type == NULL && self->needle == NULL)
    return TRUE;
  shown = self->pass_has_changes ? domaine_record_rows_get_shown (self->rows, record) : record;
  if (self->field_type != NULL
      && g_ascii_strcasecmp (ovh_record_get_field_type (shown) ?: "", self->field_type) != 0)
    return FALSE;
  if (self->needle == NULL)
    return TRUE;

  value = ovh_record_get_target (shown);
  note = domaine_record_filter_model_get_note (self, record, shown);
  /* A needle over two lines matches across what the row shows, as "name\nvalue\nnote". */
  if (self->needle_multiline)
    {
      g_autofree char *key
          = g_strconcat (ovh_record_get_display_name (shown), "\n", value != NULL ? value : "",
                         note != NULL ? "\n" : NULL, note, NULL);
      g_autofree char *folded = fold (key);

      return strstr (folded, self->needle) != NULL;
    }
  return domaine_record_filter_model_text_matches (self, ovh_record_get_display_name (shown))
         || (value != NULL && domaine_record_filter_model_text_matches (self, value))
         || (note != NULL && domaine_record_filter_model_text_matches (self, note));
}

/* Follows the model: replaces @removed entries at @position by @added new ones. */
static void
domaine_record_filter_model_splice_entries (DomaineRecordFilterModel *self,
                                            guint position,
                                            guint removed,
                                            guint added)
{
  guint n_entries = self->n_entries - removed + added;

  for (guint i = position; i < position + removed; i++)
    g_object_unref (self->entries[i]);

  if (n_entries > self->entries_size)
    {
      self->entries_size = MAX (n_entries, self->entries_size + self->entries_size / 2);
      self->entries = g_renew (OvhRecord *, self->entries, self->entries_size);
    }
  if (self->n_entries > position + removed && removed != added)
    memmove (self->entries + position + added, self->entries + position + removed,
             (self->n_entries - position - removed) * sizeof (OvhRecord *));
  self->n_entries = n_entries;

  for (guint i = position; i < position + added; i++)
    self->entries[i] = g_list_model_get_item (self->model, i);
}

/* Filtering ------------------------------------------------------------------------------ */

static void
domaine_record_filter_model_refilter (DomaineRecordFilterModel *self, GtkFilterChange change)
{
  g_autoptr (GArray) old = self->matches;
  GArray *matches;
  guint prefix = 0;
  guint suffix = 0;

  domaine_record_filter_model_begin_pass (self);
  matches
      = g_array_sized_new (FALSE, FALSE, sizeof (guint),
                           change == GTK_FILTER_CHANGE_MORE_STRICT ? old->len : self->n_entries);
  if (change == GTK_FILTER_CHANGE_MORE_STRICT)
    {
      /* Only the rows shown can still match. */
      for (guint k = 0; k < old->len; k++)
        {
          guint i = g_array_index (old, guint, k);

          if (domaine_record_filter_model_matches (self, self->entries[i]))
            g_array_append_val (matches, i);
        }
    }
  else
    {
      /* When less strict, the rows shown stay without being checked. */
      guint k = 0;

      for (guint i = 0; i < self->n_entries; i++)
        {
          gboolean shown = k < old->len && g_array_index (old, guint, k) == i;

          if (shown)
            k++;
          if ((shown && change == GTK_FILTER_CHANGE_LESS_STRICT)
              || domaine_record_filter_model_matches (self, self->entries[i]))
            g_array_append_val (matches, i);
        }
    }
  self->matches = matches;

  /* One change for the span that moved: views keep the rows before and after it. */
  while (prefix < old->len && prefix < matches->len
         && g_array_index (old, guint, prefix) == g_array_index (matches, guint, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < matches->len - prefix
         && g_array_index (old, guint, old->len - 1 - suffix)
                == g_array_index (matches, guint, matches->len - 1 - suffix))
    suffix++;
  if (old->len != matches->len || prefix + suffix < old->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix - suffix,
                                matches->len - prefix - suffix);
}

/* The first match at or after @position in entries. */
static guint
domaine_record_filter_model_find_match (DomaineRecordFilterModel *self, guint position)
{
  guint low = 0;
  guint high = self->matches->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->matches, guint, middle) < position)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static void
model_items_changed_cb (
    GListModel *model, guint position, guint removed, guint added, DomaineRecordFilterModel *self)
{
  guint first = domaine_record_filter_model_find_match (self, position);
  guint end = domaine_record_filter_model_find_match (self, position + removed);
  g_autoptr (GArray) new_matches = g_array_new (FALSE, FALSE, sizeof (guint));

  domaine_record_filter_model_splice_entries (self, position, removed, added);
  domaine_record_filter_model_begin_pass (self);
  for (guint i = position; i < position + added; i++)
    if (domaine_record_filter_model_matches (self, self->entries[i]))
      g_array_append_val (new_matches, i);

  /* The matches after the change move with it. */
  for (guint k = end; k < self->matches->len; k++)
    g_array_index (self->matches, guint, k)
        = g_array_index (self->matches, guint, k) - removed + added;
  if (end > first)
    g_array_remove_range (self->matches, first, end - first);
  if (new_matches->len > 0)
    g_array_insert_vals (self->matches, first, new_matches->data, new_matches->len);

  if (end > first || new_matches->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first, end - first, new_matches->len);
}

/* Notes changed: the rows are matched again, and only those whose match changed are
 * announced (the view keeps its selection and scroll). */
static gboolean
notes_changed_idle_cb (gpointer data)
{
  DomaineRecordFilterModel *self = data;

  self->notes_source = 0;
  if (self->needle != NULL)
    domaine_record_filter_model_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
  return G_SOURCE_REMOVE;
}

/* One pass over the rows per burst of notes (an import sets many), not one per note. */
static void
notes_changed_cb (DomaineRecordFilterModel *self)
{
  if (self->notes_source == 0)
    self->notes_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, notes_changed_idle_cb, self, NULL);
}

/* Every row read again, as after a change of model or of what rows show. */
static void
domaine_record_filter_model_reload (DomaineRecordFilterModel *self)
{
  guint n_items = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  guint old_n_matches = self->matches->len;

  /* The old matches point into the old entries: all of them go. */
  domaine_record_filter_model_splice_entries (self, 0, self->n_entries, n_items);
  g_array_set_size (self->matches, 0);
  domaine_record_filter_model_begin_pass (self);
  for (guint i = 0; i < self->n_entries; i++)
    if (domaine_record_filter_model_matches (self, self->entries[i]))
      g_array_append_val (self->matches, i);
  if (old_n_matches > 0 || self->matches->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_matches, self->matches->len);
}

/* GObject -------------------------------------------------------------------------------- */

static void
domaine_record_filter_model_dispose (GObject *object)
{
  DomaineRecordFilterModel *self = DOMAINE_RECORD_FILTER_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->rows);
  if (self->notes != NULL)
    g_signal_handlers_disconnect_by_func (self->notes, notes_changed_cb, self);
  g_clear_object (&self->notes);
  g_clear_handle_id (&self->notes_source, g_source_remove);
  for (guint i = 0; i < self->n_entries; i++)
    g_object_unref (self->entries[i]);
  self->n_entries = 0;
  g_array_set_size (self->matches, 0);

  G_OBJECT_CLASS (domaine_record_filter_model_parent_class)->dispose (object);
}

static void
domaine_record_filter_model_finalize (GObject *object)
{
  DomaineRecordFilterModel *self = DOMAINE_RECORD_FILTER_MODEL (object);

  g_clear_pointer (&self->entries, g_free);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->field_type, g_free);

  G_OBJECT_CLASS (domaine_record_filter_model_parent_class)->finalize (object);
}

static void
domaine_record_filter_model_get_property (GObject *object,
                                          guint prop_id,
                                          GValue *value,
                                          GParamSpec *pspec)
{
  DomaineRecordFilterModel *self = DOMAINE_RECORD_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_ROWS:
      g_value_set_object (value, self->rows);
      break;
    case PROP_NOTES:
      g_value_set_object (value, self->notes);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_FIELD_TYPE:
      g_value_set_string (value, self->field_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_record_filter_model_set_property (GObject *object,
                                          guint prop_id,
                                          const GValue *value,
                                          GParamSpec *pspec)
{
  DomaineRecordFilterModel *self = DOMAINE_RECORD_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      domaine_record_filter_model_set_model (self, g_value_get_object (value));
      break;
    case PROP_ROWS:
      domaine_record_filter_model_set_rows (self, g_value_get_object (value));
      break;
    case PROP_NOTES:
      domaine_record_filter_model_set_notes (self, g_value_get_object (value));
      break;
    case PROP_SEARCH:
      domaine_record_filter_model_set_search (self, g_value_get_string (value));
      break;
    case PROP_FIELD_TYPE:
      domaine_record_filter_model_set_field_type (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_record_filter_model_class_init (DomaineRecordFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = domaine_record_filter_model_dispose;
  object_class->finalize = domaine_record_filter_model_finalize;
  object_class->get_property = domaine_record_filter_model_get_property;
  object_class->set_property = domaine_record_filter_model_set_property;

  properties[PROP_MODEL]
      = g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROWS]
      = g_param_spec_object ("rows", NULL, NULL, DOMAINE_TYPE_RECORD_ROWS,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES]
      = g_param_spec_object ("notes", NULL, NULL, OVH_TYPE_RECORD_NOTES,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH]
      = g_param_spec_string ("search", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD_TYPE]
      = g_param_spec_string ("field-type", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
domaine_record_filter_model_init (DomaineRecordFilterModel *self)
{
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
}

DomaineRecordFilterModel *
domaine_record_filter_model_new (void)
{
  return g_object_new (DOMAINE_TYPE_RECORD_FILTER_MODEL, NULL);
}

GListModel *
domaine_record_filter_model_get_model (DomaineRecordFilterModel *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_FILTER_MODEL (self), NULL);
  return self->model;
}

void
domaine_record_filter_model_set_model (DomaineRecordFilterModel *self, GListModel *model)
{
  g_return_if_fail (DOMAINE_IS_RECORD_FILTER_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
  domaine_record_filter_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

DomaineRecordRows *
domaine_record_filter_model_get_rows (DomaineRecordFilterModel *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_FILTER_MODEL (self), NULL);
  return self->rows;
}

void
domaine_record_filter_model_set_rows (DomaineRecordFilterModel *self, DomaineRecordRows *rows)
{
  g_return_if_fail (DOMAINE_IS_RECORD_FILTER_MODEL (self));
  g_return_if_fail (rows == NULL || DOMAINE_IS_RECORD_ROWS (rows));

  if (!g_set_object (&self->rows, rows))
    return;
  if (self->n_entries > 0)
    domaine_record_filter_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROWS]);
}

OvhRecordNotes *
domaine_record_filter_model_get_notes (DomaineRecordFilterModel *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_FILTER_MODEL (self), NULL);
  return self->notes;
}

void
domaine_record_filter_model_set_notes (DomaineRecordFilterModel *self, OvhRecordNotes *notes)
{
  g_return_if_fail (DOMAINE_IS_RECORD_FILTER_MODEL (self));
  g_return_if_fail (notes == NULL || OVH_IS_RECORD_NOTES (notes));

  if (self->notes == notes)
    return;
  if (self->notes != NULL)
    g_signal_handlers_disconnect_by_func (self->notes, notes_changed_cb, self);
  g_set_object (&self->notes, notes);
  if (notes != NULL)
    g_signal_connect_swapped (notes, "changed", G_CALLBACK (notes_changed_cb), self);
  notes_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char *
domaine_record_filter_model_get_search (DomaineRecordFilterModel *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_FILTER_MODEL (self), NULL);
  return self->search;
}

void
domaine_record_filter_model_set_search (DomaineRecordFilterModel *self, const char *search)
{
  char *needle;
  GtkFilterChange change;
  gboolean refilter;

  g_return_if_fail (DOMAINE_IS_RECORD_FILTER_MODEL (self));

  if (search != NULL && *search == '\0')
    search = NULL;
  if (g_strcmp0 (search, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  needle = search != NULL ? fold (search) : NULL;

  /* Typing one more letter can only hide rows; a backspace can only show more. */
  if (self->needle == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  refilter = g_strcmp0 (needle, self->needle) != 0; /* not for "WWW" after "www" */
  g_free (self->needle);
  self->needle = needle;
  self->needle_len = needle != NULL ? strlen (needle) : 0;
  self->needle_ascii = TRUE;
  self->needle_has_letters = FALSE;
  self->needle_multiline = needle != NULL && strchr (needle, '\n') != NULL;
  for (gsize i = 0; i < self->needle_len; i++)
    {
      if ((guchar) needle[i] >= 0x80)
        self->needle_ascii = FALSE;
      else if (g_ascii_isalpha (needle[i]))
        self->needle_has_letters = TRUE;
    }
  if (needle != NULL)
    {
      self->needle_first[0] = g_ascii_tolower (needle[0]);
      self->needle_first[1] = g_ascii_toupper (needle[0]);
      self->needle_first[2] = '\0';
    }

  if (refilter)
    domaine_record_filter_model_refilter (self, change);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

const char *
domaine_record_filter_model_get_field_type (DomaineRecordFilterModel *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_FILTER_MODEL (self), NULL);
  return self->field_type;
}

void
domaine_record_filter_model_set_field_type (DomaineRecordFilterModel *self, const char *field_type)
{
  GtkFilterChange change;
  gboolean refilter;

  g_return_if_fail (DOMAINE_IS_RECORD_FILTER_MODEL (self));

  if (field_type != NULL && *field_type == '\0')
    field_type = NULL;
  if (g_strcmp0 (field_type, self->field_type) == 0)
    return;

  if (self->field_type == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (field_type == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  /* Types match whatever their case: not "mx" after "MX". */
  refilter = field_type == NULL || self->field_type == NULL
             || g_ascii_strcasecmp (field_type, self->field_type) != 0;
  g_free (self->field_type);
  self->field_type = g_strdup (field_type);

  if (refilter)
    domaine_record_filter_model_refilter (self, change);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_TYPE]);
}
