import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequiresAccess } from '../access/access.decorator';
import { BrowseEventsQuery, ChangesBetweenQuery, ExplainEventQuery, VerifyLogQuery } from '../queries/audit.queries';

/** The auditor's API: the raw log with actors and hashes, so it needs an auditor's token. */
@ApiTags('audit')
@ApiBearerAuth()
@RequiresAccess('auditor')
@Controller('audit')
export class AuditController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('verify')
  @ApiOperation({ summary: 'Recompute every hash chain: OK, or the first bad event of each stream and what is wrong (changed, missing, reordered, inserted)' })
  verify() {
    return this.queryBus.execute(new VerifyLogQuery());
  }

  @Get('events')
  @ApiOperation({ summary: 'Page through the log as stored, with each event\'s hash; pass `next` as `after` for the next page' })
  @ApiQuery({ name: 'stream', required: false })
  @ApiQuery({ name: 'type', required: false })
  @ApiQuery({ name: 'actor', required: false })
  @ApiQuery({ name: 'from', required: false, description: 'recordedAt at or after (ISO timestamp)' })
  @ApiQuery({ name: 'to', required: false, description: 'recordedAt at or before (ISO timestamp)' })
  @ApiQuery({ name: 'after', required: false, description: 'log position (cursor)' })
  @ApiQuery({ name: 'limit', required: false, description: '1–500, default 50' })
  events(@Query() params: Record<string, unknown>) {
    return this.queryBus.execute(new BrowseEventsQuery(params));
  }

  @Get('changes')
  @ApiOperation({ summary: 'What changed between two moments (recorded time): each event recorded in the window as the fact it states, with the part of the record it changed; a correction or revocation with the fact before, after and the fields it changed' })
  @ApiQuery({ name: 'from', required: false, description: 'recordedAt at or after (ISO timestamp or date)' })
  @ApiQuery({ name: 'to', required: false, description: 'recordedAt at or before (ISO timestamp or date)' })
  @ApiQuery({ name: 'after', required: false, description: 'log position (cursor)' })
  @ApiQuery({ name: 'limit', required: false, description: '1–500, default 50' })
  changes(@Query() params: Record<string, unknown>) {
    return this.queryBus.execute(new ChangesBetweenQuery(params));
  }

  @Get('events/:id')
  @ApiOperation({ summary: 'One event: its chain link (verified?), its source document and decision, and the events that corrected it' })
  event(@Param('id') id: string) {
    return this.queryBus.execute(new ExplainEventQuery(id));
  }
}
