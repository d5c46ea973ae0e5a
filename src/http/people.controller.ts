import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { GetPersonMembershipsQuery } from '../queries/person-memberships.query';
import { GetPersonProfileQuery } from '../queries/person-profile.query';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':person')
  @ApiOperation({ summary: 'A person in official capacity: seats, chair roles and affiliations over time, and the meetings attended' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp, default now' })
  profile(@Param('person') person: string, @Query('knownAt') knownAt?: string) {
    return this.queryBus.execute(new GetPersonProfileQuery(person, knownAt));
  }

  @Get(':person/memberships')
  @ApiOperation({ summary: "A person's whole history: seats and chairs in every group, and affiliations" })
  @ApiQuery({ name: 'knownAt', required: false, description: 'ISO timestamp, default now' })
  memberships(@Param('person') person: string, @Query('knownAt') knownAt?: string) {
    return this.queryBus.execute(new GetPersonMembershipsQuery(person, knownAt));
  }
}
