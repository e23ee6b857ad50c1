import type { EventState } from './event.decider';
import {
  type Money,
  PricingType,
  recordedTicketTypeDetails,
  type TicketTypeDetails,
  type TicketTypeDetailsInput,
  TicketTypeVisibility,
} from './ticket-type-details';
import { assertSalesWindowAhead, assertValidTicketType } from './ticket-type-rules';
import type { TicketTypeState } from './ticket-type.state';

/**
 * Merges `requested` into the ticket type, checks the result with the event's other ticket types, and returns the
 * fields that changed; null when nothing did.
 */
export function changedDetails(
  ticketType: TicketTypeState,
  requested: Partial<TicketTypeDetailsInput>,
  now: Date,
  event: EventState,
): Partial<TicketTypeDetails> | null {
  const merged = { ...ticketType.details, ...withImpliedChanges(recordedTicketTypeDetails(requested)) };
  const changes = changedFields(ticketType.details, merged);
  if (Object.keys(changes).length === 0) return null;
  assertSalesWindowAhead(changes, now);
  const others = event.ticketTypes.filter((type) => type.ticketTypeId !== ticketType.ticketTypeId);
  assertValidTicketType(merged, event.details, others);
  return changes;
}

/** Fields that mean nothing after a change go with it, rather than making the organizer clear them as well. */
function withImpliedChanges(requested: Partial<TicketTypeDetails>): Partial<TicketTypeDetails> {
  const implied: Partial<TicketTypeDetails> = {};
  const { pricingType, visibility } = requested;
  if (pricingType === PricingType.FREE || pricingType === PricingType.DONATION) implied.price = null;
  if (pricingType !== undefined && pricingType !== PricingType.DONATION) implied.minimumDonation = null;
  if (visibility !== undefined && visibility !== TicketTypeVisibility.CUSTOM_SCHEDULE) {
    implied.visibilityStartsAt = null;
    implied.visibilityEndsAt = null;
  }
  if (requested.allowReentry === false) implied.reentryLimit = null;
  return { ...implied, ...requested };
}

function changedFields(before: TicketTypeDetails, after: TicketTypeDetails): Partial<TicketTypeDetails> {
  const changes: Partial<Record<keyof TicketTypeDetails, unknown>> = {};
  for (const field of Object.keys(after) as (keyof TicketTypeDetails)[]) {
    if (!sameValue(before[field], after[field])) changes[field] = after[field];
  }
  return changes as Partial<TicketTypeDetails>;
}

/** Prices and lists are compared by content: an organizer resending the same perks changes nothing. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  if (isMoney(a) && isMoney(b)) return a.amount === b.amount && a.currency === b.currency;
  return a === b;
}

function isMoney(value: unknown): value is Money {
  return typeof value === 'object' && value !== null && 'amount' in value && 'currency' in value;
}
