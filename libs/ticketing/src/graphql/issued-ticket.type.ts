import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { TicketKind, TicketStatus } from './ticket.enums';
import { TicketHolderType } from './ticket-holder.type';
import { TicketPriceType } from './ticket-price.type';

@ObjectType('Ticket', { description: 'An issued ticket: one admission to an event. Instants are UTC.' })
export class IssuedTicketType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Null for comps and door tickets.' })
  bookingId!: string | null;

  @Field(() => ID)
  eventId!: string;

  @Field(() => ID)
  ticketTypeId!: string;

  @Field(() => TicketKind)
  kind!: TicketKind;

  @Field(() => TicketStatus)
  status!: TicketStatus;

  @Field(() => TicketHolderType, {
    nullable: true,
    description: 'Null while a door ticket waits to be sold.',
  })
  holder!: TicketHolderType | null;

  @Field(() => GraphQLISODateTime, { description: 'When the current holder got it.' })
  heldSince!: Date;

  @Field(() => TicketPriceType, { nullable: true, description: 'Null for comps and unsold door tickets.' })
  price!: TicketPriceType | null;

  @Field()
  transferable!: boolean;

  @Field(() => Int, {
    description: 'Grows with every transfer; QR codes of earlier versions no longer admit.',
  })
  qrVersion!: number;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  checkedInAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  issuedAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;
}
