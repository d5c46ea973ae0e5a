import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../access/principal';
import { protocolTextOf } from '../intake/protocol-text';
import { readProtocolWithDryRun, type ProtocolIntake } from '../intake/read-protocol';
import { LEDGER } from '../ledger.token';
import type { Ledger } from '../ledger';

/**
 * A protocol's text in, proposed commands and their dry run out. A query: it reads the
 * directory and decides against the current state, and appends nothing, ever.
 */
export class IntakeProtocolQuery extends Query<ProtocolIntake> {
  constructor(
    readonly bytes: Uint8Array,
    /** The request field the text came in, named by any refusal. */
    readonly field: string,
    /** Whose dry run: a role that may not send a proposed command sees that as a violation. */
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(IntakeProtocolQuery)
export class IntakeProtocolHandler implements IQueryHandler<IntakeProtocolQuery, ProtocolIntake> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  execute(query: IntakeProtocolQuery): Promise<ProtocolIntake> {
    return readProtocolWithDryRun(this.ledger, protocolTextOf(query.bytes, query.field), query.principal, query.field);
  }
}
