/**
 * Typed errors with an HTTP status. The one exception filter in src/http turns them
 * into RFC 9457 problem details; the CLI prints them. Nothing else decides a status.
 */
export interface FieldProblem {
  /** Dotted path of the offending field in the request, e.g. "data.effectiveFrom" or "[1].data.group". */
  readonly field: string;
  readonly message: string;
}

export abstract class LedgerError extends Error {
  abstract readonly status: number;
  abstract readonly kind: string;
  abstract readonly title: string;
  constructor(
    message: string,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
  /** Prefixes every field path, used when a command sits at an index in a batch. */
  abstract at(prefix: string): LedgerError;
}

function prefixed(problems: readonly FieldProblem[], prefix: string): FieldProblem[] {
  return problems.map((p) => ({ ...p, field: `${prefix}${p.field.startsWith('[') ? '' : '.'}${p.field}` }));
}

/** Malformed input: a field is missing, of the wrong type or out of range. */
export class InvalidInput extends LedgerError {
  readonly status = 400;
  readonly kind = 'invalid-input';
  readonly title = 'The request is malformed';
  at(prefix: string): InvalidInput {
    return new InvalidInput(this.message, prefixed(this.problems, prefix));
  }
}

/** A well-formed command that breaks a rule of the domain; `rule` names which. */
export class RuleViolation extends LedgerError {
  readonly status = 422;
  readonly kind = 'rule-violation';
  readonly title = 'The command breaks a rule of the ledger';
  constructor(
    readonly rule: string,
    message: string,
    problems: readonly FieldProblem[] = [],
  ) {
    super(message, problems);
  }
  at(prefix: string): RuleViolation {
    return new RuleViolation(this.rule, this.message, prefixed(this.problems, prefix));
  }
}

export class NotFound extends LedgerError {
  readonly status = 404;
  readonly kind = 'not-found';
  readonly title = 'Not found';
  at(prefix: string): NotFound {
    return new NotFound(this.message, prefixed(this.problems, prefix));
  }
}

/** The stream moved on since the client (or this process) read it. */
export class ConcurrencyConflict extends LedgerError {
  readonly status = 409;
  readonly kind = 'concurrency-conflict';
  readonly title = 'The stream has changed';
  constructor(
    readonly stream: string,
    readonly expectedVersion: number | string,
    readonly actualVersion: number,
    problems: readonly FieldProblem[] = [],
  ) {
    super(`Stream ${stream} is at version ${actualVersion}, expected ${expectedVersion}`, problems);
  }
  at(prefix: string): ConcurrencyConflict {
    return new ConcurrencyConflict(this.stream, this.expectedVersion, this.actualVersion, prefixed(this.problems, prefix));
  }
}

/** A commandId that was used before for a different command. */
export class CommandIdReused extends LedgerError {
  readonly status = 409;
  readonly kind = 'command-id-reused';
  readonly title = 'The commandId was used for another command';
  at(prefix: string): CommandIdReused {
    return new CommandIdReused(this.message, prefixed(this.problems, prefix));
  }
}

/** The log was written but the read models have not caught up in time (EventStoreDB only). */
export class ReadModelLagging extends LedgerError {
  readonly status = 503;
  readonly kind = 'read-model-lagging';
  readonly title = 'Written, but the read models have not caught up yet';
  at(): ReadModelLagging {
    return this;
  }
}

/** No token, or one that is unknown or revoked. */
export class Unauthenticated extends LedgerError {
  readonly status = 401;
  readonly kind = 'unauthenticated';
  readonly title = 'A valid bearer token is required';
  readonly headers = { 'WWW-Authenticate': 'Bearer realm="decision-ledger"' };
  at(): Unauthenticated {
    return this;
  }
}

/** A valid token whose role does not allow this. */
export class Forbidden extends LedgerError {
  readonly status = 403;
  readonly kind = 'forbidden';
  readonly title = "The token's role does not allow this";
  at(prefix: string): Forbidden {
    return new Forbidden(this.message, prefixed(this.problems, prefix));
  }
}

/** Too many requests from one token or address in the current window. */
export class TooManyRequests extends LedgerError {
  readonly status = 429;
  readonly kind = 'too-many-requests';
  readonly title = 'Too many requests';
  readonly headers: Record<string, string>;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.headers = { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) };
  }
  at(): TooManyRequests {
    return this;
  }
}

/** The disk is full: nothing was written; the same request succeeds once space returns. */
export class StorageFull extends LedgerError {
  readonly status = 507;
  readonly kind = 'storage-full';
  readonly title = 'The ledger is out of disk space';
  at(): StorageFull {
    return this;
  }
}

/**
 * Another writer (this process or another on the same file) appended the same event ids
 * first; after the writer's bounded retries, the client may send the same request again
 * (its commandId makes that safe).
 */
export class ConcurrentWrite extends LedgerError {
  readonly status = 409;
  readonly kind = 'concurrent-write';
  readonly title = 'Another writer got there first';
  readonly headers = { 'Retry-After': '1' };
  at(): ConcurrentWrite {
    return this;
  }
}

/** The database stayed locked by another writer longer than the busy timeout; nothing was written. */
export class StoreBusy extends LedgerError {
  readonly status = 503;
  readonly kind = 'store-busy';
  readonly title = 'The ledger is busy with another writer';
  readonly headers = { 'Retry-After': '1' };
  at(): StoreBusy {
    return this;
  }
}

/**
 * The event store server did not answer (down, failing over, too slow). With `outcomeUnknown`
 * the write may have been committed before the answer was lost: retrying with the same
 * commandId is safe (it is applied once), a new commandId is not.
 */
export class StoreUnavailable extends LedgerError {
  readonly status = 503;
  readonly kind = 'store-unavailable';
  readonly title: string;
  readonly headers = { 'Retry-After': '2' };
  readonly outcomeUnknown: boolean;
  constructor(message: string, options: { outcomeUnknown: boolean }, problems: readonly FieldProblem[] = []) {
    super(options.outcomeUnknown ? `${message}; the outcome is unknown: retry with the same commandId` : message, problems);
    this.outcomeUnknown = options.outcomeUnknown;
    this.title = options.outcomeUnknown ? 'Outcome unknown, retry with the same commandId' : 'The event store is unavailable';
  }
  at(): StoreUnavailable {
    // A whole-store condition, not a field's: kept as it is (a copy would lose outcomeUnknown).
    return this;
  }
}

/** One request's events are more than the event store accepts in one write. */
export class AppendTooLarge extends LedgerError {
  readonly status = 413;
  readonly kind = 'append-too-large';
  readonly title = 'Too many events for one write';
  at(prefix: string): AppendTooLarge {
    return new AppendTooLarge(this.message, prefixed(this.problems, prefix));
  }
}

/** A stream the ledger writes to was deleted in the server, outside the ledger (which never deletes). */
export class StreamDeleted extends LedgerError {
  readonly status = 410;
  readonly kind = 'stream-deleted';
  readonly title = 'The stream was deleted in the event store';
  at(prefix: string): StreamDeleted {
    return new StreamDeleted(this.message, prefixed(this.problems, prefix));
  }
}
