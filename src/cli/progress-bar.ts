import type { CliIo } from './ledger-cli';

/** A progress bar on stderr when it is a terminal; plain lines (every 10 %) otherwise, e.g. in CI logs. */
export function progressReporter(io: CliIo): { update: (position: number, head: number) => void; done: () => void } {
  let lastTenth = -1;
  let drew = false;
  return {
    update(position, head) {
      const fraction = head === 0 ? 1 : Math.min(1, position / head);
      if (io.errIsTTY) {
        const width = 30;
        const filled = Math.round(fraction * width);
        io.err(`\rRebuilding read models [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%  position ${position}/${head}`);
        drew = true;
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        io.err(`rebuilding read models: ${tenth * 10}% (position ${position} of ${head})\n`);
      }
    },
    done() {
      if (drew) io.err('\n');
    },
  };
}
