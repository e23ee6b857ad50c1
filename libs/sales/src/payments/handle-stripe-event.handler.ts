import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ticketing/event-store';
import { Clock, commandContextFor } from '@ticketing/platform';
import { SYSTEM_ACTOR } from '@ticketing/platform/domain';
import type Stripe from 'stripe';
import { PAYMENT_EVENT_HANDLER, type PaymentEventHandler } from './payment-event-handler.port';
import { isStripeEventHandled, recordStripeEventHandled } from './stripe-event-claim';
import { paymentNoticeOf, type StripePaymentNotice } from './stripe-payment-notice';

/** `ignored`: nothing we act on; `duplicate`: handled on an earlier delivery; `handled`: handled now. */
export type StripeEventOutcome = 'handled' | 'duplicate' | 'ignored';

/** A Stripe event whose signature has been verified. */
export class HandleStripeEventCommand extends Command<StripeEventOutcome> {
  constructor(readonly event: Stripe.Event) {
    super();
  }
}

@CommandHandler(HandleStripeEventCommand)
export class HandleStripeEventHandler implements ICommandHandler<HandleStripeEventCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PAYMENT_EVENT_HANDLER) private readonly payments: PaymentEventHandler,
    private readonly clock: Clock,
  ) {}

  /**
   * The event id is recorded only after the handler has returned. Recording it first would lose the event whenever
   * the handler then failed: Stripe's redelivery would find it recorded and be skipped. Recording after means a
   * crash between the two, or two replicas receiving one delivery at once, runs the handler twice; that is why
   * `PaymentEventHandler` must be idempotent, and why the record only spares repeats rather than guarding money.
   * A handler that throws leaves nothing recorded and fails the request, so Stripe delivers the event again.
   */
  async execute({ event }: HandleStripeEventCommand): Promise<StripeEventOutcome> {
    const payment = paymentNoticeOf(event);
    if (!payment) return 'ignored';
    if (await isStripeEventHandled(this.store, event.id)) return 'duplicate';
    await this.dispatch(payment);
    const context = {
      ...commandContextFor({ principal: null, correlationId: event.id }, this.clock.now(), event.id),
      actor: SYSTEM_ACTOR,
    };
    const { bookingId, paymentRef } = payment.notice;
    await recordStripeEventHandled(
      this.store,
      { stripeEventId: event.id, type: event.type, bookingId, paymentRef },
      context,
    );
    return 'handled';
  }

  private dispatch(payment: StripePaymentNotice): Promise<void> {
    switch (payment.outcome) {
      case 'succeeded':
        return this.payments.onPaymentSucceeded(payment.notice);
      case 'failed':
        return this.payments.onPaymentFailed(payment.notice);
      case 'canceled':
        return this.payments.onPaymentCanceled(payment.notice);
    }
  }
}
