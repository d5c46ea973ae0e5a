import type { PoolClient } from 'pg';

/** The advisory lock every append takes for its transaction: positions are then assigned and committed in order. */
export const APPEND_LOCK_KEY = 730_112_601;
/** Taken while the schema is created, so two processes opening one empty database do not race. */
const SCHEMA_LOCK_KEY = 730_112_602;
/** NOTIFY channel: a wake-up for subscriptions, never the source of events (they are always read from the table). */
export const APPENDED_CHANNEL = 'ledger_events_appended';

/**
 * One table holds the log and its hash chain: every row is an event with the link written
 * with it. `data` and `metadata` are kept as the JSON text that was hashed (jsonb would
 * reorder keys and drop nothing, but the text is the stored form a reader gets back).
 * Triggers refuse UPDATE, DELETE and TRUNCATE for every role that does not drop them.
 */
export async function createPostgresSchema(client: PoolClient): Promise<void> {
  // A hot standby (pg_basebackup -R) is read-only and holds the primary's schema: nothing to create.
  const role = await client.query<{ standby: boolean; log: string | null }>("SELECT pg_is_in_recovery() AS standby, to_regclass('ledger_events')::text AS log");
  if (role.rows[0]?.standby) {
    if (!role.rows[0].log) throw new Error('this PostgreSQL server is a read-only standby and holds no ledger log yet: open the primary once first');
    return;
  }
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS ledger_events (
        position        BIGINT  PRIMARY KEY,
        id              TEXT    NOT NULL,
        stream          TEXT    NOT NULL,
        stream_version  INTEGER NOT NULL,
        type            TEXT    NOT NULL,
        schema_version  INTEGER NOT NULL,
        data            TEXT    NOT NULL,
        metadata        TEXT    NOT NULL,
        command_id      TEXT    NOT NULL,
        recorded_at     TEXT    NOT NULL,
        hash            TEXT    NOT NULL,
        prev_hash       TEXT    NOT NULL,
        CONSTRAINT ledger_events_id_unique UNIQUE (id),
        CONSTRAINT ledger_events_stream_version_unique UNIQUE (stream, stream_version),
        CONSTRAINT ledger_events_position_positive CHECK (position > 0)
      );
      CREATE INDEX IF NOT EXISTS ledger_events_by_command ON ledger_events (command_id);
      CREATE OR REPLACE FUNCTION ledger_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the event log is append-only (% refused)', TG_OP; END $$;
      CREATE OR REPLACE TRIGGER ledger_events_never_updated BEFORE UPDATE OR DELETE ON ledger_events
        FOR EACH ROW EXECUTE FUNCTION ledger_events_append_only();
      CREATE OR REPLACE TRIGGER ledger_events_never_truncated BEFORE TRUNCATE ON ledger_events
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_events_append_only();
    `);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
