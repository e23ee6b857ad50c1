import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('TicketPrice', {
  description: 'What was paid for a ticket, in minor units of an ISO 4217 currency.',
})
export class TicketPriceType {
  @Field(() => Int, { description: 'Minor units: 4500 is 45.00.' })
  amount!: number;

  @Field({ description: 'ISO 4217, e.g. EUR.' })
  currency!: string;
}
