import { ruleViolation } from '@ticketing/platform/domain';

export const EventFormat = {
  IN_PERSON: 'IN_PERSON',
  ONLINE: 'ONLINE',
  HYBRID: 'HYBRID',
} as const;
export type EventFormat = (typeof EventFormat)[keyof typeof EventFormat];

export interface Venue {
  name: string;
  address: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** What an organizer describes about an event, as events record it: instants are UTC ISO-8601 strings. */
export interface EventDetails {
  title: string;
  description: string;
  format: EventFormat;
  /** Null for an online event. */
  venue: Venue | null;
  startsAt: string;
  endsAt: string;
  /** The IANA zone the event is local to, so clients show its times as attendees will live them. */
  timeZone: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  /** Null when only ticket types limit attendance. */
  maxCapacity: number | null;
}

type InstantField = 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt';

/** The details as commands carry them: instants as dates. */
export type EventDetailsInput = Omit<EventDetails, InstantField> & Record<InstantField, Date>;

/** Instants leave commands as dates and enter events as ISO strings; fields left out stay out. */
export function recordedDetails(input: EventDetailsInput): EventDetails;
export function recordedDetails(input: Partial<EventDetailsInput>): Partial<EventDetails>;
export function recordedDetails(input: Partial<EventDetailsInput>): Partial<EventDetails> {
  const recorded: Partial<Record<keyof EventDetails, unknown>> = {};
  for (const [field, value] of Object.entries(input) as [keyof EventDetails, unknown][]) {
    if (value !== undefined) recorded[field] = value instanceof Date ? value.toISOString() : value;
  }
  return recorded as Partial<EventDetails>;
}

/**
 * The rules every version of an event's details obeys, checked at creation and against the merged result of each
 * update. An event whose end has passed can no longer be scheduled: nobody can attend it.
 */
export function assertValidDetails(details: EventDetails, now: Date): void {
  if (!isIanaTimeZone(details.timeZone)) {
    throw ruleViolation(
      'INVALID_TIME_ZONE',
      `"${details.timeZone}" is not an IANA time zone such as Europe/Paris`,
    );
  }
  if (details.format !== EventFormat.ONLINE && details.venue === null) {
    throw ruleViolation('VENUE_REQUIRED', `A venue is required for ${details.format} events`);
  }
  if (details.format === EventFormat.ONLINE && details.venue !== null) {
    throw ruleViolation('VENUE_NOT_ALLOWED', 'An ONLINE event has no venue; choose HYBRID to add one');
  }
  if (details.maxCapacity !== null && (!Number.isInteger(details.maxCapacity) || details.maxCapacity < 1)) {
    throw ruleViolation('INVALID_MAX_CAPACITY', 'The maximum capacity is a whole number of at least 1');
  }
  const startsAt = Date.parse(details.startsAt);
  const endsAt = Date.parse(details.endsAt);
  const opensAt = Date.parse(details.registrationOpensAt);
  const closesAt = Date.parse(details.registrationClosesAt);
  if (endsAt <= startsAt) {
    throw ruleViolation('EVENT_ENDS_BEFORE_START', 'The event must end after it starts');
  }
  if (closesAt <= opensAt) {
    throw ruleViolation('REGISTRATION_CLOSES_BEFORE_OPENS', 'Registration must open before it closes');
  }
  if (closesAt > endsAt) {
    throw ruleViolation(
      'REGISTRATION_CLOSES_AFTER_EVENT_ENDS',
      'Registration must close no later than the event ends',
    );
  }
  assertNotEnded(details, now);
}

export function assertNotEnded(details: EventDetails, now: Date): void {
  if (Date.parse(details.endsAt) <= now.getTime()) {
    throw ruleViolation('EVENT_ALREADY_ENDED', `The event ended at ${details.endsAt}; move its dates first`);
  }
}

/**
 * Zone names only: a fixed offset such as +01:00 has no daylight-saving rules, so an event's local times would drift.
 * `Intl.supportedValuesOf` is not used because it omits valid names (UTC, links such as Europe/Kyiv on older ICU).
 */
function isIanaTimeZone(name: string): boolean {
  if (!/^[A-Za-z]/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
