import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const PromoDiscountKind = { PERCENT: 'PERCENT', AMOUNT: 'AMOUNT' } as const;
export type PromoDiscountKind = (typeof PromoDiscountKind)[keyof typeof PromoDiscountKind];

registerEnumType(PromoDiscountKind, {
  name: 'PromoDiscountKind',
  description: 'PERCENT off the tickets it applies to, or a fixed AMOUNT off the booking.',
});

@ObjectType('PromoDiscount')
export class PromoDiscountType {
  @Field(() => PromoDiscountKind)
  kind!: PromoDiscountKind;

  @Field(() => Int, { nullable: true, description: 'Set when `kind` is PERCENT.' })
  percentOff!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Minor units (cents) of `currency`, when `kind` is AMOUNT.',
  })
  amountOff!: number | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;
}

@ObjectType('PromoCodeUses', {
  description: 'Bookings using the code: still to pay (held) and paid (confirmed).',
})
export class PromoCodeUsesType {
  @Field(() => Int)
  held!: number;

  @Field(() => Int)
  confirmed!: number;
}

@ObjectType('PromoCode', {
  description: "A discount buyers unlock by typing the code at one event's checkout.",
})
export class PromoCodeType {
  @Field(() => ID)
  eventId!: string;

  @Field({ description: 'Upper-case; buyers may type it in any case.' })
  code!: string;

  @Field(() => PromoDiscountType)
  discount!: PromoDiscountType;

  @Field(() => [ID], { description: 'The ticket types it takes money off; empty: all of the event’s.' })
  ticketTypeIds!: string[];

  @Field(() => Int, { nullable: true, description: 'How many bookings may use it; null: no maximum.' })
  maxUses!: number | null;

  @Field(() => GraphQLISODateTime)
  validFrom!: Date;

  @Field(() => GraphQLISODateTime, { description: 'The first instant it is refused.' })
  validUntil!: Date;

  @Field(() => PromoCodeUsesType)
  uses!: PromoCodeUsesType;

  @Field(() => ID)
  createdBy!: string;
}
