import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsString, Length, MaxLength } from 'class-validator';
import { Role } from '@ticketing/platform/domain';
import { IsEmailAddress, Trim } from '@ticketing/platform';

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do. ADMIN and SCANNER are granted, never chosen.',
});

/** The roles anyone may choose at sign-up; admins and door staff are created by an admin. */
export const SelfServiceRole = { ORGANIZER: Role.ORGANIZER, CUSTOMER: Role.CUSTOMER } as const;
export type SelfServiceRole = (typeof SelfServiceRole)[keyof typeof SelfServiceRole];
registerEnumType(SelfServiceRole, { name: 'SelfServiceRole' });

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => GraphQLISODateTime)
  registeredAt!: Date;
}

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field({ description: 'Send it as "Authorization: Bearer <accessToken>".' })
  accessToken!: string;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;

  @Field(() => UserType)
  user!: UserType;
}

@InputType()
export class SignUpInput {
  @Field()
  @IsEmailAddress()
  @MaxLength(254)
  email!: string;

  @Field({ description: '12 to 128 characters.' })
  @IsString()
  @Length(12, 128)
  password!: string;

  @Field()
  @Trim()
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @Field(() => SelfServiceRole, { defaultValue: SelfServiceRole.CUSTOMER })
  @IsIn(Object.values(SelfServiceRole))
  role!: SelfServiceRole;
}

@InputType()
export class LogInInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @MaxLength(128)
  password!: string;
}
