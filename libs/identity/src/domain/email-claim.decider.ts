import { conflict, type Decider, type DomainEvent } from '@ticketing/platform/domain';

/**
 * One stream per e-mail address (`userEmail-<normalised address>`) makes the address unique: the store's
 * optimistic concurrency lets exactly one of two concurrent sign-ups claim it.
 *
 * Sign-up claims the address, then records the user, in two appends. A sign-up that dies between them leaves a claim
 * whose user was never recorded; once it is older than `ABANDONED_CLAIM_AFTER_MS` a new sign-up may take it over,
 * so the address is not lost for good.
 */
export const ABANDONED_CLAIM_AFTER_MS = 60_000;

export type EmailClaimed = DomainEvent<
  'EmailClaimed',
  { email: string; userId: string; claimedAt: string; replacesAbandonedClaimOf?: string }
>;
export type EmailClaimEvent = EmailClaimed;

export type ClaimEmail = {
  type: 'ClaimEmail';
  email: string;
  userId: string;
  /** What the handler found when it looked at the current claimant's own stream; null when there was no claim. */
  currentClaim: { userId: string; registered: boolean } | null;
};

export type EmailClaimState = { claimedBy: string | null; claimedAt: Date | null };

export const emailClaimDecider: Decider<ClaimEmail, EmailClaimEvent, EmailClaimState> = {
  initialState: { claimedBy: null, claimedAt: null },

  decide(command, state, now) {
    const claim = { email: command.email, userId: command.userId, claimedAt: now.toISOString() };
    if (state.claimedBy === null) return [{ type: 'EmailClaimed', data: claim }];
    if (isAbandoned(command, state, now)) {
      return [{ type: 'EmailClaimed', data: { ...claim, replacesAbandonedClaimOf: state.claimedBy } }];
    }
    throw conflict('EMAIL_TAKEN', `An account with the e-mail address ${command.email} already exists`);
  },

  evolve: (_state, event) => ({ claimedBy: event.data.userId, claimedAt: new Date(event.data.claimedAt) }),
};

/**
 * The handler's look at the claimant only counts for the claimant it looked at: if another sign-up took the claim
 * meanwhile, the command is decided again on the new state and this check refuses it.
 */
function isAbandoned(command: ClaimEmail, state: EmailClaimState, now: Date): boolean {
  return (
    command.currentClaim?.userId === state.claimedBy &&
    !command.currentClaim.registered &&
    state.claimedAt !== null &&
    now.getTime() - state.claimedAt.getTime() >= ABANDONED_CLAIM_AFTER_MS
  );
}

/** Addresses are compared case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
