/* rp-test-server.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <sys/prctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <libsoup/soup.h>
#include <glib/gstdio.h>

#include "rp-test-core.h"
#include "rp-test-server.h"

const char *
rp_test_server_name (RpTestServerKind kind)
{
  return kind == RP_TEST_RADICALE ? "radicale" : "xandikos";
}

static char *
find_program (RpTestServerKind kind)
{
  return g_find_program_in_path (rp_test_server_name (kind));
}

gboolean
rp_test_server_available (RpTestServerKind kind)
{
  g_autofree char *program = find_program (kind);

  return program != NULL && g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE);
}

void
rp_test_server_require (RpTestServerKind kind)
{
  if (!rp_test_server_available (kind))
    {
      printf ("1..0 # SKIP %s is not installed\n", rp_test_server_name (kind));
      exit (77);
    }
}

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Runs openssl with @args in @dir; the test fails when it does. */
static void
run_openssl (const char        *dir,
             const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, (gpointer) "openssl");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_cwd (launcher, dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (process) != 0)
    g_test_message ("openssl %s: %s", args[0], err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

/* A test authority (ca.pem, ca.key) and a certificate for 127.0.0.1 it signed (server.pem,
 * server.key), in @dir: EC keys, valid two days. */
static void
make_certificates (const char *dir)
{
  const char *authority[] = {
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Rapport Test CA",
    "-addext", "basicConstraints=critical,CA:TRUE",
    "-addext", "keyUsage=critical,keyCertSign,cRLSign", NULL
  };
  const char *request[] = {
    "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1", NULL
  };
  const char *sign[] = {
    "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
    "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext", NULL
  };

  write_file (dir, "server.ext",
              "subjectAltName = IP:127.0.0.1\n"
              "basicConstraints = critical, CA:FALSE\n"
              "keyUsage = critical, digitalSignature, keyEncipherment\n"
              "extendedKeyUsage = serverAuth\n");
  run_openssl (dir, authority);
  run_openssl (dir, request);
  run_openssl (dir, sign);
}

static void
write_radicale_config (RpTestServer *server)
{
  g_autofree char *config = NULL;
  g_autofree char *tls = NULL;

  if (server->ca_file != NULL)
    tls = g_strdup_printf ("ssl = True\n"
                           "certificate = %s/server.pem\n"
                           "key = %s/server.key\n",
                           server->dir, server->dir);
  config = g_strdup_printf ("[server]\n"
                            "%s"
                            "hosts = 127.0.0.1:%u\n"
                            "[auth]\n"
                            "type = htpasswd\n"
                            "htpasswd_filename = %s/users\n"
                            "htpasswd_encryption = plain\n"
                            "delay = 0\n"
                            "[rights]\n"
                            "type = from_file\n"
                            "file = %s/rights\n"
                            "[storage]\n"
                            "filesystem_folder = %s/collections\n"
                            "[logging]\n"
                            "level = warning\n",
                            tls != NULL ? tls : "", server->port, server->dir, server->dir,
                            server->dir);
  write_file (server->dir, "config", config);
  write_file (server->dir, "users", "alice:alice-pw\nbob:bob-pw\ncarol:carol-pw\n");
  /* Everyone reads the root and owns their principal; the team folder and the collections in
   * it are everyone's; everyone sees the others' principal folders and may use the collections
   * in them named "shared-…" (the others stay hidden). */
  write_file (server->dir, "rights",
              "[root]\nuser: .+\ncollection:\npermissions: R\n\n"
              "[principal]\nuser: .+\ncollection: {user}\npermissions: RW\n\n"
              "[own]\nuser: .+\ncollection: {user}/[^/]+\npermissions: rw\n\n"
              "[team]\nuser: .+\ncollection: team\npermissions: RW\n\n"
              "[team-collections]\nuser: .+\ncollection: team/[^/]+\npermissions: rw\n\n"
              "[others-principals]\nuser: .+\ncollection: [^/]+\npermissions: R\n\n"
              "[others-shared]\nuser: .+\ncollection: [^/]+/shared-[^/]+\npermissions: rw\n");
}

/* In the server's process before exec: a test that fails (aborts) takes its server with it. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
launch (RpTestServer *server)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *port = g_strdup_printf ("%u", server->port);
  g_autofree char *data = g_build_filename (server->dir, "data", NULL);
  g_autofree char *config = g_build_filename (server->dir, "config", NULL);
  g_autofree char *log = g_build_filename (server->dir, "log", NULL);
  g_autofree char *program = find_program (server->kind);
  gint64 deadline;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  if (server->kind == RP_TEST_RADICALE)
    server->process = g_subprocess_launcher_spawn (launcher, &error, "/usr/bin/python3",
                                                   program, "--config", config, NULL);
  else
    server->process = g_subprocess_launcher_spawn (launcher, &error, "/usr/bin/python3",
                                                   program, "-d", data, "-l", "127.0.0.1",
                                                   "-p", port, "--autocreate",
                                                   "--current-user-principal", "/alice/",
                                                   NULL);
  g_assert_no_error (error);

  /* Ready when it accepts a connection. */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  for (;;)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) connection = NULL;

      connection = g_socket_client_connect_to_host (client, "127.0.0.1", server->port, NULL,
                                                    NULL);
      if (connection != NULL)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50000);
    }
}

guint
rp_test_server_request (RpTestServer  *server,
                        const char    *user,
                        const char    *method,
                        const char    *path,
                        const char    *content_type,
                        const char    *data,
                        char         **body)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GTlsDatabase) database = NULL;
  g_autofree char *url = g_uri_resolve_relative (server->url, path, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  if (server->ca_file != NULL)
    {
      database = g_tls_file_database_new (server->ca_file, &error);
      g_assert_no_error (error);
      soup_session_set_tls_database (session, database);
    }
  if (user != NULL)
    {
      g_autofree char *pair = g_strdup_printf ("%s:%s-pw", user, user);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
      g_autofree char *value = g_strconcat ("Basic ", encoded, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (message),
                                    "Authorization", value);
    }
  if (data != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));

      soup_message_set_request_body_from_bytes (message, content_type, bytes);
    }
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  if (body != NULL)
    {
      gsize size;
      const char *text = g_bytes_get_data (answer, &size);

      *body = g_strndup (text, size);
    }
  return soup_message_get_status (message);
}

static RpTestServer *
start (RpTestServerKind kind,
       gboolean         tls)
{
  RpTestServer *server = g_new0 (RpTestServer, 1);
  g_autoptr(GError) error = NULL;
  static const char mkcol_addressbook[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
    "<d:mkcol xmlns:d=\"DAV:\" xmlns:a=\"urn:ietf:params:xml:ns:carddav\"><d:set><d:prop>"
    "<d:resourcetype><d:collection/><a:addressbook/></d:resourcetype>"
    "<d:displayname>Team partners</d:displayname></d:prop></d:set></d:mkcol>";
  static const char mkcalendar[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
    "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop>"
    "<d:displayname>Team visits</d:displayname></d:prop></d:set></c:mkcalendar>";

  rp_test_server_require (kind);

  server->kind = kind;
  server->dir = g_dir_make_tmp ("rapport-dav-XXXXXX", &error);
  g_assert_no_error (error);
  server->port = free_port ();
  if (tls)
    {
      make_certificates (server->dir);
      server->ca_file = g_build_filename (server->dir, "ca.pem", NULL);
    }
  server->url = g_strdup_printf ("%s://127.0.0.1:%u/", tls ? "https" : "http", server->port);
  server->addressbook = g_strconcat (server->url, "team/partners/", NULL);
  server->calendar = g_strconcat (server->url, "team/visits/", NULL);
  if (kind == RP_TEST_RADICALE)
    write_radicale_config (server);
  launch (server);

  g_assert_cmpuint (rp_test_server_request (server, "alice", "MKCOL", "/team/", NULL, NULL,
                                            NULL), ==, 201);
  g_assert_cmpuint (rp_test_server_request (server, "alice", "MKCOL", "/team/partners/",
                                            "application/xml", mkcol_addressbook, NULL),
                    ==, 201);
  g_assert_cmpuint (rp_test_server_request (server, "alice", "MKCALENDAR", "/team/visits/",
                                            "application/xml", mkcalendar, NULL), ==, 201);
  return server;
}

RpTestServer *
rp_test_server_start (RpTestServerKind kind)
{
  return start (kind, FALSE);
}

RpTestServer *
rp_test_server_start_tls (void)
{
  return start (RP_TEST_RADICALE, TRUE);
}

void
rp_test_server_stop (RpTestServer *server)
{
  g_autoptr(GError) error = NULL;

  if (server->process == NULL)
    return;
  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&server->process);
}

void
rp_test_server_start_again (RpTestServer *server)
{
  g_assert_null (server->process);
  launch (server);
}

void
rp_test_server_restart (RpTestServer *server)
{
  rp_test_server_stop (server);
  rp_test_server_start_again (server);
}

void
rp_test_server_free (RpTestServer *server)
{
  if (server == NULL)
    return;
  rp_test_server_stop (server);
  rp_test_remove_dir (server->dir);
  g_free (server->dir);
  g_free (server->url);
  g_free (server->addressbook);
  g_free (server->calendar);
  g_free (server->ca_file);
  g_free (server);
}
