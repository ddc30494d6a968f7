import type { Io } from './io.js';

/**
 * A progress bar on stderr for runs that take more than a second: simulated
 * time covered and events per second. Only on a terminal; silent otherwise.
 */
export function progressBar(io: Io, label: string, enabled: boolean): { update(done: number, events: number): void; finish(): void } {
  const started = performance.now();
  let shown = false;
  return {
    update(done, events) {
      if (!enabled || !io.stderrIsTTY) return;
      const seconds = (performance.now() - started) / 1000;
      if (seconds < 1) return;
      shown = true;
      const width = 30;
      const filled = Math.round(done * width);
      const rate = Math.round(events / seconds).toLocaleString('en-US');
      io.stderr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(done * 100)}% of simulated time · ${rate} events/s `);
    },
    finish() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}
