import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { CatalogModule } from '@ticketing/catalog';
import { Authenticator, IdentityModule } from '@ticketing/identity';
import { NotificationsModule } from '@ticketing/notifications';
import { APP_CONFIG, type AppConfig } from '@ticketing/platform';
import { SalesModule } from '@ticketing/sales';
import { TicketingModule } from '@ticketing/ticketing';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';
import { InfrastructureModule, type InfrastructureProviders } from './infrastructure.module';
import { StripeWebhookController } from './webhooks/stripe-webhook.controller';
import { JwksController } from './well-known/jwks.controller';

@Module({})
export class AppModule {
  static forRoot(providers: InfrastructureProviders): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(providers),
        CqrsModule.forRoot(),
        IdentityModule,
        CatalogModule,
        SalesModule,
        TicketingModule,
        NotificationsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [IdentityModule],
          inject: [APP_CONFIG, Authenticator],
          useFactory: (config: AppConfig, authenticator: Authenticator) =>
            graphqlOptions(config, authenticator),
        }),
      ],
      controllers: [HealthController, JwksController, StripeWebhookController],
    };
  }
}
