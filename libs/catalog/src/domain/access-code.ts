import { conflict, notFound } from '@ticketing/platform/domain';
import type { Actor, EventState } from './event.decider';
import { liveTicketTypes } from './ticket-type-rules';
import type { AccessCodeCreated } from './ticket-type.events';

/** A code the organizer hands to invitees: it unlocks the INVITE_ONLY ticket types it names. */
export type CreateAccessCode = {
  type: 'CreateAccessCode';
  eventId: string;
  actor: Actor;
  code: string;
  ticketTypeIds: string[];
};

/** Codes are read out and typed by people: case and surrounding spaces do not matter. */
export function normaliseAccessCode(code: string): string {
  return code.trim().toUpperCase();
}

export function createAccessCode(
  command: CreateAccessCode,
  event: EventState,
  now: Date,
): AccessCodeCreated[] {
  const code = normaliseAccessCode(command.code);
  if (event.accessCodes.includes(code)) {
    throw conflict('ACCESS_CODE_TAKEN', `This event already has the access code ${code}; choose another`);
  }
  const ticketTypeIds = [...new Set(command.ticketTypeIds)];
  const live = new Set(liveTicketTypes(event.ticketTypes).map((type) => type.ticketTypeId));
  const unknown = ticketTypeIds.find((id) => !live.has(id));
  if (unknown !== undefined) throw notFound('Ticket type', unknown);
  return [
    {
      type: 'AccessCodeCreated',
      data: {
        eventId: event.eventId,
        code,
        ticketTypeIds,
        createdBy: command.actor.userId,
        createdAt: now.toISOString(),
      },
    },
  ];
}
