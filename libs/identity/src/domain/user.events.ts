import type { DomainEvent, Role } from '@ticketing/platform/domain';

export type UserRegistered = DomainEvent<
  'UserRegistered',
  {
    userId: string;
    email: string;
    displayName: string;
    role: Role;
    passwordHash: string;
    registeredAt: string;
  }
>;

export type UserEvent = UserRegistered;
