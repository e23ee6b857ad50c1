import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Clock } from '@ticketing/platform';
import { AppError, ErrorCode, invalidRequest } from '@ticketing/platform/domain';
import Stripe from 'stripe';

/**
 * Accepts a webhook only when its `Stripe-Signature` matches the exact bytes received under this endpoint's secret
 * and was made within Stripe's tolerance (5 minutes) of our clock, which is what makes a captured delivery useless
 * to replay later. Rejections are `AppError`s: VALIDATION_FAILED, or NOT_FOUND when Stripe is not configured.
 */
@Injectable()
export class StripeWebhookVerifier {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  verify(payload: Buffer | undefined, signature: string | undefined): Stripe.Event {
    const secret = this.config.payments.stripe?.webhookSecret;
    if (!secret) {
      throw new AppError(
        ErrorCode.NOT_FOUND,
        'Stripe webhooks are off: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to accept them',
        'STRIPE_WEBHOOKS_DISABLED',
      );
    }
    if (!payload || payload.length === 0) {
      throw invalidRequest(
        'STRIPE_PAYLOAD_MISSING',
        'Send the event as Stripe sent it, with Content-Type application/json',
      );
    }
    if (!signature)
      throw invalidRequest('STRIPE_SIGNATURE_MISSING', 'The Stripe-Signature header is missing');
    try {
      const receivedAt = this.clock.now().getTime();
      return Stripe.webhooks.constructEvent(payload, signature, secret, undefined, undefined, receivedAt);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
        throw invalidRequest(
          'STRIPE_SIGNATURE_INVALID',
          'The Stripe-Signature header does not match this body under the endpoint secret, or is too old',
        );
      }
      throw invalidRequest('STRIPE_PAYLOAD_INVALID', 'The body is not a Stripe event');
    }
  }
}
