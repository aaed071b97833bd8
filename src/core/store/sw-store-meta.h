/* sw-store-meta.h — every key of the store's meta table, named once (client store and server storage)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* This device */
#define SW_META_BRANCH_CODE        "branch_code"         /* the home branch */
#define SW_META_BRANCH_NAME        "branch_name"         /* its name, for a database made without a directory */
#define SW_META_DEVICE_CODE        "device_code"         /* in new case numbers */
#define SW_META_DEVICE_ID          "device_id"           /* a UUID, made once */
#define SW_META_HLC                "hlc"                 /* the last hybrid logical clock value */
#define SW_META_DEMO               "demo"                /* "1": made by init --demo (every person has the demo password) */

/* Sync, on a client */
#define SW_META_SYNC_SERVER        "sync_server"         /* the server's URL */
#define SW_META_SYNC_TOKEN         "sync_token"          /* this device's token */
#define SW_META_SYNC_ROLE          "sync_role"           /* "branch", "inspector" or "head_office" */
#define SW_META_SYNC_CURSOR        "sync_cursor"         /* the last pulled sequence */
#define SW_META_SYNC_STATE         "sync_state"
#define SW_META_SYNC_REASON        "sync_reason"
#define SW_META_SYNC_OFFLINE_SINCE "sync_offline_since"
#define SW_META_SYNC_LAST_OK       "sync_last_ok"
#define SW_META_APP_SYNC_WITHDRAWN "app_sync_withdrawn"  /* the app's list of withdrawn events */

/* Both sides of sync */
#define SW_META_SERVER_EPOCH       "server_epoch"        /* new when a server is restored */
#define SW_META_SERVER_RESTORED_AT "server_restored_at"  /* (server) when it last took a new epoch after a restore */
#define SW_META_SERVER_POSITION    "server_position"     /* (client) the furthest server position seen */
#define SW_META_DIRECTORY_VERSION  "directory_version"   /* raised by every directory change */

/* The server's storage: the format of its own tables */
#define SW_META_SERVER_SCHEMA      "server_schema"

/* "1": cases were written while search rows were put off (a bootstrap,
 * sw_store_defer_search); the index is rebuilt before the next search */
#define SW_META_SEARCH_STALE       "search_stale"

/* Accountability: the last event sequence the detector has read */
#define SW_META_DETECT_SEQ         "detect.seq"

/* The audit log: the last sequence appended (a deleted last entry would be
 * missed otherwise), and the last one this device's pushes delivered */
#define SW_META_AUDIT_LAST         "audit.last"
#define SW_META_AUDIT_PUSHED       "audit.pushed"

/* The app's daily purge of personal data past retention (issue 13 item 7):
 * the end of the last day it ran (epoch ms, the branch's day) */
#define SW_META_PRIVACY_PURGED_DAY "privacy.purged_day"
