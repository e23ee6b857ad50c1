import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { loadEventManagedBy } from '@ticketing/catalog';
import {
  type BatchingCommandExecutor,
  EVENT_STORE,
  type EventStore,
  HOT_STREAMS,
} from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor } from '@ticketing/platform';
import { notFound, requirePrincipal } from '@ticketing/platform/domain';
import type { CreatePromoCode } from '../domain/promo-code/promo-code.commands';
import { promoCodeDecider } from '../domain/promo-code/promo-code.decider';
import type { PromoDiscount } from '../domain/promo-code/promo-discount';
import { type PromoCodeView, toPromoCodeView } from './promo-code-view';
import { promoCodeStream } from './sales-streams';

export interface CreatePromoCodeRequest {
  eventId: string;
  code: string;
  discount: PromoDiscount;
  ticketTypeIds: string[];
  maxUses: number | null;
  validFrom: Date | null;
  validUntil: Date | null;
}

export class CreatePromoCodeCommand extends Command<PromoCodeView> {
  constructor(
    readonly request: CreatePromoCodeRequest,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/**
 * Only the event's organizer or an admin, refused as the catalog refuses changes to the event. A window left out is
 * the event's registration, when any of its tickets can sell; it is taken from the event rather than the clock, so
 * a retry of the same request states the same definition and finds the code it created.
 */
@CommandHandler(CreatePromoCodeCommand)
export class CreatePromoCodeHandler implements ICommandHandler<CreatePromoCodeCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HOT_STREAMS) private readonly hotStreams: BatchingCommandExecutor,
    private readonly clock: Clock,
  ) {}

  async execute({ request, origin }: CreatePromoCodeCommand): Promise<PromoCodeView> {
    const actor = requirePrincipal(origin.principal);
    const event = await loadEventManagedBy(this.store, request.eventId, actor);
    const unknown = request.ticketTypeIds.find((id) => !event.ticketTypeIds.includes(id));
    if (unknown !== undefined) throw notFound('Ticket type', unknown);
    const command: CreatePromoCode = {
      type: 'CreatePromoCode',
      eventId: event.eventId,
      code: request.code,
      discount: request.discount,
      ticketTypeIds: request.ticketTypeIds,
      maxUses: request.maxUses,
      validFrom: request.validFrom ?? new Date(event.registrationOpensAt),
      validUntil: request.validUntil ?? new Date(event.registrationClosesAt),
      createdBy: actor.userId,
    };
    // The code's stream turns hot when bookings redeem it; its one owner in this process writes its creation too.
    const outcome = await this.hotStreams.execute(
      promoCodeDecider,
      promoCodeStream(event.eventId, request.code),
      command,
      commandContextFor(origin, this.clock.now()),
    );
    return toPromoCodeView(outcome.state!);
  }
}
