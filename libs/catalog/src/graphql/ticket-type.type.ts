import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { MoneyType } from './money.type';
import {
  AttendanceMode,
  PricingType,
  SalesChannel,
  TicketTypeAccess,
  TicketTypeStatus,
  TicketTypeVisibility,
} from './ticket-type.enums';

@ObjectType('TicketType', {
  description:
    'A kind of ticket an event sells. Counts come from the inventory; `isOnSale`, `saleStatusMessage` and ' +
    '`isCurrentlyVisible` are worked out when asked. Instants are UTC.',
})
export class TicketTypeType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  eventId!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => PricingType)
  pricingType!: PricingType;

  @Field(() => MoneyType, {
    nullable: true,
    description: 'Null for a DONATION, and for a FREE type given none.',
  })
  price!: MoneyType | null;

  @Field(() => MoneyType, {
    nullable: true,
    description: 'The least a DONATION buyer may give; null for any.',
  })
  minimumDonation!: MoneyType | null;

  @Field(() => SalesChannel)
  salesChannel!: SalesChannel;

  @Field(() => AttendanceMode)
  attendanceMode!: AttendanceMode;

  @Field(() => Int, { description: 'The capacity.' })
  totalQuantity!: number;

  @Field(() => Int)
  sold!: number;

  @Field(() => Int, { description: 'Held by buyers who have not paid yet.' })
  held!: number;

  @Field(() => Int, { description: "What a buyer can still get, within the event's maximum capacity too." })
  available!: number;

  @Field()
  isSoldOut!: boolean;

  @Field(() => GraphQLISODateTime)
  salesStartsAt!: Date;

  @Field(() => GraphQLISODateTime)
  salesEndsAt!: Date;

  @Field({
    description: 'The event is published, the type ACTIVE with units left, and its sales window open.',
  })
  isOnSale!: boolean;

  @Field({
    description:
      '"On sale until Apr 17, 2026", "Sales start Mar 18, 2026", "Sales ended", "Sold out", "Paused"...',
  })
  saleStatusMessage!: string;

  @Field(() => Int)
  minPerOrder!: number;

  @Field(() => Int)
  maxPerOrder!: number;

  @Field(() => Int, { description: "Across all of a buyer's orders." })
  maxPerUser!: number;

  @Field(() => TicketTypeVisibility)
  visibility!: TicketTypeVisibility;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set for CUSTOM_SCHEDULE only.' })
  visibilityStartsAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set for CUSTOM_SCHEDULE only.' })
  visibilityEndsAt!: Date | null;

  @Field({ description: 'Whether buyers see it now by its visibility, access codes aside.' })
  isCurrentlyVisible!: boolean;

  @Field(() => TicketTypeAccess)
  access!: TicketTypeAccess;

  @Field(() => [String])
  inclusiveItems!: string[];

  @Field()
  allowReentry!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Total scans allowed, the first included; null for unlimited re-entry.',
  })
  reentryLimit!: number | null;

  @Field(() => [String], { description: 'Empty means any scan point.' })
  acceptedScanPoints!: string[];

  @Field()
  transferable!: boolean;

  @Field(() => String, { nullable: true, description: 'Shown to buyers before they pay.' })
  refundPolicy!: string | null;

  @Field(() => TicketTypeStatus)
  status!: TicketTypeStatus;

  @Field(() => ID)
  createdBy!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => ID, { nullable: true, description: 'Null until the first change.' })
  updatedBy!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null until the first change.' })
  updatedAt!: Date | null;
}
