import type { LoggerService } from '@nestjs/common';

/**
 * Runs a round of background work every `intervalMs`, never two at once: a round slower than the interval is not
 * stacked with the next one. A failed round is logged and the next one runs as usual, so a passing fault (the
 * database restarting) does not stop the work for good. The timer does not keep the process alive.
 *
 * @example
 * const rounds = new PeriodicRounds('Hold expiry', () => this.releaseDueHolds(), this.logger);
 * rounds.start(1000);
 * await rounds.stop();
 */
export class PeriodicRounds {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly name: string,
    private readonly round: () => Promise<unknown>,
    private readonly logger: Pick<LoggerService, 'error'>,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a round in flight to finish. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.round()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`${this.name} round failed`, error))
      .finally(() => {
        this.running = null;
      });
  }
}
