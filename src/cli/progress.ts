import type { Lang } from '../model/errors.js';
import { TEXT } from './messages.js';

export interface ProgressStream {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

const UNITS: Record<Lang, { h: string; m: string; s: string }> = { en: { h: 'h', m: 'm', s: 's' }, zh: { h: '小时', m: '分', s: '秒' } };

/** "1m05s", "42s", "2h03m"; in Chinese "1分05秒", "42秒", "2小时03分". */
export function formatDuration(sec: number, lang: Lang = 'en'): string {
  const u = UNITS[lang];
  const s = Math.max(0, Math.round(sec));
  if (s >= 3600) return `${Math.floor(s / 3600)}${u.h}${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}${u.m}`;
  if (s >= 60) return `${Math.floor(s / 60)}${u.m}${String(s % 60).padStart(2, '0')}${u.s}`;
  return `${s}${u.s}`;
}

/** Failed files named one by one without a terminal; the rest are counted. */
export const FAILURES_LISTED = 20;
/** No ETA until this many documents are done: the first ones include start-up and say little. */
export const ETA_AFTER = 3;

/**
 * A one-line progress display (done/total, rate, ETA, failures so far) on a TTY stderr, redrawn at most
 * ten times a second; silent with --quiet or when stderr is not a terminal.
 */
export class Progress {
  /** Documents finished so far (processed or failed). */
  get finished(): number {
    return this.done;
  }

  private done = 0;
  private failed = 0;
  private last = 0;
  private failuresListed = 0;
  private failuresUnlisted = 0;
  private readonly started: number;
  readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly lang: Lang,
    private readonly quiet: boolean,
    private readonly stream: ProgressStream = process.stderr,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.enabled = !quiet && stream.isTTY === true;
    this.started = now();
  }

  tick(failed: boolean): void {
    this.done++;
    if (failed) this.failed++;
    if (!this.enabled) return;
    const now = this.now();
    if (now - this.last < 100 && this.done < this.total) return;
    this.last = now;
    this.stream.write(`\r\x1b[K${this.line(now)}`);
  }

  /** The status line as it would be drawn at time `now`. */
  line(now = this.now()): string {
    const sec = (now - this.started) / 1000;
    const rate = this.done / Math.max(sec, 0.001);
    const eta = rate > 0 ? (this.total - this.done) / rate : 0;
    const t = TEXT[this.lang];
    return t.progress(this.done, this.total, rate.toFixed(1), this.done < ETA_AFTER && this.done < this.total ? t.etaPending : formatDuration(eta, this.lang), this.failed);
  }

  /** A message of its own above the status line (only while the display is on). */
  note(text: string): void {
    if (!this.enabled) return;
    this.stream.write(`\r\x1b[K${text}\n`);
    if (this.done > 0) this.stream.write(this.line());
  }

  /**
   * A failed file: above the status line on a terminal; otherwise (a log, CI) one line each for the first
   * FAILURES_LISTED, then only counted, so a run with thousands of failures does not flood the log.
   */
  failure(text: string): void {
    if (this.enabled) return this.note(text);
    if (this.quiet) return;
    if (this.failuresListed < FAILURES_LISTED) {
      this.failuresListed++;
      this.stream.write(`${text}\n`);
    } else this.failuresUnlisted++;
  }

  end(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
    else if (this.failuresUnlisted > 0) this.stream.write(`${TEXT[this.lang].moreFailed(this.failuresUnlisted)}\n`);
  }
}
