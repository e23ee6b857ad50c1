import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './in-memory-log';

// The server's search window when the client asks for `count` rather than a maximum.
const DEFAULT_SEARCH_WINDOW = 32;

/** A server-side `$all` filter, as `ReadReq.Options.FilterOptions` describes it. */
export interface ReadFilter {
  matches(event: StoredEvent): boolean;
  /** A filtered subscription reports a checkpoint after this many considered events. */
  checkpointInterval: number;
}

/** Builds the filter a read asks for, or null for `no_filter`. */
export function readFilterFrom(options: ReadReq.Options): ReadFilter | null {
  const filter = options.getFilter();
  if (!options.hasFilter() || !filter) return null;

  const onEventType = filter.hasEventType();
  const expression = onEventType ? filter.getEventType() : filter.getStreamIdentifier();
  if (!expression) return null;
  const regex = expression.getRegex();
  const prefixes = expression.getPrefixList();
  const pattern = regex ? new RegExp(regex) : null;
  const matchesText = (text: string) =>
    pattern ? pattern.test(text) : prefixes.some((prefix) => text.startsWith(prefix));

  const searchWindow = filter.hasMax() ? filter.getMax() : DEFAULT_SEARCH_WINDOW;
  return {
    matches: (event) => matchesText(onEventType ? event.type : event.streamName),
    checkpointInterval: Math.max(1, filter.getCheckpointintervalmultiplier()) * searchWindow,
  };
}
