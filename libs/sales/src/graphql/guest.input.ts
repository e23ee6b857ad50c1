import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';
import { IsEmailAddress, Trim } from '@ticketing/platform';

@InputType({ description: 'Who books without an account: their tickets go to this address.' })
export class GuestInput {
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
