import { IsEmail, type ValidationOptions } from 'class-validator';

/**
 * An e-mail address as every input takes it: what validator.js accepts, but with no space, which a quoted local part
 * (`"a b"@example.com`) would allow. Tickets are issued to the addresses of accounts and guests, and a ticket's holder
 * is refused with one, so such an address would only fail later, after a payment.
 */
export const IsEmailAddress = (options?: ValidationOptions) =>
  IsEmail({ blacklisted_chars: ' ' }, { message: '$property must be an e-mail address', ...options });
