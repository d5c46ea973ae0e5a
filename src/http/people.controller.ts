import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { GetPersonMembershipsQuery } from '../queries/person-memberships.query';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':person/memberships')
  @ApiOperation({ summary: "A person's whole history: seats and chairs in every group, and affiliations" })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp, default now' })
  memberships(@Param('person') person: string, @Query('knownAt') knownAt?: string) {
    return this.queryBus.execute(new GetPersonMembershipsQuery(person, knownAt));
  }
}
