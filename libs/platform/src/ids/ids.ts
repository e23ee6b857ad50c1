import { v4 as uuidv4 } from 'uuid';
import { NameBasedIds } from '../domain/name-based-ids';

export function newId(): string {
  return uuidv4();
}

const eventIds = new NameBasedIds('6f1b4c8e-3d0a-4e52-9a8f-0b7c2d9e4a11');

/**
 * The id of the `index`-th event a command appends to a stream. The same command retried produces the same ids, so
 * the store recognises the retry and appends nothing twice.
 */
export function deterministicEventId(commandId: string, streamName: string, index: number): string {
  return eventIds.idOf(`${commandId}/${streamName}/${index}`);
}
