import { Field, ObjectType } from '@nestjs/graphql';
import { IssuedTicketType } from './issued-ticket.type';

@ObjectType('TicketEdge')
export class TicketEdgeType {
  @Field({ description: 'Pass it as `after` to continue after this ticket.' })
  cursor!: string;

  @Field(() => IssuedTicketType)
  node!: IssuedTicketType;
}

@ObjectType('TicketPageInfo')
export class TicketPageInfoType {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Null when the page is empty.' })
  endCursor!: string | null;
}

@ObjectType('TicketConnection', { description: 'A page of tickets, the most recently received first.' })
export class TicketConnectionType {
  @Field(() => [TicketEdgeType])
  edges!: TicketEdgeType[];

  @Field(() => TicketPageInfoType)
  pageInfo!: TicketPageInfoType;
}
