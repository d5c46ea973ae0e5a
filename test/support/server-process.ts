import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  /** SIGKILL: no shutdown hook, no flush; what the OS does to a crashed process. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** The real server (dist/main.js, built by the test setup) as a child process on `db`, on a free port. */
export function startServer(db: string, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], {
      env: { ...process.env, LEDGER_DB: db, LEDGER_SEED: 'off', PORT: '0', LEDGER_RATE_LIMIT: '0', ...env },
    });
    let output = '';
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /Decision ledger on http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port && /Try: curl/.test(output)) {
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        child.stdout.on('data', (c: Buffer) => (output += c.toString()));
        child.stderr.on('data', (c: Buffer) => (output += c.toString()));
        resolve({
          child,
          url: `http://127.0.0.1:${port}`,
          output: () => output,
          async kill9() {
            child.kill('SIGKILL');
            await exited;
          },
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before it listened:\n${output}`)));
  });
}
