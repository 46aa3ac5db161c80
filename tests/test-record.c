/* test-record.c: OvhRecord and the record type table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ovh-record.h"
#include "ovh-zone-file.h"

typedef struct
{
  const char *type;
  const char *sub_domain;
  const char *target;     /* as the user sees it */
  const char *api_target; /* as the API answers it */
  const char *rdata;      /* in a zone line */
  const char *const fields[7];
  const char *bad_target;
} Sample;

/* One good record of every OVH type, with one bad target for it. */
static const Sample samples[] = {
  { "A", "www", "192.0.2.1", "192.0.2.1", "192.0.2.1", { "192.0.2.1" }, "192.0.2" },
  { "AAAA", "www", "2001:db8::1", "2001:db8::1", "2001:db8::1", { "2001:db8::1" }, "192.0.2.1" },
  { "CAA",
    "",
    "0 issue \"letsencrypt.org\"",
    "0 issue \"letsencrypt.org\"",
    "0 issue \"letsencrypt.org\"",
    { "0", "issue", "letsencrypt.org" },
    "0 sign \"ca.example\"" },
  { "CNAME",
    "blog",
    "www.example.com.",
    "www.example.com.",
    "www.example.com.",
    { "www.example.com." },
    "192.0.2.1" },
  { "DKIM",
    "mail._domainkey",
    "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC",
    "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC",
    "\"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC\"",
    { "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC" },
    "k=rsa; t=y" },
  { "DMARC",
    "_dmarc",
    "v=DMARC1; p=none; rua=mailto:dmarc@example.com",
    "v=DMARC1; p=none; rua=mailto:dmarc@example.com",
    "\"v=DMARC1; p=none; rua=mailto:dmarc@example.com\"",
    { "v=DMARC1; p=none; rua=mailto:dmarc@example.com" },
    "p=none" },
  { "DNAME",
    "old",
    "new.example.com.",
    "new.example.com.",
    "new.example.com.",
    { "new.example.com." },
    "new..example.com." },
  { "LOC",
    "office",
    "52 22 23.000 N 04 53 32.000 E -2m 0.00m 10000m 10m",
    "52 22 23.000 N 04 53 32.000 E -2m 0.00m 10000m 10m",
    "52 22 23.000 N 04 53 32.000 E -2m 0.00m 10000m 10m",
    { "52 22 23.000 N 04 53 32.000 E -2m 0.00m 10000m 10m" },
    "somewhere nice" },
  { "MX",
    "",
    "10 mx1.example.com.",
    "10 mx1.example.com.",
    "10 mx1.example.com.",
    { "10", "mx1.example.com." },
    "70000 mx1.example.com." },
  { "NAPTR",
    "sip",
    "10 100 \"S\" \"SIP+D2U\" \"!^.*$!sip:info@example.com!\" .",
    "10 100 \"S\" \"SIP+D2U\" \"!^.*$!sip:info@example.com!\" .",
    "10 100 \"S\" \"SIP+D2U\" \"!^.*$!sip:info@example.com!\" .",
    { "10", "100", "S", "SIP+D2U", "!^.*$!sip:info@example.com!", "." },
    "10 100 \"S\"" },
  { "NS",
    "sub",
    "ns1.example.net.",
    "ns1.example.net.",
    "ns1.example.net.",
    { "ns1.example.net." },
    "ns1.example.net. ns2.example.net." },
  { "PTR",
    "1",
    "host.example.com.",
    "host.example.com.",
    "host.example.com.",
    { "host.example.com." },
    "host.example.com;" },
  { "SPF",
    "",
    "v=spf1 include:mx.ovh.com ~all",
    "v=spf1 include:mx.ovh.com ~all",
    "\"v=spf1 include:mx.ovh.com ~all\"",
    { "v=spf1 include:mx.ovh.com ~all" },
    "include:mx.ovh.com ~all" },
  { "SRV",
    "_sip._tcp",
    "0 5 5060 sip.example.com.",
    "0 5 5060 sip.example.com.",
    "0 5 5060 sip.example.com.",
    { "0", "5", "5060", "sip.example.com." },
    "0 5 sip.example.com." },
  { "SSHFP",
    "host",
    "1 1 123456789abcdef67890123456789abcdef67890",
    "1 1 123456789abcdef67890123456789abcdef67890",
    "1 1 123456789abcdef67890123456789abcdef67890",
    { "1", "1", "123456789abcdef67890123456789abcdef67890" },
    "1 1 xyz" },
  { "TLSA",
    "_443._tcp",
    "3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    { "3", "1", "1", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" },
    "3 1 1 zz" },
  { "TXT",
    "",
    "hello world",
    "\"hello world\"",
    "\"hello world\"",
    { "hello world" },
    "line\nbreak" },
};

static const Sample *
find_sample (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    if (g_str_equal (samples[i].type, type))
      return &samples[i];
  return NULL;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
api_json_for (const Sample *sample, guint64 id, guint ttl)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, (gint64) id);
  json_builder_set_member_name (builder, "zone");
  json_builder_add_string_value (builder, "example.com");
  json_builder_set_member_name (builder, "subDomain");
  json_builder_add_string_value (builder, sample->sub_domain);
  json_builder_set_member_name (builder, "fieldType");
  json_builder_add_string_value (builder, sample->type);
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, sample->api_target);
  json_builder_set_member_name (builder, "ttl");
  json_builder_add_int_value (builder, ttl);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static OvhRecord *
record_from_json_text (const char *text, GError **error)
{
  g_autoptr (JsonNode) node = parse_json (text);

  return ovh_record_new_from_json (node, error);
}

/* --- the type table ------------------------------------------------------------------------ */

static void
test_type_table (void)
{
  const OvhRecordType *types;
  const char *const *names;
  guint n_types;

  types = ovh_record_type_get_all (&n_types);
  names = ovh_record_type_get_names ();
  g_assert_cmpuint (n_types, ==, G_N_ELEMENTS (samples));
  g_assert_cmpuint (g_strv_length ((char **) names), ==, n_types);

  for (guint i = 0; i < n_types; i++)
    {
      const OvhRecordType *type = &types[i];

      g_assert_cmpstr (type->name, ==, names[i]);
      g_assert_cmpstr (type->name, ==, samples[i].type);
      g_assert_true (ovh_record_type_lookup (type->name) == type);
      g_assert_cmpstr (ovh_record_type_get_description (type), !=, "");
      g_assert_cmpuint (type->n_fields, >, 0);
      for (guint f = 0; f < type->n_fields; f++)
        {
          const OvhRecordField *field = &type->fields[f];

          g_assert_nonnull (field->id);
          g_assert_cmpstr (ovh_record_field_get_label (field), !=, "");
          if (field->kind == OVH_RECORD_FIELD_INTEGER)
            g_assert_cmpint (field->min, <, field->max);
          if (field->kind == OVH_RECORD_FIELD_ENUM)
            g_assert_nonnull (field->choices);
        }
      /* Only the typed TXT types are published under another RR type. */
      g_assert_cmpint (type->typed_txt, ==, !g_str_equal (type->zone_type, type->name));
    }

  g_assert_true (ovh_record_type_lookup ("mx") == ovh_record_type_lookup ("MX"));
  g_assert_null (ovh_record_type_lookup ("HINFO"));
  g_assert_null (ovh_record_type_lookup (NULL));

  g_assert_true (ovh_record_type_lookup ("TXT")->quoted_by_api);
  g_assert_false (ovh_record_type_lookup ("SPF")->quoted_by_api);
  g_assert_false (ovh_record_type_lookup ("CNAME")->allowed_at_apex);
  g_assert_true (ovh_record_type_lookup ("MX")->allowed_at_apex);
  for (guint i = 0; i < 3; i++)
    {
      const char *typed[] = { "SPF", "DKIM", "DMARC" };
      const OvhRecordType *type = ovh_record_type_lookup (typed[i]);

      g_assert_true (type->typed_txt);
      g_assert_cmpstr (type->zone_type, ==, "TXT");
    }
}

/* --- JSON from and to the API -------------------------------------------------------------- */

static void
test_json_every_type (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const Sample *sample = &samples[i];
      g_autofree char *json = api_json_for (sample, 4242 + i, 600);
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhRecord) record = record_from_json_text (json, &error);

      g_assert_no_error (error);
      g_assert_nonnull (record);
      g_assert_cmpuint (ovh_record_get_id (record), ==, 4242 + i);
      g_assert_cmpstr (ovh_record_get_zone (record), ==, "example.com");
      g_assert_cmpstr (ovh_record_get_sub_domain (record), ==, sample->sub_domain);
      g_assert_cmpstr (ovh_record_get_field_type (record), ==, sample->type);
      g_assert_cmpstr (ovh_record_get_target (record), ==, sample->target);
      g_assert_cmpuint (ovh_record_get_ttl (record), ==, 600);
      g_assert_true (ovh_record_get_record_type (record) == ovh_record_type_lookup (sample->type));
      /* What the API gave, the record accepts as valid. */
      g_assert_true (ovh_record_check (record, &error));
      g_assert_no_error (error);
    }
}

static void
test_json_txt_quotes (void)
{
  struct
  {
    const char *api;
    const char *user;
  } cases[] = {
    { "\"\\\"hello world\\\"\"", "hello world" },
    { "\"\\\"part one \\\" \\\"part two\\\"\"", "part one part two" },
    { "\"\\\"say \\\\\\\"hi\\\\\\\"\\\"\"", "say \"hi\"" },
    { "\"no quotes at all\"", "no quotes at all" },
    { "\"\\\"unterminated\"", "\"unterminated" },
    { "\"\\\"a\\\" trailing\"", "\"a\" trailing" },
    { "\"\\\"v=verification \\\"quoted\\\" value\\\"\"", "v=verification \"quoted\" value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf (
          "{\"id\":1,\"zone\":\"example.com\",\"subDomain\":\"\",\"fieldType\":\"TXT\","
          "\"target\":%s,\"ttl\":0}",
          cases[i].api);
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhRecord) record = record_from_json_text (json, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (ovh_record_get_target (record), ==, cases[i].user);
    }

  /* SPF is its own type at OVH, with an unquoted target: quotes there are the user's. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (OvhRecord) record = record_from_json_text (
        "{\"id\":1,\"fieldType\":\"SPF\",\"target\":\"\\\"v=spf1 -all\\\"\"}", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ovh_record_get_target (record), ==, "\"v=spf1 -all\"");
  }
}

static void
test_json_optional_members (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) zero_id = NULL;
  g_autoptr (OvhRecord) nulls = NULL;

  /* A create may answer id 0: that is a record, to be resolved later, not an error. */
  zero_id = record_from_json_text ("{\"id\":0,\"zone\":\"example.com\",\"subDomain\":\"www\","
                                   "\"fieldType\":\"A\",\"target\":\"192.0.2.1\",\"ttl\":60}",
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_record_get_id (zero_id), ==, 0);
  g_assert_cmpuint (ovh_record_get_ttl (zero_id), ==, 60);

  nulls = record_from_json_text ("{\"id\":9007199254740993,\"zone\":null,\"subDomain\":null,"
                                 "\"fieldType\":\"mx\",\"target\":\"1 mx.example.com.\","
                                 "\"ttl\":null}",
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_record_get_id (nulls), ==, G_GUINT64_CONSTANT (9007199254740993));
  g_assert_null (ovh_record_get_zone (nulls));
  g_assert_cmpstr (ovh_record_get_sub_domain (nulls), ==, "");
  g_assert_cmpstr (ovh_record_get_display_name (nulls), ==, "@");
  g_assert_cmpstr (ovh_record_get_field_type (nulls), ==, "MX");
  g_assert_cmpuint (ovh_record_get_ttl (nulls), ==, 0);
}

static void
test_json_malformed (void)
{
  struct
  {
    const char *json;
    int code;
  } cases[] = {
    { "[]", OVH_RECORD_ERROR_MALFORMED },
    { "\"a string\"", OVH_RECORD_ERROR_MALFORMED },
    { "null", OVH_RECORD_ERROR_MALFORMED },
    { "42", OVH_RECORD_ERROR_MALFORMED },
    { "{}", OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":1,\"target\":\"x\"}", OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":1,\"fieldType\":\"A\"}", OVH_RECORD_ERROR_MALFORMED },
    { "{\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}", OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":\"1\",\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}", OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":1.5,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}", OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":-1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}", OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":true,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}", OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":1,\"fieldType\":7,\"target\":\"192.0.2.1\"}", OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":1,\"fieldType\":\"A\",\"target\":[\"192.0.2.1\"]}", OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":1,\"fieldType\":\"A\",\"target\":{}}", OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":1,\"fieldType\":\"A\",\"target\":\"x\",\"subDomain\":3}",
      OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":1,\"fieldType\":\"A\",\"target\":\"x\",\"zone\":false}",
      OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":1,\"fieldType\":\"A\",\"target\":\"x\",\"ttl\":\"3600\"}",
      OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":1,\"fieldType\":\"A\",\"target\":\"x\",\"ttl\":-5}", OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":1,\"fieldType\":\"A\",\"target\":\"x\",\"ttl\":4294967296}",
      OVH_RECORD_ERROR_MALFORMED },
    { "{\"id\":1,\"fieldType\":\"HINFO\",\"target\":\"x\"}", OVH_RECORD_ERROR_TYPE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhRecord) record = record_from_json_text (cases[i].json, &error);

      g_test_message ("%s", cases[i].json);
      g_assert_null (record);
      g_assert_error (error, OVH_RECORD_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }

  /* No node at all. */
  {
    g_autoptr (GError) error = NULL;

    g_assert_null (ovh_record_new_from_json (NULL, &error));
    g_assert_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_MALFORMED);
  }
}

static JsonObject *
node_object (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static void
test_json_create_update (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const Sample *sample = &samples[i];
      g_autoptr (OvhRecord) record
          = ovh_record_new ("example.com", sample->sub_domain, sample->type, sample->target, 300);
      g_autoptr (JsonNode) create = ovh_record_to_json_for_create (record);
      g_autoptr (JsonNode) update = ovh_record_to_json_for_update (record);
      JsonObject *c = node_object (create);
      JsonObject *u = node_object (update);

      g_assert_cmpuint (json_object_get_size (c), ==, 4);
      g_assert_cmpstr (json_object_get_string_member (c, "fieldType"), ==, sample->type);
      g_assert_cmpstr (json_object_get_string_member (c, "subDomain"), ==, sample->sub_domain);
      g_assert_cmpstr (json_object_get_string_member (c, "target"), ==, sample->target);
      g_assert_cmpint (json_object_get_int_member (c, "ttl"), ==, 300);

      /* fieldType is read-only at OVH: an update carrying it is refused. */
      g_assert_cmpuint (json_object_get_size (u), ==, 3);
      g_assert_false (json_object_has_member (u, "fieldType"));
      g_assert_cmpstr (json_object_get_string_member (u, "subDomain"), ==, sample->sub_domain);
      g_assert_cmpstr (json_object_get_string_member (u, "target"), ==, sample->target);
      g_assert_cmpint (json_object_get_int_member (u, "ttl"), ==, 300);
    }
}

static void
test_json_txt_round_trip (void)
{
  g_autofree char *long_text = g_strnfill (600, 'k');
  const char *texts[] = { "short", "say \"hi\"", "back\\slash", long_text, "é" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (OvhRecord) record = ovh_record_new ("example.com", "t", "TXT", texts[i], 0);
      g_autoptr (JsonNode) create = ovh_record_to_json_for_create (record);
      const char *sent = json_object_get_string_member (node_object (create), "target");
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) answer = NULL;
      g_autoptr (OvhRecord) back = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *api_target = NULL;

      /* Short plain text goes bare; the rest is already in quoted strings of ≤ 255 bytes. */
      if (strlen (texts[i]) <= 255 && strpbrk (texts[i], "\"\\") == NULL)
        g_assert_cmpstr (sent, ==, texts[i]);
      else
        g_assert_true (sent[0] == '"');

      /* The API answers with quotes around what it stored (added when sent bare). */
      api_target = sent[0] == '"' ? g_strdup (sent) : g_strdup_printf ("\"%s\"", sent);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, 7);
      json_builder_set_member_name (builder, "fieldType");
      json_builder_add_string_value (builder, "TXT");
      json_builder_set_member_name (builder, "target");
      json_builder_add_string_value (builder, api_target);
      json_builder_end_object (builder);
      answer = json_builder_get_root (builder);

      back = ovh_record_new_from_json (answer, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (ovh_record_get_target (back), ==, texts[i]);
    }
}

/* --- zone lines ---------------------------------------------------------------------------- */

static void
test_zone_line_every_type (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const Sample *sample = &samples[i];
      const OvhRecordType *type = ovh_record_type_lookup (sample->type);
      g_autoptr (OvhRecord) record
          = ovh_record_new ("example.com", sample->sub_domain, sample->type, sample->target, 3600);
      g_autofree char *line = ovh_record_format_zone_line (record);
      g_autofree char *expected
          = g_strdup_printf ("%s 3600 IN %s %s", sample->sub_domain[0] ? sample->sub_domain : "@",
                             type->zone_type, sample->rdata);

      g_assert_cmpstr (line, ==, expected);
    }
}

static void
test_zone_line_details (void)
{
  g_autoptr (OvhRecord) a = ovh_record_new ("example.com", "www", "A", "1.2.3.4", 3600);
  g_autoptr (OvhRecord) apex = ovh_record_new ("example.com", "@", "MX", "10 mx.example.com.", 0);
  g_autoptr (OvhRecord) wildcard = ovh_record_new ("example.com", "*", "A", "192.0.2.1", 0);
  g_autofree char *long_text = g_strnfill (600, 'x');
  g_autoptr (OvhRecord) long_txt = ovh_record_new ("example.com", "", "TXT", long_text, 0);
  g_autoptr (OvhRecord) quoted = ovh_record_new ("example.com", "q", "TXT", "a \"b\" c\\d", 0);
  g_autofree char *line = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *part1 = g_strnfill (255, 'x');
  g_autofree char *part3 = g_strnfill (90, 'x');

  line = ovh_record_format_zone_line (a);
  g_assert_cmpstr (line, ==, "www 3600 IN A 1.2.3.4");
  g_clear_pointer (&line, g_free);

  line = ovh_record_format_zone_line (apex);
  g_assert_cmpstr (line, ==, "@ IN MX 10 mx.example.com.");
  g_clear_pointer (&line, g_free);

  line = ovh_record_format_zone_line (wildcard);
  g_assert_cmpstr (line, ==, "* IN A 192.0.2.1");
  g_assert_cmpstr (ovh_record_get_display_name (wildcard), ==, "*");
  g_clear_pointer (&line, g_free);

  line = ovh_record_format_zone_line (long_txt);
  expected = g_strdup_printf ("@ IN TXT \"%s\" \"%s\" \"%s\"", part1, part1, part3);
  g_assert_cmpstr (line, ==, expected);
  g_clear_pointer (&line, g_free);

  line = ovh_record_format_zone_line (quoted);
  g_assert_cmpstr (line, ==, "q IN TXT \"a \\\"b\\\" c\\\\d\"");
}

static void
test_txt_utf8_split (void)
{
  /* 254 ASCII bytes then "é" (2 bytes): the string must not be cut inside the character. */
  g_autofree char *head = g_strnfill (254, 'a');
  g_autofree char *text = g_strconcat (head, "é", NULL);
  g_autoptr (OvhRecord) record = ovh_record_new ("example.com", "u", "TXT", text, 0);
  g_autofree char *line = ovh_record_format_zone_line (record);
  g_autofree char *expected = g_strdup_printf ("u IN TXT \"%s\" \"é\"", head);

  g_assert_cmpstr (line, ==, expected);
}

/* --- validation ---------------------------------------------------------------------------- */

static void
assert_invalid (const char *type, const char *sub_domain, const char *target, gint64 ttl, int code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *escaped = g_strescape (target != NULL ? target : "(null)", NULL);

  g_test_message ("expecting %s %s %s %" G_GINT64_FORMAT " to be refused", type, sub_domain,
                  escaped, ttl);
  g_assert_false (ovh_record_validate (type, sub_domain, target, ttl, &error));
  g_assert_error (error, OVH_RECORD_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
assert_valid (const char *type, const char *sub_domain, const char *target, gint64 ttl)
{
  g_autoptr (GError) error = NULL;

  g_test_message ("expecting %s %s %s %" G_GINT64_FORMAT " to be accepted", type, sub_domain,
                  target, ttl);
  g_assert_true (ovh_record_validate (type, sub_domain, target, ttl, &error));
  g_assert_no_error (error);
}

static void
test_validate_every_type (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const Sample *sample = &samples[i];

      assert_valid (sample->type, sample->sub_domain, sample->target, 0);
      assert_valid (sample->type, sample->sub_domain, sample->target, 3600);
      assert_invalid (sample->type, sample->sub_domain, sample->bad_target, 0,
                      OVH_RECORD_ERROR_TARGET);
      assert_invalid (sample->type, sample->sub_domain, "", 0, OVH_RECORD_ERROR_TARGET);
      assert_invalid (sample->type, sample->sub_domain, "   ", 0, OVH_RECORD_ERROR_TARGET);
      assert_invalid (sample->type, "a..b", sample->target, 0, OVH_RECORD_ERROR_SUBDOMAIN);
      assert_invalid (sample->type, sample->sub_domain, sample->target, -1, OVH_RECORD_ERROR_TTL);
    }
}

static void
test_validate_targets (void)
{
  /* More good values. */
  assert_valid ("A", "", "0.0.0.0", 0);
  assert_valid ("AAAA", "", "::ffff:192.0.2.1", 0);
  assert_valid ("CAA", "", "128 issuewild \";\"", 0);
  assert_valid ("CAA", "", "0 iodef \"mailto:security@example.com\"", 0);
  assert_valid ("CNAME", "www", "example.com.", 0);
  assert_valid ("CNAME", "www", "relative-host", 0);
  assert_valid ("DKIM", "s1._domainkey", "k=rsa; p=MIGfMA0G", 0);
  assert_valid ("DMARC", "_dmarc.sub", "v=DMARC1;p=reject", 0);
  assert_valid ("MX", "", "0 .", 0);
  assert_valid ("MX", "", "65535 mx.example.com.", 0);
  assert_valid ("NAPTR", "", "100 10 \"\" \"\" \"!^(.*)$!\\\\1!\" .", 0);
  assert_valid ("SPF", "", "v=spf1", 0);
  assert_valid ("SPF", "", "v=spf1 ip4:192.0.2.0/24 -all", 0);
  assert_valid ("SRV", "_xmpp._tcp", "10 0 5222 xmpp.example.com.", 0);
  assert_valid ("SSHFP", "", "4 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                0);
  assert_valid ("TLSA", "_25._tcp.mail", "2 0 1 ABCDEF0123", 0);
  assert_valid ("TXT", "", "google-site-verification=abc; with semicolon (and parentheses)", 0);
  assert_valid ("TXT", "", "ünïcödé", 0);

  /* More bad ones, each for its own reason. */
  assert_invalid ("A", "", "256.1.1.1", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("A", "", "1.2.3.4 5.6.7.8", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("A", "", "example.com", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("AAAA", "", "2001:db8::zz", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("CAA", "", "256 issue \"ca.example\"", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("CAA", "", "0 issue", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("CAA", "", "0 issue \"unterminated", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("CNAME", "www", "two names", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("CNAME", "www", "bad;name", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("CNAME", "www", "2001:db8::1", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("DKIM", "s1._domainkey", "v=DKIM10", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("DMARC", "_dmarc", "v=spf1", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("MX", "", "mx.example.com.", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("MX", "", "-1 mx.example.com.", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("MX", "", "10 192.0.2.1", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("MX", "", "10 mx.example.com. (", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("NAPTR", "", "10 100 \"S\" \"SIP+D2U\" \"\" bad;host", 0,
                  OVH_RECORD_ERROR_TARGET);
  assert_invalid ("SPF", "", "v=spf10 -all", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("SRV", "_sip._tcp", "0 5 65536 sip.example.com.", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("SRV", "_sip._tcp", "a b c d", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("SSHFP", "", "1 1 abc", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("SSHFP", "", "1 300 abcd", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("TLSA", "", "3 1 1", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("TXT", "", "tab\there", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("TXT", "", "\xff\xfe", 0, OVH_RECORD_ERROR_TARGET);
}

static void
test_validate_txt_length (void)
{
  g_autofree char *max = g_strnfill (4000, 'a');
  g_autofree char *too_long = g_strnfill (4001, 'a');
  g_autofree char *spf_long = g_strconcat ("v=spf1 ", max + 7, NULL);

  assert_valid ("TXT", "", max, 0);
  assert_valid ("SPF", "", spf_long, 0);
  assert_invalid ("TXT", "", too_long, 0, OVH_RECORD_ERROR_TARGET);
}

static void
test_validate_type_and_ttl (void)
{
  assert_invalid (NULL, "", "192.0.2.1", 0, OVH_RECORD_ERROR_TYPE);
  assert_invalid ("", "", "192.0.2.1", 0, OVH_RECORD_ERROR_TYPE);
  assert_invalid ("HINFO", "", "\"PC\" \"Linux\"", 0, OVH_RECORD_ERROR_TYPE);
  assert_valid ("a", "", "192.0.2.1", 0); /* case does not matter */

  assert_valid ("A", "", "192.0.2.1", 1);
  assert_valid ("A", "", "192.0.2.1", 60);
  assert_valid ("A", "", "192.0.2.1", 2147483647);
  assert_invalid ("A", "", "192.0.2.1", 2147483648, OVH_RECORD_ERROR_TTL);
  assert_invalid ("A", "", "192.0.2.1", -3600, OVH_RECORD_ERROR_TTL);

  /* The order of checks is type, name, TTL, target: the first wrong field is named. */
  assert_invalid ("A", "bad name", "nonsense", -1, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("A", "ok", "nonsense", -1, OVH_RECORD_ERROR_TTL);
}

static void
test_validate_sub_domain (void)
{
  g_autofree char *label63 = g_strnfill (63, 'a');
  g_autofree char *label64 = g_strnfill (64, 'a');
  g_autofree char *long_name = NULL;
  g_autofree char *too_long_name = NULL;

  long_name = g_strjoin (".", label63, label63, label63,
                         "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxy", NULL);
  too_long_name = g_strconcat (long_name, "yz", NULL);
  g_assert_cmpuint (strlen (long_name), ==, 253);

  assert_valid ("A", "", "192.0.2.1", 0);
  assert_valid ("A", "@", "192.0.2.1", 0);
  assert_valid ("A", " @ ", "192.0.2.1", 0);
  assert_valid ("A", "*", "192.0.2.1", 0);
  assert_valid ("A", "*.dev", "192.0.2.1", 0);
  assert_valid ("A", "_acme-challenge.www", "192.0.2.1", 0);
  assert_valid ("A", "WWW-2", "192.0.2.1", 0);
  assert_valid ("A", label63, "192.0.2.1", 0);
  assert_valid ("A", long_name, "192.0.2.1", 0);

  assert_invalid ("A", label64, "192.0.2.1", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("A", too_long_name, "192.0.2.1", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("A", "www.*", "192.0.2.1", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("A", "a*", "192.0.2.1", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("A", "with space", "192.0.2.1", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("A", "www.", "192.0.2.1", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("A", ".www", "192.0.2.1", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("A", "café", "192.0.2.1", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("A", "a@b", "192.0.2.1", 0, OVH_RECORD_ERROR_SUBDOMAIN);

  /* Per-type placement rules. */
  assert_invalid ("CNAME", "", "www.example.com.", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("CNAME", "@", "www.example.com.", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("DMARC", "", "v=DMARC1; p=none", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("DMARC", "dmarc", "v=DMARC1; p=none", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("DMARC", "sub._dmarc", "v=DMARC1; p=none", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("DKIM", "", "v=DKIM1; p=abc", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_invalid ("DKIM", "_domainkey", "v=DKIM1; p=abc", 0, OVH_RECORD_ERROR_SUBDOMAIN);
  assert_valid ("DKIM", "s1._domainkey.mail", "v=DKIM1; p=abc", 0);
}

static void
test_normalize_sub_domain (void)
{
  struct
  {
    const char *input;
    const char *zone;
    const char *expected;
  } cases[] = {
    { "@", NULL, "" },
    { " @ ", "example.com", "" },
    { "", NULL, "" },
    { NULL, NULL, "" },
    { " www ", NULL, "www" },
    { "www.example.com.", "example.com", "www" },
    { "a.b.EXAMPLE.com.", "example.com", "a.b" },
    { "example.com.", "example.com", "" },
    { "www.example.com", "example.com", "www.example.com" }, /* relative: taken as written */
    { "www.other.org.", "example.com", "www.other.org." },
    { "*", NULL, "*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = ovh_record_normalize_sub_domain (cases[i].input, cases[i].zone);

      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

/* --- the object ---------------------------------------------------------------------------- */

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_properties_and_notify (void)
{
  OvhRecord *record = ovh_record_new ("example.com", "@", "a", "192.0.2.1", 0);
  guint notified = 0;
  guint64 id;
  g_autofree char *sub_domain = NULL;
  guint ttl;

  g_assert_cmpstr (ovh_record_get_sub_domain (record), ==, "");
  g_assert_cmpstr (ovh_record_get_field_type (record), ==, "A");
  g_signal_connect (record, "notify", G_CALLBACK (count_notify), &notified);

  /* Setting the same value notifies nothing (EXPLICIT_NOTIFY). */
  ovh_record_set_sub_domain (record, "@");
  ovh_record_set_target (record, "192.0.2.1");
  ovh_record_set_ttl (record, 0);
  ovh_record_set_id (record, 0);
  g_object_set (record, "field-type", "A", NULL);
  g_assert_cmpuint (notified, ==, 0);

  ovh_record_set_sub_domain (record, "www.example.com.");
  g_assert_cmpstr (ovh_record_get_sub_domain (record), ==, "www");
  ovh_record_set_target (record, "192.0.2.2");
  ovh_record_set_ttl (record, 60);
  ovh_record_set_id (record, 12);
  ovh_record_set_zone (record, "example.org");
  g_assert_cmpuint (notified, ==, 5);

  g_object_get (record, "id", &id, "sub-domain", &sub_domain, "ttl", &ttl, NULL);
  g_assert_cmpuint (id, ==, 12);
  g_assert_cmpstr (sub_domain, ==, "www");
  g_assert_cmpuint (ttl, ==, 60);

  {
    g_autofree char *fqdn = ovh_record_dup_fqdn (record);
    g_assert_cmpstr (fqdn, ==, "www.example.org");
  }

  g_assert_finalize_object (record);
}

static void
test_dup_equal_copy (void)
{
  g_autoptr (OvhRecord) original
      = ovh_record_new ("example.com", "mail", "MX", "10 mx.example.com.", 300);
  g_autoptr (OvhRecord) copy = NULL;
  g_autoptr (OvhRecord) other = ovh_record_new ("example.com", "", "A", "192.0.2.1", 0);
  guint notified = 0;

  ovh_record_set_id (original, 99);
  copy = ovh_record_dup (original);
  g_assert_true (copy != original);
  g_assert_true (ovh_record_equal (copy, original));
  g_assert_true (ovh_record_equal_content (copy, original));

  ovh_record_set_id (copy, 100);
  g_assert_false (ovh_record_equal (copy, original));
  g_assert_true (ovh_record_equal_content (copy, original));
  ovh_record_set_sub_domain (copy, "MAIL");
  g_assert_true (ovh_record_equal_content (copy, original));
  ovh_record_set_ttl (copy, 301);
  g_assert_false (ovh_record_equal_content (copy, original));

  g_signal_connect (other, "notify", G_CALLBACK (count_notify), &notified);
  ovh_record_copy_from (other, original);
  g_assert_true (ovh_record_equal (other, original));
  /* id, sub-domain, field-type, target and ttl changed; zone did not. */
  g_assert_cmpuint (notified, ==, 5);
  notified = 0;
  ovh_record_copy_from (other, original);
  g_assert_cmpuint (notified, ==, 0);
}

/* --- CNAME conflicts ----------------------------------------------------------------------- */

static GPtrArray *
make_zone (void)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  OvhRecord *record;

  record = ovh_record_new ("example.com", "", "A", "192.0.2.1", 0);
  ovh_record_set_id (record, 1);
  g_ptr_array_add (records, record);
  record = ovh_record_new ("example.com", "www", "A", "192.0.2.1", 0);
  ovh_record_set_id (record, 2);
  g_ptr_array_add (records, record);
  record = ovh_record_new ("example.com", "blog", "CNAME", "www.example.com.", 0);
  ovh_record_set_id (record, 3);
  g_ptr_array_add (records, record);

  return records;
}

static void
assert_conflict (GPtrArray *records, OvhRecord *candidate, gboolean expect_conflict)
{
  g_autoptr (GListStore) store = g_list_store_new (OVH_TYPE_RECORD);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) model_error = NULL;
  gboolean ok, model_ok;

  for (guint i = 0; i < records->len; i++)
    g_list_store_append (store, g_ptr_array_index (records, i));

  ok = ovh_records_check_conflicts_array (records, candidate, &error);
  model_ok = ovh_records_check_conflicts (G_LIST_MODEL (store), candidate, &model_error);
  g_assert_cmpint (ok, ==, model_ok);
  if (expect_conflict)
    {
      g_assert_false (ok);
      g_assert_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_CONFLICT);
      g_assert_error (model_error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_CONFLICT);
    }
  else
    {
      g_assert_true (ok);
      g_assert_no_error (error);
      g_assert_no_error (model_error);
    }
}

static void
test_cname_conflicts (void)
{
  g_autoptr (GPtrArray) records = make_zone ();
  g_autoptr (OvhRecord) cname_www
      = ovh_record_new ("example.com", "WWW", "CNAME", "x.example.com.", 0);
  g_autoptr (OvhRecord) a_blog = ovh_record_new ("example.com", "blog", "A", "192.0.2.9", 0);
  g_autoptr (OvhRecord) txt_blog = ovh_record_new ("example.com", "blog", "TXT", "hi", 0);
  g_autoptr (OvhRecord) cname_blog
      = ovh_record_new ("example.com", "blog", "CNAME", "y.example.com.", 0);
  g_autoptr (OvhRecord) cname_new
      = ovh_record_new ("example.com", "new", "CNAME", "www.example.com.", 0);
  g_autoptr (OvhRecord) a_www = ovh_record_new ("example.com", "www", "A", "192.0.2.2", 0);
  g_autoptr (OvhRecord) edited = NULL;

  assert_conflict (records, cname_www, TRUE); /* a CNAME beside an A, case-insensitively */
  assert_conflict (records, a_blog, TRUE);    /* an A beside a CNAME */
  assert_conflict (records, txt_blog, TRUE);
  assert_conflict (records, cname_blog, TRUE); /* two CNAMEs on one name */
  assert_conflict (records, cname_new, FALSE);
  assert_conflict (records, a_www, FALSE); /* two A records are fine */

  {
    /* No "a A record": the wording needs no article that depends on the type's name. */
    g_autoptr (GError) error = NULL;

    g_assert_false (ovh_records_check_conflicts_array (records, cname_www, &error));
    g_assert_nonnull (strstr (error->message, "record of type A"));
    g_assert_null (strstr (error->message, "a A "));
  }

  /* Editing the CNAME itself (same id) is not a conflict with its old self. */
  edited = ovh_record_dup (g_ptr_array_index (records, 2));
  ovh_record_set_target (edited, "elsewhere.example.com.");
  assert_conflict (records, edited, FALSE);
  /* Nor is the very object that sits in the list, even with id 0. */
  ovh_record_set_id (g_ptr_array_index (records, 2), 0);
  assert_conflict (records, g_ptr_array_index (records, 2), FALSE);
}

/* --- split and join ------------------------------------------------------------------------ */

static void
test_split_join_every_type (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const Sample *sample = &samples[i];
      const OvhRecordType *type = ovh_record_type_lookup (sample->type);
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) values = ovh_record_type_split_target (type, sample->target, &error);
      g_autofree char *joined = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (g_strv_length (values), ==, type->n_fields);
      for (guint f = 0; f < type->n_fields; f++)
        g_assert_cmpstr (values[f], ==, sample->fields[f]);

      joined = ovh_record_type_join_fields (type, (const char *const *) values);
      g_assert_cmpstr (joined, ==, sample->target);
    }
}

static void
test_split_join_details (void)
{
  const OvhRecordType *caa = ovh_record_type_lookup ("CAA");
  const OvhRecordType *mx = ovh_record_type_lookup ("MX");
  const OvhRecordType *tlsa = ovh_record_type_lookup ("TLSA");
  const char *caa_values[] = { "0", "issue", "say \"hi\" \\o/", NULL };
  g_autofree char *joined = ovh_record_type_join_fields (caa, caa_values);
  g_auto (GStrv) back = NULL;
  g_auto (GStrv) spaced = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (joined, ==, "0 issue \"say \\\"hi\\\" \\\\o/\"");
  back = ovh_record_type_split_target (caa, joined, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (back, caa_values);

  /* Hex data written in blocks is joined back into one field. */
  spaced = ovh_record_type_split_target (tlsa, "3 1 1 abcd ef01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spaced[3], ==, "abcdef01");

  /* Wrong shapes are errors naming the target. */
  g_assert_null (ovh_record_type_split_target (mx, "10", &error));
  g_assert_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET);
  g_clear_error (&error);
  g_assert_null (ovh_record_type_split_target (mx, "10 a b", &error));
  g_assert_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET);
  g_clear_error (&error);
  g_assert_null (ovh_record_type_split_target (caa, "0 issue \"open", &error));
  g_assert_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET);
}

/* A LOC must be a whole location (the DNS library stops reading once it has one), and a quote
 * must open or close a whole part: either would export a line that does not read back. */
static void
test_validate_loc_and_quotes (void)
{
  assert_valid ("LOC", "", "52 N 4 E 0m", 0);
  assert_valid ("LOC", "", "52 22 N 4 53 E 10.5m 1m", 0);
  assert_valid ("LOC", "", "52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m", 0);
  assert_valid ("LOC", "", "90 0 0.000 S 180 0 0.000 W 42849672.95m 90000000m 0m 0", 0);
  assert_invalid ("LOC", "", "52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m garbage", 0,
                  OVH_RECORD_ERROR_TARGET);
  assert_invalid ("LOC", "", "52 22 23.000 N 4 53 32.000 E -2.00m garbage", 0,
                  OVH_RECORD_ERROR_TARGET);
  assert_invalid ("LOC", "", "91 N 4 E 0m", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("LOC", "", "52 60 N 4 E 0m", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("LOC", "", "52 N 4 E", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("LOC", "", "52 X 4 E 0m", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("LOC", "", "52 N 4 E 0m 1m 1m 1m 1m", 0, OVH_RECORD_ERROR_TARGET);

  assert_invalid ("NAPTR", "", "10 100 S\" \"SIP+D2U\" \"!a!\" .", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("NAPTR", "", "10 100 \"S\"x \"SIP+D2U\" \"!a!\" .", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("CAA", "", "0 issue ca\"x", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("PTR", "", "\"S\"", 0, OVH_RECORD_ERROR_TARGET);
  assert_invalid ("MX", "", "\"10\" mx.example.com.", 0, OVH_RECORD_ERROR_TARGET);
  assert_valid ("NAPTR", "", "10 100 \"S\" \"SIP+D2U\" \"!a\\\"b!\" .", 0);
}

/* What OVH sends goes through the same checks as what is typed: a name with a blank, an
 * unknown zone name or bytes that are not text are refused or marked, never exported as a
 * broken line. */
static void
test_json_hostile_values (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) spaced = record_from_json_text (
      "{\"id\":1,\"zone\":\"example.com\",\"subDomain\":\" x\",\"fieldType\":\"A\","
      "\"target\":\"192.0.2.1\"}",
      &error);
  g_autoptr (OvhRecord) loc = record_from_json_text (
      "{\"id\":2,\"zone\":\"example.com\",\"subDomain\":\"office\",\"fieldType\":\"LOC\","
      "\"target\":\"52 22 23.000 N 4 53 32.000 E -2.00m garbage\"}",
      NULL);
  g_autoptr (OvhRecord) good = record_from_json_text (
      "{\"id\":3,\"zone\":\"example.com\",\"subDomain\":\"www\",\"fieldType\":\"A\","
      "\"target\":\"192.0.2.3\"}",
      NULL);
  g_autoptr (GPtrArray) records = g_ptr_array_new ();
  g_autoptr (GPtrArray) again = NULL;
  g_autofree char *file = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ovh_record_get_sub_domain (spaced), ==, " x");
  g_assert_false (ovh_record_check (spaced, &error));
  g_assert_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_SUBDOMAIN);
  g_clear_error (&error);
  g_assert_false (ovh_record_check (loc, NULL));

  /* Listed as not valid, escaped, and the rest reads back. */
  g_ptr_array_add (records, spaced);
  g_ptr_array_add (records, loc);
  g_ptr_array_add (records, good);
  file = ovh_zone_file_write ("example.com", 0, records);
  g_assert_nonnull (strstr (file, "; not valid:  x IN A 192.0.2.1\n"));
  g_assert_nonnull (strstr (file, "; not valid: office IN LOC"));
  again = ovh_zone_file_parse (file, "example.com.", OVH_ZONE_FILE_PARSE_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpstr (ovh_record_get_sub_domain (g_ptr_array_index (again, 0)), ==, "www");

  {
    g_autoptr (OvhRecord) record = record_from_json_text (
        "{\"id\":4,\"zone\":\"../../x/pwn\",\"subDomain\":\"\",\"fieldType\":\"A\","
        "\"target\":\"192.0.2.1\"}",
        &error);
    g_assert_null (record);
    g_assert_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_MALFORMED);
    g_clear_error (&error);
  }
  {
    g_autoptr (OvhRecord) record = record_from_json_text (
        "{\"id\":5,\"subDomain\":\"\",\"fieldType\":\"TXT\",\"target\":\"\\\"a\\377\\\"\"}",
        &error);
    g_assert_null (record);
    g_assert_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_MALFORMED);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (find_sample ("TXT"));

  g_test_add_func ("/record/type/table", test_type_table);
  g_test_add_func ("/record/json/every-type", test_json_every_type);
  g_test_add_func ("/record/json/txt-quotes", test_json_txt_quotes);
  g_test_add_func ("/record/json/optional-members", test_json_optional_members);
  g_test_add_func ("/record/json/malformed", test_json_malformed);
  g_test_add_func ("/record/json/create-update", test_json_create_update);
  g_test_add_func ("/record/json/txt-round-trip", test_json_txt_round_trip);
  g_test_add_func ("/record/zone-line/every-type", test_zone_line_every_type);
  g_test_add_func ("/record/zone-line/details", test_zone_line_details);
  g_test_add_func ("/record/zone-line/utf8-split", test_txt_utf8_split);
  g_test_add_func ("/record/validate/every-type", test_validate_every_type);
  g_test_add_func ("/record/validate/targets", test_validate_targets);
  g_test_add_func ("/record/validate/txt-length", test_validate_txt_length);
  g_test_add_func ("/record/validate/type-and-ttl", test_validate_type_and_ttl);
  g_test_add_func ("/record/validate/sub-domain", test_validate_sub_domain);
  g_test_add_func ("/record/validate/loc-and-quotes", test_validate_loc_and_quotes);
  g_test_add_func ("/record/json/hostile-values", test_json_hostile_values);
  g_test_add_func ("/record/normalize-sub-domain", test_normalize_sub_domain);
  g_test_add_func ("/record/object/properties", test_properties_and_notify);
  g_test_add_func ("/record/object/dup-equal-copy", test_dup_equal_copy);
  g_test_add_func ("/record/conflicts", test_cname_conflicts);
  g_test_add_func ("/record/split-join/every-type", test_split_join_every_type);
  g_test_add_func ("/record/split-join/details", test_split_join_details);

  return g_test_run ();
}
