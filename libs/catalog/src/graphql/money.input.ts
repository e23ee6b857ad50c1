import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsISO4217CurrencyCode, Matches, Max, Min } from 'class-validator';

const MAX_AMOUNT = 100_000_000;

@InputType({ description: 'An amount in minor units (cents) of an ISO 4217 currency.' })
export class MoneyInput {
  @Field(() => Int, { description: `Minor units, 0 to ${MAX_AMOUNT}: 4500 is 45.00.` })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT)
  amount!: number;

  @Field({ description: 'ISO 4217, three upper-case letters, e.g. EUR.' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be three upper-case letters' })
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;
}
