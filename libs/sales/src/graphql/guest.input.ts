import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { Trim } from '@ticketing/platform';

@InputType({ description: 'Who books without an account: their tickets go to this address.' })
export class GuestInput {
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
