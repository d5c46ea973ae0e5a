import { runCli } from './ledger-cli';

runCli(process.argv.slice(2), process.env, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), errIsTTY: process.stderr.isTTY === true }).then(
  (code) => (process.exitCode = code),
);
