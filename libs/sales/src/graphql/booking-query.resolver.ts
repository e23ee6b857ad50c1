import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type GraphQLContext, RequestContext } from '@ticketing/platform';
import type { Principal } from '@ticketing/platform/domain';
import { IssuedTicketType, type TicketView } from '@ticketing/ticketing';
import { BookingTicketsLoader } from '../application/booking-tickets.loader';
import type { BookingConnection, BookingRecordView } from '../application/booking.queries';
import { GetBookingQuery } from '../application/get-booking.handler';
import { ListEventBookingsQuery } from '../application/list-event-bookings.handler';
import { ListMyBookingsQuery } from '../application/list-my-bookings.handler';
import { BookingConnectionType } from './booking-connection.type';
import { BookingRecordType } from './booking-record.type';
import { BookingsPageArgs, EventBookingsArgs } from './bookings-page.args';

@Resolver(() => BookingRecordType)
export class BookingQueryResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly tickets: BookingTicketsLoader,
  ) {}

  @Query(() => BookingRecordType, {
    description:
      'A booking, for its buyer, a guest with its access token, its event organizer or an admin; NOT_FOUND otherwise.',
  })
  booking(
    @Args('id', { type: () => ID }) id: string,
    @Args('accessToken', { type: () => String, nullable: true }) accessToken: string | null,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<BookingRecordView> {
    return this.queryBus.execute(new GetBookingQuery(id, accessToken ?? null, principal));
  }

  @Query(() => BookingConnectionType, {
    description: 'The bookings your account placed, the most recent first.',
    // Each requested booking costs what its selection costs.
    complexity: ({ args, childComplexity }) => 1 + args.first * childComplexity,
  })
  myBookings(
    @Args() { first, after }: BookingsPageArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<BookingConnection> {
    return this.queryBus.execute(new ListMyBookingsQuery({ first, after }, principal));
  }

  @Query(() => BookingConnectionType, {
    description:
      "An event's bookings, the most recent first, for its organizer or an admin. " +
      'Errors: FORBIDDEN for other roles, NOT_FOUND for an event that is not yours.',
    complexity: ({ args, childComplexity }) => 1 + args.first * childComplexity,
  })
  bookings(
    @Args() { eventId, status, first, after }: EventBookingsArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<BookingConnection> {
    return this.queryBus.execute(
      new ListEventBookingsQuery(eventId, status ?? null, { first, after }, principal),
    );
  }

  @ResolveField('tickets', () => [IssuedTicketType], {
    description: 'The tickets issued for it, whatever became of them; none until it is CONFIRMED.',
  })
  bookingTickets(
    @Parent() booking: BookingRecordView,
    @RequestContext() context: GraphQLContext,
  ): Promise<TicketView[]> {
    return this.tickets.for(context).load(booking.id);
  }
}
