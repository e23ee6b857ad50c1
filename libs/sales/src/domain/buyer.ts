import { ruleViolation } from '@ticketing/platform/domain';

/** Who books: a signed-in customer, or a guest known only by the e-mail and name they typed. */
export type Buyer = { kind: 'CUSTOMER'; userId: string } | { kind: 'GUEST'; email: string; name: string };

/**
 * The identity the per-buyer limits count under: the account for a customer, the e-mail for a guest. E-mail is
 * compared whatever its case and surrounding spaces, or "Ann@x.io" and "ann@x.io " would be two buyers with two
 * allowances. A guest and an account with the same address stay apart: the account is not proven to be theirs.
 *
 * @example
 * buyerKey({ kind: 'GUEST', email: ' Ann@Example.com', name: 'Ann' }); // 'guest:ann@example.com'
 */
export function buyerKey(buyer: Buyer): string {
  return buyer.kind === 'CUSTOMER' ? `user:${buyer.userId}` : `guest:${normaliseEmail(buyer.email)}`;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A guest is reached only through what they typed: without an address and a name, their tickets go nowhere. */
export function recordedBuyer(buyer: Buyer): Buyer {
  if (buyer.kind === 'CUSTOMER') return buyer;
  const email = normaliseEmail(buyer.email);
  const name = buyer.name.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || name === '') {
    throw ruleViolation('GUEST_DETAILS_REQUIRED', 'A guest books with a valid e-mail address and a name');
  }
  return { kind: 'GUEST', email, name };
}
