import { LedgerError, type FieldProblem } from '../domain/ledger-errors';

/** The text states no meeting date, or is not a protocol at all (UnreadableProtocol of the reader). */
export class ProtocolUnreadable extends LedgerError {
  readonly status = 422;
  readonly kind = 'unreadable-protocol';
  readonly title = 'The text cannot be read as a protocol';
  at(prefix: string): ProtocolUnreadable {
    return new ProtocolUnreadable(this.message, this.problems.map((p) => ({ ...p, field: `${prefix}.${p.field}` })));
  }
}

/** Not text: a binary file, a charset other than UTF-8, or a content type the intake does not read. */
export class ProtocolNotText extends LedgerError {
  readonly status = 415;
  readonly kind = 'protocol-not-text';
  readonly title = 'The protocol must be plain text in UTF-8';
  at(): ProtocolNotText {
    return this;
  }
}

/** More text than any protocol has. */
export class ProtocolTooLarge extends LedgerError {
  readonly status = 413;
  readonly kind = 'protocol-too-large';
  readonly title = 'The protocol is too large';
  constructor(limitBytes: number, problems: readonly FieldProblem[]) {
    super(`A protocol is at most ${limitBytes / (1024 * 1024)} MB of text`, problems);
  }
  at(): ProtocolTooLarge {
    return this;
  }
}
