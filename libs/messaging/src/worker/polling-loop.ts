import { Logger } from '@nestjs/common';

/**
 * A background pass that runs on a poll interval and right away when kicked (after a write), never twice at once:
 * a kick during a pass asks for one more pass when it ends. Used by the outbox relay and by delivery workers.
 */
export class PollingLoop {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  private stopped = true;

  /**
   * @param pass one unit of work; resolves true when it left work behind (the next pass starts at once)
   * @param intervalMs the pause between passes when nothing is pending
   */
  constructor(
    name: string,
    private readonly pass: () => Promise<boolean | void>,
    private readonly intervalMs: number,
  ) {
    this.logger = new Logger(name);
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the pass in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Asks for a pass now instead of at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.schedule(0);
  }

  /** Resolves when the pass in flight, if any, has ended. */
  async idle(): Promise<void> {
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.pass()
        .catch((err: unknown) => {
          // Names only: driver and broker messages can quote the values that caused them.
          this.logger.warn(`pass failed: ${err instanceof Error ? err.name : 'unknown error'}`);
          return false;
        })
        .then((more) => {
          this.running = undefined;
          const again = this.rerun || more === true;
          this.rerun = false;
          this.schedule(again ? 0 : this.intervalMs);
        });
    }, delayMs);
  }
}
