import { ConcurrentWrite, StorageFull, StoreBusy } from '../../domain/ledger-errors';

/**
 * A SQLite error as the ledger's own error, so no raw SQL message reaches a client; the
 * transaction has rolled back, nothing of the request was written. Anything else passes
 * through unchanged (a bug: the filter answers 500 without the message).
 */
export function storageError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC') {
    return new StorageFull(`The database could not grow (${code}); nothing of this request was written. Free disk space and retry.`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreBusy(`Another writer held the database longer than the busy timeout (${code}); nothing of this request was written. Retry.`);
  }
  if (code.startsWith('SQLITE_CONSTRAINT') && /constraint failed: events\./.test(String((error as Error).message))) {
    // The event ids are derived from the commandId: another writer appended this command (or one like it) meanwhile.
    // A constraint of a read model is a bug in a projection, not a race: it passes through (a logged 500).
    return new ConcurrentWrite(`Another writer appended conflicting events meanwhile (${code}); nothing of this request was written. Retry: the commandId makes that safe.`);
  }
  return error;
}

/** Only the busy case of `storageError`, for transactions that append nothing (read-model catch-up). */
export function busyError(error: unknown): unknown {
  const mapped = storageError(error);
  return mapped instanceof StoreBusy ? mapped : error;
}
