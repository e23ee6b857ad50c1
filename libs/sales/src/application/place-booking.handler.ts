import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, runCommand } from '@ticketing/event-store';
import {
  APP_CONFIG,
  type AppConfig,
  Clock,
  type CommandContext,
  type CommandOrigin,
  commandContextFor,
  type SigningKey,
} from '@ticketing/platform';
import { type Principal } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { BookingStatus } from '../domain/booking/booking-status';
import type { PlaceBooking } from '../domain/booking/booking.commands';
import { bookingDecider } from '../domain/booking/booking.decider';
import type { BookingState } from '../domain/booking/booking.state';
import { type Buyer, buyerKey, recordedBuyer } from '../domain/buyer';
import type { PromoCodeRedemption } from '../domain/promo-code/promo-discount';
import { PAYMENT_GATEWAY, type PaymentGateway } from '../payments/payment-gateway.port';
import { BOOKING_ACCESS_KEY, issueBookingAccessToken } from './booking-access-token';
import { type BookingHold, BookingHolds } from './booking-holds';
import { BookingTickets } from './booking-tickets';
import { buyerItemsOf, loadBookingTerms, type RequestedItem } from './booking-terms';
import { type PlacedBookingView, toBookingView } from './booking-view';
import { loadBooking } from './load-booking';
import { bookingIdFor, bookingStream } from './sales-streams';

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
 * Holds the buyer's allowance, the code's use and the units (all or none, see `BookingHolds`), then records the
 * booking and asks the gateway for the payment. The booking's id comes from the buyer and the idempotency key, so
 * a repeated request finds the first booking and holds nothing again. A booking confirmed at once gets its tickets.
 */
@CommandHandler(PlaceBookingCommand)
export class PlaceBookingHandler implements ICommandHandler<PlaceBookingCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: Kysely<Database>,
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
    const items = await loadBookingTerms(this.db, request.items, request.accessCode, now);
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
    const existing = await loadBooking(this.store, bookingId);
    const hold = {
      bookingId,
      eventId: request.eventId,
      buyerKey: key,
      items: buyerItemsOf(items),
      promoCode: request.promoCode,
      expiresAt,
    };
    const booking = existing
      ? this.placedAgain(
          existing,
          { ...command, promoCode: replayedRedemption(request.promoCode, existing) },
          now,
        )
      : await this.place(command, hold, context);
    // A free booking is confirmed at placement; a retry issues what a first attempt cut short, and nothing twice.
    if (booking.status === BookingStatus.CONFIRMED) await this.tickets.issue(booking, context);
    return {
      booking: toBookingView(booking),
      clientSecret: await this.startPayment(booking, buyer, context),
      accessToken:
        buyer.kind === 'GUEST'
          ? await issueBookingAccessToken(this.accessKey, this.config.auth.issuer, bookingId, now)
          : null,
    };
  }

  /** The decider refuses a key reused for another request; the same request gets the booking as it stands. */
  private placedAgain(existing: BookingState, command: PlaceBooking, now: Date): BookingState {
    bookingDecider.decide(command, existing, now);
    return existing;
  }

  private async place(
    command: PlaceBooking,
    hold: BookingHold,
    context: CommandContext,
  ): Promise<BookingState> {
    // Refuses what the booking's own rules refuse before anything is held for it in the shared streams.
    bookingDecider.decide(command, null, context.now);
    const redemption = await this.holds.acquire(hold, context);
    const placing = { ...command, promoCode: redemption };
    try {
      const placed = bookingDecider.decide(placing, null, context.now);
      // With nothing to pay the booking is recorded confirmed, so the units must be sold before it says so.
      if (placed.some((event) => event.type === 'BookingConfirmed')) await this.holds.confirm(hold, context);
      const outcome = await runCommand(
        this.store,
        bookingDecider,
        bookingStream(command.bookingId),
        placing,
        context,
      );
      return outcome.state!;
    } catch (error) {
      await this.holds.release(hold, 'CANCELLED', context);
      throw error;
    }
  }

  /** The gateway answers the same booking with the same payment, so a retried request gets its client secret too. */
  private async startPayment(
    booking: BookingState,
    buyer: Buyer,
    context: CommandContext,
  ): Promise<string | null> {
    if (booking.status !== BookingStatus.PENDING) return null;
    // Only a booking with something to pay is still pending, and whatever it charges names its currency.
    const { total, currency } = booking.amounts;
    const { bookingId } = booking.reference;
    const payment = await this.gateway.createPayment({
      bookingId,
      amount: total,
      currency: currency!,
      customerEmail: buyer.kind === 'GUEST' ? buyer.email : undefined,
    });
    await runCommand(
      this.store,
      bookingDecider,
      bookingStream(bookingId),
      { type: 'RecordPaymentStarted', bookingId, paymentRef: payment.paymentRef },
      { ...context, commandId: `${bookingId}/start-payment` },
    );
    return payment.clientSecret;
  }
}

/** A signed-in buyer books on their account; anyone else books as a guest with the details they typed. */
function buyerOf(principal: Principal | null, guest: PlaceBookingRequest['guest']): Buyer {
  if (principal) return { kind: 'CUSTOMER', userId: principal.userId };
  return { kind: 'GUEST', email: guest?.email ?? '', name: guest?.name ?? '' };
}

/** On a retry the decider compares only the code's name: what the code granted is on the booking already. */
function replayedRedemption(code: string | null, existing: BookingState): PromoCodeRedemption | null {
  return code && existing.discount ? { code, discount: existing.discount, ticketTypeIds: [] } : null;
}
