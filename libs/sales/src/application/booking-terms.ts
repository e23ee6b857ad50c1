import type { BookableTicketTypes } from '@ticketing/catalog';
import { notFound } from '@ticketing/platform/domain';
import type { BookingItemRequest } from '../domain/booking/booking.commands';
import type { BuyerItem } from '../domain/buyer-limits/buyer-limits.events';
import type { Money } from '../domain/money';

export interface RequestedItem {
  ticketTypeId: string;
  quantity: number;
  donation?: Money | null;
}

/** An item with the catalog's terms for the booking, and the per-buyer limit for the buyer's limits. */
export interface PricedItemRequest extends BookingItemRequest {
  maxPerUser: number;
}

/**
 * Reads each ticket type as any buyer sees it, with the access code given: the organizer booking their own event
 * sees no more than their buyers do. A type hidden from buyers is NOT_FOUND, exactly as one that does not exist, so
 * every type found is visible to this buyer. Whether units are left is not asked here: the inventory answers it.
 */
export async function loadBookingTerms(
  ticketTypes: BookableTicketTypes,
  items: RequestedItem[],
  accessCode: string | null,
  now: Date,
): Promise<PricedItemRequest[]> {
  return Promise.all(
    items.map(async ({ ticketTypeId, quantity, donation }) => {
      const found = await ticketTypes.find(ticketTypeId, accessCode, now);
      if (!found) throw notFound('Ticket type', ticketTypeId);
      const { eventId, name, pricingType, price, minimumDonation, minPerOrder, maxPerOrder, salesChannel } =
        found;
      const terms = {
        eventId,
        name,
        pricingType,
        price,
        minimumDonation,
        minPerOrder,
        maxPerOrder,
        salesChannel,
        isOnSale: found.takesHolds,
        isVisibleToBuyer: true,
      };
      return { ticketTypeId, quantity, donation: donation ?? null, terms, maxPerUser: found.maxPerUser };
    }),
  );
}

export function buyerItemsOf(items: PricedItemRequest[]): BuyerItem[] {
  return items.map(({ ticketTypeId, quantity, maxPerUser }) => ({ ticketTypeId, quantity, maxPerUser }));
}
