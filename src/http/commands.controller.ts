import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequiresAccess } from '../access/access.decorator';
import type { RequestWithPrincipal } from '../access/access.guard';
import type { Response } from 'express';
import type { DryRunResult } from '../commands/dry-run';
import { ExecuteCommands } from '../commands/execute-commands.command';
import type { WriteResult } from '../commands/ledger-writer';
import { InvalidInput } from '../domain/ledger-errors';
import { commandSchemas } from './command-schemas';

@ApiTags('commands')
@Controller('commands')
export class CommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @RequiresAccess('write')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Record one command, or an array of commands applied in order, all or nothing' })
  @ApiBody({ schema: { oneOf: [{ $ref: '#/components/schemas/LedgerCommand' }, { type: 'array', items: { $ref: '#/components/schemas/LedgerCommand' } }] } })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'], description: 'true: decide every command, append nothing; 200 with the events that would be appended and every rule violation' })
  @ApiResponse({ status: 201, description: 'Appended; the events with their positions' })
  @ApiResponse({ status: 200, description: 'Every commandId was applied before: nothing appended, the first result returned; or a dry run (`dryRun: true`, `ok`, `events`, `violations`, `commands`)' })
  @ApiResponse({ status: 400, description: 'Malformed input (problem details naming the field)' })
  @ApiResponse({ status: 401, description: 'No valid bearer token' })
  @ApiResponse({ status: 403, description: "The token's role may not send one of these command types" })
  @ApiResponse({ status: 409, description: 'Stale expectedVersion, or commandId reused for another command' })
  @ApiResponse({ status: 422, description: 'A rule of the ledger is broken (problem details naming the rule)' })
  async record(
    @Body() body: unknown,
    @Query('dryRun') dryRunParam: unknown,
    @Req() request: RequestWithPrincipal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult | DryRunResult> {
    const dryRun = dryRunFlag(dryRunParam);
    // The guard has verified the token; the actor of every event comes from it, never from the body.
    const result = await this.commandBus.execute(new ExecuteCommands(body, request.principal!, { dryRun }));
    if ('dryRun' in result || !result.appended) response.status(200);
    return result;
  }

  @Get()
  @ApiOperation({ summary: 'Every command type with its JSON schema' })
  list() {
    return commandSchemas();
  }
}

/** `?dryRun=true` or `false`; absent is false; anything else is refused, naming the parameter. */
function dryRunFlag(value: unknown): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new InvalidInput('dryRun must be true or false', [{ field: 'dryRun', message: 'must be true or false' }]);
}
