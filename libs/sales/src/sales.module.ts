import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, loadSigningKey } from '@ticketing/platform';
import { BOOKING_ACCESS_KEY } from './application/booking-access-token';
import { BookingHolds } from './application/booking-holds';
import { HotStreams } from './application/hot-streams';
import { PlaceBookingHandler } from './application/place-booking.handler';
import { BookingResolver } from './graphql/booking.resolver';
import { HandleStripeEventHandler } from './payments/handle-stripe-event.handler';
import { PAYMENT_EVENT_HANDLER } from './payments/payment-event-handler.port';
import { paymentGatewayFor } from './payments/payment-gateway.factory';
import { PAYMENT_GATEWAY } from './payments/payment-gateway.port';
import { StandInPaymentEventHandler } from './payments/stand-in-payment-event.handler';
import { StripeWebhookVerifier } from './payments/stripe-webhook.verifier';

export const salesHandlers = [HandleStripeEventHandler, PlaceBookingHandler];

/** Bookings and their payments. Needs the global infrastructure providers (event store, config, clock). */
@Module({
  providers: [
    ...salesHandlers,
    BookingResolver,
    BookingHolds,
    HotStreams,
    StripeWebhookVerifier,
    {
      provide: BOOKING_ACCESS_KEY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        loadSigningKey({ name: 'booking-access', jwk: config.auth.signingKeyJwk, dataDir: config.dataDir }),
    },
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
