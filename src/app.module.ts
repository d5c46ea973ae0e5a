import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ExecuteCommandsHandler } from './commands/execute-commands.command';
import type { LedgerConfig } from './config/ledger-config';
import { CommandsController } from './http/commands.controller';
import { GroupsController } from './http/groups.controller';
import { HealthController } from './http/health.controller';
import { PeopleController } from './http/people.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { openLedger, type Ledger, type OpenOptions } from './ledger';
import { LEDGER } from './ledger.token';
import { GetGroupRosterHandler } from './queries/group-roster.query';
import { ListGroupsHandler } from './queries/list-groups.query';
import { GetPersonMembershipsHandler } from './queries/person-memberships.query';
import { MeetingsController } from './http/meetings.controller';
import { DecisionsController } from './http/decisions.controller';
import { ExportController } from './http/export.controller';
import { ExportOparlMeetingsHandler, GetMeetingHandler, ListDecisionsHandler, ListMeetingsHandler } from './queries/meeting.queries';
import { ExportPopoloHandler, GetPersonProfileHandler } from './queries/person-profile.query';

export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');

/** The thin NestJS shell: controllers on the buses, handlers delegating to the opened Ledger. */
@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  static forRoot(config: LedgerConfig, options: OpenOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [CommandsController, GroupsController, PeopleController, HealthController, MeetingsController, DecisionsController, ExportController],
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: LEDGER, useFactory: () => openLedger(config, options) },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        ExecuteCommandsHandler,
        GetGroupRosterHandler,
        ListGroupsHandler,
        GetPersonMembershipsHandler,
        ListMeetingsHandler,
        GetMeetingHandler,
        ListDecisionsHandler,
        ExportOparlMeetingsHandler,
        GetPersonProfileHandler,
        ExportPopoloHandler,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.ledger.close();
  }
}
