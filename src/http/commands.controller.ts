import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ExecuteCommands } from '../commands/execute-commands.command';
import type { WriteResult } from '../commands/ledger-writer';
import { commandSchemas } from './command-schemas';

@ApiTags('commands')
@Controller('commands')
export class CommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record one command, or an array of commands applied in order, all or nothing' })
  @ApiBody({ schema: { oneOf: [{ $ref: '#/components/schemas/LedgerCommand' }, { type: 'array', items: { $ref: '#/components/schemas/LedgerCommand' } }] } })
  @ApiResponse({ status: 201, description: 'Appended; the events with their positions' })
  @ApiResponse({ status: 200, description: 'Every commandId was applied before: nothing appended, the first result returned' })
  @ApiResponse({ status: 400, description: 'Malformed input (problem details naming the field)' })
  @ApiResponse({ status: 409, description: 'Stale expectedVersion, or commandId reused for another command' })
  @ApiResponse({ status: 422, description: 'A rule of the ledger is broken (problem details naming the rule)' })
  async record(@Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<WriteResult> {
    const result = await this.commandBus.execute(new ExecuteCommands(body, 'api:anonymous'));
    if (!result.appended) response.status(200);
    return result;
  }

  @Get()
  @ApiOperation({ summary: 'Every command type with its JSON schema' })
  list() {
    return commandSchemas();
  }
}
