import { validationFailed } from '@ticketing/platform/domain';

/** Where a page of events ends: listings are ordered by start, then id, so both are needed to resume. */
export interface EventCursor {
  startsAt: Date;
  id: string;
}

/** Opaque to clients, so the ordering behind it can change without breaking them. */
export function encodeEventCursor(cursor: EventCursor): string {
  return Buffer.from(JSON.stringify([cursor.startsAt.toISOString(), cursor.id])).toString('base64url');
}

export function decodeEventCursor(encoded: string): EventCursor {
  const decoded = parseJson(Buffer.from(encoded, 'base64url').toString('utf8'));
  if (Array.isArray(decoded) && decoded.length === 2) {
    const [startsAt, id] = decoded;
    if (typeof startsAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(startsAt))) {
      return { startsAt: new Date(startsAt), id };
    }
  }
  throw validationFailed([
    { field: 'after', messages: ['after must be a cursor returned by the events list'] },
  ]);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
