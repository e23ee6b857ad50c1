import { streamName } from '@ticketing/event-store';
import { NameBasedIds } from '@ticketing/platform/domain';
import { normalisePromoCode } from '../domain/promo-code/promo-code-name';

const bookingIds = new NameBasedIds('2b7f0c54-91d3-4a6e-8c1f-5e3a9d7b6c20');

/**
 * The same buyer sending the same idempotency key lands on the same booking stream, where the decider recognises
 * the retry; two buyers' keys never collide, because the key is scoped by the buyer.
 *
 * @example
 * bookingIdFor('user:42', 'checkout-7'); // the same uuid on every call
 */
export function bookingIdFor(buyerKey: string, idempotencyKey: string): string {
  return bookingIds.idOf(`${buyerKey}/${idempotencyKey}`);
}

export const bookingStream = (bookingId: string) => streamName('booking', bookingId);

export const buyerLimitsStream = (eventId: string, buyerKey: string) =>
  streamName('buyerLimits', `${eventId}-${buyerKey}`);

export const promoCodeStream = (eventId: string, code: string) =>
  streamName('promoCode', `${eventId}-${normalisePromoCode(code)}`);
