import { Field, ObjectType } from '@nestjs/graphql';
import { EventType } from './event.type';

@ObjectType('EventEdge')
export class EventEdgeType {
  @Field({ description: 'Pass it as `after` to continue after this event.' })
  cursor!: string;

  @Field(() => EventType)
  node!: EventType;
}

@ObjectType('PageInfo')
export class PageInfoType {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Null when the page is empty.' })
  endCursor!: string | null;
}

@ObjectType('EventConnection', { description: 'A page of events, ordered by start time.' })
export class EventConnectionType {
  @Field(() => [EventEdgeType])
  edges!: EventEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}
