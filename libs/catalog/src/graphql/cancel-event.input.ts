import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { Trim } from '@ticketing/platform';

@InputType()
export class CancelEventInput {
  @Field({ description: 'Why the event is cancelled, as ticket holders will read it. 1 to 1000 characters.' })
  @Trim()
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
