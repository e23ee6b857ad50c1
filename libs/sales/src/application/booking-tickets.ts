import { Inject, Injectable } from '@nestjs/common';
import { findVisibleTicketType } from '@ticketing/catalog';
import { EVENT_STORE, type EventStore, latestPosition, type LogPosition } from '@ticketing/event-store';
import { findUserById } from '@ticketing/identity';
import type { CommandContext } from '@ticketing/platform';
import { notFound } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import {
  issueTickets,
  runTicketCommand,
  type TicketCommand,
  type TicketHolderInput,
  type TicketIssue,
  TicketKind,
  ticketIdFor,
} from '@ticketing/ticketing';
import type { Kysely } from 'kysely';
import type { BookingState } from '../domain/booking/booking.state';

/**
 * ISO 4217's code for "no currency involved": a booking of free tickets alone names no currency, and a purchased
 * ticket still records what was paid for it, here nothing.
 */
const NO_CURRENCY = 'XXX';

const issuingCommandId = (bookingId: string) => `${bookingId}/issue-tickets`;

/**
 * Issues a confirmed booking's tickets, one per unit, to its buyer. The command id is derived from the booking alone,
 * so the ticket ids are too: a retried confirmation, or a payment notice delivered again, issues nothing twice.
 */
@Injectable()
export class BookingTickets {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: Kysely<Database>,
  ) {}

  async issue(booking: BookingState, context: CommandContext): Promise<string[]> {
    const { bookingId, eventId } = booking.reference;
    const holder = await this.holderOf(booking);
    const { currency } = booking.amounts;
    const lines = await Promise.all(
      booking.items.map(async (line) => ({
        line,
        transferable: await this.transferable(line.ticketTypeId, booking, context.now),
      })),
    );
    const issues = lines.flatMap(({ line, transferable }): TicketIssue[] =>
      Array.from({ length: line.quantity }, () => ({
        bookingId,
        eventId,
        ticketTypeId: line.ticketTypeId,
        kind: TicketKind.PURCHASED,
        holder,
        price: { amount: line.unitPrice, currency: currency ?? NO_CURRENCY },
        transferable,
      })),
    );
    const { ticketIds } = await issueTickets(this.store, issues, {
      ...context,
      commandId: issuingCommandId(bookingId),
      causationId: context.commandId,
    });
    return ticketIds;
  }

  /** A confirmed booking cancelled by staff: its tickets stop admitting anyone, and their records stay. */
  voidAll(booking: BookingState, reason: string, context: CommandContext): Promise<LogPosition | null> {
    return this.onEachTicket(booking, context, 'void-tickets', (ticketId) => ({
      type: 'VoidTicket',
      ticketId,
      reason,
    }));
  }

  refundAll(booking: BookingState, refundRef: string, context: CommandContext): Promise<LogPosition | null> {
    return this.onEachTicket(booking, context, 'refund-tickets', (ticketId) => ({
      type: 'RefundTicket',
      ticketId,
      refundRef,
    }));
  }

  /**
   * The booking's tickets are found from its id alone, as `issue` derived them, so no read model has to have caught
   * up. Voiding or refunding a ticket twice changes nothing, so a retry finishes what a crash cut short. Returns where
   * the last change landed, for the caller to read its tickets back.
   */
  private async onEachTicket(
    booking: BookingState,
    context: CommandContext,
    step: string,
    commandFor: (ticketId: string) => TicketCommand,
  ): Promise<LogPosition | null> {
    const { bookingId } = booking.reference;
    const units = booking.items.reduce((sum, line) => sum + line.quantity, 0);
    const ticketContext = { ...context, commandId: `${bookingId}/${step}`, causationId: context.commandId };
    const outcomes = await Promise.all(
      Array.from({ length: units }, (_, index) =>
        runTicketCommand(this.store, commandFor(ticketIdFor(issuingCommandId(bookingId), index)), {
          ...ticketContext,
          commandId: `${ticketContext.commandId}/${index}`,
        }),
      ),
    );
    return latestPosition(outcomes.map((outcome) => outcome.position));
  }

  /** A customer's tickets carry their account's current address and name; a guest's, what they typed. */
  private async holderOf({ buyer }: BookingState): Promise<TicketHolderInput> {
    if (buyer.kind === 'GUEST') return { email: buyer.email, name: buyer.name };
    const user = await findUserById(this.db, buyer.userId);
    if (!user) throw notFound('User', buyer.userId);
    return { userId: user.id, email: user.email, name: user.displayName };
  }

  /** A type hidden since the booking still sells what was paid for; transfers are then allowed, the default. */
  private async transferable(ticketTypeId: string, booking: BookingState, now: Date): Promise<boolean> {
    const view = await findVisibleTicketType(
      this.db,
      ticketTypeId,
      { viewer: null, accessCode: booking.accessCode },
      now,
    );
    return view?.transferable ?? true;
  }
}
