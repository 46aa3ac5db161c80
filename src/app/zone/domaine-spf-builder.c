/* domaine-spf-builder.c: an SPF policy as rows of mechanisms, two-way with its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy read by libovh (OvhSpfPolicy) is the truth: each row stands for one of its
 * mechanisms, the "all" row for its first "all", the redirect row for its "redirect=". A
 * change in a row replaces that one term, so the terms nobody touched (exp=, unknown
 * modifiers, their spelling) are written back as they were.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-spf-builder.h"
#include "ovh-spf-policy.h"

/* The mechanisms a row can hold, in the order of its kind list ("all" has its own row). */
static const OvhSpfKind row_kinds[] = {
  OVH_SPF_KIND_INCLUDE, OVH_SPF_KIND_A,      OVH_SPF_KIND_MX,  OVH_SPF_KIND_IP4,
  OVH_SPF_KIND_IP6,     OVH_SPF_KIND_EXISTS, OVH_SPF_KIND_PTR,
};

/* The qualifiers of a row's list; "no sign" shows as Pass. */
static const OvhSpfQualifier row_qualifiers[] = {
  OVH_SPF_QUALIFIER_PASS,
  OVH_SPF_QUALIFIER_FAIL,
  OVH_SPF_QUALIFIER_SOFTFAIL,
  OVH_SPF_QUALIFIER_NEUTRAL,
};

/* The "all" row's list: first "not stated", then as row_qualifiers. */
#define ALL_NOT_STATED 0

typedef struct
{
  DomaineSpfBuilder *builder;
  GtkWidget *row;
  GtkWidget *qualifier;
  GtkWidget *kind;
  GtkWidget *entry;
  GtkWidget *remove;
  OvhSpfTerm *term; /* in builder->policy, or NULL while the row holds no valid term yet */
} MechanismRow;

struct _DomaineSpfBuilder
{
  AdwPreferencesGroup parent_instance;

  char *value;
  OvhSpfPolicy *policy;
  GPtrArray *rows; /* of MechanismRow, in the order shown */
  gboolean parsed;
  gboolean updating;
  GtkSizeGroup *qualifier_sizes; /* the lists line up from row to row */
  GtkSizeGroup *kind_sizes;

  /* Template children */
  AdwActionRow *status_row;
  AdwComboRow *all_row;
  AdwEntryRow *redirect_row;
  GtkWidget *add_button;
};

G_DEFINE_FINAL_TYPE (DomaineSpfBuilder, domaine_spf_builder, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_VALUE,
  PROP_PARSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
qualifier_position (OvhSpfQualifier qualifier)
{
  for (guint i = 0; i < G_N_ELEMENTS (row_qualifiers); i++)
    if (row_qualifiers[i] == qualifier)
      return i;
  return 0; /* no sign: pass */
}

/* The qualifier chosen at @position, keeping a "+" written before when Pass stays Pass. */
static OvhSpfQualifier
qualifier_at (guint position, const OvhSpfTerm *before)
{
  OvhSpfQualifier qualifier = position < G_N_ELEMENTS (row_qualifiers) ? row_qualifiers[position]
                                                                       : OVH_SPF_QUALIFIER_PASS;

  if (qualifier == OVH_SPF_QUALIFIER_PASS
      && (before == NULL || before->qualifier != OVH_SPF_QUALIFIER_PASS))
    return OVH_SPF_QUALIFIER_NONE;
  return qualifier;
}

/* Where a new term of @kind goes: before the final "all" and the modifiers. */
static guint
insert_position (OvhSpfPolicy *policy, OvhSpfKind kind)
{
  GPtrArray *terms = ovh_spf_policy_get_terms (policy);

  for (guint i = 0; i < terms->len; i++)
    {
      OvhSpfTerm *term = terms->pdata[i];

      if (kind != OVH_SPF_KIND_ALL && term->kind == OVH_SPF_KIND_ALL)
        return i;
      if (!ovh_spf_kind_is_mechanism (term->kind))
        return i;
    }
  return terms->len;
}

/* Puts @term in place of @old (NULL: inserts it where its kind goes); @term NULL removes. */
static void
replace_term (DomaineSpfBuilder *self, OvhSpfTerm *old, OvhSpfTerm *term)
{
  GPtrArray *terms = ovh_spf_policy_get_terms (self->policy);
  guint index;

  if (old != NULL && g_ptr_array_find (terms, old, &index))
    {
      if (term != NULL)
        {
          ovh_spf_term_free (terms->pdata[index]);
          terms->pdata[index] = term;
        }
      else
        g_ptr_array_remove_index (terms, index);
    }
  else if (term != NULL)
    g_ptr_array_insert (terms, insert_position (self->policy, term->kind), term);
}

static void
commit (DomaineSpfBuilder *self)
{
  g_autofree char *text = ovh_spf_policy_format (self->policy);

  if (g_strcmp0 (text, self->value) == 0)
    return;
  g_free (self->value);
  self->value = g_steal_pointer (&text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
show_term_error (GtkWidget *entry, const GError *error)
{
  if (error != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, error != NULL ? error->message : NULL);
}

/* Mechanism rows ------------------------------------------------------------------------ */

static const char *
placeholder_for (OvhSpfKind kind)
{
  switch (kind)
    {
    case OVH_SPF_KIND_IP4:
      return "192.0.2.0/24";
    case OVH_SPF_KIND_IP6:
      return "2001:db8::/32";
    case OVH_SPF_KIND_A:
    case OVH_SPF_KIND_MX:
    case OVH_SPF_KIND_PTR:
      /* Translators: placeholder of an empty a, mx or ptr mechanism, which means this domain */
      return _ ("This domain");
    case OVH_SPF_KIND_INCLUDE:
    case OVH_SPF_KIND_EXISTS:
    default:
      return "_spf.example.com";
    }
}

static OvhSpfKind
row_get_kind (MechanismRow *row)
{
  guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->kind));

  return position < G_N_ELEMENTS (row_kinds) ? row_kinds[position] : OVH_SPF_KIND_INCLUDE;
}

static void
mechanism_row_changed_cb (MechanismRow *row)
{
  DomaineSpfBuilder *self = row->builder;
  g_autoptr (GError) error = NULL;
  OvhSpfKind kind = row_get_kind (row);
  OvhSpfTerm *term;

  gtk_entry_set_placeholder_text (GTK_ENTRY (row->entry), placeholder_for (kind));
  if (self->updating)
    return;

  term = ovh_spf_term_new_from_argument (
      qualifier_at (gtk_drop_down_get_selected (GTK_DROP_DOWN (row->qualifier)), row->term), kind,
      gtk_editable_get_text (GTK_EDITABLE (row->entry)), &error);
  show_term_error (row->entry, error);
  if (term == NULL)
    return;
  replace_term (self, row->term, term);
  row->term = term;
  commit (self);
}

/* Before the row's widgets go: they may outlive it for a moment (a click being handled). */
static void
mechanism_row_free (MechanismRow *row)
{
  g_signal_handlers_disconnect_by_data (row->qualifier, row);
  g_signal_handlers_disconnect_by_data (row->kind, row);
  g_signal_handlers_disconnect_by_data (row->entry, row);
  g_signal_handlers_disconnect_by_data (row->remove, row);
  g_free (row);
}

/* Removes every row from @index on. */
static void
remove_rows_from (DomaineSpfBuilder *self, guint index)
{
  while (self->rows->len > index)
    {
      GtkWidget *widget = ((MechanismRow *) self->rows->pdata[self->rows->len - 1])->row;

      g_ptr_array_remove_index (self->rows, self->rows->len - 1);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), widget);
    }
}

static void
number_rows (DomaineSpfBuilder *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      MechanismRow *row = self->rows->pdata[i];
      g_autofree char *title = g_strdup_printf (_ ("Mechanism %u"), i + 1);
      g_autofree char *qualifier = g_strdup_printf (_ ("Qualifier of mechanism %u"), i + 1);
      g_autofree char *kind = g_strdup_printf (_ ("Kind of mechanism %u"), i + 1);
      g_autofree char *value = g_strdup_printf (_ ("Value of mechanism %u"), i + 1);
      g_autofree char *remove = g_strdup_printf (_ ("Remove mechanism %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->qualifier),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, qualifier, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      kind, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      value, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove, -1);
    }
}

static void
remove_clicked_cb (MechanismRow *row)
{
  DomaineSpfBuilder *self = row->builder;
  guint index = 0;

  GtkWidget *widget = row->row;

  replace_term (self, row->term, NULL);
  g_ptr_array_find (self->rows, row, &index);
  g_ptr_array_remove_index (self->rows, index); /* frees row */
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), widget);
  number_rows (self);
  commit (self);

  /* The focus was on the button just removed: give it to the next row, or to Add. */
  if (index < self->rows->len)
    gtk_widget_grab_focus (((MechanismRow *) self->rows->pdata[index])->entry);
  else
    gtk_widget_grab_focus (self->add_button);
}

static GtkWidget *
drop_down_new (const char *const *strings, guint selected)
{
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (strings);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  return drop_down;
}

/* A row for @term (NULL: a new, empty include) at the end of the mechanism rows. */
static MechanismRow *
add_row (DomaineSpfBuilder *self, OvhSpfTerm *term)
{
  const char *qualifier_names[] = { _ ("Pass"), _ ("Fail"), _ ("Soft fail"), _ ("Neutral"), NULL };
  const char *kind_names[G_N_ELEMENTS (row_kinds) + 1] = { NULL };
  MechanismRow *row = g_new0 (MechanismRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *list_box = gtk_widget_get_parent (GTK_WIDGET (self->all_row));
  guint kind_position = 0;
  g_autofree char *argument = term != NULL ? ovh_spf_term_dup_argument (term) : g_strdup ("");

  for (guint i = 0; i < G_N_ELEMENTS (row_kinds); i++)
    {
      kind_names[i] = ovh_spf_kind_get_name (row_kinds[i]);
      if (term != NULL && term->kind == row_kinds[i])
        kind_position = i;
    }

  row->builder = self;
  row->term = term;
  row->row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  row->qualifier
      = drop_down_new (qualifier_names, term != NULL ? qualifier_position (term->qualifier) : 0);
  row->kind = drop_down_new (kind_names, kind_position);
  gtk_size_group_add_widget (self->qualifier_sizes, row->qualifier);
  gtk_size_group_add_widget (self->kind_sizes, row->kind);
  row->entry = gtk_entry_new ();
  gtk_widget_set_hexpand (row->entry, TRUE);
  gtk_widget_set_valign (row->entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->entry), 8);
  gtk_editable_set_text (GTK_EDITABLE (row->entry), argument);
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->entry),
                                  placeholder_for (row_kinds[kind_position]));
  row->remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (row->remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->remove, _ ("Remove Mechanism"));
  gtk_widget_add_css_class (row->remove, "flat");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), row->qualifier);
  gtk_box_append (GTK_BOX (box), row->kind);
  gtk_box_append (GTK_BOX (box), row->entry);
  gtk_box_append (GTK_BOX (box), row->remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);

  g_signal_connect_swapped (row->qualifier, "notify::selected",
                            G_CALLBACK (mechanism_row_changed_cb), row);
  g_signal_connect_swapped (row->kind, "notify::selected", G_CALLBACK (mechanism_row_changed_cb),
                            row);
  g_signal_connect_swapped (row->entry, "changed", G_CALLBACK (mechanism_row_changed_cb), row);
  g_signal_connect_swapped (row->remove, "clicked", G_CALLBACK (remove_clicked_cb), row);

  /* After the status row and the rows before it, before "all" and redirect. */
  gtk_list_box_insert (GTK_LIST_BOX (list_box), row->row, 1 + (int) self->rows->len);
  g_ptr_array_add (self->rows, row);
  number_rows (self);
  return row;
}

static void
add_mechanism_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineSpfBuilder *self = DOMAINE_SPF_BUILDER (widget);
  MechanismRow *row = add_row (self, NULL);

  /* Staged in the value once what is typed makes a valid mechanism. */
  gtk_widget_grab_focus (row->entry);
}

/* "all" and redirect -------------------------------------------------------------------- */

static void
all_changed_cb (DomaineSpfBuilder *self)
{
  guint position = adw_combo_row_get_selected (self->all_row);
  OvhSpfTerm *old = ovh_spf_policy_find (self->policy, OVH_SPF_KIND_ALL);
  OvhSpfTerm *term = NULL;

  if (self->updating)
    return;
  if (position != ALL_NOT_STATED)
    term = ovh_spf_term_new_from_argument (qualifier_at (position - 1, old), OVH_SPF_KIND_ALL, "",
                                           NULL);
  replace_term (self, old, term);
  commit (self);
}

static void
redirect_changed_cb (DomaineSpfBuilder *self)
{
  g_autofree char *text
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->redirect_row))));
  OvhSpfTerm *old = ovh_spf_policy_find (self->policy, OVH_SPF_KIND_REDIRECT);
  g_autoptr (GError) error = NULL;
  OvhSpfTerm *term = NULL;

  if (self->updating)
    return;
  if (text[0] != '\0')
    {
      term = ovh_spf_term_new_from_argument (OVH_SPF_QUALIFIER_NONE, OVH_SPF_KIND_REDIRECT, text,
                                             &error);
      show_term_error (GTK_WIDGET (self->redirect_row), error);
      if (term == NULL)
        return;
    }
  show_term_error (GTK_WIDGET (self->redirect_row), NULL);
  if (term != NULL && old == NULL)
    g_ptr_array_add (ovh_spf_policy_get_terms (self->policy), term);
  else
    replace_term (self, old, term);
  commit (self);
}

/* From the text ------------------------------------------------------------------------- */

static void
show_policy (DomaineSpfBuilder *self)
{
  GPtrArray *terms = ovh_spf_policy_get_terms (self->policy);
  OvhSpfTerm *all = ovh_spf_policy_find (self->policy, OVH_SPF_KIND_ALL);
  OvhSpfTerm *redirect = ovh_spf_policy_find (self->policy, OVH_SPF_KIND_REDIRECT);

  self->updating = TRUE;
  remove_rows_from (self, 0);
  for (guint i = 0; i < terms->len; i++)
    {
      OvhSpfTerm *term = terms->pdata[i];

      if (ovh_spf_kind_is_mechanism (term->kind) && term->kind != OVH_SPF_KIND_ALL)
        add_row (self, term);
    }
  adw_combo_row_set_selected (self->all_row, all != NULL ? 1 + qualifier_position (all->qualifier)
                                                         : ALL_NOT_STATED);
  gtk_editable_set_text (GTK_EDITABLE (self->redirect_row),
                         redirect != NULL ? redirect->value : "");
  show_term_error (GTK_WIDGET (self->redirect_row), NULL);
  self->updating = FALSE;
}

static void
set_parsed (DomaineSpfBuilder *self, gboolean parsed, const GError *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), !parsed);
  if (error != NULL)
    adw_action_row_set_subtitle (self->status_row, error->message);
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_set_sensitive (((MechanismRow *) self->rows->pdata[i])->row, parsed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->all_row), parsed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->redirect_row), parsed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spf-builder.add-mechanism", parsed);

  if (self->parsed == parsed)
    return;
  self->parsed = parsed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARSED]);
}

void
domaine_spf_builder_set_value (DomaineSpfBuilder *self, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhSpfPolicy) policy = NULL;
  g_autofree char *stripped = NULL;

  g_return_if_fail (DOMAINE_IS_SPF_BUILDER (self));

  if (value == NULL)
    value = "";
  /* The text this builder just wrote, coming back: the rows are already right (and one of
   * them may have the focus). */
  if (g_strcmp0 (value, self->value) == 0)
    return;
  g_free (self->value);
  self->value = g_strdup (value);

  stripped = g_strstrip (g_strdup (value));
  policy = stripped[0] == '\0' ? ovh_spf_policy_new () : ovh_spf_policy_parse (value, &error);
  if (policy != NULL)
    {
      g_clear_pointer (&self->policy, ovh_spf_policy_free);
      self->policy = g_steal_pointer (&policy);
      show_policy (self);
    }
  set_parsed (self, error == NULL, error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
domaine_spf_builder_get_value (DomaineSpfBuilder *self)
{
  g_return_val_if_fail (DOMAINE_IS_SPF_BUILDER (self), NULL);
  return self->value;
}

gboolean
domaine_spf_builder_get_parsed (DomaineSpfBuilder *self)
{
  g_return_val_if_fail (DOMAINE_IS_SPF_BUILDER (self), FALSE);
  return self->parsed;
}

/* GObject ------------------------------------------------------------------------------- */

static void
domaine_spf_builder_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineSpfBuilder *self = DOMAINE_SPF_BUILDER (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_PARSED:
      g_value_set_boolean (value, self->parsed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_spf_builder_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  DomaineSpfBuilder *self = DOMAINE_SPF_BUILDER (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      domaine_spf_builder_set_value (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_spf_builder_dispose (GObject *object)
{
  DomaineSpfBuilder *self = DOMAINE_SPF_BUILDER (object);

  self->updating = TRUE;
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_SPF_BUILDER);
  G_OBJECT_CLASS (domaine_spf_builder_parent_class)->dispose (object);
}

static void
domaine_spf_builder_finalize (GObject *object)
{
  DomaineSpfBuilder *self = DOMAINE_SPF_BUILDER (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->qualifier_sizes);
  g_clear_object (&self->kind_sizes);
  g_clear_pointer (&self->policy, ovh_spf_policy_free);
  g_free (self->value);
  G_OBJECT_CLASS (domaine_spf_builder_parent_class)->finalize (object);
}

static void
domaine_spf_builder_class_init (DomaineSpfBuilderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = domaine_spf_builder_get_property;
  object_class->set_property = domaine_spf_builder_set_property;
  object_class->dispose = domaine_spf_builder_dispose;
  object_class->finalize = domaine_spf_builder_finalize;

  properties[PROP_VALUE]
      = g_param_spec_string ("value", NULL, NULL, "",
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARSED] = g_param_spec_boolean ("parsed", NULL, NULL, TRUE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/zone/domaine-spf-builder.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineSpfBuilder, status_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineSpfBuilder, all_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineSpfBuilder, redirect_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineSpfBuilder, add_button);
  gtk_widget_class_install_action (widget_class, "spf-builder.add-mechanism", NULL,
                                   add_mechanism_action);
}

static void
domaine_spf_builder_init (DomaineSpfBuilder *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->value = g_strdup ("");
  self->policy = ovh_spf_policy_new ();
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mechanism_row_free);
  self->parsed = TRUE;
  self->qualifier_sizes = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->kind_sizes = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  g_signal_connect_swapped (self->all_row, "notify::selected", G_CALLBACK (all_changed_cb), self);
  g_signal_connect_swapped (self->redirect_row, "changed", G_CALLBACK (redirect_changed_cb), self);
}

GtkWidget *
domaine_spf_builder_new (void)
{
  return g_object_new (DOMAINE_TYPE_SPF_BUILDER, NULL);
}
