import { bulkImportMeasurement } from './bulk-import.measurement';
import { commandsHttpMeasurement } from './commands-http.measurement';
import { dbSizeMeasurement } from './db-size.measurement';
import { importBreakdownMeasurement } from './import-breakdown.measurement';
import type { Measurement } from './measurement';
import { rawSqliteMeasurement } from './raw-sqlite.measurement';
import { rebuildMeasurement } from './rebuild.measurement';
import { rosterHttpMeasurement } from './roster-http.measurement';
import { rosterInProcessMeasurement } from './roster-in-process.measurement';

/**
 * Every measurement, in the order they run on one database. The import comes first (it
 * builds the database); the HTTP commands come last (they append). Still to come, one file
 * each: `verify` over the whole log (issue 5), balance queries in-process and over HTTP (issue 4).
 */
export const ALL_MEASUREMENTS: readonly Measurement[] = [
  bulkImportMeasurement,
  rawSqliteMeasurement,
  importBreakdownMeasurement,
  dbSizeMeasurement,
  rebuildMeasurement,
  rosterInProcessMeasurement,
  rosterHttpMeasurement,
  commandsHttpMeasurement,
];
