import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ListProjectsQuery } from '../queries/finance/list-projects.query';

@ApiTags('finance')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Projects that run on a day, until when, with the decisions and financing behind each extension' })
  @ApiQuery({ name: 'at', required: false, description: 'YYYY-MM-DD (valid time), default today' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp (transaction time), default now' })
  list(@Query('at') at?: string, @Query('knownAt') knownAt?: string) {
    return this.queryBus.execute(new ListProjectsQuery(at, knownAt));
  }
}
