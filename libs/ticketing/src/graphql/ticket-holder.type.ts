import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('TicketHolder', { description: 'The person a ticket admits.' })
export class TicketHolderType {
  @Field(() => ID, { nullable: true, description: 'Null when the ticket went to an e-mail address alone.' })
  userId!: string | null;

  @Field()
  email!: string;

  @Field()
  name!: string;
}
