import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { EventFormat, EventStatus } from './event.enums';
import { VenueType } from './venue.type';

@ObjectType('Event', { description: 'Something people buy tickets for. Instants are UTC.' })
export class EventType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The user who owns the event.' })
  organizerId!: string;

  @Field(() => EventStatus)
  status!: EventStatus;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => EventFormat)
  format!: EventFormat;

  @Field(() => VenueType, { nullable: true, description: 'Null for an ONLINE event.' })
  venue!: VenueType | null;

  @Field(() => GraphQLISODateTime)
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  endsAt!: Date;

  @Field({ description: 'The IANA time zone the event is local to, e.g. Europe/Paris.' })
  timeZone!: string;

  @Field(() => GraphQLISODateTime)
  registrationOpensAt!: Date;

  @Field(() => GraphQLISODateTime)
  registrationClosesAt!: Date;

  @Field(() => Int, { nullable: true, description: 'Null when only ticket types limit attendance.' })
  maxCapacity!: number | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => String, { nullable: true })
  cancellationReason!: string | null;

  @Field(() => Int, {
    description: 'Starts at 1 and grows with every change, so a client can tell it is stale.',
  })
  version!: number;
}
