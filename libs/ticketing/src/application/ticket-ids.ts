import { v5 as uuidv5 } from 'uuid';

const TICKET_ID_NAMESPACE = 'c3a1e0b2-7f4d-4d8e-9b61-2a5f0c9d8e71';

/**
 * The id of the `index`-th ticket a command issues. A retried command gets the same ids, so it finds the tickets it
 * issued before and issues only those it had not.
 */
export function ticketIdFor(commandId: string, index: number): string {
  return uuidv5(`${commandId}/ticket/${index}`, TICKET_ID_NAMESPACE);
}
