/* test-zone-file.c: BIND zone files to and from OVH records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ovh-zone-file.h"

typedef struct
{
  const char *sub_domain;
  const char *type;
  const char *target;
  guint ttl;
} Row;

/* Every OVH type, in the forms a zone file gives back unchanged (absolute names, lowercase hex,
 * LOC as ldns prints it). */
static const Row every_type[] = {
  { "", "A", "192.0.2.1", 0 },
  { "www", "AAAA", "2001:db8::1", 300 },
  { "", "CAA", "0 issue \"letsencrypt.org\"", 0 },
  { "blog", "CNAME", "www.example.com.", 3600 },
  { "mail._domainkey", "DKIM", "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC", 0 },
  { "_dmarc", "DMARC", "v=DMARC1; p=none; rua=mailto:dmarc@example.com", 0 },
  { "old", "DNAME", "new.example.com.", 0 },
  { "office", "LOC", "52 22 23.000 N 04 53 32.000 E -2m 0.00m 10000m 10m", 0 },
  { "", "MX", "10 mx1.example.com.", 0 },
  { "sip", "NAPTR", "10 100 \"S\" \"SIP+D2U\" \"!^.*$!sip:info@example.com!\" .", 0 },
  { "sub", "NS", "ns1.example.net.", 86400 },
  { "1", "PTR", "host.example.com.", 0 },
  { "", "SPF", "v=spf1 include:mx.ovh.com ~all", 0 },
  { "_sip._tcp", "SRV", "0 5 5060 sip.example.com.", 0 },
  { "host", "SSHFP", "1 1 123456789abcdef67890123456789abcdef67890", 0 },
  { "_443._tcp", "TLSA", "3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    0 },
  { "", "TXT", "hello \"quoted\" world; with (parens)", 0 },
  { "*", "A", "192.0.2.9", 60 },
};

static GPtrArray *
records_from_rows (const Row *rows, guint n_rows)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (records, ovh_record_new ("example.com", rows[i].sub_domain, rows[i].type,
                                              rows[i].target, rows[i].ttl));
  return records;
}

static OvhRecord *
find_record (GPtrArray *records, const char *sub_domain, const char *target)
{
  for (guint i = 0; i < records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (records, i);

      if (g_str_equal (ovh_record_get_sub_domain (record), sub_domain)
          && g_str_equal (ovh_record_get_target (record), target))
        return record;
    }
  return NULL;
}

static void
check_round_trip (OvhZoneFileParseFlags flags)
{
  g_autoptr (GPtrArray) records = records_from_rows (every_type, G_N_ELEMENTS (every_type));
  g_autofree char *text = ovh_zone_file_write ("example.com", 3600, records);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) parsed = NULL;
  guint line = 99;

  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "$ORIGIN example.com.\n$TTL 3600\n"));

  parsed = ovh_zone_file_parse (text, "example.com", flags, &line, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (line, ==, 0);
  g_assert_cmpuint (parsed->len, ==, records->len);

  for (guint i = 0; i < G_N_ELEMENTS (every_type); i++)
    {
      const Row *row = &every_type[i];
      OvhRecord *record = find_record (parsed, row->sub_domain, row->target);
      const OvhRecordType *type = ovh_record_type_lookup (row->type);
      const char *expected_type = row->type;

      g_test_message ("row %s %s", row->type, row->target);
      g_assert_nonnull (record);
      g_assert_cmpstr (ovh_record_get_zone (record), ==, "example.com");
      g_assert_cmpuint (ovh_record_get_id (record), ==, 0);
      g_assert_cmpuint (ovh_record_get_ttl (record), ==, row->ttl);
      /* SPF, DKIM and DMARC are written as TXT: they stay TXT unless asked otherwise. */
      if (type->typed_txt && !(flags & OVH_ZONE_FILE_PARSE_DETECT_TYPED_TXT))
        expected_type = "TXT";
      g_assert_cmpstr (ovh_record_get_field_type (record), ==, expected_type);
    }
}

static void
test_round_trip_every_type (void)
{
  check_round_trip (OVH_ZONE_FILE_PARSE_DEFAULT);
}

static void
test_round_trip_typed_txt (void)
{
  check_round_trip (OVH_ZONE_FILE_PARSE_DETECT_TYPED_TXT);
}

static void
test_round_trip_long_txt (void)
{
  g_autofree char *long_text = g_strnfill (1000, 'z');
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) parsed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_ptr_array_add (records, ovh_record_new ("example.com", "k._domainkey", "TXT", long_text, 0));
  text = ovh_zone_file_write ("example.com.", 0, records);
  g_assert_false (strstr (text, "$TTL") != NULL);
  parsed = ovh_zone_file_parse (text, "example.com.", OVH_ZONE_FILE_PARSE_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 1);
  g_assert_true (
      ovh_record_equal_content (g_ptr_array_index (parsed, 0), g_ptr_array_index (records, 0)));
}

static void
test_write_sorted (void)
{
  static const Row rows[] = {
    { "www", "A", "192.0.2.2", 0 },   { "", "TXT", "b", 0 },
    { "mail", "A", "192.0.2.3", 0 },  { "", "MX", "10 mx.example.com.", 0 },
    { "", "A", "192.0.2.1", 0 },      { "", "TXT", "a", 0 },
    { "WWW", "A", "192.0.2.2", 120 }, /* same key as the first row: keeps its place after it */
  };
  g_autoptr (GPtrArray) records = records_from_rows (rows, G_N_ELEMENTS (rows));
  g_autoptr (GListStore) store = g_list_store_new (OVH_TYPE_RECORD);
  g_autofree char *text = ovh_zone_file_write ("example.com", 3600, records);
  g_autofree char *from_model = NULL;

  g_assert_cmpstr (text, ==,
                   "$ORIGIN example.com.\n"
                   "$TTL 3600\n"
                   "@ IN A 192.0.2.1\n"
                   "@ IN MX 10 mx.example.com.\n"
                   "@ IN TXT \"a\"\n"
                   "@ IN TXT \"b\"\n"
                   "mail IN A 192.0.2.3\n"
                   "www IN A 192.0.2.2\n"
                   "WWW 120 IN A 192.0.2.2\n");

  /* The caller's array keeps its order. */
  g_assert_cmpstr (ovh_record_get_sub_domain (g_ptr_array_index (records, 0)), ==, "www");

  for (guint i = 0; i < records->len; i++)
    g_list_store_append (store, g_ptr_array_index (records, i));
  from_model = ovh_zone_file_write_model ("example.com", 3600, G_LIST_MODEL (store));
  g_assert_cmpstr (from_model, ==, text);
}

static void
test_parse_features (void)
{
  const char *text = "; exported by hand\n"
                     "$TTL 1h\n"
                     "@ 3600 IN SOA dns.ovh.net. tech.ovh.net. ( 2024010101 86400 3600\n"
                     "                3600000 60 )\n"
                     "@ IN NS dns.ovh.net.\n"
                     "www 600 IN A 192.0.2.1\n"
                     "    IN AAAA 2001:db8::1 ; blank owner: www again\n"
                     "mail IN MX ( 10\n"
                     "             mx.example.com. )\n"
                     "relative IN CNAME www\n"
                     "Upper.Example.Com. IN A 192.0.2.7\n"
                     "\n"
                     "$ORIGIN sub.example.com.\n"
                     "deep IN A 192.0.2.8\n"
                     "@ IN TXT \"v=spf1 -all\"\n";
  g_autoptr (GPtrArray) parsed = NULL;
  g_autoptr (GError) error = NULL;
  OvhRecord *record;

  parsed = ovh_zone_file_parse (text, "example.com", OVH_ZONE_FILE_PARSE_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  /* SOA left out: OVH manages it. */
  g_assert_cmpuint (parsed->len, ==, 8);

  record = g_ptr_array_index (parsed, 0);
  g_assert_cmpstr (ovh_record_get_field_type (record), ==, "NS");
  g_assert_cmpstr (ovh_record_get_sub_domain (record), ==, "");
  g_assert_cmpuint (ovh_record_get_ttl (record), ==, 0); /* no TTL on the line: zone default */

  record = g_ptr_array_index (parsed, 1);
  g_assert_cmpstr (ovh_record_get_sub_domain (record), ==, "www");
  g_assert_cmpuint (ovh_record_get_ttl (record), ==, 600);

  record = g_ptr_array_index (parsed, 2);
  g_assert_cmpstr (ovh_record_get_sub_domain (record), ==, "www");
  g_assert_cmpstr (ovh_record_get_field_type (record), ==, "AAAA");

  record = g_ptr_array_index (parsed, 3);
  g_assert_cmpstr (ovh_record_get_target (record), ==, "10 mx.example.com.");

  /* Relative names in the data come back absolute: the same name, spelled safely. */
  record = g_ptr_array_index (parsed, 4);
  g_assert_cmpstr (ovh_record_get_target (record), ==, "www.example.com.");

  record = g_ptr_array_index (parsed, 5);
  g_assert_cmpstr (ovh_record_get_sub_domain (record), ==, "Upper");

  record = g_ptr_array_index (parsed, 6);
  g_assert_cmpstr (ovh_record_get_sub_domain (record), ==, "deep.sub");

  record = g_ptr_array_index (parsed, 7);
  g_assert_cmpstr (ovh_record_get_sub_domain (record), ==, "sub");
  g_assert_cmpstr (ovh_record_get_field_type (record), ==, "TXT");
  g_assert_cmpstr (ovh_record_get_target (record), ==, "v=spf1 -all");
}

static void
test_parse_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) none = ovh_zone_file_parse ("", "example.com", 0, NULL, &error);
  g_autoptr (GPtrArray) comments
      = ovh_zone_file_parse ("; nothing\n\n   \n", "example.com", 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (comments->len, ==, 0);
}

static void
test_parse_errors (void)
{
  struct
  {
    const char *text;
    int code;
    guint line;
  } cases[] = {
    { "www IN A 192.0.2.1\nbad IN A 192.0.2\n", OVH_ZONE_FILE_ERROR_SYNTAX, 2 },
    { "; c\n\nwww IN A 192.0.2.1\nx IN MX 10\n", OVH_ZONE_FILE_ERROR_SYNTAX, 4 },
    { "$TTL 60\nx IN HINFO \"PC\" \"Linux\"\n", OVH_ZONE_FILE_ERROR_UNSUPPORTED, 2 },
    { "a IN A 192.0.2.1\nb IN A 192.0.2.2\nother.org. IN A 192.0.2.3\n",
      OVH_ZONE_FILE_ERROR_OUT_OF_ZONE, 3 },
    { "@ IN CNAME www.example.com.\n", OVH_ZONE_FILE_ERROR_INVALID, 1 },
    { "www IN A 192.0.2.1\nwww IN MX 70000 mx.example.com.\n", OVH_ZONE_FILE_ERROR_INVALID, 2 },
    { "a IN A 192.0.2.1\n$INCLUDE other.zone\n", OVH_ZONE_FILE_ERROR_UNSUPPORTED, 2 },
    { "a IN A 192.0.2.1\n$ORIGIN\n", OVH_ZONE_FILE_ERROR_SYNTAX, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) parsed = NULL;
      g_autofree char *prefix = g_strdup_printf ("Line %u: ", cases[i].line);
      guint line = 0;

      g_test_message ("case %u: %s", i, cases[i].text);
      parsed = ovh_zone_file_parse (cases[i].text, "example.com", 0, &line, &error);
      g_assert_null (parsed);
      g_assert_error (error, OVH_ZONE_FILE_ERROR, cases[i].code);
      g_assert_cmpuint (line, ==, cases[i].line);
      g_assert_true (g_str_has_prefix (error->message, prefix));
    }
}

static void
test_parse_skip_unsupported (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) parsed
      = ovh_zone_file_parse ("a IN A 192.0.2.1\nx IN HINFO \"PC\" \"Linux\"\nb IN A 192.0.2.2\n",
                             "example.com", OVH_ZONE_FILE_PARSE_SKIP_UNSUPPORTED, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/zone-file/round-trip/every-type", test_round_trip_every_type);
  g_test_add_func ("/zone-file/round-trip/typed-txt", test_round_trip_typed_txt);
  g_test_add_func ("/zone-file/round-trip/long-txt", test_round_trip_long_txt);
  g_test_add_func ("/zone-file/write/sorted", test_write_sorted);
  g_test_add_func ("/zone-file/parse/features", test_parse_features);
  g_test_add_func ("/zone-file/parse/empty", test_parse_empty);
  g_test_add_func ("/zone-file/parse/errors", test_parse_errors);
  g_test_add_func ("/zone-file/parse/skip-unsupported", test_parse_skip_unsupported);

  return g_test_run ();
}
