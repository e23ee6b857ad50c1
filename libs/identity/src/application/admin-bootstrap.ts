import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ticketing/event-store';
import { APP_CONFIG, type AppConfig, Clock, commandContextFor } from '@ticketing/platform';
import { Role, SYSTEM_ACTOR } from '@ticketing/platform/domain';
import { emailClaimStream } from './streams';
import { registerUser } from './user-registration';

/** The first admin comes from configuration (ADMIN_EMAIL, ADMIN_PASSWORD) or the admin CLI, never from the API. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin) return;
    const existing = await this.store.readStream(emailClaimStream(admin.email), { maxCount: 1 });
    if (existing.length > 0) return;
    const context = commandContextFor(
      { principal: null, correlationId: 'admin-bootstrap' },
      this.clock.now(),
    );
    await registerUser(
      this.store,
      { email: admin.email, password: admin.password, displayName: 'Administrator', role: Role.ADMIN },
      { ...context, actor: SYSTEM_ACTOR },
    );
    this.logger.log(`Created the first admin, ${admin.email}`);
  }
}
