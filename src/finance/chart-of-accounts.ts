/**
 * The accounts of the fund ledger. Every line is kept per grant (the fund dimension) and
 * per party. `normal` is the side on which the account's balance is positive.
 * Memorandum pairs (budget, forecast, stated remainder) record a figure without moving money.
 */
export type Account =
  | 'funds-held'
  | 'grant-received'
  | 'allocated'
  | 'allocation-budget'
  | 'forecast-unused'
  | 'forecast-memo'
  | 'distributed-early'
  | 'used'
  | 'remaining-stated'
  | 'remaining-memo'
  | 'settled'
  | 'settlement-due'
  | 'invoiced-payable';

export type Side = 'debit' | 'credit';

export interface AccountInfo {
  readonly normal: Side;
  readonly memo: boolean;
  readonly description: string;
}

export const ACCOUNTS: { readonly [A in Account]: AccountInfo } = {
  'funds-held': { normal: 'debit', memo: false, description: 'Grant money the holder still has' },
  'grant-received': { normal: 'credit', memo: false, description: 'What the holder received of the grant' },
  allocated: { normal: 'debit', memo: true, description: 'Budgets and allocations to programmes, projects and activities' },
  'allocation-budget': { normal: 'credit', memo: true, description: 'Contra of allocated (memorandum)' },
  'forecast-unused': { normal: 'debit', memo: true, description: 'Forecast of funds that will not be used' },
  'forecast-memo': { normal: 'credit', memo: true, description: 'Contra of forecast-unused (memorandum)' },
  'distributed-early': { normal: 'debit', memo: false, description: 'Paid out to a party before the final accounting' },
  used: { normal: 'debit', memo: false, description: 'Used, per the final accounting' },
  'remaining-stated': { normal: 'debit', memo: true, description: 'What remained, as stated by the final accounting' },
  'remaining-memo': { normal: 'credit', memo: true, description: 'Contra of remaining-stated (memorandum)' },
  settled: { normal: 'debit', memo: false, description: "A party's share of what remained" },
  'settlement-due': { normal: 'credit', memo: false, description: 'A settlement share owed to a party and not yet invoiced' },
  'invoiced-payable': { normal: 'credit', memo: false, description: 'Invoiced to the payer and not yet paid' },
};

export const opposite = (side: Side): Side => (side === 'debit' ? 'credit' : 'debit');
