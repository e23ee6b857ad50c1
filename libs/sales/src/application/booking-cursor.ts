import { validationFailed } from '@ticketing/platform/domain';

/** Where a page of bookings ends: they are ordered newest first by when they were placed, then id. */
export interface BookingCursor {
  placedAt: Date;
  id: string;
}

/** Opaque to clients, so the ordering behind it can change without breaking them. */
export function encodeBookingCursor(cursor: BookingCursor): string {
  return Buffer.from(JSON.stringify([cursor.placedAt.toISOString(), cursor.id])).toString('base64url');
}

export function decodeBookingCursor(encoded: string): BookingCursor {
  const decoded = parseJson(Buffer.from(encoded, 'base64url').toString('utf8'));
  if (Array.isArray(decoded) && decoded.length === 2) {
    const [placedAt, id] = decoded;
    if (typeof placedAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(placedAt))) {
      return { placedAt: new Date(placedAt), id };
    }
  }
  throw validationFailed([
    { field: 'after', messages: ['after must be a cursor returned by the bookings list'] },
  ]);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
