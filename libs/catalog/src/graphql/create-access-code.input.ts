import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Omittable } from './omittable.validator';
import { Trim } from '@ticketing/platform';

@InputType()
export class CreateAccessCodeInput {
  @Field({
    nullable: true,
    description: '4 to 32 letters, digits or dashes, any case; generated when left out.',
  })
  @Omittable()
  @Trim()
  @Length(4, 32)
  @Matches(/^[A-Za-z0-9-]+$/, { message: 'code may hold only letters, digits and dashes' })
  code?: string;

  @Field(() => [ID], { description: "The event's ticket types it unlocks, 1 to 50." })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  ticketTypeIds!: string[];
}
