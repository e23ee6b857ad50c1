import { TicketTypeAccess, TicketTypeVisibility } from './ticket-type-details';

/** What decides whether buyers see a ticket type. Windows include their start and exclude their end. */
export interface Showing {
  ticketTypeId: string;
  visibility: TicketTypeVisibility;
  visibilityStartsAt: Date | null;
  visibilityEndsAt: Date | null;
  salesStartsAt: Date;
  salesEndsAt: Date;
  access: TicketTypeAccess;
}

/** Whether buyers may see the ticket type at `now` by its visibility alone, access codes aside. */
export function isCurrentlyVisible(showing: Showing, now: Date): boolean {
  switch (showing.visibility) {
    case TicketTypeVisibility.VISIBLE:
      return true;
    case TicketTypeVisibility.HIDDEN:
      return false;
    case TicketTypeVisibility.HIDDEN_WHEN_NOT_ON_SALE:
      return within(now, showing.salesStartsAt, showing.salesEndsAt);
    case TicketTypeVisibility.CUSTOM_SCHEDULE:
      return within(now, showing.visibilityStartsAt, showing.visibilityEndsAt);
  }
}

/** A buyer sees a visible type; an INVITE_ONLY one only with an access code that unlocks it. */
export function isShownToBuyer(showing: Showing, now: Date, unlocked: ReadonlySet<string>): boolean {
  const invited = showing.access === TicketTypeAccess.PUBLIC || unlocked.has(showing.ticketTypeId);
  return invited && isCurrentlyVisible(showing, now);
}

function within(now: Date, startsAt: Date | null, endsAt: Date | null): boolean {
  return startsAt !== null && endsAt !== null && startsAt <= now && now < endsAt;
}
