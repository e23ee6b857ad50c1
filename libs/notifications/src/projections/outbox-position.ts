import type { LogPosition } from '@ticketing/event-store';

const DIGITS = 20;

/**
 * A log position as text that sorts as the log does: both numbers zero-padded to 20 digits, enough for any unsigned
 * 64-bit value, so every value has the same width and any collation orders them digit by digit. Text, because the two
 * drivers disagree on int8 and numeric, and it compares alike in both.
 *
 * @example
 * outboxPosition({ commit: 812n, prepare: 3n }); // '00000000000000000812/00000000000000000003'
 */
export function outboxPosition(position: LogPosition): string {
  return `${position.commit.toString().padStart(DIGITS, '0')}/${position.prepare.toString().padStart(DIGITS, '0')}`;
}
