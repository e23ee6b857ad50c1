/**
 * Tells this process's live subscriptions that an append committed, so they read again at once instead of waiting
 * out their poll interval. Appends from other processes are still found by polling.
 *
 * Each append bumps `version`. A poller notes the version before it reads and waits with that note, so an append
 * that commits while the poller is reading wakes the poller's next wait immediately instead of being missed.
 */
export class AppendSignal {
  private appends = 0;
  private readonly waiters = new Set<() => void>();

  get version(): number {
    return this.appends;
  }

  notify(): void {
    this.appends += 1;
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves when an append newer than `seenVersion` happens, after `timeoutMs`, or when `abort` fires. */
  waitForAppendAfter(seenVersion: number, timeoutMs: number, abort: AbortSignal): Promise<void> {
    if (this.appends !== seenVersion || abort.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        abort.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
      abort.addEventListener('abort', wake, { once: true });
    });
  }
}
