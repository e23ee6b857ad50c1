import { AppError } from '@ticketing/platform/domain';
import { DevelopmentPaymentGateway } from './development-payment.gateway';

describe('DevelopmentPaymentGateway', () => {
  const gateway = new DevelopmentPaymentGateway();

  it('derives the payment reference from the booking and leaves the client nothing to confirm', async () => {
    expect(await gateway.createPayment({ bookingId: 'b-1', amount: 4500, currency: 'EUR' })).toEqual({
      paymentRef: 'dev_b-1',
      clientSecret: null,
    });
  });

  it('refunds its own payments at once, with a reference derived from the idempotency key', async () => {
    const refund = { paymentRef: 'dev_b-1', reason: 'event_cancelled', idempotencyKey: 'k-1' } as const;
    expect(await gateway.refund(refund)).toEqual({ refundRef: 'dev_refund_k-1', status: 'succeeded' });
    expect(await gateway.refund(refund)).toEqual(await gateway.refund(refund));
  });

  it('refuses to refund a payment another gateway took', async () => {
    await expect(
      gateway.refund({ paymentRef: 'pi_123', reason: 'duplicate', idempotencyKey: 'k-2' }),
    ).rejects.toMatchObject({ reason: 'PAYMENT_REJECTED' });
  });

  it('refuses what Stripe would refuse: a fractional amount, a lower-case currency, an empty key', async () => {
    const bad = gateway.createPayment({ bookingId: 'b-2', amount: 0.5, currency: 'eur' });
    await expect(bad).rejects.toBeInstanceOf(AppError);
    await expect(bad).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'amount' }, { field: 'currency' }] },
    });
    await expect(
      gateway.refund({ paymentRef: 'dev_b-2', reason: 'duplicate', idempotencyKey: ' ' }),
    ).rejects.toMatchObject({ details: { fields: [{ field: 'idempotencyKey' }] } });
  });
});
