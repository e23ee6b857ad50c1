import type { StripeSettings } from '@ticketing/platform';
import Stripe from 'stripe';

/**
 * Pinned rather than left to the account's default, so the shapes the SDK's types promise are the shapes Stripe
 * sends. Typed as the SDK's latest version: upgrading the SDK fails the type check here until the new version's
 * changes have been read.
 */
export const STRIPE_API_VERSION: Stripe.LatestApiVersion = '2026-10-28.endive';

/**
 * A booking mutation waits on these calls, so a request gives up well before the SDK's 80 s default. Retries are
 * safe: every call we make carries an idempotency key, which the SDK resends unchanged on each attempt.
 */
const TIMEOUT_MS = 15_000;
const MAX_NETWORK_RETRIES = 2;

export function createStripeClient(settings: StripeSettings): Stripe {
  return new Stripe(settings.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: MAX_NETWORK_RETRIES,
    timeout: TIMEOUT_MS,
    appInfo: { name: 'ticketing-backend' },
    ...(settings.apiUrl ? endpointOf(new URL(settings.apiUrl)) : {}),
  });
}

function endpointOf(url: URL): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}
