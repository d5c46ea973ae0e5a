import type { UnusedFundsForecast } from '../../events/grant.events';
import type { ForecastUnusedFundsCommand } from '../grant/grant.commands';
import { requireRegistered, requireWithin } from '../grant/grant-rules';
import type { GrantState } from '../grant/grant.state';

/** A forecast of funds that will not be used; it cannot exceed what was received. */
export function forecastUnusedFunds(command: ForecastUnusedFundsCommand, state: GrantState): UnusedFundsForecast[] {
  const grant = requireRegistered(state);
  requireWithin('forecast-exceeds-grant', 'The forecast', [command.data.amount], grant.terms.received, 'data.amount', false);
  return [{ type: 'UnusedFundsForecast', data: { grantId: grant.terms.grantId, holderId: grant.terms.holderId, amount: command.data.amount } }];
}
