import { conflict, type Decider, type Role } from '@ticketing/platform/domain';
import type { UserEvent } from './user.events';

export type RegisterUser = {
  type: 'RegisterUser';
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  passwordHash: string;
};

export type UserCommand = RegisterUser;

export type UserState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      userId: string;
      email: string;
      displayName: string;
      role: Role;
      passwordHash: string;
    };

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: { status: 'unregistered' },

  decide(command, state, now) {
    if (state.status === 'registered') throw conflict('USER_EXISTS', `User ${command.userId} already exists`);
    const { userId, email, displayName, role, passwordHash } = command;
    return [
      {
        type: 'UserRegistered',
        data: { userId, email, displayName, role, passwordHash, registeredAt: now.toISOString() },
      },
    ];
  },

  evolve(_state, event) {
    const { userId, email, displayName, role, passwordHash } = event.data;
    return { status: 'registered', userId, email, displayName, role, passwordHash };
  },
};
