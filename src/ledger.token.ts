/** The DI token for the opened Ledger (see ledger.ts). */
export const LEDGER = Symbol('LEDGER');

/** The validated configuration the app was started with. */
export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
