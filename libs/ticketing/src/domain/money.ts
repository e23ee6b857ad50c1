/** An amount in minor units (cents) of an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/** What a door sale took: the amount, how it was paid (card, cash...) and the payment's reference. */
export interface Payment extends Money {
  method: string;
  reference: string;
}

export function isValidMoney(money: Money): boolean {
  return Number.isSafeInteger(money.amount) && money.amount >= 0 && /^[A-Z]{3}$/.test(money.currency);
}
