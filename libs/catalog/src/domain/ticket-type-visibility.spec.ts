import { TicketTypeAccess, TicketTypeVisibility } from './ticket-type-details';
import { isCurrentlyVisible, isShownToBuyer, type Showing } from './ticket-type-visibility';

const visible: Showing = {
  ticketTypeId: 'tt1',
  visibility: TicketTypeVisibility.VISIBLE,
  visibilityStartsAt: null,
  visibilityEndsAt: null,
  salesStartsAt: new Date('2026-04-01T00:00:00Z'),
  salesEndsAt: new Date('2026-05-01T00:00:00Z'),
  access: TicketTypeAccess.PUBLIC,
};
const before = new Date('2026-03-01T00:00:00Z');
const during = new Date('2026-04-15T00:00:00Z');
const after = new Date('2026-06-01T00:00:00Z');

describe('who sees a ticket type, and when', () => {
  it('a VISIBLE type is always shown; a HIDDEN one never', () => {
    for (const now of [before, during, after]) {
      expect(isCurrentlyVisible(visible, now)).toBe(true);
      expect(isCurrentlyVisible({ ...visible, visibility: TicketTypeVisibility.HIDDEN }, now)).toBe(false);
    }
  });

  it('a HIDDEN_WHEN_NOT_ON_SALE type is shown only inside its sales window', () => {
    const type = { ...visible, visibility: TicketTypeVisibility.HIDDEN_WHEN_NOT_ON_SALE };
    expect([before, during, after].map((now) => isCurrentlyVisible(type, now))).toEqual([false, true, false]);
  });

  it('a CUSTOM_SCHEDULE type is shown only inside its visibility window, start included, end excluded', () => {
    const type = {
      ...visible,
      visibility: TicketTypeVisibility.CUSTOM_SCHEDULE,
      visibilityStartsAt: new Date('2026-03-01T00:00:00Z'),
      visibilityEndsAt: new Date('2026-04-15T00:00:00Z'),
    };
    expect([before, during, after].map((now) => isCurrentlyVisible(type, now))).toEqual([true, false, false]);
  });

  it('an INVITE_ONLY type is shown to a buyer only with an access code that unlocks it', () => {
    const invited = { ...visible, access: TicketTypeAccess.INVITE_ONLY };
    expect(isShownToBuyer(invited, during, new Set())).toBe(false);
    expect(isShownToBuyer(invited, during, new Set(['tt2']))).toBe(false);
    expect(isShownToBuyer(invited, during, new Set(['tt1']))).toBe(true);
  });

  it('an access code does not show a type its visibility hides', () => {
    const hidden = {
      ...visible,
      access: TicketTypeAccess.INVITE_ONLY,
      visibility: TicketTypeVisibility.HIDDEN,
    };
    expect(isShownToBuyer(hidden, during, new Set(['tt1']))).toBe(false);
  });
});
