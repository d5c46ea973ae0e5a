/*
 * Which rows an evolved state may have changed, for a read model that syncs only those
 * (`syncKeyedRows`). evolveMeeting replaces the entries of a list (or the values of a record)
 * an event changes and keeps the others (the same objects), so the keys whose rows may
 * differ are found by identity. Held equal to a full sync at every event by
 * test/projections/incremental-equals-refold.spec.ts.
 */

/** The keys of entries that are new or gone (an item's row does not depend on its place). */
export function replacedKeys<T>(before: readonly T[], after: readonly T[], keyOf: (entry: T) => string): Set<string> {
  const held = new Set(before);
  const now = new Set(after);
  return new Set([...after.filter((e) => !held.has(e)), ...before.filter((e) => !now.has(e))].map(keyOf));
}

/** The same where a row holds its entry's place in the list (an attendance row's `seq`): an entry at another place counts as changed. */
export function movedOrReplacedKeys<T>(before: readonly T[], after: readonly T[], keyOf: (entry: T) => string): Set<string> {
  const changed = new Set<string>();
  after.forEach((entry, i) => {
    if (before[i] !== entry) changed.add(keyOf(entry));
  });
  before.forEach((entry, i) => {
    if (after[i] !== entry) changed.add(keyOf(entry));
  });
  return changed;
}

/** The keys of a record whose value is not the one held before (new, gone or replaced). */
export function replacedEntries<T>(before: Readonly<Record<string, T>>, after: Readonly<Record<string, T>>): Set<string> {
  const changed = new Set<string>();
  if (before === after) return changed;
  for (const key of Object.keys(after)) if (before[key] !== after[key]) changed.add(key);
  for (const key of Object.keys(before)) if (!(key in after)) changed.add(key);
  return changed;
}
