import { Inject, Injectable } from '@nestjs/common';
import { inventoryDecider, inventoryStream, type ReservationItem } from '@ticketing/catalog';
import {
  type BatchingCommandExecutor,
  EVENT_STORE,
  type EventStore,
  HOT_STREAMS,
  type RecordedEvent,
  runCommand,
} from '@ticketing/event-store';
import type { CommandContext } from '@ticketing/platform';
import type { BuyerItem, BuyerReleaseReason } from '../domain/buyer-limits/buyer-limits.events';
import { type CheckoutRefusal, checkoutRefusalOf } from '../domain/checkout-refusal';
import { bookingDecider } from '../domain/booking/booking.decider';
import { buyerLimitsDecider } from '../domain/buyer-limits/buyer-limits.decider';
import { promoCodeDecider } from '../domain/promo-code/promo-code.decider';
import type { PromoCodeRedemption } from '../domain/promo-code/promo-discount';
import type { ReleaseReason } from '../domain/release-reason';
import { bookingStream, buyerLimitsStream, promoCodeStream } from './sales-streams';

/** What a booking holds in the streams that decide for all bookings: units, the buyer's allowance, a code's use. */
export interface BookingHold {
  bookingId: string;
  eventId: string;
  buyerKey: string;
  items: BuyerItem[];
  promoCode: string | null;
  expiresAt: Date;
}

/** What releasing or confirming a hold needs: the streams it lives in, all named by the booking's reference. */
export type HeldBooking = Pick<BookingHold, 'bookingId' | 'eventId' | 'buyerKey' | 'promoCode'>;

/**
 * Takes and gives back a booking's holds in the order the sales deciders expect: the buyer's limits, the code, then
 * the inventory. Each step runs under a command id derived from the booking, so a retried checkout repeats nothing,
 * and a refusal gives back what the steps before it took, or the buyer's allowance and the code's use would stay
 * taken until the hold's expiry for a booking that never existed.
 */
@Injectable()
export class BookingHolds {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HOT_STREAMS) private readonly hotStreams: BatchingCommandExecutor,
  ) {}

  /**
   * Holds everything or nothing; returns what the code grants, if one was given. `buyerLimits` is the buyer's limits
   * stream when the caller read it with its own reads; it is read here otherwise.
   */
  async acquire(
    hold: BookingHold,
    context: CommandContext,
    buyerLimits?: readonly RecordedEvent[],
  ): Promise<PromoCodeRedemption | null> {
    await this.holdBuyerUnits(hold, context, buyerLimits);
    let redemption: PromoCodeRedemption | null = null;
    try {
      redemption = await this.redeemPromoCode(hold, context);
      await this.reserveUnits(hold, context);
      return redemption;
    } catch (error) {
      // The inventory refused or was never asked: only the steps before it hold anything for this booking.
      if (redemption) await this.releasePromoCode(hold, redemption.code, 'CANCELLED', context);
      await this.releaseBuyerUnits(hold, 'CANCELLED', context, checkoutRefusalOf(error));
      throw error;
    }
  }

  /** Gives back a placed booking's hold; parts already released are left as they are. */
  async release(hold: HeldBooking, reason: ReleaseReason, context: CommandContext): Promise<void> {
    const { bookingId, eventId, promoCode } = hold;
    await this.hotStreams.execute(
      inventoryDecider,
      inventoryStream(eventId),
      { type: 'ReleaseReservation', eventId, reservationId: bookingId, reason },
      step(context, bookingId, `release-units-${reason}`),
    );
    if (promoCode) await this.releasePromoCode(hold, promoCode, reason, context);
    await this.releaseBuyerUnits(hold, reason, context);
  }

  /**
   * Gives back the hold of a booking that stopped waiting for its payment (expired, failed, cancelled), then records
   * on the booking that nothing is held any more: until then the expiry process finishes what a crash cut short.
   */
  async releaseEnded(hold: HeldBooking, reason: ReleaseReason, context: CommandContext): Promise<void> {
    const { bookingId } = hold;
    await this.release(hold, reason, context);
    await runCommand(
      this.store,
      bookingDecider,
      bookingStream(bookingId),
      { type: 'RecordHoldReleased', bookingId, reason },
      step(context, bookingId, `hold-released-${reason}`),
    );
  }

  /**
   * Turns the hold into a sale: its units sold, the buyer's allowance and the code's use spent. A hold released
   * meanwhile is taken again when its streams still allow it, or the refusing rule is thrown. Returns whether the
   * units had to be taken again, which the booking records.
   *
   * The units go first, as the hot stream most likely to refuse. When the buyer's allowance or the code's use is
   * refused after them, the units (and an allowance counted meanwhile) go back on sale before the refusal is thrown:
   * the payment is then refunded, and units sold to nobody would be lost to every other buyer. The code goes last
   * because a use once spent is never given back.
   */
  async confirm(
    hold: HeldBooking & { items: ReservationItem[] },
    context: CommandContext,
  ): Promise<{ reacquired: boolean }> {
    const { bookingId, eventId, buyerKey, promoCode } = hold;
    const units = await this.hotStreams.execute(
      inventoryDecider,
      inventoryStream(eventId),
      { type: 'ConfirmReservation', eventId, reservationId: bookingId },
      step(context, bookingId, 'confirm-units'),
    );
    try {
      await runCommand(
        this.store,
        buyerLimitsDecider,
        buyerLimitsStream(eventId, buyerKey),
        { type: 'ConfirmBuyerUnits', eventId, buyerKey, bookingId },
        step(context, bookingId, 'confirm-buyer-units'),
      );
      if (promoCode) {
        await this.hotStreams.execute(
          promoCodeDecider,
          promoCodeStream(eventId, promoCode),
          { type: 'ConfirmPromoCodeRedemption', eventId, code: promoCode, bookingId },
          step(context, bookingId, 'confirm-promo-code'),
        );
      }
    } catch (error) {
      await this.returnSold(hold, 'REFUNDED', context);
      throw error;
    }
    return { reacquired: units.events.some((event) => event.type === 'ReservationReacquired') };
  }

  /**
   * A sold booking was cancelled or refunded: its units go back on sale and the buyer may buy them again. A code's
   * use stays spent, as the price the buyer paid was granted.
   */
  async returnSold(
    hold: HeldBooking & { items: ReservationItem[] },
    reason: 'CANCELLED' | 'REFUNDED',
    context: CommandContext,
  ): Promise<void> {
    const { bookingId, eventId, items } = hold;
    for (const { ticketTypeId, quantity } of items) {
      await this.hotStreams.execute(
        inventoryDecider,
        inventoryStream(eventId),
        {
          type: 'ReturnUnits',
          eventId,
          returnId: `${bookingId}/${ticketTypeId}`,
          ticketTypeId,
          quantity,
          reason: reason === 'REFUNDED' ? 'REFUNDED' : 'TICKET_CANCELLED',
        },
        step(context, bookingId, `return-units-${ticketTypeId}`),
      );
    }
    await this.releaseBuyerUnits(hold, reason, context);
  }

  /**
   * Gives back a booking's allowance, keeping what a refused checkout was told (`refusal`); a booking of this buyer
   * already released is left as it is.
   */
  async releaseBuyerUnits(
    hold: HeldBooking,
    reason: BuyerReleaseReason,
    context: CommandContext,
    refusal?: CheckoutRefusal,
  ): Promise<void> {
    const { bookingId, eventId, buyerKey } = hold;
    await runCommand(
      this.store,
      buyerLimitsDecider,
      buyerLimitsStream(eventId, buyerKey),
      { type: 'ReleaseBuyerUnits', eventId, buyerKey, bookingId, reason, refusal },
      step(context, bookingId, `release-buyer-units-${reason}`),
    );
  }

  private async holdBuyerUnits(
    hold: BookingHold,
    context: CommandContext,
    history: readonly RecordedEvent[] | undefined,
  ): Promise<void> {
    const { bookingId, eventId, buyerKey, items, expiresAt } = hold;
    await runCommand(
      this.store,
      buyerLimitsDecider,
      buyerLimitsStream(eventId, buyerKey),
      { type: 'ReserveBuyerUnits', eventId, buyerKey, bookingId, items, expiresAt },
      step(context, bookingId, 'hold-buyer-units'),
      { history },
    );
  }

  private async redeemPromoCode(
    hold: BookingHold,
    context: CommandContext,
  ): Promise<PromoCodeRedemption | null> {
    const { bookingId, eventId, items, promoCode, expiresAt } = hold;
    if (!promoCode) return null;
    const ticketTypeIds = items.map((item) => item.ticketTypeId);
    const outcome = await this.hotStreams.execute(
      promoCodeDecider,
      promoCodeStream(eventId, promoCode),
      { type: 'RedeemPromoCode', eventId, code: promoCode, bookingId, ticketTypeIds, expiresAt },
      step(context, bookingId, 'redeem-promo-code'),
    );
    const { code, discount, ticketTypeIds: discounted } = outcome.state!.definition;
    return { code, discount, ticketTypeIds: discounted };
  }

  private async releasePromoCode(
    hold: HeldBooking,
    code: string,
    reason: ReleaseReason,
    context: CommandContext,
  ): Promise<void> {
    const { bookingId, eventId } = hold;
    await this.hotStreams.execute(
      promoCodeDecider,
      promoCodeStream(eventId, code),
      { type: 'ReleasePromoCodeRedemption', eventId, code, bookingId, reason },
      step(context, bookingId, `release-promo-code-${reason}`),
    );
  }

  private async reserveUnits(hold: BookingHold, context: CommandContext): Promise<void> {
    const { bookingId, eventId, items, expiresAt } = hold;
    await this.hotStreams.execute(
      inventoryDecider,
      inventoryStream(eventId),
      {
        type: 'ReserveUnits',
        eventId,
        reservationId: bookingId,
        items: items.map(({ ticketTypeId, quantity }) => ({ ticketTypeId, quantity })),
        expiresAt,
      },
      step(context, bookingId, 'reserve-units'),
    );
  }
}

/** One command id per step and booking: the steps append to different streams, and each must be retry-safe alone. */
function step(context: CommandContext, bookingId: string, name: string): CommandContext {
  return { ...context, commandId: `${bookingId}/${name}`, causationId: context.commandId };
}
