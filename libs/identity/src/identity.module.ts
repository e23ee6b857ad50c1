import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, loadSigningKey } from '@ticketing/platform';
import { ACCESS_TOKEN_KEY } from './application/access-tokens';
import { AdminBootstrap } from './application/admin-bootstrap';
import { Authenticator } from './application/authenticator';
import { GetUserHandler } from './application/get-user.handler';
import { LogInHandler } from './application/log-in.handler';
import { LogOutHandler } from './application/log-out.handler';
import { SignUpHandler } from './application/sign-up.handler';
import { IdentityResolver } from './graphql/identity.resolver';

export const identityHandlers = [SignUpHandler, LogInHandler, LogOutHandler, GetUserHandler];

/** Users, sessions and access tokens. Needs the global infrastructure providers (event store, read db, config). */
@Module({
  providers: [
    ...identityHandlers,
    IdentityResolver,
    Authenticator,
    AdminBootstrap,
    {
      provide: ACCESS_TOKEN_KEY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        loadSigningKey({ name: 'access-token', jwk: config.auth.signingKeyJwk, dataDir: config.dataDir }),
    },
  ],
  exports: [Authenticator, ACCESS_TOKEN_KEY],
})
export class IdentityModule {}
