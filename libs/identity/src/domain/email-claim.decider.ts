import { conflict, type Decider, type DomainEvent } from '@ticketing/platform/domain';

/**
 * One stream per e-mail address (`userEmail-<normalised address>`) makes the address unique: the store's
 * optimistic concurrency lets exactly one of two concurrent sign-ups claim it.
 */
export type EmailClaimed = DomainEvent<'EmailClaimed', { email: string; userId: string }>;
export type EmailClaimEvent = EmailClaimed;

export type ClaimEmail = { type: 'ClaimEmail'; email: string; userId: string };

export type EmailClaimState = { claimedBy: string | null };

export const emailClaimDecider: Decider<ClaimEmail, EmailClaimEvent, EmailClaimState> = {
  initialState: { claimedBy: null },

  decide(command, state) {
    if (state.claimedBy !== null) {
      throw conflict('EMAIL_TAKEN', `An account with the e-mail address ${command.email} already exists`);
    }
    return [{ type: 'EmailClaimed', data: { email: command.email, userId: command.userId } }];
  },

  evolve: (_state, event) => ({ claimedBy: event.data.userId }),
};

/** Addresses are compared case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
