import { given, Role } from '@ticketing/platform/domain';
import { emailClaimDecider, normaliseEmail } from './email-claim.decider';
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
  it('lets the first sign-up claim an address', () => {
    expect(
      given(emailClaimDecider, []).when({ type: 'ClaimEmail', email: 'a@x.io', userId: 'u1' }).events,
    ).toEqual([{ type: 'EmailClaimed', data: { email: 'a@x.io', userId: 'u1' } }]);
  });

  it('refuses an address that is already claimed', () => {
    const claimed = { type: 'EmailClaimed' as const, data: { email: 'a@x.io', userId: 'u1' } };
    const result = given(emailClaimDecider, [claimed]).when({
      type: 'ClaimEmail',
      email: 'a@x.io',
      userId: 'u2',
    });
    expect(result.error?.code).toBe('CONFLICT');
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
