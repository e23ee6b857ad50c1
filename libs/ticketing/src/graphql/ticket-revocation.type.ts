import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { RevocationReason } from './ticket.enums';

@ObjectType('TicketRevocation')
export class TicketRevocationType {
  @Field(() => Int, { description: 'Grows through the feed; pass the last one seen as `after`.' })
  sequence!: number;

  @Field(() => ID)
  ticketId!: string;

  @Field(() => Int, { description: 'QR codes of this ticket whose `v` is this or lower no longer admit.' })
  qrVersion!: number;

  @Field(() => RevocationReason)
  reason!: RevocationReason;

  @Field(() => GraphQLISODateTime)
  revokedAt!: Date;
}

@ObjectType('TicketRevocationFeed', {
  description: "A page of an event's revocations, oldest first, for scanners that verify QR codes offline.",
})
export class TicketRevocationFeedType {
  @Field(() => [TicketRevocationType])
  revocations!: TicketRevocationType[];

  @Field(() => Int, { description: 'Pass it as `after` on the next pull.' })
  cursor!: number;

  @Field({ description: 'More are waiting: pull again now rather than at the next interval.' })
  hasMore!: boolean;
}
