import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import {
  APP_CONFIG,
  type AppConfig,
  Clock,
  type CommandOrigin,
  commandContextFor,
  type SigningKey,
} from '@ticketing/platform';
import { ACCESS_TOKEN_KEY } from './access-tokens';
import { type AuthResult, startSession } from './sessions';
import { type Registration, registerUser } from './user-registration';

export class SignUpCommand extends Command<AuthResult> {
  constructor(
    readonly registration: Registration,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

@CommandHandler(SignUpCommand)
export class SignUpHandler implements ICommandHandler<SignUpCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    @Inject(ACCESS_TOKEN_KEY) private readonly key: SigningKey,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute({ registration, origin }: SignUpCommand): Promise<AuthResult> {
    const context = commandContextFor(origin, this.clock.now());
    const { userId, position } = await registerUser(this.store, registration, context);
    await this.readYourWrites.waitFor(position);
    return startSession(this.store, this.key, this.config.auth, { userId, role: registration.role }, context);
  }
}
