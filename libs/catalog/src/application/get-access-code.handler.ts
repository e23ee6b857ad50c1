import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform/domain';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { type Actor, managesEvent } from '../domain/event.decider';
import { findVisibleEvent } from './event.queries';
import { type AccessCodeView, findAccessCode } from './ticket-type.queries';

export class GetAccessCodeQuery extends Query<AccessCodeView> {
  constructor(
    readonly eventId: string,
    readonly code: string,
    readonly viewer: Actor | null,
  ) {
    super();
  }
}

/** Access codes are the organizer's to hand out: to anyone else they do not exist. */
@QueryHandler(GetAccessCodeQuery)
export class GetAccessCodeHandler implements IQueryHandler<GetAccessCodeQuery> {
  constructor(@Inject(READ_DB) private readonly db: Kysely<Database>) {}

  async execute({ eventId, code, viewer }: GetAccessCodeQuery): Promise<AccessCodeView> {
    const event = await findVisibleEvent(this.db, eventId, viewer);
    const accessCode = event && managesEvent(event, viewer) && (await findAccessCode(this.db, eventId, code));
    if (!accessCode) throw notFound('Access code', code);
    return accessCode;
  }
}
