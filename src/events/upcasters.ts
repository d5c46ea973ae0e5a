import type { StoredEvent } from './event-envelope';

/**
 * Schema evolution. An event is stored once, with the schema version it was written with,
 * and never rewritten; when an event type's `data` changes shape, its version in
 * SCHEMA_VERSIONS (ledger-event.ts) goes up and an upcaster from the old version is
 * registered here. Reading applies upcasters one version at a time until none applies,
 * so deciders and projections only ever see the current shape.
 *
 * Hashes are not affected: the hash chain covers the stored form (src/audit/event-hash.ts),
 * and the audit path (`EventStore.readAudit`) reads events as stored, never upcast.
 */
export interface Upcaster {
  readonly type: string;
  /** The version it reads; it produces `fromVersion + 1`. */
  readonly fromVersion: number;
  /** The new `data` (pure: a replay must upcast the same way every time). */
  upcast(data: unknown, event: StoredEvent): unknown;
}

export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const u of upcasters) this.register(u);
  }

  register(upcaster: Upcaster): this {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
    if (this.byKey.has(key)) throw new Error(`An upcaster for ${upcaster.type} version ${upcaster.fromVersion} is registered already`);
    this.byKey.set(key, upcaster);
    return this;
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The event in the newest shape the registered upcasters lead to; the same object when none applies. */
  upcast<E extends StoredEvent>(event: E): E {
    let current = event;
    for (let u = this.byKey.get(`${current.type}@${current.schemaVersion}`); u; u = this.byKey.get(`${current.type}@${current.schemaVersion}`)) {
      current = { ...current, schemaVersion: u.fromVersion + 1, data: u.upcast(current.data, current) };
    }
    return current;
  }
}

/** The upcasters of the running code. None yet: every event type is at version 1. */
export const LEDGER_UPCASTERS: readonly Upcaster[] = [];
