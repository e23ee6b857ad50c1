import { refusedFields, validateInput } from '../../../platform/src/graphql/testing/validate-input';
import { ActivateTicketInput } from './activate-ticket.input';
import { IssueCompTicketsInput } from './issue-comp-tickets.input';

const comps = {
  eventId: 'event-1',
  ticketTypeId: 'type-1',
  holders: [{ email: 'speaker@example.com', name: 'Sam Speaker' }],
  note: 'Speakers',
  idempotencyKey: 'comps-2026-11',
};

const doorSale = {
  ticketId: 'ticket-1',
  holder: { email: 'walk-in@example.com', name: 'Wren Walker' },
  payment: { amount: 4500, currency: 'EUR', method: 'cash', reference: 'till 3, receipt 0042' },
};

describe('staff ticket inputs', () => {
  it("trims a holder's name and refuses a blank one", async () => {
    const trimmed = await validateInput(IssueCompTicketsInput, {
      ...comps,
      holders: [{ email: 'speaker@example.com', name: ' Sam Speaker  ' }],
    });
    expect(trimmed.holders[0].name).toBe('Sam Speaker');
    expect(
      await refusedFields(IssueCompTicketsInput, {
        ...comps,
        holders: [{ email: 'speaker@example.com', name: '  ' }],
      }),
    ).toEqual({ code: 'VALIDATION_FAILED', fields: ['holders.0.name'] });
  });

  it("refuses a holder's address with a space, which a quoted local part would allow", async () => {
    expect(
      await refusedFields(ActivateTicketInput, {
        ...doorSale,
        holder: { email: '"wren walker"@example.com', name: 'Wren' },
      }),
    ).toEqual({ code: 'VALIDATION_FAILED', fields: ['holder.email'] });
  });

  it('a comp note says something', async () => {
    expect(await refusedFields(IssueCompTicketsInput, { ...comps, note: '   ' })).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['note'],
    });
  });

  it("a door sale's payment names how it was paid and its reference, trimmed", async () => {
    const activated = await validateInput(ActivateTicketInput, {
      ...doorSale,
      payment: { ...doorSale.payment, method: ' card ', reference: ' terminal 7 ' },
    });
    expect(activated.payment).toMatchObject({ method: 'card', reference: 'terminal 7' });
    expect(
      await refusedFields(ActivateTicketInput, {
        ...doorSale,
        payment: { ...doorSale.payment, method: ' ', reference: '  ' },
      }),
    ).toEqual({ code: 'VALIDATION_FAILED', fields: ['payment.method', 'payment.reference'] });
  });
});
