/**
 * An aggregate as a decider: the business rules of one consistency boundary, with no I/O and no clock.
 * `decide` returns the events a command causes, or throws an `AppError` naming the rule it breaks.
 */
export interface Decider<Command, Event, State> {
  initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, now: Date): Event[];
}

/** A domain event as deciders see it: a name and its data. The store adds ids and metadata. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export function foldEvents<Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState);
}
