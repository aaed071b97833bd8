-- sw-server-pg-log.sql — the PostgreSQL engine's event log and how it hands
-- out positions gap-free (the first part of its migration 1; the engine in C,
-- sw-server-pg*.c, is still to come: see docs/deploy.md and issue 15).
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A puller reads `WHERE position > cursor ORDER BY position LIMIT n` and
-- keeps the last position it saw as its cursor. With a plain sequence a
-- transaction that took position 7 may commit after one that took 8: a
-- puller that read 8 in between never sees 7. Here a position is taken at
-- the end of a push's transaction, from the one row of sw_position, by an
-- UPDATE that holds the row's lock until COMMIT: the pushes that store
-- something take their positions one after the other, in commit order, and
-- a push that rolls back gives its numbers back with it. Every push
-- transaction therefore ends with
--
--   WITH p AS (UPDATE sw_position SET value = value + $n RETURNING value)
--   INSERT INTO sw_event (position, …) SELECT p.value - $n + k, … FROM p, …
--
-- as its last statement before COMMIT (so the lock is held for as short a
-- time as possible), and with synchronous_commit on.

CREATE TABLE IF NOT EXISTS sw_meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE IF NOT EXISTS sw_position (
  one   boolean PRIMARY KEY DEFAULT true CHECK (one),
  value bigint NOT NULL DEFAULT 0
);
INSERT INTO sw_position (one, value) VALUES (true, 0) ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS sw_event (
  position    bigint PRIMARY KEY,
  event_id    text NOT NULL UNIQUE,
  case_id     text NOT NULL,
  branch_code text NOT NULL,
  device_id   text NOT NULL,
  body        jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS sw_event_by_case ON sw_event (case_id, position);
