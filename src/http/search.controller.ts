import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SearchQuery } from '../queries/search.query';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'People, groups, meetings and decision texts whose text contains every word of q (case- and diacritic-insensitive: "jilken" finds Jilkén)' })
  @ApiQuery({ name: 'q', required: true })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp, default now' })
  search(@Query('q') q?: string, @Query('knownAt') knownAt?: string) {
    return this.queryBus.execute(new SearchQuery(q, knownAt));
  }
}
