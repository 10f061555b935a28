// A one-line progress bar for long work on a terminal; plain lines every 10% when not a TTY
// (CI logs), so progress shows either way without flooding.
import type { WriteStream } from 'node:tty';

export function createProgressBar(label: string, out: NodeJS.WriteStream | WriteStream) {
  let lastTenth = -1;
  return {
    update(done: number, total: number, note = '') {
      const share = total > 0 ? done / total : 1;
      if (out.isTTY) {
        const width = 30;
        const filled = Math.round(share * width);
        out.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}% ${note}\x1b[K`);
        if (done >= total) out.write('\n');
      } else if (Math.floor(share * 10) > lastTenth) {
        lastTenth = Math.floor(share * 10);
        out.write(`${label} ${Math.round(share * 100)}% ${note}\n`);
      }
    },
  };
}
