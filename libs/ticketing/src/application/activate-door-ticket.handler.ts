import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { loadTicketTypeManagedBy } from '@ticketing/catalog';
import {
  EVENT_STORE,
  type EventStore,
  READ_YOUR_WRITES,
  type ReadYourWrites,
  toDomainEvent,
} from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor } from '@ticketing/platform';
import { foldEvents, notFound, requirePrincipal } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import type { Payment } from '../domain/money';
import type { TicketHolderInput } from '../domain/ticket-holder';
import { ticketDecider } from '../domain/ticket.decider';
import type { TicketEvent } from '../domain/ticket.events';
import type { TicketState } from '../domain/ticket.state';
import { runTicketCommand } from './run-ticket-command';
import { ticketStream } from './ticket-stream';
import { findTicketById, type TicketView } from './ticket.queries';

export interface ActivateDoorTicketRequest {
  ticketId: string;
  holder: TicketHolderInput;
  payment: Payment;
}

export class ActivateDoorTicketCommand extends Command<TicketView> {
  constructor(
    readonly request: ActivateDoorTicketRequest,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/**
 * Sells a pre-generated door ticket on the spot: its units were counted when it was issued, so only the ticket's
 * own stream changes. The event's organizer or an admin, on an event not cancelled; a second sale of the same ticket
 * is TICKET_ALREADY_ACTIVATED.
 */
@CommandHandler(ActivateDoorTicketCommand)
export class ActivateDoorTicketHandler implements ICommandHandler<ActivateDoorTicketCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    @Inject(READ_DB) private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async execute({ request, origin }: ActivateDoorTicketCommand): Promise<TicketView> {
    const caller = requirePrincipal(origin.principal);
    const { ticketId, holder, payment } = request;
    const ticket = await this.loadTicket(ticketId);
    if (!ticket) throw notFound('Ticket', ticketId);
    await loadTicketTypeManagedBy(this.store, ticket.eventId, ticket.ticketTypeId, caller);
    const { position } = await runTicketCommand(
      this.store,
      { type: 'ActivateTicket', ticketId, holder: { email: holder.email, name: holder.name }, payment },
      commandContextFor(origin, this.clock.now()),
    );
    await this.readYourWrites.waitFor(position);
    return (await findTicketById(this.db, ticketId))!;
  }

  private async loadTicket(ticketId: string): Promise<TicketState | null> {
    const history = await this.store.readStream(ticketStream(ticketId));
    return foldEvents(ticketDecider, history.map(toDomainEvent<TicketEvent>));
  }
}
