import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ExportOparlMeetingsQuery } from '../queries/meeting.queries';
import { ExportPopoloQuery } from '../queries/person-profile.query';

@ApiTags('export')
@Controller('export')
export class ExportController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('popolo')
  @ApiOperation({ summary: 'Popolo JSON: persons, organizations (groups and parties), memberships with start/end dates, role and on_behalf_of' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp, default now' })
  popolo(@Query('knownAt') knownAt?: string) {
    return this.queryBus.execute(new ExportPopoloQuery(knownAt));
  }

  @Get('oparl/meetings')
  @ApiOperation({ summary: 'Every meeting as an OParl-shaped Meeting with its AgendaItems' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp, default now' })
  oparlMeetings(@Query('knownAt') knownAt?: string) {
    return this.queryBus.execute(new ExportOparlMeetingsQuery(knownAt));
  }
}
