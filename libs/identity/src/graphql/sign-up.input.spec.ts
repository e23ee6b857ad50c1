import { refusedFields, validateInput } from '../../../platform/src/graphql/testing/validate-input';
import { SignUpInput } from './identity.types';

const signUp = { email: 'ana@example.com', password: 'correct horse battery staple', role: 'CUSTOMER' };

describe('SignUpInput', () => {
  it('trims the display name', async () => {
    expect((await validateInput(SignUpInput, { ...signUp, displayName: '  Ana  ' })).displayName).toBe('Ana');
  });

  it('refuses a blank display name, which would leave tickets issued to this account without a holder name', async () => {
    expect(await refusedFields(SignUpInput, { ...signUp, displayName: '   ' })).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['displayName'],
    });
  });

  it('refuses an address with a space, which a quoted local part would allow', async () => {
    expect(
      await refusedFields(SignUpInput, { ...signUp, email: '"ana maria"@example.com', displayName: 'Ana' }),
    ).toEqual({ code: 'VALIDATION_FAILED', fields: ['email'] });
  });
});
