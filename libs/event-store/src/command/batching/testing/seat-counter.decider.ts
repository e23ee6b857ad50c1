import { ruleViolation, type Decider, type DomainEvent } from '@ticketing/platform/domain';

export type ReserveSeats = { type: 'ReserveSeats'; buyerId: string; seats: number };
export type SeatReserved = DomainEvent<'SeatReserved', { buyerId: string; seat: number }>;
export type SeatCount = { reserved: number };

/**
 * The smallest decider with a rule that concurrent commands can break: a room of `capacity` seats numbered from 1.
 * A request for more seats than are left is refused with SOLD_OUT; otherwise each seat becomes one SeatReserved.
 */
export function seatCounterDecider(capacity: number): Decider<ReserveSeats, SeatReserved, SeatCount> {
  return {
    initialState: { reserved: 0 },
    decide(command, state) {
      const left = capacity - state.reserved;
      if (command.seats > left) {
        throw ruleViolation('SOLD_OUT', `${command.seats} seats asked for, ${left} left`, { left });
      }
      return Array.from({ length: command.seats }, (_, index) => ({
        type: 'SeatReserved' as const,
        data: { buyerId: command.buyerId, seat: state.reserved + index + 1 },
      }));
    },
    evolve: (state) => ({ reserved: state.reserved + 1 }),
  };
}

export function reserveSeats(buyerId: string, seats = 1): ReserveSeats {
  return { type: 'ReserveSeats', buyerId, seats };
}
