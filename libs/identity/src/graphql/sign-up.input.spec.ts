import { createValidationPipe } from '@ticketing/platform';
import { AppError } from '@ticketing/platform/domain';
import { SignUpInput } from './identity.types';

const validate = (value: Record<string, unknown>) =>
  createValidationPipe().transform(value, { type: 'body', metatype: SignUpInput });

const signUp = { email: 'ana@example.com', password: 'correct horse battery staple', role: 'CUSTOMER' };

describe('SignUpInput', () => {
  it('trims the display name', async () => {
    expect((await validate({ ...signUp, displayName: '  Ana  ' })).displayName).toBe('Ana');
  });

  it('refuses a blank display name, which would leave tickets issued to this account without a holder name', async () => {
    const refused = await validate({ ...signUp, displayName: '   ' }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).details?.fields).toEqual([
      expect.objectContaining({ field: 'displayName' }),
    ]);
  });

  it('refuses an address with a space, which a quoted local part would allow', async () => {
    const refused = await validate({ ...signUp, email: '"ana maria"@example.com', displayName: 'Ana' }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect((refused as AppError).details?.fields).toEqual([
      { field: 'email', messages: ['email must be an e-mail address'] },
    ]);
  });
});
