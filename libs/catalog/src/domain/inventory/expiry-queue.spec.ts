import {
  dropFirstWhile,
  dueExpiries,
  emptyExpiryQueue,
  enqueueExpiry,
  type ExpiryQueue,
  firstExpiry,
  type QueuedExpiry,
  withoutFirstExpiry,
} from './expiry-queue';

const at = (minute: number, reservationId: string): QueuedExpiry => {
  const expiresAt = new Date(Date.UTC(2026, 5, 1, 10, minute)).toISOString();
  return { reservationId, expiresAt, expiresAtMs: Date.parse(expiresAt) };
};
const queueOf = (...entries: QueuedExpiry[]): ExpiryQueue => entries.reduce(enqueueExpiry, emptyExpiryQueue);
const drain = (queue: ExpiryQueue): string[] => {
  const ids: string[] = [];
  for (let remaining = queue; firstExpiry(remaining); remaining = withoutFirstExpiry(remaining)) {
    ids.push(firstExpiry(remaining)!.reservationId);
  }
  return ids;
};

describe('expiry queue', () => {
  it('gives the soonest expiry first, whatever the order the reservations came in', () => {
    const queue = queueOf(at(30, 'r3'), at(10, 'r1'), at(50, 'r5'), at(20, 'r2'), at(40, 'r4'));
    expect(drain(queue)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it('orders reservations expiring at the same instant by their id', () => {
    expect(drain(queueOf(at(10, 'r-b'), at(10, 'r-c'), at(10, 'r-a')))).toEqual(['r-a', 'r-b', 'r-c']);
  });

  it('lists only the expiries due at a given instant, the one due exactly then included', () => {
    const queue = queueOf(at(10, 'r1'), at(20, 'r2'), at(30, 'r3'));
    const ids = [...dueExpiries(queue, at(20, 'now').expiresAtMs)].map((entry) => entry.reservationId);
    expect(ids).toEqual(['r1', 'r2']);
  });

  it('leaves the version it was derived from unchanged, as decider state must', () => {
    const before = queueOf(at(20, 'r2'), at(10, 'r1'));
    const after = withoutFirstExpiry(enqueueExpiry(before, at(5, 'r0')));
    expect(drain(before)).toEqual(['r1', 'r2']);
    expect(drain(after)).toEqual(['r1', 'r2']);
  });

  it('drops entries from the front only while they match', () => {
    const closed = new Set(['r1', 'r3']);
    const queue = dropFirstWhile(queueOf(at(10, 'r1'), at(20, 'r2'), at(30, 'r3')), (entry) =>
      closed.has(entry.reservationId),
    );
    expect(drain(queue)).toEqual(['r2', 'r3']);
  });

  it('keeps its order over many reservations in any order', () => {
    const minutes = Array.from({ length: 2_000 }, (_, index) => (index * 7919) % 2_000);
    const queue = queueOf(...minutes.map((minute) => at(minute, `r${String(minute).padStart(4, '0')}`)));
    expect(drain(queue)).toEqual(
      [...minutes].sort((a, b) => a - b).map((m) => `r${String(m).padStart(4, '0')}`),
    );
  });
});
