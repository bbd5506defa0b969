import type { Lang } from '../model/errors.js';
import { TEXT } from './messages.js';

/** A one-line progress display on a TTY stderr; silent otherwise. */
export class Progress {
  private done = 0;
  private failed = 0;
  private last = 0;
  private readonly started = performance.now();
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly lang: Lang,
    quiet: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = !quiet && stream.isTTY === true;
  }

  tick(failed: boolean): void {
    this.done++;
    if (failed) this.failed++;
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.last < 100 && this.done < this.total) return;
    this.last = now;
    const sec = (now - this.started) / 1000;
    const rate = this.done / Math.max(sec, 0.001);
    const eta = rate > 0 ? (this.total - this.done) / rate : 0;
    const etaText = eta >= 60 ? `${Math.floor(eta / 60)}m${Math.round(eta % 60)}s` : `${Math.round(eta)}s`;
    this.stream.write(`\r\x1b[K${TEXT[this.lang].progress(this.done, this.total, rate.toFixed(1), etaText, this.failed)}`);
  }

  end(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }
}
