import { type EventStore, runCommand, toDomainEvent } from '@ticketing/event-store';
import { type CommandContext, newId } from '@ticketing/platform';
import { foldEvents, type Role } from '@ticketing/platform/domain';
import {
  type ClaimEmail,
  emailClaimDecider,
  type EmailClaimEvent,
  normaliseEmail,
} from '../domain/email-claim.decider';
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
 * transaction, so the password is hashed before either and the window between them is one append long; a claim left
 * behind by a sign-up that died in it is taken over by a later sign-up once it is old enough (see the decider).
 */
export async function registerUser(store: EventStore, registration: Registration, context: CommandContext) {
  const email = normaliseEmail(registration.email);
  const userId = newId();
  const passwordHash = await hashPassword(registration.password);
  const claim: ClaimEmail = {
    type: 'ClaimEmail',
    email,
    userId,
    currentClaim: await currentClaim(store, email),
  };
  await runCommand(store, emailClaimDecider, emailClaimStream(email), claim, context);
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

async function currentClaim(store: EventStore, email: string): Promise<ClaimEmail['currentClaim']> {
  const history = await store.readStream(emailClaimStream(email));
  const { claimedBy } = foldEvents(emailClaimDecider, history.map(toDomainEvent<EmailClaimEvent>));
  if (claimedBy === null) return null;
  const claimant = await store.readStream(userStream(claimedBy), { maxCount: 1 });
  return { userId: claimedBy, registered: claimant.length > 0 };
}
