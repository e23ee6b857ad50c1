import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, toDomainEvent } from '@ticketing/event-store';
import { APP_CONFIG, type AppConfig, Clock, type SigningKey } from '@ticketing/platform';
import { foldEvents, type Principal, unauthenticated } from '@ticketing/platform/domain';
import { isSessionActive, sessionDecider, type SessionEvent } from '../domain/session.decider';
import { ACCESS_TOKEN_KEY, verifyAccessToken } from './access-tokens';
import { sessionStream } from './streams';

/**
 * Turns an `Authorization: Bearer` header into a principal. The session is read from its stream, not from a read
 * model, so a token is refused the moment its session ends, on every replica, whatever the projections' lag.
 */
@Injectable()
export class Authenticator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_TOKEN_KEY) private readonly key: SigningKey,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Null when no credentials came; UNAUTHENTICATED when they came and do not hold. */
  async authenticate(authorization: string | undefined): Promise<Principal | null> {
    if (!authorization) return null;
    const [scheme, token] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw unauthenticated('Send the access token as "Authorization: Bearer <token>"');
    }
    const now = this.clock.now();
    const principal = await verifyAccessToken(this.key, this.config.auth, token, now);
    const history = await this.store.readStream(sessionStream(principal.sessionId));
    const session = foldEvents(sessionDecider, history.map(toDomainEvent<SessionEvent>));
    if (!isSessionActive(session, now) || session.userId !== principal.userId) {
      throw unauthenticated('This session has ended; log in again');
    }
    return principal;
  }
}
