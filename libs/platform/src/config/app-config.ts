import { resolve } from 'node:path';

/** Everything the processes read from the environment, validated once at start. The README's table lists it. */
export interface AppConfig {
  port: number;
  /** Where the embedded mode keeps its PGlite files and generated keys. */
  dataDir: string;
  /** Postgres for the read models (and the event log unless EventStoreDB is chosen). Unset: embedded PGlite. */
  databaseUrl: string | null;
  eventStore: 'postgres' | 'esdb';
  esdbUrl: string | null;
  /** Run the projections inside the API process (embedded) or leave them to `apps/projector`. */
  runProjectionsInProcess: boolean;
  readYourWritesTimeoutMs: number;
  auth: {
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    /** A private Ed25519 JWK (JSON). Unset: generated once and kept under `dataDir`. */
    signingKeyJwk: string | null;
  };
  ticketQr: {
    /** A private Ed25519 JWK (JSON) signing ticket QR payloads. Unset: generated once and kept under `dataDir`. */
    signingKeyJwk: string | null;
  };
  bootstrapAdmin: { email: string; password: string } | null;
  graphql: { maxDepth: number; maxComplexity: number };
  /** /health/ready reports not ready while a projection is further behind the log than this many events. */
  readyMaxProjectionLag: number;
  /** Stripe when its keys are set; otherwise the development gateway, which never leaves the process. */
  payments: { stripe: StripeSettings | null };
  /**
   * How long a booking holds its units for the buyer to pay, and how often the expiry process looks for holds whose
   * time has passed.
   */
  sales: { holdMinutes: number; expiryPollMs: number };
  notifications: NotificationSettings;
}

export interface NotificationSettings {
  /** `smtp://` or `smtps://`, with credentials if the server wants them. Unset: messages are logged, not sent. */
  smtpUrl: string | null;
  /** The sender's address; its domain also names every Message-ID. */
  from: string;
  /** How often the sender looks for notifications ready to go. */
  pollMs: number;
}

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Where the Stripe API is served instead of api.stripe.com (a loopback stub in tests); null for Stripe itself. */
  apiUrl: string | null;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(`Invalid configuration: ${message}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const eventStore = oneOf(env, 'EVENT_STORE', ['postgres', 'esdb'] as const, 'postgres');
  const esdbUrl = env.ESDB_URL || null;
  if (eventStore === 'esdb' && !esdbUrl) throw new ConfigError('EVENT_STORE=esdb needs ESDB_URL');
  const adminEmail = env.ADMIN_EMAIL || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD are set together or not at all');
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || null,
    eventStore,
    esdbUrl,
    runProjectionsInProcess:
      oneOf(env, 'PROJECTIONS', ['in-process', 'external'] as const, 'in-process') === 'in-process',
    readYourWritesTimeoutMs: integer(env, 'READ_YOUR_WRITES_TIMEOUT_MS', 5000, 0, 60000),
    auth: {
      issuer: env.AUTH_ISSUER || 'urn:ticketing:api',
      audience: env.AUTH_AUDIENCE || 'urn:ticketing:clients',
      accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 3600, 60, 86400),
      signingKeyJwk: env.AUTH_SIGNING_KEY_JWK || null,
    },
    ticketQr: { signingKeyJwk: env.TICKET_QR_SIGNING_KEY_JWK || null },
    bootstrapAdmin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : null,
    graphql: {
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 8, 2, 50),
      maxComplexity: integer(env, 'GRAPHQL_MAX_COMPLEXITY', 2500, 10, 100000),
    },
    readyMaxProjectionLag: integer(env, 'READY_MAX_PROJECTION_LAG', 1000, 0, 1_000_000),
    payments: { stripe: stripeSettings(env) },
    sales: {
      holdMinutes: integer(env, 'HOLD_MINUTES', 15, 1, 1440),
      expiryPollMs: integer(env, 'HOLD_EXPIRY_POLL_MS', 1000, 50, 600_000),
    },
    notifications: {
      smtpUrl: smtpUrl(env),
      from: mailbox(env, 'NOTIFICATION_FROM', 'tickets@localhost'),
      pollMs: integer(env, 'NOTIFICATION_POLL_MS', 500, 50, 600_000),
    },
  };
}

/** The message never repeats the URL: it may carry the SMTP password. */
function smtpUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.SMTP_URL || null;
  if (!raw) return null;
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || !['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
    throw new ConfigError('SMTP_URL must be smtp://[user:password@]host[:port] or smtps://...');
  }
  return raw;
}

function mailbox(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(raw)) {
    throw new ConfigError(`${name} must be a bare e-mail address such as tickets@example.com, got "${raw}"`);
  }
  return raw;
}

/** Messages never repeat the keys' values: they are secrets. */
function stripeSettings(env: NodeJS.ProcessEnv): StripeSettings | null {
  const secretKey = env.STRIPE_SECRET_KEY || null;
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET || null;
  const apiUrl = env.STRIPE_API_URL || null;
  if (Boolean(secretKey) !== Boolean(webhookSecret)) {
    throw new ConfigError('STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set together or not at all');
  }
  if (!secretKey || !webhookSecret) {
    if (apiUrl) throw new ConfigError('STRIPE_API_URL needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
    return null;
  }
  if (!/^(sk|rk)_/.test(secretKey)) {
    throw new ConfigError('STRIPE_SECRET_KEY must be a secret (sk_...) or restricted (rk_...) key');
  }
  if (!webhookSecret.startsWith('whsec_')) {
    throw new ConfigError("STRIPE_WEBHOOK_SECRET must be the endpoint's signing secret (whsec_...)");
  }
  return { secretKey, webhookSecret, apiUrl: apiUrl && httpOrigin('STRIPE_API_URL', apiUrl) };
}

function httpOrigin(name: string, raw: string): string {
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search) {
    throw new ConfigError(`${name} must be an http(s) origin such as http://127.0.0.1:12111, got "${raw}"`);
  }
  return url.origin;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}
export const APP_CONFIG = Symbol('APP_CONFIG');
