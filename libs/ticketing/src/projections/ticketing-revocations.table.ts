import type { RevocationReason } from '../domain/qr-revocation';

/** The feed offline scanners pull: one row per fact that made QR codes of a ticket stop admitting. */
export interface TicketingRevocationsTable {
  /** 1, 2, 3... in log order: a scanner asks for everything after the last one it has. */
  sequence: number;
  ticket_id: string;
  event_id: string;
  /** Codes of this ticket signed for this version or an earlier one no longer admit. */
  qr_version: number;
  reason: RevocationReason;
  revoked_at: Date;
}

declare module '@ticketing/read-store/database' {
  interface Database {
    ticketing_revocations: TicketingRevocationsTable;
  }
}
