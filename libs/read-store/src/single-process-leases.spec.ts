import { SingleProcessLeases } from './single-process-leases';

describe('SingleProcessLeases', () => {
  it('grants a projection to one holder at a time and again once released', async () => {
    const leases = new SingleProcessLeases();
    const first = await leases.tryAcquire('users');

    expect(first).not.toBeNull();
    expect(await leases.tryAcquire('users')).toBeNull();
    expect(await leases.tryAcquire('events')).not.toBeNull();
    await first?.release();
    expect(first?.signal.aborted).toBe(true);
    expect(await leases.tryAcquire('users')).not.toBeNull();
  });

  it('ends every lease when closed', async () => {
    const leases = new SingleProcessLeases();
    const lease = await leases.tryAcquire('users');
    await leases.close();

    expect(lease?.signal.aborted).toBe(true);
  });
});
