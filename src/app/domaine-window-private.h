/* domaine-window-private.h: what the window's own files share, and hooks for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "domaine-accounts-state.h"
#include "domaine-expiry-watch.h"
#include "domaine-session-banner.h"
#include "domaine-window.h"

G_BEGIN_DECLS

struct _DomaineWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  DomaineSession *session;
  DomaineExpiryWatch *expiry_watch; /* the session's domains about to expire */
  gboolean keyring_failure_shown;
  GSignalGroup *session_signals;
  GSignalGroup *store_signals;
  /* Until the first frame that shows an account's domains (said once, at debug level). */
  GSignalGroup *domains_signals;
  gboolean domains_shown;
  gint64 created_us;

  /* Set by the application (properties "accounts", "accounts-state", "accounts-error"). */
  GListModel *accounts;
  DomaineAccountsState accounts_state;
  char *accounts_error;
  gboolean sandbox_available;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwStatusPage *welcome_page;
  GtkWidget *try_sandbox_button;
  AdwStatusPage *keyring_page;
  GtkWidget *keyring_retry_button;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *sidebar_slot;
  GtkMenuButton *account_button;
  GtkLabel *account_title_label;
  GtkLabel *account_subtitle_label;
  GtkStack *content_stack;
  DomaineSessionBanner *status_banner;
  AdwStatusPage *session_status_page;
  GtkSpinner *session_spinner;
  GtkWidget *session_retry_button;
  GMenu *accounts_section;
};

/* domaine-window-actions.c: installs the win.* actions. */
void domaine_window_class_add_actions (GtkWidgetClass *widget_class);

/* Whether the leaflet is folded (one column): pages show a back button then. */
gboolean domaine_window_get_folded (DomaineWindow *self);
/* Puts @page in the content column under @name and shows it (and, folded, navigates to it).
 * Pages own their header bar; @page replaces a previous page of the same name. */
void domaine_window_show_page (DomaineWindow *self, const char *name, GtkWidget *page);
GtkWidget *domaine_window_get_page (DomaineWindow *self, const char *name);
/* Back to the status page of the session (nothing selected), e.g. after a sign-out. */
void domaine_window_show_session_status (DomaineWindow *self);
/* Opens @session (the window's pages of another session go). Tests open a session of their
 * own with it; the application goes through domaine_window_select_account(). */
void domaine_window_set_session (DomaineWindow *self, DomaineSession *session);

/* domaine-window-actions.c: a domain expiring without renewal, said by a desktop notification
 * when the person is looking elsewhere (the domain's page has its banner). */
void domaine_window_domain_expiring (DomaineWindow *self,
                                     OvhServiceInfos *service_infos,
                                     GNotification *notification);

G_END_DECLS
