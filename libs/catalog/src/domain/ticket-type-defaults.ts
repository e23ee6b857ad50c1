import type { EventDetails } from './event-details';
import {
  PricingType,
  SalesChannel,
  type TicketTypeDetailsInput,
  TicketTypeAccess,
  TicketTypeVisibility,
} from './ticket-type-details';

type RequiredField = 'name' | 'pricingType' | 'attendanceMode';

/** A new ticket type as an organizer describes it: what is left out takes a default. */
export type NewTicketTypeDetails = Pick<TicketTypeDetailsInput, RequiredField> &
  Partial<Omit<TicketTypeDetailsInput, RequiredField>>;

const DEFAULT_MAX_PER_ORDER = 10;

/**
 * Sales run through the whole registration window (from now if it has opened already); a DONATION defaults to what
 * its rules allow, ONLINE_ONLY and one per order and buyer; a buyer may take up to the per-order limit overall.
 */
export function withDefaults(
  input: NewTicketTypeDetails,
  event: EventDetails,
  now: Date,
): TicketTypeDetailsInput {
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const donation = input.pricingType === PricingType.DONATION;
  const minPerOrder = input.minPerOrder ?? 1;
  const maxPerOrder = input.maxPerOrder ?? (donation ? 1 : Math.max(DEFAULT_MAX_PER_ORDER, minPerOrder));
  const registrationOpensAt = new Date(event.registrationOpensAt);
  return {
    description: '',
    price: null,
    minimumDonation: null,
    salesChannel: donation ? SalesChannel.ONLINE_ONLY : SalesChannel.EVERYWHERE,
    salesStartsAt: registrationOpensAt < now ? now : registrationOpensAt,
    salesEndsAt: new Date(event.registrationClosesAt),
    visibility: TicketTypeVisibility.VISIBLE,
    visibilityStartsAt: null,
    visibilityEndsAt: null,
    access: TicketTypeAccess.PUBLIC,
    inclusiveItems: [],
    allowReentry: false,
    reentryLimit: null,
    acceptedScanPoints: [],
    transferable: true,
    refundPolicy: null,
    ...given,
    name: input.name,
    pricingType: input.pricingType,
    attendanceMode: input.attendanceMode,
    minPerOrder,
    maxPerOrder,
    maxPerUser: input.maxPerUser ?? maxPerOrder,
  };
}
