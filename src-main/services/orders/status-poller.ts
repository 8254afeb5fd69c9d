import type { Logger } from '../../log/logger';
import type { SyncOutcome } from './tracking-service';

export interface PollerOptions {
  /** One poll of every open order. */
  poll: () => Promise<SyncOutcome[]>;
  /** The base interval (settings `orderPollSeconds`), read before each wait so a change applies. */
  intervalMs: () => number;
  log: Logger;
  /** Longest wait, as a multiple of the base interval, when nothing moves. */
  maxBackoff?: number;
}

/**
 * Polls SRS for open orders. After a poll that changed nothing, or with nothing in flight,
 * the wait doubles (up to `maxBackoff` × the interval); any change or a kick (an order was
 * just submitted, the user asked) brings it back to the base interval.
 */
export class OrderPoller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private idleRounds = 0;
  private stopped = true;

  constructor(private readonly o: PollerOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Polls soon at the base interval again (e.g. after a submission). */
  kick(): void {
    this.idleRounds = 0;
    if (!this.stopped && !this.running) this.schedule(0);
  }

  /** The wait before the next poll, given how many polls in a row found nothing to do. */
  nextDelayMs(): number {
    const factor = Math.min(2 ** this.idleRounds, this.o.maxBackoff ?? 8);
    return this.o.intervalMs() * factor;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    this.running = (async () => {
      try {
        const outcomes = await this.o.poll();
        this.idleRounds = outcomes.some((x) => x.changed) ? 0 : this.idleRounds + 1;
      } catch (e) {
        this.idleRounds += 1;
        this.o.log.warn('order status poll failed', { error: e instanceof Error ? e.message : String(e) });
      }
    })();
    await this.running;
    this.running = null;
    if (!this.stopped) this.schedule(this.nextDelayMs());
  }
}
