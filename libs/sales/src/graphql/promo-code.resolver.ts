import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { type GraphQLContext, RequestContext } from '@ticketing/platform';
import { CreatePromoCodeCommand } from '../application/create-promo-code.handler';
import type { PromoCodeView } from '../application/promo-code-view';
import type { PromoDiscount } from '../domain/promo-code/promo-discount';
import { CreatePromoCodeInput } from './create-promo-code.input';
import type { PromoDiscountInput } from './promo-discount.input';
import { PromoCodeType, type PromoDiscountType } from './promo-code.type';

@Resolver(() => PromoCodeType)
export class PromoCodeResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => PromoCodeType, {
    description:
      "Create a promo code for an event; sending the same definition again returns the code. Only the event's " +
      'organizer or an admin. Errors: VALIDATION_FAILED, NOT_FOUND (an event you cannot see, a ticket type not of ' +
      'the event), FORBIDDEN, CONFLICT (PROMO_CODE_TAKEN: the code exists with another definition), ' +
      'BUSINESS_RULE_VIOLATION (INVALID_VALIDITY_WINDOW, EVENT_CANCELLED).',
  })
  async createPromoCode(
    @Args('input') input: CreatePromoCodeInput,
    @RequestContext() context: GraphQLContext,
  ): Promise<PromoCodeType> {
    const request = {
      eventId: input.eventId,
      code: input.code,
      discount: toDiscount(input.discount),
      ticketTypeIds: input.ticketTypeIds ?? [],
      maxUses: input.maxUses ?? null,
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
    };
    const view: PromoCodeView = await this.commandBus.execute(new CreatePromoCodeCommand(request, context));
    return { ...view, discount: toDiscountType(view.discount) };
  }
}

/** The input was validated to hold exactly one kind. */
function toDiscount({ percentOff, amountOff, currency }: PromoDiscountInput): PromoDiscount {
  if (percentOff != null) return { kind: 'PERCENT', percentOff };
  return { kind: 'AMOUNT', amountOff: { amount: amountOff!, currency: currency! } };
}

function toDiscountType(discount: PromoDiscount): PromoDiscountType {
  return discount.kind === 'PERCENT'
    ? { kind: 'PERCENT', percentOff: discount.percentOff, amountOff: null, currency: null }
    : {
        kind: 'AMOUNT',
        percentOff: null,
        amountOff: discount.amountOff.amount,
        currency: discount.amountOff.currency,
      };
}
