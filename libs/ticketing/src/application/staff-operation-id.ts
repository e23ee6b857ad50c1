import { NameBasedIds } from '@ticketing/platform/domain';

const staffOperationIds = new NameBasedIds('6f0d2c8e-3b5a-4e71-9c24-d81a7e5b3f90');

/** What staff issue in one call; part of the operation's id, so one key reused for the other never collides. */
export const StaffOperation = {
  COMPS: 'comps',
  DOOR_TICKETS: 'door-tickets',
} as const;
export type StaffOperation = (typeof StaffOperation)[keyof typeof StaffOperation];

/**
 * The id of a staff call that issues tickets: the units it sells and the tickets it issues are named from it, so the
 * same key sent again by the same person for the same event lands on the same sale and the same tickets. Scoping by
 * event and caller keeps two organizers' keys from ever meeting.
 *
 * @example
 * staffOperationIdFor(StaffOperation.COMPS, eventId, principal.userId, 'press-list-1'); // the same uuid every call
 */
export function staffOperationIdFor(
  operation: StaffOperation,
  eventId: string,
  callerId: string,
  idempotencyKey: string,
): string {
  return staffOperationIds.idOf(`${operation}/${eventId}/${callerId}/${idempotencyKey}`);
}
