import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { TicketHolderInput } from './ticket-holder.input';
import { Trim } from '@ticketing/platform';

const MAX_AMOUNT = 100_000_000;

@InputType({ description: 'What a door sale took.' })
export class DoorPaymentInput {
  @Field(() => Int, { description: `Minor units, 0 to ${MAX_AMOUNT}: 4500 is 45.00.` })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT)
  amount!: number;

  @Field({ description: 'ISO 4217, three upper-case letters, e.g. EUR.' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be three upper-case letters' })
  currency!: string;

  @Field({ description: 'How it was paid: cash, card...' })
  @Trim()
  @IsString()
  @Length(1, 50)
  method!: string;

  @Field({ description: "The payment's reference: a till receipt, a card terminal's transaction id..." })
  @Trim()
  @IsString()
  @Length(1, 200)
  reference!: string;
}

@InputType()
export class ActivateTicketInput {
  @Field(() => ID, { description: 'An UNACTIVATED door ticket.' })
  @IsString()
  @MaxLength(100)
  ticketId!: string;

  @Field(() => TicketHolderInput)
  @ValidateNested()
  @Type(() => TicketHolderInput)
  holder!: TicketHolderInput;

  @Field(() => DoorPaymentInput)
  @ValidateNested()
  @Type(() => DoorPaymentInput)
  payment!: DoorPaymentInput;
}
