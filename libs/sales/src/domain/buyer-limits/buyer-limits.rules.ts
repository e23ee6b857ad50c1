import { ruleViolation } from '@ticketing/platform/domain';
import type { BuyerItem } from './buyer-limits.events';
import { type BuyerLimitsState, unitsCounted } from './buyer-limits.state';

export function assertValidItems(items: readonly BuyerItem[]): void {
  if (items.length === 0) throw ruleViolation('INVALID_QUANTITY', 'A booking holds at least one ticket');
  for (const { ticketTypeId, quantity, maxPerUser } of items) {
    if (!Number.isSafeInteger(quantity) || quantity < 1) {
      throw ruleViolation(
        'INVALID_QUANTITY',
        `A quantity is a whole number of at least 1, not ${quantity} (ticket type ${ticketTypeId})`,
      );
    }
    if (!Number.isSafeInteger(maxPerUser) || maxPerUser < 1) {
      throw ruleViolation(
        'INVALID_MAX_PER_USER',
        `The limit per buyer of ticket type ${ticketTypeId} is not a count`,
      );
    }
  }
  if (new Set(items.map((item) => item.ticketTypeId)).size !== items.length) {
    throw ruleViolation('DUPLICATE_TICKET_TYPE', 'List each ticket type once, with its total quantity');
  }
}

/**
 * Held units count as well as bought ones: otherwise a buyer could open many checkouts at once, each within the
 * limit, and pay for all of them.
 */
export function assertWithinLimits(state: BuyerLimitsState, items: readonly BuyerItem[]): void {
  for (const { ticketTypeId, quantity, maxPerUser } of items) {
    const { held, bought } = unitsCounted(state, ticketTypeId);
    if (held + bought + quantity > maxPerUser) {
      const already = held + bought;
      throw ruleViolation(
        'MAX_PER_USER_EXCEEDED',
        `A buyer may have at most ${maxPerUser} of ticket type ${ticketTypeId}; you already have ${already} ` +
          `(${bought} bought, ${held} in checkout), so ${quantity} more would be too many`,
        { ticketTypeId, held, bought, requested: quantity, limit: maxPerUser },
      );
    }
  }
}
