import { type Principal, Role } from '@ticketing/platform/domain';

export type Reader = Pick<Principal, 'userId' | 'role'>;

/**
 * A booking is read by its signed-in buyer, whoever holds its access token (a guest), its event's organizer and
 * admins. Anyone else is told it does not exist, so booking ids cannot be probed.
 */
export function isBookingReadableBy(
  booking: { id: string; buyerUserId: string | null; organizerId: string | null },
  reader: { viewer: Reader | null; tokenBookingId: string | null },
): boolean {
  if (reader.tokenBookingId === booking.id) return true;
  const { viewer } = reader;
  if (!viewer) return false;
  if (viewer.role === Role.ADMIN) return true;
  if (booking.buyerUserId !== null && booking.buyerUserId === viewer.userId) return true;
  return viewer.role === Role.ORGANIZER && booking.organizerId === viewer.userId;
}

/** An event's bookings are listed for its organizer and admins. */
export function mayListEventBookings(event: { organizerId: string }, viewer: Reader): boolean {
  return viewer.role === Role.ADMIN || event.organizerId === viewer.userId;
}
