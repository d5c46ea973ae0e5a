import { GetGrantBalanceHandler } from '../queries/finance/grant-balance.query';
import { GetGrantReconciliationHandler } from '../queries/finance/grant-reconciliation.query';
import { ListGrantsHandler } from '../queries/finance/list-grants.query';
import { ListPostingsHandler } from '../queries/finance/list-postings.query';
import { ListProjectsHandler } from '../queries/finance/list-projects.query';
import { GetTrialBalanceHandler } from '../queries/finance/trial-balance.query';
import { GrantsController } from './grants.controller';
import { LedgerController } from './ledger.controller';
import { ProjectsController } from './projects.controller';

/** The finance controllers and query handlers (spread into app.module.ts, so slices merge cleanly). */
export const FINANCE_CONTROLLERS = [GrantsController, LedgerController, ProjectsController];
export const FINANCE_QUERY_HANDLERS = [ListGrantsHandler, GetGrantBalanceHandler, GetGrantReconciliationHandler, GetTrialBalanceHandler, ListPostingsHandler, ListProjectsHandler];
