import {
  Controller,
  Headers,
  HttpCode,
  HttpException,
  HttpStatus,
  Post,
  type RawBodyRequest,
  Req,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppError, ErrorCode } from '@ticketing/platform/domain';
import { HandleStripeEventCommand, type StripeEventOutcome, StripeWebhookVerifier } from '@ticketing/sales';
import type { Request } from 'express';
import type Stripe from 'stripe';

/**
 * Where Stripe delivers events. Any 2xx tells Stripe to stop; anything else makes it deliver again (with backoff, for
 * up to three days), so a request we could not verify is 400 and one whose handling failed is 500.
 */
@Controller('webhooks')
export class StripeWebhookController {
  constructor(
    private readonly verifier: StripeWebhookVerifier,
    private readonly commandBus: CommandBus,
  ) {}

  @Post('stripe')
  @HttpCode(HttpStatus.OK)
  async receive(
    @Req() request: RawBodyRequest<Request>,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<{ received: true; outcome: StripeEventOutcome }> {
    const event = this.verified(request.rawBody, signature);
    const outcome = await this.commandBus.execute(new HandleStripeEventCommand(event));
    return { received: true, outcome };
  }

  private verified(payload: Buffer | undefined, signature: string | undefined): Stripe.Event {
    try {
      return this.verifier.verify(payload, signature);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const status = error.code === ErrorCode.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
      throw new HttpException(
        { statusCode: status, code: error.code, reason: error.reason, message: error.message },
        status,
      );
    }
  }
}
