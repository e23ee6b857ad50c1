import { registerEnumType } from '@nestjs/graphql';
import { RevocationReason } from '../domain/qr-revocation';
import { TicketKind } from '../domain/ticket-kind';
import { TicketStatus } from '../domain/ticket-status';

registerEnumType(TicketKind, {
  name: 'TicketKind',
  description: 'PURCHASED in a booking, COMP given away by staff, DOOR held back for sale at the door.',
});

registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  description:
    'UNACTIVATED door tickets wait to be sold; ACTIVE tickets admit their holder (a transferred one stays ACTIVE for its new holder); VOIDED and REFUNDED ones admit no one.',
});

registerEnumType(RevocationReason, {
  name: 'TicketRevocationReason',
  description: 'What made QR codes of a ticket stop admitting.',
});

// Types and inputs import the enums from here, so they are registered wherever the schema uses them.
export { RevocationReason, TicketKind, TicketStatus };
