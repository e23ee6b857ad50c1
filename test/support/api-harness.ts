import type { INestApplication } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock, loadConfig } from '@ticketing/platform';
import { type Api, createApi } from '../../apps/api/src/create-api';

export interface GraphQLResponse<Data = Record<string, any>> {
  data?: Data | null;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; reason?: string; [key: string]: unknown };
  }[];
}

export interface RunningApi {
  url: string;
  /** The application itself, for tests that observe a provider inside it (e.g. spy on a port's adapter). */
  app: INestApplication;
  clock: FixedClock;
  dataDir: string;
  graphql<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<Data>>;
  get(path: string): Promise<{ status: number; body: any }>;
  /**
   * Stops the process's server and opens a new one on the same data, as a restart would; `whileStopped` runs in
   * between, e.g. to move the clock while no server is up.
   */
  restart(whileStopped?: () => void): Promise<void>;
  close(): Promise<void>;
}

/** A GraphQL request over HTTP, as a client sends it. */
export async function postGraphQL<Data = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}

/**
 * Boots the real application on the embedded default (PGlite files in a fresh directory) and talks to it over HTTP,
 * as a client would. The clock is fixed so time-dependent rules are testable; move it with `clock.set`.
 */
export async function startApi(env: Record<string, string> = {}, now = new Date()): Promise<RunningApi> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ticketing-api-'));
  const clock = new FixedClock(now);
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', ...env });
  let api: Api;
  let url = '';
  const boot = async () => {
    api = await createApi({ config, clock, logger: false });
    await api.app.listen(0, '127.0.0.1');
    url = await api.app.getUrl();
  };
  await boot();
  return {
    get url() {
      return url;
    },
    get app() {
      return api.app;
    },
    clock,
    dataDir,
    graphql: (query, variables, token) => postGraphQL(url, query, variables, token),
    async get(path) {
      const response = await fetch(`${url}${path}`);
      return { status: response.status, body: await response.json() };
    },
    async restart(whileStopped) {
      await api.close();
      whileStopped?.();
      await boot();
    },
    close: () => api.close(),
  };
}

export const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessToken
      expiresAt
      user {
        id
        email
        displayName
        role
      }
    }
  }
`;

/** Signs up a fresh user and returns their token and id. */
export async function signUp(
  api: RunningApi,
  role: 'ORGANIZER' | 'CUSTOMER' = 'ORGANIZER',
  email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.com`,
): Promise<{ token: string; userId: string; email: string }> {
  const result = await api.graphql(SIGN_UP, {
    input: { email, password: 'correct horse battery staple', displayName: `A ${role.toLowerCase()}`, role },
  });
  if (!result.data) throw new Error(`sign-up failed: ${JSON.stringify(result.errors)}`);
  return { token: result.data.signUp.accessToken, userId: result.data.signUp.user.id, email };
}

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;

/** A fresh token for a user `signUp` created, e.g. after the clock moved past the first one's expiry. */
export async function logIn(api: RunningApi, email: string): Promise<string> {
  const result = await api.graphql(LOG_IN, { input: { email, password: 'correct horse battery staple' } });
  if (!result.data) throw new Error(`log-in failed: ${JSON.stringify(result.errors)}`);
  return result.data.logIn.accessToken as string;
}
