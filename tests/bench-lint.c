/* bench-lint.c: lint of a 10,000-record zone, without DNS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a pass/fail test: `meson test -C BUILD --benchmark bench-lint` (or run the binary)
 * prints the figures: the whole zone's lint, and the record editor's lint of one record as
 * it is typed (ovh_lint_record, once per keystroke). Options: --records N, --runs N,
 * --keystrokes N.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ovh-lint.h"

static int n_records = 10000;
static int n_runs = 5;
static int n_keystrokes = 10;

/* The record editor linting an edit of one host's address, one keystroke at a time. */
static void
bench_keystrokes (GPtrArray *records)
{
  OvhRecord *edited = records->pdata[records->len / 2];
  g_autoptr (GString) typed = g_string_new ("203.0.113.");
  double total = 0, worst = 0;

  for (int key = 0; key < n_keystrokes; key++)
    {
      g_autoptr (OvhRecord) candidate = NULL;
      g_autoptr (GPtrArray) findings = NULL;
      gint64 start;
      double ms;

      g_string_append_c (typed, key == 0 ? '1' : '0' + key % 3);
      if (typed->len > strlen ("203.0.113.255"))
        g_string_truncate (typed, strlen ("203.0.113.1"));
      candidate = ovh_record_new ("bench.test", ovh_record_get_sub_domain (edited),
                                  ovh_record_get_field_type (edited), typed->str,
                                  ovh_record_get_ttl (edited));
      ovh_record_set_id (candidate, ovh_record_get_id (edited));
      start = g_get_monotonic_time ();
      findings = ovh_lint_record ("bench.test", records, candidate);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      total += ms;
      worst = MAX (worst, ms);
    }
  printf ("record editor lint of %u records, per keystroke (ovh_lint_record): mean %.1f ms, "
          "worst %.1f ms over %d keystrokes\n",
          records->len, total / n_keystrokes, worst, n_keystrokes);
}

/* A zone like a large hosting account's: hosts with addresses, aliases, mail, SPF, DKIM. */
static GPtrArray *
make_zone (void)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (records, ovh_record_new ("bench.test", "", "TXT",
                                            "v=spf1 include:_spf.bench.test mx -all", 0));
  g_ptr_array_add (
      records, ovh_record_new ("bench.test", "_spf", "TXT", "v=spf1 a ip4:192.0.2.0/24 ~all", 0));
  g_ptr_array_add (records, ovh_record_new ("bench.test", "_dmarc", "TXT", "v=DMARC1; p=none", 0));
  g_ptr_array_add (records, ovh_record_new ("bench.test", "*", "A", "192.0.2.1", 0));
  for (int i = 0; (int) records->len < n_records; i++)
    {
      g_autofree char *host = g_strdup_printf ("host%d", i);
      g_autofree char *alias = g_strdup_printf ("alias%d", i);
      g_autofree char *address = g_strdup_printf ("198.51.%d.%d", (i / 250) % 250, i % 250 + 1);
      g_autofree char *mail_host = g_strdup_printf ("host%d", i - 3);
      g_autofree char *aliased = g_strdup_printf ("host%d", i - 2);
      g_autofree char *key = g_strdup_printf ("s%d._domainkey", i);
      OvhRecord *record;

      switch (i % 5)
        {
        case 0:
        case 1:
          record = ovh_record_new ("bench.test", host, "A", address, 3600);
          break;
        case 2:
          record = ovh_record_new ("bench.test", alias, "CNAME", aliased, 0);
          break;
        case 3:
          record = ovh_record_new ("bench.test", mail_host, "MX", "10 mail.example.net.", 0);
          break;
        default:
          record = ovh_record_new ("bench.test", key, "TXT",
                                   "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQ==", 0);
          break;
        }
      ovh_record_set_id (record, i + 1);
      g_ptr_array_add (records, record);
    }
  return records;
}

int
main (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "records", 0, 0, G_OPTION_ARG_INT, &n_records, "Records in the zone", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs (the best is kept)", "N" },
    { "keystrokes", 0, 0, G_OPTION_ARG_INT, &n_keystrokes, "Keystrokes in the record editor", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- lint benchmark");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  double best = G_MAXDOUBLE, total = 0;
  guint n_findings = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  records = make_zone ();
  for (int run = 0; run < n_runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GPtrArray) findings = ovh_lint_zone ("bench.test", records, NULL);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      best = MIN (best, ms);
      total += ms;
      n_findings = findings->len;
    }
  printf ("lint of %u records (no DNS): best %.1f ms, mean %.1f ms over %d runs, %u findings\n",
          records->len, best, total / n_runs, n_runs, n_findings);
  if (n_keystrokes > 0)
    bench_keystrokes (records);
  return 0;
}
