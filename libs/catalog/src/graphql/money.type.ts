import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Money', { description: 'An amount in minor units (cents) of an ISO 4217 currency.' })
export class MoneyType {
  @Field(() => Int, { description: 'Minor units: 4500 is 45.00.' })
  amount!: number;

  @Field({ description: 'ISO 4217, e.g. EUR.' })
  currency!: string;
}
