import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { Trim } from '@ticketing/platform';

@InputType('TicketHolderInput', {
  description: 'The person a ticket admits: the address it goes to and their name.',
})
export class TicketHolderInput {
  @Field()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @Field()
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;
}
