import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type Database, READ_DB } from '@ticketing/read-store';
import { notFound } from '@ticketing/platform/domain';
import type { Kysely } from 'kysely';
import { findUserById, type UserView } from './user.queries';

/** A user by id; NOT_FOUND when there is none. */
export class GetUserQuery extends Query<UserView> {
  constructor(readonly userId: string) {
    super();
  }
}

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery> {
  constructor(@Inject(READ_DB) private readonly db: Kysely<Database>) {}

  async execute({ userId }: GetUserQuery): Promise<UserView> {
    const user = await findUserById(this.db, userId);
    if (!user) throw notFound('User', userId);
    return user;
  }
}
