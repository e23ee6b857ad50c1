import { EventStatus } from './event.decider';
import { type SaleSituation, saleStatusAt } from './ticket-type-sale-status';
import { TicketTypeStatus } from './ticket-type-status';

const onSale: SaleSituation = {
  eventStatus: EventStatus.PUBLISHED,
  timeZone: 'Africa/Nairobi',
  status: TicketTypeStatus.ACTIVE,
  salesStartsAt: new Date('2026-03-18T05:00:00Z'),
  salesEndsAt: new Date('2026-04-17T20:59:00Z'),
};
const during = new Date('2026-04-01T12:00:00Z');

describe('sale status, computed at the moment it is asked', () => {
  it('an ACTIVE type of a published event sells inside its window, until the end date in the event’s zone', () => {
    expect(saleStatusAt(onSale, during)).toEqual({ isOnSale: true, message: 'On sale until Apr 17, 2026' });
  });

  it('dates are read on the event’s calendar, not UTC’s', () => {
    const endsAtLocalMidnight = { ...onSale, salesEndsAt: new Date('2026-04-17T21:00:00Z') };
    expect(saleStatusAt(endsAtLocalMidnight, during).message).toBe('On sale until Apr 18, 2026');
  });

  it('before its window it says when sales start', () => {
    expect(saleStatusAt(onSale, new Date('2026-03-01T00:00:00Z'))).toEqual({
      isOnSale: false,
      message: 'Sales start Mar 18, 2026',
    });
  });

  it('the window includes its start and excludes its end', () => {
    expect(saleStatusAt(onSale, onSale.salesStartsAt).isOnSale).toBe(true);
    expect(saleStatusAt(onSale, onSale.salesEndsAt)).toEqual({ isOnSale: false, message: 'Sales ended' });
  });

  it.each([
    [TicketTypeStatus.SOLD_OUT, 'Sold out'],
    [TicketTypeStatus.INACTIVE, 'Paused'],
    [TicketTypeStatus.CLOSED, 'Closed'],
  ])('a %s type does not sell, even inside its window: "%s"', (status, message) => {
    expect(saleStatusAt({ ...onSale, status }, during)).toEqual({ isOnSale: false, message });
  });

  it('nothing sells before the event is published', () => {
    expect(saleStatusAt({ ...onSale, eventStatus: EventStatus.DRAFT }, during)).toEqual({
      isOnSale: false,
      message: 'On sale once the event is published',
    });
  });

  it('nothing sells once the event is cancelled', () => {
    expect(saleStatusAt({ ...onSale, eventStatus: EventStatus.CANCELLED }, during)).toEqual({
      isOnSale: false,
      message: 'Event cancelled',
    });
  });
});
