/* ovh-conf.h: accounts found in the official clients' ovh.conf files and OVH_* variables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only: Domaine never writes these files. They hold secrets in plain text, which is
 * why the UI offers to import them into the keyring.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-account.h"

G_BEGIN_DECLS

#define OVH_TYPE_CONF_CANDIDATE (ovh_conf_candidate_get_type ())

typedef struct
{
  char *endpoint; /* "ovh-eu" or a base URL; NULL when only OVH_* keys and no endpoint */
  char *application_key;
  char *application_secret; /* may be NULL */
  char *consumer_key;       /* may be NULL */
  char *source;             /* for people: "~/.ovh.conf", "OVH_* environment variables", … */
  gboolean is_default;      /* the one the official clients would use */
} OvhConfCandidate;

GType ovh_conf_candidate_get_type (void);
OvhConfCandidate *ovh_conf_candidate_copy (const OvhConfCandidate *candidate);
void ovh_conf_candidate_free (OvhConfCandidate *candidate);
/* A new OvhAccount (fresh id) with the candidate's endpoint and keys. */
OvhAccount *ovh_conf_candidate_to_account (const OvhConfCandidate *candidate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhConfCandidate, ovh_conf_candidate_free)

/* The files the official clients read, in order (later wins): /etc/ovh.conf,
 * ~/.ovh.conf, ./ovh.conf. */
char **ovh_conf_get_default_paths (void);

/* Candidates (OvhConfCandidate) from the files in paths (NULL = the default paths; missing
 * files are skipped) and the environment envp (NULL = this process's environment; OVH_*
 * variables override the files). One candidate per endpoint that has an application key,
 * the default one first. A file that exists but cannot be parsed is an error that names it. */
GPtrArray *
ovh_conf_find_candidates (const char *const *paths, const char *const *envp, GError **error);

G_END_DECLS
