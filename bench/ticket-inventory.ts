import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@ticketing/platform';
import { ruleViolation, type Decider, type DomainEvent } from '@ticketing/platform/domain';

/** The command path of the flash sale: one seat for one buyer, on the ticket type's one stream. */
export type ReserveTicket = { type: 'ReserveTicket'; buyerId: string };
export type TicketReserved = DomainEvent<
  'TicketReserved',
  {
    buyerId: string;
    bookingId: string;
    seat: number;
    unitPrice: { amountMinor: number; currency: string };
    holdExpiresAt: string;
  }
>;
export type Inventory = { reserved: number };

/** Sells seats one by one until `capacity` are reserved, then refuses with SOLD_OUT. */
export function ticketInventory(capacity: number): Decider<ReserveTicket, TicketReserved, Inventory> {
  return {
    initialState: { reserved: 0 },
    decide(command, state) {
      if (state.reserved >= capacity) throw ruleViolation('SOLD_OUT', `All ${capacity} tickets are reserved`);
      return [
        {
          type: 'TicketReserved',
          data: {
            buyerId: command.buyerId,
            bookingId: randomUUID(),
            seat: state.reserved + 1,
            unitPrice: { amountMinor: 4_500, currency: 'EUR' },
            holdExpiresAt: '2026-06-01T19:15:00.000Z',
          },
        },
      ];
    },
    evolve: (state) => ({ reserved: state.reserved + 1 }),
  };
}

export function aBuyerContext(buyer: number): CommandContext {
  return {
    commandId: randomUUID(),
    actor: `buyer-${buyer}`,
    correlationId: randomUUID(),
    causationId: null,
    now: new Date(),
  };
}
