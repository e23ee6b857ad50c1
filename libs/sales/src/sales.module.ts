import { Module } from '@nestjs/common';
import { BookableTicketTypes } from '@ticketing/catalog';
import { APP_CONFIG, type AppConfig, loadSigningKey } from '@ticketing/platform';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { BOOKING_ACCESS_KEY } from './application/booking-access-token';
import { BookingCallers } from './application/booking-callers';
import { BookingHolds } from './application/booking-holds';
import { BookingRefunds } from './application/booking-refunds';
import { BookingTickets } from './application/booking-tickets';
import { BookingTicketsLoader } from './application/booking-tickets.loader';
import { CancelBookingHandler } from './application/cancel-booking.handler';
import { ConfirmBookingHandler } from './application/confirm-booking.handler';
import { ConfirmDevelopmentPaymentHandler } from './application/confirm-development-payment.handler';
import { CreatePromoCodeHandler } from './application/create-promo-code.handler';
import { GetBookingHandler } from './application/get-booking.handler';
import { HoldExpiryProcess } from './application/hold-expiry.process';
import { ListEventBookingsHandler } from './application/list-event-bookings.handler';
import { ListMyBookingsHandler } from './application/list-my-bookings.handler';
import { PlaceBookingHandler } from './application/place-booking.handler';
import { RefundBookingHandler } from './application/refund-booking.handler';
import { BookingQueryResolver } from './graphql/booking-query.resolver';
import { BookingResolver } from './graphql/booking.resolver';
import { PromoCodeResolver } from './graphql/promo-code.resolver';
import { BookingPaymentEventsHandler } from './payments/booking-payment-events.handler';
import { HandleStripeEventHandler } from './payments/handle-stripe-event.handler';
import { PAYMENT_EVENT_HANDLER } from './payments/payment-event-handler.port';
import { paymentGatewayFor } from './payments/payment-gateway.factory';
import { PAYMENT_GATEWAY } from './payments/payment-gateway.port';
import { StripeWebhookVerifier } from './payments/stripe-webhook.verifier';

export const salesHandlers = [
  CancelBookingHandler,
  ConfirmBookingHandler,
  ConfirmDevelopmentPaymentHandler,
  CreatePromoCodeHandler,
  HandleStripeEventHandler,
  PlaceBookingHandler,
  RefundBookingHandler,
];

/** Bookings and their payments. Needs the global infrastructure providers (event store, config, clock). */
@Module({
  providers: [
    ...salesHandlers,
    BookingResolver,
    BookingQueryResolver,
    PromoCodeResolver,
    BookingTicketsLoader,
    GetBookingHandler,
    ListMyBookingsHandler,
    ListEventBookingsHandler,
    BookingCallers,
    BookingHolds,
    BookingRefunds,
    HoldExpiryProcess,
    BookingTickets,
    StripeWebhookVerifier,
    {
      provide: BookableTicketTypes,
      inject: [READ_DB],
      useFactory: (db: Kysely<Database>) => new BookableTicketTypes(db),
    },
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
    { provide: PAYMENT_EVENT_HANDLER, useClass: BookingPaymentEventsHandler },
  ],
  exports: [PAYMENT_GATEWAY, StripeWebhookVerifier],
})
export class SalesModule {}
