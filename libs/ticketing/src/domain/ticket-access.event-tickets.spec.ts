import { Role } from '@ticketing/platform/domain';
import { mayListEventTickets } from './ticket-access';

const event = { organizerId: 'org-1' };

describe("listing an event's tickets", () => {
  it.each([
    ['its organizer', { userId: 'org-1', role: Role.ORGANIZER }, true],
    ['an admin', { userId: 'admin-1', role: Role.ADMIN }, true],
    ['another organizer', { userId: 'org-2', role: Role.ORGANIZER }, false],
    ['door staff', { userId: 'scanner-1', role: Role.SCANNER }, false],
    ['a customer, even one whose id matches', { userId: 'org-1', role: Role.CUSTOMER }, false],
  ])('is for the organizer and admins: %s → %p', (_who, viewer, allowed) => {
    expect(mayListEventTickets(event, viewer)).toBe(allowed);
  });
});
