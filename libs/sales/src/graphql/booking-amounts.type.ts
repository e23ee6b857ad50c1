import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Minor units (cents) of `currency`.' })
export class BookingAmountsType {
  @Field(() => Int)
  subtotal!: number;

  @Field(() => Int)
  discount!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => String, { nullable: true, description: 'Null only when every ticket is free.' })
  currency!: string | null;
}
