import { deterministicEventId } from '@ticketing/platform';
import type { LogPosition } from '../../event-store.port';

/** The events a command appended earlier, as a stream owner remembers them. */
export interface EarlierAppend<Event> {
  events: Event[];
  /** At or after the command's last event. */
  position: LogPosition;
}

interface RememberedEvent<Event> {
  event: Event;
  position: LogPosition;
}

/**
 * The latest events of one stream by id, so that its owner recognises a command it has already seen succeed (a
 * client retrying with the same command id, here or through another process) and answers it with what it appended
 * instead of deciding it again. Deciding it again would either append it twice, or reuse its deterministic event ids
 * and make the store refuse the whole batch around it.
 *
 * Only the newest `capacity` events are kept, so memory stays bounded on a stream that never stops growing; a retry
 * older than that is left to the store, which refuses to reuse an event id.
 *
 * @example
 * const recent = new RecentEvents<SeatReserved>(10_000);
 * recent.remember(recorded.id, { type: recorded.type, data: recorded.data }, recorded.position);
 * const earlier = recent.appendedBy(context.commandId, 'ticketType-42'); // null when not remembered
 */
export class RecentEvents<Event> {
  private readonly byId = new Map<string, RememberedEvent<Event>>();
  /**
   * The remembered ids in the order they came, kept as a ring once full: the slot written next holds the oldest id.
   * Finding the oldest entry of the Map itself would walk over the holes its deletions leave, on every event.
   */
  private readonly order: string[] = [];
  private oldest = 0;

  constructor(private readonly capacity: number) {}

  remember(eventId: string, event: Event, position: LogPosition): void {
    if (this.order.length < this.capacity) {
      this.order.push(eventId);
    } else {
      this.byId.delete(this.order[this.oldest]);
      this.order[this.oldest] = eventId;
      this.oldest = (this.oldest + 1) % this.capacity;
    }
    this.byId.set(eventId, { event, position });
  }

  /** What the command with `commandId` appended to `streamName`, or null when none of it is remembered. */
  appendedBy(commandId: string, streamName: string): EarlierAppend<Event> | null {
    const found: RememberedEvent<Event>[] = [];
    for (;;) {
      const next = this.byId.get(deterministicEventId(commandId, streamName, found.length));
      if (!next) break;
      found.push(next);
    }
    if (found.length === 0) return null;
    return { events: found.map(({ event }) => event), position: found[found.length - 1].position };
  }
}
