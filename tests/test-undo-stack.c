/* test-undo-stack.c: every kind of staged change undone and redone, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "domaine-undo-stack.h"
#include "ovh-record-loader.h"
#include "test-fixture.h"

#define ZONE "lovelace.fr"

typedef struct
{
  OvhZone *zone;
  OvhChangeset *changeset;
  DomaineUndoStack *stack;
  guint n_can_undo_notifies;
  guint n_can_redo_notifies;
  guint n_items_changed;
} Edit;

static void
count_notify_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, Edit *edit)
{
  edit->n_items_changed++;
}

static void
edit_open (OvhTestFixture *fixture, Edit *edit)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  ovh_record_loader_forget_all ();
  edit->zone = ovh_zone_new (fixture->client, ZONE);
  ovh_zone_set_cache_enabled (edit->zone, FALSE);
  ovh_zone_load_async (edit->zone, OVH_ZONE_LOAD_DEFAULT, NULL, ovh_test_store_result, &result);
  g_assert_true (ovh_zone_load_finish (edit->zone, ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
  edit->changeset = ovh_changeset_new (edit->zone);
  edit->stack = domaine_undo_stack_new (edit->changeset);
  g_signal_connect (edit->stack, "notify::can-undo", G_CALLBACK (count_notify_cb),
                    &edit->n_can_undo_notifies);
  g_signal_connect (edit->stack, "notify::can-redo", G_CALLBACK (count_notify_cb),
                    &edit->n_can_redo_notifies);
  g_signal_connect (edit->stack, "items-changed", G_CALLBACK (items_changed_cb), edit);
}

static void
edit_close (Edit *edit)
{
  g_assert_finalize_object (g_steal_pointer (&edit->stack));
  g_assert_finalize_object (g_steal_pointer (&edit->changeset));
  g_assert_finalize_object (g_steal_pointer (&edit->zone));
}

static OvhRecord *
find (OvhZone *zone, const char *sub_domain, const char *type)
{
  GListModel *records = ovh_zone_get_records (zone);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (OvhRecord) record = g_list_model_get_item (records, i);

      if (g_str_equal (ovh_record_get_sub_domain (record), sub_domain)
          && g_str_equal (ovh_record_get_field_type (record), type))
        return record; /* the model keeps it alive */
    }
  g_assert_not_reached ();
  return NULL;
}

/* The one staged create, or NULL. */
static OvhChange *
find_create (Edit *edit)
{
  GListModel *changes = ovh_changeset_get_changes (edit->changeset);
  OvhChange *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);

      if (ovh_change_get_kind (change) == OVH_CHANGE_KIND_CREATE)
        {
          g_assert_null (found);
          found = change; /* the changeset keeps it */
        }
    }
  return found;
}

static void
assert_labels (Edit *edit, const char *undo_label, const char *redo_label)
{
  g_assert_cmpstr (domaine_undo_stack_get_undo_label (edit->stack), ==, undo_label);
  g_assert_cmpstr (domaine_undo_stack_get_redo_label (edit->stack), ==, redo_label);
  g_assert_cmpint (domaine_undo_stack_get_can_undo (edit->stack), ==, undo_label != NULL);
  g_assert_cmpint (domaine_undo_stack_get_can_redo (edit->stack), ==, redo_label != NULL);
}

static void
test_create (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (OvhRecord) record = ovh_record_new (ZONE, "api", "A", "192.0.2.10", 0);
  g_autoptr (OvhRecord) other = ovh_record_new (ZONE, "api", "A", "192.0.2.11", 0);
  g_autoptr (GError) error = NULL;
  OvhChange *change;

  edit_open (fixture, &edit);
  assert_labels (&edit, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (edit.stack)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (edit.stack)) == DOMAINE_TYPE_UNDO_STEP);

  change = domaine_undo_stack_stage_create (edit.stack, record, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  assert_labels (&edit, "Add api A record", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (edit.stack)), ==, 1);
  {
    g_autoptr (DomaineUndoStep) step = g_list_model_get_item (G_LIST_MODEL (edit.stack), 0);
    g_autofree char *label = NULL;

    g_object_get (step, "label", &label, NULL);
    g_assert_cmpstr (label, ==, "Add api A record");
    g_assert_cmpstr (domaine_undo_step_get_label (step), ==, "Add api A record");
  }

  /* Edited again before publishing: a step of its own. */
  g_assert_true (domaine_undo_stack_restage (edit.stack, change, other, &error));
  g_assert_no_error (error);
  assert_labels (&edit, "Edit api A record", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (edit.stack)), ==, 2);

  g_assert_true (domaine_undo_stack_undo (edit.stack));
  g_assert_cmpstr (ovh_record_get_target (ovh_change_get_after (find_create (&edit))), ==,
                   "192.0.2.10");
  assert_labels (&edit, "Add api A record", "Edit api A record");

  g_assert_true (domaine_undo_stack_undo (edit.stack));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);
  assert_labels (&edit, NULL, "Add api A record");
  g_assert_false (domaine_undo_stack_undo (edit.stack));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (edit.stack)), ==, 0);

  /* Redo stages it again (a new change), and the edit follows it. */
  g_assert_true (domaine_undo_stack_redo (edit.stack));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 1);
  g_assert_cmpstr (ovh_record_get_target (ovh_change_get_after (find_create (&edit))), ==,
                   "192.0.2.10");
  g_assert_true (domaine_undo_stack_redo (edit.stack));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 1);
  g_assert_cmpstr (ovh_record_get_target (ovh_change_get_after (find_create (&edit))), ==,
                   "192.0.2.11");
  assert_labels (&edit, "Edit api A record", NULL);
  g_assert_false (domaine_undo_stack_redo (edit.stack));

  /* Deleting the new record is a discard, undone like the rest. */
  g_assert_true (domaine_undo_stack_discard (edit.stack, find_create (&edit)));
  assert_labels (&edit, "Delete api A record", NULL);
  g_assert_null (find_create (&edit));
  g_assert_true (domaine_undo_stack_undo (edit.stack));
  g_assert_cmpstr (ovh_record_get_target (ovh_change_get_after (find_create (&edit))), ==,
                   "192.0.2.11");
  g_assert_true (domaine_undo_stack_undo (edit.stack));
  g_assert_true (domaine_undo_stack_undo (edit.stack));
  g_assert_null (find_create (&edit));
  assert_labels (&edit, NULL, "Add api A record");

  /* A new step drops what could be redone. */
  g_assert_nonnull (domaine_undo_stack_stage_create (edit.stack, other, &error));
  assert_labels (&edit, "Add api A record", NULL);

  edit_close (&edit);
}

/* A copy of @record with another target. */
static OvhRecord *
with_target (OvhRecord *record, const char *target)
{
  OvhRecord *copy = ovh_record_dup (record);

  ovh_record_set_target (copy, target);
  return copy;
}

static void
test_update (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  OvhRecord *www;
  g_autoptr (OvhRecord) first = NULL;
  g_autoptr (OvhRecord) second = NULL;
  g_autoptr (GError) error = NULL;
  guint64 id;

  edit_open (fixture, &edit);
  www = find (edit.zone, "www", "CNAME");
  id = ovh_record_get_id (www);
  first = with_target (www, "first.example.");
  second = with_target (www, "second.example.");

  g_assert_nonnull (domaine_undo_stack_stage_update (edit.stack, id, first, &error));
  g_assert_no_error (error);
  assert_labels (&edit, "Edit www CNAME record", NULL);
  /* An update of an update merges in the changeset, and is still a step of its own. */
  g_assert_nonnull (domaine_undo_stack_stage_update (edit.stack, id, second, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (edit.stack)), ==, 2);
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 1);

  g_assert_true (domaine_undo_stack_undo (edit.stack));
  g_assert_cmpstr (
      ovh_record_get_target (ovh_change_get_after (ovh_changeset_lookup (edit.changeset, id))), ==,
      "first.example.");
  g_assert_true (domaine_undo_stack_undo (edit.stack));
  g_assert_null (ovh_changeset_lookup (edit.changeset, id));
  assert_labels (&edit, NULL, "Edit www CNAME record");

  g_assert_true (domaine_undo_stack_redo (edit.stack));
  g_assert_true (domaine_undo_stack_redo (edit.stack));
  g_assert_cmpstr (
      ovh_record_get_target (ovh_change_get_after (ovh_changeset_lookup (edit.changeset, id))), ==,
      "second.example.");

  /* Back to what OVH has: the update goes, and that too can be undone. */
  g_assert_null (domaine_undo_stack_stage_update (edit.stack, id, www, &error));
  g_assert_no_error (error);
  g_assert_null (ovh_changeset_lookup (edit.changeset, id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (edit.stack)), ==, 3);
  g_assert_true (domaine_undo_stack_undo (edit.stack));
  g_assert_nonnull (ovh_changeset_lookup (edit.changeset, id));

  /* A refused update leaves no step. */
  {
    g_autoptr (OvhRecord) retyped = ovh_record_new (ZONE, "www", "A", "192.0.2.1", 0);

    g_assert_null (domaine_undo_stack_stage_update (edit.stack, id, retyped, &error));
    g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_TYPE_CHANGE);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (edit.stack)), ==, 2);
  }

  edit_close (&edit);
}

static void
test_delete_and_group (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  guint64 www_id, autoconfig_id;
  g_autoptr (OvhRecord) edited = NULL;
  g_autoptr (GError) error = NULL;

  edit_open (fixture, &edit);
  www_id = ovh_record_get_id (find (edit.zone, "www", "CNAME"));
  autoconfig_id = ovh_record_get_id (find (edit.zone, "autoconfig", "CNAME"));

  g_assert_nonnull (domaine_undo_stack_stage_delete (edit.stack, www_id, &error));
  g_assert_no_error (error);
  assert_labels (&edit, "Delete www CNAME record", NULL);
  g_assert_true (domaine_undo_stack_undo (edit.stack));
  g_assert_null (ovh_changeset_lookup (edit.changeset, www_id));
  g_assert_true (domaine_undo_stack_redo (edit.stack));
  g_assert_cmpint (ovh_change_get_kind (ovh_changeset_lookup (edit.changeset, www_id)), ==,
                   OVH_CHANGE_KIND_DELETE);
  g_assert_true (domaine_undo_stack_undo (edit.stack));

  /* A delete replaces a staged update: undo brings the update back. */
  edited = with_target (find (edit.zone, "autoconfig", "CNAME"), "other.example.");
  g_assert_nonnull (domaine_undo_stack_stage_update (edit.stack, autoconfig_id, edited, &error));

  domaine_undo_stack_begin_group (edit.stack);
  g_assert_nonnull (domaine_undo_stack_stage_delete (edit.stack, www_id, &error));
  g_assert_nonnull (domaine_undo_stack_stage_delete (edit.stack, autoconfig_id, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (edit.stack)), ==, 1);
  domaine_undo_stack_end_group (edit.stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (edit.stack)), ==, 2);
  assert_labels (&edit, "Delete 2 records", NULL);
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 2);

  g_assert_true (domaine_undo_stack_undo (edit.stack));
  g_assert_null (ovh_changeset_lookup (edit.changeset, www_id));
  g_assert_cmpint (ovh_change_get_kind (ovh_changeset_lookup (edit.changeset, autoconfig_id)), ==,
                   OVH_CHANGE_KIND_UPDATE);
  g_assert_cmpstr (ovh_record_get_target (
                       ovh_change_get_after (ovh_changeset_lookup (edit.changeset, autoconfig_id))),
                   ==, "other.example.");
  assert_labels (&edit, "Edit autoconfig CNAME record", "Delete 2 records");

  /* An empty group leaves no step. */
  domaine_undo_stack_begin_group (edit.stack);
  domaine_undo_stack_end_group (edit.stack);
  assert_labels (&edit, "Edit autoconfig CNAME record", "Delete 2 records");

  g_assert_true (domaine_undo_stack_redo (edit.stack));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 2);
  g_assert_cmpint (ovh_change_get_kind (ovh_changeset_lookup (edit.changeset, autoconfig_id)), ==,
                   OVH_CHANGE_KIND_DELETE);

  edit_close (&edit);
}

static void
test_change_type (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  OvhRecord *spf;
  g_autoptr (OvhRecord) txt = NULL;
  g_autoptr (OvhRecord) txt2 = NULL;
  g_autoptr (GError) error = NULL;
  OvhChange *create;
  guint64 id;

  edit_open (fixture, &edit);
  spf = find (edit.zone, "", "SPF");
  id = ovh_record_get_id (spf);
  txt = ovh_record_new (ZONE, "", "TXT", ovh_record_get_target (spf), 0);
  txt2 = ovh_record_new (ZONE, "", "TXT", "v=spf1 -all", 0);

  create = domaine_undo_stack_stage_change_type (edit.stack, id, txt, &error);
  g_assert_no_error (error);
  g_assert_nonnull (create);
  assert_labels (&edit, "Change @ SPF record to TXT", NULL);
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 2);

  /* The new half edited again: a step on the same record. */
  g_assert_true (domaine_undo_stack_restage (edit.stack, create, txt2, &error));
  g_assert_no_error (error);
  assert_labels (&edit, "Edit @ TXT record", NULL);

  g_assert_true (domaine_undo_stack_undo (edit.stack));
  g_assert_cmpstr (ovh_record_get_target (ovh_change_get_after (find_create (&edit))), ==,
                   ovh_record_get_target (spf));
  g_assert_true (domaine_undo_stack_undo (edit.stack));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);
  g_assert_null (find_create (&edit));

  g_assert_true (domaine_undo_stack_redo (edit.stack));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 2);
  create = find_create (&edit);
  g_assert_cmpuint (ovh_change_get_replaces_id (create), ==, id);
  g_assert_cmpstr (ovh_record_get_field_type (ovh_change_get_after (create)), ==, "TXT");
  g_assert_true (domaine_undo_stack_redo (edit.stack));
  g_assert_cmpstr (ovh_record_get_target (ovh_change_get_after (find_create (&edit))), ==,
                   "v=spf1 -all");

  edit_close (&edit);
}

static void
test_discard (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  OvhRecord *www;
  g_autoptr (OvhRecord) edited = NULL;
  g_autoptr (GError) error = NULL;
  guint64 id;

  edit_open (fixture, &edit);
  www = find (edit.zone, "www", "CNAME");
  id = ovh_record_get_id (www);
  edited = with_target (www, "elsewhere.example.");

  /* Changes staged behind the stack's back (restored from disk) are no step. */
  g_assert_nonnull (ovh_changeset_stage_update (edit.changeset, id, edited, &error));
  assert_labels (&edit, NULL, NULL);

  g_assert_true (
      domaine_undo_stack_discard (edit.stack, ovh_changeset_lookup (edit.changeset, id)));
  assert_labels (&edit, "Discard change to www CNAME record", NULL);
  g_assert_null (ovh_changeset_lookup (edit.changeset, id));

  g_assert_true (domaine_undo_stack_undo (edit.stack));
  g_assert_cmpstr (
      ovh_record_get_target (ovh_change_get_after (ovh_changeset_lookup (edit.changeset, id))), ==,
      "elsewhere.example.");
  g_assert_true (domaine_undo_stack_redo (edit.stack));
  g_assert_null (ovh_changeset_lookup (edit.changeset, id));

  /* Discarding a type change discards both halves; undo brings both back. */
  {
    OvhRecord *spf = find (edit.zone, "", "SPF");
    g_autoptr (OvhRecord) txt = ovh_record_new (ZONE, "", "TXT", "v=spf1 -all", 0);
    OvhChange *create
        = domaine_undo_stack_stage_change_type (edit.stack, ovh_record_get_id (spf), txt, &error);

    g_assert_nonnull (create);
    g_assert_true (domaine_undo_stack_discard (edit.stack, create));
    assert_labels (&edit, "Discard change to @ TXT record", NULL);
    g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);
    g_assert_true (domaine_undo_stack_undo (edit.stack));
    g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 2);
    g_assert_nonnull (find_create (&edit));
  }

  edit_close (&edit);
}

static void
test_notifications (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  guint64 id;
  g_autoptr (GError) error = NULL;

  edit_open (fixture, &edit);
  id = ovh_record_get_id (find (edit.zone, "www", "CNAME"));

  domaine_undo_stack_stage_delete (edit.stack, id, &error);
  g_assert_cmpuint (edit.n_can_undo_notifies, ==, 1);
  g_assert_cmpuint (edit.n_can_redo_notifies, ==, 0);
  g_assert_cmpuint (edit.n_items_changed, ==, 1);

  /* Only when they flip. */
  domaine_undo_stack_stage_delete (
      edit.stack, ovh_record_get_id (find (edit.zone, "autoconfig", "CNAME")), &error);
  g_assert_cmpuint (edit.n_can_undo_notifies, ==, 1);
  g_assert_cmpuint (edit.n_items_changed, ==, 2);

  domaine_undo_stack_undo (edit.stack);
  g_assert_cmpuint (edit.n_can_undo_notifies, ==, 1);
  g_assert_cmpuint (edit.n_can_redo_notifies, ==, 1);
  domaine_undo_stack_undo (edit.stack);
  g_assert_cmpuint (edit.n_can_undo_notifies, ==, 2);
  g_assert_cmpuint (edit.n_can_redo_notifies, ==, 1);
  g_assert_cmpuint (edit.n_items_changed, ==, 4);

  /* Staging drops the redo history. */
  domaine_undo_stack_stage_delete (edit.stack, id, &error);
  g_assert_cmpuint (edit.n_can_undo_notifies, ==, 3);
  g_assert_cmpuint (edit.n_can_redo_notifies, ==, 2);

  domaine_undo_stack_clear (edit.stack);
  g_assert_cmpuint (edit.n_can_undo_notifies, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (edit.stack)), ==, 0);
  assert_labels (&edit, NULL, NULL);
  /* The change itself stays staged. */
  g_assert_nonnull (ovh_changeset_lookup (edit.changeset, id));

  edit_close (&edit);
}

static void
test_publish_clears (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (OvhRecord) record = ovh_record_new (ZONE, "undo", "A", "192.0.2.20", 0);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  guint64 id;

  edit_open (fixture, &edit);
  id = ovh_record_get_id (find (edit.zone, "www", "CNAME"));
  g_assert_nonnull (domaine_undo_stack_stage_create (edit.stack, record, &error));
  g_assert_nonnull (domaine_undo_stack_stage_delete (edit.stack, id, &error));
  g_assert_true (domaine_undo_stack_undo (edit.stack));
  assert_labels (&edit, "Add undo A record", "Delete www CNAME record");

  ovh_changeset_apply_async (edit.changeset, NULL, ovh_test_store_result, &result);
  /* From the moment it is sent, nothing is offered. */
  g_assert_true (ovh_changeset_get_busy (edit.changeset));
  assert_labels (&edit, NULL, NULL);
  g_assert_false (domaine_undo_stack_undo (edit.stack));
  g_assert_true (
      ovh_changeset_apply_finish (edit.changeset, ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
  assert_labels (&edit, NULL, NULL);
  g_assert_false (domaine_undo_stack_undo (edit.stack));
  g_assert_false (domaine_undo_stack_redo (edit.stack));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);

  g_clear_object (&result); /* it holds the changeset */
  edit_close (&edit);
}

/* One record as the pending-changes file holds it (JSON). */
static char *
saved_record (guint64 id, const char *name, const char *type, const char *target)
{
  return g_strdup_printf ("{\"id\":%" G_GUINT64_FORMAT
                          ",\"subDomain\":\"%s\",\"fieldType\":\"%s\",\"target\":\"%s\",\"ttl\":0}",
                          id, name, type, target);
}

/* Appends one change and a comma; before and after (NULL = null) are taken. */
static void
add_saved_change (GString *out,
                  const char *kind,
                  guint64 record_id,
                  guint64 replaces_id,
                  char *before,
                  char *after)
{
  g_string_append_printf (out,
                          "{\"kind\":\"%s\",\"recordId\":%" G_GUINT64_FORMAT
                          ",\"replacesId\":%" G_GUINT64_FORMAT ",\"before\":%s,\"after\":%s},",
                          kind, record_id, replaces_id, before != NULL ? before : "null",
                          after != NULL ? after : "null");
  g_free (before);
  g_free (after);
}

/* A saved file with two creates replacing one delete (and a change of an existing record
 * twice) is restored without what does not fit; discarding each restored change through the
 * stack, undoing and redoing it all, is safe (the second create used to be left linked to a
 * freed delete). */
static void
test_restored_inconsistent (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GString) contents = NULL;
  GListModel *changes;
  guint64 spf_id, www_id;
  guint n;

  edit_open (fixture, &edit);
  spf_id = ovh_record_get_id (find (edit.zone, "", "SPF"));
  www_id = ovh_record_get_id (find (edit.zone, "www", "CNAME"));

  contents = g_string_new ("{\"format\":1,\"zone\":\"" ZONE "\",\"changes\":[");
  add_saved_change (contents, "delete", spf_id, 0, saved_record (spf_id, "", "SPF", "v=spf1 -all"),
                    NULL);
  add_saved_change (contents, "create", 0, spf_id, NULL,
                    saved_record (0, "", "TXT", "v=spf1 -all"));
  add_saved_change (contents, "create", 0, spf_id, NULL, saved_record (0, "spf2", "TXT", "second"));
  add_saved_change (contents, "update", www_id, 0,
                    saved_record (www_id, "www", "CNAME", "lovelace.fr."),
                    saved_record (www_id, "www", "CNAME", "elsewhere.example."));
  add_saved_change (contents, "delete", www_id, 0,
                    saved_record (www_id, "www", "CNAME", "lovelace.fr."), NULL);
  g_string_truncate (contents, contents->len - 1); /* the last comma */
  g_string_append (contents, "]}");
  dir = g_dir_make_tmp ("domaine-undo-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "pending.json", NULL);
  g_assert_true (g_file_set_contents (path, contents->str, -1, &error));
  g_assert_true (ovh_changeset_load_from_file (edit.changeset, path, &error));
  g_assert_no_error (error);

  changes = ovh_changeset_get_changes (edit.changeset);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 4);
  assert_labels (&edit, NULL, NULL);

  /* One discard per change, from the last, as a person clicking would. */
  for (n = 0; g_list_model_get_n_items (changes) > 0; n++)
    {
      guint n_items = g_list_model_get_n_items (changes);
      g_autoptr (OvhChange) last = g_list_model_get_item (changes, n_items - 1);

      g_assert_true (domaine_undo_stack_discard (edit.stack, last));
      g_assert_cmpuint (g_list_model_get_n_items (changes), <, n_items);
    }
  for (guint i = 0; i < n; i++)
    g_assert_true (domaine_undo_stack_undo (edit.stack));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 4);
  for (guint i = 0; i < n; i++)
    g_assert_true (domaine_undo_stack_redo (edit.stack));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 0);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  edit_close (&edit);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ovh_test_add ("/undo-stack/create", test_create);
  ovh_test_add ("/undo-stack/update", test_update);
  ovh_test_add ("/undo-stack/delete-and-group", test_delete_and_group);
  ovh_test_add ("/undo-stack/change-type", test_change_type);
  ovh_test_add ("/undo-stack/discard", test_discard);
  ovh_test_add ("/undo-stack/notifications", test_notifications);
  ovh_test_add ("/undo-stack/publish-clears", test_publish_clears);
  ovh_test_add ("/undo-stack/restored-inconsistent", test_restored_inconsistent);

  return g_test_run ();
}
