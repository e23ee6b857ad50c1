import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore, NO_STREAM } from '@ticketing/event-store';
import { SignJWT } from 'jose';
import { type RunningApi, SIGN_UP, signUp, startApi } from './support/api-harness';
import {
  createTemporaryDatabase,
  describeOnPostgres,
  type TemporaryDatabase,
} from './support/temporary-database';

const ME = 'query { me { id email role displayName } }';
const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { accessToken user { id role } } }`;
const PASSWORD = 'correct horse battery staple';

describe('identity through GraphQL', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: 'a very long admin password' });
  });
  afterAll(() => api.close());

  it('signs up, logs in and answers me', async () => {
    const { token, userId, email } = await signUp(api, 'CUSTOMER');
    expect((await api.graphql(ME, {}, token)).data?.me).toMatchObject({
      id: userId,
      email,
      role: 'CUSTOMER',
    });

    const logIn = await api.graphql(LOG_IN, { input: { email: email.toUpperCase(), password: PASSWORD } });
    expect(logIn.data?.logIn.user).toEqual({ id: userId, role: 'CUSTOMER' });
    expect((await api.graphql(ME, {}, logIn.data?.logIn.accessToken)).data?.me.id).toBe(userId);
  });

  it('refuses a second account for an address that differs only in case', async () => {
    const { email } = await signUp(api, 'CUSTOMER');
    const result = await api.graphql(SIGN_UP, {
      input: { email: email.toUpperCase(), password: PASSWORD, displayName: 'Copycat', role: 'CUSTOMER' },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
  });

  it('lets exactly one of two concurrent sign-ups with one address succeed', async () => {
    const input = (name: string) => ({
      input: { email: 'race@example.com', password: PASSWORD, displayName: name, role: 'CUSTOMER' },
    });
    const results = await Promise.all([
      api.graphql(SIGN_UP, input('one')),
      api.graphql(SIGN_UP, input('two')),
    ]);
    expect(results.filter((r) => r.data?.signUp).length).toBe(1);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions.reason)).toEqual(['EMAIL_TAKEN']);
  });

  it('lets a sign-up take over an address whose earlier sign-up died before recording its user', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    const abandonedAt = api.clock.now();
    await store.append(
      'userEmail-orphan@example.com',
      [
        {
          id: randomUUID(),
          type: 'EmailClaimed',
          data: { email: 'orphan@example.com', userId: randomUUID(), claimedAt: abandonedAt.toISOString() },
          metadata: {
            actor: null,
            correlationId: 'crashed-sign-up',
            causationId: null,
            occurredAt: abandonedAt.toISOString(),
            schemaVersion: 1,
          },
        },
      ],
      NO_STREAM,
    );
    const input = {
      input: { email: 'orphan@example.com', password: PASSWORD, displayName: 'Late', role: 'CUSTOMER' },
    };
    expect((await api.graphql(SIGN_UP, input)).errors?.[0].extensions.reason).toBe('EMAIL_TAKEN');

    api.clock.advance(61_000);
    const retried = await api.graphql(SIGN_UP, input);
    expect(retried.data?.signUp.user.email).toBe('orphan@example.com');
    const logIn = await api.graphql(LOG_IN, { input: { email: 'orphan@example.com', password: PASSWORD } });
    expect(logIn.data?.logIn.user.id).toBe(retried.data?.signUp.user.id);
  });

  it('rejects the token of a logged-out session', async () => {
    const { token } = await signUp(api, 'CUSTOMER');
    expect((await api.graphql('mutation { logOut }', {}, token)).data?.logOut).toBe(true);
    const after = await api.graphql(ME, {}, token);
    expect(after.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a wrong password without saying which part was wrong', async () => {
    const { email } = await signUp(api, 'CUSTOMER');
    const wrong = await api.graphql(LOG_IN, { input: { email, password: 'not the password at all' } });
    const unknown = await api.graphql(LOG_IN, { input: { email: 'nobody@example.com', password: PASSWORD } });
    expect(wrong.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });

  it('rejects a token signed with another algorithm and key', async () => {
    const { userId } = await signUp(api, 'CUSTOMER');
    const forged = await new SignJWT({ role: 'ADMIN', sid: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer('urn:ticketing:api')
      .setAudience('urn:ticketing:clients')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a guessed shared secret of some length'));
    expect((await api.graphql(ME, {}, forged)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('rejects an expired token', async () => {
    const { token } = await signUp(api, 'CUSTOMER');
    api.clock.advance(2 * 60 * 60 * 1000);
    try {
      expect((await api.graphql(ME, {}, token)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    } finally {
      api.clock.advance(-2 * 60 * 60 * 1000);
    }
  });

  it('never creates an admin through a public mutation', async () => {
    const result = await api.graphql(SIGN_UP, {
      input: { email: 'sneaky@example.com', password: PASSWORD, displayName: 'Sneaky', role: 'ADMIN' },
    });
    expect(result.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
  });

  it('creates the first admin from configuration', async () => {
    const logIn = await api.graphql(LOG_IN, {
      input: { email: 'root@example.com', password: 'a very long admin password' },
    });
    expect(logIn.data?.logIn.user.role).toBe('ADMIN');
  });

  it('answers malformed input with VALIDATION_FAILED naming each field', async () => {
    const result = await api.graphql(SIGN_UP, {
      input: { email: 'not-an-address', password: 'short', displayName: '', role: 'CUSTOMER' },
    });
    expect(result.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    const fields = (result.errors?.[0].extensions.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'password']);
  });

  it('asks for a token when a signed-in query comes without one', async () => {
    expect((await api.graphql(ME)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('reports liveness, readiness with projection lag, and publishes its verification keys', async () => {
    expect(await api.get('/health/live')).toEqual({ status: 200, body: { status: 'live' } });
    const ready = await api.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', eventStore: 'up', readStore: 'up' });
    expect(ready.body.projections.length).toBeGreaterThan(0);
    const jwks = await api.get('/.well-known/jwks.json');
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    expect(jwks.body.keys[0].d).toBeUndefined();
  });
});

describeOnPostgres('identity through GraphQL on a Postgres server', () => {
  let api: RunningApi;
  let database: TemporaryDatabase;

  beforeAll(async () => {
    database = await createTemporaryDatabase(process.env.TEST_DATABASE_URL!);
    api = await startApi({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('lets exactly one of twenty truly concurrent sign-ups with one address succeed', async () => {
    const attempts = Array.from({ length: 20 }, (_, i) =>
      api.graphql(SIGN_UP, {
        input: {
          email: i % 2 ? 'crowd@example.com' : 'CROWD@Example.COM',
          password: PASSWORD,
          displayName: `n${i}`,
          role: 'CUSTOMER',
        },
      }),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r.data?.signUp).length).toBe(1);
    expect(new Set(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions.reason))).toEqual(
      new Set(['EMAIL_TAKEN']),
    );
  });
});
