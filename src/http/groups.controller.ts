import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { GetGroupRosterQuery } from '../queries/group-roster.query';
import { ListGroupsQuery } from '../queries/list-groups.query';
import { GetGroupHistoryQuery } from '../queries/group-history.query';

@ApiTags('groups')
@Controller('groups')
export class GroupsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Every group, with id, slug, name and kind' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp: as the ledger knew it then' })
  list(@Query('knownAt') knownAt?: string) {
    return this.queryBus.execute(new ListGroupsQuery(knownAt));
  }

  @Get(':group/roster')
  @ApiOperation({ summary: 'Who sat on the group on a day (valid time), as known at a time (transaction time)' })
  @ApiQuery({ name: 'at', required: false, description: 'YYYY-MM-DD, default today' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp, default now' })
  roster(@Param('group') group: string, @Query('at') at?: string, @Query('knownAt') knownAt?: string) {
    return this.queryBus.execute(new GetGroupRosterQuery(group, at, knownAt));
  }

  @Get(':group/history')
  @ApiOperation({ summary: 'Every seat and chair term of the group over time, and each change with the meeting item that decided it' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp, default now' })
  history(@Param('group') group: string, @Query('knownAt') knownAt?: string) {
    return this.queryBus.execute(new GetGroupHistoryQuery(group, knownAt));
  }
}
