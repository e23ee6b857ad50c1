import { ruleViolation } from '@ticketing/platform/domain';

/** The person a ticket admits. `userId` is set when the holder has an account the issuer knew of. */
export interface TicketHolder {
  userId: string | null;
  email: string;
  name: string;
}

export type TicketHolderInput = { userId?: string | null; email: string; name: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The holder as recorded: the e-mail address normalised, the name trimmed; both are required. */
export function recordedHolder(input: TicketHolderInput): TicketHolder {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  if (!EMAIL.test(email) || name.length === 0 || name.length > 200) {
    throw ruleViolation(
      'INVALID_TICKET_HOLDER',
      'A ticket holder needs an e-mail address and a name of 1 to 200 characters',
    );
  }
  return { userId: input.userId ?? null, email, name };
}

/** Addresses are compared case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
