import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import type { NewEvent } from '../../src/events/event-envelope';
import type { Clock } from '../../src/event-store/event-store.port';

/** A clock the test moves by hand. */
export class FixedClock implements Clock {
  constructor(private current = new Date('2026-01-15T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A fresh directory for real database files; removed by the returned cleanup. */
export function tempDir(prefix = 'ledger-test-'): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function newEvent(type: string, data: unknown = {}, commandId = uuidv4()): NewEvent {
  return {
    id: uuidv4(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      commandId,
      commandType: 'TestCommand',
      correlationId: commandId,
      causationId: commandId,
      actor: 'test',
      source: { document: 'test' },
      decidedOn: null,
      effectiveFrom: { date: '2025-02-28', precision: 'day' },
    },
  };
}
