import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The compiled script of a child (bench/children/<name>.child.ts), next to this file's compiled form. */
export const childScript = (name: string): string => join(__dirname, '..', 'children', `${name}.child.js`);

export interface RunningChild<M> {
  readonly child: ChildProcess;
  /** The child's first IPC message; rejects if it exits first. */
  readonly ready: Promise<M>;
  /** Resolves with the exit code once it has exited. */
  readonly exited: Promise<number | null>;
}

/** Forks a compiled child with IPC; with a profile directory it writes a V8 CPU profile there. */
export function forkChild<M>(name: string, args: readonly string[], profileDir: string | null): RunningChild<M> {
  const child = fork(childScript(name), [...args], {
    execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<M>((resolve, reject) => {
    child.once('message', (message) => resolve(message as M));
    child.once('error', reject);
    void exited.then((code) => reject(new Error(`child ${name} exited with code ${code} before it reported`)));
  });
  return { child, ready, exited };
}
