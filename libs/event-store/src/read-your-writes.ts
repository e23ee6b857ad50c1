import type { LogPosition } from './event-store.port';

/** Nest injection token for `ReadYourWrites`. */
export const READ_YOUR_WRITES = Symbol('READ_YOUR_WRITES');

/**
 * A mutation that must read its own write calls this with the position it appended: it returns once every
 * projection has passed that position, or when the configured bound runs out (the write itself stands either way).
 */
export interface ReadYourWrites {
  waitFor(position: LogPosition | null): Promise<void>;
}
