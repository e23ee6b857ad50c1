import { validationFailed } from '@ticketing/platform/domain';

/**
 * Where a page of tickets ends: they are ordered by an instant, then id. The instant is when the holder got them in a
 * holder's list, and when they were issued in an event's.
 */
export interface TicketCursor {
  at: Date;
  id: string;
}

/** Opaque to clients, so the ordering behind it can change without breaking them. */
export function encodeTicketCursor(cursor: TicketCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url');
}

export function decodeTicketCursor(encoded: string): TicketCursor {
  const decoded = parseJson(Buffer.from(encoded, 'base64url').toString('utf8'));
  if (Array.isArray(decoded) && decoded.length === 2) {
    const [at, id] = decoded;
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) {
      return { at: new Date(at), id };
    }
  }
  throw validationFailed([
    { field: 'after', messages: ['after must be a cursor returned by the tickets list'] },
  ]);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
