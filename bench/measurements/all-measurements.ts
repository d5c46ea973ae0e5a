import { balanceHttpMeasurement } from './balance-http.measurement';
import { balanceInProcessMeasurement } from './balance-in-process.measurement';
import { bulkImportMeasurement } from './bulk-import.measurement';
import { commandsHttpMeasurement } from './commands-http.measurement';
import { dbSizeMeasurement } from './db-size.measurement';
import { importBreakdownMeasurement } from './import-breakdown.measurement';
import type { Measurement } from './measurement';
import { peerAppendMeasurement } from './peer-append.measurement';
import { postgresMeasurement } from './postgres.measurement';
import { rawSqliteMeasurement } from './raw-sqlite.measurement';
import { rebuildMeasurement } from './rebuild.measurement';
import { rosterHttpMeasurement } from './roster-http.measurement';
import { rosterInProcessMeasurement } from './roster-in-process.measurement';
import { verifyMeasurement } from './verify.measurement';

/**
 * Every measurement, in the order they run on one database. The import comes first (it
 * builds the database); the HTTP commands come last (they append).
 */
export const ALL_MEASUREMENTS: readonly Measurement[] = [
  bulkImportMeasurement,
  rawSqliteMeasurement,
  importBreakdownMeasurement,
  peerAppendMeasurement,
  dbSizeMeasurement,
  rebuildMeasurement,
  verifyMeasurement,
  postgresMeasurement,
  rosterInProcessMeasurement,
  rosterHttpMeasurement,
  balanceInProcessMeasurement,
  balanceHttpMeasurement,
  commandsHttpMeasurement,
];
