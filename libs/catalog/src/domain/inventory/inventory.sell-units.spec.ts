import { given } from '@ticketing/platform/domain';
import type { InventoryCommand, SellUnits } from './inventory.commands';
import { inventoryDecider } from './inventory.decider';
import type { InventoryEvent } from './inventory.events';
import { availableUnits } from './inventory.state';

const eventId = 'e1';
const start = new Date('2026-06-01T10:00:00.000Z');
const minutes = (count: number) => new Date(start.getTime() + count * 60_000);

const register = (ticketTypeId: string, capacity: number): InventoryCommand => ({
  type: 'RegisterTicketType',
  eventId,
  ticketTypeId,
  capacity,
});
const reserve = (reservationId: string, ticketTypeId: string, quantity: number): InventoryCommand => ({
  type: 'ReserveUnits',
  eventId,
  reservationId,
  items: [{ ticketTypeId, quantity }],
  expiresAt: minutes(15),
});
const sell = (saleId: string, ticketTypeId: string, quantity: number): SellUnits => ({
  type: 'SellUnits',
  eventId,
  saleId,
  items: [{ ticketTypeId, quantity }],
});

function history(...commands: InventoryCommand[]): InventoryEvent[] {
  return commands.reduce<InventoryEvent[]>((events, command) => {
    const result = given(inventoryDecider, events).when(command, start);
    if (result.error) throw new Error(`Setting up ${command.type} was refused: ${result.error.message}`);
    return [...events, ...result.events];
  }, []);
}
const when = (past: InventoryEvent[], command: InventoryCommand, at = start) =>
  given(inventoryDecider, past).when(command, at);
const stateAfter = (events: InventoryEvent[]) => given(inventoryDecider, events).state;

describe('selling units without a hold (comps, door tickets)', () => {
  it('sells the units at once and records the counts that result', () => {
    const { events } = when(history(register('ga', 10)), sell('s1', 'ga', 3));
    expect(events).toEqual([
      {
        type: 'UnitsSold',
        data: {
          eventId,
          saleId: 's1',
          items: [{ ticketTypeId: 'ga', quantity: 3 }],
          soldAt: start.toISOString(),
          ticketTypes: [{ ticketTypeId: 'ga', capacity: 10, held: 0, sold: 3, everSold: 3 }],
        },
      },
    ]);
    expect(availableUnits(stateAfter([...history(register('ga', 10)), ...events!]), 'ga')).toBe(7);
  });

  it('selling the last units sells the ticket type out', () => {
    const { events } = when(history(register('ga', 3)), sell('s1', 'ga', 3));
    expect(events?.map((event) => event.type)).toEqual(['UnitsSold', 'TicketTypeSoldOut']);
  });

  it('a sale id used again for the same units sells nothing more', () => {
    const past = history(register('ga', 10), sell('s1', 'ga', 3));
    expect(when(past, sell('s1', 'ga', 3)).events).toEqual([]);
    expect(stateAfter(past).ticketTypes.ga.sold).toBe(3);
  });

  it.each([
    ['for other units', history(register('ga', 10), sell('s1', 'ga', 3)), sell('s1', 'ga', 4)],
    ['as a reservation', history(register('ga', 10), sell('s1', 'ga', 3)), reserve('s1', 'ga', 3)],
    ['after a reservation', history(register('ga', 10), reserve('s1', 'ga', 3)), sell('s1', 'ga', 3)],
  ])('a sale id cannot be used again %s', (_when, past, command) => {
    const { error } = when(past, command);
    expect(error?.code).toBe('CONFLICT');
    expect(error?.reason).toBe('RESERVATION_ID_REUSED');
  });

  it('is refused as a reservation would be when too few units are left, and sells nothing', () => {
    const past = history(register('ga', 5), reserve('r1', 'ga', 4));
    const { events, error } = when(past, sell('s1', 'ga', 2));
    expect(events).toBeNull();
    expect(error?.reason).toBe('NOT_ENOUGH_UNITS');
    expect(error?.details).toEqual({ available: { ga: 1 } });
    expect(when(history(register('ga', 2), sell('s1', 'ga', 2)), sell('s2', 'ga', 1)).error?.reason).toBe(
      'SOLD_OUT',
    );
  });

  it("counts against the event's maxCapacity across its ticket types", () => {
    const past = history(
      { type: 'SetEventCapacityLimit', eventId, maxCapacity: 5 },
      register('ga', 10),
      register('vip', 10),
      sell('s1', 'ga', 4),
    );
    expect(when(past, sell('s2', 'vip', 2)).error?.reason).toBe('EVENT_CAPACITY_REACHED');
  });

  it('nothing of a withdrawn ticket type can be sold', () => {
    const past = history(register('ga', 10), { type: 'WithdrawTicketType', eventId, ticketTypeId: 'ga' });
    expect(when(past, sell('s1', 'ga', 1)).error?.reason).toBe('TICKET_TYPE_WITHDRAWN');
  });

  it('expired holds are released first, in the same decision, so they never block the sale', () => {
    const past = history(register('ga', 2), reserve('r1', 'ga', 2));
    const { events } = when(past, sell('s1', 'ga', 2), minutes(16));
    expect(events?.map((event) => event.type)).toEqual(['ReservationReleased', 'UnitsSold']);
  });

  it.each([0, -1, 1.5])('a quantity of %p is refused as INVALID_QUANTITY', (quantity) => {
    expect(when(history(register('ga', 10)), sell('s1', 'ga', quantity)).error?.reason).toBe(
      'INVALID_QUANTITY',
    );
  });
});
