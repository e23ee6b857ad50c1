import { Field, InputType, Int } from '@nestjs/graphql';
import { IsISO4217CurrencyCode, IsInt, Matches, Max, Min } from 'class-validator';

const MAX_DONATION = 100_000_000;

@InputType({ description: 'What the buyer chooses to give per ticket of a DONATION ticket type.' })
export class DonationInput {
  @Field(() => Int, { description: `Minor units, 0 to ${MAX_DONATION}: 1000 is 10.00.` })
  @IsInt()
  @Min(0)
  @Max(MAX_DONATION)
  amount!: number;

  @Field({ description: 'ISO 4217, three upper-case letters, e.g. EUR.' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be three upper-case letters' })
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;
}
