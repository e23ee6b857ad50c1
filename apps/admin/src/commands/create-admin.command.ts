import { registerUser } from '@ticketing/identity';
import { commandContextFor } from '@ticketing/platform';
import { Role, SYSTEM_ACTOR } from '@ticketing/platform/domain';
import type { Infrastructure } from '../../../api/src/composition/infrastructure';

export async function createAdmin(
  { store }: Infrastructure,
  options: { email: string; password: string; name: string },
): Promise<void> {
  if (options.password.length < 12 || options.password.length > 128) {
    throw new Error('The password must have 12 to 128 characters');
  }
  const context = {
    ...commandContextFor({ principal: null, correlationId: 'admin-cli' }, new Date()),
    actor: SYSTEM_ACTOR,
  };
  const { userId } = await registerUser(
    store,
    { email: options.email, password: options.password, displayName: options.name, role: Role.ADMIN },
    context,
  );
  console.log(`Created admin ${options.email} (user ${userId})`);
}
