import { ErrorType } from '@eventstore/db-client';
import { AppendTooLarge, LedgerError, StoreUnavailable, StreamDeleted } from '../../domain/ledger-errors';

/**
 * The client's errors as the ledger's own, so a client gets problem details instead of a 500:
 *
 * - MaxAppendSizeExceeded → 413: nothing of that write was stored (the server refuses it whole).
 *   The ledger's metadata is most of an event (~83 %), so about 1 200 events reach the 1 MiB default.
 * - DeadlineExceeded, Unavailable, Timeout, Cancelled (the connection gave out) → 503; for a
 *   write the server may have stored it: "outcome unknown, retry with the same commandId".
 * - NotLeader → 503: a follower refused the write, nothing was stored; retrying reaches the leader.
 * - StreamDeleted → 410: someone deleted (tombstoned) a stream outside the ledger, which never deletes.
 */
export function toLedgerError(error: unknown, { writing }: { writing: boolean }): unknown {
  if (error instanceof LedgerError) return error;
  const type = (error as { type?: unknown } | null)?.type;
  const detail = error instanceof Error ? error.message : String(error);
  switch (type) {
    case ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED:
      return new AppendTooLarge(
        `EventStoreDB refused the write as larger than its maximum append size (${detail}); nothing of it was stored. Send the commands in smaller batches (about 1 000 events at most).`,
        [{ field: 'body', message: 'too many events for one write' }],
      );
    case ErrorType.DEADLINE_EXCEEDED:
    case ErrorType.UNAVAILABLE:
    case ErrorType.TIMEOUT:
    case ErrorType.CANCELLED:
      return new StoreUnavailable(`EventStoreDB did not answer in time (${type})`, { outcomeUnknown: writing });
    case ErrorType.NOT_LEADER:
      return new StoreUnavailable('EventStoreDB: the node reached is not the leader and refused the write; nothing was stored, retry', { outcomeUnknown: false });
    case ErrorType.STREAM_DELETED:
      return new StreamDeleted(`EventStoreDB reports the stream ${(error as { streamName?: string }).streamName ?? ''} as deleted; the ledger never deletes streams, so it was deleted outside the ledger`.replace('  ', ' '));
    default:
      return error;
  }
}
