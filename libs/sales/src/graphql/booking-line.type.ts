import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: "One ticket type of a booking, priced when it was placed, in the booking's currency.",
})
export class BookingLineType {
  @Field(() => ID)
  ticketTypeId!: string;

  @Field()
  ticketTypeName!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int, { description: 'Minor units per ticket: the price, 0, or the donation.' })
  unitPrice!: number;

  @Field(() => Int)
  subtotal!: number;

  @Field(() => Int)
  discount!: number;

  @Field(() => Int)
  total!: number;
}
