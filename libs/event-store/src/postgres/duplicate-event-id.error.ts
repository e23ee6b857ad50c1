/**
 * An append reused an event id that the log already holds for a different event (another stream or another
 * place in this one). A genuine retry of the same append is not an error: it returns the original result.
 */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly streamName: string,
    readonly eventIds: readonly string[],
  ) {
    super(`Appending to ${streamName}: an event id in [${eventIds.join(', ')}] is already in the log`);
    this.name = 'DuplicateEventIdError';
  }
}
