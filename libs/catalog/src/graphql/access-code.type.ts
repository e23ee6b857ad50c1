import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('AccessCode', {
  description: 'A code the organizer hands to invitees; it unlocks INVITE_ONLY ticket types of one event.',
})
export class AccessCodeType {
  @Field(() => ID)
  eventId!: string;

  @Field({ description: 'Upper-case; buyers may type it in any case.' })
  code!: string;

  @Field(() => [ID])
  ticketTypeIds!: string[];

  @Field(() => ID)
  createdBy!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}
