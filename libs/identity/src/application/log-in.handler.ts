import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, toDomainEvent } from '@ticketing/event-store';
import {
  APP_CONFIG,
  type AppConfig,
  Clock,
  type CommandOrigin,
  commandContextFor,
  type SigningKey,
} from '@ticketing/platform';
import { foldEvents, unauthenticated } from '@ticketing/platform/domain';
import { emailClaimDecider, type EmailClaimEvent } from '../domain/email-claim.decider';
import { userDecider } from '../domain/user.decider';
import type { UserEvent } from '../domain/user.events';
import { ACCESS_TOKEN_KEY } from './access-tokens';
import { UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password-hasher';
import { type AuthResult, startSession } from './sessions';
import { emailClaimStream, userStream } from './streams';

export class LogInCommand extends Command<AuthResult> {
  constructor(
    readonly credentials: { email: string; password: string },
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_TOKEN_KEY) private readonly key: SigningKey,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Reads the account from its streams, so a user can log in the instant sign-up returns, on any replica. */
  async execute({ credentials, origin }: LogInCommand): Promise<AuthResult> {
    const claim = foldEvents(
      emailClaimDecider,
      (await this.store.readStream(emailClaimStream(credentials.email))).map(toDomainEvent<EmailClaimEvent>),
    );
    const user = claim.claimedBy
      ? foldEvents(
          userDecider,
          (await this.store.readStream(userStream(claim.claimedBy))).map(toDomainEvent<UserEvent>),
        )
      : null;
    const registered = user?.status === 'registered' ? user : null;
    const matches = await verifyPassword(
      credentials.password,
      registered?.passwordHash ?? UNKNOWN_ACCOUNT_HASH,
    );
    if (!registered || !matches) throw unauthenticated('The e-mail address or the password is wrong');
    const context = commandContextFor(origin, this.clock.now());
    return startSession(this.store, this.key, this.config.auth, registered, context);
  }
}
