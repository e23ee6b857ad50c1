import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';
import { IsEmailAddress, Trim } from '@ticketing/platform';

@InputType('TicketHolderInput', {
  description: 'The person a ticket admits: the address it goes to and their name.',
})
export class TicketHolderInput {
  @Field()
  @IsEmailAddress()
  @MaxLength(320)
  email!: string;

  @Field()
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;
}
