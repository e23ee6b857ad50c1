import { type EventStore, runCommand } from '@ticketing/event-store';
import { type CommandContext, newId } from '@ticketing/platform';
import type { Role } from '@ticketing/platform/domain';
import { emailClaimDecider, normaliseEmail } from '../domain/email-claim.decider';
import { userDecider } from '../domain/user.decider';
import { hashPassword } from './password-hasher';
import { emailClaimStream, userStream } from './streams';

export interface Registration {
  email: string;
  password: string;
  displayName: string;
  role: Role;
}

/**
 * Claims the address first, then records the user: the claim is the uniqueness check. The two appends are not one
 * transaction; if the process dies between them the address stays claimed by a user that was never recorded, and a
 * new sign-up with it is refused until an admin repairs the claim. That window is one append long.
 */
export async function registerUser(store: EventStore, registration: Registration, context: CommandContext) {
  const email = normaliseEmail(registration.email);
  const userId = newId();
  await runCommand(
    store,
    emailClaimDecider,
    emailClaimStream(email),
    { type: 'ClaimEmail', email, userId },
    context,
  );
  const passwordHash = await hashPassword(registration.password);
  const outcome = await runCommand(
    store,
    userDecider,
    userStream(userId),
    {
      type: 'RegisterUser',
      userId,
      email,
      displayName: registration.displayName.trim(),
      role: registration.role,
      passwordHash,
    },
    context,
  );
  return { userId, position: outcome.position };
}
