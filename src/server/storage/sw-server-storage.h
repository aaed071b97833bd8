/* sw-server-storage.h — what the sync server keeps, behind one interface so
 * that another engine can follow the embedded SQLite one
 * (sw-server-sqlite.h). Here because both shouwen-server and
 * `shouwenctl server …` use it; nothing in it knows HTTP.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-access.h"
#include "sw-protocol.h"
#include "sw-store.h"

G_BEGIN_DECLS

typedef enum {
  SW_DEVICE_BRANCH,      /* reads and writes its branch's cases */
  SW_DEVICE_INSPECTOR,   /* reads every case, masked; writes no case */
  SW_DEVICE_HEAD_OFFICE, /* reads every case, masked, to compare branches; writes no case */
} SwDeviceRole;

typedef struct {
  char         *device_id;
  char         *branch_code;
  char         *device_code;
  SwDeviceRole  role;
} SwServerDevice;

/* The device as the access policy sees it: what it reads whole, what it
 * writes is decided there (sw-access.h), not by the engines. */
static inline SwAccessDevice
sw_server_device_access (const SwServerDevice *device)
{
  return device->role == SW_DEVICE_INSPECTOR ? SW_ACCESS_INSPECTOR_DEVICE
       : device->role == SW_DEVICE_HEAD_OFFICE ? SW_ACCESS_HEAD_OFFICE_DEVICE : SW_ACCESS_BRANCH_DEVICE;
}

/* The role's name in the server's tables and the API ("branch",
 * "inspector", "head_office"), and back (anything else is a branch's). */
static inline const char *
sw_device_role_name (SwDeviceRole role)
{
  return role == SW_DEVICE_INSPECTOR ? "inspector" : role == SW_DEVICE_HEAD_OFFICE ? "head_office" : "branch";
}

static inline SwDeviceRole
sw_device_role_from_name (const char *name)
{
  return g_strcmp0 (name, "inspector") == 0 ? SW_DEVICE_INSPECTOR
       : g_strcmp0 (name, "head_office") == 0 ? SW_DEVICE_HEAD_OFFICE : SW_DEVICE_BRANCH;
}

typedef enum {
  SW_PUSH_OK,
  SW_PUSH_DUPLICATE,
  SW_PUSH_REJECTED,
  SW_PUSH_DEFERRED,      /* not now (its case is not here yet): send again */
} SwPushStatus;

typedef struct {
  char            *event_id;
  SwPushStatus     status;
  SwProtocolError  code;
  char            *message;
} SwPushResult;

typedef struct {
  GString   *events;      /* a JSON array of the events, in server order */
  guint      n_events;
  GPtrArray *contacts;    /* SwContact, masked for inspectors */
  guint64    cursor;
  gboolean   more;
} SwPullPage;

typedef struct {
  gint64 now_ms;
  gint64 max_skew_ms;     /* events stamped further ahead are refused */
} SwPushPolicy;

/* One directory edit a device sent (POST /api/v1/directory/changes). */
typedef enum {
  SW_DIRECTORY_APPLIED,
  SW_DIRECTORY_STALE,     /* the server has a later edit of the row */
  SW_DIRECTORY_REFUSED,
} SwDirectoryStatus;

typedef struct {
  gint64             seq;
  SwDirectoryStatus  status;
  const char        *code;     /* "forbidden" or "invalid_row" when refused */
  char              *message;
} SwDirectoryResult;

#define SW_TYPE_SERVER_STORAGE (sw_server_storage_get_type ())
G_DECLARE_INTERFACE (SwServerStorage, sw_server_storage, SW, SERVER_STORAGE, GObject)

struct _SwServerStorageInterface
{
  GTypeInterface parent_iface;

  const char     *(*get_epoch)      (SwServerStorage *self);
  gint64          (*get_position)   (SwServerStorage *self);
  gboolean        (*notice_client)  (SwServerStorage *self, SwServerDevice *device, guint64 cursor,
                                     gint64 position, gint64 now, GError **error);
  char           *(*create_code)    (SwServerStorage *self, const char *branch, SwDeviceRole role,
                                     gint64 expires_at, GError **error);
  SwServerDevice *(*enrol)          (SwServerStorage *self, const char *code, const char *device_id,
                                     gint64 now, char **token, GError **error);
  SwServerDevice *(*authenticate)   (SwServerStorage *self, const char *token, gint64 now,
                                     GError **error);
  GPtrArray      *(*push)           (SwServerStorage *self, SwServerDevice *device,
                                     SwPushRequest *request, const SwPushPolicy *policy,
                                     GError **error);
  SwPullPage     *(*pull)           (SwServerStorage *self, SwServerDevice *device,
                                     guint64 cursor, guint limit, GError **error);
  JsonNode       *(*get_directory)  (SwServerStorage *self, gint64 *version, GError **error);
  JsonNode       *(*get_case)       (SwServerStorage *self, SwServerDevice *device,
                                     const char *id, GError **error);
  SwStaff        *(*sign_in)        (SwServerStorage *self, const char *empno, const char *password,
                                     GError **error);
  gboolean        (*set_password)   (SwServerStorage *self, const char *empno, const char *password,
                                     GError **error);
  gboolean        (*seed_directory) (SwServerStorage *self, SwStore *from, GError **error);
  GPtrArray      *(*push_directory) (SwServerStorage *self, SwServerDevice *device,
                                     JsonArray *changes, gint64 now, gint64 *version,
                                     GError **error);
  void            (*set_token_days) (SwServerStorage *self, int days);
  /* The audit log, per device (the chain is checked by the caller, see
   * sw_server_storage_append_audit) */
  gboolean        (*audit_head)     (SwServerStorage *self, const char *device_id, gint64 *seq,
                                     char **hash, GError **error);
  gboolean        (*append_audit)   (SwServerStorage *self, const char *device_id,
                                     GPtrArray *entries, gint64 now, GError **error);
  /* Attached files by SHA-256 (issue 17; see sw_server_storage_blob_*) */
  gboolean        (*blob_status)    (SwServerStorage *self, const char *hash, gint64 *received,
                                     gboolean *complete, GError **error);
  gboolean        (*blob_append)    (SwServerStorage *self, const char *hash, gint64 offset,
                                     GBytes *data, gint64 total, gint64 *received,
                                     gboolean *complete, GError **error);
  GBytes         *(*blob_read)      (SwServerStorage *self, const char *hash, gint64 offset,
                                     gint64 length, gint64 *total, GError **error);
  gboolean        (*blob_readable)  (SwServerStorage *self, SwServerDevice *device,
                                     const char *hash, GError **error);
  /* optional: deletes files no case refers to (sw_server_storage_blob_sweep) */
  guint           (*blob_sweep)     (SwServerStorage *self, gint64 min_age_s);
};

/* The one way to the server's storage: `location` is a data directory
 * (the embedded SQLite engine keeps one file in it, creating both when
 * missing) or a postgresql:// URI (sw-server-pg.h: its schema must be
 * migrated first, see sw_server_storage_migrate). A file written by a newer server is refused (SW_ERROR_DB_TOO_NEW)
 * and left untouched. */
SwServerStorage *sw_server_storage_open          (const char      *location,
                                                  GError         **error);
/* Replaces what is stored at `location` with a backup of it and gives the
 * server a new epoch, so that clients send again what the backup lacks. */
gboolean        sw_server_storage_restore        (const char      *location,
                                                  const char      *backup,
                                                  GError         **error);
/* Brings the schema at `location` up to this server's: for PostgreSQL the
 * numbered migrations under an advisory lock (`from` and `to`: the
 * versions before and after); the embedded engine migrates whenever it is
 * opened (both -1). */
gboolean        sw_server_storage_migrate        (const char      *location,
                                                  int             *from,
                                                  int             *to,
                                                  GError         **error);
/* How long a device token lasts, in days (0: for ever; 365 unless set). */
void            sw_server_storage_set_token_days (SwServerStorage *self,
                                                  int              days);

const char     *sw_server_storage_get_epoch      (SwServerStorage *self);
/* How far the server's event log goes: every answer to a push or a pull
 * carries it, and a client sends back the furthest it has seen. */
gint64          sw_server_storage_get_position   (SwServerStorage *self);
/* A client that has seen further than the server has (a position past the
 * log's end, or a cursor past its feed's) saw data the server no longer
 * holds: its folder was copied back from a backup, or its database
 * restored. The server then takes a new epoch (clients send their events
 * again and read from the start) and, for a while, defers rather than
 * refuses events whose case is not yet in the pushing branch's scope. */
gboolean        sw_server_storage_notice_client  (SwServerStorage *self,
                                                  SwServerDevice  *device,
                                                  guint64          cursor,
                                                  gint64           position,
                                                  gint64           now,
                                                  GError         **error);
/* A one-time enrolment code; only its hash is kept. */
char           *sw_server_storage_create_code    (SwServerStorage *self,
                                                  const char      *branch,
                                                  SwDeviceRole     role,
                                                  gint64           expires_at,
                                                  GError         **error);
/* Spends the code and returns the device with its new token (kept hashed). */
SwServerDevice *sw_server_storage_enrol          (SwServerStorage *self,
                                                  const char      *code,
                                                  const char      *device_id,
                                                  gint64           now,
                                                  char           **token,
                                                  GError         **error);
SwServerDevice *sw_server_storage_authenticate   (SwServerStorage *self,
                                                  const char      *token,
                                                  gint64           now,
                                                  GError         **error);
/* One result (SwPushResult) per event, in the request's order; all that is
 * accepted is stored in one transaction. */
GPtrArray      *sw_server_storage_push           (SwServerStorage *self,
                                                  SwServerDevice  *device,
                                                  SwPushRequest   *request,
                                                  const SwPushPolicy *policy,
                                                  GError         **error);
SwPullPage     *sw_server_storage_pull           (SwServerStorage *self,
                                                  SwServerDevice  *device,
                                                  guint64          cursor,
                                                  guint            limit,
                                                  GError         **error);
JsonNode       *sw_server_storage_get_directory  (SwServerStorage *self,
                                                  gint64          *version,
                                                  GError         **error);
/* The case with its timeline, if the device may read it (masked for
 * inspectors); SW_PROTOCOL_ERROR_FORBIDDEN or _NOT_FOUND otherwise. */
JsonNode       *sw_server_storage_get_case       (SwServerStorage *self,
                                                  SwServerDevice  *device,
                                                  const char      *id,
                                                  GError         **error);
SwStaff        *sw_server_storage_sign_in        (SwServerStorage *self,
                                                  const char      *empno,
                                                  const char      *password,
                                                  GError         **error);
gboolean        sw_server_storage_set_password   (SwServerStorage *self,
                                                  const char      *empno,
                                                  const char      *password,
                                                  GError         **error);
/* Copies the directory of `from` in (adding to what is there). */
gboolean        sw_server_storage_seed_directory (SwServerStorage *self,
                                                  SwStore         *from,
                                                  GError         **error);

/* Applies a device's directory edits in one transaction: one
 * SwDirectoryResult per change, in order; `version` is the directory's
 * version after them. A malformed change refuses the whole request
 * (SW_PROTOCOL_ERROR_INVALID_REQUEST), as does an inspector's device
 * (_FORBIDDEN). */
GPtrArray      *sw_server_storage_push_directory (SwServerStorage *self,
                                                  SwServerDevice  *device,
                                                  JsonArray       *changes,
                                                  gint64           now,
                                                  gint64          *version,
                                                  GError         **error);

void            sw_server_device_free            (SwServerDevice  *device);
void            sw_directory_result_free         (SwDirectoryResult *result);
void            sw_push_result_free              (SwPushResult    *result);
void            sw_pull_page_free                (SwPullPage      *page);
const char     *sw_push_status_to_string         (SwPushStatus     status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwServerDevice, sw_server_device_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwPullPage, sw_pull_page_free)

/* The last audit entry held of a device: its sequence number and hash
 * (0 and SW_AUDIT_GENESIS when none). */
gboolean        sw_server_storage_audit_head     (SwServerStorage *self,
                                                  const char      *device_id,
                                                  gint64          *seq,
                                                  char           **hash,
                                                  GError         **error);
/* Stores `entries` (SwAuditEntry*) of a device in one transaction, all or
 * none. An engine stores them as they are: the caller has checked that
 * they continue the chain of audit_head (sws-api.c, sw_audit_chain_check). */
gboolean        sw_server_storage_append_audit   (SwServerStorage *self,
                                                  const char      *device_id,
                                                  GPtrArray       *entries,
                                                  gint64           now,
                                                  GError         **error);

/* ---- attached files (issue 17), by SHA-256 (docs/api.md "Attached files") ----
 * An engine keeps a file in parts while it arrives and makes it visible
 * only once its bytes hash to its name; the purge of a case (a `purged`
 * event stored by push) removes the files no other case holds. */

/* How many bytes of `hash` the server holds (*received) and whether they
 * are the whole verified file (*complete). */
gboolean        sw_server_storage_blob_status    (SwServerStorage *self,
                                                  const char      *hash,
                                                  gint64           *received,
                                                  gboolean         *complete,
                                                  GError          **error);
/* Appends `data` at `offset` of a file of `total` bytes. An offset other
 * than what is held is refused (SW_PROTOCOL_ERROR_RANGE, *received says
 * where to go on); a complete file takes anything (idempotent). When the
 * last byte arrives the hash is checked: a mismatch throws the parts away
 * (SW_PROTOCOL_ERROR_HASH_MISMATCH). */
gboolean        sw_server_storage_blob_append    (SwServerStorage *self,
                                                  const char      *hash,
                                                  gint64           offset,
                                                  GBytes          *data,
                                                  gint64           total,
                                                  gint64          *received,
                                                  gboolean        *complete,
                                                  GError         **error);
/* At most `length` bytes of a complete file from `offset`; *total its size.
 * SW_PROTOCOL_ERROR_NOT_FOUND when the server has not all of it. */
GBytes         *sw_server_storage_blob_read      (SwServerStorage *self,
                                                  const char      *hash,
                                                  gint64           offset,
                                                  gint64           length,
                                                  gint64          *total,
                                                  GError         **error);
/* Whether `device` may read the file: a case it may read refers to it and
 * the access policy gives such a device the bytes
 * (sw_access_device_opens_attachments); else SW_PROTOCOL_ERROR_FORBIDDEN,
 * or _NOT_FOUND when no case refers to it. */
gboolean        sw_server_storage_blob_readable  (SwServerStorage *self,
                                                  SwServerDevice  *device,
                                                  const char      *hash,
                                                  GError         **error);

/* The server's maintenance: deletes the files (and parts) older than
 * `min_age_s` seconds that no case refers to any longer — a file taken off
 * its case (`attachment_removed`) or purged, whose deletion a crash cut
 * short, or an upload whose push never came. Returns how many went; 0 for
 * an engine that does not sweep. */
guint           sw_server_storage_blob_sweep     (SwServerStorage *self,
                                                  gint64           min_age_s);

/* For the engines: the hex SHA-256 of a text (tokens and enrolment codes
 * are kept hashed) and a random hex string of `n_bytes` bytes. */
char           *_sw_server_sha256_hex            (const char      *text);
char           *_sw_server_random_hex            (gsize            n_bytes);

G_END_DECLS
