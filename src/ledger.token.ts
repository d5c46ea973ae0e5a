/** The DI token for the opened Ledger (see ledger.ts). */
export const LEDGER = Symbol('LEDGER');
