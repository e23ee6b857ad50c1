import { ruleViolation } from '@ticketing/platform/domain';

/** An amount in integer minor units (cents) of an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/** Fractions of a cent cannot be charged, and a float that looks whole may not be: only safe integers pass. */
export function assertWholeAmount(amount: number, what: string): void {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw ruleViolation('INVALID_AMOUNT', `${what} is a whole number of minor units (cents) of at least 0`, {
      amount,
    });
  }
}

export function assertCurrencyCode(currency: string): void {
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw ruleViolation('INVALID_CURRENCY', `${currency} is not an ISO 4217 currency code such as EUR`);
  }
}
