import { allocateFundsCommand } from './allocate-funds/allocate-funds.command';
import { distributeFundsEarlyCommand } from './distribute-funds-early/distribute-funds-early.command';
import { endProjectCommand } from './end-project/end-project.command';
import { extendProjectCommand } from './extend-project/extend-project.command';
import { forecastUnusedFundsCommand } from './forecast-unused-funds/forecast-unused-funds.command';
import { invoiceSettlementCommand } from './invoice-settlement/invoice-settlement.command';
import { recordFinalAccountingCommand } from './record-final-accounting/record-final-accounting.command';
import { recordInvoicePaymentCommand } from './record-invoice-payment/record-invoice-payment.command';
import { registerGrantCommand } from './register-grant/register-grant.command';
import { settleRemainderCommand } from './settle-remainder/settle-remainder.command';
import { startProjectCommand } from './start-project/start-project.command';
import type { CommandDefinition } from './shared/command-definition';

/** The grant and project commands (one line in command-catalogue.ts, so slices merge cleanly). */
export const FINANCE_COMMANDS: readonly CommandDefinition<any>[] = [
  registerGrantCommand,
  allocateFundsCommand,
  forecastUnusedFundsCommand,
  distributeFundsEarlyCommand,
  recordFinalAccountingCommand,
  settleRemainderCommand,
  invoiceSettlementCommand,
  recordInvoicePaymentCommand,
  startProjectCommand,
  extendProjectCommand,
  endProjectCommand,
];
