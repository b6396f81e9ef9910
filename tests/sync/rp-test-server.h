/* rp-test-server.h: a real CalDAV/CardDAV server for the sync tests (Radicale or xandikos on
 * 127.0.0.1, a free port, its storage in a temporary folder).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  RP_TEST_RADICALE,
  RP_TEST_XANDIKOS,
} RpTestServerKind;

typedef struct
{
  RpTestServerKind  kind;
  char             *dir;          /* the server's folder: config, users, rights, storage */
  guint16           port;
  char             *url;          /* "http://127.0.0.1:PORT/" */
  char             *addressbook;  /* the team address book, url + "team/partners/" */
  char             *calendar;     /* the team calendar, url + "team/visits/" */
  char             *ca_file;      /* over TLS: the PEM of the test's own authority; else NULL */
  GSubprocess      *process;
} RpTestServer;

/* The name of @kind for test paths ("radicale", "xandikos"). */
const char   *rp_test_server_name        (RpTestServerKind  kind);
/* Whether the server's program is installed. */
gboolean      rp_test_server_available   (RpTestServerKind  kind);
/* When a server the tests need is missing: prints the TAP skip plan and exits 77. */
void          rp_test_server_require     (RpTestServerKind  kind);

/* Starts a server with users alice, bob and carol (passwords "alice-pw"…; xandikos has no
 * authentication) and the team's address book and calendar already made. */
RpTestServer *rp_test_server_start       (RpTestServerKind  kind);
/* The same, Radicale over TLS (https://127.0.0.1:PORT/) with a certificate for 127.0.0.1 that
 * an authority made for the test signed (openssl, at test time); its PEM is @ca_file. */
RpTestServer *rp_test_server_start_tls   (void);
/* Stops the server (SIGTERM, then waits) and starts it again on the same port and storage. */
void          rp_test_server_restart     (RpTestServer     *server);
/* Stops the server, deletes its folder and frees @server. */
void          rp_test_server_free        (RpTestServer     *server);
/* Stops the server without restarting it (requests then fail to connect). */
void          rp_test_server_stop        (RpTestServer     *server);
void          rp_test_server_start_again (RpTestServer     *server);

/* A raw request with Basic credentials: the status, and the body in @body when non-NULL. */
guint         rp_test_server_request     (RpTestServer     *server,
                                          const char       *user,
                                          const char       *method,
                                          const char       *path,
                                          const char       *content_type,
                                          const char       *data,
                                          char            **body);
G_END_DECLS
