const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;

/**
 * How long a notification waits after its `attempts`-th failed send: doubling from 30 seconds, at most an hour. A
 * failure never gives up on it: a mail server that is down for a day still gets the message once it is back.
 *
 * @example
 * retryDelayMs(1); // 30_000
 * retryDelayMs(3); // 120_000
 */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 20);
  return Math.min(FIRST_RETRY_MS * 2 ** exponent, LONGEST_WAIT_MS);
}
