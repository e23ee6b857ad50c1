import { AppError, conflict, ErrorCode, notFound, ruleViolation } from '@ticketing/platform/domain';
import { checkoutRefusalOf, refusedAgain } from './checkout-refusal';

describe('what a refused checkout keeps of its refusal', () => {
  it('a broken rule is kept whole, and thrown again as it was first thrown', () => {
    const soldOut = ruleViolation('SOLD_OUT', 'Ticket type ga is sold out', { ticketTypeId: 'ga' });

    const refusal = checkoutRefusalOf(soldOut)!;

    expect(refusal).toEqual({
      code: ErrorCode.BUSINESS_RULE_VIOLATION,
      reason: 'SOLD_OUT',
      message: 'Ticket type ga is sold out',
      details: { ticketTypeId: 'ga' },
    });
    const again = refusedAgain(JSON.parse(JSON.stringify(refusal)));
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject({
      code: soldOut.code,
      reason: soldOut.reason,
      message: soldOut.message,
      details: soldOut.details,
    });
  });

  it('something that was not found is kept, as a code that does not exist stays so', () => {
    expect(checkoutRefusalOf(notFound('Promo code', 'SPRING'))).toMatchObject({
      code: ErrorCode.NOT_FOUND,
      reason: 'PROMO_CODE_NOT_FOUND',
    });
  });

  it.each([
    ['a conflict', conflict('CONCURRENT_CHANGE', 'Someone else changed it')],
    ['an outage', new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The store is down', 'STORE_UNAVAILABLE')],
    ['an error of our own', new TypeError('undefined is not a function')],
  ])('%s is not kept: it may not happen again', (_what, error) => {
    expect(checkoutRefusalOf(error)).toBeUndefined();
  });
});
