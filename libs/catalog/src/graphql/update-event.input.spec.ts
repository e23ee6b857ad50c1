import { createValidationPipe } from '@ticketing/platform';
import { AppError } from '@ticketing/platform/domain';
import { UpdateEventInput } from './update-event.input';

const validate = (value: Record<string, unknown>) =>
  createValidationPipe().transform(value, { type: 'body', metatype: UpdateEventInput });

async function invalidFields(value: Record<string, unknown>): Promise<unknown> {
  const error = await validate(value).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  return error instanceof AppError ? { code: error.code, fields: error.details?.fields } : error;
}

describe('UpdateEventInput', () => {
  it('keeps only the fields sent, so the others stay as they are', async () => {
    const input = await validate({ title: '  A new title  ' });
    expect({ ...input }).toEqual({ title: 'A new title' });
  });

  it('lets venue and maxCapacity be cleared with null', async () => {
    expect({ ...(await validate({ venue: null, maxCapacity: null })) }).toEqual({
      venue: null,
      maxCapacity: null,
    });
  });

  it.each(['title', 'description', 'format', 'startsAt', 'timeZone'])(
    'refuses null for %s, which cannot be empty',
    async (field) => {
      expect(await invalidFields({ [field]: null })).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ field }],
      });
    },
  );

  it('validates what is sent as creation does', async () => {
    expect(
      await invalidFields({
        maxCapacity: 0,
        venue: { name: 'Hall', address: '1 Main St', city: 'Oslo', country: 'Norway' },
      }),
    ).toEqual({
      code: 'VALIDATION_FAILED',
      fields: [
        { field: 'venue.country', messages: [expect.any(String)] },
        { field: 'maxCapacity', messages: [expect.any(String)] },
      ],
    });
  });
});
