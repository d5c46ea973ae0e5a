import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/fixtures';

const ROOT = join(__dirname, '..', '..');

/** Starts the real server (dist/main.js) and collects its output until `until` matches. */
function startServer(db: string, until: RegExp): Promise<{ child: ChildProcess; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], { env: { ...process.env, LEDGER_DB: db, LEDGER_SEED: 'off', PORT: '0' } });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until.test(output)) resolve({ child, output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('the very first start', () => {
  const tmp = tempDir('ledger-first-');
  const db = tmp.file('ledger.db');
  afterAll(() => tmp.cleanup());

  it('creates one admin token, prints it once, keeps only its hash, and never again', async () => {
    const first = await startServer(db, /Try: curl/);
    await stop(first.child);
    const token = /\n\s+(ldg_[A-Za-z0-9_-]+)\n/.exec(first.output)?.[1];
    expect(token).toBeDefined();
    const port = /http:\/\/localhost:(\d+)/.exec(first.output)?.[1];
    expect(Number(port)).toBeGreaterThan(0);

    // Only the hash is on disk (WAL included).
    for (const file of [db, `${db}-wal`]) {
      try {
        expect(readFileSync(file).includes(token!)).toBe(false);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }

    const second = await startServer(db, /Try: curl/);
    const address = /http:\/\/localhost:(\d+)/.exec(second.output)![1];
    try {
      expect(second.output).not.toMatch(/ldg_/);
      const response = await fetch(`http://localhost:${address}/admin/tokens`, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      const tokens = (await response.json()) as { name: string; role: string }[];
      expect(tokens).toEqual([expect.objectContaining({ name: 'first-admin', role: 'admin' })]);
    } finally {
      await stop(second.child);
    }
  });
});
