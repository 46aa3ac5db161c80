/* domaine-dmarc-builder.c: a DMARC policy as a few choices, two-way with its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy read by libovh (OvhDmarcPolicy) is the truth: a change in a row sets that one
 * tag, so the others (fo=, rf=, unknown tags, the spacing) are written back as they were. A
 * tag left at its default (pct=100, relaxed alignment) is not added.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-dmarc-builder.h"
#include "ovh-dmarc-policy.h"

static const char *const policies[] = { "none", "quarantine", "reject", NULL };
static const char *const alignments[] = { "r", "s", NULL };

struct _DomaineDmarcBuilder
{
  AdwPreferencesGroup parent_instance;

  char *value;
  OvhDmarcPolicy *policy;
  gboolean parsed;
  gboolean updating;

  /* Template children */
  AdwActionRow *status_row;
  AdwComboRow *policy_row;
  AdwComboRow *subdomain_row;
  AdwActionRow *percent_row;
  GtkSpinButton *percent_spin;
  AdwEntryRow *rua_row;
  AdwEntryRow *ruf_row;
  AdwComboRow *adkim_row;
  AdwComboRow *aspf_row;
};

G_DEFINE_FINAL_TYPE (DomaineDmarcBuilder, domaine_dmarc_builder, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_VALUE,
  PROP_PARSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
position_of (const char *const *choices, const char *value, guint fallback)
{
  for (guint i = 0; value != NULL && choices[i] != NULL; i++)
    if (g_str_equal (choices[i], value))
      return i;
  return fallback;
}

/* Sets tag @name to @value (NULL removes it) if the policy stays valid; otherwise @row shows
 * why and nothing changes. */
static void
set_tag (DomaineDmarcBuilder *self, GtkWidget *row, const char *name, const char *value)
{
  g_autoptr (OvhDmarcPolicy) candidate = NULL;
  g_autoptr (OvhDmarcPolicy) checked = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->updating)
    return;

  candidate = ovh_dmarc_policy_copy (self->policy);
  ovh_dmarc_policy_set (candidate, name, value);
  text = ovh_dmarc_policy_format (candidate);
  checked = ovh_dmarc_policy_parse (text, &error);
  if (error != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, error != NULL ? error->message : NULL);
  if (checked == NULL)
    return;

  g_clear_pointer (&self->policy, ovh_dmarc_policy_free);
  self->policy = g_steal_pointer (&candidate);
  if (g_strcmp0 (text, self->value) == 0)
    return;
  g_free (self->value);
  self->value = g_steal_pointer (&text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
policy_changed_cb (DomaineDmarcBuilder *self)
{
  guint position = adw_combo_row_get_selected (self->policy_row);

  if (position < G_N_ELEMENTS (policies) - 1)
    set_tag (self, GTK_WIDGET (self->policy_row), "p", policies[position]);
}

static void
subdomain_changed_cb (DomaineDmarcBuilder *self)
{
  guint position = adw_combo_row_get_selected (self->subdomain_row);

  /* First: the same as the domain, no "sp=". */
  if (position == 0)
    set_tag (self, GTK_WIDGET (self->subdomain_row), "sp", NULL);
  else if (position < G_N_ELEMENTS (policies))
    set_tag (self, GTK_WIDGET (self->subdomain_row), "sp", policies[position - 1]);
}

static void
percent_changed_cb (DomaineDmarcBuilder *self)
{
  guint percent = (guint) gtk_spin_button_get_value_as_int (self->percent_spin);
  g_autofree char *text = g_strdup_printf ("%u", percent);

  if (percent == 100 && ovh_dmarc_policy_get (self->policy, "pct") == NULL)
    return;
  set_tag (self, GTK_WIDGET (self->percent_row), "pct", text);
}

static void
reports_changed (DomaineDmarcBuilder *self, AdwEntryRow *row, const char *name)
{
  g_autofree char *uris = ovh_dmarc_addresses_to_uris (gtk_editable_get_text (GTK_EDITABLE (row)));

  set_tag (self, GTK_WIDGET (row), name, uris[0] != '\0' ? uris : NULL);
}

static void
rua_changed_cb (DomaineDmarcBuilder *self)
{
  reports_changed (self, self->rua_row, "rua");
}

static void
ruf_changed_cb (DomaineDmarcBuilder *self)
{
  reports_changed (self, self->ruf_row, "ruf");
}

static void
alignment_changed (DomaineDmarcBuilder *self, AdwComboRow *row, const char *name)
{
  guint position = adw_combo_row_get_selected (row);

  /* Relaxed is the default: left unsaid unless it was said. */
  if (position == 0 && ovh_dmarc_policy_get (self->policy, name) == NULL)
    return;
  if (position < G_N_ELEMENTS (alignments) - 1)
    set_tag (self, GTK_WIDGET (row), name, alignments[position]);
}

static void
adkim_changed_cb (DomaineDmarcBuilder *self)
{
  alignment_changed (self, self->adkim_row, "adkim");
}

static void
aspf_changed_cb (DomaineDmarcBuilder *self)
{
  alignment_changed (self, self->aspf_row, "aspf");
}

/* From the text ------------------------------------------------------------------------- */

static void
show_addresses (AdwEntryRow *row, const char *uris)
{
  g_autofree char *addresses = ovh_dmarc_uris_to_addresses (uris);
  g_autofree char *shown = ovh_dmarc_addresses_to_uris (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autofree char *wanted = ovh_dmarc_addresses_to_uris (addresses);

  /* The same addresses: the text as the person is typing it stays. */
  if (!g_str_equal (shown, wanted))
    gtk_editable_set_text (GTK_EDITABLE (row), addresses);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
}

static void
show_policy (DomaineDmarcBuilder *self)
{
  const char *sp = ovh_dmarc_policy_get (self->policy, "sp");
  const char *pct = ovh_dmarc_policy_get (self->policy, "pct");

  self->updating = TRUE;
  adw_combo_row_set_selected (self->policy_row,
                              position_of (policies, ovh_dmarc_policy_get (self->policy, "p"), 0));
  adw_combo_row_set_selected (self->subdomain_row,
                              sp != NULL ? 1 + position_of (policies, sp, 0) : 0);
  gtk_spin_button_set_value (self->percent_spin, pct != NULL ? g_ascii_strtod (pct, NULL) : 100);
  show_addresses (self->rua_row, ovh_dmarc_policy_get (self->policy, "rua"));
  show_addresses (self->ruf_row, ovh_dmarc_policy_get (self->policy, "ruf"));
  adw_combo_row_set_selected (
      self->adkim_row, position_of (alignments, ovh_dmarc_policy_get (self->policy, "adkim"), 0));
  adw_combo_row_set_selected (
      self->aspf_row, position_of (alignments, ovh_dmarc_policy_get (self->policy, "aspf"), 0));
  self->updating = FALSE;
}

static void
set_parsed (DomaineDmarcBuilder *self, gboolean parsed, const GError *error)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->policy_row),  GTK_WIDGET (self->subdomain_row),
                        GTK_WIDGET (self->percent_row), GTK_WIDGET (self->rua_row),
                        GTK_WIDGET (self->ruf_row),     GTK_WIDGET (self->adkim_row),
                        GTK_WIDGET (self->aspf_row) };

  gtk_widget_set_visible (GTK_WIDGET (self->status_row), !parsed);
  if (error != NULL)
    adw_action_row_set_subtitle (self->status_row, error->message);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_sensitive (rows[i], parsed);

  if (self->parsed == parsed)
    return;
  self->parsed = parsed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARSED]);
}

void
domaine_dmarc_builder_set_value (DomaineDmarcBuilder *self, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDmarcPolicy) policy = NULL;
  g_autofree char *stripped = NULL;

  g_return_if_fail (DOMAINE_IS_DMARC_BUILDER (self));

  if (value == NULL)
    value = "";
  /* The text this builder just wrote, coming back: the rows are already right. */
  if (g_strcmp0 (value, self->value) == 0)
    return;
  g_free (self->value);
  self->value = g_strdup (value);

  stripped = g_strstrip (g_strdup (value));
  policy = stripped[0] == '\0' ? ovh_dmarc_policy_new () : ovh_dmarc_policy_parse (value, &error);
  if (policy != NULL)
    {
      g_clear_pointer (&self->policy, ovh_dmarc_policy_free);
      self->policy = g_steal_pointer (&policy);
      show_policy (self);
    }
  set_parsed (self, error == NULL, error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
domaine_dmarc_builder_get_value (DomaineDmarcBuilder *self)
{
  g_return_val_if_fail (DOMAINE_IS_DMARC_BUILDER (self), NULL);
  return self->value;
}

gboolean
domaine_dmarc_builder_get_parsed (DomaineDmarcBuilder *self)
{
  g_return_val_if_fail (DOMAINE_IS_DMARC_BUILDER (self), FALSE);
  return self->parsed;
}

/* GObject ------------------------------------------------------------------------------- */

static void
domaine_dmarc_builder_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  DomaineDmarcBuilder *self = DOMAINE_DMARC_BUILDER (object);

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
domaine_dmarc_builder_set_property (GObject *object,
                                    guint prop_id,
                                    const GValue *value,
                                    GParamSpec *pspec)
{
  DomaineDmarcBuilder *self = DOMAINE_DMARC_BUILDER (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      domaine_dmarc_builder_set_value (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_dmarc_builder_dispose (GObject *object)
{
  DomaineDmarcBuilder *self = DOMAINE_DMARC_BUILDER (object);

  self->updating = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_DMARC_BUILDER);
  G_OBJECT_CLASS (domaine_dmarc_builder_parent_class)->dispose (object);
}

static void
domaine_dmarc_builder_finalize (GObject *object)
{
  DomaineDmarcBuilder *self = DOMAINE_DMARC_BUILDER (object);

  g_clear_pointer (&self->policy, ovh_dmarc_policy_free);
  g_free (self->value);
  G_OBJECT_CLASS (domaine_dmarc_builder_parent_class)->finalize (object);
}

static void
domaine_dmarc_builder_class_init (DomaineDmarcBuilderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = domaine_dmarc_builder_get_property;
  object_class->set_property = domaine_dmarc_builder_set_property;
  object_class->dispose = domaine_dmarc_builder_dispose;
  object_class->finalize = domaine_dmarc_builder_finalize;

  properties[PROP_VALUE]
      = g_param_spec_string ("value", NULL, NULL, "",
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARSED] = g_param_spec_boolean ("parsed", NULL, NULL, TRUE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/zone/domaine-dmarc-builder.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineDmarcBuilder, status_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDmarcBuilder, policy_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDmarcBuilder, subdomain_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDmarcBuilder, percent_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDmarcBuilder, percent_spin);
  gtk_widget_class_bind_template_child (widget_class, DomaineDmarcBuilder, rua_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDmarcBuilder, ruf_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDmarcBuilder, adkim_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDmarcBuilder, aspf_row);
}

static void
domaine_dmarc_builder_init (DomaineDmarcBuilder *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->value = g_strdup ("");
  self->policy = ovh_dmarc_policy_new ();
  self->parsed = TRUE;

  g_signal_connect_swapped (self->policy_row, "notify::selected", G_CALLBACK (policy_changed_cb),
                            self);
  g_signal_connect_swapped (self->subdomain_row, "notify::selected",
                            G_CALLBACK (subdomain_changed_cb), self);
  g_signal_connect_swapped (self->percent_spin, "value-changed", G_CALLBACK (percent_changed_cb),
                            self);
  g_signal_connect_swapped (self->rua_row, "changed", G_CALLBACK (rua_changed_cb), self);
  g_signal_connect_swapped (self->ruf_row, "changed", G_CALLBACK (ruf_changed_cb), self);
  g_signal_connect_swapped (self->adkim_row, "notify::selected", G_CALLBACK (adkim_changed_cb),
                            self);
  g_signal_connect_swapped (self->aspf_row, "notify::selected", G_CALLBACK (aspf_changed_cb), self);
}

GtkWidget *
domaine_dmarc_builder_new (void)
{
  return g_object_new (DOMAINE_TYPE_DMARC_BUILDER, NULL);
}
