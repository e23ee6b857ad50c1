import { Role } from '@ticketing/platform/domain';
import { isTicketVisibleTo, mayPullRevocations, type Viewer } from './ticket-access';

const holder: Viewer = { userId: 'holder', role: Role.CUSTOMER };
const organizer: Viewer = { userId: 'organizer', role: Role.ORGANIZER };
const otherOrganizer: Viewer = { userId: 'other-organizer', role: Role.ORGANIZER };
const stranger: Viewer = { userId: 'stranger', role: Role.CUSTOMER };
const scanner: Viewer = { userId: 'scanner', role: Role.SCANNER };
const admin: Viewer = { userId: 'admin', role: Role.ADMIN };

describe('who sees a ticket', () => {
  const ticket = { holderUserId: 'holder', organizerId: 'organizer' };

  it.each([
    ['its holder', holder, true],
    ["its event's organizer", organizer, true],
    ['an admin', admin, true],
    ['another organizer', otherOrganizer, false],
    ['a stranger', stranger, false],
    ['a scanner, who checks QR codes rather than reading tickets', scanner, false],
  ])('%s: %p', (_label, viewer, visible) => {
    expect(isTicketVisibleTo(ticket, viewer)).toBe(visible);
  });

  it('a ticket held by an e-mail address alone is seen by no customer account', () => {
    expect(isTicketVisibleTo({ holderUserId: null, organizerId: 'organizer' }, stranger)).toBe(false);
  });

  it('a holder who organizes other events still sees their own ticket', () => {
    expect(
      isTicketVisibleTo({ holderUserId: 'other-organizer', organizerId: 'organizer' }, otherOrganizer),
    ).toBe(true);
  });
});

describe("who pulls an event's revocations", () => {
  const event = { organizerId: 'organizer' };

  it.each([
    ['door staff', scanner, true],
    ['its organizer', organizer, true],
    ['an admin', admin, true],
    ['another organizer', otherOrganizer, false],
    ['a customer', holder, false],
  ])('%s: %p', (_label, viewer, allowed) => {
    expect(mayPullRevocations(event, viewer)).toBe(allowed);
  });
});
