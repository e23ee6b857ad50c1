import { ruleViolation } from '@ticketing/platform/domain';
import { type EventDetails, EventFormat } from './event-details';
import {
  AttendanceMode,
  PricingType,
  SalesChannel,
  sameName,
  type TicketTypeDetails,
  TicketTypeVisibility,
} from './ticket-type-details';
import { TicketTypeStatus } from './ticket-type-status';
import type { TicketTypeState } from './ticket-type.state';

const MIN_SALES_WINDOW_MINUTES = 30;

/**
 * The rules every version of a ticket type obeys, checked at creation and against the merged result of each change.
 * `others` are the event's other ticket types.
 */
export function assertValidTicketType(
  details: TicketTypeDetails,
  event: EventDetails,
  others: TicketTypeState[],
): void {
  assertAttendanceModeFits(event.format, details);
  assertUniqueName(details, others);
  assertOrderLimits(details);
  assertPricing(details);
  assertVisibilityWindow(details);
  assertReentry(details);
  assertSalesWindow(details, event);
}

/** Only the ends being set must lie ahead: a window that opened last week stays valid while other fields change. */
export function assertSalesWindowAhead(changes: Partial<TicketTypeDetails>, now: Date): void {
  if (changes.salesStartsAt !== undefined && Date.parse(changes.salesStartsAt) < now.getTime()) {
    throw ruleViolation('SALES_START_IN_PAST', `Sales cannot start in the past (${changes.salesStartsAt})`);
  }
  if (changes.salesEndsAt !== undefined && Date.parse(changes.salesEndsAt) < now.getTime()) {
    throw ruleViolation('SALES_END_IN_PAST', `Sales cannot end in the past (${changes.salesEndsAt})`);
  }
}

/**
 * An event's new format and schedule must still suit the ticket types it has: changing them would otherwise leave a
 * type its event cannot take, or selling outside registration.
 */
export function assertTicketTypesFit(event: EventDetails, ticketTypes: TicketTypeState[]): void {
  for (const { details } of liveTicketTypes(ticketTypes)) {
    assertAttendanceModeFits(event.format, details, `; "${details.name}" is ${details.attendanceMode}`);
    assertSalesWindow(details, event, `Sales of "${details.name}"`);
  }
}

/** A HYBRID event is published only when both audiences can buy a ticket type that may still sell. */
export function assertBothModesOffered(event: EventDetails, ticketTypes: TicketTypeState[]): void {
  if (event.format !== EventFormat.HYBRID) return;
  const sellable = liveTicketTypes(ticketTypes).filter((type) => type.status !== TicketTypeStatus.CLOSED);
  const missing = Object.values(AttendanceMode).filter(
    (mode) => !sellable.some((type) => type.details.attendanceMode === mode),
  );
  if (missing.length > 0) {
    throw ruleViolation(
      'HYBRID_EVENT_NEEDS_BOTH_MODES',
      `A HYBRID event needs an IN_PERSON and an ONLINE ticket type before it is published; add ${missing.join(' and ')}`,
    );
  }
}

/** Deleted ticket types are gone; closed ones still exist. */
export function liveTicketTypes(ticketTypes: TicketTypeState[]): TicketTypeState[] {
  return ticketTypes.filter((type) => type.status !== TicketTypeStatus.DELETED);
}

function assertAttendanceModeFits(format: EventFormat, details: TicketTypeDetails, detail = ''): void {
  if (format !== EventFormat.HYBRID && details.attendanceMode !== format) {
    throw ruleViolation(
      'ATTENDANCE_MODE_NOT_ALLOWED',
      `An ${format} event takes only ${format} ticket types${detail}; make the event HYBRID to offer both`,
    );
  }
}

function assertUniqueName(details: TicketTypeDetails, others: TicketTypeState[]): void {
  const taken = liveTicketTypes(others).some(
    (other) =>
      other.details.attendanceMode === details.attendanceMode && sameName(other.details.name, details.name),
  );
  if (taken) {
    throw ruleViolation(
      'DUPLICATE_NAME',
      `This event already has an ${details.attendanceMode} ticket type named "${details.name}"; choose another name`,
    );
  }
}

function assertOrderLimits({ minPerOrder, maxPerOrder, maxPerUser }: TicketTypeDetails): void {
  if (maxPerOrder < minPerOrder) {
    throw ruleViolation(
      'MAX_PER_ORDER_BELOW_MIN',
      `At most ${maxPerOrder} per order is below the minimum of ${minPerOrder} per order`,
    );
  }
  if (maxPerUser < maxPerOrder) {
    throw ruleViolation(
      'MAX_PER_USER_BELOW_MAX_PER_ORDER',
      `At most ${maxPerUser} per buyer is below the ${maxPerOrder} one order may hold`,
    );
  }
}

function assertPricing(details: TicketTypeDetails): void {
  const { pricingType, price, minimumDonation } = details;
  if (pricingType === PricingType.PAID && (price === null || price.amount <= 0)) {
    throw ruleViolation(
      'PRICE_REQUIRED',
      'A PAID ticket type needs a price above 0; use FREE for free entry',
    );
  }
  if (pricingType === PricingType.FREE && price !== null && price.amount !== 0) {
    throw ruleViolation(
      'FREE_TICKET_TYPE_PRICED',
      'A FREE ticket type costs 0: leave the price out or make it PAID',
    );
  }
  if (pricingType !== PricingType.DONATION && minimumDonation !== null) {
    throw ruleViolation(
      'MINIMUM_DONATION_WITHOUT_DONATION',
      `Only a DONATION ticket type has a minimum donation; this one is ${pricingType}`,
    );
  }
  if (pricingType === PricingType.DONATION) assertDonation(details);
}

/** Donations are taken online, one per order and buyer, at whatever amount the buyer chooses. */
function assertDonation({ price, salesChannel, maxPerOrder, maxPerUser }: TicketTypeDetails): void {
  if (price !== null) {
    throw ruleViolation(
      'DONATION_HAS_NO_FIXED_PRICE',
      'A DONATION ticket type has no fixed price: buyers choose the amount; set a minimumDonation instead',
    );
  }
  if (salesChannel !== SalesChannel.ONLINE_ONLY) {
    throw ruleViolation('DONATION_ONLINE_ONLY', 'A DONATION ticket type is sold ONLINE_ONLY');
  }
  if (maxPerOrder !== 1 || maxPerUser !== 1) {
    throw ruleViolation(
      'DONATION_LIMITED_TO_ONE',
      'A DONATION ticket type is limited to 1 per order and 1 per buyer',
    );
  }
}

function assertVisibilityWindow({
  visibility,
  visibilityStartsAt,
  visibilityEndsAt,
}: TicketTypeDetails): void {
  const windowSet = visibilityStartsAt !== null || visibilityEndsAt !== null;
  if (visibility !== TicketTypeVisibility.CUSTOM_SCHEDULE) {
    if (windowSet) {
      throw ruleViolation(
        'VISIBILITY_WINDOW_NOT_ALLOWED',
        `A visibility window belongs to CUSTOM_SCHEDULE visibility, not ${visibility}`,
      );
    }
    return;
  }
  if (visibilityStartsAt === null || visibilityEndsAt === null) {
    throw ruleViolation(
      'VISIBILITY_WINDOW_REQUIRED',
      'CUSTOM_SCHEDULE visibility needs both visibilityStartsAt and visibilityEndsAt',
    );
  }
  if (Date.parse(visibilityEndsAt) <= Date.parse(visibilityStartsAt)) {
    throw ruleViolation(
      'VISIBILITY_WINDOW_ENDS_BEFORE_START',
      'The visibility window must end after it starts',
    );
  }
}

function assertReentry({ allowReentry, reentryLimit }: TicketTypeDetails): void {
  if (!allowReentry && reentryLimit !== null) {
    throw ruleViolation('REENTRY_LIMIT_WITHOUT_REENTRY', 'A re-entry limit needs allowReentry');
  }
  if (reentryLimit !== null && reentryLimit < 2) {
    throw ruleViolation(
      'REENTRY_LIMIT_TOO_LOW',
      'The re-entry limit counts every scan, the first included: allowing re-entry means at least 2',
    );
  }
}

/** Sales happen during registration, which closes no later than the event ends, so sales end by then too. */
function assertSalesWindow(
  { salesStartsAt, salesEndsAt }: Pick<TicketTypeDetails, 'salesStartsAt' | 'salesEndsAt'>,
  event: EventDetails,
  subject = 'Sales',
): void {
  const startsAt = Date.parse(salesStartsAt);
  const endsAt = Date.parse(salesEndsAt);
  if (endsAt - startsAt < MIN_SALES_WINDOW_MINUTES * 60_000) {
    throw ruleViolation(
      'SALES_WINDOW_TOO_SHORT',
      `${subject} must end at least ${MIN_SALES_WINDOW_MINUTES} minutes after they start`,
    );
  }
  if (startsAt < Date.parse(event.registrationOpensAt)) {
    throw ruleViolation(
      'SALES_START_BEFORE_REGISTRATION_OPENS',
      `${subject} cannot start before registration opens (${event.registrationOpensAt})`,
    );
  }
  if (endsAt > Date.parse(event.registrationClosesAt)) {
    throw ruleViolation(
      'SALES_END_AFTER_REGISTRATION_CLOSES',
      `${subject} cannot end after registration closes (${event.registrationClosesAt})`,
    );
  }
}
