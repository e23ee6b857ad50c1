import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Venue')
export class VenueType {
  @Field()
  name!: string;

  @Field()
  address!: string;

  @Field()
  city!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string;
}
