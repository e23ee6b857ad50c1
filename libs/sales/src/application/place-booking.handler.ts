import { Inject } from '@nestjs/common';
import { BookableTicketTypes } from '@ticketing/catalog';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  EVENT_STORE,
  type EventStore,
  NO_STREAM,
  type RecordedEvent,
  runCommand,
  toNewEvent,
  WrongExpectedRevisionError,
} from '@ticketing/event-store';
import {
  APP_CONFIG,
  type AppConfig,
  Clock,
  type CommandContext,
  type CommandOrigin,
  commandContextFor,
  type SigningKey,
} from '@ticketing/platform';
import { foldEvents, type Principal } from '@ticketing/platform/domain';
import { BookingStatus } from '../domain/booking/booking-status';
import type { PlaceBooking } from '../domain/booking/booking.commands';
import { bookingDecider } from '../domain/booking/booking.decider';
import type { BookingEvent } from '../domain/booking/booking.events';
import type { BookingState } from '../domain/booking/booking.state';
import { type Buyer, buyerKey, recordedBuyer } from '../domain/buyer';
import type { PromoCodeRedemption } from '../domain/promo-code/promo-discount';
import { type CreatedPayment, PAYMENT_GATEWAY, type PaymentGateway } from '../payments/payment-gateway.port';
import { BOOKING_ACCESS_KEY, issueBookingAccessToken } from './booking-access-token';
import { type BookingHold, BookingHolds } from './booking-holds';
import { BookingTickets } from './booking-tickets';
import { buyerItemsOf, loadBookingTerms, type RequestedItem } from './booking-terms';
import { type PlacedBookingView, toBookingView } from './booking-view';
import { loadBooking } from './load-booking';
import { bookingIdFor, bookingStream, buyerLimitsStream } from './sales-streams';

export interface PlaceBookingRequest {
  eventId: string;
  items: RequestedItem[];
  guest: { email: string; name: string } | null;
  promoCode: string | null;
  accessCode: string | null;
  idempotencyKey: string;
}

export class PlaceBookingCommand extends Command<PlacedBookingView> {
  constructor(
    readonly request: PlaceBookingRequest,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/**
 * Holds the buyer's allowance, the code's use and the units (all or none, see `BookingHolds`), asks the gateway for
 * the payment, then records the booking with its payment in one append. The booking's id comes from the buyer and
 * the idempotency key, so a repeated request finds the first booking and holds nothing again. A booking confirmed at
 * once gets its tickets.
 */
@CommandHandler(PlaceBookingCommand)
export class PlaceBookingHandler implements ICommandHandler<PlaceBookingCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly ticketTypes: BookableTicketTypes,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    @Inject(BOOKING_ACCESS_KEY) private readonly accessKey: SigningKey,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly holds: BookingHolds,
    private readonly tickets: BookingTickets,
    private readonly clock: Clock,
  ) {}

  async execute({ request, origin }: PlaceBookingCommand): Promise<PlacedBookingView> {
    const now = this.clock.now();
    const buyer = recordedBuyer(buyerOf(origin.principal, request.guest));
    const key = buyerKey(buyer);
    const bookingId = bookingIdFor(key, request.idempotencyKey);
    const context = commandContextFor(origin, now, bookingId);
    // Independent reads, started together so that the store reads both streams in one round trip; a retry is told
    // NOT_FOUND as a first attempt is.
    const [items, existing, buyerLimits] = await Promise.all([
      loadBookingTerms(this.ticketTypes, request.items, request.accessCode, now),
      loadBooking(this.store, bookingId),
      this.store.readStream(buyerLimitsStream(request.eventId, key)),
    ]);
    const expiresAt = new Date(now.getTime() + this.config.sales.holdMinutes * 60_000);
    const command: PlaceBooking = {
      type: 'PlaceBooking',
      bookingId,
      eventId: request.eventId,
      buyer,
      items,
      promoCode: null,
      accessCode: request.accessCode,
      idempotencyKey: request.idempotencyKey,
      expiresAt,
    };
    const hold = {
      bookingId,
      eventId: request.eventId,
      buyerKey: key,
      items: buyerItemsOf(items),
      promoCode: request.promoCode,
      expiresAt,
    };
    const { booking, clientSecret } = existing
      ? await this.placedAgain(
          existing,
          { ...command, promoCode: replayedRedemption(request.promoCode, existing) },
          buyer,
          context,
        )
      : await this.place(command, hold, buyer, context, buyerLimits);
    // A free booking is confirmed at placement; a retry issues what a first attempt cut short, and nothing twice.
    if (booking.status === BookingStatus.CONFIRMED) await this.tickets.issue(booking, context);
    return {
      booking: toBookingView(booking),
      clientSecret,
      accessToken:
        buyer.kind === 'GUEST'
          ? await issueBookingAccessToken(this.accessKey, this.config.auth.issuer, bookingId, now)
          : null,
    };
  }

  /**
   * The decider refuses a key reused for another request; the same request gets the booking as it stands, and the
   * payment a first attempt may not have lived to record.
   */
  private async placedAgain(
    existing: BookingState,
    command: PlaceBooking,
    buyer: Buyer,
    context: CommandContext,
  ): Promise<PlacedBooking> {
    bookingDecider.decide(command, existing, context.now);
    if (existing.status !== BookingStatus.PENDING) return { booking: existing, clientSecret: null };
    const payment = await this.createPayment(existing, buyer);
    const booking = await this.recordPaymentStarted(command.bookingId, payment.paymentRef, context);
    return { booking, clientSecret: payment.clientSecret };
  }

  /** Records the payment a placed booking waits for; once recorded, the same payment again records nothing. */
  private async recordPaymentStarted(
    bookingId: string,
    paymentRef: string,
    context: CommandContext,
  ): Promise<BookingState> {
    const outcome = await runCommand(
      this.store,
      bookingDecider,
      bookingStream(bookingId),
      { type: 'RecordPaymentStarted', bookingId, paymentRef },
      { ...context, commandId: `${bookingId}/start-payment` },
    );
    return outcome.state!;
  }

  /**
   * Records the booking and the start of its payment in one append, so placing costs one write to its stream. When
   * the gateway fails, the booking is recorded without its payment and the failure thrown: the booking then holds
   * its units until it expires, and the same request again finds it and starts its payment.
   */
  private async place(
    command: PlaceBooking,
    hold: BookingHold,
    buyer: Buyer,
    context: CommandContext,
    buyerLimits: readonly RecordedEvent[],
  ): Promise<PlacedBooking> {
    // Refuses what the booking's own rules refuse before anything is held for it in the shared streams.
    bookingDecider.decide(command, null, context.now);
    const redemption = await this.holds.acquire(hold, context, buyerLimits);
    const placing = { ...command, promoCode: redemption };
    let booking: BookingState;
    let payment: PaymentAttempt | null;
    try {
      const placed = bookingDecider.decide(placing, null, context.now);
      // With nothing to pay the booking is recorded confirmed, so the units must be sold before it says so.
      if (placed.some((event) => event.type === 'BookingConfirmed')) await this.holds.confirm(hold, context);
      const placedState = foldEvents(bookingDecider, placed)!;
      payment =
        placedState.status === BookingStatus.PENDING
          ? await this.createPayment(placedState, buyer).then(
              (created) => ({ created, failure: null }),
              (failure: unknown) => ({ created: null, failure }),
            )
          : null;
      const started = payment?.created
        ? bookingDecider.decide(
            {
              type: 'RecordPaymentStarted',
              bookingId: command.bookingId,
              paymentRef: payment.created.paymentRef,
            },
            placedState,
            context.now,
          )
        : [];
      booking = await this.recordPlacement(placing, [...placed, ...started], context);
    } catch (error) {
      await this.holds.release(hold, 'CANCELLED', context);
      throw error;
    }
    if (payment && !payment.created) throw payment.failure;
    // A concurrent retry that recorded the booking first may have recorded it without its payment.
    if (payment && booking.status === BookingStatus.PENDING && booking.paymentRef === null) {
      booking = await this.recordPaymentStarted(command.bookingId, payment.created.paymentRef, context);
    }
    return { booking, clientSecret: payment?.created.clientSecret ?? null };
  }

  /**
   * Appends to the stream found empty a moment ago. When a concurrent retry of the same request got there first, the
   * command is decided again on what it recorded, as any command meeting a concurrent writer is.
   */
  private async recordPlacement(
    command: PlaceBooking,
    events: BookingEvent[],
    context: CommandContext,
  ): Promise<BookingState> {
    const stream = bookingStream(command.bookingId);
    try {
      await this.store.append(
        stream,
        events.map((event, index) => toNewEvent(event, stream, index, context)),
        NO_STREAM,
      );
      return foldEvents(bookingDecider, events)!;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const outcome = await runCommand(this.store, bookingDecider, stream, command, context);
      return outcome.state!;
    }
  }

  /** The gateway answers the same booking with the same payment, so a retried request gets its client secret too. */
  private createPayment(booking: BookingState, buyer: Buyer): Promise<CreatedPayment> {
    // Only a booking with something to pay is still pending, and whatever it charges names its currency.
    const { total, currency } = booking.amounts;
    return this.gateway.createPayment({
      bookingId: booking.reference.bookingId,
      amount: total,
      currency: currency!,
      customerEmail: buyer.kind === 'GUEST' ? buyer.email : undefined,
    });
  }
}

interface PlacedBooking {
  booking: BookingState;
  clientSecret: string | null;
}

type PaymentAttempt = { created: CreatedPayment; failure: null } | { created: null; failure: unknown };

/** A signed-in buyer books on their account; anyone else books as a guest with the details they typed. */
function buyerOf(principal: Principal | null, guest: PlaceBookingRequest['guest']): Buyer {
  if (principal) return { kind: 'CUSTOMER', userId: principal.userId };
  return { kind: 'GUEST', email: guest?.email ?? '', name: guest?.name ?? '' };
}

/** On a retry the decider compares only the code's name: what the code granted is on the booking already. */
function replayedRedemption(code: string | null, existing: BookingState): PromoCodeRedemption | null {
  return code && existing.discount ? { code, discount: existing.discount, ticketTypeIds: [] } : null;
}
