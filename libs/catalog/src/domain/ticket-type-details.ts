export const PricingType = {
  PAID: 'PAID',
  FREE: 'FREE',
  /** No fixed price: the buyer chooses an amount at checkout, at least the minimum donation when there is one. */
  DONATION: 'DONATION',
} as const;
export type PricingType = (typeof PricingType)[keyof typeof PricingType];

export const SalesChannel = {
  EVERYWHERE: 'EVERYWHERE',
  ONLINE_ONLY: 'ONLINE_ONLY',
  AT_DOOR_ONLY: 'AT_DOOR_ONLY',
} as const;
export type SalesChannel = (typeof SalesChannel)[keyof typeof SalesChannel];

/** Door staff sell what is sold EVERYWHERE or AT_DOOR_ONLY. */
export function isSoldAtDoor(channel: SalesChannel): boolean {
  return channel !== SalesChannel.ONLINE_ONLY;
}

export const AttendanceMode = {
  IN_PERSON: 'IN_PERSON',
  ONLINE: 'ONLINE',
} as const;
export type AttendanceMode = (typeof AttendanceMode)[keyof typeof AttendanceMode];

export const TicketTypeVisibility = {
  VISIBLE: 'VISIBLE',
  HIDDEN: 'HIDDEN',
  HIDDEN_WHEN_NOT_ON_SALE: 'HIDDEN_WHEN_NOT_ON_SALE',
  CUSTOM_SCHEDULE: 'CUSTOM_SCHEDULE',
} as const;
export type TicketTypeVisibility = (typeof TicketTypeVisibility)[keyof typeof TicketTypeVisibility];

export const TicketTypeAccess = {
  PUBLIC: 'PUBLIC',
  /** Bought only with an access code the organizer issues. */
  INVITE_ONLY: 'INVITE_ONLY',
} as const;
export type TicketTypeAccess = (typeof TicketTypeAccess)[keyof typeof TicketTypeAccess];

/** An amount in minor units (cents) of an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/** What an organizer configures about a ticket type, as events record it: instants are UTC ISO-8601 strings. */
export interface TicketTypeDetails {
  name: string;
  description: string;
  pricingType: PricingType;
  /** What a ticket costs: above zero when PAID, zero or none when FREE, none for a DONATION. */
  price: Money | null;
  /** The least a DONATION buyer may give; none means any amount. */
  minimumDonation: Money | null;
  salesChannel: SalesChannel;
  attendanceMode: AttendanceMode;
  salesStartsAt: string;
  salesEndsAt: string;
  minPerOrder: number;
  maxPerOrder: number;
  /** Across all of a buyer's orders. */
  maxPerUser: number;
  visibility: TicketTypeVisibility;
  /** Set for, and only for, CUSTOM_SCHEDULE. */
  visibilityStartsAt: string | null;
  visibilityEndsAt: string | null;
  access: TicketTypeAccess;
  inclusiveItems: string[];
  allowReentry: boolean;
  /** Total scans allowed, the first included; none means unlimited re-entry. */
  reentryLimit: number | null;
  /** Empty means any scan point. */
  acceptedScanPoints: string[];
  transferable: boolean;
  /** Shown to buyers before they pay. */
  refundPolicy: string | null;
}

type InstantField = 'salesStartsAt' | 'salesEndsAt' | 'visibilityStartsAt' | 'visibilityEndsAt';

/** The details as commands carry them: instants as dates. */
export type TicketTypeDetailsInput = Omit<TicketTypeDetails, InstantField> & {
  salesStartsAt: Date;
  salesEndsAt: Date;
  visibilityStartsAt: Date | null;
  visibilityEndsAt: Date | null;
};

/** Instants leave commands as dates and enter events as ISO strings; fields left out stay out. */
export function recordedTicketTypeDetails(input: TicketTypeDetailsInput): TicketTypeDetails;
export function recordedTicketTypeDetails(input: Partial<TicketTypeDetailsInput>): Partial<TicketTypeDetails>;
export function recordedTicketTypeDetails(
  input: Partial<TicketTypeDetailsInput>,
): Partial<TicketTypeDetails> {
  const recorded: Partial<Record<keyof TicketTypeDetails, unknown>> = {};
  for (const [field, value] of Object.entries(input) as [keyof TicketTypeDetails, unknown][]) {
    if (value !== undefined) recorded[field] = value instanceof Date ? value.toISOString() : value;
  }
  return recorded as Partial<TicketTypeDetails>;
}

/** Names are unique per attendance mode whatever their case: "VIP" and "vip" would confuse buyers. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
