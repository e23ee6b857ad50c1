import { EventStatus } from './event.decider';
import { TicketTypeStatus } from './ticket-type-status';

/** What decides whether a ticket type sells right now. `status` is the displayed one, SOLD_OUT included. */
export interface SaleSituation {
  eventStatus: EventStatus;
  /** The event's IANA zone: buyers read dates as the event lives them. */
  timeZone: string;
  status: TicketTypeStatus;
  salesStartsAt: Date;
  salesEndsAt: Date;
}

export interface SaleStatus {
  isOnSale: boolean;
  /** "On sale until Apr 17, 2026", "Sales start Mar 18, 2026", "Sales ended", "Sold out", "Paused", "Closed"... */
  message: string;
}

const stopped: Record<Exclude<TicketTypeStatus, typeof TicketTypeStatus.ACTIVE>, string> = {
  INACTIVE: 'Paused',
  SOLD_OUT: 'Sold out',
  CLOSED: 'Closed',
  DELETED: 'Deleted',
};

/**
 * Computed when asked, never stored: the same ticket type goes on sale and off again with nobody changing it.
 * A type sells while its event is published, it is ACTIVE with units left, and `now` is inside its sales window.
 */
export function saleStatusAt(situation: SaleSituation, now: Date): SaleStatus {
  const { eventStatus, status, salesStartsAt, salesEndsAt, timeZone } = situation;
  const off = (message: string): SaleStatus => ({ isOnSale: false, message });
  if (eventStatus === EventStatus.CANCELLED) return off('Event cancelled');
  if (status !== TicketTypeStatus.ACTIVE) return off(stopped[status]);
  if (now >= salesEndsAt) return off('Sales ended');
  if (now < salesStartsAt) return off(`Sales start ${localDate(salesStartsAt, timeZone)}`);
  if (eventStatus === EventStatus.DRAFT) return off('On sale once the event is published');
  return { isOnSale: true, message: `On sale until ${localDate(salesEndsAt, timeZone)}` };
}

/** "Apr 17, 2026" on the event's calendar, which may differ from UTC's near midnight. */
function localDate(instant: Date, timeZone: string): string {
  return dateFormatIn(timeZone).format(instant);
}

// Building a formatter loads its zone's rules, which costs far more than formatting; events share a handful of zones.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone });
    dateFormats.set(timeZone, format);
  }
  return format;
}
