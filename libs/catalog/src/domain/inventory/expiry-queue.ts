/** A reservation's place in the queue: when its hold runs out, and which reservation it is. */
export interface QueuedExpiry {
  reservationId: string;
  /** As the reservation recorded it: an ISO instant. */
  expiresAt: string;
  /** `expiresAt` in epoch milliseconds, parsed once. */
  expiresAtMs: number;
}

/**
 * The reservations' expiry times, soonest first (ties by reservation id), as an immutable leftist heap: adding one
 * or taking the soonest copies only one path of O(log n) nodes and shares the rest with the version before, so it
 * lives in a decider's state like `PersistentMap`. Releasing the expired holds then looks at the due ones alone,
 * instead of every hold the inventory has, which a flash sale counts in tens of thousands.
 *
 * The queue cannot remove an arbitrary reservation; its owner skips and drops the ones it has closed since, once
 * they come first (see `dropFirstWhile`).
 *
 * @example
 * const queue = enqueueExpiry(emptyExpiryQueue, { reservationId: 'r1', expiresAt, expiresAtMs: Date.parse(expiresAt) });
 * firstExpiry(queue)?.reservationId; // 'r1'
 */
export type ExpiryQueue = HeapNode | null;

interface HeapNode {
  readonly entry: QueuedExpiry;
  readonly left: ExpiryQueue;
  readonly right: ExpiryQueue;
  /** The length of the right spine: the leftist property keeps it at most log2(n + 1). */
  readonly rank: number;
}

export const emptyExpiryQueue: ExpiryQueue = null;

export function enqueueExpiry(queue: ExpiryQueue, entry: QueuedExpiry): ExpiryQueue {
  return merge(queue, { entry, left: null, right: null, rank: 1 });
}

/** The entry that expires soonest; null when the queue is empty. */
export function firstExpiry(queue: ExpiryQueue): QueuedExpiry | null {
  return queue?.entry ?? null;
}

export function withoutFirstExpiry(queue: ExpiryQueue): ExpiryQueue {
  return queue && merge(queue.left, queue.right);
}

/** Takes entries off the front for as long as `drop` says so. */
export function dropFirstWhile(queue: ExpiryQueue, drop: (entry: QueuedExpiry) => boolean): ExpiryQueue {
  let remaining = queue;
  while (remaining && drop(remaining.entry)) remaining = withoutFirstExpiry(remaining);
  return remaining;
}

/** Every entry expiring at or before `nowMs`, soonest first. */
export function* dueExpiries(queue: ExpiryQueue, nowMs: number): Generator<QueuedExpiry> {
  for (let remaining = queue; remaining && remaining.entry.expiresAtMs <= nowMs; ) {
    yield remaining.entry;
    remaining = withoutFirstExpiry(remaining);
  }
}

function merge(a: ExpiryQueue, b: ExpiryQueue): ExpiryQueue {
  if (!a) return b;
  if (!b) return a;
  const [first, second] = expiresBefore(b.entry, a.entry) ? [b, a] : [a, b];
  const merged = merge(first.right, second);
  const [left, right] = rankOf(first.left) >= rankOf(merged) ? [first.left, merged] : [merged, first.left];
  return { entry: first.entry, left, right, rank: rankOf(right) + 1 };
}

function rankOf(queue: ExpiryQueue): number {
  return queue?.rank ?? 0;
}

/** The order the expired holds are released in: by expiry, then by reservation id. */
function expiresBefore(a: QueuedExpiry, b: QueuedExpiry): boolean {
  if (a.expiresAtMs !== b.expiresAtMs) return a.expiresAtMs < b.expiresAtMs;
  return (a.expiresAt.localeCompare(b.expiresAt) || a.reservationId.localeCompare(b.reservationId)) < 0;
}
