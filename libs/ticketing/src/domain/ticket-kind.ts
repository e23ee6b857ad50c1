/** How a ticket came to be: bought in a booking, given away by staff, or held back for sale at the door. */
export const TicketKind = {
  PURCHASED: 'PURCHASED',
  COMP: 'COMP',
  DOOR: 'DOOR',
} as const;
export type TicketKind = (typeof TicketKind)[keyof typeof TicketKind];
