import { ProtocolReviewController } from './web/review/review.controller';
import { IntakeController } from './http/intake.controller';
import { IntakeProtocolHandler } from './queries/intake-protocol.query';
import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ExecuteCommandsHandler } from './commands/execute-commands.command';
import type { LedgerConfig } from './config/ledger-config';
import { AuditController } from './http/audit.controller';
import { CommandsController } from './http/commands.controller';
import { FINANCE_CONTROLLERS, FINANCE_QUERY_HANDLERS } from './http/finance-http';
import { GroupsController } from './http/groups.controller';
import { HealthController } from './http/health.controller';
import { PeopleController } from './http/people.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { SettledReadsInterceptor } from './http/settled-reads.interceptor';
import { openLedger, type Ledger, type OpenOptions } from './ledger';
import { LEDGER, LEDGER_CONFIG } from './ledger.token';
import { AccessGuard } from './access/access.guard';
import { TokensController } from './http/tokens.controller';
import { BrowseEventsHandler, ChangesBetweenHandler, ExplainEventHandler, VerifyLogHandler } from './queries/audit.queries';
import { GetGroupRosterHandler } from './queries/group-roster.query';
import { ListGroupsHandler } from './queries/list-groups.query';
import { GetPersonMembershipsHandler } from './queries/person-memberships.query';
import { MeetingsController } from './http/meetings.controller';
import { DecisionsController } from './http/decisions.controller';
import { ExportController } from './http/export.controller';
import { ExportOparlMeetingsHandler, GetMeetingHandler, ListDecisionsHandler, ListMeetingsHandler } from './queries/meeting.queries';
import { ExportPopoloHandler, GetPersonProfileHandler } from './queries/person-profile.query';

import { GetGroupHistoryHandler } from './queries/group-history.query';
import { SearchHandler } from './queries/search.query';
import { SearchController } from './http/search.controller';
import { WebController } from './web/web.controller';
import { CLERK_SESSIONS, ClerkController } from './web/clerk/clerk.controller';
import { ClerkSessions } from './web/clerk/clerk-sessions';

export { LEDGER_CONFIG };

/** The thin NestJS shell: controllers on the buses, handlers delegating to the opened Ledger. */
@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  static forRoot(config: LedgerConfig, options: OpenOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [CommandsController, GroupsController, PeopleController, HealthController, TokensController, AuditController, ...FINANCE_CONTROLLERS, MeetingsController, DecisionsController, ExportController, SearchController, WebController, ProtocolReviewController, ClerkController, IntakeController],
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: LEDGER, useFactory: () => openLedger(config, options) },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        // Group commit: no request but POST /commands runs while a shared transaction is open.
        { provide: APP_INTERCEPTOR, useClass: SettledReadsInterceptor },
        // Clerk sign-ins are kept in the ledger's file beside the tokens: a restart keeps them.
        { provide: CLERK_SESSIONS, useFactory: (ledger: Ledger) => new ClerkSessions(ledger.sessions), inject: [LEDGER] },
        ExecuteCommandsHandler,
        IntakeProtocolHandler,
        GetGroupRosterHandler,
        ListGroupsHandler,
        GetPersonMembershipsHandler,
        // Audit: the controller needs the auditor role.
        VerifyLogHandler,
        BrowseEventsHandler,
        ChangesBetweenHandler,
        ExplainEventHandler,
        ...FINANCE_QUERY_HANDLERS,
        ListMeetingsHandler,
        GetMeetingHandler,
        ListDecisionsHandler,
        ExportOparlMeetingsHandler,
        GetPersonProfileHandler,
        ExportPopoloHandler,
        GetGroupHistoryHandler,
        SearchHandler,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.ledger.close();
  }
}
