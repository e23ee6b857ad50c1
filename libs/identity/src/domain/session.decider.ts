import { type Decider, type DomainEvent, unauthenticated } from '@ticketing/platform/domain';

export type SessionStarted = DomainEvent<
  'SessionStarted',
  { sessionId: string; userId: string; startedAt: string; expiresAt: string }
>;
export type SessionEnded = DomainEvent<'SessionEnded', { sessionId: string; endedAt: string }>;
export type SessionEvent = SessionStarted | SessionEnded;

export type StartSession = { type: 'StartSession'; sessionId: string; userId: string; expiresAt: Date };
export type EndSession = { type: 'EndSession'; sessionId: string };
export type SessionCommand = StartSession | EndSession;

export type SessionState =
  | { status: 'none' }
  | { status: 'active'; userId: string; expiresAt: Date }
  | { status: 'ended'; userId: string };

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: { status: 'none' },

  decide(command, state, now) {
    switch (command.type) {
      case 'StartSession':
        if (state.status !== 'none') return [];
        return [
          {
            type: 'SessionStarted',
            data: {
              sessionId: command.sessionId,
              userId: command.userId,
              startedAt: now.toISOString(),
              expiresAt: command.expiresAt.toISOString(),
            },
          },
        ];
      case 'EndSession':
        if (state.status === 'none') throw unauthenticated('This session does not exist');
        if (state.status === 'ended') return [];
        return [{ type: 'SessionEnded', data: { sessionId: command.sessionId, endedAt: now.toISOString() } }];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'SessionStarted':
        return { status: 'active', userId: event.data.userId, expiresAt: new Date(event.data.expiresAt) };
      case 'SessionEnded':
        return state.status === 'none' ? state : { status: 'ended', userId: state.userId };
    }
  },
};

/** A token is honoured only while its session is active and unexpired. */
export function isSessionActive(
  state: SessionState,
  now: Date,
): state is Extract<SessionState, { status: 'active' }> {
  return state.status === 'active' && state.expiresAt.getTime() > now.getTime();
}
