import { randomUUID } from 'node:crypto';
import { PglitePool } from '@ticketing/platform';
import { PostgresEventStore } from '../postgres';
import { aCommandContext } from './batching/testing/a-command-context';
import { InstrumentedEventStore } from './batching/testing/instrumented-event-store';
import { reserveSeats, seatCounterDecider } from './batching/testing/seat-counter.decider';
import { runCommand } from './run-command';

describe('runCommand with the history its caller read', () => {
  let pool: PglitePool;
  let inner: PostgresEventStore;
  let store: InstrumentedEventStore;
  let stream: string;
  const decider = seatCounterDecider(10);
  beforeAll(async () => {
    pool = await PglitePool.open();
    inner = new PostgresEventStore(pool);
    await inner.ensureSchema();
  });
  afterAll(async () => {
    await inner.close();
    await pool.end();
  });
  beforeEach(() => {
    store = new InstrumentedEventStore(inner);
    stream = `seats${randomUUID().replaceAll('-', '')}-1`;
  });

  it('decides on the history given without reading the stream again', async () => {
    await runCommand(inner, decider, stream, reserveSeats('first', 2), aCommandContext());
    const history = await inner.readStream(stream);

    const outcome = await runCommand(store, decider, stream, reserveSeats('second'), aCommandContext(), {
      history,
    });

    expect(store.readsFrom).toEqual([]);
    expect(outcome.events.map((event) => event.data.seat)).toEqual([3]);
  });

  it('reads the stream afresh and decides again when the history given is out of date', async () => {
    const stale = await inner.readStream(stream);
    await runCommand(inner, decider, stream, reserveSeats('meanwhile', 2), aCommandContext());

    const outcome = await runCommand(store, decider, stream, reserveSeats('late'), aCommandContext(), {
      history: stale,
    });

    expect(store.readsFrom).toEqual([0n]);
    expect(outcome.events.map((event) => event.data.seat)).toEqual([3]);
    expect(await inner.readStream(stream)).toHaveLength(3);
  });
});
