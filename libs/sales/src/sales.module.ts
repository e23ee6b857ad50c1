import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ticketing/platform';
import { HandleStripeEventHandler } from './payments/handle-stripe-event.handler';
import { PAYMENT_EVENT_HANDLER } from './payments/payment-event-handler.port';
import { paymentGatewayFor } from './payments/payment-gateway.factory';
import { PAYMENT_GATEWAY } from './payments/payment-gateway.port';
import { StandInPaymentEventHandler } from './payments/stand-in-payment-event.handler';
import { StripeWebhookVerifier } from './payments/stripe-webhook.verifier';

export const salesHandlers = [HandleStripeEventHandler];

/** Payments so far; bookings join next. Needs the global infrastructure providers (event store, config, clock). */
@Module({
  providers: [
    ...salesHandlers,
    StripeWebhookVerifier,
    {
      provide: PAYMENT_GATEWAY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => paymentGatewayFor(config.payments),
    },
    { provide: PAYMENT_EVENT_HANDLER, useClass: StandInPaymentEventHandler },
  ],
  exports: [PAYMENT_GATEWAY, StripeWebhookVerifier],
})
export class SalesModule {}
