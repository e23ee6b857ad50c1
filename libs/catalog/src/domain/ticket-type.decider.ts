import { type Decider, notFound, ruleViolation } from '@ticketing/platform/domain';
import { assertNotEnded } from './event-details';
import type { EventStreamEvent } from './event.events';
import { type Actor, changeableBy, eventDecider, type EventState, EventStatus } from './event.decider';
import { type CreateAccessCode, createAccessCode } from './access-code';
import { type NewTicketTypeDetails, withDefaults } from './ticket-type-defaults';
import { recordedTicketTypeDetails, type TicketTypeDetailsInput } from './ticket-type-details';
import { changedDetails } from './ticket-type-changes';
import { assertSalesWindowAhead, assertValidTicketType, liveTicketTypes } from './ticket-type-rules';
import { assertNotClosed, assertStatusChange, TicketTypeStatus } from './ticket-type-status';
import type { TicketTypeState } from './ticket-type.state';
import type { TicketTypeEvent } from './ticket-type.events';

type OnTicketType<Type extends string, Fields = unknown> = {
  type: Type;
  eventId: string;
  ticketTypeId: string;
  actor: Actor;
} & Fields;

/** `ticketTypeId` is fresh per command, so finding it recorded already means this very command is being retried. */
export type CreateTicketType = OnTicketType<
  'CreateTicketType',
  { details: NewTicketTypeDetails; totalQuantity: number }
>;
export type UpdateTicketType = OnTicketType<'UpdateTicketType', { changes: Partial<TicketTypeDetailsInput> }>;
export type PublishedTicketTypeChanges = Partial<
  Pick<
    TicketTypeDetailsInput,
    'visibility' | 'visibilityStartsAt' | 'visibilityEndsAt' | 'inclusiveItems'
  > & {
    status: TicketTypeStatus;
  }
>;
export type UpdatePublishedTicketType = OnTicketType<
  'UpdatePublishedTicketType',
  { changes: PublishedTicketTypeChanges }
>;
export type ChangeTicketTypeSalesWindow = OnTicketType<
  'ChangeTicketTypeSalesWindow',
  Partial<Pick<TicketTypeDetailsInput, 'salesStartsAt' | 'salesEndsAt'>>
>;
export type ChangeTicketTypeStatus = OnTicketType<'ChangeTicketTypeStatus', { status: TicketTypeStatus }>;
export type DeleteTicketType = OnTicketType<'DeleteTicketType'>;
export type TicketTypeCommand =
  | CreateTicketType
  | UpdateTicketType
  | UpdatePublishedTicketType
  | ChangeTicketTypeSalesWindow
  | ChangeTicketTypeStatus
  | DeleteTicketType
  | CreateAccessCode;

/**
 * Ticket types live on their event's stream, so every rule across them (unique names, both modes for a HYBRID event,
 * sales inside the event's registration) is decided on one state, under one expected revision.
 */
export const ticketTypeDecider: Decider<TicketTypeCommand, EventStreamEvent, EventState | null> = {
  initialState: eventDecider.initialState,
  evolve: eventDecider.evolve,

  decide(command, state, now) {
    const event = changeableBy(command.actor, command.eventId, state);
    switch (command.type) {
      case 'CreateTicketType':
        return create(command, event, now);
      case 'UpdateTicketType':
        return update(command, event, now);
      case 'UpdatePublishedTicketType':
        return updatePublished(command, event, now);
      case 'ChangeTicketTypeSalesWindow':
        return changeSalesWindow(command, event, now);
      case 'ChangeTicketTypeStatus':
        return changeStatus(command, event, now);
      case 'DeleteTicketType':
        return remove(command, event, now);
      case 'CreateAccessCode':
        return createAccessCode(command, event, now);
    }
  },
};

/**
 * Capacity lives in the inventory, which decides it; the event decides whether its ticket type may still be resized:
 * while the event is a draft or published and not over, and the type neither closed nor deleted.
 */
export function assertCapacityChangeable(
  command: Omit<OnTicketType<string>, 'type'>,
  state: EventState | null,
  now: Date,
): void {
  const event = changeableBy(command.actor, command.eventId, state);
  assertNotEnded(event.details, now);
  const ticketType = ticketTypeIn(event, command.ticketTypeId);
  assertNotClosed(ticketType.details.name, ticketType.status);
}

function create(command: CreateTicketType, event: EventState, now: Date): TicketTypeEvent[] {
  if (event.ticketTypes.some((type) => type.ticketTypeId === command.ticketTypeId)) return [];
  assertNotEnded(event.details, now);
  const details = recordedTicketTypeDetails(withDefaults(command.details, event.details, now));
  assertSalesWindowAhead(details, now);
  assertValidTicketType(details, event.details, event.ticketTypes);
  return [
    {
      type: 'TicketTypeCreated',
      data: {
        eventId: event.eventId,
        ticketTypeId: command.ticketTypeId,
        organizerId: event.organizerId,
        ...details,
        totalQuantity: command.totalQuantity,
        createdBy: command.actor.userId,
        createdAt: now.toISOString(),
      },
    },
  ];
}

function update(command: UpdateTicketType, event: EventState, now: Date): TicketTypeEvent[] {
  if (event.status !== EventStatus.DRAFT) {
    throw ruleViolation(
      'EVENT_NOT_DRAFT',
      'This event is published: change its ticket types with updatePublishedTicketType, ' +
        'updateTicketTypeSalesWindow or updateTicketTypeCapacity',
    );
  }
  const ticketType = ticketTypeIn(event, command.ticketTypeId);
  assertNotClosed(ticketType.details.name, ticketType.status);
  const changes = changedDetails(ticketType, command.changes, now, event);
  if (!changes) return [];
  return [{ type: 'TicketTypeUpdated', data: { ...change(command, ticketType, now), changes } }];
}

/** Once buyers may see a ticket type, only how it is shown, what it includes and whether it sells may change. */
function updatePublished(
  command: UpdatePublishedTicketType,
  event: EventState,
  now: Date,
): TicketTypeEvent[] {
  if (event.status !== EventStatus.PUBLISHED) {
    throw ruleViolation(
      'EVENT_NOT_PUBLISHED',
      'This event is a draft: edit its ticket types in full with updateTicketType',
    );
  }
  const ticketType = ticketTypeIn(event, command.ticketTypeId);
  const { status, inclusiveItems, ...visibility } = command.changes;
  const events: TicketTypeEvent[] = [];
  const shown = changedDetails(ticketType, visibility, now, event);
  if (shown) {
    const { visibility: shownAs, visibilityStartsAt, visibilityEndsAt } = { ...ticketType.details, ...shown };
    events.push({
      type: 'TicketTypeVisibilityChanged',
      data: {
        ...change(command, ticketType, now),
        visibility: shownAs,
        visibilityStartsAt,
        visibilityEndsAt,
      },
    });
  }
  if (inclusiveItems !== undefined && changedDetails(ticketType, { inclusiveItems }, now, event)) {
    events.push({
      type: 'TicketTypeInclusiveItemsChanged',
      data: { ...change(command, ticketType, now), inclusiveItems },
    });
  }
  if (status !== undefined) events.push(...statusChange(command, ticketType, status, now));
  return events;
}

function changeSalesWindow(
  command: ChangeTicketTypeSalesWindow,
  event: EventState,
  now: Date,
): TicketTypeEvent[] {
  const ticketType = ticketTypeIn(event, command.ticketTypeId);
  assertNotClosed(ticketType.details.name, ticketType.status);
  const requested = { salesStartsAt: command.salesStartsAt, salesEndsAt: command.salesEndsAt };
  const changes = changedDetails(ticketType, requested, now, event);
  if (!changes) return [];
  const { salesStartsAt, salesEndsAt } = { ...ticketType.details, ...changes };
  return [
    {
      type: 'TicketTypeSalesWindowChanged',
      data: { ...change(command, ticketType, now), salesStartsAt, salesEndsAt },
    },
  ];
}

function changeStatus(command: ChangeTicketTypeStatus, event: EventState, now: Date): TicketTypeEvent[] {
  return statusChange(command, ticketTypeIn(event, command.ticketTypeId), command.status, now);
}

function statusChange(
  command: OnTicketType<string>,
  ticketType: TicketTypeState,
  to: TicketTypeStatus,
  now: Date,
): TicketTypeEvent[] {
  if (to === ticketType.status) return [];
  assertStatusChange(ticketType.details.name, ticketType.status, to);
  return [
    {
      type: 'TicketTypeStatusChanged',
      data: { ...change(command, ticketType, now), from: ticketType.status, to },
    },
  ];
}

/** Whether anything of it was ever sold is the inventory's to say, before this is decided. */
function remove(command: DeleteTicketType, event: EventState, now: Date): TicketTypeEvent[] {
  const ticketType = ticketTypeIn(event, command.ticketTypeId);
  return [{ type: 'TicketTypeDeleted', data: change(command, ticketType, now) }];
}

/** A deleted ticket type is gone: changing it is NOT_FOUND, as for one that never existed. */
function ticketTypeIn(event: EventState, ticketTypeId: string): TicketTypeState {
  const ticketType = liveTicketTypes(event.ticketTypes).find((type) => type.ticketTypeId === ticketTypeId);
  if (!ticketType) throw notFound('Ticket type', ticketTypeId);
  return ticketType;
}

function change(command: OnTicketType<string>, ticketType: TicketTypeState, now: Date) {
  return {
    eventId: command.eventId,
    ticketTypeId: ticketType.ticketTypeId,
    updatedBy: command.actor.userId,
    updatedAt: now.toISOString(),
  };
}
