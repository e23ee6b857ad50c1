import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { type GraphQLContext, RequestContext } from '@ticketing/platform';
import type { BookingRecordView } from '../application/booking.queries';
import type { PlacedBookingView } from '../application/booking-view';
import { CancelBookingCommand } from '../application/cancel-booking.handler';
import { ConfirmDevelopmentPaymentCommand } from '../application/confirm-development-payment.handler';
import { PlaceBookingCommand } from '../application/place-booking.handler';
import { RefundBookingCommand } from '../application/refund-booking.handler';
import { BookingRecordType } from './booking-record.type';
import { CancelBookingArgs } from './cancel-booking.args';
import { BookingStatus } from './booking.enums';
import { PlaceBookingInput } from './place-booking.input';
import { PlacedBooking } from './placed-booking.type';

@Resolver(() => PlacedBooking)
export class BookingResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => PlacedBooking, {
    description:
      'Hold tickets of one event for the signed-in customer or a guest, until paid or expired. ' +
      'Errors: NOT_FOUND for a ticket type hidden from the buyer, BUSINESS_RULE_VIOLATION (e.g. SOLD_OUT).',
  })
  placeBooking(
    @Args('input') input: PlaceBookingInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<PlacedBookingView> {
    const { eventId, items, guest, promoCode, accessCode, idempotencyKey } = input;
    const request = {
      eventId,
      items,
      guest: guest ?? null,
      promoCode: promoCode ?? null,
      accessCode: accessCode ?? null,
      idempotencyKey,
    };
    return this.commandBus.execute(new PlaceBookingCommand(request, context));
  }

  @Mutation(() => BookingStatus, {
    description:
      'Confirm a booking paid with the development gateway, as its webhook would; returns the status it reached. ' +
      'The buyer, a guest with the booking access token, or an admin. Errors: NOT_FOUND, ' +
      'BUSINESS_RULE_VIOLATION (DEVELOPMENT_GATEWAY_INACTIVE when a real gateway is configured, NOTHING_TO_PAY).',
  })
  confirmBooking(
    @Args('bookingId', { type: () => ID }) bookingId: string,
    @Args('paymentRef') paymentRef: string,
    @Args('accessToken', { type: () => String, nullable: true }) accessToken: string | null,
    @RequestContext() context: GraphQLContext,
  ): Promise<BookingStatus> {
    return this.commandBus.execute(
      new ConfirmDevelopmentPaymentCommand(bookingId, paymentRef, accessToken ?? null, context),
    );
  }

  @Mutation(() => BookingRecordType, {
    description:
      'Cancel a booking. Its buyer (or a guest with the booking access token) cancels while it is pending, which ' +
      "gives its tickets back; the event's organizer or an admin also cancels a confirmed one, whose tickets are " +
      'voided and whose units go back on sale, with no refund. Errors: NOT_FOUND, FORBIDDEN (a buyer cancelling a ' +
      'confirmed booking), BUSINESS_RULE_VIOLATION (BOOKING_NOT_CANCELLABLE, CANCELLATION_REASON_REQUIRED).',
  })
  cancelBooking(
    @Args() { bookingId, reason, accessToken }: CancelBookingArgs,
    @RequestContext() context: GraphQLContext,
  ): Promise<BookingRecordView> {
    return this.commandBus.execute(new CancelBookingCommand(bookingId, reason, accessToken ?? null, context));
  }

  @Mutation(() => BookingRecordType, {
    description:
      "Give a paid booking's money back through the payment gateway, for the event's organizer or an admin: its " +
      'tickets are marked refunded and their units go back on sale. Errors: NOT_FOUND, FORBIDDEN (its buyer), ' +
      'BUSINESS_RULE_VIOLATION (BOOKING_NOT_REFUNDABLE, NOTHING_TO_REFUND, PAYMENT_REJECTED), ' +
      'SERVICE_UNAVAILABLE (PAYMENT_GATEWAY_UNAVAILABLE: try again).',
  })
  refundBooking(
    @Args('bookingId', { type: () => ID }) bookingId: string,
    @RequestContext() context: GraphQLContext,
  ): Promise<BookingRecordView> {
    return this.commandBus.execute(new RefundBookingCommand(bookingId, context));
  }
}
