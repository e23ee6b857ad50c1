import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { type GraphQLContext, RequestContext } from '@ticketing/platform';
import type { PlacedBookingView } from '../application/booking-view';
import { PlaceBookingCommand } from '../application/place-booking.handler';
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
}
