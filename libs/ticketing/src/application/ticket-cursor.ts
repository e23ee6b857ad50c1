import { validationFailed } from '@ticketing/platform/domain';

/** Where a page of a holder's tickets ends: they are ordered by when the holder got them, then id. */
export interface TicketCursor {
  heldSince: Date;
  id: string;
}

/** Opaque to clients, so the ordering behind it can change without breaking them. */
export function encodeTicketCursor(cursor: TicketCursor): string {
  return Buffer.from(JSON.stringify([cursor.heldSince.toISOString(), cursor.id])).toString('base64url');
}

export function decodeTicketCursor(encoded: string): TicketCursor {
  const decoded = parseJson(Buffer.from(encoded, 'base64url').toString('utf8'));
  if (Array.isArray(decoded) && decoded.length === 2) {
    const [heldSince, id] = decoded;
    if (typeof heldSince === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(heldSince))) {
      return { heldSince: new Date(heldSince), id };
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
