import { Inject, Injectable } from '@nestjs/common';
import { type Database, READ_DB } from '@ticketing/read-store';
import { listTicketsOfBookings, type TicketView } from '@ticketing/ticketing';
import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';

/**
 * Reads the tickets of every booking a request shows in one query. One loader per request, so nothing is cached
 * across requests (a ticket issued since would be missed).
 */
@Injectable()
export class BookingTicketsLoader {
  private readonly loaders = new WeakMap<object, DataLoader<string, TicketView[]>>();

  constructor(@Inject(READ_DB) private readonly db: Kysely<Database>) {}

  /** The loader of `request`: the GraphQL context object, which lives exactly as long as the request. */
  for(request: object): DataLoader<string, TicketView[]> {
    let loader = this.loaders.get(request);
    if (!loader) {
      loader = new DataLoader(async (bookingIds) => {
        const tickets = await listTicketsOfBookings(this.db, bookingIds);
        return bookingIds.map((id) => tickets.get(id) ?? []);
      });
      this.loaders.set(request, loader);
    }
    return loader;
  }
}
