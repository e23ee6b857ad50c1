import { Field, InputType, Int } from '@nestjs/graphql';
import {
  IsInt,
  IsISO4217CurrencyCode,
  Matches,
  Max,
  Min,
  Validate,
  ValidateIf,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';

const MAX_AMOUNT_OFF = 100_000_000;

@ValidatorConstraint({ name: 'oneDiscountKind' })
class OneDiscountKind implements ValidatorConstraintInterface {
  validate(_percentOff: unknown, { object }: ValidationArguments): boolean {
    const { amountOff, currency } = object as PromoDiscountInput;
    return amountOff == null && currency == null;
  }

  defaultMessage(): string {
    return 'give either percentOff, or amountOff with its currency, not both';
  }
}

/** GraphQL has no input unions: one of the two kinds is given, the other left out. */
@InputType({ description: 'Either a whole percentage off, or a fixed amount off the whole booking.' })
export class PromoDiscountInput {
  @Field(() => Int, { nullable: true, description: '1 to 100, off the price of the tickets it applies to.' })
  @ValidateIf((input: PromoDiscountInput) => input.percentOff != null || input.amountOff == null)
  @IsInt()
  @Min(1)
  @Max(100)
  @Validate(OneDiscountKind)
  percentOff?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Minor units (cents), 1 to ${MAX_AMOUNT_OFF}, off the booking's total; needs \`currency\`.`,
  })
  @ValidateIf((input: PromoDiscountInput) => input.amountOff != null)
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_OFF)
  amountOff?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of `amountOff`, e.g. EUR.' })
  @ValidateIf((input: PromoDiscountInput) => input.amountOff != null || input.currency != null)
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be three upper-case letters' })
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string | null;
}
