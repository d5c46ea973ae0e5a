import { readFileSync } from 'node:fs';
import { tempDir } from '../support/fixtures';
import { startServer } from '../support/server-process';

describe('the very first start', () => {
  const tmp = tempDir('ledger-first-');
  const db = tmp.file('ledger.db');
  afterAll(() => tmp.cleanup());

  it('creates one admin token, prints it once, keeps only its hash, and never again', async () => {
    const first = await startServer(db);
    await first.stop();
    const token = /\n\s+(ldg_[A-Za-z0-9_-]+)\n/.exec(first.output())?.[1];
    expect(token).toBeDefined();
    const port = /http:\/\/localhost:(\d+)/.exec(first.output())?.[1];
    expect(Number(port)).toBeGreaterThan(0);

    // Only the hash is on disk (WAL included).
    for (const file of [db, `${db}-wal`]) {
      try {
        expect(readFileSync(file).includes(token!)).toBe(false);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }

    const second = await startServer(db);
    try {
      expect(second.output()).not.toMatch(/ldg_/);
      const response = await fetch(`${second.url}/admin/tokens`, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      const tokens = (await response.json()) as { name: string; role: string }[];
      expect(tokens).toEqual([expect.objectContaining({ name: 'first-admin', role: 'admin' })]);
    } finally {
      await second.stop();
    }
  });
});
