import { PeriodicRounds } from './periodic-rounds';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicRounds', () => {
  it('never runs two rounds at once, however slow a round is', async () => {
    let running = 0;
    let mostAtOnce = 0;
    let rounds = 0;
    const periodic = new PeriodicRounds(
      'slow',
      async () => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(40);
        running--;
        rounds++;
      },
      { error: jest.fn() },
    );

    periodic.start(5);
    await sleep(200);
    await periodic.stop();

    expect(mostAtOnce).toBe(1);
    expect(rounds).toBeGreaterThan(1);
  });

  it('logs a failed round and goes on with the next', async () => {
    const logger = { error: jest.fn() };
    let calls = 0;
    const periodic = new PeriodicRounds(
      'flaky',
      async () => {
        calls++;
        if (calls === 1) throw new Error('database restarting');
      },
      logger,
    );

    periodic.start(5);
    await sleep(60);
    await periodic.stop();

    expect(logger.error).toHaveBeenCalledWith('flaky round failed', expect.any(Error));
    expect(calls).toBeGreaterThan(1);
  });

  it('stop waits for the round in flight and starts no other', async () => {
    let finished = 0;
    const periodic = new PeriodicRounds(
      'draining',
      async () => {
        await sleep(30);
        finished++;
      },
      { error: jest.fn() },
    );

    periodic.start(5);
    await sleep(10);
    await periodic.stop();
    const afterStop = finished;
    await sleep(50);

    expect(afterStop).toBe(1);
    expect(finished).toBe(1);
  });
});
