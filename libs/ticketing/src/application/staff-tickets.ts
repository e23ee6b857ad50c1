import { Inject, Injectable } from '@nestjs/common';
import { loadTicketTypeManagedBy, sellUnits } from '@ticketing/catalog';
import {
  type BatchingCommandExecutor,
  EVENT_STORE,
  type EventStore,
  HOT_STREAMS,
  READ_YOUR_WRITES,
  type ReadYourWrites,
} from '@ticketing/event-store';
import { Clock, type CommandContext, type CommandOrigin, commandContextFor } from '@ticketing/platform';
import { AppError, conflict, requirePrincipal } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import type { StaffIssue, StaffTicketType } from '../domain/staff-tickets';
import { assertIssuable, issueTickets } from './issue-tickets';
import { type StaffOperation, staffOperationIdFor } from './staff-operation-id';
import { findTicketsByIds, type TicketView } from './ticket.queries';

/** Which ticket type staff issue tickets of, and the key that makes a repeated call return the same tickets. */
export interface StaffIssueRequest {
  eventId: string;
  ticketTypeId: string;
  idempotencyKey: string;
}

/**
 * Issues tickets staff give out themselves (comps, door tickets), counted against capacity like any sale. The units
 * are sold in the event's inventory before any ticket exists, so a refusal there (SOLD_OUT, NOT_ENOUGH_UNITS...)
 * issues nothing; the tickets come after, so a crash between the two leaves units sold for tickets not yet issued,
 * never a ticket over capacity. Both steps are named from the operation's id, so the retry that follows a crash
 * finds the sale done and issues the tickets still missing.
 */
@Injectable()
export class StaffTickets {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HOT_STREAMS) private readonly hotStreams: BatchingCommandExecutor,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    @Inject(READ_DB) private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /**
   * Only the event's organizer or an admin; the ticket type need not be on sale to buyers, but its event must not be
   * cancelled nor the type deleted.
   */
  async issue(
    operation: StaffOperation,
    request: StaffIssueRequest,
    origin: CommandOrigin,
    issuesFor: (ticketType: StaffTicketType) => StaffIssue[],
  ): Promise<TicketView[]> {
    const caller = requirePrincipal(origin.principal);
    const { eventId, ticketTypeId, idempotencyKey } = request;
    const ticketType = await loadTicketTypeManagedBy(this.store, eventId, ticketTypeId, caller);
    const operationId = staffOperationIdFor(operation, eventId, caller.userId, idempotencyKey);
    const context = commandContextFor(origin, this.clock.now(), operationId);
    const issues = issuesFor(ticketType);
    assertIssuable(issues, context.now);
    await this.sellUnits(eventId, operationId, { ticketTypeId, quantity: issues.length }, context);
    const { ticketIds, position } = await issueTickets(this.store, issues, step(context, 'issue-tickets'));
    await this.readYourWrites.waitFor(position);
    return findTicketsByIds(this.db, ticketIds);
  }

  /** The sale is named by the operation, so another request under the same key finds it sold for other units. */
  private async sellUnits(
    eventId: string,
    operationId: string,
    item: { ticketTypeId: string; quantity: number },
    context: CommandContext,
  ): Promise<void> {
    try {
      await sellUnits(
        this.hotStreams,
        eventId,
        { saleId: operationId, items: [item] },
        step(context, 'sell-units'),
      );
    } catch (error) {
      if (error instanceof AppError && error.reason === 'RESERVATION_ID_REUSED') {
        throw conflict(
          'IDEMPOTENCY_KEY_REUSED',
          'This idempotency key was already used for another request; use a new key for new tickets',
        );
      }
      throw error;
    }
  }
}

/** The sale and the tickets land on different streams, and each must be retry-safe on its own. */
function step(context: CommandContext, name: string): CommandContext {
  return { ...context, commandId: `${context.commandId}/${name}`, causationId: context.commandId };
}
