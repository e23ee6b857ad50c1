import { registerEnumType } from '@nestjs/graphql';
import {
  AttendanceMode,
  PricingType,
  SalesChannel,
  TicketTypeAccess,
  TicketTypeVisibility,
} from '../domain/ticket-type-details';
import { TicketTypeStatus } from '../domain/ticket-type-status';

registerEnumType(PricingType, {
  name: 'PricingType',
  description:
    'PAID has a price above 0, FREE costs 0, DONATION lets the buyer choose the amount at checkout.',
});

registerEnumType(SalesChannel, {
  name: 'SalesChannel',
  description: 'Where the ticket type is sold. A DONATION is sold ONLINE_ONLY.',
});

registerEnumType(AttendanceMode, {
  name: 'AttendanceMode',
  description:
    'IN_PERSON grants entry to the venue, ONLINE access to the stream. It must suit the event format.',
});

registerEnumType(TicketTypeVisibility, {
  name: 'TicketTypeVisibility',
  description:
    'VISIBLE always, HIDDEN never (organizer only), HIDDEN_WHEN_NOT_ON_SALE only inside its sales window, ' +
    'CUSTOM_SCHEDULE only inside its visibility window.',
});

registerEnumType(TicketTypeAccess, {
  name: 'TicketTypeAccess',
  description: 'INVITE_ONLY ticket types are shown and sold only with an access code that unlocks them.',
});

registerEnumType(TicketTypeStatus, {
  name: 'TicketTypeStatus',
  description:
    'ACTIVE ⇄ INACTIVE (paused), either → CLOSED (final). SOLD_OUT is shown when an ACTIVE type has nothing left; ' +
    'nobody sets SOLD_OUT or DELETED by hand.',
});

// Types and inputs import the enums from here, so they are registered wherever the schema uses them.
export {
  AttendanceMode,
  PricingType,
  SalesChannel,
  TicketTypeAccess,
  TicketTypeStatus,
  TicketTypeVisibility,
};
