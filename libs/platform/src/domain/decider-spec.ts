import type { Decider } from './decider';
import { AppError } from './errors';

export type DecisionResult<Event> = { events: Event[]; error: null } | { events: null; error: AppError };

/**
 * Given/when/then for deciders: fold `history`, decide `command` at `now`, and return the events or the rule broken.
 *
 * @example
 * expect(given(eventDecider, [created]).when(publish, now)).toEqual({ events: [published], error: null });
 */
export function given<Command, Event, State>(decider: Decider<Command, Event, State>, history: Event[]) {
  const state = history.reduce(decider.evolve, decider.initialState);
  return {
    state,
    when(command: Command, now: Date = new Date()): DecisionResult<Event> {
      try {
        return { events: decider.decide(command, state, now), error: null };
      } catch (error) {
        if (error instanceof AppError) return { events: null, error };
        throw error;
      }
    },
  };
}
