import { type Principal, Role } from '@ticketing/platform/domain';

export type Viewer = Pick<Principal, 'userId' | 'role'>;

/**
 * A ticket is seen by the account holding it, the organizer of its event and admins. Anyone else is told it does
 * not exist, so ticket ids cannot be probed.
 */
export function isTicketVisibleTo(
  ticket: { holderUserId: string | null; organizerId: string | null },
  viewer: Viewer,
): boolean {
  if (viewer.role === Role.ADMIN) return true;
  if (ticket.holderUserId !== null && ticket.holderUserId === viewer.userId) return true;
  return viewer.role === Role.ORGANIZER && ticket.organizerId === viewer.userId;
}

/** Door staff pull any event's revocations; an organizer only those of their own events. */
export function mayPullRevocations(event: { organizerId: string }, viewer: Viewer): boolean {
  if (viewer.role === Role.ADMIN || viewer.role === Role.SCANNER) return true;
  return viewer.role === Role.ORGANIZER && event.organizerId === viewer.userId;
}

/** An event's tickets, holders included, are listed for its organizer and admins. */
export function mayListEventTickets(event: { organizerId: string }, viewer: Viewer): boolean {
  return (
    viewer.role === Role.ADMIN || (viewer.role === Role.ORGANIZER && event.organizerId === viewer.userId)
  );
}
