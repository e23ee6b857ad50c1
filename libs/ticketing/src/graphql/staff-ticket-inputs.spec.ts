import { createValidationPipe } from '@ticketing/platform';
import { AppError } from '@ticketing/platform/domain';
import { ActivateTicketInput } from './activate-ticket.input';
import { IssueCompTicketsInput } from './issue-comp-tickets.input';

type InputClass = typeof ActivateTicketInput | typeof IssueCompTicketsInput;

const validate = (value: Record<string, unknown>, metatype: InputClass) =>
  createValidationPipe().transform(value, { type: 'body', metatype });

async function invalidFields(value: Record<string, unknown>, metatype: InputClass): Promise<unknown> {
  const error = await validate(value, metatype).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  return error instanceof AppError
    ? { code: error.code, fields: (error.details?.fields as { field: string }[]).map((f) => f.field) }
    : error;
}

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
    const trimmed = await validate(
      { ...comps, holders: [{ email: 'speaker@example.com', name: ' Sam Speaker  ' }] },
      IssueCompTicketsInput,
    );
    expect(trimmed.holders[0].name).toBe('Sam Speaker');
    expect(
      await invalidFields(
        { ...comps, holders: [{ email: 'speaker@example.com', name: '  ' }] },
        IssueCompTicketsInput,
      ),
    ).toEqual({ code: 'VALIDATION_FAILED', fields: ['holders.0.name'] });
  });

  it("refuses a holder's address with a space, which a quoted local part would allow", async () => {
    expect(
      await invalidFields(
        { ...doorSale, holder: { email: '"wren walker"@example.com', name: 'Wren' } },
        ActivateTicketInput,
      ),
    ).toEqual({ code: 'VALIDATION_FAILED', fields: ['holder.email'] });
  });

  it('a comp note says something', async () => {
    expect(await invalidFields({ ...comps, note: '   ' }, IssueCompTicketsInput)).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['note'],
    });
  });

  it("a door sale's payment names how it was paid and its reference, trimmed", async () => {
    const activated = await validate(
      { ...doorSale, payment: { ...doorSale.payment, method: ' card ', reference: ' terminal 7 ' } },
      ActivateTicketInput,
    );
    expect(activated.payment).toMatchObject({ method: 'card', reference: 'terminal 7' });
    expect(
      await invalidFields(
        { ...doorSale, payment: { ...doorSale.payment, method: ' ', reference: '  ' } },
        ActivateTicketInput,
      ),
    ).toEqual({ code: 'VALIDATION_FAILED', fields: ['payment.method', 'payment.reference'] });
  });
});
