import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
// A keyword followed by white space: SQL ("REPLACE INTO …"), not a word such as the command id "replace-<slug>".
const SQL_START = /^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|WITH|PRAGMA|REPLACE)\s/i;

/**
 * Values never go into SQL text: every statement takes them as parameters (? or @name).
 * The only interpolations in SQL are identifiers and fragments that come from code
 * (table names of projections, column lists, the `knownAt` condition with its own
 * parameter). Each is listed here once it has been read; a new one fails this test until
 * someone reads it and adds it, with the file, on purpose.
 */
const REVIEWED = new Set([
  "src/event-store/postgres/postgres-event-store.ts :: EVENT_COLUMNS",
  "src/event-store/sqlite/sqlite-event-store.ts :: SELECT_COLUMNS",
  "src/projections/affiliation.projection.ts :: KNOWN_COLUMNS",
  "src/projections/affiliation.projection.ts :: log.setupSql()",
  "src/projections/attested-seat.projection.ts :: KNOWN_COLUMNS",
  "src/projections/attested-seat.projection.ts :: log.setupSql()",
  "src/projections/chair-term.projection.ts :: INTERVAL_COLUMNS",
  "src/projections/chair-term.projection.ts :: log.setupSql()",
  "src/projections/decision-effects.projection.ts :: KNOWN_COLUMNS",
  "src/projections/decision-status.projection.ts :: KNOWN_COLUMNS",
  "src/projections/finance-basis.projection.ts :: KNOWN_COLUMNS",
  "src/projections/decision-status.projection.ts :: log.setupSql()",
  "src/projections/group-membership.projection.ts :: INTERVAL_COLUMNS",
  "src/projections/group-membership.projection.ts :: log.setupSql()",
  "src/projections/current-rows.ts :: this.idColumn",
  "src/projections/current-rows.ts :: this.table",
  "src/projections/meeting.projection.ts :: KNOWN_COLUMNS",
  "src/projections/meeting.projection.ts :: log.setupSql()",
  "src/projections/projection-engine.ts :: table",
  "src/projections/read-model-fingerprint.ts :: name",
  "src/projections/read-model-fingerprint.ts :: order",
  "src/projections/read-model-fingerprint.ts :: schema",
  "src/projections/scoped-log.ts :: this.table",
  "src/projections/shadow-rebuild.ts :: table",
  // the name of an index SQLite itself lists for a projection's table (sqlite_master)
  "src/projections/shadow-rebuild.ts :: index.name",
  "src/projections/shadow-rebuild.ts :: shadow",
  "src/projections/versioned-rows.ts :: columns.join(', ')",
  "src/projections/versioned-rows.ts :: all.join(', ')",
  "src/projections/versioned-rows.ts :: all.map(() => '?').join(', ')",
  "src/projections/versioned-rows.ts :: scope.column",
  "src/projections/versioned-rows.ts :: table",
  // the key column a projection names in code (syncKeyedRows)
  "src/projections/versioned-rows.ts :: key",
  "src/queries/decision-list.reader.ts :: KNOWN_AT_SQL.replace(/known_(from|until)/g, 'd.known_$1')",
  "src/queries/decision-list.reader.ts :: KNOWN_AT_SQL.replace(/known_(from|until)/g, 'm.known_$1')",
  "src/queries/directory.reader.ts :: KNOWN_FROM_SQL",
  "src/queries/directory.reader.ts :: KNOWN_FROM_SQL.replace('known_from', 'g.known_from')",
  "src/queries/directory.reader.ts :: table",
  "src/queries/directory.reader.ts :: unique.map(() => '?').join(', ')",
  "src/queries/finance/grant-directory.reader.ts :: KNOWN_AT_SQL",
  "src/queries/finance/projects.reader.ts :: KNOWN_AT_SQL",
  "src/queries/group-roster.reader.ts :: INTERVAL_SELECT",
  "src/queries/group-roster.reader.ts :: KNOWN_AT_SQL",
  "src/queries/meeting.reader.ts :: KNOWN_AT_SQL",
  "src/queries/person-history.reader.ts :: KNOWN_AT_SQL",
  "src/queries/person-history.reader.ts :: KNOWN_AT_SQL.replace(/known_(from|until)/g, 't.known_$1')",
  "src/queries/person-history.reader.ts :: extra",
  "src/queries/person-history.reader.ts :: table",
  "src/queries/person-profile.reader.ts :: KNOWN_AT_SQL.replace(/known_(from|until)/g, 'a.known_$1')",
  "src/queries/person-profile.reader.ts :: KNOWN_AT_SQL.replace(/known_(from|until)/g, 'm.known_$1')",
  "src/queries/popolo-export.ts :: KNOWN_AT_SQL",
  "src/queries/popolo-export.ts :: KNOWN_FROM_SQL",
  // Web pages (issue 12): table / representing are the literals 'rm_memberships' | 'rm_chair_terms' and 'representing_id' | 'NULL'.
  "src/queries/group-history.reader.ts :: representing",
  "src/queries/group-history.reader.ts :: table",
  "src/queries/group-history.reader.ts :: KNOWN_AT_SQL",
  "src/queries/group-history.reader.ts :: KNOWN_AT_SQL.replace(/known_(from|until)/g, 'm.known_$1')",
  "src/queries/group-history.reader.ts :: t.events.map(() => '?').join(', ')",
  "src/queries/group-history.reader.ts :: KNOWN_AT_SQL.replace(/known_(from|until)/g, 'e.known_$1')",
  "src/queries/search.reader.ts :: KNOWN_FROM_SQL",
  "src/queries/search.reader.ts :: KNOWN_AT_SQL.replace(/known_(from|until)/g, 'm.known_$1')",
  "src/queries/search.reader.ts :: KNOWN_AT_SQL.replace(/known_(from|until)/g, 'd.known_$1')",
]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('every SQL statement is parameterised', () => {
  const files = sources(join(ROOT, 'src'));

  it('interpolates nothing into SQL but reviewed identifiers and code fragments', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const literal of text.matchAll(/`((?:[^`\\]|\\.)*)`/gs)) {
        if (!SQL_START.test(literal[1]!)) continue;
        for (const expression of literal[1]!.matchAll(/\$\{([^}]*)\}/g)) found.push(`${relative(ROOT, file)} :: ${expression[1]!.trim()}`);
      }
    }
    expect(found.length).toBeGreaterThan(0); // the scan sees the SQL at all
    expect([...new Set(found)].filter((f) => !REVIEWED.has(f))).toEqual([]);
  });

  it('never concatenates strings into SQL', () => {
    const concatenated = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => !/^\s*(\*|\/\/|\/\*)/.test(line)) // comments
        .filter(({ line }) => /(['"`])\s*(SELECT|INSERT|UPDATE|DELETE|WHERE|AND|OR|VALUES)\b[^'"`]*\1\s*\+|\+\s*(['"`])\s*(WHERE|AND|OR|ORDER BY|LIMIT)\b/i.test(line))
        .map(({ at }) => at),
    );
    expect(concatenated).toEqual([]);
  });
});
