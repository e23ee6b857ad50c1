import {
  type EventStore,
  NO_STREAM,
  streamName,
  toNewEvent,
  WrongExpectedRevisionError,
} from '@ticketing/event-store';
import type { CommandContext } from '@ticketing/platform';
import type { DomainEvent } from '@ticketing/platform/domain';

/** `stripeEvent-<evt_...>`: one stream per Stripe event we acted on; its existence means "already handled". */
export const stripeEventStream = (stripeEventId: string) => streamName('stripeEvent', stripeEventId);

export type StripeEventHandled = DomainEvent<
  'StripeEventHandled',
  { stripeEventId: string; type: string; bookingId: string; paymentRef: string }
>;

export async function isStripeEventHandled(store: EventStore, stripeEventId: string): Promise<boolean> {
  const history = await store.readStream(stripeEventStream(stripeEventId), { maxCount: 1 });
  return history.length > 0;
}

/**
 * Appends with "no stream", so the claim is decided by the store on every replica: when two deliveries of one event
 * finish together, one append wins and the other's WrongExpectedRevision only says the event is already recorded.
 */
export async function recordStripeEventHandled(
  store: EventStore,
  handled: StripeEventHandled['data'],
  context: CommandContext,
): Promise<void> {
  const stream = stripeEventStream(handled.stripeEventId);
  const event: StripeEventHandled = { type: 'StripeEventHandled', data: handled };
  try {
    await store.append(stream, [toNewEvent(event, stream, 0, context)], NO_STREAM);
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
  }
}
