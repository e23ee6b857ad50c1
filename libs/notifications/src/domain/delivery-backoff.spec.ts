import { retryDelayMs } from './delivery-backoff';

describe('the wait after a failed send', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [8, 60 * 60_000],
    [500, 60 * 60_000],
  ])('after attempt %i is %i ms: doubling, at most an hour, never giving up', (attempts, delay) => {
    expect(retryDelayMs(attempts)).toBe(delay);
  });
});
