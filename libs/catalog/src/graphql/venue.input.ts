import { Field, InputType } from '@nestjs/graphql';
import { IsISO31661Alpha2, IsString, Length } from 'class-validator';
import { Trim } from '@ticketing/platform';

@InputType()
export class VenueInput {
  @Field()
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @Field()
  @Trim()
  @IsString()
  @Length(1, 500)
  address!: string;

  @Field()
  @Trim()
  @IsString()
  @Length(1, 100)
  city!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code, e.g. FR.' })
  @Trim()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as FR' })
  country!: string;
}
