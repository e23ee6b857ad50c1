import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ticketing/event-store';
import { APP_CONFIG, type AppConfig, Clock, type CommandOrigin, type SigningKey } from '@ticketing/platform';
import { notFound, Role, ruleViolation } from '@ticketing/platform/domain';
import type { BookingStatus } from '../domain/booking/booking-status';
import type { BookingState } from '../domain/booking/booking.state';
import { PAYMENT_GATEWAY, type PaymentGateway } from '../payments/payment-gateway.port';
import { BOOKING_ACCESS_KEY, verifyBookingAccessToken } from './booking-access-token';
import { ConfirmBookingCommand } from './confirm-booking.handler';
import { loadBooking } from './load-booking';

/** The buyer says they paid with the development gateway, which has no webhook to say it for them. */
export class ConfirmDevelopmentPaymentCommand extends Command<BookingStatus> {
  constructor(
    readonly bookingId: string,
    readonly paymentRef: string,
    readonly accessToken: string | null,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/**
 * Stands in for the gateway's success report while developing: the booking is confirmed exactly as a report would
 * confirm it, for the amount it costs. With a real gateway only the gateway may say a payment succeeded, so the
 * caller's word is refused. Whoever may not see the booking is told it does not exist, so ids cannot be probed.
 */
@CommandHandler(ConfirmDevelopmentPaymentCommand)
export class ConfirmDevelopmentPaymentHandler implements ICommandHandler<ConfirmDevelopmentPaymentCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    @Inject(BOOKING_ACCESS_KEY) private readonly accessKey: SigningKey,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
  ) {}

  async execute(command: ConfirmDevelopmentPaymentCommand): Promise<BookingStatus> {
    const { bookingId, paymentRef, origin } = command;
    if (this.gateway.kind !== 'development') {
      throw ruleViolation(
        'DEVELOPMENT_GATEWAY_INACTIVE',
        'Payments are confirmed by the payment gateway; this confirmation is for the development gateway only',
      );
    }
    const booking = await loadBooking(this.store, bookingId);
    if (!booking || !(await this.mayConfirm(booking, command))) throw notFound('Booking', bookingId);
    // The gateway started one payment for the booking; confirming another would record money nobody asked for.
    if (booking.paymentRef !== null && booking.paymentRef !== paymentRef) {
      throw ruleViolation(
        'PAYMENT_REF_MISMATCH',
        `Booking ${bookingId} is paid through payment ${booking.paymentRef}, not ${paymentRef}`,
      );
    }
    // Only a booking with something to pay is confirmed by a payment, and whatever it charges names its currency.
    const { total, currency } = booking.amounts;
    const payment = { bookingId, paymentRef, amount: total, currency: currency ?? '' };
    return this.commandBus.execute(
      new ConfirmBookingCommand(payment, `${bookingId}/confirm-${paymentRef}`, origin.correlationId),
    );
  }

  /** The signed-in buyer, a guest holding the booking's access token, or an admin. */
  private async mayConfirm(
    booking: BookingState,
    command: ConfirmDevelopmentPaymentCommand,
  ): Promise<boolean> {
    const { principal } = command.origin;
    if (principal?.role === Role.ADMIN) return true;
    const { buyer } = booking;
    if (buyer.kind === 'CUSTOMER') return buyer.userId === principal?.userId;
    if (!command.accessToken) return false;
    const subject = await verifyBookingAccessToken(
      this.accessKey,
      this.config.auth.issuer,
      command.accessToken,
      this.clock.now(),
    );
    return subject === booking.reference.bookingId;
  }
}
