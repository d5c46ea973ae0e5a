import type { GrantEvent } from '../../events/grant.events';
import { allocateFunds } from '../allocate-funds/allocate-funds.decide';
import { distributeFundsEarly } from '../distribute-funds-early/distribute-funds-early.decide';
import { forecastUnusedFunds } from '../forecast-unused-funds/forecast-unused-funds.decide';
import { invoiceSettlement } from '../invoice-settlement/invoice-settlement.decide';
import { recordFinalAccounting } from '../record-final-accounting/record-final-accounting.decide';
import { recordInvoicePayment } from '../record-invoice-payment/record-invoice-payment.decide';
import { registerGrant } from '../register-grant/register-grant.decide';
import { settleRemainder } from '../settle-remainder/settle-remainder.decide';
import type { GrantCommand } from './grant.commands';
import { evolveGrant, initialGrantState, type GrantState } from './grant.state';

/** The grant decider: `decide` only routes; each decision lives in its command's folder. */
export function decideGrant(command: GrantCommand, state: GrantState): GrantEvent[] {
  switch (command.type) {
    case 'RegisterGrant':
      return registerGrant(command, state);
    case 'AllocateFunds':
      return allocateFunds(command, state);
    case 'ForecastUnusedFunds':
      return forecastUnusedFunds(command, state);
    case 'DistributeFundsEarly':
      return distributeFundsEarly(command, state);
    case 'RecordFinalAccounting':
      return recordFinalAccounting(command, state);
    case 'SettleRemainder':
      return settleRemainder(command, state);
    case 'InvoiceSettlement':
      return invoiceSettlement(command, state);
    case 'RecordInvoicePayment':
      return recordInvoicePayment(command, state);
    default:
      return assertNever(command);
  }
}

export const grantDecider = { decide: decideGrant, evolve: evolveGrant, initialState: initialGrantState };

function assertNever(value: never): never {
  throw new Error(`Unhandled command ${JSON.stringify(value)}`);
}
