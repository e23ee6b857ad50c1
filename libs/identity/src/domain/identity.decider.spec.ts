import { given, Role } from '@ticketing/platform/domain';
import {
  ABANDONED_CLAIM_AFTER_MS,
  type ClaimEmail,
  emailClaimDecider,
  normaliseEmail,
} from './email-claim.decider';
import { isSessionActive, sessionDecider } from './session.decider';
import { userDecider } from './user.decider';

const now = new Date('2026-03-01T10:00:00Z');

describe('user decider', () => {
  const register = {
    type: 'RegisterUser' as const,
    userId: 'u1',
    email: 'ada@example.com',
    displayName: 'Ada',
    role: Role.ORGANIZER,
    passwordHash: 'hash',
  };

  it('registers a new user with the time it happened', () => {
    const { type: _command, ...fields } = register;
    expect(given(userDecider, []).when(register, now).events).toEqual([
      { type: 'UserRegistered', data: { ...fields, registeredAt: now.toISOString() } },
    ]);
  });

  it('refuses to register the same user twice', () => {
    const [registered] = given(userDecider, []).when(register, now).events!;
    expect(given(userDecider, [registered]).when(register, now).error?.reason).toBe('USER_EXISTS');
  });
});

describe('e-mail claim decider', () => {
  const claimedAt = new Date('2026-03-01T10:00:00Z');
  const claimed = {
    type: 'EmailClaimed' as const,
    data: { email: 'a@x.io', userId: 'u1', claimedAt: claimedAt.toISOString() },
  };
  const claimBy = (userId: string, currentClaim: ClaimEmail['currentClaim']): ClaimEmail => ({
    type: 'ClaimEmail',
    email: 'a@x.io',
    userId,
    currentClaim,
  });
  const later = (ms: number) => new Date(claimedAt.getTime() + ms);

  it('lets the first sign-up claim an address', () => {
    expect(given(emailClaimDecider, []).when(claimBy('u1', null), claimedAt).events).toEqual([claimed]);
  });

  it('refuses an address that is already claimed', () => {
    const result = given(emailClaimDecider, [claimed]).when(
      claimBy('u2', { userId: 'u1', registered: true }),
      later(1),
    );
    expect(result.error?.code).toBe('CONFLICT');
    expect(result.error?.reason).toBe('EMAIL_TAKEN');
  });

  it('keeps a claim whose user is registered, however old it is', () => {
    const result = given(emailClaimDecider, [claimed]).when(
      claimBy('u2', { userId: 'u1', registered: true }),
      later(365 * 24 * 3600_000),
    );
    expect(result.error?.reason).toBe('EMAIL_TAKEN');
  });

  it('keeps a claim without its user while its sign-up may still be finishing', () => {
    const result = given(emailClaimDecider, [claimed]).when(
      claimBy('u2', { userId: 'u1', registered: false }),
      later(ABANDONED_CLAIM_AFTER_MS - 1),
    );
    expect(result.error?.reason).toBe('EMAIL_TAKEN');
  });

  it('lets a new sign-up take over a claim abandoned by a sign-up that died before recording its user', () => {
    const now = later(ABANDONED_CLAIM_AFTER_MS);
    expect(
      given(emailClaimDecider, [claimed]).when(claimBy('u2', { userId: 'u1', registered: false }), now)
        .events,
    ).toEqual([
      {
        type: 'EmailClaimed',
        data: { email: 'a@x.io', userId: 'u2', claimedAt: now.toISOString(), replacesAbandonedClaimOf: 'u1' },
      },
    ]);
  });

  it('does not take over on the strength of a look at another claimant', () => {
    const result = given(emailClaimDecider, [claimed]).when(
      claimBy('u3', { userId: 'someone-else', registered: false }),
      later(ABANDONED_CLAIM_AFTER_MS * 2),
    );
    expect(result.error?.reason).toBe('EMAIL_TAKEN');
  });

  it('compares addresses case-insensitively', () => {
    expect(normaliseEmail('  Ada.Lovelace@Example.COM ')).toBe(normaliseEmail('ada.lovelace@example.com'));
  });
});

describe('session decider', () => {
  const started = {
    type: 'SessionStarted' as const,
    data: { sessionId: 's1', userId: 'u1', startedAt: now.toISOString(), expiresAt: '2026-03-01T11:00:00Z' },
  };

  it('keeps a session active until it expires', () => {
    const { state } = given(sessionDecider, [started]);
    expect(isSessionActive(state, now)).toBe(true);
    expect(isSessionActive(state, new Date('2026-03-01T11:00:00Z'))).toBe(false);
  });

  it('ends a session on log-out, after which its token is no longer honoured', () => {
    const result = given(sessionDecider, [started]).when({ type: 'EndSession', sessionId: 's1' }, now);
    expect(result.events).toEqual([
      { type: 'SessionEnded', data: { sessionId: 's1', endedAt: now.toISOString() } },
    ]);
    expect(isSessionActive(given(sessionDecider, [started, ...result.events!]).state, now)).toBe(false);
  });

  it('ending an ended session changes nothing', () => {
    const ended = { type: 'SessionEnded' as const, data: { sessionId: 's1', endedAt: now.toISOString() } };
    expect(
      given(sessionDecider, [started, ended]).when({ type: 'EndSession', sessionId: 's1' }, now).events,
    ).toEqual([]);
  });
});
