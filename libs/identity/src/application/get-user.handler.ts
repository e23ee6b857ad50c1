import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { findUserById, type UserView } from './user.queries';

export class GetUserQuery extends Query<UserView | undefined> {
  constructor(readonly userId: string) {
    super();
  }
}

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery> {
  constructor(@Inject(READ_DB) private readonly db: Kysely<Database>) {}

  execute({ userId }: GetUserQuery): Promise<UserView | undefined> {
    return findUserById(this.db, userId);
  }
}
