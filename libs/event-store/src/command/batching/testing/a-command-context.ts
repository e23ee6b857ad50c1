import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@ticketing/platform';

/** A command context with a fresh command id; override whatever the test is about. */
export function aCommandContext(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    commandId: randomUUID(),
    actor: 'buyer-1',
    correlationId: randomUUID(),
    causationId: null,
    now: new Date('2026-05-01T18:00:00.000Z'),
    ...overrides,
  };
}
