import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LEDGER } from '../ledger.token';
import type { Ledger } from '../ledger';
import type { Principal } from '../access/principal';
import type { DryRunResult } from './dry-run';
import type { ExecuteOptions, WriteResult } from './ledger-writer';

/** POST /commands on the CommandBus: one command or a batch, as received, with the principal its token vouches for. */
export class ExecuteCommands extends Command<WriteResult | DryRunResult> {
  constructor(
    readonly body: unknown,
    /** From the bearer token, never from the request body. */
    readonly principal: Principal,
    /** `dryRun`: decide, append nothing, answer what would be appended (a DryRunResult). */
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

@CommandHandler(ExecuteCommands)
export class ExecuteCommandsHandler implements ICommandHandler<ExecuteCommands, WriteResult | DryRunResult> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  execute(command: ExecuteCommands): Promise<WriteResult | DryRunResult> {
    return this.ledger.writer.execute(command.body, command.principal, command.options);
  }
}
