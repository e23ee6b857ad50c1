import { type EventStore, runCommand } from '@ticketing/event-store';
import { type AppConfig, type CommandContext, newId, type SigningKey } from '@ticketing/platform';
import type { Role } from '@ticketing/platform/domain';
import { sessionDecider } from '../domain/session.decider';
import { issueAccessToken, type IssuedToken } from './access-tokens';
import { sessionStream } from './streams';

export interface AuthResult extends IssuedToken {
  userId: string;
}

/** Starts a session that lives as long as its access token, and issues that token. */
export async function startSession(
  store: EventStore,
  key: SigningKey,
  settings: AppConfig['auth'],
  user: { userId: string; role: Role },
  context: CommandContext,
): Promise<AuthResult> {
  const sessionId = newId();
  const expiresAt = new Date(context.now.getTime() + settings.accessTokenTtlSeconds * 1000);
  await runCommand(
    store,
    sessionDecider,
    sessionStream(sessionId),
    { type: 'StartSession', sessionId, userId: user.userId, expiresAt },
    context,
  );
  const token = await issueAccessToken(key, settings, { ...user, sessionId }, context.now);
  return { ...token, userId: user.userId };
}
