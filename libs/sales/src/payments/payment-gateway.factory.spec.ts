import { ConfigError, loadConfig } from '@ticketing/platform';
import { paymentGatewayFor } from './payment-gateway.factory';

const keys = { STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: 'whsec_123' };

describe('payment gateway selection', () => {
  it('chooses Stripe when both keys are set', () => {
    expect(paymentGatewayFor(loadConfig(keys).payments).kind).toBe('stripe');
  });

  it('chooses the development gateway when no key is set', () => {
    const { payments } = loadConfig({});
    expect(payments.stripe).toBeNull();
    expect(paymentGatewayFor(payments).kind).toBe('development');
  });

  it.each([
    ['only the secret key', { STRIPE_SECRET_KEY: keys.STRIPE_SECRET_KEY }],
    ['only the webhook secret', { STRIPE_WEBHOOK_SECRET: keys.STRIPE_WEBHOOK_SECRET }],
  ])('refuses to start with %s', (_case, env) => {
    expect(() => loadConfig(env)).toThrow(
      new ConfigError('STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set together or not at all'),
    );
  });

  it('refuses a publishable key where the secret key belongs, without echoing it', () => {
    expect(() => loadConfig({ ...keys, STRIPE_SECRET_KEY: 'pk_test_visible' })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => loadConfig({ ...keys, STRIPE_SECRET_KEY: 'pk_test_visible' })).not.toThrow(
      /pk_test_visible/,
    );
  });

  it('refuses a webhook secret that is not an endpoint signing secret', () => {
    expect(() => loadConfig({ ...keys, STRIPE_WEBHOOK_SECRET: 'sk_test_wrong_one' })).toThrow(
      /STRIPE_WEBHOOK_SECRET/,
    );
  });

  it('accepts an http origin for the Stripe API and refuses anything else', () => {
    expect(loadConfig({ ...keys, STRIPE_API_URL: 'http://127.0.0.1:12111/' }).payments.stripe?.apiUrl).toBe(
      'http://127.0.0.1:12111',
    );
    expect(() => loadConfig({ ...keys, STRIPE_API_URL: 'http://127.0.0.1:12111/v1' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...keys, STRIPE_API_URL: 'ftp://127.0.0.1' })).toThrow(ConfigError);
  });

  it('refuses a Stripe API address without the keys to use it', () => {
    expect(() => loadConfig({ STRIPE_API_URL: 'http://127.0.0.1:12111' })).toThrow(/STRIPE_API_URL needs/);
  });
});
