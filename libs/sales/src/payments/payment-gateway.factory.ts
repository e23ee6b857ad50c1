import type { AppConfig } from '@ticketing/platform';
import { DevelopmentPaymentGateway } from './development-payment.gateway';
import type { PaymentGateway } from './payment-gateway.port';
import { createStripeClient } from './stripe-client';
import { StripePaymentGateway } from './stripe-payment.gateway';

/** Stripe when its keys are configured; the development gateway otherwise. */
export function paymentGatewayFor(payments: AppConfig['payments']): PaymentGateway {
  return payments.stripe
    ? new StripePaymentGateway(createStripeClient(payments.stripe))
    : new DevelopmentPaymentGateway();
}
