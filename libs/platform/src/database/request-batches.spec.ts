import { RequestBatches } from './request-batches';

/** A database stand-in whose round trips end when the test says so. */
function recordingBatches(maxInFlight = 1, maxBatchSize = 10, keyed = true) {
  const trips: { requests: string[]; finish(error?: Error): void }[] = [];
  const trip = (requests: string[]) =>
    new Promise<string[]>((resolve, reject) =>
      trips.push({
        requests,
        finish: (error) => (error ? reject(error) : resolve(requests.map((request) => `${request}!`))),
      }),
    );
  const batches = new RequestBatches<string, string>({
    maxInFlight,
    maxBatchSize,
    runOne: async (request) => (await trip([request]))[0],
    runMany: trip,
    ...(keyed ? { keyOf: (request: string) => request.split('#')[0] } : {}),
  });
  return { batches, trips };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('RequestBatches', () => {
  it('sends a lone request at once, alone', async () => {
    const { batches, trips } = recordingBatches();

    const answer = batches.request('a');
    await settled();
    trips[0].finish();

    expect(trips.map((trip) => trip.requests)).toEqual([['a']]);
    await expect(answer).resolves.toBe('a!');
  });

  it('sends the requests that arrive while every round trip is out together, when one comes back', async () => {
    const { batches, trips } = recordingBatches();

    const first = batches.request('a');
    await settled();
    const answers = [first, ...['b', 'c'].map((request) => batches.request(request))];
    await settled();
    expect(trips.map((trip) => trip.requests)).toEqual([['a']]);
    trips[0].finish();
    await settled();

    expect(trips.map((trip) => trip.requests)).toEqual([['a'], ['b', 'c']]);
    trips[1].finish();
    await expect(Promise.all(answers)).resolves.toEqual(['a!', 'b!', 'c!']);
  });

  it('sends the requests made in one synchronous run together', async () => {
    const { batches, trips } = recordingBatches();

    ['a', 'b', 'c'].forEach((request) => void batches.request(request));
    await settled();

    expect(trips.map((trip) => trip.requests)).toEqual([['a', 'b', 'c']]);
  });

  it('keeps as many round trips out as allowed before making requests wait', async () => {
    const { batches, trips } = recordingBatches(2);

    void batches.request('a');
    await settled();
    void batches.request('b');
    await settled();
    ['c', 'd'].forEach((request) => void batches.request(request));
    await settled();

    expect(trips.map((trip) => trip.requests)).toEqual([['a'], ['b']]);
    trips[0].finish();
    await settled();
    expect(trips.map((trip) => trip.requests)).toEqual([['a'], ['b'], ['c', 'd']]);
  });

  it('never puts two requests with one key in a batch, and keeps their order', async () => {
    const { batches, trips } = recordingBatches();

    ['x#1', 'y', 'x#2', 'z'].forEach((request) => void batches.request(request));
    await settled();
    trips[0].finish();
    await settled();

    expect(trips.map((trip) => trip.requests)).toEqual([['x#1', 'y', 'z'], ['x#2']]);
  });

  it('puts requests together whatever they ask when no key is given, and keeps their order', async () => {
    const { batches, trips } = recordingBatches(1, 10, false);

    ['x#1', 'y', 'x#2', 'x#1'].forEach((request) => void batches.request(request));
    await settled();

    expect(trips.map((trip) => trip.requests)).toEqual([['x#1', 'y', 'x#2', 'x#1']]);
  });

  it('carries at most the batch size in one round trip', async () => {
    const { batches, trips } = recordingBatches(1, 2);

    ['a', 'b', 'c'].forEach((request) => void batches.request(request));
    await settled();
    trips[0].finish();
    await settled();

    expect(trips.map((trip) => trip.requests)).toEqual([['a', 'b'], ['c']]);
  });

  it('fails only the requests of a round trip that failed', async () => {
    const { batches, trips } = recordingBatches();

    const answer = (request: string) => batches.request(request).catch((error: Error) => error.message);
    const first = answer('a');
    await settled();
    const answers = [first, answer('b'), answer('c')];
    await settled();
    trips[0].finish(new Error('connection lost'));
    await settled();
    trips[1].finish();

    await expect(Promise.all(answers)).resolves.toEqual(['connection lost', 'b!', 'c!']);
  });
});
