import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ListDecisionsQuery } from '../queries/meeting.queries';

@ApiTags('decisions')
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Decisions by status: pending (deferred, or awaiting ratification, with what each waits for), decided, ratified' })
  @ApiQuery({ name: 'status', required: false, enum: ['pending', 'decided', 'ratified', 'all'] })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp, default now' })
  list(@Query('status') status?: string, @Query('knownAt') knownAt?: string) {
    return this.queryBus.execute(new ListDecisionsQuery(status, knownAt));
  }
}
